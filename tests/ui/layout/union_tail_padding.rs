#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub union Tail {
        pub word: u32,
        pub bytes: [u8; 5],
    }
}

fn main() {}
