// `capability(..)` takes `id` and `version`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Header {
        pub id: u16,
        pub version: u16,
        pub next: u32,
    }
    #[uabi(capability(id = 1, size = 2))]
    pub struct Cap {
        pub header: Header,
    }
}

fn main() {}
