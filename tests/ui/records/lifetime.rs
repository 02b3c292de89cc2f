#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Borrowed<'a> {
        pub data: &'a [u8],
    }
}

fn main() {}
