//! The VFIO definitions with the runtime: Linux's `minsz` values, the decoders' view of input
//! and output structs, and a complete VFIO_DEVICE_GET_REGION_INFO exchange with a sparse-mmap
//! capability, from the kernel's builder through the two-call size negotiation to the user's
//! walker.

use core::mem::size_of;

use uabi::cap_chain::{CapChain, CapChainBuilder, CapChainInfo};
use uabi_linux::vfio::*;
use uabi::{decode_argsz, decode_argsz_sized, encode_counted, encode_info, Errno, Error, Extensible, InfoCaps, InfoReply, SimMemory};
use zerocopy::{FromBytes, IntoBytes};

const BASE: u64 = 0x7000_0000;

#[test]
fn minsz_is_linuxs_minsz() {
    // Each is `offsetofend(struct, last field of the first version)` in Linux's handlers.
    assert_eq!(VfioDeviceInfo::MINSZ, 16); // num_irqs
    assert_eq!(VfioRegionInfo::MINSZ, 32); // offset
    assert_eq!(VfioIrqInfo::MINSZ, 16); // count
    assert_eq!(VfioIommuType1Info::MINSZ, 16); // iova_pgsizes
    assert_eq!(VfioIommuType1DmaMap::MINSZ, 32); // size
    assert_eq!(VfioDeviceBindIommufd::MINSZ, 16); // out_devid
    assert_eq!(size_of::<VfioDeviceBindIommufd>(), 24); // token_uuid_ptr
    assert_eq!(VfioDeviceInfo::default().argsz as usize, size_of::<VfioDeviceInfo>());
}

#[test]
fn vfio_base_plus_12_is_three_ioctls_on_three_file_descriptors() {
    let plus_12: Vec<_> = IOCTLS.iter().filter(|e| e.request == VFIO_IOMMU_GET_INFO.request()).collect();
    let namespaces: Vec<_> = plus_12.iter().map(|e| e.namespace).collect();
    assert_eq!(plus_12.len(), 3, "{plus_12:?}");
    assert!(namespaces.contains(&"container") && namespaces.contains(&"device"), "{namespaces:?}");
    #[cfg(any(target_arch = "x86_64", target_arch = "aarch64", target_arch = "s390x"))]
    assert_eq!(VFIO_DEVICE_GET_INFO.request(), 0x3b6b);
}

fn user(bytes: &mut [u8]) -> SimMemory<'_> {
    SimMemory::new(BASE, bytes)
}

#[test]
fn output_structs_ignore_the_callers_flags_input_structs_refuse_unknown_ones() {
    // VFIO_DEVICE_GET_INFO reads only argsz: whatever the caller left in `flags` is not refused.
    let info = VfioDeviceInfo { flags: 0xdead_beef, ..Default::default() };
    let mut buf = info.as_bytes().to_vec();
    let got = decode_argsz::<VfioDeviceInfo, _>(&user(&mut buf), BASE).unwrap();
    assert_eq!(got.value.flags, 0xdead_beef);

    // VFIO_IOMMU_MAP_DMA is input: an unknown flag is EINVAL.
    let map = VfioIommuType1DmaMap { flags: VFIO_DMA_MAP_FLAG_READ | 1 << 20, ..Default::default() };
    let mut buf = map.as_bytes().to_vec();
    let err = decode_argsz::<VfioIommuType1DmaMap, _>(&user(&mut buf), BASE).unwrap_err();
    assert_eq!(err, Error::UnknownFlags { unknown: 1 << 20 });
    assert_eq!(err.errno(), Errno::Inval);

    // And argsz below minsz is EINVAL for both.
    let short = VfioDeviceInfo { argsz: 12, ..Default::default() };
    let mut buf = short.as_bytes().to_vec();
    assert_eq!(decode_argsz::<VfioDeviceInfo, _>(&user(&mut buf), BASE).unwrap_err().errno(), Errno::Inval);
}

#[test]
fn bind_iommufd_decodes_the_newest_size_with_its_token() {
    // The 2025 Linux fix: VFIO_DEVICE_BIND_IOMMUFD must compare the caller's tail against the
    // full size the kernel knows (24), not minsz (16), or every caller passing a token gets E2BIG.
    let bind = VfioDeviceBindIommufd {
        argsz: 24,
        flags: VFIO_DEVICE_BIND_FLAG_TOKEN,
        iommufd: 3,
        out_devid: 0,
        token_uuid_ptr: 0x1000,
    };
    let mut buf = bind.as_bytes().to_vec();
    let got = decode_argsz_sized::<VfioDeviceBindIommufd, _>(&user(&mut buf), BASE).unwrap();
    assert_eq!(got.value, bind);

    // An older caller (16 bytes) is zero-extended; a newer one with a non-zero unknown tail is E2BIG.
    let mut old = bind;
    old.argsz = 16;
    old.flags = 0;
    let mut buf = old.as_bytes()[..16].to_vec();
    assert_eq!(decode_argsz_sized::<VfioDeviceBindIommufd, _>(&user(&mut buf), BASE).unwrap().value.token_uuid_ptr, 0);
    let mut newer = bind.as_bytes().to_vec();
    newer[..4].copy_from_slice(&32u32.to_ne_bytes());
    newer.extend_from_slice(&[0, 0, 0, 0, 1, 0, 0, 0]);
    assert_eq!(decode_argsz_sized::<VfioDeviceBindIommufd, _>(&user(&mut newer), BASE).unwrap_err().errno(), Errno::TooBig);
}

