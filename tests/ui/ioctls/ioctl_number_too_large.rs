// An ioctl number that does not fit 8 bits.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const T: u8 = b'x';
    pub const X_GET: Ioctl = io!(T, 300);
}

fn main() {}
