// A float literal.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = 1.5;
}

fn main() {}
