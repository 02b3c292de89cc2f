// A shift by the width of the type or more.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = 1 << 32;
}

fn main() {}
