#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(prefix = "X_STATE_")]
    pub enum State {
        Stopped = 0,
        Running = 1,
    }

    pub struct Device {
        pub state: State,
    }
}

fn main() {}