/// Kernel side of VFIO_DEVICE_GET_REGION_INFO for a BAR with two mmap-able areas.
fn region_info_reply(user_mem: &mut SimMemory<'_>, argsz: usize) -> InfoReply {
    let ksize = size_of::<VfioRegionInfo>();
    let info = VfioRegionInfo {
        argsz: argsz as u32,
        flags: VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_MMAP,
        index: VFIO_PCI_BAR0_REGION_INDEX,
        size: 0x10000,
        offset: 0,
        ..Default::default()
    };
    let cap = VfioRegionInfoCapSparseMmap { nr_areas: 2, ..Default::default() };
    let areas = [
        VfioRegionSparseMmapArea { offset: 0, size: 0x1000 },
        VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 },
    ];
    // The capability's flexible array follows its fixed part, as vfio_info_add_capability lays it.
    let mut payload = cap.as_bytes()[8..].to_vec();
    payload.extend_from_slice(areas.as_bytes());
    let mut chain_buf = vec![0u8; ksize + 256];
    let mut builder = CapChainBuilder::new(&mut chain_buf, ksize);
    builder.add_raw(VfioRegionInfoCapSparseMmap::ID, VfioRegionInfoCapSparseMmap::VERSION, &payload).unwrap();
    let chain = builder.chain().unwrap().to_vec();
    let caps = InfoCaps {
        flag: VFIO_REGION_INFO_FLAG_CAPS as u64,
        cap_offset: <VfioRegionInfo as CapChainInfo>::CAP_OFFSET,
        chain: &chain,
    };
    encode_info(user_mem, BASE, argsz, &info, caps).unwrap()
}

use uabi::Capability;

#[test]
fn region_info_with_sparse_mmap_two_call_negotiation() {
    let ksize = size_of::<VfioRegionInfo>();
    // First call: the user passes only the struct; the kernel reports the size it needs.
    let mut first = vec![0u8; ksize];
    let needed = match region_info_reply(&mut user(&mut first), ksize) {
        InfoReply::NeedMore { needed } => needed,
        other => panic!("expected NeedMore, got {other:?}"),
    };
    let reply = VfioRegionInfo::read_from_bytes(&first).unwrap();
    assert_eq!(reply.argsz as usize, needed);
    assert_ne!(reply.flags & VFIO_REGION_INFO_FLAG_CAPS, 0);
    assert_eq!(reply.cap_offset, 0, "no chain was written");
    assert_eq!(needed, ksize + 8 + 8 + 2 * 16);

    // Second call with the reported size: the chain arrives and the walker finds the areas.
    let mut second = vec![0u8; needed];
    assert_eq!(region_info_reply(&mut user(&mut second), needed), InfoReply::Complete { len: needed });
    let reply = VfioRegionInfo::read_from_bytes(&second[..ksize]).unwrap();
    assert_eq!(reply.cap_offset as usize, ksize);
    let cap = CapChain::for_info::<VfioRegionInfo>(&second)
        .map(Result::unwrap)
        .find(|c| c.id == VFIO_REGION_INFO_CAP_SPARSE_MMAP)
        .expect("the sparse mmap capability is in the chain");
    let fixed = cap.read::<VfioRegionInfoCapSparseMmap>().unwrap().unwrap();
    assert_eq!(fixed.nr_areas, 2);
    let fixed_len = size_of::<VfioRegionInfoCapSparseMmap>();
    let (areas, _) =
        <[VfioRegionSparseMmapArea]>::ref_from_prefix_with_elems(&cap.bytes[fixed_len..], fixed.nr_areas as usize).unwrap();
    assert_eq!(areas[1], VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 });
}

#[test]
fn hot_reset_info_too_small_is_enospc_with_the_count() {
    let devices = [
        VfioPciDependentDevice { segment: 0, bus: 3, devfn: 0, ..Default::default() },
        VfioPciDependentDevice { segment: 0, bus: 3, devfn: 1, ..Default::default() },
    ];
    let hdr = VfioPciHotResetInfo { argsz: 0, flags: 0, count: 0, devices: [] };
    let argsz = size_of::<VfioPciHotResetInfo>();
    let mut buf = vec![0u8; argsz];
    let err = encode_counted(&mut user(&mut buf), BASE, argsz, &hdr, &devices).unwrap_err();
    assert_eq!(err.errno(), Errno::NoSpc);
    assert_eq!(VfioPciHotResetInfo::read_from_bytes(&buf).unwrap().count, 2, "the count tells the caller what to allocate");

    let argsz = argsz + 2 * size_of::<VfioPciDependentDevice>();
    let mut buf = vec![0u8; argsz];
    assert_eq!(encode_counted(&mut user(&mut buf), BASE, argsz, &hdr, &devices), Ok(argsz));
}

#[test]
fn migration_states_convert_and_unknown_ones_are_einval() {
    assert_eq!(VfioDeviceMigState::try_from(2), Ok(VfioDeviceMigState::Running));
    assert_eq!(VfioDeviceMigState::try_from(100).unwrap_err().errno(), Errno::Inval);
}
