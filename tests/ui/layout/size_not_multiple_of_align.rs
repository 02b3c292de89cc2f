#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Region {
        pub size: u64,
        pub index: u32,
    }
}

fn main() {}
