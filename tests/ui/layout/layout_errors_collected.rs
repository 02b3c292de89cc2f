// Layout mistakes are collected too: every gap, misplaced u64, short tail and short union member
// of the module in one compile, each with the offset, the size and the field to add.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Mixed {
        pub kind: u8,
        pub len: u32,
        pub index: u32,
        pub addr: u64,
        pub port: u16,
    }

    pub union Id {
        pub group: u32,
        pub handle: u64,
    }
}

fn main() {}
