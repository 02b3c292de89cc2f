// A C macro of integers: a float literal has no place in it.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_SCALE(a: u64) -> u64 {
        a * 2.5
    }
}

fn main() {}
