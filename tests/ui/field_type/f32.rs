#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Gain {
        pub channel: u32,
        pub level: f32,
    }
}

fn main() {}
