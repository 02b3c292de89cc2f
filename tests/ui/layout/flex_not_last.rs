#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Blob {
        pub count: u32,
        pub data: [u8],
        pub crc: u32,
    }
}

fn main() {}
