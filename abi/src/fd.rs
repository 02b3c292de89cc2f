//! Typed ioctl calls on file descriptors, and the two-call size negotiation of INFO ioctls
//! (requires the `std` feature).
//!
//! The call helpers take an [`Ioctl<A>`] and an argument whose type must be `A`, so a
//! `VFIO_DEVICE_GET_INFO` cannot be issued with a region-info struct by mistake. They are
//! `unsafe` because the compiler cannot know what the file descriptor is: the same number on
//! another driver's file may read or write memory in a different shape.
//!
//! [`query_info_with_caps`] implements what VMMs do for VFIO's INFO ioctls: call once with
//! `argsz = size_of::<T>()`; if the kernel answers with a larger `argsz` (its capability chain
//! did not fit), allocate that much and call again; then hand out the fixed struct and a
//! bounds-checked [`CapChain`] over exactly the bytes the kernel was allowed to write.
//! [`query_info_with_caps_from`] does the same for INFO ioctls whose struct carries input
//! fields (`VFIO_DEVICE_GET_REGION_INFO`'s `index`): each call starts from the caller's
//! struct. [`InfoError`] says why a negotiation failed.

use std::io;
use std::marker::PhantomData;
use std::mem::{align_of, size_of, size_of_val};
use std::os::fd::{AsRawFd, BorrowedFd};
use std::vec;
use std::vec::Vec;

use zerocopy::{FromBytes, Immutable, IntoBytes};

use crate::abi_type::{Extensible, FieldSpan, FlexArray};
use crate::flex::FlexBuf;
use crate::cap_chain::{CapChain, CapChainInfo};
use crate::field::load;
use crate::ioctl::{Dir, Ioctl};

/// The largest `argsz` [`query_info_with_caps`] will allocate for (16 MiB). A kernel asking for
/// more is treated as an error rather than trusted with an allocation of its choosing.
pub const MAX_INFO_SIZE: usize = 16 << 20;

/// How many times [`query_info_with_caps`] calls the ioctl before giving up on a kernel whose
/// answer keeps growing (a capability chain that changes between calls).
pub const MAX_INFO_CALLS: usize = 4;

