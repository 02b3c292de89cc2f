#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Read {
        pub buf: *const u8,
        pub len: u64,
    }
}

fn main() {}
