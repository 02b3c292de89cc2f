// A capability that starts with an integer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(capability(id = 1, version = 1))]
    pub struct Cap {
        pub id: u32,
        pub next: u32,
    }
}

fn main() {}
