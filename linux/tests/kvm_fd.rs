//! The ioctl numbers and typed calls of `uabi::fd`, proven against the running kernel through
//! `/dev/kvm`: an ioctl with a wrong number is refused by KVM with ENOTTY, so every successful
//! call here confirms the direction, type, number and size encoding of that request.
//!
//! The numbers and structs are those of `uabi_linux::kvm`; the hand-built requests below are the
//! deliberately wrong ones.
//!
//! Skipped (with the reason printed) where `/dev/kvm` cannot be opened.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::{AsFd, FromRawFd, OwnedFd};

use uabi::fd::{ioctl_none, ioctl_with_mut, ioctl_with_ref, ioctl_with_val};
use uabi_linux::kvm::*;
use uabi::Ioctl;

/// The ioctl type as the `u32` the hand-built `Ioctl`s below take.
const KVMIO_U32: u32 = KVMIO;

fn open_kvm() -> Option<File> {
    match OpenOptions::new().read(true).write(true).open("/dev/kvm") {
        Ok(f) => Some(f),
        Err(e) => {
            println!("skipped: cannot open /dev/kvm: {e}");
            None
        }
    }
}

fn create_vm(kvm: &File) -> OwnedFd {
    let fd = unsafe { ioctl_with_val(kvm.as_fd(), KVM_CREATE_VM, 0) }.expect("KVM_CREATE_VM");
    assert!(fd >= 0);
    // SAFETY: KVM_CREATE_VM returns a new file descriptor that nothing else owns.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn kvm_get_api_version_is_12() {
    let Some(kvm) = open_kvm() else { return };
    assert_eq!(KVM_GET_API_VERSION.request(), match uabi::ioctl::HOST {
        uabi::ioctl::Encoding::PowerPc | uabi::ioctl::Encoding::Sparc => 0x2000_ae00,
        _ => 0xae00,
    });
    let v = unsafe { ioctl_none(kvm.as_fd(), KVM_GET_API_VERSION) }.expect("KVM_GET_API_VERSION");
    println!("KVM_GET_API_VERSION ({:#x}) = {v}", KVM_GET_API_VERSION.request());
    assert_eq!(v, KVM_API_VERSION as i32);
    assert_eq!(KVM_API_VERSION, 12, "the version every KVM since 2.6.22 reports");
}

#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn kvm_check_extension_by_value() {
    let Some(kvm) = open_kvm() else { return };
    let user_mem = unsafe { ioctl_with_val(kvm.as_fd(), KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY.into()) }
        .expect("KVM_CHECK_EXTENSION");
    println!("KVM_CHECK_EXTENSION(KVM_CAP_USER_MEMORY) = {user_mem}");
    assert!(user_mem > 0, "every KVM since 2.6.29 has user memory");
    let unknown = unsafe { ioctl_with_val(kvm.as_fd(), KVM_CHECK_EXTENSION, 0xff_ffff) }.unwrap();
    assert_eq!(unknown, 0, "an unknown capability reads as 0");
    let mmap = unsafe { ioctl_none(kvm.as_fd(), KVM_GET_VCPU_MMAP_SIZE) }.expect("KVM_GET_VCPU_MMAP_SIZE");
    assert!(mmap > 0 && mmap % 4096 == 0, "vcpu mmap size {mmap}");
}

#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn wrong_numbers_are_refused() {
    let Some(kvm) = open_kvm() else { return };
    // Same type and number as KVM_GET_API_VERSION, but with a size: a different request,
    // which /dev/kvm does not know (x86 answers EINVAL there, other architectures ENOTTY).
    let sized: Ioctl<u64> = Ioctl::ior(KVMIO_U32, 0x00, 8);
    let mut out = 0u64;
    let e = unsafe { ioctl_with_mut(kvm.as_fd(), sized, &mut out) }.unwrap_err();
    assert!(matches!(e.raw_os_error(), Some(libc::ENOTTY | libc::EINVAL)), "{e}");
    // On a VM fd, KVM_SET_USER_MEMORY_REGION with a size one word short is unknown: ENOTTY.
    let vm = create_vm(&kvm);
    let short: Ioctl<[u8; 24]> = Ioctl::iow(KVMIO_U32, 0x46, 24);
    let e = unsafe { ioctl_with_ref(vm.as_fd(), short, &[0u8; 24]) }.unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ENOTTY), "{e}");
}

