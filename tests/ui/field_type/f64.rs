#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Rate {
        pub hz: f64,
    }
}

fn main() {}
