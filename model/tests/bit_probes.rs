//! The layout-check file's bit probes of a member whose bitfield unit is declared per family.

/// Found with Linux's `union perf_mem_data_src`, whose bits are declared in one order on
/// little-endian families and in the other on big-endian ones: the probes took the positions of
/// the first family's unit for every family, so each big-endian compiler disagreed with them.
/// Each layout of the member now gets its probes, under its families' condition.
#[test]
fn a_unit_declared_per_family_is_probed_per_family() {
    let src = r#"
#[uabi::abi(header = "linux/p.h")]
pub mod p {
    #[uabi(anonymous, arch(x86, s390))]
    pub struct Bits {
        #[bits { lo: 4, hi: 28 }]
        #[uabi(arch(x86))]
        pub bits: u32,
        #[bits { hi: 28, lo: 4 }]
        #[uabi(arch(s390))]
        pub bits: u32,
    }
    pub union Src {
        pub val: u32,
        #[uabi(anonymous, arch(x86, s390))]
        pub b: Bits,
    }
}
"#;
    let abis = uabi_model::abis_in_file(src).expect("the module is valid");
    let c = uabi_model::c::layout_asserts(&abis[0]);
    let x86 = c.find("#if defined(__x86_64__) || defined(__i386__)\nconst struct { union src probe; unsigned char model[4]; } uabi_bits_src_lo");
    let s390 = c.find("#if defined(__s390__)\nconst struct { union src probe; unsigned char model[4]; } uabi_bits_src_lo");
    assert!(x86.is_some() && s390.is_some(), "each family's probe of `lo`, under its condition:\n{c}");
    // `lo` is the low 4 bits on both: byte 0 on little-endian x86, byte 3 on big-endian s390.
    let s390_probe = &c[s390.unwrap()..];
    let s390_probe = &s390_probe[..s390_probe.find("#endif\n#endif").unwrap()];
    assert!(s390_probe.contains("#if UABI_BIG_ENDIAN\n\t[3] = 0x0f\n"), "{s390_probe}");
}
