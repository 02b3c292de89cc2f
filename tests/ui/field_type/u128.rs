#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Uuid {
        pub bits: u128,
    }
}

fn main() {}
