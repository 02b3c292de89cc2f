// A bitfield named like another member of the struct.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        pub config: u32,
        #[bits { config: 1, rest: 31 }]
        pub flags: u32,
    }
}

fn main() {}
