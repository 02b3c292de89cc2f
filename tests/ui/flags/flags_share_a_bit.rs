// Two flags of one field with the same bit, written as literals.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        #[flags {
            X_A = 1 << 0,
            X_B = 1 << 0,
        }]
        pub flags: u32,
    }
}

fn main() {}