fn invalid(msg: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

fn result(ret: libc::c_int) -> io::Result<i32> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// Refuses a sized request whose size is larger than the argument we point the kernel at: a
/// driver that copies `_IOC_SIZE(request)` bytes would otherwise read or write past it.
fn check_size<A: ?Sized>(ioctl: Ioctl<A>, have: usize) -> io::Result<()> {
    if ioctl.dir() != Dir::None && ioctl.size() as usize > have {
        return Err(invalid("the ioctl's encoded size is larger than its argument"));
    }
    Ok(())
}

unsafe fn raw_ptr(fd: BorrowedFd<'_>, request: u32, arg: *mut libc::c_void) -> io::Result<i32> {
    // The request parameter is `c_ulong` on glibc and `c_int` on musl: let the cast follow it.
    result(libc::ioctl(fd.as_raw_fd(), request as _, arg))
}

/// Issues `ioctl`, which takes no argument, on `fd`; returns the ioctl's non-negative result.
///
/// Fails with `InvalidInput`, without calling the kernel, if `ioctl` carries a size.
///
/// # Safety
/// `fd` must be a file on which `ioctl.request()` means the ioctl the caller intends; an ioctl
/// with side effects on memory (mapping, unmapping) must be used in a way the program's memory
/// model allows.
pub unsafe fn ioctl_none(fd: BorrowedFd<'_>, ioctl: Ioctl<()>) -> io::Result<i32> {
    if ioctl.dir() != Dir::None {
        return Err(invalid("a sized ioctl needs an argument"));
    }
    raw_ptr(fd, ioctl.request(), std::ptr::null_mut())
}

/// Issues `ioctl` with an integer argument passed by value (`KVM_CHECK_EXTENSION`,
/// `KVM_CREATE_VM`).
///
/// Fails with `InvalidInput`, without calling the kernel, if `ioctl` carries a size (its
/// argument would be a pointer).
///
/// # Safety
/// As [`ioctl_none`]; and the ioctl must take `val` as a value, not as an address.
pub unsafe fn ioctl_with_val(fd: BorrowedFd<'_>, ioctl: Ioctl<()>, val: libc::c_ulong) -> io::Result<i32> {
    if ioctl.dir() != Dir::None {
        return Err(invalid("a sized ioctl takes a pointer, not a value"));
    }
    result(libc::ioctl(fd.as_raw_fd(), ioctl.request() as _, val))
}

/// Issues `ioctl` with a pointer to `arg`, which the kernel only reads.
///
/// Fails with `InvalidInput`, without calling the kernel, if the request's encoded size is
/// larger than `arg`.
///
/// # Safety
/// As [`ioctl_none`]; and the ioctl must only read `arg` (at most `size_of_val(arg)` bytes),
/// or, for an `_IO` ioctl carrying its size inside the argument (`argsz`), that size must not
/// exceed `arg`.
pub unsafe fn ioctl_with_ref<A>(fd: BorrowedFd<'_>, ioctl: Ioctl<A>, arg: &A) -> io::Result<i32>
where
    A: ?Sized + IntoBytes + Immutable,
{
    check_size(ioctl, size_of_val(arg))?;
    raw_ptr(fd, ioctl.request(), arg as *const A as *const libc::c_void as *mut libc::c_void)
}

/// Issues `ioctl` with a pointer to `arg`, which the kernel may read and write.
///
/// `A: FromBytes` guarantees whatever bytes the kernel stores leave a valid `A`.
/// Fails with `InvalidInput`, without calling the kernel, if the request's encoded size is
/// larger than `arg`.
///
/// # Safety
/// As [`ioctl_none`]; and the ioctl must access at most `size_of_val(arg)` bytes of `arg` (for
/// VFIO-style ioctls: `argsz` inside `arg` must not exceed its size).
pub unsafe fn ioctl_with_mut<A>(fd: BorrowedFd<'_>, ioctl: Ioctl<A>, arg: &mut A) -> io::Result<i32>
where
    A: ?Sized + FromBytes + IntoBytes,
{
    check_size(ioctl, size_of_val(arg))?;
    raw_ptr(fd, ioctl.request(), arg as *mut A as *mut libc::c_void)
}

/// Issues `ioctl` with a pointer to a header followed by its flexible array ([`FlexBuf`]),
/// which the kernel may read and write: `VFIO_DEVICE_SET_IRQS` with its eventfds,
/// `VFIO_IOMMU_DIRTY_PAGES` and `VFIO_IOMMU_UNMAP_DMA` with their bitmap requests. The
/// whole buffer, header and elements, is what the kernel is pointed at; set `argsz` with
/// [`FlexBuf::with_argsz`].
///
/// Fails with `InvalidInput`, without calling the kernel, if the request's encoded size is
/// larger than the buffer.
///
/// # Safety
/// As [`ioctl_none`]; and the ioctl must access at most `buf.len()` bytes (for VFIO-style
/// ioctls: `argsz` must not exceed it).
pub unsafe fn ioctl_with_flex<T: FlexArray>(fd: BorrowedFd<'_>, ioctl: Ioctl<T>, buf: &mut FlexBuf<T>) -> io::Result<i32> {
    check_size(ioctl, buf.len())?;
    raw_ptr(fd, ioctl.request(), buf.as_mut_ptr().cast())
}

/// The answer of an INFO ioctl: the fixed struct `T` followed by its capability chain, in an
/// 8-aligned buffer of exactly the `argsz` bytes the kernel was given.
pub struct InfoBuf<T> {
    words: Vec<u64>,
    len: usize,
    calls: usize,
    ty: PhantomData<T>,
}

impl<T> Clone for InfoBuf<T> {
    fn clone(&self) -> Self {
        InfoBuf { words: self.words.clone(), len: self.len, calls: self.calls, ty: PhantomData }
    }
}

impl<T: Extensible + core::fmt::Debug> core::fmt::Debug for InfoBuf<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("InfoBuf")
            .field("info", self.info())
            .field("argsz", &self.len)
            .field("calls", &self.calls)
            .finish()
    }
}

impl<T: Extensible> InfoBuf<T> {
    fn zeroed(len: usize) -> Self {
        const { assert!(align_of::<T>() <= align_of::<u64>(), "INFO structs are at most 8-aligned") };
        InfoBuf { words: vec![0u64; len.div_ceil(8)], len, calls: 0, ty: PhantomData }
    }

    /// The fixed struct as the kernel filled it.
    pub fn info(&self) -> &T {
        // The buffer is 8-aligned and at least size_of::<T>() long (the first call's size).
        match T::ref_from_prefix(self.as_bytes()) {
            Ok((info, _)) => info,
            Err(_) => unreachable!("InfoBuf holds at least size_of::<T>() aligned bytes"),
        }
    }

    /// The whole buffer: the fixed struct and everything after it, `argsz` bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.words.as_bytes()[..self.len]
    }

    fn as_mut_bytes(&mut self) -> &mut [u8] {
        &mut self.words.as_mut_bytes()[..self.len]
    }

    /// The `argsz` the last call passed (the buffer's length).
    pub fn argsz(&self) -> usize {
        self.len
    }

    /// How many calls the negotiation took: 1 when the first buffer was large enough.
    pub fn calls(&self) -> usize {
        self.calls
    }

    /// The capability chain, starting at the offset `T`'s `cap_offset` field holds (empty
    /// if `T`'s caps flag is clear).
    pub fn caps(&self) -> CapChain<'_>
    where
        T: CapChainInfo,
    {
        CapChain::for_info::<T>(self.as_bytes())
    }

    /// The capability chain starting at `first_offset`, for structs without a
    /// [`CapChainInfo`] description. Offsets inside `T`'s first version are refused.
    pub fn caps_at(&self, first_offset: u32) -> CapChain<'_> {
        CapChain::new(self.as_bytes(), first_offset).with_fixed_size(T::MINSZ)
    }
}

