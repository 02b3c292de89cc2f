//! Writing results back to user memory, the way Linux's extensible ioctls do.
//!
//! * [`encode_to_user`]: `copy_struct_to_user` (a caller's size argument).
//! * [`encode_argsz`]: the VFIO write-back, truncated to the caller's `argsz`.
//! * [`encode_info`]: VFIO's INFO pattern, a fixed struct followed by a capability chain that is
//!   only written when `argsz` leaves room for it.
//! * [`encode_counted`]: a header and a flexible array, or ENOSPC with the count the caller
//!   needs (VFIO_DEVICE_GET_PCI_HOT_RESET_INFO).

use core::mem::size_of;

use zerocopy::IntoBytes;

use crate::field::{load, store, ExtChecks, FlexChecks};
use crate::flex::flex_size;
use crate::user_mem::{all_zero, offset, UserMemory};
use crate::{AbiType, Error, Extensible, FieldSpan, FlexArray};

/// What [`encode_to_user`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoded {
    /// Bytes of the struct copied to the caller: `min(size, size_of::<T>())`.
    pub written: usize,
    /// The caller's struct was shorter than the kernel's and some of the bytes it could not
    /// hold were non-zero: the caller missed information (Linux's `ignored_trailing`).
    pub ignored_trailing: bool,
}

/// Writes `value` to a caller's struct of `size` bytes, with Linux's `copy_struct_to_user`
/// semantics.
///
/// * `size > size_of::<T>()`: the caller's bytes past the known size are cleared first
///   (`clear_user`), so a newer caller sees zero in the fields this kernel does not know.
/// * `size < size_of::<T>()`: only `size` bytes are written; [`Encoded::ignored_trailing`]
///   reports whether any dropped byte was non-zero. (Linux's own helper computes this flag
///   with the comparison reversed, `ksize < usize`, so it never reports a drop; uabi implements
///   the documented meaning.)
///
/// Errors: [`Error::Fault`] (EFAULT).
#[inline]
pub fn encode_to_user<T, M>(mem: &mut M, addr: u64, size: usize, value: &T) -> Result<Encoded, Error>
where
    T: AbiType,
    M: UserMemory + ?Sized,
{
    let bytes = value.as_bytes();
    let ksize = bytes.len();
    if size >= ksize {
        // copy_struct_to_user: if (usize > ksize) clear_user(dst + size, rest)
        if size > ksize {
            mem.clear(offset(addr, ksize)?, size - ksize)?;
        }
        // copy_struct_to_user: copy_to_user(dst, src, size), of constant size here.
        mem.write(addr, bytes)?;
        return Ok(Encoded { written: ksize, ignored_trailing: false });
    }
    let ignored_trailing = !all_zero(&bytes[size..]);
    mem.write(addr, &bytes[..size])?;
    Ok(Encoded { written: size, ignored_trailing })
}

/// Writes `value` back over a VFIO-style struct whose caller passed `argsz`: the first
/// `min(argsz, size_of::<T>())` bytes, never more than the caller said it has. Returns the
/// number of bytes written.
///
/// Mirrors the end of VFIO INFO handlers, `copy_to_user(arg, &info, minsz)` with
/// `minsz = min_t(size_t, info.argsz, sizeof(info))` (`vfio_pci_ioctl_get_info`). A caller
/// whose `argsz` is larger keeps its own bytes past the known size, as in VFIO.
///
/// Errors: [`Error::Fault`] (EFAULT).
#[inline]
pub fn encode_argsz<T, M>(mem: &mut M, addr: u64, argsz: usize, value: &T) -> Result<usize, Error>
where
    T: AbiType,
    M: UserMemory + ?Sized,
{
    let bytes = value.as_bytes();
    if argsz >= bytes.len() {
        // The common case, a caller as new as the kernel or newer: a copy of constant size.
        mem.write(addr, bytes)?;
        return Ok(bytes.len());
    }
    mem.write(addr, &bytes[..argsz])?;
    Ok(argsz)
}

/// How an INFO struct announces its capability chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InfoCaps<'a> {
    /// The flag that says a chain exists (`VFIO_REGION_INFO_FLAG_CAPS`).
    pub flag: u64,
    /// The `cap_offset` field.
    pub cap_offset: FieldSpan,
    /// The chain, laid out to be placed right after the struct: every `next` offset already
    /// counts from the start of the struct, as `vfio_info_cap_shift(&caps, sizeof(info))`
    /// leaves it. Empty when there are no capabilities.
    pub chain: &'a [u8],
}

/// What [`encode_info`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoReply {
    /// The struct and, if any, the whole chain were written.
    Complete {
        /// Bytes written: the struct (truncated to `argsz` when there is no chain) and the chain.
        len: usize,
    },
    /// `argsz` was too small for the chain: only the struct was written, with `argsz` set to
    /// `needed`, the caps flag set and `cap_offset` zero. The caller retries with `needed`.
    NeedMore {
        /// `size_of::<T>()` plus the chain's length.
        needed: usize,
    },
}

