// A literal that does not fit the constant's type.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X: u8 = 256;
}

fn main() {}
