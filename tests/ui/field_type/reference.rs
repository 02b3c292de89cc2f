#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Out {
        pub result: &'static u32,
    }
}

fn main() {}
