// `c_long` spells a 64-bit field `unsigned long`: a `u32` is not one.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = arm64)]
    pub struct XRegs {
        #[uabi(c_long)]
        pub pc: u32,
        pub pad: u32,
    }
}

fn main() {}
