//! User memory as the decoders see it.
//!
//! A kernel implements [`UserMemory`] over `copy_from_user`/`copy_to_user`; tests use
//! [`SimMemory`], a simulated mapping that faults outside its bounds. The decoders in
//! [`crate::decode`](mod@crate::decode) and [`crate::encode`] only ever talk to this trait, so the code that runs
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
        find_nonzero_chunked(self, addr, len)
    }

    /// Writes `len` zero bytes at `addr` (Linux `clear_user`).
    ///
    /// The default writes `CHUNK`-byte chunks in order from `addr`, so the chunks before a
    /// faulting one are cleared.
    fn clear(&mut self, addr: u64, len: usize) -> Result<(), Error> {
        clear_chunked(self, addr, len)
    }
}

/// Reads one value of a fixed-width type from `addr` (Linux `get_user`): the `__s32` a
/// pointer argument such as `VFIO_GROUP_SET_CONTAINER`'s points to. Errors: [`Error::Fault`].
pub fn get_user<T, M>(mem: &M, addr: u64) -> Result<T, Error>
where
    T: zerocopy::FromBytes + zerocopy::IntoBytes,
    M: UserMemory + ?Sized,
{
    let mut value = T::new_zeroed();
    mem.read(addr, value.as_mut_bytes())?;
    Ok(value)
}

/// Writes one value of a fixed-width type to `addr` (Linux `put_user`). Errors:
/// [`Error::Fault`].
pub fn put_user<T, M>(mem: &mut M, addr: u64, value: &T) -> Result<(), Error>
where
    T: zerocopy::IntoBytes + zerocopy::Immutable,
    M: UserMemory + ?Sized,
{
    mem.write(addr, value.as_bytes())
}

/// Reads a NUL-terminated string from `addr` into `buf` and returns it without the NUL
/// (Linux `strndup_user(addr, buf.len())`, as `VFIO_GROUP_GET_DEVICE_FD` reads the device
/// name).
///
/// Bytes are read one at a time, so a string that ends right before an unmapped page is read
/// without touching that page, as `strncpy_from_user` does. Errors: [`Error::Fault`] (EFAULT)
/// when a byte before the NUL cannot be read; [`Error::OutOfBounds`] (EINVAL, strndup_user's
/// answer) when no NUL comes within `buf.len()` bytes.
pub fn read_cstr<'b, M>(mem: &M, addr: u64, buf: &'b mut [u8]) -> Result<&'b [u8], Error>
where
    M: UserMemory + ?Sized,
{
    let limit = buf.len();
    for i in 0..limit {
        let mut byte = [0u8; 1];
        mem.read(offset(addr, i)?, &mut byte)?;
        if byte[0] == 0 {
            return Ok(&buf[..i]);
        }
        buf[i] = byte[0];
    }
    Err(Error::OutOfBounds { offset: 0, len: limit, limit })
}

/// The default [`UserMemory::find_nonzero`].
fn find_nonzero_chunked<M: UserMemory + ?Sized>(mem: &M, addr: u64, len: usize) -> Result<Option<u64>, Error> {
    let mut buf = [0u8; CHUNK];
    let mut done = 0;
    while done < len {
        let at = offset(addr, done)?;
        let to_boundary = CHUNK - (at % CHUNK as u64) as usize;
        let n = to_boundary.min(len - done);
        mem.read(at, &mut buf[..n])?;
        if let Some(i) = first_nonzero(&buf[..n]) {
            return offset(at, i).map(Some);
        }
        done += n;
    }
    Ok(None)
}

/// The default [`UserMemory::clear`].
fn clear_chunked<M: UserMemory + ?Sized>(mem: &mut M, addr: u64, len: usize) -> Result<(), Error> {
    let zeros = [0u8; CHUNK];
    let mut done = 0;
    while done < len {
        let n = CHUNK.min(len - done);
        mem.write(offset(addr, done)?, &zeros[..n])?;
        done += n;
    }
    Ok(())
}

/// `addr + off`, faulting on wrap-around (Linux's `access_ok` refuses such ranges).
#[inline]
pub(crate) fn offset(addr: u64, off: usize) -> Result<u64, Error> {
    u64::try_from(off)
        .ok()
        .and_then(|off| addr.checked_add(off))
        .ok_or(Error::Fault { addr })
}

