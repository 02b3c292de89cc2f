// A nested module with uabi attributes but no header.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(guard = "_A_H")]
    pub mod a {
        pub const A: u32 = 1;
    }
}

fn main() {}
