#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[repr(align(8))]
    pub struct Header {
        pub kind: u32,
        pub len: u32,
    }
}

fn main() {}
