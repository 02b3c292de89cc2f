#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Region {
        pub index: u32,
        pub size: u64,
    }
}

fn main() {}
