// An enum variant with data.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub enum State {
        A(u32) = 0,
    }
}

fn main() {}
