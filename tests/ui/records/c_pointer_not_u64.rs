// `c_pointer` marks the 8 bytes that carry a user address: a `u32` cannot hold a 64-bit pointer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Buf {
        pub len: u32,
        #[uabi(c_pointer = "__u8")]
        pub data: u32,
    }
}

fn main() {}
