// A bitfield unit that also declares flags.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[bits { a: 8 }]
        #[flags { X_A = 1 }]
        pub flags: u8,
    }
}

fn main() {}
