// The include guard goes into `#ifndef`: it must be a C identifier (found by the
// `model_source` fuzz target).
#[uabi::abi(header = "test/x.h", guard = "_TEST_X]_H")]
pub mod x {
    pub struct Info {
        pub a: u32,
    }
}

fn main() {}
