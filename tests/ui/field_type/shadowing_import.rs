// A type from elsewhere imported under an integer's name.
mod elsewhere {
    #[allow(non_camel_case_types)]
    #[derive(Clone, Copy)]
    pub struct u16(pub [u8; 2]);
}

#[uabi::abi(header = "test/x.h")]
pub mod x {
    use super::elsewhere::u16;

    pub struct Pair {
        pub a: u16,
        pub b: u16,
    }
}

fn main() {}
