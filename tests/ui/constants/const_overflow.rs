// Arithmetic that overflows its type: rustc refuses it in a constant, and so does the model.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X: u8 = 200 + 100;
}

fn main() {}
