// An ioctl constant whose type is not `Ioctl`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const T: u8 = b'x';
    pub const X_GET: u32 = io!(T, 1);
}

fn main() {}
