// A header path that does not end in `.h`.
#[uabi::abi(header = "test/x.hpp")]
pub mod x {
    pub const A: u32 = 1;
}

fn main() {}
