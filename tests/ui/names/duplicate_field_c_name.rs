#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Event {
        pub r#type: u32,
        #[uabi(c_name = "type")]
        pub kind: u32,
    }
}

fn main() {}
