// An array of no elements.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub a: [u32; 0],
    }
}

fn main() {}
