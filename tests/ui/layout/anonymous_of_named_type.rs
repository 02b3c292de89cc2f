// An anonymous member whose type has a C tag.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub union U {
        pub a: u32,
    }
    pub struct S {
        #[uabi(anonymous)]
        pub u: U,
    }
}

fn main() {}
