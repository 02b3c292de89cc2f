// A path to a type outside the module: the message names the real problem, not the spelling.
mod elsewhere {
    pub struct Header {
        pub a: u32,
    }
}

#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Outer {
        pub header: super::elsewhere::Header,
    }
}

fn main() {}
