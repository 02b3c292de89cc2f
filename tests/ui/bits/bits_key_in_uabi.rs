// `bits` is an attribute of its own, not a key of `#[uabi(..)]`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[uabi(bits = 1)]
        pub flags: u8,
    }
}

fn main() {}
