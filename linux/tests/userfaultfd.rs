//! userfaultfd on the running kernel through uabi's types and `Ioctl` constants only: a
//! descriptor from `/dev/userfaultfd` (`USERFAULTFD_IOC_NEW`) or from userfaultfd(2), the
//! `UFFDIO_API` handshake with its feature and ioctl bits checked against the definition, a
//! registered range that another thread touches, the `uffd_msg` that fault produces (event,
//! address, write flag, the faulting thread's id in `arg.pagefault.feat.ptid`), and the fault
//! served with `UFFDIO_COPY` (a read fault) and `UFFDIO_ZEROPAGE` (a write fault).
//!
//! Where the kernel has no userfaultfd, or refuses it to this process, the tests print why and
//! pass.

mod kernel;

use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};
use std::sync::mpsc;
use std::time::Duration;

use uabi_linux::userfaultfd::*;
use zerocopy::FromBytes;

/// A userfaultfd, and where it came from.
fn open_uffd() -> Result<(OwnedFd, &'static str), String> {
    let flags = libc::O_CLOEXEC;
    // /dev/userfaultfd: the ioctl's argument is userfaultfd(2)'s flags, by value.
    if let Ok(dev) = std::fs::File::open("/dev/userfaultfd") {
        // SAFETY: USERFAULTFD_IOC_NEW on /dev/userfaultfd, the file it is defined for.
        match unsafe { uabi::fd::ioctl_with_val(dev.as_fd(), USERFAULTFD_IOC_NEW, flags as libc::c_ulong) } {
            // SAFETY: the descriptor the ioctl returned, owned from here on.
            Ok(fd) => return Ok((unsafe { OwnedFd::from_raw_fd(fd) }, "/dev/userfaultfd")),
            Err(e) => eprintln!("note: USERFAULTFD_IOC_NEW failed ({e}); trying userfaultfd(2)"),
        }
    }
    for (extra, how) in [(0, "userfaultfd(2)"), (UFFD_USER_MODE_ONLY as i32, "userfaultfd(2) with UFFD_USER_MODE_ONLY")] {
        // SAFETY: the syscall takes flags only.
        let fd = unsafe { libc::syscall(libc::SYS_userfaultfd, flags | extra) };
        if fd >= 0 {
            // SAFETY: a descriptor the syscall just returned.
            return Ok((unsafe { OwnedFd::from_raw_fd(fd as i32) }, how));
        }
    }
    Err(format!("no userfaultfd: {} (no CONFIG_USERFAULTFD, or vm.unprivileged_userfaultfd forbids it)", std::io::Error::last_os_error()))
}

/// `UFFDIO_API` asking for `features`.
fn handshake(fd: &OwnedFd, features: u64) -> std::io::Result<UffdioApi> {
    let mut api = UffdioApi { api: UFFD_API, features, ioctls: 0 };
    // SAFETY: UFFDIO_API on a userfaultfd; the kernel reads and writes the struct.
    unsafe { uabi::fd::ioctl_with_mut(fd.as_fd(), UFFDIO_API, &mut api) }?;
    Ok(api)
}

