// A cast in a C macro is to an integer type.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_FLOAT(a: u32) -> u32 {
        a as f32 as u32
    }
}

fn main() {}
