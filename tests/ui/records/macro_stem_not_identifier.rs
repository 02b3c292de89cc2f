// `macro_stem` that is no C identifier.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(first_version = 0, macro_stem = "PERF-ATTR")]
    pub struct Attr {
        pub a: u32,
    }
}

fn main() {}
