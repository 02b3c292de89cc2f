//! VFIO-style capability chains: building one in a kernel-side buffer, walking one safely in
//! userspace.
//!
//! An INFO ioctl (`VFIO_DEVICE_GET_INFO`, `VFIO_DEVICE_GET_REGION_INFO`,
//! `VFIO_IOMMU_GET_INFO`) returns a fixed struct followed by optional capabilities. Each
//! capability starts with an 8-byte header, [`CapHeader`] (`id`, `version`, `next`); `next` is
//! the offset of the following capability counted from the start of the whole INFO buffer, and
//! 0 ends the chain. The fixed struct's `cap_offset` field holds the offset of the first one.
//!
//! * [`CapChainBuilder`] lays capabilities out as the kernel does: each at an 8-byte aligned
//!   offset, padded to a multiple of 8 with zero bytes, appended after the previous one, and
//!   keeps counting the size the whole chain needs when the buffer is too small, so the driver
//!   can report it back in `argsz`.
//! * [`CapChain`] walks a chain received from the kernel (or any other untrusted source): every
//!   offset is checked against the buffer, offsets may not point into the fixed struct, and a
//!   chain must move forward, which rules out loops without any bookkeeping. Unknown
//!   capability ids are handed to the caller, not treated as errors.
//!
//! * [`RawCap::read_flex`] reads a capability that ends in a flexible array
//!   (`vfio_region_info_cap_sparse_mmap`, `vfio_iommu_type1_info_cap_iova_range`): its fixed
//!   part and each element are copied out, so the buffer may have any alignment, and the
//!   element count is checked against the capability's bytes before any element is read.
//!
//! No allocation anywhere: both work on caller-provided byte slices.

use core::mem::size_of;

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

use crate::abi_type::{Capability, Extensible, FieldSpan, FlexArray};
use crate::error::Error;
use crate::field::try_load;

/// The header every capability starts with (C: `struct vfio_info_cap_header`).
///
/// This is the runtime's own view of the header, used to build and walk chains; capability
/// structs defined with `#[uabi::abi]` embed the ABI module's equivalent as their first field.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, FromBytes, IntoBytes, KnownLayout, Immutable)]
pub struct CapHeader {
    /// Which capability this is; ids are defined per INFO ioctl.
    pub id: u16,
    /// The capability's version: a reader that knows version `n` can read any version `>= n`
    /// of the same id, since versions only append fields.
    pub version: u16,
    /// Offset of the next capability from the start of the INFO buffer; 0 ends the chain.
    pub next: u32,
}

const _: () = assert!(size_of::<CapHeader>() == 8);

/// Size of [`CapHeader`] in bytes.
pub const CAP_HEADER_SIZE: usize = size_of::<CapHeader>();

/// Capabilities start at multiples of this many bytes from the start of the INFO buffer.
pub const CAP_ALIGN: usize = 8;

/// An INFO struct that can be followed by a capability chain.
///
/// Implemented by hand (or by the ABI macro) for `vfio_device_info`, `vfio_region_info`,
/// `vfio_iommu_type1_info` and their kind; it tells the walker where the chain starts.
pub trait CapChainInfo: Extensible {
    /// The `cap_offset: u32` field.
    const CAP_OFFSET: FieldSpan;
    /// The flag bit in `flags` that announces a chain (`VFIO_DEVICE_FLAGS_CAPS`), if the
    /// struct has one.
    const CAPS_FLAG: Option<u64>;
}

const fn align_up(n: usize) -> Option<usize> {
    match n.checked_add(CAP_ALIGN - 1) {
        Some(v) => Some(v & !(CAP_ALIGN - 1)),
        None => None,
    }
}

/// Builds a capability chain inside an INFO buffer, as Linux's `vfio_info_cap_add` followed by
/// `vfio_info_cap_shift` would leave it.
///
/// ```
/// use uabi::cap_chain::{CapChain, CapChainBuilder};
/// let mut buf = [0xffu8; 64];
/// let mut b = CapChainBuilder::new(&mut buf, 16); // the fixed struct is 16 bytes
/// b.add_raw(1, 1, &[0xaa; 4]);                    // 8-byte header + 4 bytes, padded to 16
/// b.add_raw(7, 2, &[]);
/// let (first, needed) = b.finish();
/// assert_eq!((first, needed), (16, 40));
/// let ids: Vec<u16> = CapChain::new(&buf[..needed], first).map(|c| c.unwrap().id).collect();
/// assert_eq!(ids, [1, 7]);
/// ```
#[derive(Debug)]
pub struct CapChainBuilder<'a> {
    buf: &'a mut [u8],
    /// Where the next capability goes, and the size the chain needs so far (the end of the
    /// last capability, padded). `None` once the size no longer fits `u32` offsets.
    end: Option<usize>,
    /// Offset of the first capability, if one was added.
    first: Option<usize>,
    /// Offset of the last capability written into `buf`.
    last_written: Option<usize>,
    /// Set once a capability did not fit: the chain in `buf` is incomplete.
    truncated: bool,
}

impl<'a> CapChainBuilder<'a> {
    /// A builder writing into `buf`, the whole INFO buffer, with the first capability at
    /// `start_offset` rounded up to a multiple of 8 (normally the size of the fixed struct,
    /// which Linux requires to be 8-aligned already). A start of 0 is taken as 8: offset 0
    /// cannot hold a capability, since a `next` or `cap_offset` of 0 means "none".
    pub fn new(buf: &'a mut [u8], start_offset: usize) -> Self {
        let end = align_up(start_offset.max(1)).filter(|&e| e <= u32::MAX as usize);
        let b = CapChainBuilder { buf, end, first: None, last_written: None, truncated: false };
        // Zero the alignment gap between the fixed struct and the first capability.
        if let Some(e) = end {
            let lo = start_offset.min(b.buf.len());
            let hi = e.min(b.buf.len());
            b.buf[lo..hi].fill(0);
        }
        b
    }

