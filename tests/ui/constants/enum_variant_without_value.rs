#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(prefix = "X_MODE_")]
    pub enum Mode {
        Off = 0,
        On,
    }
}

fn main() {}
