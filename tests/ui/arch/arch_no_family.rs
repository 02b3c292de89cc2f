// `arch()` with nothing in it.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch())]
    pub struct Regs {
        pub a: u64,
    }
}

fn main() {}
