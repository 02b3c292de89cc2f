// Two nested header modules writing one header.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "asm/x.h")]
    pub mod a {
        pub const A: u32 = 1;
    }
    #[uabi(header = "asm/x.h")]
    pub mod b {
        pub const B: u32 = 1;
    }
}

fn main() {}
