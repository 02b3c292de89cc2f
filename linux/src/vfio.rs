//! The VFIO UAPI (`<linux/vfio.h>`) defined with uabi: the module `vfio` below is the whole
//! header of the newest Linux release. Its documentation (also the banner of the generated
//! C header) lists where it deviates from Linux's header and why.

/// VFIO, the user-space device driver interface of Linux (`<linux/vfio.h>`), as of the newest
/// Linux release (7.2): the container, group and device file descriptors, the Type1 and SPAPR
/// TCE IOMMU back ends, device features (migration, low power, DMA logging, dma-buf), and the
/// iommufd-based device character device ioctls.
///
/// Every struct is an `argsz`-tagged VFIO struct or a payload/capability of one. The request
/// numbers are all `_IO(';', 100 + n)`: the size travels in `argsz`, never in the number. The
/// same number is reused on different file descriptors (`VFIO_BASE + 12` is
/// `VFIO_IOMMU_GET_INFO`, `VFIO_IOMMU_SPAPR_TCE_GET_INFO` and
/// `VFIO_DEVICE_GET_PCI_HOT_RESET_INFO`), so each ioctl names its namespace:
///
/// - `container`: `/dev/vfio/vfio`, including the Type1 IOMMU back end it dispatches to;
/// - `container_spapr`: the same container file once `VFIO_SET_IOMMU` selected the SPAPR TCE
///   back end, whose ioctls reuse numbers of the Type1 ones (`+ 12`, `+ 17`);
/// - `group`: `/dev/vfio/$GROUP`;
/// - `device`: a device file, from `VFIO_GROUP_GET_DEVICE_FD` or `/dev/vfio/devices/vfioX`;
/// - `migration`: the data-transfer file returned by a migration state change.
///
/// # Where this definition deviates from Linux, and why
///
/// The layout of every struct is Linux's layout on 64-bit architectures (x86_64, arm64,
/// ppc64, s390x, riscv64), bit for bit. Where Linux's C layout is not the same on every
/// architecture, this definition makes the 64-bit layout explicit so that it is:
///
/// 1. `vfio_bitmap.data` is a `__u64 __user *` in Linux: 4 bytes on 32-bit architectures,
///    so `struct vfio_bitmap` is 20 bytes on i386 and 24 elsewhere. Here it is a `u64`
///    carrying the user address, 24 bytes everywhere, and `#[uabi(c_pointer = "__u64")]`:
///    the C header declares an anonymous union of `__u64 *data` and `__u64 data_u64`, so C
///    written for Linux (`bitmap->data = (__u64 *)buf;`) compiles unchanged. On 64-bit the
///    two members are the same 8 bytes. On 32-bit the pointer fills 4 of the 8 and the kernel
///    reads all 8: zero the struct (or `data_u64`) first, then store the pointer, on
///    little-endian; on big-endian the pointer lands in the high half, so store the address
///    in `data_u64` (`(__u64)(uintptr_t)buf`) instead. Linux's own header gives a 32-bit
///    program a 20-byte struct, which only a kernel of the same word size reads as written.
/// 2. `vfio_iommu_type1_dirty_bitmap_get` embeds a `vfio_bitmap` and so inherits (1): 40
///    bytes everywhere (36 on i386 Linux).
/// 3. `vfio_iommu_type1_info_cap_migration` has a `__u64` right after `header` and a `__u32`
///    (offset 12): 64-bit Linux pads it to 16, i386 does not. Here the 4 bytes at 12 are an
///    explicit `__pad` field, so `pgsize_bitmap` is at 16 and the struct 32 bytes everywhere.
/// 4. `vfio_eeh_pe_op` puts its union (a struct holding `__u64`s) after three `__u32`s: 64-bit
///    Linux starts the union at 16, i386 at 12. Here an explicit `__pad` at 12 keeps it at 16
///    (40 bytes everywhere).
///
/// What the language cannot say, and how it is carried instead:
///
/// 5. The index lists of vfio-pci, vfio-ccw and vfio-ap are anonymous C `enum`s in Linux.
///    Here they are constants (`#define`s in the generated header) with the same names and
///    values; a C user only sees a difference with `#ifdef`.
/// 6. The `VFIO_DEVICE_API_*_STRING` string macros are `&str` constants in Rust and the
///    same `#define`s in the generated header.
/// 7. The function-like macros `VFIO_DEVICE_STATE_VALID`, `VFIO_DEVICE_STATE_IS_ERROR` and
///    `VFIO_DEVICE_STATE_SET_ERROR` are Rust `const fn`s (`vfio_device_state_valid` ...) and
///    are not in the generated C header.
/// 8. `VFIO_DEVICE_IOEVENTFD_SIZE_MASK` is written as the union of the four width flags
///    (Linux writes `0xf`; same value).
/// 9. `VFIO_REGION_TYPE_PCI_VENDOR_TYPE` is `1U << 31` in the generated header, where Linux
///    writes `(1 << 31)`, an `int` shifted into its sign bit. Compared with or masked into the
///    `__u32` `type` of `vfio_region_info_cap_type` both give the same result; only a C
///    program that looks at the macro's own sign (`< 0`) can tell.
/// 10. Linux 6.1's `VFIO_TYPE1_NESTING_IOMMU` (6) is not defined: the newest header renamed it
///     `__VFIO_RESERVED_TYPE1_NESTING_IOMMU` when the nesting back end was removed.
/// 11. The generated header adds `<STRUCT>_SIZE_VER<n>`, `_SIZE_LATEST`, `_MINSZ` and
///     `_FLAGS_VER<n>` macros for the versioned structs below, and `data_u64` beside
///     `vfio_bitmap.data` (the banner lists them); `__counted_by` arrays carry a comment, not
///     the attribute.
///
/// Reserved fields: Linux checks none of its fields named `pad`, `reserved`, `__reserved`,
/// `__resv1`/`__resv2` or `__pad` (input structs copy them and ignore them; output structs are
/// zero-filled by the kernel), so none of them is `#[uabi(reserved)]`: a decoder that refused
/// non-zero bytes there would reject callers Linux accepts. What Linux does require to be zero
/// is the `flags` field of the structs that define no flags yet (`vfio_pci_hot_reset`,
/// `vfio_eeh_pe_op`, `vfio_iommu_spapr_register_memory`, `vfio_iommu_spapr_tce_create`,
/// `vfio_iommu_spapr_tce_remove`, `vfio_device_feature_dma_buf`): those are `reserved`.
///
/// Versions: the structs that grew after their first release declare the later fields with
/// `since = 2`, so the first size stays known (it is Linux's `minsz`): `vfio_device_info`
/// (`cap_offset`, `pad`), `vfio_iommu_type1_info` (`cap_offset`, `pad`),
/// `vfio_iommu_spapr_tce_info` (`ddw`), `vfio_eeh_pe_op` (the error-injection union),
/// `vfio_device_bind_iommufd` (`token_uuid_ptr`), `vfio_device_attach_iommufd_pt` and
/// `vfio_device_detach_iommufd_pt` (`pasid`).
#[uabi::abi(header = "linux/vfio.h", guard = "VFIO_H", includes = ["linux/stddef.h"])]
#[allow(non_upper_case_globals)]
pub mod vfio {
    /// Version of the VFIO API reported by `VFIO_GET_API_VERSION`; an incompatible change of
    /// the whole API would bump it.
    pub const VFIO_API_VERSION: i32 = 0;

    // ---------------------------------------------------------------------------------------
    // Extensions, probed with VFIO_CHECK_EXTENSION and selected with VFIO_SET_IOMMU.
    // ---------------------------------------------------------------------------------------

    /// Extension: the Type1 IOMMU back end (map/unmap of process memory into an IOVA space).
    pub const VFIO_TYPE1_IOMMU: u32 = 1;
    /// Extension: the IBM POWER "SPAPR TCE" IOMMU back end.
    pub const VFIO_SPAPR_TCE_IOMMU: u32 = 2;
    /// Extension: version 2 of the Type1 back end (unmap granularity and semantics refined).
    pub const VFIO_TYPE1v2_IOMMU: u32 = 3;
    /// Extension: the IOMMU enforces cache coherence of DMA (for example by ignoring PCIe
    /// No-Snoop). The answer can change as groups join or leave the container.
    pub const VFIO_DMA_CC_IOMMU: u32 = 4;
    /// Extension: PowerPC EEH (Enhanced Error Handling) is available (`VFIO_EEH_PE_OP`).
    pub const VFIO_EEH: u32 = 5;
    /// Formerly the two-stage (nested) Type1 IOMMU; the number stays taken and is never
    /// reported.
    pub const __VFIO_RESERVED_TYPE1_NESTING_IOMMU: u32 = 6;
    /// Extension: version 2 of the SPAPR TCE back end (dynamic DMA windows, memory
    /// pre-registration).
    pub const VFIO_SPAPR_TCE_v2_IOMMU: u32 = 7;
    /// Extension: the no-IOMMU mode, which neither translates nor isolates DMA and offers no
    /// ioctl but `VFIO_CHECK_EXTENSION`. Using it taints the kernel.
    pub const VFIO_NOIOMMU_IOMMU: u32 = 8;
    /// Extension: `VFIO_DMA_UNMAP_FLAG_ALL` is understood.
    pub const VFIO_UNMAP_ALL: u32 = 9;
    /// Extension: the `VADDR` flags of map and unmap are understood (not with mediated
    /// devices, so the answer can change as groups join or leave).
    pub const VFIO_UPDATE_VADDR: u32 = 10;

    /// The ioctl type letter of every VFIO request.
    pub const VFIO_TYPE: u8 = b';';
    /// The first VFIO ioctl number; each request is `VFIO_BASE + n`.
    pub const VFIO_BASE: u32 = 100;

