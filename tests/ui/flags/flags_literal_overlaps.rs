// A literal flag that covers others' bits without naming them (a mask written `X_A | X_B` stays allowed).
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        #[flags {
            X_A = 1 << 0,
            X_B = 1 << 1,
            X_BOTH = 3,
        }]
        pub flags: u32,
    }
}

fn main() {}
