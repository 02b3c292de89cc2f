// A header path with characters a path should not have.
#[uabi::abi(header = "test/x y.h")]
pub mod x {
    pub const A: u32 = 1;
}

fn main() {}