    /// Appends capability `cap`: copies it, then sets its header's `id` and `version` to
    /// `C::ID` and `C::VERSION` and its `next` to 0, and links the previous capability to it.
    ///
    /// Returns the offset it was written at, or `None` if the buffer is too small (the needed
    /// size still grows, see [`finish`](Self::finish)).
    pub fn add<C: Capability>(&mut self, cap: &C) -> Option<usize> {
        let bytes = cap.as_bytes();
        // A capability's first field is its header; the builder owns that part.
        let payload = bytes.get(CAP_HEADER_SIZE..).unwrap_or(&[]);
        self.add_raw(C::ID, C::VERSION, payload)
    }

    /// Appends a capability with header (`id`, `version`) followed by `payload`, the bytes
    /// after the header.
    ///
    /// Returns the offset it was written at, or `None` if the buffer is too small.
    pub fn add_raw(&mut self, id: u16, version: u16, payload: &[u8]) -> Option<usize> {
        self.add_parts(id, version, payload, &[])
    }

    /// Appends capability `cap` followed by the elements of its flexible array (the areas of
    /// `vfio_region_info_cap_sparse_mmap`, the ranges of
    /// `vfio_iommu_type1_info_cap_iova_range`), setting its count field (if it declares one)
    /// to `elems.len()`, and its header as [`add`](Self::add) does.
    ///
    /// Returns the offset it was written at, or `None` if the buffer is too small or the
    /// count does not fit its field (then the needed size is unknown and
    /// [`finish`](Self::finish) reports `usize::MAX`).
    pub fn add_flex<C: Capability + FlexArray>(&mut self, cap: &C, elems: &[C::Elem]) -> Option<usize> {
        let mut head = C::new_zeroed();
        head.as_mut_bytes().copy_from_slice(cap.as_bytes());
        if let Some(count) = C::COUNT {
            if crate::field::store(count, head.as_mut_bytes(), elems.len() as u64).is_err() {
                self.end = None;
                return None;
            }
        }
        let payload = head.as_bytes().get(CAP_HEADER_SIZE..).unwrap_or(&[]);
        self.add_parts(C::ID, C::VERSION, payload, elems.as_bytes())
    }

    /// [`add_raw`](Self::add_raw) of a payload in two pieces (a fixed part and an array).
    fn add_parts(&mut self, id: u16, version: u16, payload: &[u8], tail: &[u8]) -> Option<usize> {
        let at = self.end?;
        let end = CAP_HEADER_SIZE
            .checked_add(payload.len())
            .and_then(|len| len.checked_add(tail.len()))
            .and_then(|len| at.checked_add(len))
            .and_then(align_up)
            .filter(|&e| e <= u32::MAX as usize);
        self.end = end;
        let end = end?;
        if self.first.is_none() {
            self.first = Some(at);
        }
        if self.truncated || end > self.buf.len() {
            self.truncated = true;
            return None;
        }
        let header = CapHeader { id, version, next: 0 };
        let region = &mut self.buf[at..end];
        region[..CAP_HEADER_SIZE].copy_from_slice(header.as_bytes());
        let body = CAP_HEADER_SIZE + payload.len();
        region[CAP_HEADER_SIZE..body].copy_from_slice(payload);
        region[body..body + tail.len()].copy_from_slice(tail);
        region[body + tail.len()..].fill(0);
        if let Some(prev) = self.last_written {
            // `at` fits u32: `end` was checked above.
            self.buf[prev + 4..prev + 8].copy_from_slice(&(at as u32).to_ne_bytes());
        }
        self.last_written = Some(at);
        Some(at)
    }

    /// The size the INFO buffer needs to hold the fixed struct and every capability added so
    /// far, or `None` if the chain would need offsets beyond `u32`.
    pub fn needed(&self) -> Option<usize> {
        self.end
    }

    /// Whether every capability added so far was written into the buffer.
    pub fn fits(&self) -> bool {
        !self.truncated && self.end.is_some()
    }

    /// The chain written so far (from the first capability to the end of the last one, padded),
    /// if it is complete: the bytes Linux copies after the fixed struct. Empty if no
    /// capability was added.
    pub fn chain(&self) -> Option<&[u8]> {
        if !self.fits() {
            return None;
        }
        match (self.first, self.end) {
            (Some(first), Some(end)) => Some(&self.buf[first..end]),
            _ => Some(&[]),
        }
    }

    /// Ends the chain. Returns the offset of the first capability (for `cap_offset`) and the
    /// size the buffer needs (for `argsz`).
    ///
    /// When the buffer was too small, the first offset is 0, as VFIO reports it, and the
    /// needed size tells the caller how large a buffer to retry with; a chain whose offsets
    /// would not fit in `u32` reports `usize::MAX`. Without any capability the result is
    /// `(0, start_offset)` rounded up to 8.
    pub fn finish(self) -> (u32, usize) {
        let needed = self.end.unwrap_or(usize::MAX);
        let first = match (self.fits(), self.first) {
            (true, Some(first)) => first as u32,
            _ => 0,
        };
        (first, needed)
    }
}

/// Walks the capability chain of an INFO buffer.
///
/// Yields each capability as a [`RawCap`], or an error for the first malformed link, after
/// which it stops. Guarantees, whatever the bytes:
/// * every capability header lies inside the buffer;
/// * no offset points into the fixed struct (see [`with_fixed_size`](Self::with_fixed_size));
/// * each `next` is at least 8 bytes past the current capability (chains built by Linux only
///   ever move forward), so the walk ends after at most `buf.len() / 8` steps and a loop is
///   reported as [`Error::BadCapabilityChain`] at its first backward link.
#[derive(Debug, Clone)]
pub struct CapChain<'a> {
    buf: &'a [u8],
    /// The offset to visit next; 0 when the walk is over (end of chain or an error).
    next: u32,
    /// The smallest acceptable offset for the next capability.
    min: usize,
}

