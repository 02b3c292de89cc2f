//! Test ABI types with hand-written `AbiType`/`Extensible`/`FlexArray` impls, standing in for
//! what `#[uabi::abi]` will generate. Each integration test includes this module and uses the
//! types it needs.
#![allow(dead_code)]

use core::mem::size_of;

use uabi::{AbiType, Extensible, FieldSpan, FlexArray, Gate, SimMemory, Version};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// `unsafe impl AbiType`: every type below is `repr(C)` without padding, checked by the
/// layout assertions next to it.
macro_rules! abi_type {
    ($t:ty, $name:literal, $size:expr) => {
        unsafe impl AbiType for $t {
            const C_NAME: &'static str = $name;
        }
        const _: () = assert!(size_of::<$t>() == $size);
    };
}

pub const fn span(offset: usize, size: usize) -> FieldSpan {
    FieldSpan { offset, size }
}

pub const ARGSZ: FieldSpan = span(0, 4);
pub const FLAGS: FieldSpan = span(4, 4);

// ---------------------------------------------------------------------------------------------
// A struct in three versions, each version its own Rust type as an old or new decoder sees it.
//
//   v1 (16 bytes): argsz, flags, a, b            flags: F_A
//   v2 (24 bytes): + c: u64                      flags: + F_C, announcing c
//   v3 (32 bytes): + d: u32, reserved: u32       flags: + F_D, announcing d
// ---------------------------------------------------------------------------------------------

pub const F_A: u32 = 1 << 0;
pub const F_C: u32 = 1 << 1;
pub const F_D: u32 = 1 << 2;

pub const VER1: Version = Version { number: 1, size: 16, known_flags: F_A as u64 };
pub const VER2: Version = Version { number: 2, size: 24, known_flags: (F_A | F_C) as u64 };
pub const VER3: Version = Version { number: 3, size: 32, known_flags: (F_A | F_C | F_D) as u64 };
pub const SIZES: [usize; 3] = [16, 24, 32];
pub const KNOWN: [u32; 3] = [F_A, F_A | F_C, F_A | F_C | F_D];

pub const GATE_C: Gate = Gate { flag: F_C as u64, field: span(16, 8) };
pub const GATE_D: Gate = Gate { flag: F_D as u64, field: span(24, 4) };
pub const RESERVED_V3: FieldSpan = span(28, 4);

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct ExtV1 {
    pub argsz: u32,
    pub flags: u32,
    pub a: u32,
    pub b: u32,
}
abi_type!(ExtV1, "ext", 16);
impl Extensible for ExtV1 {
    const VERSIONS: &'static [Version] = &[VER1];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[];
}

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct ExtV2 {
    pub argsz: u32,
    pub flags: u32,
    pub a: u32,
    pub b: u32,
    pub c: u64,
}
abi_type!(ExtV2, "ext", 24);
impl Extensible for ExtV2 {
    const VERSIONS: &'static [Version] = &[VER1, VER2];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[GATE_C];
}

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct ExtV3 {
    pub argsz: u32,
    pub flags: u32,
    pub a: u32,
    pub b: u32,
    pub c: u64,
    pub d: u32,
    pub reserved: u32,
}
abi_type!(ExtV3, "ext", 32);
impl Extensible for ExtV3 {
    const VERSIONS: &'static [Version] = &[VER1, VER2, VER3];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[RESERVED_V3];
    const GATED: &'static [Gate] = &[GATE_C, GATE_D];
}

// ---------------------------------------------------------------------------------------------
// VFIO_DEVICE_BIND_IOMMUFD's argument, before and after the token field was added.
// ---------------------------------------------------------------------------------------------

pub const VFIO_DEVICE_BIND_FLAG_TOKEN: u32 = 1 << 0;

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct BindIommufd {
    pub argsz: u32,
    pub flags: u32,
    pub iommufd: i32,
    pub out_devid: u32,
    pub token_uuid_ptr: u64,
}
abi_type!(BindIommufd, "vfio_device_bind_iommufd", 24);
impl Extensible for BindIommufd {
    const VERSIONS: &'static [Version] = &[
        Version { number: 1, size: 16, known_flags: 0 },
        Version { number: 2, size: 24, known_flags: VFIO_DEVICE_BIND_FLAG_TOKEN as u64 },
    ];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] =
        &[Gate { flag: VFIO_DEVICE_BIND_FLAG_TOKEN as u64, field: span(16, 8) }];
}

/// The struct as a decoder that only knows `minsz` (the first version) sees it.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct BindIommufdMinsz {
    pub argsz: u32,
    pub flags: u32,
    pub iommufd: i32,
    pub out_devid: u32,
}
abi_type!(BindIommufdMinsz, "vfio_device_bind_iommufd", 16);
impl Extensible for BindIommufdMinsz {
    const VERSIONS: &'static [Version] = &[Version { number: 1, size: 16, known_flags: 0 }];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[];
}