/// The index of the first non-zero byte of `bytes`, testing a word at a time.
#[inline]
pub(crate) fn first_nonzero(bytes: &[u8]) -> Option<usize> {
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    for (i, w) in words.enumerate() {
        let w = u64::from_ne_bytes(*w.first_chunk().expect("chunks_exact(8)"));
        if w != 0 {
            let at = i * 8;
            return bytes[at..at + 8].iter().position(|&b| b != 0).map(|j| at + j);
        }
    }
    let at = bytes.len() - tail.len();
    tail.iter().position(|&b| b != 0).map(|j| at + j)
}

/// [`first_nonzero`] out of line, for callers whose common case is all zero.
#[cold]
#[inline(never)]
fn first_nonzero_cold(bytes: &[u8]) -> Option<usize> {
    first_nonzero(bytes)
}

/// Whether every byte of `bytes` is zero, testing a word at a time.
#[inline]
pub(crate) fn all_zero(bytes: &[u8]) -> bool {
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let mut acc = 0u64;
    for w in words {
        acc |= u64::from_ne_bytes(*w.first_chunk().expect("chunks_exact(8)"));
    }
    acc == 0 && tail.iter().all(|&b| b == 0)
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
    #[inline]
    pub fn base(&self) -> u64 {
        self.base
    }

    /// The first address past the mapping.
    #[inline]
    pub fn end(&self) -> u64 {
        self.base + self.bytes.len() as u64
    }

    /// The address of byte `off` of the mapping.
    #[inline]
    pub fn addr(&self, off: usize) -> u64 {
        self.base + off as u64
    }

    /// The mapped bytes.
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        self.bytes
    }

    /// The mapped bytes, writable.
    #[inline]
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.bytes
    }

    /// The mapped bytes of an access of `len` bytes at `addr` that lies inside the mapping:
    /// a subtraction and two comparisons, the hot path of every access. `None` sends the access
    /// to [`slow_access`](Self::slow_access) (or the default helpers).
    #[inline]
    fn fast_slice(&self, addr: u64, len: usize) -> Option<&[u8]> {
        // Wraps to a huge value when addr < base, which the first comparison refuses.
        let start = usize::try_from(addr.wrapping_sub(self.base)).ok()?;
        self.bytes.get(start..)?.get(..len)
    }

    /// [`fast_slice`](Self::fast_slice), writable.
    #[inline]
    fn fast_slice_mut(&mut self, addr: u64, len: usize) -> Option<&mut [u8]> {
        let start = usize::try_from(addr.wrapping_sub(self.base)).ok()?;
        self.bytes.get_mut(start..)?.get_mut(..len)
    }

    /// An access of `len` bytes at `addr` that [`fast_slice`](Self::fast_slice) refused:
    /// `Ok` when it is empty (nothing to copy), else the fault, carrying the access's address
    /// when it starts outside the mapping and the first address past the mapping when it runs
    /// over the end.
    ///
    /// Kept out of line and away from the caller's buffer, so the compiler sees that a
    /// successful non-empty access always went through the fast path's copy.
    #[cold]
    #[inline(never)]
    fn slow_access(&self, addr: u64, len: usize) -> Result<(), Error> {
        if len == 0 {
            return Ok(());
        }
        if addr < self.base || addr >= self.end() {
            return Err(Error::Fault { addr });
        }
        // The access starts inside the mapping, so it was refused for running over the end.
        Err(Error::Fault { addr: self.end() })
    }

    /// [`find_nonzero`](UserMemory::find_nonzero) of a range not wholly mapped (or empty).
    #[cold]
    #[inline(never)]
    fn find_nonzero_slow(&self, addr: u64, len: usize) -> Result<Option<u64>, Error> {
        find_nonzero_chunked(self, addr, len)
    }

    /// [`clear`](UserMemory::clear) of a range not wholly mapped (or empty).
    #[cold]
    #[inline(never)]
    fn clear_slow(&mut self, addr: u64, len: usize) -> Result<(), Error> {
        clear_chunked(self, addr, len)
    }
}

