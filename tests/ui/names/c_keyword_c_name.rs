#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Policy {
        #[uabi(c_name = "default")]
        pub fallback: u32,
    }
}

fn main() {}
