// A constant defined in terms of itself.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = B + 1;
    pub const B: u32 = A;
}

fn main() {}
