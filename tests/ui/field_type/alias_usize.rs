// A type alias makes `u32` mean `usize`: the model reads `u32`, the compiler `usize`. Refused at
// the field on every target, not only where the sizes differ.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[allow(non_camel_case_types)]
    type u32 = usize;

    pub struct Buf {
        pub len: u32,
        pub pad: core::primitive::u32,
    }
}

fn main() {}
