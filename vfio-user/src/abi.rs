//! The vfio-user protocol's wire format defined with uabi: the module `vfio_user` below is the
//! whole of libvfio-user's `include/vfio-user.h`. Its documentation (also the banner of the
//! generated C header, `include/vfio-user.h`) lists where it deviates from that header and why.

/// vfio-user, the protocol that runs a VFIO device in another process: a client (the VMM)
/// and a server (the device) exchange messages over a UNIX stream socket, file descriptors
/// travelling beside them as `SCM_RIGHTS`. Every message is a `vfio_user_header` followed by
/// the command's payload; most payloads are VFIO's own structs (`vfio_region_info`,
/// `vfio_irq_info`, `vfio_irq_set`, `vfio_device_feature` and its payloads, the capability
/// chain of a region), which `<linux/vfio.h>` declares and this header includes. The structs
/// below are the ones vfio-user adds or redefines.
///
/// A reply carries the command's `msg_id` and `cmd`, `VFIO_USER_F_TYPE_REPLY`, and either the
/// reply payload or, with `VFIO_USER_F_ERROR`, an errno in `error_no` and no payload. Sizes
/// count the whole message, header included (`msg_size`); `argsz` fields count the payload
/// from the struct that carries them, as in VFIO.
///
/// # Where this definition deviates from libvfio-user's header, and why
///
/// The size, alignment and every field offset of each struct are libvfio-user's (its structs
/// are packed, as libvfio-user declares them, all but `vfio_user_dma_unmap`); the differences
/// are in what C can see beyond the layout:
///
/// 1. Fields are `__u8` .. `__u64` (`<linux/types.h>`), where libvfio-user writes `uint8_t` ..
///    `uint64_t`, and `char data[]` of `vfio_user_bitmap` is `__u8 data[]`: the same widths
///    and signedness, but `printf("%" PRIu64, ..)` of a field is a format warning on
///    architectures where `uint64_t` is `unsigned long` and `__u64` `unsigned long long`.
/// 2. The four `typedef`s of libvfio-user's header (`vfio_user_region_io_fds_request_t`,
///    `vfio_user_sub_region_ioeventfd_t`, `vfio_user_sub_region_ioregionfd_t`,
///    `vfio_user_region_io_fds_reply_t`) are not something the language declares: the header
///    includes `<vfio-user-typedefs.h>`, four hand-written lines beside it, which declare
///    them (a typedef of a struct tag may precede the struct).
/// 3. libvfio-user defines, under `#ifndef`, fallbacks of VFIO macros that older
///    `<linux/vfio.h>` lacked (`VFIO_DMA_UNMAP_FLAG_*`, `VFIO_DEVICE_FEATURE_*`,
///    `VFIO_MIGRATION_*`, the DMA logging features). Here they come from `<linux/vfio.h>`
///    alone, which must be Linux 6.2's or newer (uabi's own `headers/linux/vfio.h` is 7.2's);
///    the Rust side reads those requests with the VFIO module's types (`uabi_linux::vfio`),
///    so VFIO's flag definitions and checks are used, not copies.
/// 4. The two `_Static_assert`s of libvfio-user's header are replaced by the layout checks
///    uabi writes for every struct (`checks/vfio-user_layout.c`).
/// 5. `struct vfio_user_dma_unmap` ends in a flexible array of `struct vfio_user_bitmap`,
///    itself ending in a flexible array, as libvfio-user declares it: a GNU C extension
///    (`-Wpedantic` warns), kept so that its `unmap->bitmap->size` compiles. Rust sees a
///    zero-length array; the server reads the bitmap with `uabi::decode_payload`.
#[uabi::abi(header = "vfio-user.h", guard = "VFIO_USER_H", includes = ["linux/vfio.h", "vfio-user-typedefs.h"])]
#[allow(non_upper_case_globals)]
pub mod vfio_user {
    /// The largest data transfer (region access, DMA access, migration data) a peer accepts
    /// when it does not announce `max_data_xfer_size` in its capabilities.
    pub const VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE: u32 = 1024 * 1024;

