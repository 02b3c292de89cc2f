// Function-like C macros whose parameters or replacement C could not take.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro(a, int))]
    pub const X_KEYWORD: &str = "((a) + (int))";
    #[uabi(c_macro(a, a))]
    pub const X_TWICE: &str = "((a) + 1)";
    #[uabi(c_macro(a, b))]
    pub const X_UNUSED: &str = "((a) + 1)";
    #[uabi(c_macro(a))]
    pub const X_EMPTY: &str = " ";
    #[uabi(c_macro(a))]
    pub const X_LINES: &str = "((a)\n + 1)";
    #[uabi(c_macro(a))]
    pub const X_COMMENT: &str = "((a) /* one */ + 1)";
    #[uabi(c_macro(a))]
    pub const X_PARENS: &str = "((a) + 1";
}

fn main() {}
