// A struct that holds an `unpadded` union may have undefined bytes: it cannot compare them.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Clone, Copy)]
    #[uabi(anonymous, unpadded)]
    pub union XValue {
        pub small: u32,
        pub large: u64,
    }

    #[derive(Clone, Copy, PartialEq)]
    pub struct XHolder {
        pub kind: u64,
        #[uabi(anonymous)]
        pub value: XValue,
    }
}

fn main() {}
