//! User memory as the decoders see it.
//!
//! A kernel implements [`UserMemory`] over `copy_from_user`/`copy_to_user`; tests use
//! [`SimMemory`], a simulated mapping that faults outside its bounds. The decoders in
//! [`crate::decode`] and [`crate::encode`] only ever talk to this trait, so the code that runs
//! in a driver is the code the tests exercise.

use crate::Error;

/// Size and alignment of the chunks the default helpers read and write; a divisor of every
/// page size, so an aligned chunk never spans two pages.
const CHUNK: usize = 64;

/// An address space the runtime reads arguments from and writes results to.
///
/// Addresses are `u64`, as user pointers travel in ioctl arguments. An access either copies
/// every byte or fails with [`Error::Fault`]; a zero-length access never faults.
pub trait UserMemory {
    /// Copies `buf.len()` bytes starting at `addr` into `buf` (Linux `copy_from_user`).
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error>;

    /// Copies `data` to `addr` (Linux `copy_to_user`).
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error>;

    /// Looks for a non-zero byte in `len` bytes at `addr`; returns the address of the first
    /// one, or `None` when all are zero.
    ///
    /// Mirrors Linux `check_zeroed_user`, which reads aligned words and stops at the first
    /// non-zero one: the default reads `CHUNK`-aligned chunks in order, and since no aligned
    /// chunk straddles a page, a non-zero byte on a mapped page before an unmapped one is found
    /// (E2BIG for the caller) before the fault is hit, exactly as in the kernel.
    fn find_nonzero(&self, addr: u64, len: usize) -> Result<Option<u64>, Error> {
        let mut buf = [0u8; CHUNK];
        let mut done = 0;
        while done < len {
            let at = offset(addr, done)?;
            let to_boundary = CHUNK - (at % CHUNK as u64) as usize;
            let n = to_boundary.min(len - done);
            self.read(at, &mut buf[..n])?;
            if let Some(i) = buf[..n].iter().position(|&b| b != 0) {
                return offset(at, i).map(Some);
            }
            done += n;
        }
        Ok(None)
    }

    /// Writes `len` zero bytes at `addr` (Linux `clear_user`).
    fn clear(&mut self, addr: u64, len: usize) -> Result<(), Error> {
        let zeros = [0u8; CHUNK];
        let mut done = 0;
        while done < len {
            let n = CHUNK.min(len - done);
            self.write(offset(addr, done)?, &zeros[..n])?;
            done += n;
        }
        Ok(())
    }
}

/// `addr + off`, faulting on wrap-around (Linux's `access_ok` refuses such ranges).
pub(crate) fn offset(addr: u64, off: usize) -> Result<u64, Error> {
    u64::try_from(off)
        .ok()
        .and_then(|off| addr.checked_add(off))
        .ok_or(Error::Fault { addr })
}

/// A simulated user address space: one mapping of `bytes.len()` bytes at `base`, backed by a
/// caller's buffer (no allocation).
///
/// Every access that touches a byte outside `[base, base + len)` fails with
/// [`Error::Fault`] carrying the first address that is not mapped, and copies nothing. Put a
/// struct near the end of the buffer to make it straddle an unmapped page.
#[derive(Debug)]
pub struct SimMemory<'a> {
    base: u64,
    bytes: &'a mut [u8],
}

impl<'a> SimMemory<'a> {
    /// Maps `bytes` at address `base`.
    ///
    /// # Panics
    /// If the mapping would wrap around the end of the 64-bit address space.
    pub fn new(base: u64, bytes: &'a mut [u8]) -> Self {
        assert!(
            offset(base, bytes.len()).is_ok(),
            "mapping wraps around the address space"
        );
        SimMemory { base, bytes }
    }

    /// The first mapped address.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// The first address past the mapping.
    pub fn end(&self) -> u64 {
        self.base + self.bytes.len() as u64
    }

    /// The address of byte `off` of the mapping.
    pub fn addr(&self, off: usize) -> u64 {
        self.base + off as u64
    }

    /// The mapped bytes.
    pub fn bytes(&self) -> &[u8] {
        self.bytes
    }

    /// The mapped bytes, writable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.bytes
    }

    /// The buffer range for `len` bytes at `addr`, or the first unmapped address.
    fn range(&self, addr: u64, len: usize) -> Result<core::ops::Range<usize>, Error> {
        if len == 0 {
            return Ok(0..0);
        }
        if addr < self.base || addr >= self.end() {
            return Err(Error::Fault { addr });
        }
        let start = (addr - self.base) as usize;
        match start.checked_add(len) {
            Some(end) if end <= self.bytes.len() => Ok(start..end),
            _ => Err(Error::Fault { addr: self.end() }),
        }
    }
}

impl UserMemory for SimMemory<'_> {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error> {
        let r = self.range(addr, buf.len())?;
        buf.copy_from_slice(&self.bytes[r]);
        Ok(())
    }

    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error> {
        let r = self.range(addr, data.len())?;
        self.bytes[r].copy_from_slice(data);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_report_first_unmapped_address() {
        let mut buf = [0u8; 16];
        let mut mem = SimMemory::new(0x1000, &mut buf);
        let mut out = [0u8; 8];
        assert_eq!(mem.read(0xfff, &mut out), Err(Error::Fault { addr: 0xfff }));
        assert_eq!(mem.read(0x100c, &mut out), Err(Error::Fault { addr: 0x1010 }));
        assert_eq!(mem.write(0x1010, &[1]), Err(Error::Fault { addr: 0x1010 }));
        assert_eq!(mem.read(0x5000, &mut []), Ok(()));
        assert_eq!(mem.read(0x1008, &mut out), Ok(()));
        assert_eq!(mem.read(u64::MAX, &mut out), Err(Error::Fault { addr: u64::MAX }));
    }

    #[test]
    fn find_nonzero_and_clear_cross_chunks() {
        let mut buf = [0u8; 200];
        buf[150] = 9;
        let mut mem = SimMemory::new(0x2000, &mut buf);
        assert_eq!(mem.find_nonzero(0x2000, 150), Ok(None));
        assert_eq!(mem.find_nonzero(0x2000, 200), Ok(Some(0x2000 + 150)));
        // A non-zero byte before the unmapped part wins, as in check_zeroed_user.
        assert_eq!(mem.find_nonzero(0x2000, 300), Ok(Some(0x2000 + 150)));
        assert_eq!(mem.find_nonzero(0x2000 + 151, 100), Err(Error::Fault { addr: 0x2000 + 200 }));
        mem.clear(0x2000 + 100, 100).unwrap();
        assert_eq!(mem.find_nonzero(0x2000, 200), Ok(None));
    }

    #[test]
    fn find_nonzero_reads_aligned_chunks() {
        // The mapping ends mid-chunk; a non-zero byte before that chunk is found, not the fault.
        let mut buf = [0u8; 0x48];
        buf[0x30] = 1;
        let mem = SimMemory::new(0x1000, &mut buf);
        assert_eq!(mem.find_nonzero(0x1010, 100), Ok(Some(0x1030)));
        assert_eq!(mem.find_nonzero(0x1031, 100), Err(Error::Fault { addr: 0x1048 }));
    }

    #[test]
    fn offset_refuses_wraparound() {
        assert_eq!(offset(u64::MAX - 1, 1), Ok(u64::MAX));
        assert_eq!(offset(u64::MAX, 1), Err(Error::Fault { addr: u64::MAX }));
    }
}
