//! Reading an extensible struct from user memory, with Linux's two compatibility policies.
//!
//! * [`decode_argsz`]: VFIO's. The struct starts with `argsz`; anything past the size the
//!   decoder knows is ignored.
//! * [`decode_sized`]: `copy_struct_from_user`'s (openat2, clone3, sched_setattr). The size
//!   comes from the caller; a shorter struct is zero-extended, a longer one is accepted only if
//!   every byte the decoder does not know is zero.
//! * [`decode_argsz_sized`]: both at once, `argsz` read from the struct and then
//!   `copy_struct_from_user` semantics (VFIO_DEVICE_BIND_IOMMUFD, iommufd's `size`).
//!
//! Every decoder compares against `size_of::<T>()`, the full size it knows, never against the
//! first version's size: Linux's VFIO_DEVICE_BIND_IOMMUFD passed `minsz` there and refused every
//! caller that used the newer field with E2BIG until it was fixed in 2025.
//!
//! After copying, all decoders run the same field checks ([`check_fields`]).

use core::mem::size_of;

use crate::field::{load, ExtChecks};
use crate::user_mem::{all_zero, offset, UserMemory};
use crate::{Error, Extensible, FieldSpan};

/// The largest size [`decode_sized`] accepts: Linux's `PAGE_SIZE` on 4 KiB-page systems, the
/// limit openat2, clone3, sched_setattr and perf_event_open put on their size argument.
pub const PAGE_SIZE: usize = 4096;

/// A struct read from user memory, with the size the caller claimed for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded<T> {
    /// The struct, zero-extended when the caller's version is older than the decoder's.
    pub value: T,
    /// The caller's `argsz` or size argument; pass it on to the write-back helpers of
    /// [`crate::encode`].
    pub size: usize,
}

/// Reads a VFIO-style struct whose first field is `argsz`.
///
/// Mirrors the VFIO ioctl prologue, for example in `vfio_pci_ioctl_get_info`:
/// `copy_from_user(&info, arg, minsz)`, then `if (info.argsz < minsz) return -EINVAL`. Then
/// copies `min(argsz, size_of::<T>())` bytes; bytes beyond the known size are not read, and
/// fields the caller did not pass are zero. Finally runs [`check_fields`] with `argsz`.
///
/// Errors: [`Error::Fault`] (EFAULT), [`Error::SizeTooSmall`] when `argsz < T::MINSZ` (EINVAL),
/// and the field errors of [`check_fields`] (EINVAL).
#[inline]
pub fn decode_argsz<T, M>(mem: &M, addr: u64) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let argsz_span = ExtChecks::<T>::ARGSZ;
    let ksize = size_of::<T>();
    let mut value = T::new_zeroed();

    // VFIO: copy_from_user(&info, arg, minsz) comes first, so a fault wins over a small argsz.
    mem.read(addr, &mut value.as_mut_bytes()[..T::MINSZ])?;
    let argsz = load(argsz_span, value.as_bytes()) as usize;
    if T::MINSZ == ksize {
        // One read, and all that follows are tests of the copy: make them together, with one
        // branch; the ordered tests below find out which failed.
        if (argsz >= T::MINSZ) & offset(addr, T::MINSZ).is_ok() & fields_ok(&value, argsz) {
            return Ok(Decoded { value, size: argsz });
        }
        cold_path();
    }
    // VFIO: if (info.argsz < minsz) return -EINVAL;
    if argsz < T::MINSZ {
        return Err(Error::SizeTooSmall { size: argsz, min: T::MINSZ });
    }
    // Fields of newer versions the caller passed; anything past ksize is ignored, unread.
    let rest = offset(addr, T::MINSZ)?;
    // A struct with one size (MINSZ == ksize) has nothing more to read: that copy would be
    // empty, and an empty access never faults.
    if T::MINSZ < ksize {
        if argsz >= ksize {
            // A caller as new as the decoder or newer: a copy of constant size.
            mem.read(rest, &mut value.as_mut_bytes()[T::MINSZ..])?;
        } else {
            // An older caller: a copy of variable length, into a struct of its own so that
            // the common path's copies all have constant sizes (see `checked`).
            let mut older = T::new_zeroed();
            older.as_mut_bytes()[..T::MINSZ].copy_from_slice(&value.as_bytes()[..T::MINSZ]);
            mem.read(rest, &mut older.as_mut_bytes()[T::MINSZ..argsz])?;
            return checked(older, argsz);
        }
    }
    checked(value, argsz)
}

