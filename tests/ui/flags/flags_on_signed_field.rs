// Flags on a signed field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[flags { S_A = 1 }]
        pub flags: i32,
    }
}

fn main() {}
