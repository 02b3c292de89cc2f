#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Wrapper<T> {
        pub value: T,
    }
}

fn main() {}
