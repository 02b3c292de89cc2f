// A C macro calls other C macros of its module by name, not paths.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_MAX(a: u32) -> u32 {
        core::cmp::max(a, 1)
    }
}

fn main() {}
