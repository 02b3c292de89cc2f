// C's `...` ends a macro's parameters.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    macro_rules! X_CALL {
        (..., last) => { f(__VA_ARGS__, last) };
    }
}

fn main() {}