/// Runs [`check_fields`] and wraps the result: the common end of every decoder.
///
/// Each decoder keeps the struct of its common path (a caller as new as the decoder) apart
/// from the one a variable-length copy fills, and calls this once for each: a struct only ever
/// written by constant-size copies can live in registers, and is stored once, where the caller
/// wants the result. Sharing one struct between both paths makes the compiler keep it on the
/// stack and reassemble it from differently sized pieces, whose reload stalls the CPU (a
/// failed store-to-load forward costs more than the whole decode).
#[inline(always)]
fn checked<T: Extensible>(value: T, size: usize) -> Result<Decoded<T>, Error> {
    check_fields(&value, size)?;
    Ok(Decoded { value, size })
}

/// Reads a struct whose size the caller passes separately, refusing sizes above
/// [`PAGE_SIZE`], with Linux's `copy_struct_from_user` semantics.
///
/// This is what openat2(2) does; see [`decode_sized_max`] for the order of the checks.
#[inline]
pub fn decode_sized<T, M>(mem: &M, addr: u64, size: usize) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    decode_sized_max(mem, addr, size, PAGE_SIZE)
}

/// [`decode_sized`] with an explicit upper bound on `size`.
///
/// The checks, in the order openat2(2) and `copy_struct_from_user` make them:
/// 1. `size < T::MINSZ`: [`Error::SizeTooSmall`] (EINVAL) (openat2: `usize < OPEN_HOW_SIZE_VER0`).
/// 2. `size > max`: [`Error::SizeTooLarge`] (E2BIG) (openat2: `usize > PAGE_SIZE`).
/// 3. `size > size_of::<T>()`: every byte past the known size must be zero, else
///    [`Error::UnknownTrailingBytes`] (E2BIG) (`copy_struct_from_user` calling
///    `check_zeroed_user`, before it copies anything).
/// 4. copy `min(size, size_of::<T>())` bytes, zero-extending a shorter struct
///    (`copy_struct_from_user`'s `memset` and `copy_from_user`).
/// 5. [`check_fields`] with `size`.
///
/// Faults give [`Error::Fault`] (EFAULT).
#[inline]
pub fn decode_sized_max<T, M>(mem: &M, addr: u64, size: usize, max: usize) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let () = ExtChecks::<T>::LAYOUT;
    let ksize = size_of::<T>();
    // openat2: if (unlikely(usize < OPEN_HOW_SIZE_VER0)) return -EINVAL;
    if size < T::MINSZ {
        return Err(Error::SizeTooSmall { size, min: T::MINSZ });
    }
    // openat2, clone3, sched_setattr: if (usize > PAGE_SIZE) return -E2BIG;
    if size > max {
        return Err(Error::SizeTooLarge { size, max });
    }
    if size >= ksize {
        // copy_struct_from_user: if (usize > ksize) check_zeroed_user(src + ksize, rest),
        // -E2BIG for a non-zero byte, before anything is copied.
        if size > ksize {
            if let Some(at) = mem.find_nonzero(offset(addr, ksize)?, size - ksize)? {
                return Err(Error::UnknownTrailingBytes { offset: (at - addr) as usize });
            }
        }
        // copy_from_user(dst, src, ksize): a caller as new as the decoder or newer, a copy of
        // constant size.
        let mut value = T::new_zeroed();
        mem.read(addr, value.as_mut_bytes())?;
        return checked(value, size);
    }
    // copy_struct_from_user: memset(dst + size, 0, rest); copy_from_user(dst, src, size)
    let mut older = T::new_zeroed();
    mem.read(addr, &mut older.as_mut_bytes()[..size])?;
    checked(older, size)
}

