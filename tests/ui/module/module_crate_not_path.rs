// `crate = ..` that is not a path.
#[uabi::abi(header = "test/x.h", crate = "1abc")]
pub mod x {
    pub const A: u32 = 1;
}

fn main() {}
