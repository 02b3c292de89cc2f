// `argsz` carries the struct's size as a `u32`, as Linux's `__u32 argsz`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        pub argsz: u64,
        pub flags: u64,
    }
}

fn main() {}
