// An unknown argument of `#[uabi::abi]`.
#[uabi::abi(header = "test/x.h", packed = true)]
pub mod x {
    pub const A: u32 = 1;
}

fn main() {}
