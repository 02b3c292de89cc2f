#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_TYPE: u8 = b';';

    pub struct Page {
        pub data: [u8; 8192],
    }

    pub const X_WRITE_PAGE: Ioctl<Page> = iow!(X_TYPE, 1, Page);
}

fn main() {}
