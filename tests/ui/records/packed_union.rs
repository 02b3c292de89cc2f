// A packed union: Rust could not hand out references to its members.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(packed)]
    pub union Arg {
        pub a: u64,
        pub b: u32,
    }
}

fn main() {}
