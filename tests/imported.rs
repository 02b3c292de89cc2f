//! The module `uabi import` writes is Rust that rustc compiles, not only text the model
//! accepts: the reviewed snapshot of the import of `gen/cmd/tests/import/include/demo/import.h`
//! (re-blessed by `gen/cmd/tests/import.rs`) is a module of this test, expanded by the
//! attribute, and its types have the original header's layout on this target (the offsets
//! below are libclang's for the C header on x86_64 and aarch64, which the import's round trip
//! checks on the C side).

// The whole header is imported; the test uses only part of it.
#[allow(dead_code)]
#[path = "../gen/cmd/tests/import/demo_import.rs"]
mod imported;

use core::mem::{offset_of, size_of};
use imported::import::*;

#[test]
fn imported_records_have_the_original_layout() {
    assert_eq!(size_of::<DemoInfo>(), 24);
    assert_eq!(offset_of!(DemoInfo, size), 16, "after the 4-byte hole, now `__pad0`");
    assert_eq!(size_of::<DemoLegacy>(), 24, "`long` and the pointer as 8 bytes");
    assert_eq!(offset_of!(DemoLegacy, port), 16);
    assert_eq!(size_of::<DemoWire>(), 3, "packed: `len` at offset 1");
    assert_eq!(offset_of!(DemoWire, len), 1);
    assert_eq!(core::mem::align_of::<DemoWire>(), 1);
    assert_eq!((size_of::<DemoEvent>(), core::mem::align_of::<DemoEvent>()), (16, 1), "packed, every field at its natural offset");
    assert_eq!(size_of::<DemoBits>(), 8);
    assert_eq!(size_of::<DemoRun>(), if cfg!(target_arch = "aarch64") { 8 + 64 + 272 } else { 8 + 64 + 16 });
    assert_eq!(offset_of!(DemoRun, regs), 72);
    // `psw_mask` is s390's only.
    assert_eq!(size_of::<DemoVcpu>(), if cfg!(target_arch = "s390x") { 24 } else { 16 });
}

#[test]
fn imported_bitfields_flags_enums_and_ioctls_work() {
    let b = DemoBits { _bitfield_1: 0, other: 0 }.with_enabled(1).with_level(0xab).with_type(0x1234);
    assert_eq!((b.enabled(), b.mode(), b.level(), b.r#type()), (1, 0, 0xab, 0x1234));
    if cfg!(target_endian = "little") {
        assert_eq!(b._bitfield_1, 1 | 0xab << 8 | 0x1234 << 16, "C's allocation, from the least significant bit");
    }
    assert_eq!(DEMO_INFO_FLAG_RESET | DEMO_INFO_FLAG_CAPS, 3u32);
    assert_eq!(DEMO_BIG_FLAG, 1u64 << 40);
    assert_eq!(DEMO_MASK, !3u32);
    assert_eq!(DEMO_TYPE, b';');
    assert_eq!(DemoState::try_from(5u32).ok(), Some(DemoState::RunningP2p));
    assert!(DemoState::try_from(3u32).is_err());
    // asm-generic's encoding on the architectures this runs on: `_IOWR(';', 100, 24 bytes)`.
    if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
        assert_eq!(DEMO_GET_INFO.request(), 0xc018_3b64);
        assert_eq!(DEMO_RESET.request(), 0x3b65);
    }
    let info = DemoInfo::default();
    assert_eq!(info.argsz as usize, size_of::<DemoInfo>(), "`argsz` first is the language's size field");
}
