#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Msg {
        pub kind: u8,
        pub len: u32,
    }
}

fn main() {}