/// Reads a struct whose first field `argsz` gives its size, with `copy_struct_from_user`
/// semantics: what VFIO_DEVICE_BIND_IOMMUFD (`get_user(user_size, &arg->argsz)` then
/// `copy_struct_from_user(&bind, sizeof(bind), arg, user_size)`) and iommufd (`__u32 size`)
/// do.
///
/// Reads only the `argsz` field first, then checks it against `T::MINSZ`, as iommufd's
/// `iommufd_fops_ioctl` does with `user_size` and `min_size`. Unlike [`decode_argsz`], non-zero
/// bytes past the known size are refused with [`Error::UnknownTrailingBytes`] (E2BIG). There is
/// no upper bound on `argsz` beyond its field's width, as in those ioctls. Errors otherwise as
/// [`decode_sized_max`].
#[inline]
pub fn decode_argsz_sized<T, M>(mem: &M, addr: u64) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let span = ExtChecks::<T>::ARGSZ;
    let mut raw = [0u8; 8];
    mem.read(offset(addr, span.offset)?, &mut raw[..span.size])?;
    let argsz = load(crate::FieldSpan { offset: 0, size: span.size }, &raw) as usize;
    decode_sized_max(mem, addr, argsz, usize::MAX)
}

/// Checks the fields of a decoded struct against what the decoder knows; `size` is the
/// caller's `argsz` or size argument.
///
/// In order:
/// 1. `flags` has no bit outside the newest version's `known_flags`, else
///    [`Error::UnknownFlags`] (EINVAL) (VFIO: `if (info.flags & ~VFIO_..._MASK) return -EINVAL`;
///    openat2's `build_open_flags`).
/// 2. every field announced by a set flag lies inside `size`, else
///    [`Error::GatedFieldOutsideArgsz`] (EINVAL) (VFIO's `xend` checks, as
///    `vfio_iommu_type1_unmap_dma` does for `VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP`; clone3
///    refuses `CLONE_INTO_CGROUP` with `usize < CLONE_ARGS_SIZE_VER2`).
/// 3. every reserved field is zero, else [`Error::ReservedNotZero`] (EINVAL) (the
///    `if (cmd->__reserved)` test drivers make after copying; iommufd answers EOPNOTSUPP there,
///    VFIO and most others EINVAL, which uabi follows). Bytes the caller did not pass were
///    zero-filled, so only the ones it did pass can fail.
#[inline]
pub fn check_fields<T: Extensible>(value: &T, size: usize) -> Result<(), Error> {
    // All tests at once, one branch; which one failed is worked out only when one did.
    if fields_ok(value, size) {
        Ok(())
    } else {
        cold_path();
        check_fields_in_order(value, size)
    }
}

/// Marks the path that calls it as unlikely. The error paths stay inline, so the struct being
/// checked never has its address passed to a function and can stay in registers.
#[cold]
#[inline(never)]
fn cold_path() {}

/// Whether [`check_fields`] passes, computed without a branch between the tests (they are all
/// compile-time constants but for the loads of `flags` and the reserved fields).
#[inline(always)]
fn fields_ok<T: Extensible>(value: &T, size: usize) -> bool {
    let () = ExtChecks::<T>::LAYOUT;
    let bytes = value.as_bytes();
    let mut bad = false;
    if let (Some(flags_span), false) = (T::FLAGS, T::OUTPUT) {
        let flags = load(flags_span, bytes);
        bad |= flags & !known_flags::<T>() != 0;
        for gate in T::GATED {
            bad |= (flags & gate.flag != 0) & (gate.field.end() > size);
        }
    }
    for span in T::RESERVED {
        bad |= !reserved_zero(*span, bytes);
    }
    !bad
}

