//! The generated constants of the fixtures (`tests/fixtures/mod.rs`) equal the numbers written
//! down by hand in `tests/common/mod.rs`: the other tests compare the runtime's answers with
//! those numbers, so this is where a change of the macro's output, or of a fixture, shows first.

mod common;

use common::*;
use uabi::cap_chain::CapChainInfo;
use uabi::{AbiType, Capability, Extensible, FlexArray, SizePolicy};

#[test]
fn ext_versions() {
    assert_eq!(ExtV1::VERSIONS, &[VER1]);
    assert_eq!(ExtV2::VERSIONS, &[VER1, VER2]);
    assert_eq!(ExtV3::VERSIONS, &[VER1, VER2, VER3]);
    let sizes = [size_of::<ExtV1>(), size_of::<ExtV2>(), size_of::<ExtV3>()];
    assert_eq!(sizes, SIZES);
    let known = [ExtV3::VERSIONS[0].known_flags, ExtV3::VERSIONS[1].known_flags, ExtV3::VERSIONS[2].known_flags];
    assert_eq!(known, KNOWN.map(u64::from));
    assert_eq!((ext_v3::F_A, ext_v3::F_C, ext_v3::F_D), (F_A, F_C, F_D));
    assert_eq!((ext_v2::F_A, ext_v2::F_C, ext_v1::F_A), (F_A, F_C, F_A));
    assert_eq!((ExtV1::MINSZ, ExtV2::MINSZ, ExtV3::MINSZ), (16, 16, 16));
    assert_eq!((ExtV1::C_NAME, ExtV2::C_NAME, ExtV3::C_NAME), ("ext", "ext", "ext"));
}

#[test]
fn ext_fields() {
    assert_eq!((ExtV1::ARGSZ, ExtV2::ARGSZ, ExtV3::ARGSZ), (Some(ARGSZ), Some(ARGSZ), Some(ARGSZ)));
    assert_eq!((ExtV1::FLAGS, ExtV2::FLAGS, ExtV3::FLAGS), (Some(FLAGS), Some(FLAGS), Some(FLAGS)));
    assert_eq!(ExtV1::GATED, &[]);
    assert_eq!(ExtV2::GATED, &[GATE_C]);
    assert_eq!(ExtV3::GATED, &[GATE_C, GATE_D]);
    assert_eq!(ExtV1::RESERVED, &[]);
    assert_eq!(ExtV2::RESERVED, &[]);
    assert_eq!(ExtV3::RESERVED, &[RESERVED_V3]);
    for (output, policy) in [(ExtV1::OUTPUT, ExtV1::POLICY), (ExtV2::OUTPUT, ExtV2::POLICY), (ExtV3::OUTPUT, ExtV3::POLICY)] {
        assert_eq!((output, policy), (false, SizePolicy::Argsz));
    }
}

#[test]
fn bind_iommufd() {
    assert_eq!(VFIO_DEVICE_BIND_FLAG_TOKEN, BIND_TOKEN);
    assert_eq!(bind_iommufd_minsz::VFIO_DEVICE_BIND_FLAG_TOKEN, BIND_TOKEN);
    assert_eq!(BindIommufd::VERSIONS, &BIND_VERSIONS);
    assert_eq!((BindIommufd::MINSZ, size_of::<BindIommufd>()), (16, 24));
    assert_eq!((BindIommufd::ARGSZ, BindIommufd::FLAGS), (Some(ARGSZ), Some(FLAGS)));
    assert_eq!(BindIommufd::GATED, &[BIND_GATE_TOKEN]);
    assert_eq!(BindIommufd::RESERVED, &[]);
    assert_eq!(BindIommufd::POLICY, SizePolicy::SizedField);

    assert_eq!(BindIommufdMinsz::VERSIONS, &BIND_MINSZ_VERSIONS);
    assert_eq!((BindIommufdMinsz::MINSZ, size_of::<BindIommufdMinsz>()), (16, 16));
    // Flags are checked (a span), with the token known: see the fixture's comment.
    assert_eq!((BindIommufdMinsz::ARGSZ, BindIommufdMinsz::FLAGS), (Some(ARGSZ), Some(FLAGS)));
    assert_eq!((BindIommufdMinsz::GATED, BindIommufdMinsz::RESERVED), (&[][..], &[][..]));
    assert_eq!(BindIommufdMinsz::POLICY, SizePolicy::SizedField);
    assert_eq!((BindIommufd::C_NAME, BindIommufdMinsz::C_NAME), ("vfio_device_bind_iommufd", "vfio_device_bind_iommufd"));
}

#[test]
fn region_info() {
    assert_eq!((VFIO_REGION_INFO_FLAG_READ, VFIO_REGION_INFO_FLAG_CAPS), (1, REGION_FLAG_CAPS));
    assert_eq!(size_of::<RegionInfo>(), 32);
    assert_eq!(RegionInfo::VERSIONS, &REGION_VERSIONS);
    assert_eq!((RegionInfo::ARGSZ, RegionInfo::FLAGS), (Some(ARGSZ), Some(FLAGS)));
    assert_eq!(RegionInfo::RESERVED, &[]);
    // The hand-written fixture had no gate; `gated_by` is how the language names the CAPS
    // flag of the chain, and the gate lies inside `MINSZ`, so no decode changes.
    assert_eq!(RegionInfo::GATED, &[uabi::Gate { flag: REGION_FLAG_CAPS as u64, field: REGION_CAP_OFFSET }]);
    assert_eq!(RegionInfo::CAP_OFFSET, REGION_CAP_OFFSET);
    assert_eq!(RegionInfo::CAPS_FLAG, Some(REGION_FLAG_CAPS as u64));
    assert_eq!((RegionInfo::POLICY, RegionInfo::OUTPUT), (SizePolicy::Argsz, false));

    assert_eq!(size_of::<vfio::RegionTypeCap>(), 16);
    assert_eq!((vfio::RegionTypeCap::ID, vfio::RegionTypeCap::VERSION), (2, 1));
    assert_eq!(vfio::RegionTypeCap::C_NAME, "vfio_region_info_cap_type");
}

