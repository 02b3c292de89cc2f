// An alias to another fixed-width integer would keep the struct byte-safe but not the layout
// the header promises: refused at the field, with the type it resolves to.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[allow(non_camel_case_types)]
    type u32 = u64;

    pub struct Buf {
        pub len: u32,
        pub pad: core::primitive::u32,
    }
}

fn main() {}
