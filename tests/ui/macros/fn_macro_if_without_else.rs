// C's `?:` has two branches: so has the `if` of a C macro.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_MAYBE(a: u32) -> u32 {
        if a == 0 {
            1
        }
    }
}

fn main() {}
