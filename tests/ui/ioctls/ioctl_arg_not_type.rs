// A sized ioctl whose argument is not a type.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const T: u8 = b'x';
    pub const X_SET: Ioctl = iow!(T, 1, 4 + 4);
}

fn main() {}
