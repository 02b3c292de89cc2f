// `argsz` in a later version than the first.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub a: u32,
        #[uabi(since = 2)]
        pub argsz: u32,
    }
}

fn main() {}
