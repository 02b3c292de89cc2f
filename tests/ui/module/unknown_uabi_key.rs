#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        #[uabi(optional)]
        pub flags: u32,
    }
}

fn main() {}
