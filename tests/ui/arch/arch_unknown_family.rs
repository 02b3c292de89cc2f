// `arch` takes Linux's arch/ directory names.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = amd64)]
    pub struct Regs {
        pub a: u64,
    }
}

fn main() {}
