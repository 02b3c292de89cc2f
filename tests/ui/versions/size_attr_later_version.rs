// The size field must be in the first version: a caller of every version has to say its size.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Cmd {
        pub flags: u32,
        pub pad: u32,
        #[uabi(since = 2, size)]
        pub size: u32,
        #[uabi(since = 2)]
        pub more: u32,
    }
}

fn main() {}
