// `anonymous` on a field whose type is no record.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[uabi(anonymous)]
        pub a: u32,
    }
}

fn main() {}
