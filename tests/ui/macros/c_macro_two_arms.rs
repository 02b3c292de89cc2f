// A C macro has one definition: one arm.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    macro_rules! X_ONE {
        (a) => { (a) + 1 };
        (a, b) => { (a) + (b) };
    }
}

fn main() {}
