// A packed struct deriving `Debug` without `Copy`: the derive would borrow unaligned fields.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Debug, Default)]
    #[uabi(packed)]
    pub struct Msg {
        pub kind: u8,
        pub value: u64,
    }
}

fn main() {}
