// `argsz` is the size field only as the first field; elsewhere it would silently be a plain field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Default)]
    pub struct Info {
        pub flags: u32,
        pub argsz: u32,
    }
}

fn main() {}
