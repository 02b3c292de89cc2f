//! The sample driver's own ABI as it was at version 1: kept unchanged, as git history would
//! keep it, to build the header "as of version 1" (`include/v1/`) and the old driver (Cargo
//! feature `abi-v1`). Never edit it; change `sample.rs` instead.

/// The sample device's own ioctls, issued on a VFIO device file next to the VFIO ones (their
/// type letter `'S'` keeps them apart from VFIO's `';'`).
#[uabi::abi(header = "sample/sample.h")]
pub mod sample {
    /// The ioctl type letter of the sample driver.
    pub const SAMPLE_TYPE: u8 = b'S';
    /// The version of this ABI, reported in `sample_info.abi_version`.
    pub const SAMPLE_ABI_VERSION: u32 = 1;

    /// Argument of SAMPLE_GET_INFO. The caller sets `argsz` and, in `flags`, what it asks
    /// for; the driver fills the rest.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct SampleInfo {
        /// Size of the struct as the caller allocated it; set by the caller.
        pub argsz: u32,
        /// What the caller asks for.
        #[flags {
            /// Report the number of queues.
            SAMPLE_INFO_QUEUES = 1 << 0,
        }]
        pub flags: u32,
        /// Number of queues, with `SAMPLE_INFO_QUEUES`.
        pub num_queues: u32,
        /// The driver's `SAMPLE_ABI_VERSION`.
        pub abi_version: u32,
    }

    /// `_IO(SAMPLE_TYPE, 0)` on a device file: fills a `sample_info`.
    #[uabi(namespace = device)]
    pub const SAMPLE_GET_INFO: Ioctl<SampleInfo> = io!(SAMPLE_TYPE, 0);
}