    /// The commands: the `cmd` of `vfio_user_header`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "VFIO_USER_")]
    pub enum VfioUserCommand {
        /// Version and capability negotiation; the first message of a connection.
        Version = 1,
        /// Client to server: make a range of guest memory available for DMA, with a file
        /// descriptor when it can be mapped.
        DmaMap = 2,
        /// Client to server: withdraw a DMA range, optionally reporting its dirty pages.
        DmaUnmap = 3,
        /// `vfio_user_device_info`.
        DeviceGetInfo = 4,
        /// `vfio_region_info` and its capability chain; a file descriptor for a mappable
        /// region.
        DeviceGetRegionInfo = 5,
        /// The ioeventfds and ioregionfds of a region.
        DeviceGetRegionIoFds = 6,
        /// `vfio_irq_info`.
        DeviceGetIrqInfo = 7,
        /// `vfio_irq_set`; eventfds travel as file descriptors, not in the payload.
        DeviceSetIrqs = 8,
        /// Read a region (`vfio_user_region_access`).
        RegionRead = 9,
        /// Write a region (`vfio_user_region_access` and the data).
        RegionWrite = 10,
        /// Server to client: read guest memory that was mapped without a file descriptor.
        DmaRead = 11,
        /// Server to client: write guest memory that was mapped without a file descriptor.
        DmaWrite = 12,
        /// Reset the device.
        DeviceReset = 13,
        /// Several region writes in one message (optional).
        RegionWriteMulti = 15,
        /// `vfio_device_feature`: migration state and features, DMA logging.
        DeviceFeature = 16,
        /// Read the device's migration data (`vfio_user_mig_data`).
        MigDataRead = 17,
        /// Write migration data into a resuming device (`vfio_user_mig_data`).
        MigDataWrite = 18,
        /// One past the last command.
        Max = 19,
    }

    /// The message types, `VFIO_USER_F_TYPE_MASK` of a header's `flags`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "VFIO_USER_MESSAGE_")]
    pub enum VfioUserMessageType {
        /// A command, which expects a reply unless `VFIO_USER_F_NO_REPLY` is set.
        Command = 0,
        /// The reply to a command.
        Reply = 1,
    }

    /// The first, legacy, spelling of `VFIO_USER_F_NO_REPLY` in libvfio-user's header (its
    /// value differs: it was never the flag's bit). Kept for source compatibility.
    pub const VFIO_USER_FLAGS_NO_REPLY: u32 = 0x1;

