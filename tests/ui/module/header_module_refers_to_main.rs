// An item of a nested header naming an item of the main header, which it does not include.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const BASE: u32 = 1;
    #[uabi(header = "asm/x.h")]
    pub mod a {
        pub const A: u32 = BASE + 1;
    }
}

fn main() {}
