// A field with flags carries bits, not an address: it cannot also be a C pointer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Buf {
        #[uabi(c_pointer = "__u8")]
        #[flags { X_FLAG_A = 1 << 0 }]
        pub flags: u64,
    }
}

fn main() {}