    /// The header of every message, command or reply.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0)]
    #[uabi(packed)]
    pub struct VfioUserHeader {
        /// Chosen by the sender of a command; its reply carries the same value.
        pub msg_id: u16,
        /// The command, a value of `enum vfio_user_command` (a 16-bit field, which the
        /// language's `enum` attribute, for 32-bit fields, cannot annotate); a reply repeats
        /// it.
        pub cmd: u16,
        /// Size of the whole message, this header included.
        pub msg_size: u32,
        /// Message type and modifiers.
        #[flags {
            /// The bits of the message type (`enum vfio_user_message_type`).
            VFIO_USER_F_TYPE_MASK = 0xf,
            /// A command the sender wants no reply to.
            VFIO_USER_F_NO_REPLY = 0x10,
            /// A reply reporting failure: `error_no` holds an errno and there is no payload.
            VFIO_USER_F_ERROR = 0x20,
        }]
        pub flags: u32,
        /// With `VFIO_USER_F_ERROR`: the errno of the failure.
        pub error_no: u32,
    }

    /// `flags & VFIO_USER_F_TYPE_MASK` of a command (a value of the type field, not a flag).
    pub const VFIO_USER_F_TYPE_COMMAND: u32 = 0x0;
    /// `flags & VFIO_USER_F_TYPE_MASK` of a reply.
    pub const VFIO_USER_F_TYPE_REPLY: u32 = 0x1;

    /// Payload of `VFIO_USER_VERSION`, both ways: the protocol version the sender speaks
    /// (the reply gives the one agreed on), then a NUL-terminated JSON object of
    /// capabilities (`{"capabilities":{"max_msg_fds":8,"max_data_xfer_size":1048576,
    /// "migration":{"pgsize":4096}}}`), which may be absent.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0)]
    #[uabi(packed)]
    pub struct VfioUserVersion {
        /// Major version; only 0 exists.
        pub major: u16,
        /// Minor version.
        pub minor: u16,
        /// The JSON capabilities and their NUL.
        pub data: [u8],
    }

    /// Payload of `VFIO_USER_DEVICE_GET_INFO`: `vfio_device_info` without its capability
    /// chain (16 bytes, its first version). `flags` holds `VFIO_DEVICE_FLAGS_*`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    #[uabi(packed)]
    pub struct VfioUserDeviceInfo {
        /// Size of the payload; the client sets it, the server answers with its own.
        pub argsz: u32,
        /// `VFIO_DEVICE_FLAGS_*`, filled by the server.
        pub flags: u32,
        /// Number of regions.
        pub num_regions: u32,
        /// Number of interrupt indexes.
        pub num_irqs: u32,
    }

    /// A dirty-page bitmap, as `vfio_bitmap` but with the bits inline.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserBitmap {
        /// Bytes of guest memory per bit.
        pub pgsize: u64,
        /// Size of `data` in bytes.
        pub size: u64,
        /// The bits.
        pub data: [u8],
    }

    /// Payload of `VFIO_USER_DMA_MAP`, after `vfio_iommu_type1_dma_map`: guest memory at
    /// `addr` is `size` bytes from `offset` of the file descriptor sent with the message
    /// (none: the server reaches it with `VFIO_USER_DMA_READ`/`WRITE`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDmaMap {
        /// Size of the payload.
        pub argsz: u32,
        /// Access and how the server reaches the memory.
        #[flags {
            /// The device may read the memory.
            VFIO_USER_F_DMA_REGION_READ = 1 << 0,
            /// The device may write the memory.
            VFIO_USER_F_DMA_REGION_WRITE = 1 << 1,
            /// The server maps the file descriptor (the default when one is sent).
            VFIO_USER_F_DMA_REGION_MMAP = 1 << 2,
            /// The server reads and writes the file descriptor instead of mapping it.
            VFIO_USER_F_DMA_REGION_FILE_IO = 1 << 3,
        }]
        pub flags: u32,
        /// Offset of the memory in the file descriptor.
        pub offset: u64,
        /// Guest (DMA) address of the memory.
        pub addr: u64,
        /// Length in bytes.
        pub size: u64,
    }

    /// Payload of `VFIO_USER_DMA_UNMAP` and its reply, after `vfio_iommu_type1_dma_unmap`.
    /// `flags` holds `VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP` (then `bitmap` holds a
    /// `vfio_user_bitmap` and, in the reply, its bits) or `VFIO_DMA_UNMAP_FLAG_ALL` (then
    /// `addr` and `size` are 0).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioUserDmaUnmap {
        /// Size of the payload, including the bitmap's bits with `GET_DIRTY_BITMAP`.
        pub argsz: u32,
        /// `VFIO_DMA_UNMAP_FLAG_*` of `<linux/vfio.h>`.
        pub flags: u32,
        /// Guest address of the range.
        pub addr: u64,
        /// Length of the range in bytes.
        pub size: u64,
        /// One `vfio_user_bitmap` with `GET_DIRTY_BITMAP` (see note 7).
        pub bitmap: [VfioUserBitmap],
    }

    /// Payload of `VFIO_USER_REGION_READ` and `VFIO_USER_REGION_WRITE` and their replies:
    /// `count` bytes at `offset` of region `region`. The data follows the struct in a write
    /// and in the reply to a read.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserRegionAccess {
        /// Offset in the region.
        pub offset: u64,
        /// Region index.
        pub region: u32,
        /// Bytes to access.
        pub count: u32,
        /// The bytes.
        pub data: [u8],
    }

    /// Payload of `VFIO_USER_DMA_READ` and `VFIO_USER_DMA_WRITE` (server to client) and
    /// their replies: `count` bytes of guest memory at `addr`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDmaRegionAccess {
        /// Guest address.
        pub addr: u64,
        /// Bytes to access.
        pub count: u64,
        /// The bytes.
        pub data: [u8],
    }

    /// The sub-index of an interrupt (libvfio-user's own bookkeeping).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0)]
    #[uabi(packed)]
    pub struct VfioUserIrqInfo {
        /// Index of the interrupt within its index.
        pub subindex: u32,
    }

    /// Payload of `VFIO_USER_DEVICE_GET_REGION_IO_FDS`: which region to describe.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserRegionIoFdsRequest {
        /// Size of the reply the client has room for.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// Region index.
        pub index: u32,
        /// Must be zero.
        pub count: u32,
    }

    /// Sub-region type: an ioeventfd.
    pub const VFIO_USER_IO_FD_TYPE_IOEVENTFD: u32 = 0;
    /// Sub-region type: an ioregionfd.
    pub const VFIO_USER_IO_FD_TYPE_IOREGIONFD: u32 = 1;
    /// Sub-region type: an ioeventfd whose written value goes to shadow memory.
    pub const VFIO_USER_IO_FD_TYPE_IOEVENTFD_SHADOW: u32 = 2;

    /// An ioeventfd of a region: a write of `datamatch` (or any value) at `gpa_offset`
    /// signals the file descriptor `fd_index` of the reply instead of a message.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserSubRegionIoeventfd {
        /// Offset in the region.
        pub gpa_offset: u64,
        /// Width of the access.
        pub size: u64,
        /// Which file descriptor of the reply.
        pub fd_index: u32,
        /// `VFIO_USER_IO_FD_TYPE_*`.
        pub r#type: u32,
        /// Sub-region flags.
        pub flags: u32,
        /// With the shadow type: which file descriptor holds the shadow memory.
        pub shadow_mem_fd_index: u32,
        /// With the shadow type: where in it.
        pub shadow_offset: u64,
        /// The value that signals.
        pub datamatch: u64,
    }

    /// An ioregionfd of a region (40 bytes, shorter than the ioeventfd kind: `union
    /// sub_region` is as large as its larger member).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserSubRegionIoregionfd {
        /// Offset in the region.
        pub offset: u64,
        /// Length.
        pub size: u64,
        /// Which file descriptor of the reply.
        pub fd_index: u32,
        /// `VFIO_USER_IO_FD_TYPE_*`.
        pub r#type: u32,
        /// Sub-region flags.
        pub flags: u32,
        /// Padding; zero.
        pub padding: u32,
        /// Passed back with each access.
        pub user_data: u64,
    }

    /// One sub-region of a `VFIO_USER_DEVICE_GET_REGION_IO_FDS` reply.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(c_name = "sub_region")]
    pub union VfioUserSubRegion {
        /// `VFIO_USER_IO_FD_TYPE_IOEVENTFD` or `..._SHADOW`.
        pub ioeventfd: VfioUserSubRegionIoeventfd,
        /// `VFIO_USER_IO_FD_TYPE_IOREGIONFD`.
        pub ioregionfd: VfioUserSubRegionIoregionfd,
    }

    /// Reply of `VFIO_USER_DEVICE_GET_REGION_IO_FDS`: `count` sub-regions, whose file
    /// descriptors travel with the message. When `argsz` of the request is too small for
    /// them, none is sent and `argsz` says how much is needed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    #[uabi(packed)]
    pub struct VfioUserRegionIoFdsReply {
        /// Size the whole reply needs.
        pub argsz: u32,
        /// No flag is defined.
        pub flags: u32,
        /// Region index.
        pub index: u32,
        /// Number of sub-regions.
        pub count: u32,
        /// The sub-regions.
        #[uabi(counted_by = count)]
        pub sub_regions: [VfioUserSubRegion],
    }

    /// An IOVA range of `vfio_user_device_feature_dma_logging_control`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeatureDmaLoggingRange {
        /// Start of the range.
        pub iova: u64,
        /// Length in bytes.
        pub length: u64,
    }

    /// Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_START`: as
    /// `vfio_device_feature_dma_logging_control`, with the ranges inline instead of behind a
    /// pointer. No range means all of guest memory.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeatureDmaLoggingControl {
        /// Bytes per tracked page.
        pub page_size: u64,
        /// Number of entries in `ranges`.
        pub num_ranges: u32,
        /// Zero.
        pub reserved: u32,
        /// The ranges to log.
        #[uabi(counted_by = num_ranges)]
        pub ranges: [VfioUserDeviceFeatureDmaLoggingRange],
    }

    /// Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT`: as
    /// `vfio_device_feature_dma_logging_report`, with the bitmap inline in the reply.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeatureDmaLoggingReport {
        /// Start of the range.
        pub iova: u64,
        /// Length in bytes.
        pub length: u64,
        /// Bytes per bit.
        pub page_size: u64,
        /// One bit per page, read and cleared.
        pub bitmap: [u8],
    }

    /// Payload of `VFIO_USER_DEVICE_FEATURE`, as `vfio_device_feature`: `flags` holds the
    /// feature number and `VFIO_DEVICE_FEATURE_GET`/`SET`/`PROBE` of `<linux/vfio.h>`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeature {
        /// Size of the payload.
        pub argsz: u32,
        /// Feature and access.
        pub flags: u32,
        /// The feature's payload.
        pub data: [u8],
    }

    /// Payload of `VFIO_DEVICE_FEATURE_MIGRATION`, as `vfio_device_feature_migration`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeatureMigration {
        /// `VFIO_MIGRATION_*`.
        pub flags: u64,
    }

    /// Payload of `VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE`, as
    /// `vfio_device_feature_mig_state` (no data file: migration data travels in messages).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0)]
    #[uabi(packed)]
    pub struct VfioUserDeviceFeatureMigState {
        /// `enum vfio_user_device_mig_state`.
        #[uabi(enum = VfioUserDeviceMigState)]
        pub device_state: u32,
        /// Unused by vfio-user; -1.
        pub data_fd: u32,
    }

    /// The migration states, as `enum vfio_device_mig_state`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "VFIO_USER_DEVICE_STATE_")]
    pub enum VfioUserDeviceMigState {
        /// Failed; needs a reset.
        Error = 0,
        /// Stopped.
        Stop = 1,
        /// Running.
        Running = 2,
        /// Stopped, saving its state.
        StopCopy = 3,
        /// Stopped, loading a state.
        Resuming = 4,
        /// Running without starting peer-to-peer DMA.
        RunningP2p = 5,
        /// Running, saving its state as it goes.
        PreCopy = 6,
        /// PRE_COPY without peer-to-peer DMA.
        PreCopyP2p = 7,
        /// Number of states.
        #[uabi(c_name = "VFIO_USER_DEVICE_NUM_STATES")]
        NumStates = 8,
    }

    /// Payload of `VFIO_USER_MIG_DATA_READ` and `VFIO_USER_MIG_DATA_WRITE` and their replies:
    /// `size` bytes of migration data follow (in a read's reply, a write's request).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct VfioUserMigData {
        /// Size of the payload, data included.
        pub argsz: u32,
        /// Bytes of data asked for (read request), sent (write) or returned (read reply).
        pub size: u32,
        /// The data.
        pub data: [u8],
    }
}
