// A constant defined for x86 only, used by an item on every family.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(arch = x86)]
    pub const N: u32 = 4;
    pub const M: u32 = N + 1;
}

fn main() {}
