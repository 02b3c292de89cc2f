#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct State {
        pub enabled: bool,
        pub pad: [u8; 3],
    }
}

fn main() {}
