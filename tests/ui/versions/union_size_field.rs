// A union member marked as the size field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub union U {
        #[uabi(size)]
        pub size: u32,
    }
}

fn main() {}
