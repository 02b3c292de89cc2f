// A literal with a 128-bit suffix.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = 1u128 as u32;
}

fn main() {}
