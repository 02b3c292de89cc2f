// Bitfields in a signed unit.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[bits { a: 1, b: 31 }]
        pub flags: i32,
    }
}

fn main() {}
