// A field limited to a family its struct does not exist on.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub struct Regs {
        pub a: u64,
        #[uabi(arch = arm64)]
        pub b: u64,
    }
}

fn main() {}
