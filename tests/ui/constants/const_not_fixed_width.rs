// A constant of a type that is no fixed-width integer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u128 = 1;
}

fn main() {}
