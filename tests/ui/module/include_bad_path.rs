// An extra include is a path as `#include <..>` names it.
#[uabi::abi(header = "test/x.h", includes = ["../x/stddef.h"])]
pub mod x {
    pub const X_ONE: u32 = 1;
}

fn main() {}
