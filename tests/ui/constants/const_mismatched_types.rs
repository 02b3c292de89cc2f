// A `u64` constant used where a `u32` is expected, without a cast.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u64 = 1;
    pub const B: u32 = A + 1;
}

fn main() {}
