// A 64-bit field misplaced among version 2 fields: the pad the help asks for is version 2 too
// (a pad of version 1 after version 2 fields would be refused), and the fix compiles.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
        #[uabi(since = 2)]
        pub count: u32,
        #[uabi(since = 2)]
        pub base: u64,
    }
}

fn main() {}
