// A C macro's argument is a value: each parameter is a name of an integer type.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    pub const fn X_FIRST(a: &[u32]) -> u32 {
        a[0]
    }
}

fn main() {}
