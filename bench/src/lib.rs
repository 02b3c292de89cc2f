//! Fixtures shared by the benchmarks in `benches/`: the generated `vfio_iommu_type1_dma_map`, a
//! two-version struct shaped like `vfio_region_info` (VFIO's own has one version) and a
//! capability, both from the `#[uabi::abi]` test fixtures of the `uabi` crate
//! (`abi/tests/fixtures/mod.rs`), the same decodes written by hand for one struct each, and a
//! capability-chain buffer.
//!
//! Run `bench/run.sh` to run every benchmark and print the ratios against the plain copies.

use core::mem::size_of;

use uabi::abi_type::Capability;
use uabi::cap_chain::{CapChainBuilder, CapHeader};
use uabi::{Decoded, Error, SimMemory, UserMemory};
use zerocopy::{FromBytes, FromZeros, IntoBytes};

/// The test fixtures of the `uabi` crate, defined once with `#[uabi::abi]`.
#[path = "../../abi/tests/fixtures/mod.rs"]
mod fixtures;

/// Shaped like `struct vfio_region_info` (32 bytes): argsz, flags, index, cap_offset, size,
/// offset, but described as an extended struct with two versions (`MINSZ` 16, as
/// `vfio_device_info` has): [`uabi::decode_argsz`] must copy the first 16 bytes, check `argsz`,
/// then copy the rest, two reads of user memory. Its `cap_offset` is gated by the CAPS flag,
/// which makes it a [`uabi::CapChainInfo`].
pub use fixtures::region_v2::RegionInfo;

/// `VFIO_REGION_INFO_FLAG_CAPS`.
pub use fixtures::region_v2::VFIO_REGION_INFO_FLAG_CAPS as REGION_INFO_FLAG_CAPS;

/// `struct vfio_iommu_type1_dma_map` as the ABI macro generates it (32 bytes,
/// VFIO_IOMMU_MAP_DMA): one version, `minsz` is the whole struct, so [`uabi::decode_argsz`]
/// reads user memory once.
pub use uabi_linux::vfio::VfioIommuType1DmaMap as DmaMap;

/// A sample DMA mapping request, as QEMU or DPDK would pass it.
pub fn sample_dma_map() -> DmaMap {
    DmaMap { argsz: 32, flags: 0x3, vaddr: 0x7f12_3456_0000, iova: 0x1_0000_0000, size: 2 << 20 }
}

/// Shaped like `struct vfio_region_info_cap_type` (16 bytes), capability id 2 version 1.
pub use fixtures::vfio::RegionTypeCap;

/// The header of [`RegionTypeCap`] (the fixture module's `vfio_info_cap_header`).
pub use fixtures::vfio::InfoCapHeader;

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
    b.add(&RegionTypeCap { header: InfoCapHeader::default(), ty: 3, subtype: 1 });
    let (first, needed) = b.finish();
    let info = RegionInfo { argsz: needed as u32, flags: 0x7 | REGION_INFO_FLAG_CAPS, cap_offset: first, ..sample_region_info() };
    bytes[..32].copy_from_slice(info.as_bytes());
    (words, needed)
}

/// The walk as C users commonly write it (QEMU's `vfio_get_region_info_cap`): the caps flag
/// tested, `cap_offset` read from the INFO struct, `next` followed without bounds or loop
/// checks, the capability found copied out. The same work as the checked walker
/// (`CapChain::for_info(..).find::<RegionTypeCap>()`) without its checks: a baseline only; it
/// trusts its input.
#[inline(always)]
pub fn unchecked_find(buf: &[u8]) -> Option<RegionTypeCap> {
    let info = RegionInfo::read_from_prefix(buf).ok()?.0;
    if info.flags & REGION_INFO_FLAG_CAPS == 0 {
        return None;
    }
    let mut off = info.cap_offset as usize;
    while off != 0 {
        let h = CapHeader::read_from_prefix(&buf[off..]).ok()?.0;
        if h.id == RegionTypeCap::ID {
            return Some(RegionTypeCap::read_from_prefix(&buf[off..]).ok()?.0);
        }
        off = h.next as usize;
    }
    None
}

