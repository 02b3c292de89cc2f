// The ranges need more bits than the unit has.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[bits { a: 4, b: 6 }]
        pub flags: u8,
    }
}

fn main() {}