impl UserMemory for SimMemory<'_> {
    /// A bounds check and a `copy_from_slice`; faults and empty accesses leave the hot path.
    #[inline]
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error> {
        match self.fast_slice(addr, buf.len()) {
            Some(src) => {
                buf.copy_from_slice(src);
                Ok(())
            }
            None => self.slow_access(addr, buf.len()),
        }
    }

    /// A bounds check and a `copy_from_slice`; faults and empty accesses leave the hot path.
    #[inline]
    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error> {
        match self.fast_slice_mut(addr, data.len()) {
            Some(dst) => {
                dst.copy_from_slice(data);
                Ok(())
            }
            None => self.slow_access(addr, data.len()),
        }
    }

    /// The default's result without copying: when all `len` bytes are mapped the chunks
    /// cannot fault, so the first non-zero byte is the answer; otherwise the default's
    /// chunk-by-chunk walk decides between a non-zero byte and the fault.
    #[inline]
    fn find_nonzero(&self, addr: u64, len: usize) -> Result<Option<u64>, Error> {
        match self.fast_slice(addr, len) {
            // All zero, the case callers expect, is one pass of word loads.
            Some(bytes) if all_zero(bytes) => Ok(None),
            // In the mapping, so addr + i does not wrap.
            Some(bytes) => Ok(first_nonzero_cold(bytes).map(|i| addr + i as u64)),
            None => self.find_nonzero_slow(addr, len),
        }
    }

    /// The default's effect: all of it when every byte is mapped, else chunk by chunk.
    #[inline]
    fn clear(&mut self, addr: u64, len: usize) -> Result<(), Error> {
        match self.fast_slice_mut(addr, len) {
            Some(bytes) => {
                bytes.fill(0);
                Ok(())
            }
            None => self.clear_slow(addr, len),
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec;

    use proptest::prelude::*;

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

    /// What the accesses of a `len`-byte mapping at `base` did before the fast paths: fault
    /// at `addr` when the access starts outside, at the end when it runs over it.
    fn reference_range(base: u64, len: usize, addr: u64, n: usize) -> Result<core::ops::Range<usize>, Error> {
        let end = base + len as u64;
        if n == 0 {
            return Ok(0..0);
        }
        if addr < base || addr >= end {
            return Err(Error::Fault { addr });
        }
        let start = (addr - base) as usize;
        match start.checked_add(n) {
            Some(e) if e <= len => Ok(start..e),
            _ => Err(Error::Fault { addr: end }),
        }
    }

    proptest! {
        #[test]
        fn sim_accesses_match_the_reference(
            fill in proptest::collection::vec(0u8..3, 0..200),
            base in prop_oneof![Just(0u64), Just(0x1000u64), Just(u64::MAX - 300), any::<u64>()],
            at in -80i64..280,
            n in 0usize..300,
        ) {
            let len = fill.len();
            prop_assume!(base.checked_add(len as u64).is_some());
            let addr = base.wrapping_add(at as u64);
            let mut bytes = fill.clone();
            let mut mem = SimMemory::new(base, &mut bytes);

            // read: the reference's bytes or fault, and nothing copied on a fault.
            let mut buf = vec![0xeeu8; n];
            let got = mem.read(addr, &mut buf);
            match reference_range(base, len, addr, n) {
                Ok(r) => {
                    prop_assert_eq!(got, Ok(()));
                    prop_assert_eq!(&buf[..], &fill[r]);
                }
                Err(e) => {
                    prop_assert_eq!(got, Err(e));
                    prop_assert!(buf.iter().all(|&b| b == 0xee));
                }
            }

            // find_nonzero: the same answer as the default's chunk walk.
            prop_assert_eq!(mem.find_nonzero(addr, n), find_nonzero_chunked(&mem, addr, n));

            // write and clear: the same effect and result as the reference / the default.
            let data = vec![7u8; n];
            let got = mem.write(addr, &data);
            let mut want = fill.clone();
            match reference_range(base, len, addr, n) {
                Ok(r) => {
                    prop_assert_eq!(got, Ok(()));
                    want[r].fill(7);
                }
                Err(e) => prop_assert_eq!(got, Err(e)),
            }
            prop_assert_eq!(mem.bytes(), &want[..]);

            let mut other = want.clone();
            let mut other_mem = SimMemory::new(base, &mut other);
            prop_assert_eq!(mem.clear(addr, n), clear_chunked(&mut other_mem, addr, n));
            prop_assert_eq!(mem.bytes(), other_mem.bytes());
        }

        #[test]
        fn word_scans_match_byte_scans(bytes in proptest::collection::vec(prop_oneof![Just(0u8), any::<u8>()], 0..80)) {
            prop_assert_eq!(first_nonzero(&bytes), bytes.iter().position(|&b| b != 0));
            prop_assert_eq!(all_zero(&bytes), bytes.iter().all(|&b| b == 0));
        }
    }

    #[test]
    fn offset_refuses_wraparound() {
        assert_eq!(offset(u64::MAX - 1, 1), Ok(u64::MAX));
        assert_eq!(offset(u64::MAX, 1), Err(Error::Fault { addr: u64::MAX }));
    }
}
