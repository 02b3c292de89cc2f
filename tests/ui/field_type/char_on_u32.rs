// `char` on a field that is not a byte.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[uabi(char)]
        pub a: u32,
    }
}

fn main() {}
