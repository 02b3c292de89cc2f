//! perf_event_open(2) on the running kernel through uabi's types and `Ioctl` constants only:
//! a software counter whose switches are set through the bitfield accessors
//! (`with_disabled`, `with_exclude_kernel`, ...), enabled with `PERF_EVENT_IOC_ENABLE`, read
//! back with the `read_format` Linux's enum names, and its control page mapped and read as
//! `perf_event_mmap_page`, capability bits included.
//!
//! Where the kernel refuses perf events (paranoid setting, seccomp, no perf support) the test
//! prints why and passes.

mod kernel;

use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};

use uabi_linux::perf_event::*;
use zerocopy::{FromBytes, IntoBytes};

/// The perf_event_open(2) manual's counter: disabled, user space only; the time it was
/// enabled and running comes with the count.
fn attr() -> PerfEventAttr {
    let read_format = PerfEventReadFormat::TotalTimeEnabled as u64 | PerfEventReadFormat::TotalTimeRunning as u64;
    PerfEventAttr {
        r#type: PerfTypeId::Software as u32,
        config: PerfSwIds::TaskClock as u64,
        read_format,
        ..Default::default()
    }
    .with_disabled(1)
    .with_exclude_kernel(1)
    .with_exclude_hv(1)
}

/// `perf_event_open(attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC)`, or why not.
fn open(attr: &PerfEventAttr) -> Result<OwnedFd, std::io::Error> {
    // SAFETY: a whole `perf_event_attr` of the size it says.
    let fd = unsafe { libc::syscall(libc::SYS_perf_event_open, attr.as_bytes().as_ptr(), 0, -1, -1, PERF_FLAG_FD_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: a descriptor perf_event_open just returned, owned from here on.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// `read_format`'s layout with `TOTAL_TIME_ENABLED | TOTAL_TIME_RUNNING`: value, enabled, running.
fn read3(fd: &OwnedFd) -> [u64; 3] {
    let mut v = [0u64; 3];
    // SAFETY: reads 24 bytes into `v`.
    let r = unsafe { libc::read(fd.as_raw_fd(), v.as_mut_ptr().cast(), 24) };
    assert_eq!(r, 24, "read(2) of a counter with two time fields: {}", std::io::Error::last_os_error());
    v
}

fn work() {
    let mut x = 0u64;
    for i in 0..2_000_000u64 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(i);
    }
    std::hint::black_box(x);
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn a_software_counter_set_through_the_accessors_counts() {
    let a = attr();
    // The accessors put each switch where C's bitfields put it: disabled is bit 0 of the word
    // after read_format, exclude_kernel bit 5, exclude_hv bit 6 (little-endian numbering).
    assert_eq!((a.disabled(), a.exclude_kernel(), a.exclude_hv(), a.exclude_user()), (1, 1, 1, 0));
    if cfg!(target_endian = "little") {
        assert_eq!(a.flags, 1 | 1 << 5 | 1 << 6);
    }
    let fd = match open(&a) {
        Ok(fd) => fd,
        Err(e) => {
            eprintln!("SKIP: perf_event_open(2) refused a software counter: {e} (kernel.perf_event_paranoid or seccomp)");
            return;
        }
    };
    // Disabled at first: nothing counted.
    work();
    assert_eq!(read3(&fd)[0], 0, "a counter opened disabled counts nothing until enabled");
    // SAFETY: the perf ioctls on a perf event descriptor.
    unsafe { uabi::fd::ioctl_with_val(fd.as_fd(), PERF_EVENT_IOC_RESET, 0) }.expect("PERF_EVENT_IOC_RESET");
    unsafe { uabi::fd::ioctl_with_val(fd.as_fd(), PERF_EVENT_IOC_ENABLE, PerfEventIocFlags::Group as u64 as libc::c_ulong) }
        .expect("PERF_EVENT_IOC_ENABLE");
    work();
    unsafe { uabi::fd::ioctl_with_val(fd.as_fd(), PERF_EVENT_IOC_DISABLE, 0) }.expect("PERF_EVENT_IOC_DISABLE");
    let [value, enabled, running] = read3(&fd);
    assert!(value > 0, "the task clock counted nothing");
    assert!(enabled >= running && running > 0, "time enabled {enabled}, running {running}");
    // Disabled again: the count stays.
    work();
    assert_eq!(read3(&fd)[0], value, "a disabled counter does not move");
    // PERF_EVENT_IOC_PERIOD reads its `__u64` through the pointer (`_IOW('$', 4, __u64)`), then
    // refuses a period for a counting (not sampling) event: EINVAL, not ENOTTY (an unknown
    // number) or EFAULT (a misread argument).
    // SAFETY: as above; the argument is a `u64` the call only reads.
    let period = unsafe { uabi::fd::ioctl_with_ref(fd.as_fd(), PERF_EVENT_IOC_PERIOD, &1_000_000u64) };
    assert_eq!(period.map_err(|e| e.raw_os_error()), Err(Some(libc::EINVAL)), "PERF_EVENT_IOC_PERIOD on a counting event");
    eprintln!("task clock: {value} ns counted, {enabled} ns enabled, {running} ns running");
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) and mmap(2) on the kernel: Miri runs no system calls")]
fn the_control_page_reads_as_perf_event_mmap_page() {
    let fd = match open(&attr()) {
        Ok(fd) => fd,
        Err(e) => {
            eprintln!("SKIP: perf_event_open(2) refused a software counter: {e}");
            return;
        }
    };
    let page = kernel::page_size();
    // The control page and a data ring of one page.
    let len = 2 * page;
    // SAFETY: a fresh shared mapping of the event's buffer, checked and unmapped below.
    let p = unsafe { libc::mmap(core::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, fd.as_raw_fd(), 0) };
    if p == libc::MAP_FAILED {
        eprintln!("SKIP: mmap of the perf buffer failed: {}", std::io::Error::last_os_error());
        return;
    }
    // SAFETY: the first page of the mapping just made; only read while it exists.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), size_of::<PerfEventMmapPage>()) };
    let pc = PerfEventMmapPage::read_from_bytes(bytes).expect("1088 bytes of a page");
    // What perf_event_init_userpage writes: the header's size up to `__reserved`, bit 1 of the
    // capabilities (bit 0 is deprecated), and where the data ring is.
    let size = pc.size;
    let (data_offset, data_size) = (pc.data_offset, pc.data_size);
    let caps = *pc.caps.cap();
    let capabilities = *pc.caps.capabilities();
    // SAFETY: unmaps exactly the mapping made above; `bytes` is not used after this.
    unsafe { libc::munmap(p, len) };
    assert_eq!(size as usize, std::mem::offset_of!(PerfEventMmapPage, __reserved), "perf_event_mmap_page.size");
    assert_eq!(size, 96);
    assert_eq!((caps.cap_bit0(), caps.cap_bit0_is_deprecated()), (0, 1), "capabilities {capabilities:#x}");
    assert_eq!(capabilities & 3, 2, "the accessors read the bits `capabilities` holds");
    assert_eq!((data_offset, data_size), (page as u64, page as u64));
}
