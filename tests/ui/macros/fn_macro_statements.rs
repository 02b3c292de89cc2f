// The C macro repeats the function's one expression: no `let`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_SUM(a: u32) -> u32 {
        let b = a + 1;
        b
    }
}

fn main() {}
