// A size policy on a union.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(policy = sized)]
    pub union U {
        pub a: u32,
    }
}

fn main() {}