/// The prologue a VFIO driver writes by hand in C for [`RegionInfo`], translated literally:
/// `copy_from_user(minsz)`, `argsz < minsz`, copy of the rest (of variable length), the
/// unknown-flags test. What [`uabi::decode_argsz`] replaces; same result type.
#[inline(always)]
pub fn handwritten_region_info(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<RegionInfo>, Error> {
    const MINSZ: usize = 16;
    let mut v = RegionInfo::new_zeroed();
    mem.read(addr, &mut v.as_mut_bytes()[..MINSZ])?;
    let argsz = v.argsz as usize;
    if argsz < MINSZ {
        return Err(Error::SizeTooSmall { size: argsz, min: MINSZ });
    }
    let n = argsz.min(size_of::<RegionInfo>());
    mem.read(addr + MINSZ as u64, &mut v.as_mut_bytes()[MINSZ..n])?;
    if v.flags & !0xf != 0 {
        return Err(Error::UnknownFlags { unknown: (v.flags & !0xf) as u64 });
    }
    Ok(Decoded { value: v, size: argsz })
}

/// Linux's VFIO_IOMMU_MAP_DMA prologue for [`DmaMap`], by hand: `copy_from_user(&map, arg,
/// minsz)`, then `if (map.argsz < minsz || map.flags & ~mask) return -EINVAL`. The same read,
/// the same checks and the same result type as [`uabi::decode_argsz`] for this struct, so the
/// two differ only in being written for one struct or generically.
#[inline(always)]
pub fn handwritten_dma_map(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
    const MINSZ: usize = size_of::<DmaMap>();
    let mut v = DmaMap::new_zeroed();
    mem.read(addr, v.as_mut_bytes())?;
    if (v.argsz as usize) < MINSZ {
        return Err(Error::SizeTooSmall { size: v.argsz as usize, min: MINSZ });
    }
    if v.flags & !0x7 != 0 {
        return Err(Error::UnknownFlags { unknown: (v.flags & !0x7) as u64 });
    }
    Ok(Decoded { value: v, size: v.argsz as usize })
}

/// Out-of-line instances of the benchmarked operations, for reading their machine code
/// (`cargo rustc -p uabi-bench --release --lib -- --emit asm`).
pub mod probe {
    use super::*;
    use uabi::Encoded;

    #[inline(never)]
    pub fn plain_copy(src: &[u8; 32]) -> RegionInfo {
        let mut v = RegionInfo::new_zeroed();
        v.as_mut_bytes().copy_from_slice(src);
        v
    }

    #[inline(never)]
    pub fn user_mem_read(mem: &SimMemory<'_>, addr: u64) -> Result<RegionInfo, Error> {
        let mut v = RegionInfo::new_zeroed();
        mem.read(addr, v.as_mut_bytes())?;
        Ok(v)
    }

    #[inline(never)]
    pub fn region_info_decode_argsz(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<RegionInfo>, Error> {
        uabi::decode_argsz::<RegionInfo, _>(mem, addr)
    }

    #[inline(never)]
    pub fn region_info_handwritten(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<RegionInfo>, Error> {
        handwritten_region_info(mem, addr)
    }

    #[inline(never)]
    pub fn region_info_decode_sized(mem: &SimMemory<'_>, addr: u64, size: usize) -> Result<Decoded<RegionInfo>, Error> {
        uabi::decode_sized::<RegionInfo, _>(mem, addr, size)
    }

    #[inline(never)]
    pub fn dma_map_decode_argsz(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
        uabi::decode_argsz::<DmaMap, _>(mem, addr)
    }

    #[inline(never)]
    pub fn dma_map_handwritten(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
        handwritten_dma_map(mem, addr)
    }

    #[inline(never)]
    pub fn encode_argsz(mem: &mut SimMemory<'_>, addr: u64, argsz: usize, v: &RegionInfo) -> Result<usize, Error> {
        uabi::encode_argsz(mem, addr, argsz, v)
    }

    #[inline(never)]
    pub fn encode_to_user(mem: &mut SimMemory<'_>, addr: u64, size: usize, v: &RegionInfo) -> Result<Encoded, Error> {
        uabi::encode_to_user(mem, addr, size, v)
    }

    #[inline(never)]
    pub fn unchecked_walk(buf: &[u8]) -> Option<RegionTypeCap> {
        unchecked_find(buf)
    }

    #[inline(never)]
    pub fn checked_walk(buf: &[u8]) -> Result<Option<RegionTypeCap>, Error> {
        uabi::CapChain::for_info::<RegionInfo>(buf).find::<RegionTypeCap>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uabi::{decode_argsz, encode_argsz, CapChain};

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
        assert_eq!(unchecked_find(buf), Some(found));
    }

    /// The hand-written baselines decide as the generic decoder does, on the benchmarks'
    /// inputs and on refused ones.
    #[test]
    fn handwritten_prologues_agree_with_decode_argsz() {
        let map = sample_dma_map();
        let info = sample_region_info();
        for (argsz, flags) in [(32, 0x3), (40, 0x7), (31, 0x3), (16, 0x1), (12, 0), (32, 0x8), (24, 0x10)] {
            let mut bytes = [0u64; 8];
            let m = DmaMap { argsz, flags, ..map };
            bytes.as_mut_bytes()[..32].copy_from_slice(m.as_bytes());
            let mem = SimMemory::new(0x1000, bytes.as_mut_bytes());
            assert_eq!(handwritten_dma_map(&mem, 0x1000), decode_argsz::<DmaMap, _>(&mem, 0x1000));

            let mut bytes = [0u64; 8];
            let i = RegionInfo { argsz, flags, ..info };
            bytes.as_mut_bytes()[..32].copy_from_slice(i.as_bytes());
            let mem = SimMemory::new(0x1000, bytes.as_mut_bytes());
            assert_eq!(handwritten_region_info(&mem, 0x1000), decode_argsz::<RegionInfo, _>(&mem, 0x1000));
        }
    }
}

