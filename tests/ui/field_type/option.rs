#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Limit {
        pub max: Option<u32>,
        pub pad: u32,
    }
}

fn main() {}
