// The ranges leave bits of the unit unnamed.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Attr {
        #[bits { disabled: 1, inherit: 1 }]
        pub flags: u64,
    }
}

fn main() {}
