// An enum represented by something else than a fixed-width integer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[repr(usize)]
    pub enum State {
        A = 0,
    }
}

fn main() {}
