// A where clause on a record.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S where u32: Copy {
        pub a: u32,
    }
}

fn main() {}
