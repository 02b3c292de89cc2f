// A range of no bits.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[bits { a: 0, b: 8 }]
        pub flags: u8,
    }
}

fn main() {}
