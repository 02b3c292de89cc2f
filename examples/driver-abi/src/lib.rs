//! The ABI of a small example driver, `mydrv`: one INFO ioctl with an `argsz`-tagged,
//! two-version struct, one sized `_IOW` ioctl, and flags. The build script writes its C header.

#[uabi::abi(header = "mydrv/mydrv.h")]
pub mod mydrv {
    /// The ioctl type of mydrv.
    pub const MYDRV_TYPE: u8 = b'M';

    /// What the device can do, filled by the driver.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct MydrvInfo {
        pub argsz: u32,
        #[flags {
            /// The device can be reset.
            MYDRV_INFO_RESET = 1 << 0,
            /// The device has a doorbell (version 2).
            #[uabi(since = 2)]
            MYDRV_INFO_DOORBELL = 1 << 1,
        }]
        pub flags: u32,
        /// Number of queues.
        pub num_queues: u32,
        pub __pad: u32,
        /// Guest-physical address of the doorbell page (version 2).
        #[uabi(since = 2, aligned)]
        pub doorbell: u64,
    }

    /// A queue to configure.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct MydrvQueue {
        pub index: u32,
        pub size: u32,
        /// User address of the ring.
        pub ring: u64,
    }

    /// Reports the device's capabilities.
    pub const MYDRV_GET_INFO: Ioctl<MydrvInfo> = io!(MYDRV_TYPE, 0);
    /// Configures one queue.
    pub const MYDRV_SET_QUEUE: Ioctl<MydrvQueue> = iow!(MYDRV_TYPE, 1, MydrvQueue);
}

/// Where the build script put the header of this build.
pub const INCLUDE_DIR: &str = env!("UABI_INCLUDE_DIR");
