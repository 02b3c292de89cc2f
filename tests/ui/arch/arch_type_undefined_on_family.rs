// A field names a struct that exists on x86 only, in a struct on every family.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub struct Regs {
        pub rip: u64,
    }
    pub struct Run {
        pub regs: Regs,
    }
}

fn main() {}
