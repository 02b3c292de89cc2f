#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Policy {
        pub class: u32,
    }
}

fn main() {}
