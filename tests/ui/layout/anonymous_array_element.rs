// An anonymous union has no C tag, so C cannot declare an array of it.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Clone, Copy)]
    #[uabi(anonymous)]
    pub union Either {
        pub a: u32,
        pub b: u32,
    }

    pub struct Holder {
        pub argsz: u32,
        pub pad: u32,
        pub two: [Either; 2],
    }
}

fn main() {}
