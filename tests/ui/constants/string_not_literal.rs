// A string constant is copied into the header as written: it must be a literal.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_NAME: &str = concat!("x-", "pci");
}

fn main() {}
