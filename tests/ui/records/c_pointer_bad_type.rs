// The attribute names the pointee; the `*` is the one uabi adds.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Buf {
        #[uabi(c_pointer = "__u64 *")]
        pub data: u64,
    }
}

fn main() {}
