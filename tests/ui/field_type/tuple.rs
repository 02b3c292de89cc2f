#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Range {
        pub bounds: (u32, u32),
    }
}

fn main() {}
