//! Defects of the model that `uabi import` found on Linux's headers, kept as regression tests.

/// drm/drm.h: two enums each with a variant `Secondary` (`_DRM_STAT_SECONDARY = 11`,
/// `_DRM_VBLANK_SECONDARY = 0x20000000`). The C writer cached each value's spelling by the
/// Rust name, so the second enumerator was written with the first one's value.
#[test]
fn enumerators_of_two_enums_with_one_rust_name_keep_their_values() {
    let src = r#"
#[uabi::abi(header = "linux/e.h")]
pub mod e {
    #[repr(u32)]
    #[uabi(prefix = "STAT_")]
    pub enum Stat { Primary = 10, Secondary = 11 }
    #[repr(u32)]
    #[uabi(prefix = "VBLANK_")]
    pub enum Vblank { Secondary = 0x20000000 }
}
"#;
    let abis = uabi_model::abis_in_file(src).unwrap();
    let h = uabi_model::c::header(&abis[0], &uabi_model::c::Source { path: "e.rs" });
    assert!(h.contains("STAT_SECONDARY = 11,"), "{h}");
    assert!(h.contains("VBLANK_SECONDARY = 0x20000000,") || h.contains("VBLANK_SECONDARY = 536870912,"), "{h}");
}
