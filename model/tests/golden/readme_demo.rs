// The example of README.md: tests/readme.rs keeps the two in step.
#[uabi::abi(header = "linux/demo.h")]
pub mod demo {
    pub const DEMO_TYPE: u8 = b'D';

    /// Argument of DEMO_GET_INFO.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoInfo {
        pub argsz: u32,
        #[flags {
            /// The device can be reset.
            DEMO_FLAGS_RESET = 1 << 0,
        }]
        pub flags: u32,
        pub num_regions: u32,
        #[uabi(since = 2)]
        pub cap_offset: u32,
        #[uabi(since = 2, aligned)]
        pub base: u64,
    }

    #[uabi(namespace = device)]
    pub const DEMO_GET_INFO: Ioctl<DemoInfo> = io!(DEMO_TYPE, 0);
}
