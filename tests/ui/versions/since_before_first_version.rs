// A field older than its struct's first version.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(first_version = 2)]
    pub struct S {
        #[uabi(since = 1)]
        pub a: u32,
    }
}

fn main() {}
