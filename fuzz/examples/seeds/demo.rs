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

    #[derive(Clone, Copy)]
    pub union DemoU {
        pub a: u64,
        pub b: [u32; 2],
    }

    #[uabi(prefix = "DEMO_STATE_")]
    pub enum DemoState {
        Off = 0,
        On = 1,
    }

    #[uabi(namespace = device)]
    pub const DEMO_GET_INFO: Ioctl<DemoInfo> = io!(DEMO_TYPE, 0);
    pub const DEMO_SET: Ioctl<DemoU> = iow!(DEMO_TYPE, 1, DemoU);
}