/// `_IOW` with a 32-byte struct: KVM_SET_USER_MEMORY_REGION on a fresh VM.
#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn kvm_set_user_memory_region_iow() {
    let Some(kvm) = open_kvm() else { return };
    let vm = create_vm(&kvm);
    const SIZE: usize = 0x10000;
    let mem = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    assert_ne!(mem, libc::MAP_FAILED, "{}", io::Error::last_os_error());
    let region = KvmUserspaceMemoryRegion {
        slot: 0,
        flags: 0,
        guest_phys_addr: 0x10_0000,
        memory_size: SIZE as u64,
        userspace_addr: mem as u64,
    };
    if cfg!(not(any(target_arch = "powerpc", target_arch = "powerpc64", target_arch = "mips", target_arch = "sparc64"))) {
        assert_eq!(KVM_SET_USER_MEMORY_REGION.request(), 0x4020_ae46);
    }
    let r = unsafe { ioctl_with_ref(vm.as_fd(), KVM_SET_USER_MEMORY_REGION, &region) };
    // Remove the slot again (size 0) before unmapping.
    let remove = KvmUserspaceMemoryRegion { memory_size: 0, ..region };
    let r2 = unsafe { ioctl_with_ref(vm.as_fd(), KVM_SET_USER_MEMORY_REGION, &remove) };
    unsafe { libc::munmap(mem, SIZE) };
    assert_eq!(r.expect("KVM_SET_USER_MEMORY_REGION"), 0);
    assert_eq!(r2.expect("KVM_SET_USER_MEMORY_REGION (remove)"), 0);
    // A region the kernel must refuse with EINVAL (unaligned guest address) proves the
    // argument really reached KVM's handler.
    let bad = KvmUserspaceMemoryRegion { guest_phys_addr: 0x123, ..region };
    let e = unsafe { ioctl_with_ref(vm.as_fd(), KVM_SET_USER_MEMORY_REGION, &bad) }.unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EINVAL));
}

/// `_IOR` (x86 only): KVM_GET_CLOCK fills a 48-byte `struct kvm_clock_data`.
#[cfg(target_arch = "x86_64")]
#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn kvm_get_clock_ior() {
    assert_eq!(KVM_GET_CLOCK.request(), 0x8030_ae7c);
    let Some(kvm) = open_kvm() else { return };
    let vm = create_vm(&kvm);
    let mut data = KvmClockData::default();
    let r = unsafe { ioctl_with_mut(vm.as_fd(), KVM_GET_CLOCK, &mut data) }.expect("KVM_GET_CLOCK");
    assert_eq!(r, 0);
    println!("KVM_GET_CLOCK: clock={} flags={:#x}", data.clock, data.flags);
}

/// `_IOWR` with an unsized argument (x86 only): KVM_GET_MSR_INDEX_LIST takes
/// `struct kvm_msr_list { __u32 nmsrs; __u32 indices[]; }`, reports the count with E2BIG when
/// the array is too small, then fills it.
#[cfg(target_arch = "x86_64")]
#[test]
#[cfg_attr(miri, ignore = "issues ioctls on /dev/kvm: Miri runs no system calls")]
fn kvm_get_msr_index_list_iowr_unsized() {
    // uabi_linux::kvm's KVM_GET_MSR_INDEX_LIST takes the 4-byte fixed part (`Ioctl<KvmMsrList>`);
    // the call needs the whole array behind it, so the same number is typed as `[u32]` here.
    const MSR_INDEX_LIST: Ioctl<[u32]> = Ioctl::iowr(KVMIO_U32, 0x02, 4);
    assert_eq!(MSR_INDEX_LIST.request(), KVM_GET_MSR_INDEX_LIST.request());
    assert_eq!(MSR_INDEX_LIST.request(), 0xc004_ae02);
    let Some(kvm) = open_kvm() else { return };
    let mut probe = [0u32; 1];
    let e = unsafe { ioctl_with_mut(kvm.as_fd(), MSR_INDEX_LIST, &mut probe[..]) }.unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::E2BIG));
    let n = probe[0] as usize;
    assert!(n > 0, "the kernel reports how many MSRs it has");
    let mut list = vec![0u32; 1 + n];
    list[0] = n as u32;
    let r = unsafe { ioctl_with_mut(kvm.as_fd(), MSR_INDEX_LIST, &mut list[..]) }.expect("KVM_GET_MSR_INDEX_LIST");
    assert_eq!(r, 0);
    assert_eq!(list[0] as usize, n);
    // MSR 0x10 (IA32_TIME_STAMP_COUNTER) is in every x86 KVM's list.
    assert!(list[1..].contains(&0x10), "TSC MSR in {n} entries");
    println!("KVM_GET_MSR_INDEX_LIST: {n} MSRs");
}
