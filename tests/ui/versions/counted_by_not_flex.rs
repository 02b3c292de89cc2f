// `counted_by` on a field that is not the flexible array.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub n: u32,
        #[uabi(counted_by = n)]
        pub a: u32,
    }
}

fn main() {}
