// A cast to a type that is no fixed-width integer.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X: u32 = 1 as f32 as u32;
}

fn main() {}
