//! The definition language end to end: the golden module that uses every construct is compiled
//! here by rustc (on every target of the cross-architecture check, since this test is part of
//! `cargo check --tests --target ..`), and its generated items behave as documented.

// `EV_BASE + 0` mirrors how VFIO writes its first ioctl.
#[allow(clippy::identity_op)]
// Only some of its items are used here; the rest would be dead code, as in any module.
#[allow(dead_code)]
mod golden {
    include!("../../model/tests/golden/everything.rs");
}
use golden::everything;

use everything::*;
use uabi::{AbiType, Capability, Extensible, FieldSpan, FlexArray, Gate, Version};
use zerocopy::{FromBytes, IntoBytes};

#[test]
fn argsz_struct_defaults_to_its_own_size() {
    let info = EvInfo::default();
    assert_eq!(info.argsz as usize, core::mem::size_of::<EvInfo>());
    assert_eq!(info.argsz, 32);
    assert!(info.as_bytes()[4..].iter().all(|b| *b == 0));
}

#[test]
fn versions_minsz_and_known_flags() {
    assert_eq!(
        EvInfo::VERSIONS,
        &[
            Version { number: 1, size: 16, known_flags: EV_FLAGS_RESET as u64 },
            Version { number: 2, size: 32, known_flags: (EV_FLAGS_RESET | EV_FLAGS_CAPS | EV_FLAGS_HIGH) as u64 },
        ]
    );
    assert_eq!(EvInfo::MINSZ, 16);
    assert_eq!((EvInfo::SIZE_VER1, EvInfo::SIZE_VER2), (16, 32));
    assert_eq!(EvInfo::ARGSZ, Some(FieldSpan { offset: 0, size: 4 }));
    assert_eq!(EvInfo::FLAGS, Some(FieldSpan { offset: 4, size: 4 }));
    assert_eq!(EvInfo::RESERVED, &[FieldSpan { offset: 20, size: 4 }]);
    assert_eq!(EvInfo::GATED, &[Gate { flag: EV_FLAGS_CAPS as u64, field: FieldSpan { offset: 16, size: 4 } }]);
    assert_eq!(EV_FLAGS_HIGH, 0x8000_0000u32);
    assert_eq!(EvInfo::C_NAME, "ev_info");
}

#[test]
fn unions_are_byte_safe_and_compare_by_bytes() {
    let info = EvInfo { id: EvId { devid: 0x1234_5678 }, ..Default::default() };
    // Every member spans the union, so reading another member is reading the same bytes.
    assert_eq!(unsafe { info.id.group_id }, 0x1234_5678);
    assert_eq!(info.id.as_bytes(), &0x1234_5678u32.to_ne_bytes());
    assert_eq!(EvId { group_id: 7 }, EvId { devid: 7 });
    assert_ne!(EvId { group_id: 7 }, EvId { devid: 8 });
    assert_eq!(EvId::default().as_bytes(), &[0; 4]);
    assert!(format!("{:?}", EvId { devid: 1 }).contains("ev_id"));
    let back = EvInfo::read_from_bytes(info.as_bytes()).unwrap();
    assert_eq!(back, info);
}

#[test]
fn enums_convert_and_refuse_unknown_values_with_einval() {
    assert_eq!(EvState::try_from(5), Ok(EvState::RunningP2p));
    assert_eq!(u32::from(EvState::Stop), 1);
    let err = EvState::try_from(2).unwrap_err();
    assert_eq!(err, uabi::Error::InvalidValue { value: 2 });
    assert_eq!(err.errno(), uabi::Errno::Inval);
}

#[test]
fn aligned_u64_makes_the_struct_8_aligned_everywhere() {
    assert_eq!(core::mem::align_of::<EvCapRange>(), 8);
    assert_eq!(core::mem::size_of::<EvCapRange>(), 24);
    assert_eq!((EvCapRange::ID, <EvCapRange as Capability>::VERSION), (3, 1));
}

#[test]
fn flexible_array_members() {
    assert_eq!(core::mem::size_of::<EvSet>(), 8);
    assert_eq!(<EvSet as FlexArray>::FLEX_OFFSET, 8);
    assert_eq!(<EvSet as FlexArray>::COUNT, Some(FieldSpan { offset: 4, size: 4 }));
    assert_eq!(core::mem::align_of::<<EvSet as FlexArray>::Elem>(), core::mem::align_of::<u64>());
}

#[test]
fn ioctls_and_their_table() {
    // _IO(';', 100): type 0x3b in bits 8..15, number in bits 0..7, no direction, no size.
    let expected_io = uabi::ioctl::Ioctl::<()>::io(0x3b, 100).request();
    assert_eq!(EV_GET_INFO.request(), expected_io);
    assert_eq!(EV_SAME_NUMBER_OTHER_FD.request(), expected_io);
    assert_eq!(EV_SET.size() as usize, core::mem::size_of::<EvCapHeader>());
    assert_eq!(EV_SET.dir(), uabi::ioctl::Dir::ReadWrite);
    let names: Vec<_> = IOCTLS.iter().map(|e| (e.name, e.namespace)).collect();
    // The table of the target's family: `EV_X86_ONLY` is on x86 only.
    let mut expected = vec![("EV_GET_INFO", "device"), ("EV_SAME_NUMBER_OTHER_FD", "container"), ("EV_SET", "default"), ("EV_GET_REGS", "default")];
    if cfg!(any(target_arch = "x86", target_arch = "x86_64")) {
        expected.push(("EV_X86_ONLY", "default"));
    }
    assert_eq!(names, expected);
    // `ev_arch_regs` is laid out per family, and so is the size in `EV_GET_REGS`'s number.
    assert_eq!(EV_GET_REGS.size() as usize, core::mem::size_of::<EvArchRegs>());
    assert_eq!(IOCTLS[2].request, EV_SET.request());
    #[cfg(any(target_arch = "x86_64", target_arch = "x86", target_arch = "aarch64"))]
    assert_eq!(EV_GET_INFO.request(), 0x3b64);
}

#[test]
fn info_structs_locate_their_capability_chain() {
    use uabi::cap_chain::CapChainInfo;
    assert_eq!(<EvInfo as CapChainInfo>::CAP_OFFSET, FieldSpan { offset: 16, size: 4 });
    assert_eq!(<EvInfo as CapChainInfo>::CAPS_FLAG, Some(EV_FLAGS_CAPS as u64));
}
