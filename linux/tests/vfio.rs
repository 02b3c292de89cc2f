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
    // The areas are copied out one by one: nothing is borrowed from the Vec<u8> as a struct,
    // so its alignment does not matter.
    let sparse = cap.read_flex::<VfioRegionInfoCapSparseMmap>().unwrap().expect("a sparse-mmap capability");
    assert_eq!(sparse.header().nr_areas, 2);
    let areas: Vec<_> = sparse.iter().collect();
    assert_eq!(
        areas,
        [VfioRegionSparseMmapArea { offset: 0, size: 0x1000 }, VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 }]
    );
    assert_eq!(sparse.get(2), None);
}

/// The INFO buffer of a region whose sparse-mmap capability claims `nr_areas` areas but
/// carries `present` of them, built as the kernel lays it out, placed `shift` bytes into a
/// larger allocation from an 8-aligned address (so that a `shift` of 1 leaves every 8-byte field
/// misaligned in memory).
fn sparse_reply(nr_areas: u32, present: usize, shift: usize) -> (Vec<u8>, std::ops::Range<usize>) {
    let ksize = size_of::<VfioRegionInfo>();
    let mut payload = VfioRegionInfoCapSparseMmap { nr_areas, ..Default::default() }.as_bytes()[8..].to_vec();
    for i in 0..present as u64 {
        payload.extend_from_slice(VfioRegionSparseMmapArea { offset: i << 12, size: 0x1000 + i }.as_bytes());
    }
    let mut chain = vec![0u8; ksize + 8 + payload.len() + 8];
    let mut b = CapChainBuilder::new(&mut chain, ksize);
    b.add_raw(VfioRegionInfoCapSparseMmap::ID, VfioRegionInfoCapSparseMmap::VERSION, &payload).unwrap();
    let (first, needed) = b.finish();
    let info = VfioRegionInfo {
        argsz: needed as u32,
        flags: VFIO_REGION_INFO_FLAG_CAPS,
        index: 0,
        cap_offset: first,
        ..Default::default()
    };
    chain[..ksize].copy_from_slice(info.as_bytes());
    // A byte vector may start at any address (Miri picks them at random): the reply starts
    // `shift` bytes past the first 8-aligned address of the allocation.
    let mut store = vec![0xeeu8; 8 + shift + needed];
    let start = (8 - store.as_ptr() as usize % 8) % 8 + shift;
    store[start..start + needed].copy_from_slice(&chain[..needed]);
    (store, start..start + needed)
}

fn sparse_cap(buf: &[u8]) -> uabi::RawCap<'_> {
    CapChain::for_info::<VfioRegionInfo>(buf).next().expect("one capability").expect("a well-formed chain")
}

#[test]
fn sparse_mmap_areas_read_from_a_misaligned_buffer() {
    let (store, range) = sparse_reply(3, 3, 1);
    let buf = &store[range];
    assert_ne!(buf.as_ptr() as usize % 8, 0, "the test needs a misaligned buffer");
    let cap = sparse_cap(buf);
    // Borrowing the capability in place is refused for a misaligned buffer...
    assert_eq!(cap.parse::<VfioRegionInfoCapSparseMmap>(), Err(Error::BadCapabilityChain { offset: 32 }));
    // ...copying it out works, areas included.
    let sparse = cap.read_flex::<VfioRegionInfoCapSparseMmap>().unwrap().unwrap();
    assert_eq!(sparse.len(), 3);
    let sizes: Vec<u64> = sparse.iter().map(|a| a.size).collect();
    assert_eq!(sizes, [0x1000, 0x1001, 0x1002]);
    assert_eq!(sparse.get(2), Some(VfioRegionSparseMmapArea { offset: 0x2000, size: 0x1002 }));
}

#[test]
fn an_area_count_that_overruns_the_capability_is_einval() {
    // Claims 3 areas, carries 2: 16 bytes short.
    let (store, range) = sparse_reply(3, 2, 0);
    let buf = &store[range];
    let err = sparse_cap(buf).read_flex::<VfioRegionInfoCapSparseMmap>().unwrap_err();
    assert_eq!(err, Error::OutOfBounds { offset: 32 + 16, len: 3 * 16, limit: buf.len() });
    assert_eq!(err.errno(), Errno::Inval);
    // A count whose byte size overflows usize on 32-bit targets and overruns everywhere.
    let (store, range) = sparse_reply(u32::MAX, 1, 3);
    let err = sparse_cap(&store[range]).read_flex::<VfioRegionInfoCapSparseMmap>().unwrap_err();
    assert!(matches!(err, Error::OutOfBounds { offset: 48, .. }), "{err:?}");
    // The same accessor on the IOVA ranges of VFIO_IOMMU_GET_INFO: a count with no ranges.
    let mut payload = VfioIommuType1InfoCapIovaRange { nr_iovas: 1, ..Default::default() }.as_bytes()[8..].to_vec();
    payload.truncate(8);
    let mut buf = vec![0u8; 16 + 16];
    let mut b = CapChainBuilder::new(&mut buf, 16);
    b.add_raw(VfioIommuType1InfoCapIovaRange::ID, VfioIommuType1InfoCapIovaRange::VERSION, &payload).unwrap();
    let cap = CapChain::new(&buf, 16).next().unwrap().unwrap();
    let err = cap.read_flex::<VfioIommuType1InfoCapIovaRange>().unwrap_err();
    assert_eq!(err, Error::OutOfBounds { offset: 32, len: 16, limit: 32 });
}

