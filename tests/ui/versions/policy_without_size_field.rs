// `perf` reads the size from the struct, which must then declare its size field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(policy = perf)]
    pub struct Attr {
        pub r#type: u32,
        pub len: u32,
    }
}

fn main() {}
