// A C macro's `fn` is `const`, so that Rust gets constants from it as C does.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub fn X_TWICE(a: u32) -> u32 {
        a * 2
    }
}

fn main() {}
