// A field misplaced on arm64 only, where the struct it names is 16-aligned: the message names
// the family, and the pad the help asks for is right on every family.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = arm64)]
    pub struct Vregs {
        pub v: [u128; 2],
    }
    #[uabi(arch = x86)]
    pub struct Vregs {
        pub v: [u64; 4],
    }
    #[uabi(arch(x86, arm64))]
    pub struct Regs {
        pub pc: u64,
        pub vregs: Vregs,
    }
}

fn main() {}
