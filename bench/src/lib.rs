//! Fixtures shared by the benchmarks in `benches/`: VFIO-shaped structs described by hand
//! (so the benchmarks do not depend on the ABI macro's output) and a capability-chain buffer.
//!
//! Run `bench/run.sh` to run every benchmark and print the ratios against a plain copy.

use uabi::abi_type::{AbiType, Capability, Extensible, FieldSpan, Gate, Version};
use uabi::cap_chain::{CapChainBuilder, CapChainInfo, CapHeader};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// Shaped like `struct vfio_region_info` (32 bytes): argsz, flags, index, cap_offset, size,
/// offset.
#[repr(C, align(8))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, KnownLayout, Immutable)]
pub struct RegionInfo {
    pub argsz: u32,
    pub flags: u32,
    pub index: u32,
    pub cap_offset: u32,
    pub size: u64,
    pub offset: u64,
}

// SAFETY: repr(C), no padding (4 * u32 + 2 * u64 = 32 bytes, every field naturally aligned).
unsafe impl AbiType for RegionInfo {
    const C_NAME: &'static str = "vfio_region_info";
}

/// `VFIO_REGION_INFO_FLAG_CAPS`.
pub const REGION_INFO_FLAG_CAPS: u32 = 1 << 3;

impl Extensible for RegionInfo {
    const VERSIONS: &'static [Version] = &[
        Version { number: 1, size: 32, known_flags: 0x7 },
        Version { number: 2, size: 32, known_flags: 0xf },
    ];
    const MINSZ: usize = 16;
    const ARGSZ: Option<FieldSpan> = Some(FieldSpan { offset: 0, size: 4 });
    const FLAGS: Option<FieldSpan> = Some(FieldSpan { offset: 4, size: 4 });
    const RESERVED: &'static [FieldSpan] = &[];
    const GATED: &'static [Gate] = &[];
}

impl CapChainInfo for RegionInfo {
    const CAP_OFFSET: FieldSpan = FieldSpan { offset: 12, size: 4 };
    const CAPS_FLAG: Option<u64> = Some(REGION_INFO_FLAG_CAPS as u64);
}

/// Shaped like `struct vfio_region_info_cap_type` (16 bytes).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, KnownLayout, Immutable)]
pub struct RegionTypeCap {
    pub header: CapHeader,
    pub ty: u32,
    pub subtype: u32,
}

// SAFETY: repr(C), 8-byte header + 2 * u32, no padding.
unsafe impl AbiType for RegionTypeCap {
    const C_NAME: &'static str = "vfio_region_info_cap_type";
}

impl Capability for RegionTypeCap {
    const ID: u16 = 2;
    const VERSION: u16 = 1;
}

/// A sample region info, as a driver would fill it.
pub fn sample_region_info() -> RegionInfo {
    RegionInfo {
        argsz: 32,
        flags: 0x7,
        index: 2,
        cap_offset: 0,
        size: 0x10_0000,
        offset: 2 << 40,
    }
}

/// An INFO buffer (8-aligned, `len` bytes returned alongside) holding a [`RegionInfo`] and a
/// chain of `unknown` capabilities of an id the reader does not know (with 24-byte payloads)
/// followed by one [`RegionTypeCap`].
pub fn sample_chain(unknown: usize) -> (Vec<u64>, usize) {
    let mut words = vec![0u64; (32 + unknown * 32 + 16) / 8];
    let bytes = words.as_mut_bytes();
    let mut b = CapChainBuilder::new(bytes, 32);
    for i in 0..unknown {
        b.add_raw(0x100 + i as u16, 1, &[0x5a; 24]);
    }
    b.add(&RegionTypeCap { header: CapHeader::default(), ty: 3, subtype: 1 });
    let (first, needed) = b.finish();
    let info = RegionInfo { argsz: needed as u32, flags: 0x7 | REGION_INFO_FLAG_CAPS, cap_offset: first, ..sample_region_info() };
    bytes[..32].copy_from_slice(info.as_bytes());
    (words, needed)
}

/// The walk as C users commonly write it (`vfio_get_cap` in QEMU): follows `next` without
/// bounds or loop checks. A baseline for the checked walker only; it trusts its input.
pub fn unchecked_find(buf: &[u8], first: u32, id: u16) -> Option<usize> {
    let mut off = first as usize;
    while off != 0 {
        let h = CapHeader::read_from_prefix(&buf[off..]).ok()?.0;
        if h.id == id {
            return Some(off);
        }
        off = h.next as usize;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use uabi::{decode_argsz, encode_argsz, CapChain, SimMemory, UserMemory};

    #[test]
    fn fixtures_decode_and_walk() {
        let info = sample_region_info();
        let mut bytes = [0u8; 64];
        bytes[..32].copy_from_slice(info.as_bytes());
        let mut mem = SimMemory::new(0x1000, &mut bytes);
        let d = decode_argsz::<RegionInfo, _>(&mem, 0x1000).unwrap();
        assert_eq!(d.value, info);
        assert_eq!(encode_argsz(&mut mem, 0x1020, 32, &info).unwrap(), 32);
        let mut out = [0u8; 32];
        mem.read(0x1020, &mut out).unwrap();
        assert_eq!(out, info.as_bytes());

        let (words, len) = sample_chain(3);
        let buf = &words.as_bytes()[..len];
        let found = CapChain::for_info::<RegionInfo>(buf).find::<RegionTypeCap>().unwrap().unwrap();
        assert_eq!((found.ty, found.subtype), (3, 1));
        assert_eq!(unchecked_find(buf, 32, RegionTypeCap::ID), Some(32 + 3 * 32));
    }
}
