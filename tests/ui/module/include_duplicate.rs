// Every header includes <linux/types.h> and <linux/ioctl.h> already.
#[uabi::abi(header = "test/x.h", includes = ["linux/stddef.h", "linux/types.h"])]
pub mod x {
    pub const X_ONE: u32 = 1;
}

fn main() {}
