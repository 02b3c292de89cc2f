// A name that is no constant of the module.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const A: u32 = NOWHERE + 1;
}

fn main() {}
