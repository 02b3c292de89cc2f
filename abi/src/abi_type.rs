//! What the `#[uabi::abi]` macro tells the runtime about each ABI type.
//!
//! The macro emits constants only; every decision (is this argsz big enough, is this flag known,
//! is this reserved field zero) is made by generic runtime code over these traits, so the logic
//! is written, reviewed and tested once.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// A struct or union defined with `#[uabi::abi]`, whose every byte pattern is a value.
///
/// Every record is one; most are also [`AbiType`]s, whose every byte is always defined. The
/// exception is a record that holds an `unpadded` union (`kvm_run`, as bindgen declares it):
/// written through a member smaller than the union, some bytes are undefined, so it can be
/// read from bytes but not turned into them.
///
/// # Safety
/// Implemented only by the macro, after the model proved the layout has no padding and every
/// field is a fixed-width integer, an array of them or another `AbiRecord`.
pub unsafe trait AbiRecord: FromBytes + KnownLayout + Immutable + Sized {
    /// The C tag name (`vfio_device_info`).
    const C_NAME: &'static str;
}

/// A struct, union or flexible-array struct defined with `#[uabi::abi]` whose every byte is
/// always defined: it reads from and writes to bytes (zerocopy's `FromBytes` and
/// `IntoBytes`), what the decoders, encoders and typed ioctl calls need.
///
/// # Safety
/// Implemented only by the macro, after the model proved the layout has no padding and every
/// field is a fixed-width integer, an array of them or another `AbiType`.
pub unsafe trait AbiType: AbiRecord + IntoBytes {
    /// The C tag name (`vfio_device_info`): [`AbiRecord::C_NAME`], also reachable with only
    /// this trait in scope.
    const C_NAME: &'static str = <Self as AbiRecord>::C_NAME;
}

/// A byte range of a field inside a struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpan {
    pub offset: usize,
    pub size: usize,
}

impl FieldSpan {
    /// The offset one past the field's last byte (Linux's `offsetofend`).
    pub const fn end(self) -> usize {
        self.offset + self.size
    }
}

/// One version of an extensible struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    /// The version number (`OPEN_HOW_SIZE_VER0` is version 0 of `open_how`).
    pub number: u32,
    /// The struct's size in this version: the end of its last field, rounded up to the
    /// struct's alignment as C `sizeof` would.
    pub size: usize,
    /// Every flag bit a reader of this version understands.
    pub known_flags: u64,
}

/// Bits of a bitfield storage unit that must be zero (perf_event_attr's `__reserved_1`): the
/// unit's span and, in the unit read as an integer of the target, the reserved bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReservedBits {
    pub field: FieldSpan,
    pub mask: u64,
}

/// A field that is meaningful only when a flag announces it (VFIO's `xend` pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub flag: u64,
    pub field: FieldSpan,
}

/// The extensibility description of a struct: versions, flags, reserved fields.
pub trait Extensible: AbiType {
    /// Versions, oldest first; the last one's size is `size_of::<Self>()`.
    const VERSIONS: &'static [Version];
    /// Smallest size a caller may pass: the size of the first version (VFIO's `minsz`).
    const MINSZ: usize = Self::VERSIONS[0].size;
    /// The size field: the `u32` that carries the struct's size (`#[uabi(size)]`, or the
    /// `argsz` first field), anywhere inside the first version; `None` when the size travels
    /// beside the pointer (openat2, clone3). Kept under VFIO's name for the decoders that
    /// predate other size fields.
    const ARGSZ: Option<FieldSpan> = None;
    /// The `flags` field, if it has declared flags.
    const FLAGS: Option<FieldSpan> = None;
    /// Fields that must be zero.
    const RESERVED: &'static [FieldSpan] = &[];
    /// Bitfields that must be zero (`#[uabi(reserved)]` inside `#[bits { .. }]`).
    const RESERVED_BITS: &'static [ReservedBits] = &[];
    /// Fields announced by a flag.
    const GATED: &'static [Gate] = &[];
    /// The kernel fills this struct (`vfio_device_info`, `vfio_region_info`): the caller passes
    /// `argsz` and the documented input fields only, and Linux ignores whatever it left in
    /// `flags`, so decoders check neither unknown flags nor flag-gated fields.
    const OUTPUT: bool = false;
    /// How a kernel reads this struct from user memory (`#[uabi(policy = ..)]`): which
    /// decoder of [`crate::decode`](mod@crate::decode) applies, and what [`crate::decode::decode`] does. Without a
    /// declaration, a struct with a size field is VFIO's [`SizePolicy::Argsz`] and one without
    /// is [`SizePolicy::Sized`].
    const POLICY: SizePolicy = if Self::ARGSZ.is_some() { SizePolicy::Argsz } else { SizePolicy::Sized };
}

