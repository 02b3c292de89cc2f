#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub union Id {
        pub group: u32,
        pub handle: u64,
    }
}

fn main() {}