#[test]
#[cfg_attr(miri, ignore = "uses userfaultfd on the kernel: Miri runs no system calls")]
fn the_handshake_reports_only_bits_the_definition_names() {
    let (fd, how) = match open_uffd() {
        Ok(x) => x,
        Err(why) => {
            eprintln!("SKIP: {why}");
            return;
        }
    };
    let api = handshake(&fd, 0).expect("UFFDIO_API with no features");
    eprintln!("{how}: features {:#x}, ioctls {:#x}", api.features, api.ioctls);
    assert_eq!(api.api, UFFD_API);
    // Every feature this kernel has is one Linux 7.2 names (a newer kernel may have more: then
    // the definition is behind, and this says so).
    assert_eq!(api.features & !UFFD_API_FEATURES, 0, "features the definition does not name: {:#x}", api.features & !UFFD_API_FEATURES);
    assert_eq!(api.ioctls & UFFD_API_IOCTLS, UFFD_API_IOCTLS, "the descriptor takes REGISTER, UNREGISTER and API");
    // A second handshake on the same descriptor is refused, and a feature bit nobody defines
    // is refused on a fresh one: the kernel reads `features` where the definition puts it.
    assert_eq!(handshake(&fd, 0).map_err(|e| e.raw_os_error()).err(), Some(Some(libc::EINVAL)));
    let (fresh, _) = open_uffd().unwrap();
    assert_eq!(handshake(&fresh, 1 << 62).map_err(|e| e.raw_os_error()).err(), Some(Some(libc::EINVAL)));
    // And the API number is checked: another one is EINVAL.
    let (fresh, _) = open_uffd().unwrap();
    let mut wrong = UffdioApi { api: UFFD_API + 1, features: 0, ioctls: 0 };
    // SAFETY: as above.
    let r = unsafe { uabi::fd::ioctl_with_mut(fresh.as_fd(), UFFDIO_API, &mut wrong) };
    assert_eq!(r.map_err(|e| e.raw_os_error()).err(), Some(Some(libc::EINVAL)));
}

