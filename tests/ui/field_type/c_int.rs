#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Status {
        pub code: c_int,
        pub pad: u32,
    }
}

fn main() {}
