//! What the `#[uabi::abi]` macro tells the runtime about each ABI type.
//!
//! The macro emits constants only; every decision (is this argsz big enough, is this flag known,
//! is this reserved field zero) is made by generic runtime code over these traits, so the logic
//! is written, reviewed and tested once.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// A struct, union or flexible-array struct defined with `#[uabi::abi]`.
///
/// # Safety
/// Implemented only by the macro, after the model proved the layout has no padding and every
/// field is a fixed-width integer, an array of them or another `AbiType`.
pub unsafe trait AbiType: FromBytes + IntoBytes + KnownLayout + Immutable + Sized {
    /// The C tag name (`vfio_device_info`).
    const C_NAME: &'static str;
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
    /// The `argsz: u32` field at offset 0, if the struct has one.
    const ARGSZ: Option<FieldSpan>;
    /// The `flags` field, if it has declared flags.
    const FLAGS: Option<FieldSpan>;
    /// Fields that must be zero.
    const RESERVED: &'static [FieldSpan];
    /// Fields announced by a flag.
    const GATED: &'static [Gate];
    /// The kernel fills this struct (`vfio_device_info`, `vfio_region_info`): the caller passes
    /// `argsz` and the documented input fields only, and Linux ignores whatever it left in
    /// `flags`, so decoders check neither unknown flags nor flag-gated fields.
    const OUTPUT: bool = false;
}

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