/// Why a two-call INFO negotiation failed.
#[derive(Debug)]
pub enum InfoError {
    /// The ioctl itself failed.
    Call(io::Error),
    /// `T` has no `u32` `argsz` field, so there is nothing to negotiate with.
    NoArgsz,
    /// The kernel asked for more than [`MAX_INFO_SIZE`] bytes.
    TooLarge {
        /// The `argsz` the kernel reported.
        wanted: usize,
    },
    /// The kernel reported an `argsz` smaller than the one it was given: VFIO never lowers
    /// `argsz`, so the reply cannot say which bytes of the buffer it filled (a capability
    /// chain that shrank between the calls, or a driver that clobbers `argsz`).
    Shrank {
        /// The `argsz` the call passed.
        passed: usize,
        /// The `argsz` the kernel wrote back.
        reported: usize,
    },
    /// The kernel asked for more every time, [`MAX_INFO_CALLS`] calls in a row (a chain that
    /// grows between calls).
    KeptGrowing {
        /// The `argsz` it asked for last.
        wanted: usize,
    },
}

impl core::fmt::Display for InfoError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            InfoError::Call(e) => write!(f, "the INFO ioctl failed: {e}"),
            InfoError::NoArgsz => f.write_str("the INFO struct has no u32 argsz field"),
            InfoError::TooLarge { wanted } => write!(f, "the kernel asked for argsz {wanted}, above MAX_INFO_SIZE ({MAX_INFO_SIZE})"),
            InfoError::Shrank { passed, reported } => {
                write!(f, "the kernel lowered argsz from {passed} to {reported} between calls")
            }
            InfoError::KeptGrowing { wanted } => {
                write!(f, "the kernel's argsz kept growing between calls ({wanted} after {MAX_INFO_CALLS} calls)")
            }
        }
    }
}

impl std::error::Error for InfoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InfoError::Call(e) => Some(e),
            _ => None,
        }
    }
}

