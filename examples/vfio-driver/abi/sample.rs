//! The sample driver's own ABI, version 2 (the current one). Version 1 is kept beside it in
//! `sample_v1.rs`, as the file was when version 1 was released, so that its header and a
//! driver of that version can still be built.

/// The sample device's own ioctls, issued on a VFIO device file next to the VFIO ones (their
/// type letter `'S'` keeps them apart from VFIO's `';'`).
#[uabi::abi(header = "sample/sample.h")]
pub mod sample {
    /// The ioctl type letter of the sample driver.
    pub const SAMPLE_TYPE: u8 = b'S';
    /// The version of this ABI, reported in `sample_info.abi_version`.
    pub const SAMPLE_ABI_VERSION: u32 = 2;

    /// Argument of SAMPLE_GET_INFO. The caller sets `argsz` and, in `flags`, what it asks
    /// for; the driver fills the rest. Version 1 ended after `abi_version`; version 2 added the
    /// doorbell, which a caller asks for with `SAMPLE_INFO_DOORBELL` (and then must pass an
    /// `argsz` that covers it).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct SampleInfo {
        /// Size of the struct as the caller allocated it; set by the caller.
        pub argsz: u32,
        /// What the caller asks for.
        #[flags {
            /// Report the number of queues.
            SAMPLE_INFO_QUEUES = 1 << 0,
            /// Report the doorbell address (version 2).
            #[uabi(since = 2)]
            SAMPLE_INFO_DOORBELL = 1 << 1,
        }]
        pub flags: u32,
        /// Number of queues, with `SAMPLE_INFO_QUEUES`.
        pub num_queues: u32,
        /// The driver's `SAMPLE_ABI_VERSION`.
        pub abi_version: u32,
        /// Bus address of the doorbell page, with `SAMPLE_INFO_DOORBELL`.
        #[uabi(since = 2, aligned, gated_by = SAMPLE_INFO_DOORBELL)]
        pub doorbell: u64,
    }

    /// `_IO(SAMPLE_TYPE, 0)` on a device file: fills a `sample_info`.
    #[uabi(namespace = device)]
    pub const SAMPLE_GET_INFO: Ioctl<SampleInfo> = io!(SAMPLE_TYPE, 0);
}