#[test]
fn iova_ranges_are_read_by_value() {
    let ranges = [VfioIovaRange { start: 0, end: 0xfedf_ffff }, VfioIovaRange { start: 0xfef0_0000, end: (1 << 48) - 1 }];
    let mut payload = VfioIommuType1InfoCapIovaRange { nr_iovas: 2, ..Default::default() }.as_bytes()[8..].to_vec();
    payload.extend_from_slice(ranges.as_bytes());
    let mut store = [0u8; 3 + 16 + 48];
    let buf = &mut store[3..];
    let mut b = CapChainBuilder::new(buf, 16);
    b.add_raw(VfioIommuType1InfoCapIovaRange::ID, VfioIommuType1InfoCapIovaRange::VERSION, &payload).unwrap();
    let cap = CapChain::new(buf, 16).next().unwrap().unwrap();
    let iovas = cap.read_flex::<VfioIommuType1InfoCapIovaRange>().unwrap().unwrap();
    assert_eq!(iovas.iter().collect::<Vec<_>>(), ranges);
    // Another capability id is not read as IOVA ranges (ids are per INFO ioctl: the
    // sparse-mmap capability of region info is id 1 too, so use the migration one).
    assert!(cap.read_flex::<VfioIommuType1InfoCapIovaRange>().unwrap().is_some());
    let mut other = vec![0u8; 16 + 32];
    CapChainBuilder::new(&mut other, 16).add_raw(VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION, 1, &payload[..8]).unwrap();
    let cap = CapChain::new(&other, 16).next().unwrap().unwrap();
    assert!(cap.read_flex::<VfioIommuType1InfoCapIovaRange>().unwrap().is_none());
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

#[test]
fn driver_helpers_bound_payloads_strings_and_choices() {
    // add_flex lays out a flexible capability exactly as add_raw with a hand-built payload.
    let areas = [VfioRegionSparseMmapArea { offset: 0, size: 0x1000 }, VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 }];
    let mut by_hand = VfioRegionInfoCapSparseMmap { nr_areas: 2, ..Default::default() }.as_bytes()[8..].to_vec();
    by_hand.extend_from_slice(areas.as_bytes());
    let (mut a, mut b) = (vec![0u8; 128], vec![0u8; 128]);
    CapChainBuilder::new(&mut a, 32).add_raw(VfioRegionInfoCapSparseMmap::ID, 1, &by_hand).unwrap();
    CapChainBuilder::new(&mut b, 32).add_flex(&VfioRegionInfoCapSparseMmap::default(), &areas).unwrap();
    assert_eq!(a, b);

    // A feature payload must lie inside argsz: EINVAL otherwise, checked before any access.
    let mut buf = VfioDeviceFeature { argsz: 16, flags: 0, data: [] }.as_bytes().to_vec();
    buf.extend_from_slice(VfioDeviceFeatureMigState { device_state: 2, data_fd: -1 }.as_bytes());
    let got = uabi::decode_payload::<VfioDeviceFeature, VfioDeviceFeatureMigState, _>(&user(&mut buf), BASE, 16).unwrap();
    assert_eq!(got.device_state, 2);
    let err = uabi::decode_payload::<VfioDeviceFeature, VfioDeviceFeatureMigState, _>(&user(&mut buf), BASE, 15).unwrap_err();
    assert_eq!(err.errno(), Errno::Inval);
    assert_eq!(uabi::encode_payload::<VfioDeviceFeature, _, _>(&mut user(&mut buf), BASE, 12, &got).unwrap_err().errno(), Errno::Inval);

    // strndup_user: the string, EFAULT before its NUL, EINVAL when too long.
    let mut name = b"0000:00:01.0\0".to_vec();
    let mut out = [0u8; 64];
    assert_eq!(uabi::read_cstr(&user(&mut name), BASE, &mut out), Ok(&b"0000:00:01.0"[..]));
    assert_eq!(uabi::read_cstr(&user(&mut name[..4]), BASE, &mut out).unwrap_err().errno(), Errno::Fault);
    assert_eq!(uabi::read_cstr(&user(&mut name), BASE, &mut out[..4]).unwrap_err().errno(), Errno::Inval);

    // Exactly one of a set of flags.
    let types = VFIO_IRQ_SET_DATA_TYPE_MASK as u64;
    assert_eq!(uabi::one_flag_of((VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_MASK) as u64, types), Ok(VFIO_IRQ_SET_DATA_BOOL as u64));
    assert_eq!(uabi::one_flag_of(VFIO_IRQ_SET_ACTION_MASK as u64, types).unwrap_err().errno(), Errno::Inval);
    assert_eq!(uabi::one_flag_of((VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_NONE) as u64, types).unwrap_err().errno(), Errno::Inval);
    // Eventfds (4 bytes each) in a __u8 data[]: bounded by argsz, overflow refused.
    assert_eq!(uabi::flex_len_as::<VfioIrqSet, i32>(28, 2), Ok(8));
    assert!(uabi::flex_len_as::<VfioIrqSet, i32>(27, 2).is_err());
    assert!(uabi::flex_len_as::<VfioIrqSet, i32>(usize::MAX, usize::MAX / 2).is_err());
}
