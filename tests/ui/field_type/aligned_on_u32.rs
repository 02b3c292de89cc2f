// `aligned` on a field that is not 64-bit.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[uabi(aligned)]
        pub a: u32,
    }
}

fn main() {}
