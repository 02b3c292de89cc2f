//! The C entry points: the driver as a C program links it (`libvfio_sample.a`), declared in
//! `include/vfio_sample.h`. One host per handle, driven by one context (the calling process).
//!
//! Results are Linux-style: a non-negative value, or a negated errno.

use std::ffi::{c_char, c_int, c_ulong, c_void, CStr};

use uabi::{Error, UserMemory};

use crate::{Ctx, Host};

/// The context of the C caller.
const CALLER: Ctx = Ctx(1);

/// The calling process's own memory, as the driver sees its `arg` pointers.
///
/// A real kernel would fault on any unmapped address; a library cannot tell an unmapped
/// address from a mapped one, so only NULL (and ranges that wrap) fault here, and C callers
/// must pass pointers to memory they own, as with any C function.
struct ProcessMemory;

impl ProcessMemory {
    fn check(addr: u64, len: usize) -> Result<(), Error> {
        if addr == 0 || addr.checked_add(len as u64).is_none() || usize::try_from(addr).is_err() {
            return Err(Error::Fault { addr });
        }
        Ok(())
    }
}

impl UserMemory for ProcessMemory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error> {
        if buf.is_empty() {
            return Ok(());
        }
        Self::check(addr, buf.len())?;
        // SAFETY: the C caller passes a pointer to at least the bytes its request describes
        // (the contract of vfio_sample_ioctl); NULL and wrapping ranges were refused above.
        unsafe { std::ptr::copy_nonoverlapping(addr as usize as *const u8, buf.as_mut_ptr(), buf.len()) };
        Ok(())
    }

    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error> {
        if data.is_empty() {
            return Ok(());
        }
        Self::check(addr, data.len())?;
        // SAFETY: as in `read`; the caller's buffer is writable.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), addr as usize as *mut u8, data.len()) };
        Ok(())
    }
}

/// Creates a host (see [`Host::new`]); free it with `vfio_sample_destroy`.
#[no_mangle]
pub extern "C" fn vfio_sample_create() -> *mut c_void {
    Box::into_raw(Box::new(Host::new())).cast()
}

/// Frees a host from `vfio_sample_create`; NULL is ignored.
///
/// # Safety
/// `host` is NULL or a pointer from `vfio_sample_create` not yet destroyed.
#[no_mangle]
pub unsafe extern "C" fn vfio_sample_destroy(host: *mut c_void) {
    if !host.is_null() {
        // SAFETY: per the contract, a live Box<Host> from vfio_sample_create.
        drop(unsafe { Box::from_raw(host.cast::<Host>()) });
    }
}

/// Opens `/dev/vfio/vfio` or `/dev/vfio/$GROUP`: a descriptor, or a negated errno.
///
/// # Safety
/// `host` is a live handle from `vfio_sample_create`; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn vfio_sample_open(host: *mut c_void, path: *const c_char) -> c_int {
    // SAFETY: per the contract.
    let (Some(host), false) = (unsafe { host.cast::<Host>().as_mut() }, path.is_null()) else {
        return -14; // EFAULT
    };
    // SAFETY: a non-NULL C string, per the contract.
    let path = unsafe { CStr::from_ptr(path) };
    match path.to_str().map(|p| host.open(CALLER, p)) {
        Ok(Ok(fd)) => fd,
        Ok(Err(e)) => -e.errno(),
        Err(_) => -2, // ENOENT: no such (non-UTF-8) path
    }
}

/// Issues `request` on descriptor `fd` with argument `arg` (a pointer, or an integer for the
/// requests that take one): the ioctl's result, or a negated errno. As in Linux, the request
/// is an `unsigned int`: the upper bits of a wider `unsigned long` are ignored.
///
/// # Safety
/// `host` is a live handle from `vfio_sample_create`; `arg` points to memory the request may
/// read and write (its `argsz` bytes), or is the integer the request takes.
#[no_mangle]
pub unsafe extern "C" fn vfio_sample_ioctl(host: *mut c_void, fd: c_int, request: c_ulong, arg: *mut c_void) -> c_int {
    // SAFETY: per the contract.
    let Some(host) = (unsafe { host.cast::<Host>().as_mut() }) else {
        return -14; // EFAULT
    };
    match host.ioctl(CALLER, fd, request as u32, &mut ProcessMemory, arg as usize as u64) {
        Ok(v) => c_int::try_from(v).unwrap_or(c_int::MAX),
        Err(e) => -e.errno(),
    }
}
