//! Reading an extensible struct from user memory, with each of Linux's size conventions.
//!
//! A struct declares its convention with `#[uabi(policy = ..)]` ([`SizePolicy`], the
//! `Extensible::POLICY` constant); [`decode`] dispatches on it, and each policy has its own
//! entry point:
//!
//! * [`decode_argsz`] (`policy = argsz`): VFIO's. The size field (`argsz`) must reach the first
//!   version (EINVAL); anything past the size the decoder knows is ignored.
//! * [`decode_sized`] (`policy = sized`): `copy_struct_from_user`'s with the size passed beside
//!   the pointer (openat2, clone3). Below the first version EINVAL, above a page E2BIG; a
//!   shorter struct is zero-extended, a longer one is accepted only if every byte the decoder
//!   does not know is zero (else E2BIG).
//! * [`decode_argsz_sized`] (`policy = sized_field`): the size field read from the struct, at
//!   whatever offset it is declared, then `copy_struct_from_user` semantics with no page bound
//!   (VFIO_DEVICE_BIND_IOMMUFD, iommufd's `size`).
//! * [`decode_perf`] (`policy = perf`): perf_event_open's `perf_copy_attr`. The size field
//!   (`perf_event_attr.size`, at offset 4) of 0 means the first version; below the first version
//!   or above a page E2BIG; a non-zero unknown tail E2BIG; and every E2BIG writes
//!   `size_of::<T>()` back into the caller's size field so that it can retry. It is the one
//!   decoder that writes, so it takes `&mut` user memory.
//!
//! Every decoder compares against `size_of::<T>()`, the full size it knows, never against the
//! first version's size: Linux's VFIO_DEVICE_BIND_IOMMUFD passed `minsz` there and refused every
//! caller that used the newer field with E2BIG until it was fixed in 2025.
//!
//! After copying, all decoders run the same field checks ([`check_fields`]).

use core::mem::size_of;

use crate::field::{load, ExtChecks};
use crate::user_mem::{all_zero, offset, UserMemory};
use crate::{Error, Extensible, FieldSpan, SizePolicy};

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
    argsz_impl(mem, addr, ExtChecks::<T>::ARGSZ)
}

/// [`decode_argsz`] with the size field's span given, so that [`decode`] can instantiate it for
/// structs whose span is only known to exist at run time.
#[inline(always)]
fn argsz_impl<T, M>(mem: &M, addr: u64, argsz_span: FieldSpan) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
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
        // One of the tests failed, so the result is an error: the ordered tests below find
        // out which. Returning only the error, never the struct, lets the compiler drop the
        // fields no test reads (the hand-written prologue's shape) instead of keeping the
        // whole copy alive for a success this path cannot reach.
        return Err(one_read_error(&value, addr, argsz));
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

/// The error of [`argsz_impl`]'s one-read path (`T::MINSZ == size_of::<T>()`), whose
/// branch-free test failed: the same tests in the documented order (`argsz` below `MINSZ`,
/// the end of the struct past the address space, then [`check_fields_in_order`]).
#[inline(always)]
fn one_read_error<T: Extensible>(value: &T, addr: u64, argsz: usize) -> Error {
    if argsz < T::MINSZ {
        return Error::SizeTooSmall { size: argsz, min: T::MINSZ };
    }
    if let Err(e) = offset(addr, T::MINSZ) {
        return e;
    }
    match check_fields_in_order(value, argsz) {
        Err(e) => e,
        // `fields_ok` and `check_fields_in_order` make the same tests, so the one that
        // failed there fails here too (the decoders' property tests in tests/compat_props.rs
        // run both on arbitrary structs).
        Ok(()) => unreachable!("fields_ok failed where check_fields_in_order passed"),
    }
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
#[inline(always)]
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

/// Reads a struct whose size field (`argsz`, or the field declared `#[uabi(size)]`, at any
/// offset inside the first version) gives its size, with `copy_struct_from_user` semantics:
/// what VFIO_DEVICE_BIND_IOMMUFD (`get_user(user_size, &arg->argsz)` then
/// `copy_struct_from_user(&bind, sizeof(bind), arg, user_size)`) and iommufd (`__u32 size`)
/// do (`policy = sized_field`).
///
/// Reads only the size field first, then checks it against `T::MINSZ`, as iommufd's
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
    argsz_sized_impl(mem, addr, ExtChecks::<T>::ARGSZ)
}

