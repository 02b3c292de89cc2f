// `long` is 32 bits on i386: a field of x86 cannot be `unsigned long` and 64 bits.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub struct XRegs {
        #[uabi(c_long)]
        pub pc: u64,
    }
}

fn main() {}
