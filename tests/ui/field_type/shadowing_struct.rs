// A type of the module named like an integer would change what every `u32` field means.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[allow(non_camel_case_types)]
    pub struct u32 {
        pub lo: u16,
        pub hi: u16,
    }
}

fn main() {}
