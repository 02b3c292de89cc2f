#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Key {
        pub code: u32,
        pub ch: char,
    }
}

fn main() {}
