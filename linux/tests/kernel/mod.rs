//! What the kernel differential tests share: a mapping followed by a PROT_NONE guard page, so
//! that the kernel and uabi's decoders read the very same bytes at the very same addresses and
//! fault at the same place.

#![allow(dead_code)]

use uabi::{Error, SimMemory, UserMemory};

/// The answer of either side, by errno class. `Accepted` means the struct passed every check
/// of its copy-in: what the kernel did next is not about the struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Accepted,
    Inval,
    TooBig,
    Fault,
}

impl Class {
    /// The class of a decoder error.
    pub fn of(e: &Error) -> Class {
        match e.errno() {
            uabi::Errno::Inval => Class::Inval,
            uabi::Errno::TooBig => Class::TooBig,
            uabi::Errno::Fault => Class::Fault,
            other => panic!("a decoder returned {other}"),
        }
    }
}

pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    unsafe { libc::sysconf(libc::_SC_PAGESIZE) as usize }
}

/// The errno of the last failed call.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `pages` readable and writable pages followed by a PROT_NONE guard page.
pub struct Arena {
    pub ptr: *mut u8,
    pub len: usize,
}

impl Arena {
    pub fn new(pages: usize) -> Arena {
        let page = page_size();
        let len = pages * page;
        // SAFETY: an anonymous private mapping, checked below.
        let ptr = unsafe {
            libc::mmap(
                core::ptr::null_mut(),
                len + page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(ptr, libc::MAP_FAILED, "mmap failed");
        // SAFETY: the guard page is inside the mapping just made.
        let rc = unsafe { libc::mprotect(ptr.cast::<u8>().add(len).cast(), page, libc::PROT_NONE) };
        assert_eq!(rc, 0, "mprotect failed");
        Arena { ptr: ptr.cast(), len }
    }

    pub fn bytes(&mut self) -> &mut [u8] {
        // SAFETY: `len` bytes at `ptr` are mapped read-write for the arena's lifetime (unless
        // `set_writable(false)`, after which only reads are made through this slice).
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    pub fn base(&self) -> u64 {
        self.ptr as u64
    }

    /// Zeroes the arena and writes `data` so that it ends `gap` bytes before the guard page;
    /// returns its offset.
    pub fn place_at_end(&mut self, data: &[u8], gap: usize) -> usize {
        let at = self.len - gap - data.len();
        self.bytes().fill(0);
        self.bytes()[at..at + data.len()].copy_from_slice(data);
        at
    }

    /// The arena as uabi's simulated user memory, at its real address.
    pub fn sim(&mut self) -> SimMemory<'_> {
        let base = self.base();
        SimMemory::new(base, self.bytes())
    }

    /// Makes the whole arena read-only (or writable again).
    pub fn set_writable(&mut self, writable: bool) {
        let prot = if writable { libc::PROT_READ | libc::PROT_WRITE } else { libc::PROT_READ };
        // SAFETY: the arena's own pages.
        let rc = unsafe { libc::mprotect(self.ptr.cast(), self.len, prot) };
        assert_eq!(rc, 0, "mprotect failed");
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly what `new` mapped.
        unsafe { libc::munmap(self.ptr.cast(), self.len + page_size()) };
    }
}

/// User memory that can be read but not written, as a read-only page is to the kernel.
pub struct ReadOnly<'a>(pub SimMemory<'a>);

impl UserMemory for ReadOnly<'_> {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error> {
        self.0.read(addr, buf)
    }
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error> {
        if data.is_empty() {
            return Ok(());
        }
        Err(Error::Fault { addr })
    }
}
