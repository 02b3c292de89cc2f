// A record that contains itself, through another.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct A {
        pub b: [B; 1],
    }
    pub struct B {
        pub a: A,
    }
}

fn main() {}
