// One size field per struct.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Cmd {
        #[uabi(size)]
        pub size: u32,
        #[uabi(size)]
        pub len: u32,
    }
}

fn main() {}