impl<'a> CapChain<'a> {
    /// A walker over `buf`, the INFO buffer (exactly the `argsz` bytes the caller passed in),
    /// starting at `first_offset` (the `cap_offset` field; 0 means no chain).
    pub fn new(buf: &'a [u8], first_offset: u32) -> Self {
        CapChain { buf, next: first_offset, min: 0 }
    }

    /// Refuses capability offsets below `fixed_size`, the size of the fixed struct in front of
    /// the chain.
    pub fn with_fixed_size(mut self, fixed_size: usize) -> Self {
        self.min = self.min.max(fixed_size);
        self
    }

    /// A walker over the chain of an INFO buffer holding a `T`: reads `cap_offset` from the
    /// buffer, and refuses offsets that point before the end of the `cap_offset` field (the
    /// smallest fixed struct that can announce a chain).
    ///
    /// If `T` has a caps flag and it is clear, or the buffer does not even hold `cap_offset`,
    /// the chain is empty.
    #[inline]
    pub fn for_info<T: CapChainInfo>(buf: &'a [u8]) -> Self {
        let empty = CapChain { buf, next: 0, min: 0 };
        let Some(first) = try_load(T::CAP_OFFSET, buf) else { return empty };
        if let (Some(flag), Some(flags)) = (T::CAPS_FLAG, T::FLAGS) {
            match try_load(flags, buf) {
                Some(v) if v & flag != 0 => {}
                _ => return empty,
            }
        }
        match u32::try_from(first) {
            Ok(first) => CapChain { buf, next: first, min: T::CAP_OFFSET.end() },
            // A cap_offset field wider than u32 holding a huge value: report it on the walk.
            Err(_) => CapChain { buf, next: u32::MAX, min: T::CAP_OFFSET.end() },
        }
    }

    /// The first capability of type `C` (matching id, version at least `C::VERSION`), copied
    /// out. Stops at the first malformed link.
    #[inline]
    pub fn find<C: Capability>(mut self) -> Result<Option<C>, Error> {
        while let Some(step) = self.step() {
            let (offset, header) = step?;
            if readable_as::<C>(header.id, header.version) {
                return self.raw(offset, header).read::<C>();
            }
        }
        Ok(None)
    }

    /// Checks and reads the header at the current offset, and moves to its successor. The
    /// hot path of both [`Iterator::next`] and [`find`](Self::find): it builds no
    /// [`RawCap`], so skipping capabilities costs a bounds check and an 8-byte read each.
    #[inline]
    fn step(&mut self) -> Option<Result<(usize, CapHeader), Error>> {
        if self.next == 0 {
            return None;
        }
        let offset = self.next as usize;
        let limit = self.buf.len();
        // The header's 8 bytes, one comparison with the buffer's length (`offset` comes from a
        // u32, so the addition only needs checking on 32-bit targets).
        let bytes = offset.checked_add(CAP_HEADER_SIZE).and_then(|end| self.buf.get(offset..end));
        let header = match bytes.and_then(|b| CapHeader::read_from_bytes(b).ok()) {
            Some(header) => header,
            None => {
                self.next = 0;
                return Some(Err(self.bad_offset(offset, limit)));
            }
        };
        // Tested apart from the bounds: joined to them in one `match` guard, this cost LLVM
        // three more instructions per link.
        if offset < self.min {
            self.next = 0;
            return Some(Err(self.bad_offset(offset, limit)));
        }
        self.next = header.next;
        // Forward progress: the next header may not overlap this one.
        self.min = offset + CAP_HEADER_SIZE;
        Some(Ok((offset, header)))
    }

    #[cold]
    fn bad_offset(&self, offset: usize, limit: usize) -> Error {
        if offset < self.min {
            Error::BadCapabilityChain { offset }
        } else {
            Error::OutOfBounds { offset, len: CAP_HEADER_SIZE, limit }
        }
    }

    /// The [`RawCap`] of the header just read at `offset`. It extends to the next capability,
    /// or to the end of the buffer for the last one (or for one whose link is bad, which the
    /// following step reports).
    #[inline]
    fn raw(&self, offset: usize, header: CapHeader) -> RawCap<'a> {
        let next = header.next as usize;
        let limit = self.buf.len();
        let cap_end = if next >= offset + CAP_HEADER_SIZE && next <= limit { next } else { limit };
        RawCap { id: header.id, version: header.version, offset, next: header.next, bytes: &self.buf[offset..cap_end] }
    }
}

/// Whether a capability with header `id` and `version` can be read as a `C`: `id == C::ID`
/// and `version >= C::VERSION`, tested with one comparison. With the id in the high half and
/// the version in the low half of a `u32`, the readable headers are the range from
/// `C::ID:C::VERSION` to `C::ID:0xffff`. (Testing the id alone first measured worse: LLVM
/// then keeps both halves live across the loop.)
#[inline(always)]
fn readable_as<C: Capability>(id: u16, version: u16) -> bool {
    let key = (id as u32) << 16 | version as u32;
    let first = (C::ID as u32) << 16 | C::VERSION as u32;
    key.wrapping_sub(first) <= 0xffff - C::VERSION as u32
}

