// The integer beside the pointer is named `<field>_u64` in C: no other field may be.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Buf {
        #[uabi(c_pointer = "__u64")]
        pub data: u64,
        pub data_u64: u64,
    }
}

fn main() {}
