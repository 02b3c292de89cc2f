#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub const X_INFO_CAPS: u32 = 1 << 0;

    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
        #[uabi(gated_by = X_INFO_CAPS)]
        pub cap_offset: u32,
        pub pad: u32,
    }
}

fn main() {}