impl<'a> Iterator for CapChain<'a> {
    type Item = Result<RawCap<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        Some(self.step()?.map(|(offset, header)| self.raw(offset, header)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.next == 0 {
            (0, Some(0))
        } else {
            (0, Some(self.buf.len() / CAP_HEADER_SIZE + 1))
        }
    }
}

impl core::iter::FusedIterator for CapChain<'_> {}

/// One capability of a chain, as found by [`CapChain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawCap<'a> {
    /// The capability id from its header.
    pub id: u16,
    /// The capability version from its header.
    pub version: u16,
    /// Offset of the capability from the start of the INFO buffer.
    pub offset: usize,
    /// The header's `next` field.
    pub next: u32,
    /// The capability's bytes, header included: up to the next capability, or to the end of
    /// the buffer for the last one. They may include the zero padding after it.
    pub bytes: &'a [u8],
}

impl<'a> RawCap<'a> {
    /// The bytes after the header.
    pub fn payload(&self) -> &'a [u8] {
        &self.bytes[CAP_HEADER_SIZE..]
    }

    /// The header as found in the buffer.
    pub fn header(&self) -> CapHeader {
        CapHeader { id: self.id, version: self.version, next: self.next }
    }

    /// Whether this capability has `C`'s id and a version `C` can read (`>= C::VERSION`).
    pub fn is<C: Capability>(&self) -> bool {
        readable_as::<C>(self.id, self.version)
    }

    fn check_size<C: Capability>(&self) -> Result<(), Error> {
        if self.bytes.len() < size_of::<C>() {
            return Err(Error::OutOfBounds {
                offset: self.offset,
                len: size_of::<C>(),
                limit: self.offset + self.bytes.len(),
            });
        }
        Ok(())
    }

    /// Copies the capability out as a `C`.
    ///
    /// `Ok(None)` when it is another capability ([`is`](Self::is) is false: other id, or an
    /// older version than `C` describes); [`Error::OutOfBounds`] when it is a `C` but the
    /// buffer ends before `size_of::<C>()` bytes. Works at any alignment.
    pub fn read<C: Capability>(&self) -> Result<Option<C>, Error> {
        if !self.is::<C>() {
            return Ok(None);
        }
        self.check_size::<C>()?;
        // Cannot fail: the size was checked and `C: FromBytes` accepts any bytes.
        C::read_from_prefix(self.bytes)
            .map(|(c, _)| Some(c))
            .map_err(|_| Error::OutOfBounds { offset: self.offset, len: size_of::<C>(), limit: self.bytes.len() })
    }

    /// Borrows the capability as a `C` in place.
    ///
    /// As [`read`](Self::read), and in addition [`Error::BadCapabilityChain`] when the
    /// capability is not aligned for `C` in memory: capabilities sit at multiples of 8 from
    /// the buffer start, so this only happens when the buffer itself is not 8-aligned
    /// (`uabi::fd::InfoBuf` always is). Use [`read`](Self::read) for unaligned buffers.
    pub fn parse<C: Capability>(&self) -> Result<Option<&'a C>, Error> {
        if !self.is::<C>() {
            return Ok(None);
        }
        self.check_size::<C>()?;
        C::ref_from_prefix(self.bytes)
            .map(|(c, _)| Some(c))
            .map_err(|_| Error::BadCapabilityChain { offset: self.offset })
    }
}

impl<'a> RawCap<'a> {
    /// Reads a capability `C` that ends in a flexible array: its fixed part by value and an
    /// accessor of its elements, each copied out when read.
    ///
    /// The element count is `C`'s `counted_by` field. `Ok(None)` when the capability is not a
    /// `C` (as [`read`](Self::read)); [`Error::OutOfBounds`] (EINVAL) when the fixed part, or
    /// `count × size_of::<C::Elem>()` bytes after it, do not fit in the capability's bytes,
    /// including when that product overflows; [`Error::Unsupported`] when `C` declares no
    /// `counted_by` field, so the count cannot be known. Works at any alignment of the
    /// buffer: nothing is borrowed as a `C` or an element, only as bytes.
    ///
    /// (With VFIO's sparse-mmap capability; this example is compiled in the docs of `uabi-linux`, which defines VFIO.)
    ///
    /// ```ignore
    /// use uabi::cap_chain::{CapChain, CapChainBuilder};
    /// use uabi::vfio::{VfioRegionInfoCapSparseMmap, VfioRegionSparseMmapArea};
    /// use uabi::Capability;
    /// use zerocopy::IntoBytes;
    ///
    /// // A chain after a 32-byte fixed struct, one byte into the allocation: misaligned.
    /// let mut store = [0u8; 1 + 96];
    /// let buf = &mut store[1..];
    /// let areas = [
    ///     VfioRegionSparseMmapArea { offset: 0, size: 0x1000 },
    ///     VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 },
    /// ];
    /// // The bytes after the header: nr_areas = 2, reserved, then the areas.
    /// let mut payload = [2u32.to_ne_bytes(), [0; 4]].concat();
    /// payload.extend_from_slice(areas.as_bytes());
    /// let mut b = CapChainBuilder::new(buf, 32);
    /// b.add_raw(VfioRegionInfoCapSparseMmap::ID, VfioRegionInfoCapSparseMmap::VERSION, &payload);
    /// let (first, needed) = b.finish();
    ///
    /// let cap = CapChain::new(&buf[..needed], first).next().unwrap()?;
    /// let sparse = cap.read_flex::<VfioRegionInfoCapSparseMmap>()?.expect("a sparse-mmap capability");
    /// assert_eq!(sparse.header().nr_areas, 2);
    /// assert_eq!(sparse.len(), 2);
    /// assert_eq!(sparse.get(1), Some(VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 }));
    /// assert_eq!(sparse.iter().map(|a| a.size).sum::<u64>(), 0xe000);
    /// # Ok::<(), uabi::Error>(())
    /// ```
    pub fn read_flex<C: Capability + FlexArray>(&self) -> Result<Option<FlexCap<'a, C>>, Error> {
        let Some(head) = self.read::<C>()? else { return Ok(None) };
        let Some(count_span) = C::COUNT else { return Err(Error::Unsupported) };
        // `read` proved the fixed part (and so the count field inside it) is in the bytes.
        let count = match try_load(count_span, self.bytes) {
            Some(n) => n,
            None => return Err(Error::OutOfBounds { offset: self.offset, len: count_span.end(), limit: self.limit() }),
        };
        let elem = size_of::<C::Elem>();
        let start = C::FLEX_OFFSET;
        let overrun = |len: usize| Error::OutOfBounds { offset: self.offset + start, len, limit: self.limit() };
        let count = usize::try_from(count).map_err(|_| overrun(usize::MAX))?;
        let len = count.checked_mul(elem).ok_or(overrun(usize::MAX))?;
        let end = start.checked_add(len).ok_or(overrun(len))?;
        let elems = self.bytes.get(start..end).ok_or(overrun(len))?;
        Ok(Some(FlexCap { head, elems, count }))
    }

    /// The offset one past the capability's last byte, from the start of the INFO buffer.
    fn limit(&self) -> usize {
        self.offset + self.bytes.len()
    }
}

