// A constant named by another whose type is no fixed-width integer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const N: usize = 4;
    pub const M: u32 = N as u32;
}

fn main() {}
