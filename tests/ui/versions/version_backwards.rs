#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
        #[uabi(since = 2)]
        pub caps: u32,
        #[uabi(since = 1)]
        pub count: u32,
    }
}

fn main() {}
