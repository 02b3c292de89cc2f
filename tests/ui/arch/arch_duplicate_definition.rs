// One name twice on a family both copies claim.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch(x86, arm64))]
    pub struct Regs {
        pub a: u64,
    }
    #[uabi(arch = x86)]
    pub struct Regs {
        pub b: u64,
    }
}

fn main() {}
