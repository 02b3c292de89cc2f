// A nested header module in a file of its own.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "asm/x.h")]
    pub mod a;
}

fn main() {}
