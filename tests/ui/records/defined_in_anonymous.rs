// `defined_in` on a record without a C tag.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(anonymous, defined_in = "asm/ptrace.h")]
    pub struct Regs {
        pub a: u64,
    }
}

fn main() {}
