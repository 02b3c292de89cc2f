// Operands of two types.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = 1u8 + 1u16;
}

fn main() {}
