// A C macro without a value is a constant of the header.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    macro_rules! X_NOTHING {
        (a) => {};
    }
}

fn main() {}