/// A capability that ends in a flexible array, as [`RawCap::read_flex`] found it: the fixed
/// part copied out, and exactly `count` elements' worth of bytes, read one element at a
/// time by value (the bytes may sit at any alignment).
#[derive(Debug, Clone, Copy)]
pub struct FlexCap<'a, C: FlexArray> {
    head: C,
    elems: &'a [u8],
    count: usize,
}

impl<'a, C: FlexArray> FlexCap<'a, C> {
    /// The fixed part of the capability (header, count and the fields before the array).
    pub fn header(&self) -> C
    where
        C: Copy,
    {
        self.head
    }

    /// The fixed part of the capability, borrowed from this copy.
    pub fn header_ref(&self) -> &C {
        &self.head
    }

    /// Number of elements (the capability's count field).
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the array is empty.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Element `i`, copied out; `None` past the end.
    pub fn get(&self, i: usize) -> Option<C::Elem> {
        let size = size_of::<C::Elem>();
        let at = i.checked_mul(size)?;
        let bytes = self.elems.get(at..at.checked_add(size)?)?;
        C::Elem::read_from_bytes(bytes).ok()
    }

    /// The elements in order, each copied out.
    pub fn iter(&self) -> FlexElems<'a, C::Elem> {
        FlexElems { bytes: self.elems, remaining: self.count, ty: core::marker::PhantomData }
    }

    /// The elements' bytes: `len() × size_of::<C::Elem>()` of them.
    pub fn elem_bytes(&self) -> &'a [u8] {
        self.elems
    }
}

impl<'a, C: FlexArray> IntoIterator for &FlexCap<'a, C> {
    type Item = C::Elem;
    type IntoIter = FlexElems<'a, C::Elem>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The elements of a [`FlexCap`], each copied out of the (possibly misaligned) bytes.
#[derive(Debug, Clone)]
pub struct FlexElems<'a, E> {
    bytes: &'a [u8],
    remaining: usize,
    ty: core::marker::PhantomData<E>,
}

