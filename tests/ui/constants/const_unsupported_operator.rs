// A comparison.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = (1 < 2) as u32;
}

fn main() {}