/// The size conventions of Linux's extensible structs, each applied by one decoder.
///
/// | policy | size from | too small | too large | unknown non-zero tail | decoder |
/// |---|---|---|---|---|---|
/// | `Argsz` | size field | EINVAL | ignored | ignored | [`crate::decode_argsz`] |
/// | `Sized` | beside the pointer | EINVAL | E2BIG above a page | E2BIG | [`crate::decode_sized`] |
/// | `SizedField` | size field | EINVAL | no bound | E2BIG | [`crate::decode_argsz_sized`] |
/// | `Perf` | size field, 0 = first version | E2BIG | E2BIG above a page | E2BIG | [`crate::decode_perf`] |
///
/// `Perf` also writes `size_of::<T>()` into the caller's size field on every E2BIG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SizePolicy {
    /// VFIO: `argsz >= minsz` else EINVAL; bytes past the known size are not read.
    Argsz,
    /// `copy_struct_from_user` with the size passed beside the pointer (openat2, clone3,
    /// sched_setattr's `size` argument).
    Sized,
    /// The size field inside the struct, then `copy_struct_from_user` (iommufd's `size`,
    /// VFIO_DEVICE_BIND_IOMMUFD's `argsz`): no page bound.
    SizedField,
    /// perf_event_open's `perf_copy_attr` (and sched_setattr's `sched_copy_attr`): a size
    /// field of 0 means the first version; too small, too large or a non-zero unknown tail is
    /// E2BIG, and every E2BIG writes the kernel's size back into the caller's size field.
    Perf,
}

impl SizePolicy {
    /// The name `#[uabi(policy = ..)]` takes, also used in headers and reports.
    pub const fn name(self) -> &'static str {
        match self {
            SizePolicy::Argsz => "argsz",
            SizePolicy::Sized => "sized",
            SizePolicy::SizedField => "sized_field",
            SizePolicy::Perf => "perf",
        }
    }
}

mod sealed {
    /// Private: nothing outside this crate can name it, so [`super::AbiField`] has exactly the
    /// impls below.
    pub trait Sealed {}
}

/// A type a field of a `#[uabi::abi]` struct or union may have: the eight fixed-width
/// integers, arrays of `AbiField` types, and the structs and unions of uabi modules (every
/// [`AbiType`]).
///
/// The macro bounds every field's type, as the compiler resolved it, by this trait: a module
/// that says `type u32 = usize;` or `use core::primitive::usize as u32;` and then writes
/// `len: u32` is refused on every target, not only where `usize` happens to differ in size.
/// Sealed: the only way in is [`AbiType`], an `unsafe` trait only the macro implements.
///
/// ```compile_fail
/// fn field<T: uabi::AbiField>() {}
/// field::<usize>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a type a uabi field can have",
    label = "not a fixed-width integer, an array of them, or a struct or union of a uabi module",
    note = "help: use `u8 u16 u32 u64 i8 i16 i32 i64`, an array, or a struct or union defined in this module; a type alias, a renamed import or a type named like an integer does not count"
)]
pub trait AbiField: sealed::Sealed {}

macro_rules! abi_field_ints {
    ($($t:ty)*) => {$(
        impl sealed::Sealed for $t {}
        impl AbiField for $t {}
    )*};
}
abi_field_ints!(u8 u16 u32 u64 i8 i16 i32 i64);

impl<T: AbiField, const N: usize> sealed::Sealed for [T; N] {}
impl<T: AbiField, const N: usize> AbiField for [T; N] {}

impl<T: AbiRecord> sealed::Sealed for T {}
impl<T: AbiRecord> AbiField for T {}

/// `Self` is exactly `T`: the expansion requires it of a field the model read as the integer
/// `T`, so an alias or import that resolves `u32` to another integer is refused at the field.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this field's type resolves to `{Self}`, not to the integer `{T}` it is spelled as",
    label = "`{Self}` here, but the C header says `{T}`",
    note = "help: remove the type alias, renamed import or shadowing type, and write the integer type itself"
)]
pub trait SameType<T: ?Sized> {}
impl<T: ?Sized> SameType<T> for T {}

/// A struct whose last member is a flexible array (`__u8 data[]`).
pub trait FlexArray: AbiType {
    /// The element type of the flexible array.
    type Elem: FromBytes + IntoBytes + Immutable + Copy;
    /// Offset of the first element, which is also `size_of::<Self>()`.
    const FLEX_OFFSET: usize;
    /// The field holding the element count (`__counted_by`), if declared.
    const COUNT: Option<FieldSpan>;
}

/// A capability of a VFIO-style capability chain: its first field is the chain header.
pub trait Capability: AbiType {
    const ID: u16;
    const VERSION: u16;
}

/// One ioctl of an ABI module, for tools and tests that need them all: every module defined
/// with `#[uabi::abi]` has `pub const IOCTLS: &[IoctlEntry]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IoctlEntry {
    /// The C macro name (`VFIO_DEVICE_GET_INFO`).
    pub name: &'static str,
    /// The kind of file descriptor it is issued on.
    pub namespace: &'static str,
    /// The request number on the architecture this crate was compiled for.
    pub request: u32,
}
