#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct FooBar {
        pub a: u32,
    }

    #[uabi(c_name = "foo_bar")]
    pub struct Other {
        pub b: u32,
    }
}

fn main() {}
