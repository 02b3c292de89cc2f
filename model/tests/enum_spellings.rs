//! Enumerators of different enums may share a Rust name (`Max` in most of Linux's enums): each
//! is spelled in C from its own expression.

/// Found with Linux's `<linux/perf_event.h>`: the header's spellings were cached by Rust name,
/// so `PERF_COUNT_HW_MAX` got the expression of another enum's `Max` (and `PERF_CONTEXT_HV`
/// that of `PERF_SAMPLE_BRANCH_HV`).
#[test]
fn variants_named_alike_keep_their_own_values() {
    let src = r#"
#[uabi::abi(header = "linux/e.h")]
pub mod e {
    #[uabi(prefix = "A_")]
    pub enum A { One = 1, Max = 2 }
    #[uabi(prefix = "B_")]
    pub enum B { Hv = 1 << 2, Max = 10 }
    #[repr(u64)]
    #[uabi(prefix = "C_")]
    pub enum C { Hv = (-32i64) as u64, Max = (-4095i64) as u64 }
}
"#;
    let abis = uabi_model::abis_in_file(src).expect("the module is valid");
    let h = uabi_model::c::header(&abis[0], &uabi_model::c::Source { path: "e.rs" });
    for line in ["\tA_MAX = 2,", "\tB_HV = (1 << 2),", "\tB_MAX = 10,", "\tC_HV = (-32ULL),", "\tC_MAX = (-4095ULL),"] {
        assert!(h.contains(line), "{line} is missing from:\n{h}");
    }
}
