// A constant of another type per family, used where both are.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub const N: u32 = 1;
    #[uabi(arch = arm64)]
    pub const N: u64 = 1;
    #[uabi(arch(x86, arm64))]
    pub const M: u64 = N as u64;
}

fn main() {}