#[inline(always)]
fn argsz_sized_impl<T, M>(mem: &M, addr: u64, span: FieldSpan) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let mut raw = [0u8; 8];
    mem.read(offset(addr, span.offset)?, &mut raw[..span.size])?;
    let argsz = load(crate::FieldSpan { offset: 0, size: span.size }, &raw) as usize;
    decode_sized_max(mem, addr, argsz, usize::MAX)
}

/// Reads a struct perf_event_open-style (`policy = sized` is [`decode_sized`]; this is
/// `policy = perf`), with a bound of [`PAGE_SIZE`]; see [`decode_perf_max`].
#[inline]
pub fn decode_perf<T, M>(mem: &mut M, addr: u64) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    decode_perf_max(mem, addr, PAGE_SIZE)
}

/// [`decode_perf`] with an explicit upper bound on the size.
///
/// The steps, in the order of Linux's `perf_copy_attr` (kernel/events/core.c):
/// 1. read the size field (`get_user(size, &uattr->size)`): a fault is [`Error::Fault`]
///    (EFAULT), with nothing written back.
/// 2. a size of 0 is the first version (`PERF_ATTR_SIZE_VER0`), the ABI quirk of callers that
///    predate the field.
/// 3. below the first version or above `max`: [`Error::SizeOutOfRange`] (E2BIG).
/// 4. above `size_of::<T>()`: the bytes past it must be zero (`copy_struct_from_user`'s
///    `check_zeroed_user`), else [`Error::UnknownTrailingBytes`] (E2BIG); a fault while
///    looking is EFAULT, with nothing written back.
/// 5. copy `min(size, size_of::<T>())` bytes, zero-extending (EFAULT on a fault), and store
///    the caller's size in the copy's size field (`attr->size = size`).
/// 6. [`check_fields`] (EINVAL).
///
/// Every E2BIG of steps 3 and 4 first writes `size_of::<T>()` into the caller's size field
/// (`err_size: put_user(sizeof(*attr), &uattr->size)`). Linux ignores the result of that
/// `put_user`: a size field that can be read but not written (a read-only page) still gets
/// E2BIG, not EFAULT, and so does this decoder; the differential test against the running
/// kernel checks exactly that.
#[inline]
pub fn decode_perf_max<T, M>(mem: &mut M, addr: u64, max: usize) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    perf_impl(mem, addr, max, ExtChecks::<T>::ARGSZ, PerfMutation::NONE)
}

/// Deliberate defects of [`decode_perf`], for tests that must show the kernel differential
/// catches them. Not part of the API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerfMutation {
    /// Skip the write-back of the kernel's size on E2BIG.
    pub drop_write_back: bool,
    /// Treat a size of 0 as too small instead of as the first version.
    pub drop_zero_is_first: bool,
}

impl PerfMutation {
    pub const NONE: PerfMutation = PerfMutation { drop_write_back: false, drop_zero_is_first: false };
}

/// [`decode_perf_max`] with a deliberate defect. Not part of the API: only the differential
/// test's mutation check calls it.
#[doc(hidden)]
pub fn __decode_perf_mutated<T, M>(mem: &mut M, addr: u64, max: usize, m: PerfMutation) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    perf_impl(mem, addr, max, ExtChecks::<T>::ARGSZ, m)
}

