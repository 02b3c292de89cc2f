// A capability cannot be inlined without a tag.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Header {
        pub id: u16,
        pub version: u16,
        pub next: u32,
    }
    #[uabi(anonymous, capability(id = 1, version = 1))]
    pub struct Cap {
        pub header: Header,
    }
}

fn main() {}
