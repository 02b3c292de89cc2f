// `#[uabi::abi]` on a module in a file of its own.
#[uabi::abi(header = "test/x.h")]
pub mod x;

fn main() {}
