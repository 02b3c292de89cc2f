// An `aligned` field inside a packed struct, directly and through a record that has one.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Inner {
        #[uabi(aligned)]
        pub addr: u64,
    }

    #[uabi(packed)]
    pub struct Msg {
        pub kind: u8,
        #[uabi(aligned)]
        pub value: u64,
        pub inner: Inner,
    }
}

fn main() {}