/// [`check_fields`]'s tests one by one, in the documented order: the first that fails is the
/// error.
#[inline(always)]
fn check_fields_in_order<T: Extensible>(value: &T, size: usize) -> Result<(), Error> {
    let bytes = value.as_bytes();
    // An output struct's flags are the kernel's to fill: what the caller left there is ignored.
    if let (Some(flags_span), false) = (T::FLAGS, T::OUTPUT) {
        let flags = load(flags_span, bytes);
        let known = known_flags::<T>();
        if flags & !known != 0 {
            return Err(Error::UnknownFlags { unknown: flags & !known });
        }
        for gate in T::GATED {
            if flags & gate.flag != 0 && gate.field.end() > size {
                return Err(Error::GatedFieldOutsideArgsz {
                    flag: gate.flag,
                    end: gate.field.end(),
                    argsz: size,
                });
            }
        }
    }
    for span in T::RESERVED {
        if !reserved_zero(*span, bytes) {
            return Err(Error::ReservedNotZero { offset: span.offset });
        }
    }
    Ok(())
}

/// Every flag bit the newest version of `T` knows.
#[inline(always)]
fn known_flags<T: Extensible>() -> u64 {
    T::VERSIONS[T::VERSIONS.len() - 1].known_flags
}

/// Whether the reserved field at `span` is zero. Integer-sized fields (most reserved fields)
/// are tested with one load, others a word at a time.
#[inline(always)]
fn reserved_zero(span: FieldSpan, bytes: &[u8]) -> bool {
    match span.size {
        1 | 2 | 4 | 8 => load(span, bytes) == 0,
        _ => all_zero(&bytes[span.offset..span.end()]),
    }
}

/// Reads the struct `P` that a request carries in the flexible `data[]` of its header `T`
/// (the payload of a `VFIO_DEVICE_FEATURE`, the `vfio_bitmap` of an unmap with
/// `GET_DIRTY_BITMAP`), bounded by the caller's `size` (its `argsz`).
///
/// Mirrors the test VFIO makes before copying such a payload, `vfio_check_feature`'s
/// `if (argsz < sizeof(struct vfio_device_feature) + minsz) return -EINVAL` and
/// `vfio_iommu_type1_unmap_dma`'s `if (unmap.argsz < minsz + sizeof(bitmap)) return -EINVAL`:
/// the payload must lie wholly inside `size`, else [`Error::OutOfBounds`] (EINVAL); bytes past
/// it are not read. Faults give [`Error::Fault`] (EFAULT).
#[inline]
pub fn decode_payload<T, P, M>(mem: &M, addr: u64, size: usize) -> Result<P, Error>
where
    T: crate::FlexArray,
    P: crate::AbiType,
    M: UserMemory + ?Sized,
{
    payload_fits::<T, P>(size)?;
    let mut value = P::new_zeroed();
    mem.read(offset(addr, T::FLEX_OFFSET)?, value.as_mut_bytes())?;
    Ok(value)
}

/// Whether a `P` placed at `T`'s flexible array lies inside `size` bytes.
pub(crate) fn payload_fits<T: crate::FlexArray, P>(size: usize) -> Result<(), Error> {
    let len = size_of::<P>();
    match T::FLEX_OFFSET.checked_add(len) {
        Some(end) if end <= size => Ok(()),
        _ => Err(Error::OutOfBounds { offset: T::FLEX_OFFSET, len, limit: size }),
    }
}

/// The one bit of `flags` inside `mask`, or [`Error::InvalidValue`] (EINVAL) when none or
/// several are set: how VFIO reads a field that holds exactly one of a set of choices (the
/// data type and the action of `vfio_irq_set`, `hweight32(...) != 1` in
/// `vfio_set_irqs_validate_and_prepare`; the operation of `VFIO_IOMMU_DIRTY_PAGES`).
///
/// Unknown bits are the decoders' business ([`check_fields`]); this only picks among known
/// ones. The result is the bit itself, ready to compare with the flag constants.
#[inline]
pub fn one_flag_of(flags: u64, mask: u64) -> Result<u64, Error> {
    let chosen = flags & mask;
    if chosen.count_ones() == 1 {
        Ok(chosen)
    } else {
        Err(Error::InvalidValue { value: chosen })
    }
}
