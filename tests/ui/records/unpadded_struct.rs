// `unpadded` keeps a union's members' own types; a struct has no members to pad.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(unpadded)]
    pub struct XPair {
        pub a: u32,
        pub b: u32,
    }
}

fn main() {}
