// A capability whose first field is not the chain header the runtime walks.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Header {
        pub id: u32,
        pub next: u32,
    }
    #[uabi(capability(id = 1, version = 1))]
    pub struct Cap {
        pub header: Header,
        pub value: u64,
    }
}

fn main() {}
