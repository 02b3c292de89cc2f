#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_TYPE: u8 = b';';

    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
    }

    #[uabi(namespace = device)]
    pub const X_GET_INFO: Ioctl<Info> = io!(X_TYPE, 7);
    #[uabi(namespace = device)]
    pub const X_RESET: Ioctl = io!(X_TYPE, 3 + 4);
}

fn main() {}
