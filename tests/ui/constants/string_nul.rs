// A NUL byte would end the C string before the Rust one.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_NAME: &str = "x\0pci";
}

fn main() {}