/// Anonymous memory of `pages` pages, unmapped on drop.
struct Region {
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the region is only touched through its address, by whichever thread the test says.
unsafe impl Send for Region {}
unsafe impl Sync for Region {}

impl Region {
    fn new(pages: usize) -> Region {
        let len = pages * kernel::page_size();
        // SAFETY: a fresh private anonymous mapping, checked below.
        let ptr = unsafe { libc::mmap(core::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
        assert_ne!(ptr, libc::MAP_FAILED);
        Region { ptr: ptr.cast(), len }
    }

    fn addr(&self, page: usize) -> u64 {
        self.ptr as u64 + (page * kernel::page_size()) as u64
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly what `new` mapped.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
    }
}

/// Waits for the next message on the userfaultfd, for at most 10 s.
fn next_msg(fd: &OwnedFd) -> UffdMsg {
    let mut pfd = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd.
    let n = unsafe { libc::poll(&mut pfd, 1, 10_000) };
    assert_eq!(n, 1, "no userfaultfd message within 10 s");
    let mut buf = [0u8; size_of::<UffdMsg>()];
    // SAFETY: reads at most the buffer's length.
    let r = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
    assert_eq!(r, 32, "read of a uffd_msg: {}", std::io::Error::last_os_error());
    UffdMsg::read_from_bytes(&buf).unwrap()
}

#[test]
#[cfg_attr(miri, ignore = "uses userfaultfd on the kernel: Miri runs no system calls")]
fn faults_are_served_with_uffdio_copy_and_zeropage() {
    let (fd, how) = match open_uffd() {
        Ok(x) => x,
        Err(why) => {
            eprintln!("SKIP: {why}");
            return;
        }
    };
    let api = handshake(&fd, 0).expect("UFFDIO_API");
    // The faulting thread's id comes with the message when asked for: ask on a fresh
    // descriptor if this kernel has the feature.
    let (fd, thread_id) = if api.features & UFFD_FEATURE_THREAD_ID != 0 {
        let (fd, _) = open_uffd().unwrap();
        handshake(&fd, UFFD_FEATURE_THREAD_ID).expect("UFFDIO_API with UFFD_FEATURE_THREAD_ID");
        (fd, true)
    } else {
        eprintln!("note: no UFFD_FEATURE_THREAD_ID here: ptid is not checked");
        (fd, false)
    };
    let page = kernel::page_size();
    let region = Region::new(2);
    let mut reg = UffdioRegister {
        range: UffdioRange { start: region.addr(0), len: region.len as u64 },
        mode: UFFDIO_REGISTER_MODE_MISSING,
        ioctls: 0,
    };
    // SAFETY: UFFDIO_REGISTER on the userfaultfd, for memory this test owns.
    unsafe { uabi::fd::ioctl_with_mut(fd.as_fd(), UFFDIO_REGISTER, &mut reg) }.expect("UFFDIO_REGISTER");
    let copy_bit = 1u64 << _UFFDIO_COPY;
    assert_eq!(reg.ioctls & copy_bit, copy_bit, "the range takes UFFDIO_COPY: {:#x}", reg.ioctls);
    assert_eq!(reg.ioctls & !UFFD_API_RANGE_IOCTLS, 0, "range ioctls the definition does not name: {:#x}", reg.ioctls);

    // Another thread reads page 0 and writes page 1; each access blocks until served.
    let (tid_tx, tid_rx) = mpsc::channel();
    let r = &region;
    std::thread::scope(|s| {
        let toucher = s.spawn(move || {
            // SAFETY: gettid has no preconditions.
            tid_tx.send(unsafe { libc::gettid() }).unwrap();
            // SAFETY: both pages are mapped for the scope's duration; the reads and writes
            // block in the kernel until the main thread fills the page.
            let first = unsafe { core::ptr::read_volatile(r.ptr) };
            unsafe { core::ptr::write_volatile(r.ptr.add(page + 1), 7u8) };
            let second = unsafe { core::ptr::read_volatile(r.ptr.add(page)) };
            (first, second)
        });
        let tid = tid_rx.recv_timeout(Duration::from_secs(10)).expect("the thread starts");

        // A read fault on page 0: served with a page of 0x5a.
        let msg = next_msg(&fd);
        assert_eq!(msg.event, UFFD_EVENT_PAGEFAULT);
        // `uffd_msg` is packed: copy the union out before borrowing a member of it.
        let arg = msg.arg;
        let pf = *arg.pagefault();
        assert_eq!(pf.address, region.addr(0), "the faulting page");
        assert_eq!(pf.flags & UFFD_PAGEFAULT_FLAG_WRITE, 0, "a read fault");
        if thread_id {
            assert_eq!(*pf.feat.ptid(), tid as u32, "arg.pagefault.feat.ptid is the faulting thread");
        }
        let src = vec![0x5au8; page];
        let mut copy = UffdioCopy { dst: region.addr(0), src: src.as_ptr() as u64, len: page as u64, mode: 0, copy: 0 };
        // SAFETY: UFFDIO_COPY into the registered range from a buffer of `page` bytes.
        unsafe { uabi::fd::ioctl_with_mut(fd.as_fd(), UFFDIO_COPY, &mut copy) }.expect("UFFDIO_COPY");
        assert_eq!(copy.copy, page as i64, "UFFDIO_COPY reports the bytes copied in `copy`");

        // A write fault on page 1: served with the zero page (the write then completes on a
        // copy of it, without another message).
        let msg = next_msg(&fd);
        assert_eq!(msg.event, UFFD_EVENT_PAGEFAULT);
        let arg = msg.arg;
        let pf = *arg.pagefault();
        assert_eq!(pf.address, region.addr(1));
        assert_eq!(pf.flags & UFFD_PAGEFAULT_FLAG_WRITE, UFFD_PAGEFAULT_FLAG_WRITE, "a write fault");
        let mut zero = UffdioZeropage { range: UffdioRange { start: region.addr(1), len: page as u64 }, mode: 0, zeropage: 0 };
        // SAFETY: UFFDIO_ZEROPAGE on the registered range.
        unsafe { uabi::fd::ioctl_with_mut(fd.as_fd(), UFFDIO_ZEROPAGE, &mut zero) }.expect("UFFDIO_ZEROPAGE");
        assert_eq!(zero.zeropage, page as i64);

        let (first, second) = toucher.join().expect("the faulting thread");
        assert_eq!((first, second), (0x5a, 0), "the thread read what UFFDIO_COPY and UFFDIO_ZEROPAGE put there");
    });
    // SAFETY: the page was written by the thread above.
    assert_eq!(unsafe { *region.ptr.add(page + 1) }, 7);
    let range = UffdioRange { start: region.addr(0), len: region.len as u64 };
    // SAFETY: UFFDIO_UNREGISTER of the range registered above.
    unsafe { uabi::fd::ioctl_with_ref(fd.as_fd(), UFFDIO_UNREGISTER, &range) }.expect("UFFDIO_UNREGISTER");
    eprintln!("{how}: a read fault served with UFFDIO_COPY, a write fault with UFFDIO_ZEROPAGE");
}
