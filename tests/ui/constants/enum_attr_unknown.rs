// `enum = ..` naming no enum of the module.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[uabi(enum = Missing)]
        pub state: u32,
    }
}

fn main() {}
