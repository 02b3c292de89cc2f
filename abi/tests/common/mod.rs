//! What the integration tests share: the fixture ABI types (defined once with `#[uabi::abi]` in
//! `tests/fixtures/mod.rs`, re-exported here under the names the tests use), the numbers they
//! are expected to have, written down by hand as an oracle independent of the macro, and
//! helpers. Each integration test includes this module and uses what it needs.
#![allow(dead_code)]

use uabi::{FieldSpan, Gate, SimMemory, Version};

#[path = "../fixtures/mod.rs"]
mod fixtures;

// Each test uses some of these; the rest would be unused imports there.
#[allow(unused_imports)]
pub use fixtures::bind_iommufd::{BindIommufd, VFIO_DEVICE_BIND_FLAG_TOKEN};
#[allow(unused_imports)]
pub use fixtures::bind_iommufd_minsz::BindIommufdMinsz;
#[allow(unused_imports)]
pub use fixtures::ext_v1::ExtV1;
#[allow(unused_imports)]
pub use fixtures::ext_v2::ExtV2;
#[allow(unused_imports)]
pub use fixtures::ext_v3::ExtV3;
#[allow(unused_imports)]
pub use fixtures::vfio::{
    Blob, Dependent, DeviceInfo, HotResetInfo, RegionInfo, TestCap, TinyList, VFIO_DEVICE_FLAGS_CAPS, VFIO_DEVICE_FLAGS_PCI,
    VFIO_REGION_INFO_FLAG_CAPS, VFIO_REGION_INFO_FLAG_READ,
};
/// The modules themselves, for tests of their other items.
#[allow(unused_imports)]
pub use fixtures::{bind_iommufd, bind_iommufd_minsz, ext_v1, ext_v2, ext_v3, region_v2, vfio};

pub const fn span(offset: usize, size: usize) -> FieldSpan {
    FieldSpan { offset, size }
}

// ---------------------------------------------------------------------------------------------
// The expected numbers, by hand. `tests/fixture_oracles.rs` checks that the generated
// `Extensible`/`FlexArray`/`CapChainInfo` constants of the fixtures equal them.
// ---------------------------------------------------------------------------------------------

pub const ARGSZ: FieldSpan = span(0, 4);
pub const FLAGS: FieldSpan = span(4, 4);

// `struct ext` in three versions:
//
//   v1 (16 bytes): argsz, flags, a, b            flags: F_A
//   v2 (24 bytes): + c: u64                      flags: + F_C, announcing c
//   v3 (32 bytes): + d: u32, reserved: u32       flags: + F_D, announcing d

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

// vfio_device_bind_iommufd: 16 bytes (`minsz`), then 24 with the token.
pub const BIND_TOKEN: u32 = 1 << 0;
pub const BIND_VERSIONS: [Version; 2] = [
    Version { number: 1, size: 16, known_flags: 0 },
    Version { number: 2, size: 24, known_flags: BIND_TOKEN as u64 },
];
pub const BIND_GATE_TOKEN: Gate = Gate { flag: BIND_TOKEN as u64, field: span(16, 8) };
/// The buggy decoder's view: known size `minsz`, the token flag known.
pub const BIND_MINSZ_VERSIONS: [Version; 1] = [Version { number: 1, size: 16, known_flags: BIND_TOKEN as u64 }];

// INFO structs with a capability chain.
pub const REGION_FLAG_CAPS: u32 = 1 << 3;
pub const REGION_VERSIONS: [Version; 1] = [Version { number: 1, size: 32, known_flags: 0xf }];
pub const REGION_CAP_OFFSET: FieldSpan = span(12, 4);

pub const DEVICE_FLAG_CAPS: u32 = 1 << 7;
pub const DEVICE_VERSIONS: [Version; 2] =
    [Version { number: 1, size: 16, known_flags: 0x7f }, Version { number: 2, size: 24, known_flags: 0xff }];
pub const DEVICE_CAP_OFFSET: FieldSpan = span(16, 4);
pub const DEVICE_RESERVED: FieldSpan = span(20, 4);

// Flexible arrays.
pub const HOT_RESET_VERSIONS: [Version; 1] = [Version { number: 1, size: 12, known_flags: 0x1 }];
pub const HOT_RESET_COUNT: FieldSpan = span(8, 4);

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
