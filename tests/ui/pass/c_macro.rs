// A function-like C macro (token pasting, as Linux's PERF_MEM_S): C gets `#define
// X_FIELD(a, s) ...`; Rust keeps the replacement as a string.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_LVL_SHIFT: u32 = 5;
    pub const X_LVL_HIT: u32 = 2;
    /// `X_FIELD(LVL, HIT)`: the value `X_LVL_HIT` shifted into its place.
    #[uabi(c_macro(a, s))]
    pub const X_FIELD: &str = "(((__u64)X_##a##_##s) << X_##a##_SHIFT)";
}

fn main() {
    assert_eq!(x::X_FIELD, "(((__u64)X_##a##_##s) << X_##a##_SHIFT)");
}
