// The expansion imports zerocopy and the integers under `__uabi_*` names: a user item may not
// take one.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[allow(non_camel_case_types)]
    pub type __uabi_u32 = u64;

    pub struct Pair {
        pub a: u32,
        pub b: u32,
    }
}

fn main() {}
