// `counted_by` naming a signed field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub n: i32,
        #[uabi(counted_by = n)]
        pub a: [u32],
    }
}

fn main() {}
