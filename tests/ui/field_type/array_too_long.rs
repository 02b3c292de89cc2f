// An array whose length a 32-bit `usize` cannot hold.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub a: [u8; 0x1_0000_0000],
    }
}

fn main() {}