/// Writes an INFO struct and its capability chain, VFIO's two-call size negotiation.
///
/// Mirrors `vfio_pci_ioctl_get_region_info` and its siblings:
/// ```text
/// if (caps.size) {
///     info.flags |= VFIO_REGION_INFO_FLAG_CAPS;
///     if (info.argsz < sizeof(info) + caps.size) {
///         info.argsz = sizeof(info) + caps.size;
///         info.cap_offset = 0;
///     } else {
///         vfio_info_cap_shift(&caps, sizeof(info));
///         copy_to_user(arg + sizeof(info), caps.buf, caps.size);
///         info.cap_offset = sizeof(info);
///     }
/// }
/// copy_to_user(arg, &info, minsz);
/// ```
/// Too small a buffer is not an error: an old caller still gets the fixed fields, a new one sees
/// the flag and the size to retry with. The struct itself is written with [`encode_argsz`]'s
/// truncation.
///
/// Errors: [`Error::Fault`] (EFAULT); [`Error::InvalidValue`] if the needed size does not fit
/// the `argsz` field.
#[inline]
pub fn encode_info<T, M>(
    mem: &mut M,
    addr: u64,
    argsz: usize,
    info: &T,
    caps: InfoCaps<'_>,
) -> Result<InfoReply, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let argsz_span = ExtChecks::<T>::ARGSZ;
    let flags_span = ExtChecks::<T>::FLAGS;
    let ksize = size_of::<T>();
    if caps.chain.is_empty() {
        let len = encode_argsz(mem, addr, argsz, info)?;
        return Ok(InfoReply::Complete { len });
    }
    // A plain copy of the struct (`struct vfio_region_info info = ..`), not a zeroed one
    // overwritten: `read_from_bytes` of exactly `size_of::<T>()` bytes cannot fail.
    let Ok(mut out) = T::read_from_bytes(info.as_bytes()) else { unreachable!("as_bytes is size_of::<T>() long") };
    let bytes = out.as_mut_bytes();
    store(flags_span, bytes, load(flags_span, bytes) | caps.flag)?;
    // Cannot overflow: a type's size and a slice's length are each at most isize::MAX, and two
    // of those sum to less than usize::MAX (a checked add here cost two instructions a call).
    let needed = ksize + caps.chain.len();
    let reply = if argsz < needed {
        store(argsz_span, bytes, needed as u64)?;
        store(caps.cap_offset, bytes, 0)?;
        InfoReply::NeedMore { needed }
    } else {
        mem.write(offset(addr, ksize)?, caps.chain)?;
        store(caps.cap_offset, bytes, ksize as u64)?;
        InfoReply::Complete { len: needed }
    };
    encode_argsz(mem, addr, argsz, &out)?;
    Ok(reply)
}

/// Writes a header and its flexible array of `elems`, setting the count field to
/// `elems.len()`; when `argsz` cannot hold them all, writes only the header (so the caller
/// learns the count) and fails with [`Error::NoSpace`] carrying the size needed. Returns the
/// bytes written on success.
///
/// Mirrors `vfio_pci_ioctl_get_pci_hot_reset_info`:
/// ```text
/// if (hdr.argsz < sizeof(hdr) + (count * sizeof(*devices))) {
///     ret = -ENOSPC;
///     hdr.count = count;
///     goto reset_info_exit;
/// }
/// ...
/// reset_info_exit:
///     if (copy_to_user(arg, &hdr, minsz)) ret = -EFAULT;
///     if (!ret) copy_to_user(&arg->devices, devices, hdr.count * sizeof(*devices));
/// ```
///
/// Errors: [`Error::NoSpace`] (ENOSPC), [`Error::Fault`] (EFAULT, also when writing the header
/// of an ENOSPC reply faults), [`Error::OutOfBounds`] when the size overflows,
/// [`Error::InvalidValue`] when the count does not fit its field.
pub fn encode_counted<T, M>(
    mem: &mut M,
    addr: u64,
    argsz: usize,
    header: &T,
    elems: &[T::Elem],
) -> Result<usize, Error>
where
    T: FlexArray,
    M: UserMemory + ?Sized,
{
    let count_span = FlexChecks::<T>::COUNT;
    let mut out = T::new_zeroed();
    out.as_mut_bytes().copy_from_slice(header.as_bytes());
    store(count_span, out.as_mut_bytes(), elems.len() as u64)?;
    let needed = flex_size::<T>(elems.len())?;
    encode_argsz(mem, addr, argsz, &out)?;
    if argsz < needed {
        return Err(Error::NoSpace { needed });
    }
    mem.write(offset(addr, T::FLEX_OFFSET)?, elems.as_bytes())?;
    Ok(needed)
}

/// Writes `payload` into the flexible `data[]` of a caller's `T` of `size` bytes (its `argsz`):
/// the reply of a `VFIO_DEVICE_FEATURE` GET. The payload must lie wholly inside `size`, else
/// [`Error::OutOfBounds`] (EINVAL), checked before anything is written, as
/// [`crate::decode::decode_payload`] checks before reading. Returns the bytes written.
/// Faults give [`Error::Fault`] (EFAULT).
#[inline]
pub fn encode_payload<T, P, M>(mem: &mut M, addr: u64, size: usize, payload: &P) -> Result<usize, Error>
where
    T: FlexArray,
    P: AbiType,
    M: UserMemory + ?Sized,
{
    crate::decode::payload_fits::<T, P>(size)?;
    let bytes = payload.as_bytes();
    mem.write(offset(addr, T::FLEX_OFFSET)?, bytes)?;
    Ok(bytes.len())
}
