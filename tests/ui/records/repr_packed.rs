#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[repr(C, packed)]
    pub struct Header {
        pub kind: u32,
        pub len: u32,
    }
}

fn main() {}
