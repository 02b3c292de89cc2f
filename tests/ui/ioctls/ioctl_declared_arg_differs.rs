// An `Ioctl<T>` whose `T` is not the sized argument.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const T: u8 = b'x';
    pub const X_SET: Ioctl<u64> = iow!(T, 1, u32);
}

fn main() {}
