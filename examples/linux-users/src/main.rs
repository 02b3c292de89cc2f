//! perf_event_open(2) and KVM's shared structs from Rust, by Linux's names: prints the same
//! `name=value` lines as `c/linux_users.c`, so that the two can be compared.

use std::mem::offset_of;

use uabi::zerocopy::IntoBytes;
use uabi_linux::kvm::{KvmRegs, KvmRun};
use uabi_linux::perf_event::*;

/// An attr as the perf_event_open(2) manual's example fills it: a disabled counter that
/// leaves out the kernel and the hypervisor.
fn attr() -> PerfEventAttr {
    PerfEventAttr { r#type: PerfTypeId::Software as u32, config: PerfSwIds::TaskClock as u64, ..Default::default() }
        .with_disabled(1)
        .with_exclude_kernel(1)
        .with_exclude_hv(1)
}

/// Counts the task clock over some work; `None` where the kernel refuses perf events (say why).
fn count() -> Option<u64> {
    let attr = attr();
    // SAFETY: `attr` is a whole `perf_event_attr` of the size it says.
    let fd = unsafe { libc::syscall(libc::SYS_perf_event_open, attr.as_bytes().as_ptr(), 0, -1, -1, PERF_FLAG_FD_CLOEXEC) };
    if fd < 0 {
        eprintln!("perf_event_open: {} (kernel.perf_event_paranoid may forbid it)", std::io::Error::last_os_error());
        return None;
    }
    // SAFETY: a descriptor perf_event_open just returned, owned here.
    let fd = unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd as i32) };
    use std::os::fd::AsFd;
    // SAFETY: the perf ioctls on the perf descriptor they are defined for.
    unsafe { uabi::fd::ioctl_none(fd.as_fd(), PERF_EVENT_IOC_RESET) }.expect("PERF_EVENT_IOC_RESET");
    unsafe { uabi::fd::ioctl_none(fd.as_fd(), PERF_EVENT_IOC_ENABLE) }.expect("PERF_EVENT_IOC_ENABLE");
    let mut x = 0u64;
    for i in 0..5_000_000u64 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(i);
    }
    std::hint::black_box(x);
    unsafe { uabi::fd::ioctl_none(fd.as_fd(), PERF_EVENT_IOC_DISABLE) }.expect("PERF_EVENT_IOC_DISABLE");
    let mut n = 0u64;
    // SAFETY: reads 8 bytes into `n`.
    let r = unsafe { libc::read(std::os::fd::AsRawFd::as_raw_fd(&fd), (&mut n as *mut u64).cast(), 8) };
    assert_eq!(r, 8, "read of the counter");
    Some(n)
}

fn main() {
    let a = attr();
    // The bitfield word as the kernel reads it, and where each bit went.
    let word = offset_of!(PerfEventAttr, flags);
    println!("attr.size={}", a.size);
    println!("attr.flags_offset={word}");
    println!("attr.flags_bytes={:02x?}", &a.as_bytes()[word..word + 8]);
    println!("attr.disabled={} attr.exclude_kernel={} attr.exclude_user={}", a.disabled(), a.exclude_kernel(), a.exclude_user());
    println!("kvm_run.size={}", size_of::<KvmRun>());
    println!("kvm_run.mmio.len={}", offset_of!(KvmRun, exit) + offset_of!(uabi_linux::kvm::KvmRunMmio, len));
    println!("kvm_run.s={}", offset_of!(KvmRun, s));
    #[cfg(target_arch = "x86_64")]
    println!("kvm_run.s.regs.regs.rip={}", offset_of!(KvmRun, s) + offset_of!(KvmRegs, rip));
    println!("kvm_regs.size={}", size_of::<KvmRegs>());
    if let Some(n) = count() {
        assert!(n > 0, "the task clock counted nothing");
        println!("perf counted: yes");
    }
}
