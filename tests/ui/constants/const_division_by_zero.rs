// Division by zero.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = 4 / 0;
}

fn main() {}
