// An index has no C spelling in a macro of values.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_PICK(a: u32) -> u32 {
        [1, 2, 3][a as usize]
    }
}

fn main() {}
