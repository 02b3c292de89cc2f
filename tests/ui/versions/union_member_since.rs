// A union member with a version.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub union U {
        #[uabi(since = 2)]
        pub a: u32,
    }
}

fn main() {}
