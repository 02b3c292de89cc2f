// A renamed import of a platform-sized integer under an integer's name.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    use core::primitive::usize as u64;

    pub struct Buf {
        pub addr: u64,
    }
}

fn main() {}
