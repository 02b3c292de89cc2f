// A function call.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = core::cmp::max(1, 2);
}

fn main() {}
