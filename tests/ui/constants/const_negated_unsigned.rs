// Negating an unsigned value.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X: u32 = -1;
}

fn main() {}
