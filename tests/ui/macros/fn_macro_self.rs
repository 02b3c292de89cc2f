// A C macro is a free function.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_SELF(self) -> u32 {
        0
    }
}

fn main() {}