impl<E: FromBytes> Iterator for FlexElems<'_, E> {
    type Item = E;

    fn next(&mut self) -> Option<E> {
        if self.remaining == 0 {
            return None;
        }
        // `read_flex` checked that `remaining` elements' bytes are there.
        let (e, rest) = E::read_from_prefix(self.bytes).ok()?;
        self.bytes = rest;
        self.remaining -= 1;
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<E: FromBytes> ExactSizeIterator for FlexElems<'_, E> {}
impl<E: FromBytes> core::iter::FusedIterator for FlexElems<'_, E> {}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec;
    use std::vec::Vec;

    use super::*;
    use crate::abi_type::AbiType;
    use proptest::prelude::*;

    // The fixtures are defined with `#[uabi::abi]`, shared with the other tests.
    use crate::fixtures::vfio::{InfoCapHeader, TestDmaAvail as DmaAvail, TestInfo as Info, TestSmall as Small};

    /// An 8-aligned buffer of `n` bytes filled with `fill`.
    fn aligned(n: usize, fill: u8) -> Vec<u64> {
        vec![u64::from_ne_bytes([fill; 8]); n.div_ceil(8)]
    }

    fn collect(chain: CapChain<'_>) -> Vec<Result<(u16, u16, usize), Error>> {
        chain.map(|c| c.map(|c| (c.id, c.version, c.offset))).collect()
    }

    fn put_header(buf: &mut [u8], at: usize, id: u16, version: u16, next: u32) {
        buf[at..at + 8].copy_from_slice(CapHeader { id, version, next }.as_bytes());
    }

    #[test]
    fn round_trip_builder_and_walker() {
        let mut store = aligned(128, 0xee);
        let buf = store.as_mut_bytes();
        let mut b = CapChainBuilder::new(buf, size_of::<Info>());
        assert_eq!(b.add(&DmaAvail { header: InfoCapHeader::default(), avail: 0x1234_5678_9abc }), Some(16));
        assert_eq!(b.add(&Small { header: InfoCapHeader { id: 77, version: 77, next: 77 }, value: 5 }), Some(32));
        assert_eq!(b.add_raw(0x55, 1, b"xyz"), Some(48));
        assert_eq!(b.chain().unwrap().len(), 48);
        let (first, needed) = b.finish();
        assert_eq!((first, needed), (16, 64));

        let chain = CapChain::new(&buf[..needed], first).with_fixed_size(16);
        assert_eq!(collect(chain.clone()), vec![Ok((3, 1, 16)), Ok((9, 2, 32)), Ok((0x55, 1, 48))]);
        let caps: Vec<RawCap<'_>> = chain.clone().map(Result::unwrap).collect();
        // Builder overwrote the header the caller passed in.
        assert_eq!(caps[1].header(), CapHeader { id: 9, version: 2, next: 48 });
        assert_eq!(caps[0].read::<DmaAvail>().unwrap().unwrap().avail, 0x1234_5678_9abc);
        assert_eq!(caps[0].parse::<DmaAvail>().unwrap().unwrap().avail, 0x1234_5678_9abc);
        assert_eq!(caps[1].read::<Small>().unwrap().unwrap().value, 5);
        assert_eq!(caps[0].read::<Small>().unwrap(), None);
        assert_eq!(&caps[2].payload()[..3], b"xyz");
        assert_eq!(chain.clone().find::<Small>().unwrap().unwrap().value, 5);
    }

    #[test]
    fn capabilities_are_aligned_and_gaps_zeroed() {
        let mut store = aligned(96, 0xee);
        let buf = store.as_mut_bytes();
        // A fixed part of 13 bytes: the first capability goes to 16, bytes 13..16 are zeroed.
        let mut b = CapChainBuilder::new(buf, 13);
        assert_eq!(b.add_raw(1, 1, &[0xaa; 5]), Some(16)); // 13 bytes -> padded to 16
        assert_eq!(b.add(&Small { header: InfoCapHeader::default(), value: 0xbbbb_bbbb }), Some(32)); // 12 -> 16
        assert_eq!(b.add_raw(2, 1, &[]), Some(48));
        let (first, needed) = b.finish();
        assert_eq!((first, needed), (16, 56));
        assert_eq!(&buf[..13], &[0xee; 13]); // the fixed part is untouched
        assert_eq!(&buf[13..16], &[0; 3]);
        assert_eq!(&buf[24..29], &[0xaa; 5]);
        assert_eq!(&buf[29..32], &[0; 3]);
        assert_eq!(&buf[44..48], &[0; 4]);
        assert_eq!(&buf[56..], &[0xee; 40]); // nothing past the chain is written
        for cap in CapChain::new(&buf[..needed], first) {
            assert_eq!(cap.unwrap().offset % CAP_ALIGN, 0);
        }
    }

    #[test]
    fn too_small_buffer_reports_needed_size() {
        let mut store = aligned(40, 0xee);
        let buf = store.as_mut_bytes();
        let mut b = CapChainBuilder::new(buf, 16);
        assert_eq!(b.add_raw(1, 1, &[1; 8]), Some(16)); // 16..32 fits
        assert_eq!(b.add_raw(2, 1, &[2; 8]), None); // 32..48 does not
        assert_eq!(b.add_raw(3, 1, &[3; 100]), None); // still counted
        assert!(!b.fits());
        assert_eq!(b.chain(), None);
        assert_eq!(b.needed(), Some(48 + 112));
        assert_eq!(b.finish(), (0, 160));
        // The capability that was written is not linked to anything.
        assert_eq!(CapHeader::read_from_bytes(&buf[16..24]).unwrap().next, 0);
    }

    #[test]
    fn empty_builder() {
        let mut buf = [0u8; 16];
        let b = CapChainBuilder::new(&mut buf, 12);
        assert_eq!(b.chain(), Some(&[][..]));
        assert_eq!(b.finish(), (0, 16));
        assert_eq!(CapChain::new(&buf, 0).count(), 0);
    }

    #[test]
    fn self_loop_is_detected() {
        let mut buf = [0u8; 64];
        put_header(&mut buf, 16, 1, 1, 16);
        let r = collect(CapChain::new(&buf, 16).with_fixed_size(16));
        assert_eq!(r, vec![Ok((1, 1, 16)), Err(Error::BadCapabilityChain { offset: 16 })]);
    }

    #[test]
    fn two_step_loop_is_detected() {
        let mut buf = [0u8; 64];
        put_header(&mut buf, 16, 1, 1, 32);
        put_header(&mut buf, 32, 2, 1, 16);
        let r = collect(CapChain::new(&buf, 16));
        assert_eq!(r, vec![Ok((1, 1, 16)), Ok((2, 1, 32)), Err(Error::BadCapabilityChain { offset: 16 })]);
    }

    #[test]
    fn overlapping_next_is_refused() {
        // next points into the current header: not a forward step.
        let mut buf = [0u8; 64];
        put_header(&mut buf, 16, 1, 1, 20);
        let r = collect(CapChain::new(&buf, 16));
        assert_eq!(r[1], Err(Error::BadCapabilityChain { offset: 20 }));
    }

    #[test]
    fn out_of_bounds_next() {
        let mut buf = [0u8; 40];
        put_header(&mut buf, 16, 1, 1, 1000);
        let r = collect(CapChain::new(&buf, 16));
        assert_eq!(r, vec![Ok((1, 1, 16)), Err(Error::OutOfBounds { offset: 1000, len: 8, limit: 40 })]);
        // u32::MAX does not overflow anything either.
        put_header(&mut buf, 16, 1, 1, u32::MAX);
        let r = collect(CapChain::new(&buf, 16));
        assert!(matches!(r[1], Err(Error::OutOfBounds { offset, .. }) if offset == u32::MAX as usize));
    }

    #[test]
    fn truncated_header() {
        let mut buf = [0u8; 40];
        put_header(&mut buf, 16, 1, 1, 36); // header 36..44 crosses the end
        let r = collect(CapChain::new(&buf, 16));
        assert_eq!(r[1], Err(Error::OutOfBounds { offset: 36, len: 8, limit: 40 }));
        // A first offset whose header does not fit.
        let r = collect(CapChain::new(&buf[..20], 16));
        assert_eq!(r, vec![Err(Error::OutOfBounds { offset: 16, len: 8, limit: 20 })]);
    }

    #[test]
    fn truncated_capability_body() {
        // Header fits, the DmaAvail body (16 bytes) does not.
        let mut buf = [0u8; 28];
        put_header(&mut buf, 16, DmaAvail::ID, DmaAvail::VERSION, 0);
        let cap = CapChain::new(&buf, 16).next().unwrap().unwrap();
        assert_eq!(cap.read::<DmaAvail>(), Err(Error::OutOfBounds { offset: 16, len: 16, limit: 28 }));
        assert_eq!(cap.parse::<DmaAvail>().err(), Some(Error::OutOfBounds { offset: 16, len: 16, limit: 28 }));
        // The body also may not run into the next capability.
        let mut buf = [0u8; 48];
        put_header(&mut buf, 16, DmaAvail::ID, DmaAvail::VERSION, 24);
        put_header(&mut buf, 24, 5, 1, 0);
        let cap = CapChain::new(&buf, 16).next().unwrap().unwrap();
        assert_eq!(cap.bytes.len(), 8);
        assert!(cap.read::<DmaAvail>().is_err());
    }

    #[test]
    fn next_pointing_back_into_fixed_part() {
        let mut buf = [0u8; 64];
        put_header(&mut buf, 16, 1, 1, 32);
        put_header(&mut buf, 32, 2, 1, 4);
        let r = collect(CapChain::new(&buf, 16).with_fixed_size(16));
        assert_eq!(r[2], Err(Error::BadCapabilityChain { offset: 4 }));
        // The first offset itself pointing into the fixed struct.
        let r = collect(CapChain::new(&buf, 8).with_fixed_size(16));
        assert_eq!(r, vec![Err(Error::BadCapabilityChain { offset: 8 })]);
    }

    #[test]
    fn unknown_id_passes_through() {
        let mut store = aligned(64, 0);
        let buf = store.as_mut_bytes();
        let mut b = CapChainBuilder::new(buf, 16);
        b.add_raw(0xbeef, 7, &[1, 2, 3, 4, 5, 6, 7, 8]);
        b.add(&DmaAvail { header: InfoCapHeader::default(), avail: 42 });
        let (first, needed) = b.finish();
        let caps: Vec<_> = CapChain::new(&buf[..needed], first).collect::<Result<_, _>>().unwrap();
        assert_eq!(caps.len(), 2);
        assert_eq!(caps[0].id, 0xbeef);
        assert_eq!(caps[0].read::<DmaAvail>(), Ok(None));
        assert_eq!(caps[1].read::<DmaAvail>().unwrap().unwrap().avail, 42);
        assert_eq!(CapChain::new(&buf[..needed], first).find::<DmaAvail>().unwrap().unwrap().avail, 42);
        assert_eq!(CapChain::new(&buf[..needed], first).find::<Small>(), Ok(None));
    }

    #[test]
    fn older_version_is_not_parsed() {
        let mut buf = [0u8; 32];
        put_header(&mut buf, 16, Small::ID, Small::VERSION - 1, 0);
        let cap = CapChain::new(&buf, 16).next().unwrap().unwrap();
        assert!(!cap.is::<Small>());
        assert_eq!(cap.read::<Small>(), Ok(None));
        // A newer version is readable as the older struct.
        put_header(&mut buf, 16, Small::ID, Small::VERSION + 3, 0);
        let cap = CapChain::new(&buf, 16).next().unwrap().unwrap();
        assert!(cap.read::<Small>().unwrap().is_some());
    }

    #[test]
    fn misaligned_buffer_can_still_be_read() {
        let mut store = aligned(72, 0);
        let bytes = store.as_mut_bytes();
        // Build at offset 1 of the allocation so every capability is misaligned in memory.
        let buf = &mut bytes[1..65];
        let mut b = CapChainBuilder::new(buf, 16);
        b.add(&DmaAvail { header: InfoCapHeader::default(), avail: 7 });
        let (first, needed) = b.finish();
        let cap = CapChain::new(&buf[..needed], first).next().unwrap().unwrap();
        assert_eq!(cap.read::<DmaAvail>().unwrap().unwrap().avail, 7);
        assert_eq!(cap.parse::<DmaAvail>(), Err(Error::BadCapabilityChain { offset: 16 }));
    }

    #[test]
    fn for_info_reads_cap_offset_and_flag() {
        let mut store = aligned(64, 0);
        let buf = store.as_mut_bytes();
        let mut b = CapChainBuilder::new(buf, size_of::<Info>());
        b.add(&Small { header: InfoCapHeader::default(), value: 1 });
        let (first, needed) = b.finish();
        let info = Info { argsz: needed as u32, flags: 1, cap_offset: first, pad: 0 };
        buf[..16].copy_from_slice(info.as_bytes());
        assert_eq!(CapChain::for_info::<Info>(&buf[..needed]).count(), 1);
        // Flag clear: no chain even though cap_offset is set.
        buf[4..8].copy_from_slice(&0u32.to_ne_bytes());
        assert_eq!(CapChain::for_info::<Info>(&buf[..needed]).count(), 0);
        // cap_offset pointing into the struct before the cap_offset field's end.
        buf[4..8].copy_from_slice(&1u32.to_ne_bytes());
        buf[8..12].copy_from_slice(&8u32.to_ne_bytes());
        let r = collect(CapChain::for_info::<Info>(&buf[..needed]));
        assert_eq!(r, vec![Err(Error::BadCapabilityChain { offset: 8 })]);
        // A buffer too short for cap_offset.
        assert_eq!(CapChain::for_info::<Info>(&buf[..10]).count(), 0);
    }

    #[test]
    fn builder_output_matches_linux_layout() {
        // What vfio_info_cap_add + vfio_info_cap_shift(caps, 16) produce for a 12-byte and a
        // 16-byte capability: 12 is aligned to 16, offsets count from the buffer start.
        let mut buf = [0u8; 48];
        let mut b = CapChainBuilder::new(&mut buf, 16);
        b.add_raw(1, 1, &[0x11; 4]);
        b.add_raw(2, 1, &[0x22; 8]);
        let (first, needed) = b.finish();
        assert_eq!((first, needed), (16, 48));
        let mut want = [0u8; 48];
        want[16..18].copy_from_slice(&1u16.to_ne_bytes());
        want[18..20].copy_from_slice(&1u16.to_ne_bytes());
        want[20..24].copy_from_slice(&32u32.to_ne_bytes());
        want[24..28].copy_from_slice(&[0x11; 4]);
        want[32..34].copy_from_slice(&2u16.to_ne_bytes());
        want[34..36].copy_from_slice(&1u16.to_ne_bytes());
        want[40..48].copy_from_slice(&[0x22; 8]);
        assert_eq!(buf, want);
    }

    #[test]
    fn huge_start_offset_reports_overflow() {
        let mut buf = [0u8; 8];
        let mut b = CapChainBuilder::new(&mut buf, u32::MAX as usize);
        assert_eq!(b.needed(), None);
        assert_eq!(b.add_raw(1, 1, &[]), None);
        assert_eq!(b.finish(), (0, usize::MAX));
    }

    /// A capability type with any id and version, to test `readable_as` at the edges.
    ///
    /// Written by hand: its id and version are const generic parameters, and `#[uabi::abi]`
    /// refuses generics on purpose (a C struct has one layout and one id).
    #[repr(C)]
    #[derive(Debug, Clone, Copy, FromBytes, IntoBytes, KnownLayout, Immutable)]
    struct Edge<const ID: u16, const VERSION: u16> {
        header: CapHeader,
    }
    unsafe impl<const ID: u16, const VERSION: u16> AbiType for Edge<ID, VERSION> {
        const C_NAME: &'static str = "edge";
    }
    impl<const ID: u16, const VERSION: u16> Capability for Edge<ID, VERSION> {
        const ID: u16 = ID;
        const VERSION: u16 = VERSION;
    }

    fn readable_as_is_id_and_min_version<C: Capability>() {
        for id in [0, 1, C::ID.wrapping_sub(1), C::ID, C::ID.wrapping_add(1), u16::MAX] {
            // Every version natively; under Miri (a thousand times slower) a stride through
            // them and the edges around C::VERSION.
            let stride = if cfg!(miri) { 997 } else { 1 };
            let edges = [C::VERSION.wrapping_sub(1), C::VERSION, C::VERSION.wrapping_add(1), u16::MAX];
            for version in (0..=u16::MAX).step_by(stride).chain(edges) {
                let want = id == C::ID && version >= C::VERSION;
                assert_eq!(readable_as::<C>(id, version), want, "id {id} version {version}");
            }
        }
    }

    #[test]
    fn readable_as_matches_id_and_version() {
        readable_as_is_id_and_min_version::<DmaAvail>();
        readable_as_is_id_and_min_version::<Small>();
        readable_as_is_id_and_min_version::<Edge<0, 0>>();
        readable_as_is_id_and_min_version::<Edge<0, 0xffff>>();
        readable_as_is_id_and_min_version::<Edge<0xffff, 0>>();
        readable_as_is_id_and_min_version::<Edge<0xffff, 0xffff>>();
        readable_as_is_id_and_min_version::<Edge<0x8000, 0x7fff>>();
    }

    proptest! {
        #[test]
        fn walker_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256),
                                                   first in any::<u32>(), fixed in 0usize..64) {
            let chain = CapChain::new(&bytes, first).with_fixed_size(fixed);
            let mut n = 0usize;
            let mut last = None;
            for item in chain {
                n += 1;
                if let Ok(cap) = item {
                    prop_assert!(cap.offset >= fixed);
                    prop_assert!(cap.offset + CAP_HEADER_SIZE <= bytes.len());
                    prop_assert!(cap.bytes.len() >= CAP_HEADER_SIZE);
                    if let Some(prev) = last { prop_assert!(cap.offset >= prev + CAP_HEADER_SIZE); }
                    last = Some(cap.offset);
                    let _ = cap.read::<DmaAvail>();
                    let _ = cap.parse::<Small>();
                }
            }
            prop_assert!(n <= bytes.len() / CAP_HEADER_SIZE + 1);
        }

        #[test]
        fn random_chains_round_trip(caps in proptest::collection::vec((any::<u16>(), any::<u16>(),
                                        proptest::collection::vec(any::<u8>(), 0..40)), 0..8),
                                    start in 0usize..40, size in 0usize..400) {
            let mut store = aligned(size, 0xa5);
            let buf = &mut store.as_mut_bytes()[..size];
            let mut b = CapChainBuilder::new(buf, start);
            let mut offsets = Vec::new();
            for (id, ver, payload) in &caps {
                offsets.push(b.add_raw(*id, *ver, payload));
            }
            let (first, needed) = b.finish();
            let total = caps.iter().fold(start.max(1).div_ceil(8) * 8, |acc, (_, _, p)| acc + (8 + p.len()).div_ceil(8) * 8);
            prop_assert_eq!(needed, total);
            if needed <= size {
                prop_assert!(offsets.iter().all(Option::is_some));
                let walked: Vec<_> = CapChain::new(&buf[..needed], first).with_fixed_size(start)
                    .collect::<Result<_, _>>().unwrap();
                prop_assert_eq!(walked.len(), caps.len());
                for (cap, (id, ver, payload)) in walked.iter().zip(&caps) {
                    prop_assert_eq!((cap.id, cap.version), (*id, *ver));
                    prop_assert_eq!(cap.offset % 8, 0);
                    prop_assert_eq!(&cap.payload()[..payload.len()], &payload[..]);
                    prop_assert!(cap.payload()[payload.len()..].iter().all(|&b| b == 0));
                }
            } else {
                prop_assert!(caps.is_empty() || first == 0);
            }
        }
    }
}
