// A field carrying an enum that is not 32 bits.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub enum State {
        A = 0,
    }
    pub struct S {
        #[uabi(enum = State)]
        pub state: u8,
        pub pad: [u8; 3],
    }
}

fn main() {}
