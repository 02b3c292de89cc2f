// `c_suffix` takes C's integer suffixes.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_suffix = "UZ")]
    pub const A: u32 = 1;
}

fn main() {}
