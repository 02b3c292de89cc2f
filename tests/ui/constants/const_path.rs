// A path to a constant elsewhere.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = core::u32::MAX;
}

fn main() {}
