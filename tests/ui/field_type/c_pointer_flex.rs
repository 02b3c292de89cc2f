// A flexible array declared where it cannot be (not last: its own refusal; inside an array here).
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub a: [[u32]; 2],
    }
}

fn main() {}
