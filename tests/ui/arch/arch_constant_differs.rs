// A constant with another value per family, used where both are.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub const N: u32 = 4;
    #[uabi(arch = arm64)]
    pub const N: u32 = 8;
    #[uabi(arch(x86, arm64))]
    pub const M: u32 = N + 1;
}

fn main() {}
