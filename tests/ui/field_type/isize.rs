#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Seek {
        pub offset: isize,
        pub whence: u32,
        pub pad: u32,
    }
}

fn main() {}
