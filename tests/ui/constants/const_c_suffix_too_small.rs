// A value no literal with the suffix holds on 32-bit architectures.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_suffix = "UL")]
    pub const A: u64 = 1 << 40;
}

fn main() {}
