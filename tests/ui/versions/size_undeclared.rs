// `size: u32` first is iommufd's size field; without `#[uabi(size)]` it would be a plain field,
// left 0 by `Default` and unseen by the decoders: refused until declared either way.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Cmd {
        pub size: u32,
        pub flags: u32,
    }
}

fn main() {}
