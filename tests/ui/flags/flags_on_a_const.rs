// `#[flags]` on something other than a struct field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[flags { S_A = 1 }]
    pub const X: u32 = 1;
}

fn main() {}