    /// Header of every capability in the chain that follows the fixed part of an INFO
    /// struct. Offsets (`next`, and the `cap_offset` of the INFO struct) count from the start
    /// of the INFO buffer; `id` is interpreted per INFO ioctl, `version` per `id`. A caller
    /// whose buffer is too small for the chain gets the caps flag, a zero `cap_offset` and the
    /// needed size in `argsz`, without an error.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioInfoCapHeader {
        /// Which capability follows (its meaning depends on the INFO ioctl).
        pub id: u16,
        /// Layout version of this capability.
        pub version: u16,
        /// Offset of the next capability from the start of the INFO buffer; 0 ends the chain.
        pub next: u32,
    }

    // ---------------------------------------------------------------------------------------
    // The container: /dev/vfio/vfio.
    // ---------------------------------------------------------------------------------------

    /// `_IO(VFIO_TYPE, VFIO_BASE + 0)`: returns `VFIO_API_VERSION`. Always available.
    #[uabi(namespace = container)]
    #[allow(clippy::identity_op)] // `VFIO_BASE + 0`, as Linux writes it
    pub const VFIO_GET_API_VERSION: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 0);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 1)`: the argument, passed by value, is an extension number
    /// (`VFIO_TYPE1_IOMMU` ...); returns 0 when unsupported, a positive value when supported.
    /// Always available.
    #[uabi(namespace = container)]
    pub const VFIO_CHECK_EXTENSION: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 1);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 2)`: selects the IOMMU back end; the argument, passed by
    /// value, is an extension number that `VFIO_CHECK_EXTENSION` reported. Needs a group
    /// attached to the container; enables the back end's ioctls on the container.
    #[uabi(namespace = container)]
    pub const VFIO_SET_IOMMU: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 2);

    // ---------------------------------------------------------------------------------------
    // Groups: /dev/vfio/$GROUP.
    // ---------------------------------------------------------------------------------------

    /// Argument of `VFIO_GROUP_GET_STATUS`: the state of an IOMMU group.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioGroupStatus {
        /// Size of the struct as the caller allocated it; set by the caller.
        pub argsz: u32,
        /// Group state, filled by the kernel.
        #[flags {
            /// Every device of the group is bound to a VFIO driver (or to none), so the group
            /// can be used.
            VFIO_GROUP_FLAGS_VIABLE = 1 << 0,
            /// The group is attached to a container.
            VFIO_GROUP_FLAGS_CONTAINER_SET = 1 << 1,
        }]
        pub flags: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 3)`: fills a `vfio_group_status`. Always available.
    #[uabi(namespace = group)]
    pub const VFIO_GROUP_GET_STATUS: Ioctl<VfioGroupStatus> = io!(VFIO_TYPE, VFIO_BASE + 3);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 4)`: attaches the group to the container whose file
    /// descriptor (an `__s32`) the argument points to. A group belongs to at most one
    /// container; only then are the container's and the group's other ioctls usable.
    #[uabi(namespace = group)]
    pub const VFIO_GROUP_SET_CONTAINER: Ioctl<i32> = io!(VFIO_TYPE, VFIO_BASE + 4);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 5)`: detaches the group from its container (every device
    /// file must be closed first). Removing the last group tears down the container's IOMMU
    /// state.
    #[uabi(namespace = group)]
    pub const VFIO_GROUP_UNSET_CONTAINER: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 5);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 6)`: the argument points to a NUL-terminated device name
    /// (as listed under the group's `devices` directory in sysfs); returns a new device file
    /// descriptor. Needs the group in a container.
    #[uabi(namespace = group)]
    pub const VFIO_GROUP_GET_DEVICE_FD: Ioctl<[u8]> = io!(VFIO_TYPE, VFIO_BASE + 6);

    // ---------------------------------------------------------------------------------------
    // Devices.
    // ---------------------------------------------------------------------------------------

    /// Argument of `VFIO_DEVICE_GET_INFO`: what a device offers. Version 1 ends after
    /// `num_irqs` (16 bytes, Linux's `minsz`); version 2 added the capability chain.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioDeviceInfo {
        /// Size of the buffer, including room for capabilities; set by the caller, raised by
        /// the kernel when the capability chain did not fit.
        pub argsz: u32,
        /// Device properties and bus type, filled by the kernel.
        #[flags {
            /// The device can be reset with `VFIO_DEVICE_RESET`.
            VFIO_DEVICE_FLAGS_RESET = 1 << 0,
            /// A vfio-pci device.
            VFIO_DEVICE_FLAGS_PCI = 1 << 1,
            /// A vfio-platform device.
            VFIO_DEVICE_FLAGS_PLATFORM = 1 << 2,
            /// A vfio-amba device.
            VFIO_DEVICE_FLAGS_AMBA = 1 << 3,
            /// A vfio-ccw (s390 channel I/O) device.
            VFIO_DEVICE_FLAGS_CCW = 1 << 4,
            /// A vfio-ap (s390 crypto adjunct processor) device.
            VFIO_DEVICE_FLAGS_AP = 1 << 5,
            /// A vfio-fsl-mc (NXP Management Complex) device.
            VFIO_DEVICE_FLAGS_FSL_MC = 1 << 6,
            /// `cap_offset` is valid: the info has a capability chain.
            #[uabi(since = 2)]
            VFIO_DEVICE_FLAGS_CAPS = 1 << 7,
            /// A vfio-cdx (AMD CDX bus) device.
            VFIO_DEVICE_FLAGS_CDX = 1 << 8,
        }]
        pub flags: u32,
        /// Number of regions: the highest region index plus one.
        pub num_regions: u32,
        /// Number of interrupt indexes: the highest IRQ index plus one.
        pub num_irqs: u32,
        /// Offset of the first capability from the start of the struct (0: none).
        #[uabi(since = 2, gated_by = VFIO_DEVICE_FLAGS_CAPS)]
        pub cap_offset: u32,
        /// Padding to a multiple of 8; Linux names it `pad` and does not read it. Added after
        /// Linux 6.1, whose struct ends at `cap_offset` (20 bytes): version 3.
        #[uabi(since = 3)]
        pub pad: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 7)`: fills a `vfio_device_info` (the caller sets `argsz`).
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_GET_INFO: Ioctl<VfioDeviceInfo> = io!(VFIO_TYPE, VFIO_BASE + 7);

    /// The `device_api` string a mediated-device type reports for vfio-pci devices
    /// (`VFIO_DEVICE_FLAGS_PCI`).
    pub const VFIO_DEVICE_API_PCI_STRING: &str = "vfio-pci";
    /// The `device_api` string for vfio-platform devices (`VFIO_DEVICE_FLAGS_PLATFORM`).
    pub const VFIO_DEVICE_API_PLATFORM_STRING: &str = "vfio-platform";
    /// The `device_api` string for vfio-amba devices (`VFIO_DEVICE_FLAGS_AMBA`).
    pub const VFIO_DEVICE_API_AMBA_STRING: &str = "vfio-amba";
    /// The `device_api` string for vfio-ccw devices (`VFIO_DEVICE_FLAGS_CCW`).
    pub const VFIO_DEVICE_API_CCW_STRING: &str = "vfio-ccw";
    /// The `device_api` string for vfio-ap devices (`VFIO_DEVICE_FLAGS_AP`).
    pub const VFIO_DEVICE_API_AP_STRING: &str = "vfio-ap";

    /// Device-info capability of s390 zPCI devices: base function data (layout in
    /// `<linux/vfio_zdev.h>`).
    pub const VFIO_DEVICE_INFO_CAP_ZPCI_BASE: u16 = 1;
    /// Device-info capability of s390 zPCI devices: function group data.
    pub const VFIO_DEVICE_INFO_CAP_ZPCI_GROUP: u16 = 2;
    /// Device-info capability of s390 zPCI devices: the utility string.
    pub const VFIO_DEVICE_INFO_CAP_ZPCI_UTIL: u16 = 3;
    /// Device-info capability of s390 zPCI devices: the PCI function internal path.
    pub const VFIO_DEVICE_INFO_CAP_ZPCI_PFIP: u16 = 4;
    /// Device-info capability: the widths of PCIe AtomicOp completion the root bus supports
    /// (`vfio_device_info_cap_pci_atomic_comp`).
    pub const VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP: u16 = 5;

    /// Device-info capability reporting which PCIe AtomicOp completer widths the path to the
    /// root bus supports.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP, version = 1))]
    pub struct VfioDeviceInfoCapPciAtomicComp {
        /// Chain header (`id` = `VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP`).
        pub header: VfioInfoCapHeader,
        /// Supported completion widths, filled by the kernel.
        #[flags {
            /// 32-bit AtomicOp completion.
            VFIO_PCI_ATOMIC_COMP32 = 1 << 0,
            /// 64-bit AtomicOp completion.
            VFIO_PCI_ATOMIC_COMP64 = 1 << 1,
            /// 128-bit CAS completion.
            VFIO_PCI_ATOMIC_COMP128 = 1 << 2,
        }]
        pub flags: u32,
        /// Unused; Linux names it `reserved` and writes zero.
        pub reserved: u32,
    }

    /// Argument of `VFIO_DEVICE_GET_REGION_INFO`: one region of the device (MMIO, I/O port
    /// or a bus-specific space such as PCI config space), reached at `offset` of the device
    /// file. An unimplemented region has size 0. The caller sets `argsz` and `index`.
    ///
    /// `cap_offset` was named `resv` (alignment padding) before capability chains existed;
    /// the struct's size never changed, so it has one version.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioRegionInfo {
        /// Size of the buffer, including room for capabilities; set by the caller, raised by
        /// the kernel when the capability chain did not fit.
        pub argsz: u32,
        /// Access the region allows, filled by the kernel.
        #[flags {
            /// The region can be read through the device file.
            VFIO_REGION_INFO_FLAG_READ = 1 << 0,
            /// The region can be written through the device file.
            VFIO_REGION_INFO_FLAG_WRITE = 1 << 1,
            /// The region can be mmap'ed from the device file.
            VFIO_REGION_INFO_FLAG_MMAP = 1 << 2,
            /// `cap_offset` is valid: the info has a capability chain.
            VFIO_REGION_INFO_FLAG_CAPS = 1 << 3,
        }]
        pub flags: u32,
        /// Which region; set by the caller.
        pub index: u32,
        /// Offset of the first capability from the start of the struct (0: none).
        #[uabi(gated_by = VFIO_REGION_INFO_FLAG_CAPS)]
        pub cap_offset: u32,
        /// Size of the region in bytes.
        #[uabi(aligned)]
        pub size: u64,
        /// Where the region starts in the device file (for read, write, mmap).
        #[uabi(aligned)]
        pub offset: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 8)`: fills a `vfio_region_info` and its capabilities.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_GET_REGION_INFO: Ioctl<VfioRegionInfo> = io!(VFIO_TYPE, VFIO_BASE + 8);

    /// Region capability: only parts of an mmap-able region may be mapped
    /// (`vfio_region_info_cap_sparse_mmap`); mapping elsewhere (the MSI-X table of a BAR, for
    /// example) may fail or misbehave.
    pub const VFIO_REGION_INFO_CAP_SPARSE_MMAP: u16 = 1;

    /// One mmap-able part of a region.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioRegionSparseMmapArea {
        /// Start of the area, from the start of the region.
        #[uabi(aligned)]
        pub offset: u64,
        /// Length of the area in bytes.
        #[uabi(aligned)]
        pub size: u64,
    }

    /// Region capability listing the areas of the region that may be mmap'ed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_REGION_INFO_CAP_SPARSE_MMAP, version = 1))]
    pub struct VfioRegionInfoCapSparseMmap {
        /// Chain header (`id` = `VFIO_REGION_INFO_CAP_SPARSE_MMAP`).
        pub header: VfioInfoCapHeader,
        /// Number of entries in `areas`.
        pub nr_areas: u32,
        /// Unused; Linux names it `reserved` and writes zero.
        pub reserved: u32,
        /// The mmap-able areas.
        #[uabi(counted_by = nr_areas)]
        pub areas: [VfioRegionSparseMmapArea],
    }

    /// Region capability: the region has a device- or bus-specific meaning given by a type
    /// and subtype (`vfio_region_info_cap_type`), rather than by a fixed index.
    pub const VFIO_REGION_INFO_CAP_TYPE: u16 = 2;

    /// Region capability naming what a device-specific region is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_REGION_INFO_CAP_TYPE, version = 1))]
    pub struct VfioRegionInfoCapType {
        /// Chain header (`id` = `VFIO_REGION_INFO_CAP_TYPE`).
        pub header: VfioInfoCapHeader,
        /// Region type, global to the bus driver (`VFIO_REGION_TYPE_*`).
        pub r#type: u32,
        /// Subtype, whose meaning depends on `type` (`VFIO_REGION_SUBTYPE_*`).
        pub subtype: u32,
    }

    /// Region type bit: the type is PCI vendor specific, the vendor ID in the low 16 bits.
    pub const VFIO_REGION_TYPE_PCI_VENDOR_TYPE: u32 = 1 << 31;
    /// Mask of the PCI vendor ID in a vendor-specific region type.
    pub const VFIO_REGION_TYPE_PCI_VENDOR_MASK: u32 = 0xffff;
    /// Region type: graphics.
    pub const VFIO_REGION_TYPE_GFX: u32 = 1;
    /// Region type: s390 channel I/O.
    pub const VFIO_REGION_TYPE_CCW: u32 = 2;
    /// Region type of the retired v1 migration protocol.
    pub const VFIO_REGION_TYPE_MIGRATION_DEPRECATED: u32 = 3;

    /// Intel (vendor 8086) subtype: the IGD OpRegion.
    pub const VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION: u32 = 1;
    /// Intel (vendor 8086) subtype: config space of the IGD host bridge.
    pub const VFIO_REGION_SUBTYPE_INTEL_IGD_HOST_CFG: u32 = 2;
    /// Intel (vendor 8086) subtype: config space of the IGD LPC bridge.
    pub const VFIO_REGION_SUBTYPE_INTEL_IGD_LPC_CFG: u32 = 3;
    /// NVIDIA (vendor 10de) subtype: NVLink2 GPU RAM coherently mapped into the host. No
    /// longer provided by Linux.
    pub const VFIO_REGION_SUBTYPE_NVIDIA_NVLINK2_RAM: u32 = 1;
    /// IBM (vendor 1014) subtype: the NPU's NVLink2 address translation shootdown register.
    /// No longer provided by Linux.
    pub const VFIO_REGION_SUBTYPE_IBM_NVLINK2_ATSD: u32 = 1;
    /// Graphics subtype: the virtual display's EDID and link state (`vfio_region_gfx_edid`).
    pub const VFIO_REGION_SUBTYPE_GFX_EDID: u32 = 1;

    /// Layout at the start of a `VFIO_REGION_SUBTYPE_GFX_EDID` region: lets user space (a
    /// VMM) set the EDID blob and the link state of a virtual monitor. To change the EDID: set
    /// the link down, write blob and size, set the link up.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioRegionGfxEdid {
        /// Where the EDID blob starts, from the start of the region (read-only).
        pub edid_offset: u32,
        /// Largest EDID blob the region holds, in bytes (read-only).
        pub edid_max_size: u32,
        /// Size of the current EDID blob in bytes (read/write).
        pub edid_size: u32,
        /// Widest display mode supported, 0 for no limit (read-only).
        pub max_xres: u32,
        /// Tallest display mode supported, 0 for no limit (read-only).
        pub max_yres: u32,
        /// Display link state (read/write).
        #[flags {
            /// The monitor is on.
            VFIO_DEVICE_GFX_LINK_STATE_UP = 1,
            /// The monitor is off.
            VFIO_DEVICE_GFX_LINK_STATE_DOWN = 2,
        }]
        pub link_state: u32,
    }

    /// vfio-ccw subtype: the asynchronous command region.
    pub const VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD: u32 = 1;
    /// vfio-ccw subtype: the subchannel information block.
    pub const VFIO_REGION_SUBTYPE_CCW_SCHIB: u32 = 2;
    /// vfio-ccw subtype: channel report words.
    pub const VFIO_REGION_SUBTYPE_CCW_CRW: u32 = 3;

    /// Subtype of the retired v1 migration region.
    pub const VFIO_REGION_SUBTYPE_MIGRATION_DEPRECATED: u32 = 1;

    /// Layout at the start of the retired v1 migration region (replaced by
    /// `VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE`); kept because the names remain in the header.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceMigrationInfo {
        /// Device state as a bit set of the `VFIO_DEVICE_STATE_V1_*` bits.
        #[flags {
            /// No bit: the device is stopped.
            VFIO_DEVICE_STATE_V1_STOP = 0,
            /// The device runs.
            VFIO_DEVICE_STATE_V1_RUNNING = 1 << 0,
            /// The device state is being saved.
            VFIO_DEVICE_STATE_V1_SAVING = 1 << 1,
            /// A device state is being loaded.
            VFIO_DEVICE_STATE_V1_RESUMING = 1 << 2,
            /// Every state bit.
            VFIO_DEVICE_STATE_MASK = VFIO_DEVICE_STATE_V1_RUNNING | VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING,
        }]
        pub device_state: u32,
        /// Unused; Linux names it `reserved`.
        pub reserved: u32,
        /// Bytes of saved state still to be read.
        #[uabi(aligned)]
        pub pending_bytes: u64,
        /// Where the data window starts in the region.
        #[uabi(aligned)]
        pub data_offset: u64,
        /// Bytes available in the data window.
        #[uabi(aligned)]
        pub data_size: u64,
    }

    /// Whether a v1 `device_state` is valid: with `RESUMING` set, no other bit may be. (C:
    /// the function-like macro `VFIO_DEVICE_STATE_VALID`, not in the generated header.)
    pub const fn vfio_device_state_valid(state: u32) -> bool {
        if state & VFIO_DEVICE_STATE_V1_RESUMING != 0 {
            state & VFIO_DEVICE_STATE_MASK == VFIO_DEVICE_STATE_V1_RESUMING
        } else {
            true
        }
    }

    /// Whether a v1 `device_state` is the error state (`SAVING | RESUMING`). (C:
    /// `VFIO_DEVICE_STATE_IS_ERROR`, not in the generated header.)
    pub const fn vfio_device_state_is_error(state: u32) -> bool {
        state & VFIO_DEVICE_STATE_MASK == (VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING)
    }

    /// `state` with its state bits replaced by the error state. (C:
    /// `VFIO_DEVICE_STATE_SET_ERROR`, not in the generated header.)
    pub const fn vfio_device_state_set_error(state: u32) -> u32 {
        (state & !VFIO_DEVICE_STATE_MASK) | VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING
    }

    /// Region capability with no payload: the MSI-X table of this BAR may be mmap'ed, which
    /// gives direct access to other registers sharing its page. MSI-X itself is still set up
    /// with `VFIO_DEVICE_SET_IRQS`.
    pub const VFIO_REGION_INFO_CAP_MSIX_MAPPABLE: u16 = 3;

    /// Region capability: the system bus address of NVLink2 GPU RAM
    /// (`vfio_region_info_cap_nvlink2_ssatgt`). No longer provided by Linux.
    pub const VFIO_REGION_INFO_CAP_NVLINK2_SSATGT: u16 = 4;

    /// Region capability with the compressed real address ("small system address") at which
    /// the GPU RAM appears on the system bus; used for DMA routing and to pair an NVLink
    /// bridge with its GPU. No longer provided by Linux.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_REGION_INFO_CAP_NVLINK2_SSATGT, version = 1))]
    pub struct VfioRegionInfoCapNvlink2Ssatgt {
        /// Chain header (`id` = `VFIO_REGION_INFO_CAP_NVLINK2_SSATGT`).
        pub header: VfioInfoCapHeader,
        /// The target address.
        #[uabi(aligned)]
        pub tgt: u64,
    }

    /// Region capability: the NVLink link speed (`vfio_region_info_cap_nvlink2_lnkspd`). No
    /// longer provided by Linux.
    pub const VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD: u16 = 5;

    /// Region capability with the NVLink speed that the bridge's firmware property gives and
    /// that the link needs to work. No longer provided by Linux.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD, version = 1))]
    pub struct VfioRegionInfoCapNvlink2Lnkspd {
        /// Chain header (`id` = `VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD`).
        pub header: VfioInfoCapHeader,
        /// The link speed value.
        pub link_speed: u32,
        /// Padding; Linux names it `__pad`.
        pub __pad: u32,
    }

    /// Argument of `VFIO_DEVICE_GET_IRQ_INFO`: one interrupt index of the device. Indexes
    /// with several IRQs are meant for MSI-like blocks; a count of 0 means unimplemented. The
    /// caller sets `argsz` and `index`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioIrqInfo {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// What the index supports, filled by the kernel.
        #[flags {
            /// Interrupts can be signalled through an eventfd.
            VFIO_IRQ_INFO_EVENTFD = 1 << 0,
            /// The index supports the MASK and UNMASK actions.
            VFIO_IRQ_INFO_MASKABLE = 1 << 1,
            /// VFIO masks the line after signalling it, and the user must unmask it to get
            /// the next one (level-triggered interrupts).
            VFIO_IRQ_INFO_AUTOMASKED = 1 << 2,
            /// The IRQs of the index are set up as one block: enabling more means disabling the
            /// index first (PCI MSI, MSI-X). Without it, vectors come and go individually.
            VFIO_IRQ_INFO_NORESIZE = 1 << 3,
        }]
        pub flags: u32,
        /// Which interrupt index; set by the caller.
        pub index: u32,
        /// Number of IRQs in the index.
        pub count: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 9)`: fills a `vfio_irq_info`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_GET_IRQ_INFO: Ioctl<VfioIrqInfo> = io!(VFIO_TYPE, VFIO_BASE + 9);

    /// Argument of `VFIO_DEVICE_SET_IRQS`: signal, mask or unmask the IRQs `start ..
    /// start + count` of interrupt `index`. One data type and one action flag are set:
    ///
    /// - `DATA_NONE`: perform the action on every IRQ of the range now (with `TRIGGER` and
    ///   `count` 0 it disables the whole index);
    /// - `DATA_BOOL`: `data` holds one `u8` per IRQ; the action applies where it is 1;
    /// - `DATA_EVENTFD`: `data` holds one `__s32` eventfd per IRQ, binding it to the action;
    ///   -1 unbinds it (or skips an unbound IRQ).
    ///
    /// `MASK`/`UNMASK` bound to eventfds are user-to-kernel signals (irqfds); `TRIGGER` is
    /// kernel-to-user. Binding a `TRIGGER` eventfd enables the index; `DATA_NONE`/`DATA_BOOL`
    /// with `TRIGGER` then fire the interrupt from user space (loopback testing).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIrqSet {
        /// Size of the struct plus `data`; set by the caller.
        pub argsz: u32,
        /// One data type and one action, set by the caller.
        #[flags {
            /// No data: act on every IRQ of the range.
            VFIO_IRQ_SET_DATA_NONE = 1 << 0,
            /// `data` is an array of `u8` booleans, one per IRQ.
            VFIO_IRQ_SET_DATA_BOOL = 1 << 1,
            /// `data` is an array of `__s32` eventfds, one per IRQ.
            VFIO_IRQ_SET_DATA_EVENTFD = 1 << 2,
            /// Mask the interrupts.
            VFIO_IRQ_SET_ACTION_MASK = 1 << 3,
            /// Unmask the interrupts.
            VFIO_IRQ_SET_ACTION_UNMASK = 1 << 4,
            /// Signal the interrupts.
            VFIO_IRQ_SET_ACTION_TRIGGER = 1 << 5,
        }]
        pub flags: u32,
        /// Interrupt index.
        pub index: u32,
        /// First IRQ of the range within the index.
        pub start: u32,
        /// Number of IRQs in the range (and of elements in `data`).
        pub count: u32,
        /// Per-IRQ data whose element type the `DATA_*` flag names (`u8` or `__s32`).
        pub data: [u8],
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 10)`: applies a `vfio_irq_set`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_SET_IRQS: Ioctl<VfioIrqSet> = io!(VFIO_TYPE, VFIO_BASE + 10);

    /// The data-type flags of `vfio_irq_set`.
    pub const VFIO_IRQ_SET_DATA_TYPE_MASK: u32 = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_EVENTFD;
    /// The action flags of `vfio_irq_set`.
    pub const VFIO_IRQ_SET_ACTION_TYPE_MASK: u32 =
        VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_UNMASK | VFIO_IRQ_SET_ACTION_TRIGGER;

    /// `_IO(VFIO_TYPE, VFIO_BASE + 11)`: resets the device.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_RESET: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 11);

    // vfio-pci's fixed region and IRQ indexes (an anonymous C enum in Linux). An absent region
    // has size 0, an absent IRQ index count 0.

    /// vfio-pci region index of BAR 0.
    pub const VFIO_PCI_BAR0_REGION_INDEX: u32 = 0;
    /// vfio-pci region index of BAR 1.
    pub const VFIO_PCI_BAR1_REGION_INDEX: u32 = 1;
    /// vfio-pci region index of BAR 2.
    pub const VFIO_PCI_BAR2_REGION_INDEX: u32 = 2;
    /// vfio-pci region index of BAR 3.
    pub const VFIO_PCI_BAR3_REGION_INDEX: u32 = 3;
    /// vfio-pci region index of BAR 4.
    pub const VFIO_PCI_BAR4_REGION_INDEX: u32 = 4;
    /// vfio-pci region index of BAR 5.
    pub const VFIO_PCI_BAR5_REGION_INDEX: u32 = 5;
    /// vfio-pci region index of the expansion ROM.
    pub const VFIO_PCI_ROM_REGION_INDEX: u32 = 6;
    /// vfio-pci region index of PCI config space.
    pub const VFIO_PCI_CONFIG_REGION_INDEX: u32 = 7;
    /// vfio-pci region index of the legacy VGA ranges of display controllers (class 03,
    /// subclass 00): I/O ports 0x3b0-0x3bb and 0x3c0-0x3df and memory 0xa0000-0xbffff, each
    /// at its own address as offset from the region's start; the gaps are unimplemented.
    pub const VFIO_PCI_VGA_REGION_INDEX: u32 = 8;
    /// Number of fixed vfio-pci regions; indexes from here on are device specific and
    /// described by a `VFIO_REGION_INFO_CAP_TYPE` capability. Fixed by the ABI.
    pub const VFIO_PCI_NUM_REGIONS: u32 = 9;

    /// vfio-pci IRQ index of legacy INTx.
    pub const VFIO_PCI_INTX_IRQ_INDEX: u32 = 0;
    /// vfio-pci IRQ index of MSI.
    pub const VFIO_PCI_MSI_IRQ_INDEX: u32 = 1;
    /// vfio-pci IRQ index of MSI-X.
    pub const VFIO_PCI_MSIX_IRQ_INDEX: u32 = 2;
    /// vfio-pci IRQ index signalling an AER error.
    pub const VFIO_PCI_ERR_IRQ_INDEX: u32 = 3;
    /// vfio-pci IRQ index signalling that the host asks for the device back.
    pub const VFIO_PCI_REQ_IRQ_INDEX: u32 = 4;
    /// Number of vfio-pci IRQ indexes.
    pub const VFIO_PCI_NUM_IRQS: u32 = 5;

    // vfio-ccw's fixed indexes (an anonymous C enum in Linux).

    /// vfio-ccw region index of the I/O region.
    pub const VFIO_CCW_CONFIG_REGION_INDEX: u32 = 0;
    /// Number of fixed vfio-ccw regions.
    pub const VFIO_CCW_NUM_REGIONS: u32 = 1;

    /// vfio-ccw IRQ index of I/O interrupts.
    pub const VFIO_CCW_IO_IRQ_INDEX: u32 = 0;
    /// vfio-ccw IRQ index signalling pending channel report words.
    pub const VFIO_CCW_CRW_IRQ_INDEX: u32 = 1;
    /// vfio-ccw IRQ index signalling that the host asks for the device back.
    pub const VFIO_CCW_REQ_IRQ_INDEX: u32 = 2;
    /// Number of vfio-ccw IRQ indexes.
    pub const VFIO_CCW_NUM_IRQS: u32 = 3;

    // vfio-ap's IRQ indexes (an anonymous C enum in Linux).

    /// vfio-ap IRQ index signalling that the host asks for the device back.
    pub const VFIO_AP_REQ_IRQ_INDEX: u32 = 0;
    /// vfio-ap IRQ index signalling a change of the AP configuration.
    pub const VFIO_AP_CFG_CHG_IRQ_INDEX: u32 = 1;
    /// Number of vfio-ap IRQ indexes.
    pub const VFIO_AP_NUM_IRQS: u32 = 2;

    /// The owner of a device affected by a hot reset: a group ID for devices opened through
    /// a group, a device ID (or `VFIO_PCI_DEVID_*`) for devices opened as a cdev.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union VfioPciDependentDeviceOwner {
        /// IOMMU group of the device (group/container API).
        pub group_id: u32,
        /// iommufd device ID of the device, or a `VFIO_PCI_DEVID_*` value (cdev API).
        pub devid: u32,
    }

    /// A device that a hot reset of the calling device would also reset.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioPciDependentDevice {
        /// `group_id` or `devid` (an anonymous union in C); which one the caller reads depends
        /// on `VFIO_PCI_HOT_RESET_FLAG_DEV_ID`.
        #[uabi(anonymous)]
        pub owner: VfioPciDependentDeviceOwner,
        /// PCI segment (domain).
        pub segment: u16,
        /// PCI bus number.
        pub bus: u8,
        /// PCI device and function number (`PCI_SLOT`/`PCI_FUNC`).
        pub devfn: u8,
    }

    /// `devid` of a device with no ID in the caller's iommufd context but in an IOMMU group
    /// with a device that has one: the caller owns it implicitly.
    pub const VFIO_PCI_DEVID_OWNED: i32 = 0;
    /// `devid` of a device the caller does not own (or whose ownership cannot be told); it
    /// prevents a hot reset through the cdev API. Compare with `devid as i32`.
    pub const VFIO_PCI_DEVID_NOT_OWNED: i32 = -1;

    /// Argument of `VFIO_DEVICE_GET_PCI_HOT_RESET_INFO`: the devices a hot reset of the
    /// calling device affects. Segment, bus and devfn are always reported; the owner is a
    /// group ID (group API) or a device ID (cdev API, `VFIO_PCI_HOT_RESET_FLAG_DEV_ID`). Too
    /// small a buffer gets ENOSPC with `count` set.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioPciHotResetInfo {
        /// Size of the struct plus `devices`; set by the caller.
        pub argsz: u32,
        /// How to read `devices`, filled by the kernel.
        #[flags {
            /// The owners are device IDs (`devid`), not group IDs: the device is a cdev.
            VFIO_PCI_HOT_RESET_FLAG_DEV_ID = 1 << 0,
            /// With `DEV_ID`: the caller owns every affected device, so
            /// `VFIO_DEVICE_PCI_HOT_RESET` can be called with no group file descriptors.
            VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED = 1 << 1,
        }]
        pub flags: u32,
        /// Number of affected devices (filled even when they do not fit).
        pub count: u32,
        /// The affected devices.
        #[uabi(counted_by = count)]
        pub devices: [VfioPciDependentDevice],
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a device: fills a `vfio_pci_hot_reset_info`.
    /// Fails with ENODEV when the device cannot be hot reset.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_GET_PCI_HOT_RESET_INFO: Ioctl<VfioPciHotResetInfo> = io!(VFIO_TYPE, VFIO_BASE + 12);

    /// Argument of `VFIO_DEVICE_PCI_HOT_RESET`: a bus or slot reset, allowed only to the owner
    /// of every affected device. Through the group API, ownership is proven by passing a file
    /// descriptor of each affected group; a cdev passes none and relies on its iommufd
    /// context. Mixing the two APIs in one reset set is not supported.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioPciHotReset {
        /// Size of the struct plus `group_fds`; set by the caller.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// Number of entries in `group_fds` (0 for a cdev).
        pub count: u32,
        /// Group file descriptors proving ownership.
        #[uabi(counted_by = count)]
        pub group_fds: [i32],
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 13)` on a device: performs a `vfio_pci_hot_reset`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_PCI_HOT_RESET: Ioctl<VfioPciHotReset> = io!(VFIO_TYPE, VFIO_BASE + 13);

    /// How the plane's contents are reached: a region index or a dma-buf ID.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union VfioDeviceGfxPlaneInfoSource {
        /// Region holding the plane (`VFIO_GFX_PLANE_TYPE_REGION`).
        pub region_index: u32,
        /// Token for `VFIO_DEVICE_GET_GFX_DMABUF` (`VFIO_GFX_PLANE_TYPE_DMABUF`).
        pub dmabuf_id: u32,
    }

    /// Argument of `VFIO_DEVICE_QUERY_GFX_PLANE`: a display plane of a mediated graphics
    /// device. With `PROBE` plus `DMABUF` or `REGION` it only asks whether that kind of
    /// plane is supported (EINVAL if not); with `DMABUF` or `REGION` alone it returns the
    /// plane. A plane the guest disabled comes back with zero format, size, width and height.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceGfxPlaneInfo {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Kind of query, set by the caller.
        #[flags {
            /// Only ask whether the plane kind given with it is supported.
            VFIO_GFX_PLANE_TYPE_PROBE = 1 << 0,
            /// The plane is exported as a dma-buf.
            VFIO_GFX_PLANE_TYPE_DMABUF = 1 << 1,
            /// The plane is in a device region.
            VFIO_GFX_PLANE_TYPE_REGION = 1 << 2,
        }]
        pub flags: u32,
        /// DRM plane type (`DRM_PLANE_TYPE_*`); set by the caller.
        pub drm_plane_type: u32,
        /// DRM fourcc format of the plane.
        pub drm_format: u32,
        /// DRM format modifier (tiling).
        #[uabi(aligned)]
        pub drm_format_mod: u64,
        /// Width in pixels.
        pub width: u32,
        /// Height in pixels.
        pub height: u32,
        /// Bytes per line.
        pub stride: u32,
        /// Size of the plane in bytes, page aligned.
        pub size: u32,
        /// Horizontal position of a cursor plane.
        pub x_pos: u32,
        /// Vertical position of a cursor plane.
        pub y_pos: u32,
        /// Horizontal cursor hotspot; 0xffffffff when unknown.
        pub x_hot: u32,
        /// Vertical cursor hotspot; 0xffffffff when unknown.
        pub y_hot: u32,
        /// `region_index` or `dmabuf_id` (an anonymous union in C).
        #[uabi(anonymous)]
        pub source: VfioDeviceGfxPlaneInfoSource,
        /// Unused; Linux names it `reserved`.
        pub reserved: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 14)` on a device: fills a `vfio_device_gfx_plane_info`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_QUERY_GFX_PLANE: Ioctl<VfioDeviceGfxPlaneInfo> = io!(VFIO_TYPE, VFIO_BASE + 14);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 15)` on a device: the argument points to a `__u32`
    /// `dmabuf_id` from `VFIO_DEVICE_QUERY_GFX_PLANE`; returns a new dma-buf file descriptor
    /// of that guest framebuffer.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_GET_GFX_DMABUF: Ioctl<u32> = io!(VFIO_TYPE, VFIO_BASE + 15);

    /// Argument of `VFIO_DEVICE_IOEVENTFD`: when the eventfd `fd` fires, the kernel writes
    /// `data` at `offset` of the device file with the given width. Support varies per bus
    /// driver, region and width (vfio-pci: BARs, except the MSI-X table).
    ///
    /// Linux accepts an `argsz` that ends after `fd` (36 bytes); this definition's single
    /// version asks for the whole struct (40 bytes).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceIoeventfd {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Width of the write: exactly one flag.
        #[flags {
            /// 1-byte write.
            VFIO_DEVICE_IOEVENTFD_8 = 1 << 0,
            /// 2-byte write.
            VFIO_DEVICE_IOEVENTFD_16 = 1 << 1,
            /// 4-byte write.
            VFIO_DEVICE_IOEVENTFD_32 = 1 << 2,
            /// 8-byte write.
            VFIO_DEVICE_IOEVENTFD_64 = 1 << 3,
            /// Every width flag.
            VFIO_DEVICE_IOEVENTFD_SIZE_MASK = VFIO_DEVICE_IOEVENTFD_8 | VFIO_DEVICE_IOEVENTFD_16 | VFIO_DEVICE_IOEVENTFD_32 | VFIO_DEVICE_IOEVENTFD_64,
        }]
        pub flags: u32,
        /// Offset in the device file to write to.
        #[uabi(aligned)]
        pub offset: u64,
        /// Value to write.
        #[uabi(aligned)]
        pub data: u64,
        /// The eventfd; -1 removes the ioeventfd matching the other fields.
        pub fd: i32,
        /// Unused; Linux names it `reserved` and does not read it.
        pub reserved: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 16)` on a device: adds or removes a
    /// `vfio_device_ioeventfd`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_IOEVENTFD: Ioctl<VfioDeviceIoeventfd> = io!(VFIO_TYPE, VFIO_BASE + 16);

    /// Argument of `VFIO_DEVICE_FEATURE`: get, set or probe one feature of the device, chosen
    /// by the low 16 bits of `flags` (`VFIO_DEVICE_FEATURE_*` numbers). `GET` and `SET`
    /// exclude each other except with `PROBE`, which only asks whether the feature (and the
    /// given `GET`/`SET` accesses) is supported and needs no data. `data` is the feature's
    /// payload.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeature {
        /// Size of the struct plus `data`; set by the caller.
        pub argsz: u32,
        /// Feature number and access, set by the caller.
        #[flags {
            /// The 16 bits of the feature number.
            VFIO_DEVICE_FEATURE_MASK = 0xffff,
            /// Read the feature into `data`.
            VFIO_DEVICE_FEATURE_GET = 1 << 16,
            /// Write the feature from `data`.
            VFIO_DEVICE_FEATURE_SET = 1 << 17,
            /// Only ask whether the feature is supported.
            VFIO_DEVICE_FEATURE_PROBE = 1 << 18,
        }]
        pub flags: u32,
        /// The feature's payload.
        pub data: [u8],
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a device: performs a `vfio_device_feature`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_FEATURE: Ioctl<VfioDeviceFeature> = io!(VFIO_TYPE, VFIO_BASE + 17);

    /// Argument of `VFIO_DEVICE_BIND_IOMMUFD`: binds a device cdev to an iommufd. The device
    /// cannot be used before; closing the device file unbinds it. Version 1 ends after
    /// `out_devid`; version 2 added the VF token.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceBindIommufd {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Set by the caller.
        #[flags {
            /// `token_uuid_ptr` is valid: the device needs a token to be opened (today only a
            /// VF, which must present the token its PF was given with
            /// `VFIO_DEVICE_FEATURE_PCI_VF_TOKEN`).
            #[uabi(since = 2)]
            VFIO_DEVICE_BIND_FLAG_TOKEN = 1 << 0,
        }]
        pub flags: u32,
        /// The iommufd to bind to; set by the caller.
        pub iommufd: i32,
        /// ID of the device in that iommufd, for iommufd commands; filled by the kernel.
        pub out_devid: u32,
        /// User address of the 16-byte UUID token (same format as
        /// `VFIO_DEVICE_FEATURE_PCI_VF_TOKEN`).
        #[uabi(since = 2, aligned, gated_by = VFIO_DEVICE_BIND_FLAG_TOKEN)]
        pub token_uuid_ptr: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 18)` on a device cdev: performs a
    /// `vfio_device_bind_iommufd`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_BIND_IOMMUFD: Ioctl<VfioDeviceBindIommufd> = io!(VFIO_TYPE, VFIO_BASE + 18);

    /// Argument of `VFIO_DEVICE_ATTACH_IOMMUFD_PT`: attaches the device (or one PASID of it)
    /// to an IOAS or hardware page table of the bound iommufd. Attaching again without
    /// detaching replaces the page table. EBUSY while the device or a sibling in its IOMMU
    /// group is being reset. Version 2 added `pasid`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceAttachIommufdPt {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Set by the caller.
        #[flags {
            /// Attach the PASID in `pasid` rather than the whole device.
            #[uabi(since = 2)]
            VFIO_DEVICE_ATTACH_PASID = 1 << 0,
        }]
        pub flags: u32,
        /// In: an IOAS or hardware page table ID. Out: the IOAS ID given, or the page table
        /// the device is now attached to (possibly one the kernel created for the IOAS).
        pub pt_id: u32,
        /// The PASID to attach.
        #[uabi(since = 2, gated_by = VFIO_DEVICE_ATTACH_PASID)]
        pub pasid: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 19)` on a device cdev: performs a
    /// `vfio_device_attach_iommufd_pt`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_ATTACH_IOMMUFD_PT: Ioctl<VfioDeviceAttachIommufdPt> = io!(VFIO_TYPE, VFIO_BASE + 19);

    /// Argument of `VFIO_DEVICE_DETACH_IOMMUFD_PT`: detaches the device (or one PASID of it)
    /// from its address space, leaving its DMA blocked. Version 2 added `pasid`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceDetachIommufdPt {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Set by the caller.
        #[flags {
            /// Detach the PASID in `pasid` rather than the whole device.
            #[uabi(since = 2)]
            VFIO_DEVICE_DETACH_PASID = 1 << 0,
        }]
        pub flags: u32,
        /// The PASID to detach.
        #[uabi(since = 2, gated_by = VFIO_DEVICE_DETACH_PASID)]
        pub pasid: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 20)` on a device cdev: performs a
    /// `vfio_device_detach_iommufd_pt`.
    #[uabi(namespace = device)]
    pub const VFIO_DEVICE_DETACH_IOMMUFD_PT: Ioctl<VfioDeviceDetachIommufdPt> = io!(VFIO_TYPE, VFIO_BASE + 20);

    // ---------------------------------------------------------------------------------------
    // Device features (the low 16 bits of vfio_device_feature.flags) and their payloads.
    // ---------------------------------------------------------------------------------------

    /// Feature (SET): the 16-byte UUID shared as a secret between an SR-IOV PF and its VFs'
    /// drivers. Only on a PF with SR-IOV enabled and no VF open.
    pub const VFIO_DEVICE_FEATURE_PCI_VF_TOKEN: u32 = 0;

    /// Payload of `VFIO_DEVICE_FEATURE_MIGRATION` (GET): which migration states the device
    /// supports beyond RUNNING and ERROR. `STOP_COPY` is always set; `P2P` adds RUNNING_P2P,
    /// `PRE_COPY` adds PRE_COPY, and both together add PRE_COPY_P2P.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureMigration {
        /// Supported migration features.
        #[flags {
            /// STOP, STOP_COPY and RESUMING are supported.
            VFIO_MIGRATION_STOP_COPY = 1 << 0,
            /// RUNNING_P2P is supported.
            VFIO_MIGRATION_P2P = 1 << 1,
            /// PRE_COPY is supported.
            VFIO_MIGRATION_PRE_COPY = 1 << 2,
        }]
        #[uabi(aligned)]
        pub flags: u64,
    }

    /// Feature (GET): the device supports migration, and which states
    /// (`vfio_device_feature_migration`).
    pub const VFIO_DEVICE_FEATURE_MIGRATION: u32 = 1;

    /// Payload of `VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE`. SET moves the device to
    /// `device_state` (through intermediate states, see `vfio_device_mig_state`) before
    /// returning; an arc that starts a data transfer returns its file in `data_fd`, which the
    /// user closes. On failure the device may be in the old state, a state along the path,
    /// or ERROR. GET reads the current state, with `data_fd` -1.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureMigState {
        /// The state to move to (SET) or the current state (GET).
        #[uabi(enum = VfioDeviceMigState)]
        pub device_state: u32,
        /// File descriptor of the new migration data stream, or -1.
        pub data_fd: i32,
    }

    /// Feature (GET, SET): the migration state of the device (`vfio_device_feature_mig_state`).
    pub const VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE: u32 = 2;

    /// The migration state machine of a device.
    ///
    /// The device's state is read out as an opaque byte stream (read the data file in
    /// PRE_COPY, PRE_COPY_P2P and STOP_COPY; end of file is the end of the state) and loaded
    /// by writing that stream in RESUMING. The direct arcs are: RUNNING_P2P and STOP_COPY to
    /// STOP; RESUMING to STOP (completes loading, may fail); PRE_COPY and RUNNING_P2P to
    /// RUNNING; PRE_COPY_P2P, RUNNING and STOP to RUNNING_P2P; RUNNING to PRE_COPY,
    /// RUNNING_P2P to PRE_COPY_P2P and STOP to STOP_COPY (these start a data stream, shared
    /// by the three "saving" states); PRE_COPY and PRE_COPY_P2P to each other;
    /// PRE_COPY_P2P to STOP_COPY; STOP to RESUMING (starts a data stream). Leaving the saving
    /// states or RESUMING ends the stream. Any other requested change is carried out along
    /// the shortest path of direct arcs that has no saving state in its interior. The
    /// optional states need the matching `VFIO_MIGRATION_*` flag.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "VFIO_DEVICE_STATE_")]
    pub enum VfioDeviceMigState {
        /// The device failed and needs `VFIO_DEVICE_RESET`; never requested, only entered
        /// when a transition fails and cannot be undone.
        Error = 0,
        /// Stopped: no DMA, no interrupts, no change of internal state, but still answering
        /// accesses needed by the host (config space, MSI-X).
        Stop = 1,
        /// Running normally.
        Running = 2,
        /// Stopped, with the internal state streamed out on the data file.
        StopCopy = 3,
        /// Stopped, loading a new internal state from the data file.
        Resuming = 4,
        /// Running, but starting no new peer-to-peer DMA (optional).
        RunningP2p = 5,
        /// Running, while tracking and streaming out state changes (optional).
        PreCopy = 6,
        /// PRE_COPY without new peer-to-peer DMA (optional).
        PreCopyP2p = 7,
        /// Number of states.
        Nr = 8,
    }

    /// Argument of `VFIO_MIG_GET_PRECOPY_INFO` on the migration data file, valid in the
    /// PRE_COPY states only (EINVAL otherwise): estimates of the data still to be read. The
    /// stream has a temporary end (read returns ENOMSG) when both counts are zero; leaving
    /// PRE_COPY is best done once `initial_bytes` reached zero.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioPrecopyInfo {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Filled by the kernel once the user enabled `VFIO_DEVICE_FEATURE_MIG_PRECOPY_INFOv2`;
        /// before that it carries no information (reserved, for compatibility with kernels
        /// that never wrote it).
        #[flags {
            /// New initial data was added to the stream: `initial_bytes` restarted and
            /// `dirty_bytes` was reset.
            VFIO_PRECOPY_INFO_REINIT = 1 << 0,
        }]
        pub flags: u32,
        /// Bytes of initial state still to be read; decreases as it is read.
        #[uabi(aligned)]
        pub initial_bytes: u64,
        /// Bytes of state changed since it was read; grows as the device changes state.
        #[uabi(aligned)]
        pub dirty_bytes: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 21)` on a migration data file: fills a
    /// `vfio_precopy_info`.
    #[uabi(namespace = migration)]
    pub const VFIO_MIG_GET_PRECOPY_INFO: Ioctl<VfioPrecopyInfo> = io!(VFIO_TYPE, VFIO_BASE + 21);

    /// Feature (SET): let runtime power management put the device in a low power state. Any
    /// access wakes it first and it may sleep again afterwards; mmap'ed regions are
    /// unusable until `VFIO_DEVICE_FEATURE_LOW_POWER_EXIT`. No payload.
    pub const VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY: u32 = 3;

    /// Payload of `VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceLowPowerEntryWithWakeup {
        /// eventfd signalled when the device wakes from the low power state it entered.
        pub wakeup_eventfd: i32,
        /// Unused; Linux names it `reserved` and does not read it.
        pub reserved: u32,
    }

    /// Feature (SET): as `VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY`, but one shot: after a wakeup
    /// (signalled on the eventfd of `vfio_device_low_power_entry_with_wakeup`) the device
    /// stays awake until entered again.
    pub const VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP: u32 = 4;

    /// Feature (SET): stop using low power states (may signal the wakeup eventfd). No
    /// payload.
    pub const VFIO_DEVICE_FEATURE_LOW_POWER_EXIT: u32 = 5;

    /// Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_START`: the device starts recording which
    /// pages of the given IOVA ranges it writes by DMA (for dirty tracking in migration).
    /// Only one logging session at a time.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureDmaLoggingControl {
        /// Tracking granularity in bytes: a hint in, the granularity chosen out.
        #[uabi(aligned)]
        pub page_size: u64,
        /// Number of ranges at `ranges` (at least as many as fit in a page are supported).
        pub num_ranges: u32,
        /// Unused; Linux names it `__reserved` and does not read it.
        pub __reserved: u32,
        /// User address of an array of `vfio_device_feature_dma_logging_range`.
        #[uabi(aligned)]
        pub ranges: u64,
    }

    /// One IOVA range to log.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureDmaLoggingRange {
        /// Start of the range.
        #[uabi(aligned)]
        pub iova: u64,
        /// Length of the range in bytes.
        #[uabi(aligned)]
        pub length: u64,
    }

    /// Feature (SET): start DMA logging (`vfio_device_feature_dma_logging_control`); PROBE
    /// tells whether the device can.
    pub const VFIO_DEVICE_FEATURE_DMA_LOGGING_START: u32 = 6;

    /// Feature (SET): stop the DMA logging started with `..._DMA_LOGGING_START`. No payload.
    pub const VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP: u32 = 7;

    /// Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT`: read and clear the DMA log of an
    /// IOVA range into a user bitmap, one bit per `page_size` (bit `(addr - iova) /
    /// page_size`). The kernel only sets bits. After an error the log must be considered
    /// lost (treat all memory as dirty).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureDmaLoggingReport {
        /// Start of the range.
        #[uabi(aligned)]
        pub iova: u64,
        /// Length of the range in bytes.
        #[uabi(aligned)]
        pub length: u64,
        /// Bytes per bit: any power of two, independent of the logging granularity.
        #[uabi(aligned)]
        pub page_size: u64,
        /// User address of the `__u64` bitmap.
        #[uabi(aligned)]
        pub bitmap: u64,
    }

    /// Feature (GET): read and clear the DMA log (`vfio_device_feature_dma_logging_report`).
    pub const VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT: u32 = 8;

    /// Payload of `VFIO_DEVICE_FEATURE_MIG_DATA_SIZE`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureMigDataSize {
        /// Estimated bytes of state the STOP_COPY phase will stream.
        #[uabi(aligned)]
        pub stop_copy_length: u64,
    }

    /// Feature (GET, any state): the estimated size of the stop-copy data
    /// (`vfio_device_feature_mig_data_size`).
    pub const VFIO_DEVICE_FEATURE_MIG_DATA_SIZE: u32 = 9;

    /// Payload of `VFIO_DEVICE_FEATURE_BUS_MASTER`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureBusMaster {
        /// What to do with the device's bus mastering.
        #[flags {
            /// Disable bus mastering: the device's DMA is blocked.
            VFIO_DEVICE_FEATURE_CLEAR_MASTER = 0,
            /// Enable bus mastering: the device may DMA to host memory.
            VFIO_DEVICE_FEATURE_SET_MASTER = 1,
        }]
        pub op: u32,
    }

    /// Feature (SET): enable or disable bus mastering of a device whose bus has no in-band
    /// way to do it (CDX devices; PCI uses config space) (`vfio_device_feature_bus_master`).
    pub const VFIO_DEVICE_FEATURE_BUS_MASTER: u32 = 10;

    /// Feature (GET): create a dma-buf of slices of a region (`vfio_device_feature_dma_buf`);
    /// the ioctl returns the new file descriptor.
    pub const VFIO_DEVICE_FEATURE_DMA_BUF: u32 = 11;

    /// One slice of a region.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioRegionDmaRange {
        /// Start of the slice in the region.
        pub offset: u64,
        /// Length of the slice in bytes.
        pub length: u64,
    }

    /// Payload of `VFIO_DEVICE_FEATURE_DMA_BUF`: the region and the (P2P DMA) ranges of it
    /// that make up the dma-buf.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioDeviceFeatureDmaBuf {
        /// The region (for vfio-pci, a BAR index).
        pub region_index: u32,
        /// `open(2)` flags of the new file (`O_RDWR`, `O_CLOEXEC` ...).
        pub open_flags: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// Number of entries in `dma_ranges` (at least one).
        pub nr_ranges: u32,
        /// The slices.
        #[uabi(counted_by = nr_ranges)]
        pub dma_ranges: [VfioRegionDmaRange],
    }

    /// Feature (SET): opt in to version 2 of `vfio_precopy_info`, whose `flags` the kernel
    /// fills (`VFIO_PRECOPY_INFO_REINIT`).
    pub const VFIO_DEVICE_FEATURE_MIG_PRECOPY_INFOv2: u32 = 12;

    // ---------------------------------------------------------------------------------------
    // The Type1 IOMMU back end of the container.
    // ---------------------------------------------------------------------------------------

    /// Argument of `VFIO_IOMMU_GET_INFO`: the Type1 IOMMU of the container. Version 1 ends
    /// after `iova_pgsizes` (16 bytes, Linux's `minsz`); version 2 added the capability chain.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioIommuType1Info {
        /// Size of the buffer, including room for capabilities; set by the caller, raised by
        /// the kernel when the capability chain did not fit.
        pub argsz: u32,
        /// Which fields are valid, filled by the kernel.
        #[flags {
            /// `iova_pgsizes` is valid.
            VFIO_IOMMU_INFO_PGSIZES = 1 << 0,
            /// `cap_offset` is valid: the info has a capability chain.
            #[uabi(since = 2)]
            VFIO_IOMMU_INFO_CAPS = 1 << 1,
        }]
        pub flags: u32,
        /// Bitmap of the IOMMU page sizes (bit n: 2^n bytes).
        #[uabi(aligned, gated_by = VFIO_IOMMU_INFO_PGSIZES)]
        pub iova_pgsizes: u64,
        /// Offset of the first capability from the start of the struct (0: none).
        #[uabi(since = 2, gated_by = VFIO_IOMMU_INFO_CAPS)]
        pub cap_offset: u32,
        /// Padding to a multiple of 8; Linux names it `pad` and does not read it.
        #[uabi(since = 2)]
        pub pad: u32,
    }

    /// Type1 info capability: the usable IOVA ranges (`vfio_iommu_type1_info_cap_iova_range`),
    /// without the reserved regions of the attached devices that cannot be relaxed; mapping
    /// outside them fails.
    pub const VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE: u16 = 1;

    /// An inclusive IOVA range.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIovaRange {
        /// First address of the range.
        pub start: u64,
        /// Last address of the range.
        pub end: u64,
    }

    /// Type1 info capability listing the usable IOVA ranges.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, version = 1))]
    pub struct VfioIommuType1InfoCapIovaRange {
        /// Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE`).
        pub header: VfioInfoCapHeader,
        /// Number of entries in `iova_ranges`.
        pub nr_iovas: u32,
        /// Unused; Linux names it `reserved` and writes zero.
        pub reserved: u32,
        /// The ranges.
        #[uabi(counted_by = nr_iovas)]
        pub iova_ranges: [VfioIovaRange],
    }

    /// Type1 info capability: dirty page logging is supported, with its limits
    /// (`vfio_iommu_type1_info_cap_migration`).
    pub const VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION: u16 = 2;

    /// Type1 info capability describing dirty page logging (`VFIO_IOMMU_DIRTY_PAGES`); its
    /// presence means logging is supported.
    ///
    /// Deviation: the 4 bytes at offset 12 are implicit padding in Linux on 64-bit
    /// architectures (absent on i386); here they are the explicit `__pad`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION, version = 1))]
    pub struct VfioIommuType1InfoCapMigration {
        /// Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION`).
        pub header: VfioInfoCapHeader,
        /// No flag is defined.
        pub flags: u32,
        /// Explicit padding (implicit in Linux); written as zero.
        pub __pad: u32,
        /// Bitmap of the page sizes dirty logging supports.
        pub pgsize_bitmap: u64,
        /// Largest bitmap, in bytes, a caller may ask for at once.
        pub max_dirty_bitmap_size: u64,
    }

    /// Type1 info capability: how many more DMA mappings may be created
    /// (`vfio_iommu_type1_info_dma_avail`).
    pub const VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL: u16 = 3;

    /// Type1 info capability with the number of DMA mappings that may still be created.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, version = 1))]
    pub struct VfioIommuType1InfoDmaAvail {
        /// Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL`).
        pub header: VfioInfoCapHeader,
        /// Mappings still allowed at the same time.
        pub avail: u32,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a Type1 container: fills a
    /// `vfio_iommu_type1_info` and its capabilities.
    #[uabi(namespace = container)]
    pub const VFIO_IOMMU_GET_INFO: Ioctl<VfioIommuType1Info> = io!(VFIO_TYPE, VFIO_BASE + 12);

    /// Argument of `VFIO_IOMMU_MAP_DMA`: maps process memory at an IOVA (also used by the
    /// SPAPR TCE back end). With `VADDR`, only gives a new process address to a mapping whose
    /// address `VFIO_DMA_UNMAP_FLAG_VADDR` invalidated: same IOVA and size, same memory
    /// object, READ and WRITE clear.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuType1DmaMap {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Access and mode, set by the caller (READ and/or WRITE, or VADDR).
        #[flags {
            /// The device may read the memory.
            VFIO_DMA_MAP_FLAG_READ = 1 << 0,
            /// The device may write the memory.
            VFIO_DMA_MAP_FLAG_WRITE = 1 << 1,
            /// Update the process address of an existing mapping.
            VFIO_DMA_MAP_FLAG_VADDR = 1 << 2,
        }]
        pub flags: u32,
        /// Process virtual address of the memory.
        pub vaddr: u64,
        /// IO virtual address to map it at.
        pub iova: u64,
        /// Length of the mapping in bytes.
        pub size: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 13)` on a container: performs a
    /// `vfio_iommu_type1_dma_map`.
    #[uabi(namespace = container)]
    pub const VFIO_IOMMU_MAP_DMA: Ioctl<VfioIommuType1DmaMap> = io!(VFIO_TYPE, VFIO_BASE + 13);

    /// A user bitmap of dirty pages, one bit per `pgsize` bytes.
    ///
    /// Deviation: Linux declares `data` as a `__u64 __user *` pointer, which makes the struct
    /// 20 bytes on i386; here it is the address as a `u64` (the 64-bit layout), which C sees
    /// as a union of the pointer and `data_u64` (see deviation 1 of the module).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioBitmap {
        /// Bytes per bit.
        pub pgsize: u64,
        /// Size of the bitmap in bytes.
        pub size: u64,
        /// User address of the zeroed bitmap (`__u64 *` in Linux, and in C here too).
        #[uabi(c_pointer = "__u64")]
        pub data: u64,
    }

    /// Argument of `VFIO_IOMMU_UNMAP_DMA`: unmaps an IOVA range (mapped sizes come back in
    /// `size`; unmapping other than whole original mappings may fail).
    ///
    /// - `GET_DIRTY_BITMAP`: first report the dirty pages of the range into the `vfio_bitmap`
    ///   the caller appends in `data` (zeroed memory; bit n is the page at `iova + n *
    ///   pgsize`).
    /// - `ALL`: unmap everything (`iova` and `size` 0); not with `GET_DIRTY_BITMAP`.
    /// - `VADDR`: do not unmap, but invalidate the process addresses of the range; DMA goes
    ///   on, and no group may join until `VFIO_DMA_MAP_FLAG_VADDR` restores them. Not with
    ///   `GET_DIRTY_BITMAP`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuType1DmaUnmap {
        /// Size of the struct plus `data`; set by the caller.
        pub argsz: u32,
        /// Set by the caller.
        #[flags {
            /// Report the dirty pages before unmapping (`data` holds a `vfio_bitmap`).
            VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP = 1 << 0,
            /// Unmap every mapping.
            VFIO_DMA_UNMAP_FLAG_ALL = 1 << 1,
            /// Invalidate process addresses instead of unmapping.
            VFIO_DMA_UNMAP_FLAG_VADDR = 1 << 2,
        }]
        pub flags: u32,
        /// IO virtual address of the range.
        pub iova: u64,
        /// Length of the range in bytes; the kernel returns the size unmapped.
        pub size: u64,
        /// A `vfio_bitmap` with `GET_DIRTY_BITMAP`.
        pub data: [u8],
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 14)` on a container: performs a
    /// `vfio_iommu_type1_dma_unmap`.
    #[uabi(namespace = container)]
    pub const VFIO_IOMMU_UNMAP_DMA: Ioctl<VfioIommuType1DmaUnmap> = io!(VFIO_TYPE, VFIO_BASE + 14);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 15)`: enables the IOMMU of the container (SPAPR TCE back
    /// end). No argument.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_ENABLE: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 15);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 16)`: disables the IOMMU of the container (SPAPR TCE back
    /// end). No argument.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_DISABLE: Ioctl = io!(VFIO_TYPE, VFIO_BASE + 16);

    /// Argument of `VFIO_IOMMU_DIRTY_PAGES`: exactly one of START (log the pages the devices
    /// dirty, or may have dirtied), STOP, and GET_BITMAP (report the dirty pages of an IOVA
    /// range into the `vfio_iommu_type1_dirty_bitmap_get` the caller appends in `data`; only
    /// the smallest supported page size; `argsz` counts the appended struct but not the
    /// bitmap). GET_BITMAP fails when logging is off.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuType1DirtyBitmap {
        /// Size of the struct plus `data`; set by the caller.
        pub argsz: u32,
        /// The operation, set by the caller.
        #[flags {
            /// Start dirty page logging.
            VFIO_IOMMU_DIRTY_PAGES_FLAG_START = 1 << 0,
            /// Stop dirty page logging.
            VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP = 1 << 1,
            /// Report the dirty pages of a range.
            VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP = 1 << 2,
        }]
        pub flags: u32,
        /// A `vfio_iommu_type1_dirty_bitmap_get` with `GET_BITMAP`.
        pub data: [u8],
    }

    /// The range and bitmap of a `VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP` request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuType1DirtyBitmapGet {
        /// IO virtual address of the range.
        pub iova: u64,
        /// Length of the range in bytes.
        pub size: u64,
        /// Where to report: page size, bitmap size and address (zeroed memory).
        pub bitmap: VfioBitmap,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a Type1 container: performs a
    /// `vfio_iommu_type1_dirty_bitmap`.
    #[uabi(namespace = container)]
    pub const VFIO_IOMMU_DIRTY_PAGES: Ioctl<VfioIommuType1DirtyBitmap> = io!(VFIO_TYPE, VFIO_BASE + 17);

    // ---------------------------------------------------------------------------------------
    // The SPAPR TCE (IBM POWER) IOMMU back end of the container.
    // ---------------------------------------------------------------------------------------

    /// Dynamic DMA window capabilities of a SPAPR TCE IOMMU.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuSpaprTceDdwInfo {
        /// Bitmap of the supported IOMMU page sizes (4K, 64K, 16M).
        pub pgsizes: u64,
        /// How many dynamic windows the platform can create.
        pub max_dynamic_windows_supported: u32,
        /// Most levels a multi-level TCE table may have (more levels need less contiguous
        /// memory).
        pub levels: u32,
    }

    /// Argument of `VFIO_IOMMU_SPAPR_TCE_GET_INFO`: the PCI bus address window available for
    /// DMA, which the guest must know. IOVAs are absolute bus addresses: the window filters
    /// them, it does not offset them. Version 1 ends after `dma32_window_size` (16 bytes);
    /// version 2 added `ddw`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(output)]
    pub struct VfioIommuSpaprTceInfo {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// Filled by the kernel.
        #[flags {
            /// Dynamic DMA windows are supported and `ddw` is valid.
            #[uabi(since = 2)]
            VFIO_IOMMU_SPAPR_INFO_DDW = 1 << 0,
        }]
        pub flags: u32,
        /// Start of the 32-bit DMA window (bytes, PCI bus address).
        pub dma32_window_start: u32,
        /// Size of the 32-bit DMA window in bytes.
        pub dma32_window_size: u32,
        /// Dynamic DMA window capabilities.
        #[uabi(since = 2, gated_by = VFIO_IOMMU_SPAPR_INFO_DDW)]
        pub ddw: VfioIommuSpaprTceDdwInfo,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a SPAPR TCE container: fills a
    /// `vfio_iommu_spapr_tce_info`.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_SPAPR_TCE_GET_INFO: Ioctl<VfioIommuSpaprTceInfo> = io!(VFIO_TYPE, VFIO_BASE + 12);

    /// The error to inject with `VFIO_EEH_PE_INJECT_ERR`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioEehPeErr {
        /// Error type (as the platform's error injection call defines it).
        pub r#type: u32,
        /// Error function (as the platform defines it).
        pub func: u32,
        /// Address the error concerns.
        pub addr: u64,
        /// Mask applied to `addr`.
        pub mask: u64,
    }

    /// Operation-specific data of `vfio_eeh_pe_op` (an anonymous union in C).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union VfioEehPeOpData {
        /// The error of `VFIO_EEH_PE_INJECT_ERR`.
        pub err: VfioEehPeErr,
    }

    /// Argument of `VFIO_EEH_PE_OP`: one EEH operation on the partitionable endpoint of the
    /// container (enable or disable EEH, unfreeze MMIO or DMA, read the state, reset,
    /// configure, inject an error). Version 1 ends after `op` (12 bytes); version 2 added the
    /// error-injection data.
    ///
    /// Deviation: the 4 bytes at offset 12 are implicit padding in Linux on 64-bit
    /// architectures (absent on i386, where the union starts at 12); here they are `__pad`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioEehPeOp {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// The operation (`VFIO_EEH_PE_*`).
        pub op: u32,
        /// Explicit padding (implicit in Linux); Linux does not read it.
        #[uabi(since = 2)]
        pub __pad: u32,
        /// `err` (an anonymous union in C).
        #[uabi(since = 2, anonymous)]
        pub data: VfioEehPeOpData,
    }

    /// EEH operation: disable EEH.
    pub const VFIO_EEH_PE_DISABLE: u32 = 0;
    /// EEH operation: enable EEH.
    pub const VFIO_EEH_PE_ENABLE: u32 = 1;
    /// EEH operation: let a frozen PE do MMIO again.
    pub const VFIO_EEH_PE_UNFREEZE_IO: u32 = 2;
    /// EEH operation: let a frozen PE do DMA again.
    pub const VFIO_EEH_PE_UNFREEZE_DMA: u32 = 3;
    /// EEH operation: return the PE state (`VFIO_EEH_PE_STATE_*`) as the ioctl's result.
    pub const VFIO_EEH_PE_GET_STATE: u32 = 4;
    /// PE state: working normally.
    pub const VFIO_EEH_PE_STATE_NORMAL: i32 = 0;
    /// PE state: being reset.
    pub const VFIO_EEH_PE_STATE_RESET: i32 = 1;
    /// PE state: MMIO and DMA stopped.
    pub const VFIO_EEH_PE_STATE_STOPPED: i32 = 2;
    /// PE state: DMA stopped.
    pub const VFIO_EEH_PE_STATE_STOPPED_DMA: i32 = 4;
    /// PE state: unknown.
    pub const VFIO_EEH_PE_STATE_UNAVAIL: i32 = 5;
    /// EEH operation: deassert the PE reset.
    pub const VFIO_EEH_PE_RESET_DEACTIVATE: u32 = 5;
    /// EEH operation: assert a hot reset.
    pub const VFIO_EEH_PE_RESET_HOT: u32 = 6;
    /// EEH operation: assert a fundamental reset.
    pub const VFIO_EEH_PE_RESET_FUNDAMENTAL: u32 = 7;
    /// EEH operation: configure the PE after a reset.
    pub const VFIO_EEH_PE_CONFIGURE: u32 = 8;
    /// EEH operation: inject the error in `err`.
    pub const VFIO_EEH_PE_INJECT_ERR: u32 = 9;

    /// `_IO(VFIO_TYPE, VFIO_BASE + 21)` on a SPAPR TCE container: performs a
    /// `vfio_eeh_pe_op`.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_EEH_PE_OP: Ioctl<VfioEehPeOp> = io!(VFIO_TYPE, VFIO_BASE + 21);

    /// Argument of `VFIO_IOMMU_SPAPR_REGISTER_MEMORY` and `..._UNREGISTER_MEMORY`: process
    /// memory that DMA may target. Registering pins it and accounts it as locked once, which
    /// makes later map and unmap calls cheaper.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuSpaprRegisterMemory {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// Process virtual address of the memory.
        pub vaddr: u64,
        /// Length of the memory in bytes.
        pub size: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a SPAPR TCE container: registers a
    /// `vfio_iommu_spapr_register_memory`.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_SPAPR_REGISTER_MEMORY: Ioctl<VfioIommuSpaprRegisterMemory> = io!(VFIO_TYPE, VFIO_BASE + 17);

    /// `_IO(VFIO_TYPE, VFIO_BASE + 18)` on a SPAPR TCE container: unregisters memory
    /// registered with `VFIO_IOMMU_SPAPR_REGISTER_MEMORY` (same argument).
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_SPAPR_UNREGISTER_MEMORY: Ioctl<VfioIommuSpaprRegisterMemory> = io!(VFIO_TYPE, VFIO_BASE + 18);

    /// Argument of `VFIO_IOMMU_SPAPR_TCE_CREATE`: creates a TCE table (a new DMA window) and
    /// programs it into every group of the container; the kernel returns the window's bus
    /// address.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuSpaprTceCreate {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// log2 of the IOMMU page size; set by the caller.
        pub page_shift: u32,
        /// Unused; Linux names it `__resv1` and does not read it.
        pub __resv1: u32,
        /// Size of the window in bytes; set by the caller.
        pub window_size: u64,
        /// Levels of the TCE table; set by the caller.
        pub levels: u32,
        /// Unused; Linux names it `__resv2` and does not read it.
        pub __resv2: u32,
        /// PCI bus address where the new window starts; filled by the kernel.
        pub start_addr: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 19)` on a SPAPR TCE container: performs a
    /// `vfio_iommu_spapr_tce_create`.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_SPAPR_TCE_CREATE: Ioctl<VfioIommuSpaprTceCreate> = io!(VFIO_TYPE, VFIO_BASE + 19);

    /// Argument of `VFIO_IOMMU_SPAPR_TCE_REMOVE`: removes a DMA window from every group of
    /// the container and frees its TCE table.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct VfioIommuSpaprTceRemove {
        /// Size of the struct; set by the caller.
        pub argsz: u32,
        /// No flag is defined: must be zero.
        #[uabi(reserved)]
        pub flags: u32,
        /// Bus address of the window, which identifies it.
        pub start_addr: u64,
    }

    /// `_IO(VFIO_TYPE, VFIO_BASE + 20)` on a SPAPR TCE container: performs a
    /// `vfio_iommu_spapr_tce_remove`.
    #[uabi(namespace = container_spapr)]
    pub const VFIO_IOMMU_SPAPR_TCE_REMOVE: Ioctl<VfioIommuSpaprTceRemove> = io!(VFIO_TYPE, VFIO_BASE + 20);
}
