#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Buf {
        pub addr: u64,
        pub len: usize,
    }
}

fn main() {}
