// A header module inside a header module.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "asm/x.h")]
    pub mod a {
        #[uabi(header = "asm/y.h")]
        pub mod b {
            pub const B: u32 = 1;
        }
    }
}

fn main() {}
