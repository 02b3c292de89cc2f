// A value of a multi-bit field (a message type under `X_TYPE_MASK`) declared as a flag.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Header {
        #[flags {
            X_TYPE_MASK = 0xf,
            X_TYPE_REPLY = 0x1,
            X_NO_REPLY = 0x10,
        }]
        pub flags: u32,
    }
}

fn main() {}