#[test]
fn device_info() {
    assert_eq!((VFIO_DEVICE_FLAGS_PCI, VFIO_DEVICE_FLAGS_CAPS), (1 << 1, DEVICE_FLAG_CAPS));
    assert_eq!(size_of::<DeviceInfo>(), 24);
    assert_eq!(DeviceInfo::VERSIONS, &DEVICE_VERSIONS);
    assert_eq!(DeviceInfo::MINSZ, 16);
    assert_eq!((DeviceInfo::ARGSZ, DeviceInfo::FLAGS), (Some(ARGSZ), Some(FLAGS)));
    assert_eq!(DeviceInfo::RESERVED, &[DEVICE_RESERVED]);
    // Not in the hand-written fixture: see `region_info`. Here the gate lies past `MINSZ`: a
    // version-1 caller (argsz 16) that sets CAPS is refused by the decoders.
    assert_eq!(DeviceInfo::GATED, &[uabi::Gate { flag: DEVICE_FLAG_CAPS as u64, field: DEVICE_CAP_OFFSET }]);
    assert_eq!(DeviceInfo::CAP_OFFSET, DEVICE_CAP_OFFSET);
    assert_eq!(DeviceInfo::CAPS_FLAG, Some(DEVICE_FLAG_CAPS as u64));
}

#[test]
fn test_cap_and_chain_structs() {
    assert_eq!(size_of::<TestCap>(), 16);
    assert_eq!(TestCap::C_NAME, "test_cap");
    assert_eq!(size_of::<vfio::InfoCapHeader>(), size_of::<uabi::CapHeader>());
    assert_eq!((size_of::<vfio::TestInfo>(), size_of::<vfio::TestDmaAvail>(), size_of::<vfio::TestSmall>()), (16, 16, 12));
    assert_eq!(vfio::TestInfo::VERSIONS, &[uabi::Version { number: 1, size: 16, known_flags: 1 }]);
    assert_eq!(vfio::TestInfo::RESERVED, &[span(12, 4)]);
    assert_eq!((vfio::TestInfo::CAP_OFFSET, vfio::TestInfo::CAPS_FLAG), (span(8, 4), Some(1)));
    assert_eq!((vfio::TestDmaAvail::ID, vfio::TestDmaAvail::VERSION), (3, 1));
    assert_eq!((vfio::TestSmall::ID, vfio::TestSmall::VERSION), (9, 2));
}

#[test]
fn flexible_arrays() {
    assert_eq!((size_of::<Dependent>(), Dependent::C_NAME), (8, "vfio_pci_dependent_device"));
    assert_eq!(size_of::<HotResetInfo>(), 12);
    assert_eq!(HotResetInfo::VERSIONS, &HOT_RESET_VERSIONS);
    assert_eq!((HotResetInfo::ARGSZ, HotResetInfo::FLAGS), (Some(ARGSZ), Some(FLAGS)));
    assert_eq!((HotResetInfo::GATED, HotResetInfo::RESERVED), (&[][..], &[][..]));
    assert_eq!((HotResetInfo::FLEX_OFFSET, HotResetInfo::COUNT), (12, Some(HOT_RESET_COUNT)));

    assert_eq!((size_of::<TinyList>(), TinyList::FLEX_OFFSET, TinyList::COUNT), (4, 4, Some(span(0, 1))));
    assert_eq!((size_of::<Blob>(), Blob::FLEX_OFFSET, Blob::COUNT), (4, 4, None));
    // No size field, no flags: read with the size beside the pointer.
    assert_eq!((TinyList::ARGSZ, TinyList::FLAGS, TinyList::POLICY), (None, None, SizePolicy::Sized));
    assert_eq!((Blob::ARGSZ, Blob::FLAGS, Blob::POLICY), (None, None, SizePolicy::Sized));
}

/// The benchmarks' two-version `vfio_region_info` (`bench/src/lib.rs`). The hand-written
/// struct it replaces said version 1 was 32 bytes with `MINSZ` overridden to 16; the language
/// derives `MINSZ` from the first version, so version 1 ends at `cap_offset`: the same `MINSZ`,
/// the same two reads in `decode_argsz`.
#[test]
fn bench_region_info() {
    use region_v2::RegionInfo;
    assert_eq!(size_of::<RegionInfo>(), 32);
    assert_eq!(
        RegionInfo::VERSIONS,
        &[uabi::Version { number: 1, size: 16, known_flags: 0x7 }, uabi::Version { number: 2, size: 32, known_flags: 0xf }]
    );
    assert_eq!(RegionInfo::MINSZ, 16);
    assert_eq!((RegionInfo::ARGSZ, RegionInfo::FLAGS, RegionInfo::RESERVED), (Some(ARGSZ), Some(FLAGS), &[][..]));
    assert_eq!(RegionInfo::GATED, &[uabi::Gate { flag: REGION_FLAG_CAPS as u64, field: REGION_CAP_OFFSET }]);
    assert_eq!((RegionInfo::CAP_OFFSET, RegionInfo::CAPS_FLAG), (REGION_CAP_OFFSET, Some(REGION_FLAG_CAPS as u64)));
    assert_eq!(region_v2::VFIO_REGION_INFO_FLAG_CAPS, REGION_FLAG_CAPS);
}