#[inline(always)]
fn perf_impl<T, M>(mem: &mut M, addr: u64, max: usize, span: FieldSpan, m: PerfMutation) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    let ksize = size_of::<T>();
    let size_addr = offset(addr, span.offset)?;
    let mut raw = [0u8; 8];
    mem.read(size_addr, &mut raw[..span.size])?;
    let mut size = load(FieldSpan { offset: 0, size: span.size }, &raw) as usize;
    if size == 0 && !m.drop_zero_is_first {
        size = T::MINSZ;
    }
    // err_size: put_user(sizeof(*attr), &uattr->size); ret = -E2BIG; (the put_user's own
    // failure is not looked at).
    let too_big = |mem: &mut M, e: Error| -> Result<Decoded<T>, Error> {
        if !m.drop_write_back {
            perf_write_back(mem, size_addr, span.size, ksize);
        }
        Err(e)
    };
    if size < T::MINSZ || size > max {
        return too_big(mem, Error::SizeOutOfRange { size, min: T::MINSZ, max });
    }
    if size > ksize {
        if let Some(at) = mem.find_nonzero(offset(addr, ksize)?, size - ksize)? {
            return too_big(mem, Error::UnknownTrailingBytes { offset: (at - addr) as usize });
        }
    }
    // attr->size = size: the kernel's copy records the caller's version (0 became VER0).
    if size >= ksize {
        // A caller as new as the decoder or newer: a copy of constant size (see `checked`).
        let mut value = T::new_zeroed();
        mem.read(addr, value.as_mut_bytes())?;
        let _ = crate::field::store(span, value.as_mut_bytes(), size as u64);
        return checked(value, size);
    }
    let mut older = T::new_zeroed();
    mem.read(addr, &mut older.as_mut_bytes()[..size])?;
    let _ = crate::field::store(span, older.as_mut_bytes(), size as u64);
    checked(older, size)
}

/// [`perf_impl`]'s write-back of `ksize` into the caller's size field of `width` bytes at
/// `size_addr`. Out of line and cold, so that the decoder's common path keeps its constants.
#[cold]
#[inline(never)]
fn perf_write_back<M: UserMemory + ?Sized>(mem: &mut M, size_addr: u64, width: usize, ksize: usize) {
    let mut back = [0u8; 8];
    // `ksize` fits the field: ExtChecks::ARGSZ puts the field inside the struct, and a
    // struct larger than its size field can count is refused by `store`, which then
    // leaves the caller's field alone.
    if crate::field::store(FieldSpan { offset: 0, size: width }, &mut back, ksize as u64).is_ok() {
        let _ = mem.write(size_addr, &back[..width]);
    }
}

/// Reads a `T` with the convention it declares (`T::POLICY`): [`decode_argsz`],
/// [`decode_sized`], [`decode_argsz_sized`] or [`decode_perf`].
///
/// `size` is the size passed beside the pointer and is read only by `policy = sized`; the
/// other policies take the size from the struct's own size field. `mem` is `&mut` because
/// `policy = perf` writes the kernel's size back on E2BIG; the others only read.
#[inline]
pub fn decode<T, M>(mem: &mut M, addr: u64, size: usize) -> Result<Decoded<T>, Error>
where
    T: Extensible,
    M: UserMemory + ?Sized,
{
    // Not `decode_argsz` and friends: their compile-time check that the struct has a size
    // field would fire for every `T` this function is instantiated with, policy or not.
    // `ExtChecks::POLICY_FIELD` checks instead that the policy and the size field agree.
    match (T::POLICY, ExtChecks::<T>::POLICY_FIELD) {
        (SizePolicy::Sized, _) => decode_sized(mem, addr, size),
        (SizePolicy::Argsz, Some(span)) => argsz_impl(mem, addr, span),
        (SizePolicy::SizedField, Some(span)) => argsz_sized_impl(mem, addr, span),
        (SizePolicy::Perf, Some(span)) => perf_impl(mem, addr, PAGE_SIZE, span, PerfMutation::NONE),
        (_, None) => unreachable!("POLICY_FIELD refuses a size-field policy without a size field"),
    }
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
    for r in T::RESERVED_BITS {
        bad |= load(r.field, bytes) & r.mask != 0;
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
    for r in T::RESERVED_BITS {
        if load(r.field, bytes) & r.mask != 0 {
            return Err(Error::ReservedNotZero { offset: r.field.offset });
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
