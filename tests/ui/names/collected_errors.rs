// Several independent mistakes in one struct: one compile reports all of them, each on its
// own tokens, and nothing else.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Everything {
        pub len: usize,
        pub ok: bool,
        pub ratio: f32,
        #[uabi(optional)]
        pub flags: u32,
        pub ptr: *mut u8,
    }
}

fn main() {}