/// The ioctl's own error unchanged; `NoArgsz` as `InvalidInput`; the kernel's inconsistent
/// answers as `InvalidData` carrying the [`InfoError`] (reach it with
/// [`io::Error::get_ref`] and `downcast_ref`).
impl From<InfoError> for io::Error {
    fn from(e: InfoError) -> io::Error {
        match e {
            InfoError::Call(e) => e,
            InfoError::NoArgsz => invalid("the INFO struct has no u32 argsz field"),
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}

fn argsz_span<T: Extensible>() -> Result<FieldSpan, InfoError> {
    match T::ARGSZ {
        Some(span @ FieldSpan { size: 4, .. }) => Ok(span),
        _ => Err(InfoError::NoArgsz),
    }
}

/// The two-call size negotiation of an INFO ioctl, over any way of issuing the call.
///
/// `call` receives the buffer (its `argsz` field already set to the buffer's length) and
/// issues the ioctl on it, returning its result; it is a closure so the negotiation can be
/// tested without a device. The first call uses `size_of::<T>()` bytes; while the kernel
/// reports a larger `argsz`, the buffer is reallocated to that size, zeroed, and the call
/// repeated (at most [`MAX_INFO_CALLS`] calls, sizes at most [`MAX_INFO_SIZE`]).
///
/// Errors: those of `call`; `InvalidInput` if `T` has no `u32` `argsz` field; `InvalidData`
/// (carrying an [`InfoError`]) if the kernel asks for more than [`MAX_INFO_SIZE`], keeps
/// growing its answer, or lowers `argsz`.
pub fn query_info_with_caps_using<T, F>(call: F) -> io::Result<InfoBuf<T>>
where
    T: Extensible,
    F: FnMut(&mut [u8]) -> io::Result<i32>,
{
    Ok(negotiate(None, call)?)
}

/// The two-call size negotiation of an INFO ioctl whose struct carries input fields, over any
/// way of issuing the call: as [`query_info_with_caps_using`], but every call starts from
/// `init` (the caller's struct: `index` of `VFIO_DEVICE_GET_REGION_INFO` or
/// `VFIO_DEVICE_GET_IRQ_INFO` ...) with `argsz` set to the buffer's length and the bytes
/// after the struct zeroed; the kernel's answer to a call is never fed into the next one.
///
/// Bounded: at most [`MAX_INFO_CALLS`] calls and [`MAX_INFO_SIZE`] bytes. A kernel that
/// lowers `argsz` below what it was given fails with [`InfoError::Shrank`], one that keeps
/// asking for more with [`InfoError::KeptGrowing`].
///
/// (With a stand-in VFIO device; this example is compiled in the docs of `uabi-linux`, which defines VFIO.)
///
/// ```ignore
/// use uabi::fd::{query_info_with_caps_from_using, InfoError};
/// use uabi::vfio::{VfioRegionInfo, VFIO_PCI_CONFIG_REGION_INDEX};
/// use zerocopy::FromBytes;
///
/// // A stand-in for the device: region 7 (config space) is 256 bytes; no capabilities.
/// let device = |buf: &mut [u8]| {
///     let (info, _) = VfioRegionInfo::mut_from_prefix(buf).expect("InfoBuf is 8-aligned");
///     if info.index != VFIO_PCI_CONFIG_REGION_INDEX {
///         return Err(std::io::Error::from_raw_os_error(22));
///     }
///     info.size = 256;
///     Ok(0)
/// };
/// let init = VfioRegionInfo { index: VFIO_PCI_CONFIG_REGION_INDEX, ..Default::default() };
/// let info = query_info_with_caps_from_using(&init, device)?;
/// assert_eq!((info.info().index, info.info().size, info.calls()), (7, 256, 1));
///
/// // A device that lowers argsz is refused with a typed error.
/// let shrinking = |buf: &mut [u8]| { buf[..4].copy_from_slice(&8u32.to_ne_bytes()); Ok(0) };
/// let err = query_info_with_caps_from_using(&init, shrinking).unwrap_err();
/// assert!(matches!(err, InfoError::Shrank { passed: 32, reported: 8 }));
/// # Ok::<(), InfoError>(())
/// ```
pub fn query_info_with_caps_from_using<T, F>(init: &T, call: F) -> Result<InfoBuf<T>, InfoError>
where
    T: Extensible,
    F: FnMut(&mut [u8]) -> io::Result<i32>,
{
    negotiate(Some(init), call)
}

fn negotiate<T, F>(init: Option<&T>, mut call: F) -> Result<InfoBuf<T>, InfoError>
where
    T: Extensible,
    F: FnMut(&mut [u8]) -> io::Result<i32>,
{
    let span = argsz_span::<T>()?;
    let mut len = size_of::<T>();
    let mut wanted = len;
    for calls in 1..=MAX_INFO_CALLS {
        let mut buf = InfoBuf::<T>::zeroed(len);
        buf.calls = calls;
        let bytes = buf.as_mut_bytes();
        if let Some(init) = init {
            bytes[..size_of::<T>()].copy_from_slice(init.as_bytes());
        }
        // `len` is size_of::<T>() or a `u32` the kernel reported, at most MAX_INFO_SIZE.
        let argsz = u32::try_from(len).map_err(|_| InfoError::TooLarge { wanted: len })?;
        bytes[span.offset..span.end()].copy_from_slice(&argsz.to_ne_bytes());
        call(bytes).map_err(InfoError::Call)?;
        wanted = load(span, buf.as_bytes()) as usize;
        if wanted < len {
            return Err(InfoError::Shrank { passed: len, reported: wanted });
        }
        if wanted == len {
            return Ok(buf);
        }
        if wanted > MAX_INFO_SIZE {
            return Err(InfoError::TooLarge { wanted });
        }
        len = wanted;
    }
    Err(InfoError::KeptGrowing { wanted })
}

/// Issues the INFO ioctl `ioctl` on `fd` with VFIO's two-call size negotiation; see
/// [`query_info_with_caps_using`].
///
/// ```no_run
/// # use uabi::{fd::query_info_with_caps, Ioctl};
/// # fn demo<T: uabi::cap_chain::CapChainInfo>(dev: std::os::fd::BorrowedFd<'_>, get_info: Ioctl<T>) -> std::io::Result<()> {
/// let info = unsafe { query_info_with_caps(dev, get_info)? };
/// for cap in info.caps() {
///     let cap = cap.map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
///     println!("capability {} v{} at {}", cap.id, cap.version, cap.offset);
/// }
/// # Ok(()) }
/// ```
///
/// # Safety
/// `fd` must be a file on which `ioctl` is an INFO ioctl taking a `T` whose `argsz` bounds what
/// the kernel writes (as every VFIO INFO ioctl does).
pub unsafe fn query_info_with_caps<T: Extensible>(fd: BorrowedFd<'_>, ioctl: Ioctl<T>) -> io::Result<InfoBuf<T>> {
    check_size(ioctl, size_of::<T>())?;
    query_info_with_caps_using::<T, _>(|buf| {
        // SAFETY: the caller guarantees the kernel writes at most argsz = buf.len() bytes.
        unsafe { raw_ptr(fd, ioctl.request(), buf.as_mut_ptr().cast()) }
    })
}

/// Issues the INFO ioctl `ioctl` on `fd`, starting from the caller's struct `init` (its input
/// fields set; `argsz` is set here), with the two-call size negotiation of
/// [`query_info_with_caps_from_using`]. Returns the kernel's struct and its capability chain.
///
/// (With VFIO_DEVICE_GET_REGION_INFO; this example is compiled in the docs of `uabi-linux`, which defines VFIO.)
///
/// ```ignore
/// # use std::os::fd::BorrowedFd;
/// use uabi::vfio::*;
/// # fn demo(device: BorrowedFd<'_>) -> Result<(), Box<dyn std::error::Error>> {
/// let init = VfioRegionInfo { index: VFIO_PCI_BAR0_REGION_INDEX, ..Default::default() };
/// let info = unsafe { uabi::fd::query_info_with_caps_from(device, VFIO_DEVICE_GET_REGION_INFO, &init)? };
/// for cap in info.caps() {
///     if let Some(sparse) = cap?.read_flex::<VfioRegionInfoCapSparseMmap>()? {
///         for area in &sparse {
///             println!("mmap-able: {:#x}+{:#x}", area.offset, area.size);
///         }
///     }
/// }
/// # Ok(()) }
/// ```
///
/// # Safety
/// As [`query_info_with_caps`].
pub unsafe fn query_info_with_caps_from<T: Extensible>(fd: BorrowedFd<'_>, ioctl: Ioctl<T>, init: &T) -> Result<InfoBuf<T>, InfoError> {
    check_size(ioctl, size_of::<T>()).map_err(InfoError::Call)?;
    query_info_with_caps_from_using(init, |buf| {
        // SAFETY: the caller guarantees the kernel writes at most argsz = buf.len() bytes.
        unsafe { raw_ptr(fd, ioctl.request(), buf.as_mut_ptr().cast()) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cap_chain::{CapChainBuilder, CapHeader};
    use zerocopy::IntoBytes;

    // The fixtures are defined with `#[uabi::abi]`, shared with the other tests.
    use crate::fixtures::vfio::{
        InfoCapHeader, RegionInfo, RegionTypeCap as TypeCap, VFIO_REGION_INFO_FLAG_CAPS as FLAG_CAPS,
    };

    /// A fake driver answering VFIO_DEVICE_GET_REGION_INFO like vfio-pci does: the fixed
    /// struct always, the chain only when argsz holds it, the needed argsz otherwise.
    fn fake_region_info(buf: &mut [u8], ncaps: usize) -> io::Result<i32> {
        let minsz = 16; // offsetofend(index)
        let argsz = u32::from_ne_bytes(buf[..4].try_into().unwrap()) as usize;
        assert_eq!(argsz, buf.len(), "argsz must equal the buffer handed to the kernel");
        if argsz < minsz {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let mut info = RegionInfo { argsz: argsz as u32, flags: 0x7, index: 2, cap_offset: 0, size: 4096, offset: 1 << 40 };
        let mut scratch = [0u8; 256];
        let mut b = CapChainBuilder::new(&mut scratch, size_of::<RegionInfo>());
        for i in 0..ncaps {
            b.add(&TypeCap { header: InfoCapHeader::default(), ty: i as u32, subtype: 0x100 + i as u32 });
        }
        b.add_raw(0x7777, 1, &[0xab; 20]); // an id this user does not know
        let (first, needed) = b.finish();
        info.flags |= FLAG_CAPS;
        let sz = size_of::<RegionInfo>();
        if argsz < needed {
            info.argsz = needed as u32;
            info.cap_offset = 0;
        } else {
            info.cap_offset = first;
            buf[sz..needed].copy_from_slice(&scratch[sz..needed]);
        }
        let n = argsz.min(sz);
        buf[..n].copy_from_slice(&info.as_bytes()[..n]);
        Ok(0)
    }

    #[test]
    fn two_call_negotiation_with_fake_kernel() {
        let mut calls = 0;
        let info = query_info_with_caps_using::<RegionInfo, _>(|buf| {
            calls += 1;
            fake_region_info(buf, 2)
        })
        .unwrap();
        assert_eq!(calls, 2);
        assert_eq!(info.calls(), 2);
        // 32 fixed + 2 * 16 + (8 + 20 -> 32)
        assert_eq!(info.argsz(), 96);
        assert_eq!(info.info().index, 2);
        assert_eq!(info.info().cap_offset, 32);
        let caps: Vec<_> = info.caps().collect::<Result<_, _>>().unwrap();
        assert_eq!(caps.iter().map(|c| c.id).collect::<Vec<_>>(), [2, 2, 0x7777]);
        assert_eq!(caps[1].parse::<TypeCap>().unwrap().unwrap().subtype, 0x101);
        assert_eq!(caps[2].parse::<TypeCap>().unwrap(), None);
        assert_eq!(info.caps().find::<TypeCap>().unwrap().unwrap().ty, 0);
        assert_eq!(info.caps_at(32).count(), 3);
    }

    #[test]
    fn one_call_when_the_struct_suffices() {
        // A driver without caps leaves argsz alone.
        let info = query_info_with_caps_using::<RegionInfo, _>(|buf| {
            buf[4..8].copy_from_slice(&5u32.to_ne_bytes());
            Ok(0)
        })
        .unwrap();
        assert_eq!(info.calls(), 1);
        assert_eq!(info.argsz(), 32);
        assert_eq!(info.info().flags, 5);
        assert_eq!(info.caps().count(), 0);
    }

    #[test]
    fn errors_of_the_call_are_returned() {
        let e = query_info_with_caps_using::<RegionInfo, _>(|_| Err(io::Error::from_raw_os_error(libc::ENOTTY)))
            .unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTTY));
    }

    #[test]
    fn ever_growing_answer_is_refused() {
        let mut calls = 0;
        let e = query_info_with_caps_using::<RegionInfo, _>(|buf| {
            calls += 1;
            let more = (buf.len() + 8) as u32;
            buf[..4].copy_from_slice(&more.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert_eq!(calls, MAX_INFO_CALLS);
    }

    /// A driver answering like vfio-pci's VFIO_DEVICE_GET_REGION_INFO for the region the
    /// caller names in `index`: region 2 has two capabilities, the others none. Like Linux it
    /// overwrites the whole fixed struct, `index` included, so a second call only names the
    /// right region if the helper starts it from the caller's struct again.
    fn fake_indexed_region_info(buf: &mut [u8], seen: &mut Vec<u32>) -> io::Result<i32> {
        let index = u32::from_ne_bytes(buf[8..12].try_into().unwrap());
        seen.push(index);
        match index {
            2 => fake_region_info(buf, 1),
            0 | 1 => {
                let info = RegionInfo { argsz: buf.len() as u32, flags: 0x3, index, cap_offset: 0, size: 0x100 << index, offset: 0 };
                buf[..32].copy_from_slice(info.as_bytes());
                Ok(0)
            }
            _ => Err(io::Error::from_raw_os_error(libc::EINVAL)),
        }
    }

    #[test]
    fn input_fields_are_sent_on_every_call() {
        let mut seen = Vec::new();
        let init = RegionInfo { index: 2, flags: 0xdead, ..Default::default() };
        let info = query_info_with_caps_from_using(&init, |buf| {
            // Clobber the input between the calls, as the first reply of a kernel would.
            let r = fake_indexed_region_info(buf, &mut seen);
            if buf.len() == 32 {
                buf[8..12].copy_from_slice(&99u32.to_ne_bytes());
            }
            r
        })
        .unwrap();
        assert_eq!(seen, [2, 2], "both calls name region 2");
        assert_eq!(info.calls(), 2);
        assert_eq!(info.argsz(), 32 + 16 + 32);
        assert_eq!(info.info().index, 2);
        assert_eq!(info.caps().find::<TypeCap>().unwrap().unwrap().subtype, 0x100);

        // A region without capabilities: one call, the caller's index kept.
        let mut seen = Vec::new();
        let info = query_info_with_caps_from_using(&RegionInfo { index: 1, ..Default::default() }, |b| fake_indexed_region_info(b, &mut seen)).unwrap();
        assert_eq!((seen.as_slice(), info.calls(), info.info().size), (&[1][..], 1, 0x200));

        // The device's refusal of an index comes back as the call's error.
        let e = query_info_with_caps_from_using(&RegionInfo { index: 9, ..Default::default() }, |b| fake_indexed_region_info(b, &mut seen)).unwrap_err();
        assert!(matches!(&e, InfoError::Call(e) if e.raw_os_error() == Some(libc::EINVAL)), "{e:?}");
    }

    #[test]
    fn argsz_shrinking_between_the_calls_is_a_typed_error() {
        // First answer: 96 bytes needed. Second answer: only 64 (the chain shrank meanwhile).
        let mut calls = 0;
        let e = query_info_with_caps_from_using(&RegionInfo { index: 2, ..Default::default() }, |buf| {
            calls += 1;
            let report: u32 = if calls == 1 { 96 } else { 64 };
            buf[..4].copy_from_slice(&report.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert_eq!(calls, 2);
        assert!(matches!(e, InfoError::Shrank { passed: 96, reported: 64 }), "{e:?}");
        // Through the io::Error API: InvalidData, and the typed error inside.
        let io_err = io::Error::from(e);
        assert_eq!(io_err.kind(), io::ErrorKind::InvalidData);
        let inner = io_err.get_ref().and_then(|e| e.downcast_ref::<InfoError>());
        assert!(matches!(inner, Some(InfoError::Shrank { passed: 96, reported: 64 })), "{io_err:?}");
        // A first answer below the struct's own size is refused the same way.
        let e = query_info_with_caps_from_using(&RegionInfo::default(), |buf| {
            buf[..4].copy_from_slice(&0u32.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert!(matches!(e, InfoError::Shrank { passed: 32, reported: 0 }), "{e:?}");
    }

    #[test]
    fn argsz_growing_on_every_call_is_a_typed_error() {
        let mut calls = 0;
        let e = query_info_with_caps_from_using(&RegionInfo { index: 2, ..Default::default() }, |buf| {
            calls += 1;
            let more = buf.len() as u32 + 8;
            buf[..4].copy_from_slice(&more.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert_eq!(calls, MAX_INFO_CALLS);
        assert!(matches!(e, InfoError::KeptGrowing { wanted } if wanted == 32 + 8 * MAX_INFO_CALLS), "{e:?}");
        let e = query_info_with_caps_from_using(&RegionInfo::default(), |buf| {
            buf[..4].copy_from_slice(&u32::MAX.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert!(matches!(e, InfoError::TooLarge { wanted } if wanted == u32::MAX as usize), "{e:?}");
    }

    #[test]
    fn huge_argsz_is_refused() {
        let e = query_info_with_caps_using::<RegionInfo, _>(|buf| {
            buf[..4].copy_from_slice(&u32::MAX.to_ne_bytes());
            Ok(0)
        })
        .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn malicious_chain_is_reported_not_followed() {
        // A kernel (or a buggy device emulator) linking a capability back to itself.
        let info = query_info_with_caps_using::<RegionInfo, _>(|buf| {
            if buf.len() < 48 {
                buf[..4].copy_from_slice(&48u32.to_ne_bytes());
                return Ok(0);
            }
            buf[4..8].copy_from_slice(&FLAG_CAPS.to_ne_bytes());
            buf[12..16].copy_from_slice(&32u32.to_ne_bytes());
            buf[32..40].copy_from_slice(CapHeader { id: 1, version: 1, next: 32 }.as_bytes());
            Ok(0)
        })
        .unwrap();
        let r: Vec<_> = info.caps().collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1], Err(crate::Error::BadCapabilityChain { offset: 32 }));
    }

    #[test]
    #[cfg_attr(miri, ignore = "opens /dev/null and issues ioctl(2): Miri runs no system calls")]
    fn sized_request_larger_than_argument_is_refused() {
        // No kernel call happens: the fd is never used, so /dev/null is enough.
        let f = std::fs::File::open("/dev/null").unwrap();
        use std::os::fd::AsFd;
        let too_big: Ioctl<u32> = Ioctl::iow(0xAE, 0x99, 8);
        let e = unsafe { ioctl_with_ref(f.as_fd(), too_big, &0u32) }.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let mut v = 0u32;
        let e = unsafe { ioctl_with_mut(f.as_fd(), too_big, &mut v) }.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let sized: Ioctl<()> = Ioctl::ior(0xAE, 0x99, 0);
        assert_eq!(unsafe { ioctl_none(f.as_fd(), sized) }.unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(unsafe { ioctl_with_val(f.as_fd(), sized, 0) }.unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    #[cfg_attr(miri, ignore = "opens /dev/null and issues ioctl(2): Miri runs no system calls")]
    fn flex_requests_are_checked_against_the_whole_buffer() {
        use crate::fixtures::vfio::Blob;
        use std::os::fd::AsFd;
        let f = std::fs::File::open("/dev/null").unwrap();
        let mut buf = FlexBuf::<Blob>::from_parts(&Blob { len: 3, data: [] }, b"abc").unwrap();
        assert_eq!(buf.len(), 7);
        // An encoded size past the header and its three elements: refused without a call.
        let too_big: Ioctl<Blob> = Ioctl::iowr(0xAE, 0x99, 8);
        assert_eq!(unsafe { ioctl_with_flex(f.as_fd(), too_big, &mut buf) }.unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // One that fits reaches the driver, which knows no such request.
        let fits: Ioctl<Blob> = Ioctl::iowr(0xAE, 0x99, 7);
        assert_eq!(unsafe { ioctl_with_flex(f.as_fd(), fits, &mut buf) }.unwrap_err().raw_os_error(), Some(libc::ENOTTY));
        assert_eq!(buf.elems(), b"abc", "nothing was written");
    }

    #[test]
    #[cfg_attr(miri, ignore = "opens /dev/null and issues ioctl(2): Miri runs no system calls")]
    fn unknown_ioctl_on_dev_null_is_enotty() {
        let f = std::fs::File::open("/dev/null").unwrap();
        use std::os::fd::AsFd;
        let e = unsafe { ioctl_none(f.as_fd(), Ioctl::io(0xAE, 0x00)) }.unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTTY));
    }
}