// ---------------------------------------------------------------------------------------------
// INFO structs with a capability chain (vfio_region_info, vfio_device_info).
// ---------------------------------------------------------------------------------------------

pub const VFIO_REGION_INFO_FLAG_READ: u32 = 1 << 0;
pub const VFIO_REGION_INFO_FLAG_CAPS: u32 = 1 << 3;

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct RegionInfo {
    pub argsz: u32,
    pub flags: u32,
    pub index: u32,
    pub cap_offset: u32,
    pub size: u64,
    pub offset: u64,
}
abi_type!(RegionInfo, "vfio_region_info", 32);
pub const REGION_CAP_OFFSET: FieldSpan = span(12, 4);
impl Extensible for RegionInfo {
    const VERSIONS: &'static [Version] = &[Version { number: 1, size: 32, known_flags: 0xf }];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[];
}

pub const VFIO_DEVICE_FLAGS_PCI: u32 = 1 << 1;
pub const VFIO_DEVICE_FLAGS_CAPS: u32 = 1 << 7;

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct DeviceInfo {
    pub argsz: u32,
    pub flags: u32,
    pub num_regions: u32,
    pub num_irqs: u32,
    pub cap_offset: u32,
    pub pad: u32,
}
abi_type!(DeviceInfo, "vfio_device_info", 24);
pub const DEVICE_CAP_OFFSET: FieldSpan = span(16, 4);
impl Extensible for DeviceInfo {
    const VERSIONS: &'static [Version] = &[
        Version { number: 1, size: 16, known_flags: 0x7f },
        Version { number: 2, size: 24, known_flags: 0xff },
    ];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[span(20, 4)];
    const GATED: &'static [Gate] = &[];
}

/// `struct vfio_info_cap_header` followed by one `u32` of payload: an 8-byte-aligned
/// capability of 12 bytes, padded to 16.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct TestCap {
    pub id: u16,
    pub version: u16,
    pub next: u32,
    pub value: u32,
    pub pad: u32,
}
abi_type!(TestCap, "test_cap", 16);

// ---------------------------------------------------------------------------------------------
// A header with a counted flexible array (vfio_pci_hot_reset_info).
// ---------------------------------------------------------------------------------------------

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct Dependent {
    pub group_id: u32,
    pub segment: u16,
    pub bus: u8,
    pub devfn: u8,
}
abi_type!(Dependent, "vfio_pci_dependent_device", 8);

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct HotResetInfo {
    pub argsz: u32,
    pub flags: u32,
    pub count: u32,
    pub devices: [Dependent; 0],
}
abi_type!(HotResetInfo, "vfio_pci_hot_reset_info", 12);
pub const HOT_RESET_COUNT: FieldSpan = span(8, 4);
impl Extensible for HotResetInfo {
    const VERSIONS: &'static [Version] = &[Version { number: 1, size: 12, known_flags: 0x1 }];
    const ARGSZ: Option<FieldSpan> = Some(ARGSZ);
    const FLAGS: Option<FieldSpan> = Some(FLAGS);
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[];
}
impl FlexArray for HotResetInfo {
    type Elem = Dependent;
    const FLEX_OFFSET: usize = 12;
    const COUNT: Option<FieldSpan> = Some(HOT_RESET_COUNT);
}

/// A flexible array whose count field is one byte wide, to reach counts that do not fit.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct TinyList {
    pub count: u8,
    pub pad: [u8; 3],
    pub items: [u32; 0],
}
abi_type!(TinyList, "tiny_list", 4);
impl FlexArray for TinyList {
    type Elem = u32;
    const FLEX_OFFSET: usize = 4;
    const COUNT: Option<FieldSpan> = Some(span(0, 1));
}

/// A flexible array without a count field (`__u8 data[]` as in vfio_irq_set).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct Blob {
    pub len: u32,
    pub data: [u8; 0],
}
abi_type!(Blob, "blob", 4);
impl FlexArray for Blob {
    type Elem = u8;
    const FLEX_OFFSET: usize = 4;
    const COUNT: Option<FieldSpan> = None;
}

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

/// Where test mappings start: an arbitrary page-aligned user address.
pub const BASE: u64 = 0x7f00_0000_0000;

/// A simulated mapping of `buf`, with `bytes` copied to its start.
pub fn mapped<'a>(buf: &'a mut [u8], bytes: &[u8]) -> SimMemory<'a> {
    buf[..bytes.len()].copy_from_slice(bytes);
    SimMemory::new(BASE, buf)
}
