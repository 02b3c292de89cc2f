// The declared size field must be a `u32`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Cmd {
        #[uabi(size)]
        pub size: u64,
        pub flags: u64,
    }
}

fn main() {}
