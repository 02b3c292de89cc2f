// The include guard is a macro name.
#[uabi::abi(header = "test/x.h", guard = "X-H")]
pub mod x {
    pub const X_ONE: u32 = 1;
}

fn main() {}
