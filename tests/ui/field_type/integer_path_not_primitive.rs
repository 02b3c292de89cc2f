// `x::u32` is not the primitive even if it is named like one.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Outer {
        pub a: self::u32,
    }
}

fn main() {}
