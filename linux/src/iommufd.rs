//! `<linux/iommufd.h>` as Linux 7.2 has it: every command of `/dev/iommu` (IOAS, HWPT, vIOMMU,
//! vDEVICE, fault and event queues, hardware queues), the driver-specific payloads they carry,
//! and every enumerator.
//!
//! Every command struct begins with `__u32 size` and is read with iommufd's own convention
//! (`policy = sized_field`, [`uabi::decode_argsz_sized`]): below the size Linux's table of
//! commands gives as the smallest (`min_size`, `offsetofend` of a named field) EINVAL, then
//! `copy_struct_from_user` (a longer struct's unknown bytes must be zero, else E2BIG). Each
//! struct's first version ends at that field, so `MINSZ` is Linux's `min_size`, and later
//! fields are later versions. The host kernel has no iommufd, so the tests check these structs
//! against Linux's header and the decoder against a model of `iommufd_fops_ioctl`.
//!
//! Deviations from Linux's header:
//! - enumerators that repeat a value cannot be Rust enum variants: `IOMMU_HW_INFO_TYPE_DEFAULT`
//!   (0, as `IOMMU_HW_INFO_TYPE_NONE`) is a constant beside `enum iommu_hw_info_type`, and the
//!   unnamed enum of command numbers (`IOMMUFD_CMD_DESTROY` is `IOMMUFD_CMD_BASE`) is a set of
//!   constants: C sees `#define`s with Linux's values where Linux has enumerators.
//! - `__aligned_le64` fields are `__aligned_u64`: the same type to a C compiler (`__le64` only
//!   means something to sparse), and uabi has no byte-order types.
//! - `__reserved` fields are plain fields: iommufd refuses a non-zero one with EOPNOTSUPP,
//!   which uabi's `reserved` (EINVAL) does not model.

#[uabi::abi(header = "linux/iommufd.h", guard = "_IOMMUFD_H")]
pub mod iommufd {
    /// The ioctl type of `/dev/iommu`.
    pub const IOMMUFD_TYPE: u8 = b';';

    /// The command numbers (Linux's unnamed enum).
    pub const IOMMUFD_CMD_BASE: u32 = 0x80;
    pub const IOMMUFD_CMD_DESTROY: u32 = IOMMUFD_CMD_BASE;
    pub const IOMMUFD_CMD_IOAS_ALLOC: u32 = 0x81;
    pub const IOMMUFD_CMD_IOAS_ALLOW_IOVAS: u32 = 0x82;
    pub const IOMMUFD_CMD_IOAS_COPY: u32 = 0x83;
    pub const IOMMUFD_CMD_IOAS_IOVA_RANGES: u32 = 0x84;
    pub const IOMMUFD_CMD_IOAS_MAP: u32 = 0x85;
    pub const IOMMUFD_CMD_IOAS_UNMAP: u32 = 0x86;
    pub const IOMMUFD_CMD_OPTION: u32 = 0x87;
    pub const IOMMUFD_CMD_VFIO_IOAS: u32 = 0x88;
    pub const IOMMUFD_CMD_HWPT_ALLOC: u32 = 0x89;
    pub const IOMMUFD_CMD_GET_HW_INFO: u32 = 0x8a;
    pub const IOMMUFD_CMD_HWPT_SET_DIRTY_TRACKING: u32 = 0x8b;
    pub const IOMMUFD_CMD_HWPT_GET_DIRTY_BITMAP: u32 = 0x8c;
    pub const IOMMUFD_CMD_HWPT_INVALIDATE: u32 = 0x8d;
    pub const IOMMUFD_CMD_FAULT_QUEUE_ALLOC: u32 = 0x8e;
    pub const IOMMUFD_CMD_IOAS_MAP_FILE: u32 = 0x8f;
    pub const IOMMUFD_CMD_VIOMMU_ALLOC: u32 = 0x90;
    pub const IOMMUFD_CMD_VDEVICE_ALLOC: u32 = 0x91;
    pub const IOMMUFD_CMD_IOAS_CHANGE_PROCESS: u32 = 0x92;
    pub const IOMMUFD_CMD_VEVENTQ_ALLOC: u32 = 0x93;
    pub const IOMMUFD_CMD_HW_QUEUE_ALLOC: u32 = 0x94;

    /// Argument of `IOMMU_DESTROY`: destroys any destroyable object by its ID.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuDestroy {
        #[uabi(size)]
        pub size: u32,
        pub id: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_DESTROY: Ioctl<IommuDestroy> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_DESTROY);

    /// Argument of `IOMMU_IOAS_ALLOC`: a new I/O address space.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasAlloc {
        #[uabi(size)]
        pub size: u32,
        /// Must be 0.
        pub flags: u32,
        /// Out: the new IOAS.
        pub out_ioas_id: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_ALLOC: Ioctl<IommuIoasAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOC);

    /// An inclusive range of IOVAs.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuIovaRange {
        #[uabi(aligned)]
        pub start: u64,
        /// The last IOVA of the range (inclusive).
        #[uabi(aligned)]
        pub last: u64,
    }

    /// Argument of `IOMMU_IOAS_IOVA_RANGES`: the IOVAs an IOAS can map.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasIovaRanges {
        #[uabi(size)]
        pub size: u32,
        pub ioas_id: u32,
        /// In: the entries at `allowed_iovas`; out: the ranges there are (EMSGSIZE when more).
        pub num_iovas: u32,
        pub __reserved: u32,
        /// User pointer to an array of `struct iommu_iova_range`.
        #[uabi(aligned)]
        pub allowed_iovas: u64,
        /// Out: the smallest alignment of a mapping's IOVA.
        #[uabi(aligned)]
        pub out_iova_alignment: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_IOVA_RANGES: Ioctl<IommuIoasIovaRanges> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_IOVA_RANGES);

    /// Argument of `IOMMU_IOAS_ALLOW_IOVAS`: restricts the IOVAs the kernel may choose.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasAllowIovas {
        #[uabi(size)]
        pub size: u32,
        pub ioas_id: u32,
        /// Entries at `allowed_iovas`.
        pub num_iovas: u32,
        pub __reserved: u32,
        /// User pointer to an array of `struct iommu_iova_range`.
        #[uabi(aligned)]
        pub allowed_iovas: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_ALLOW_IOVAS: Ioctl<IommuIoasAllowIovas> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOW_IOVAS);

    /// `flags` of `IOMMU_IOAS_MAP`, `IOMMU_IOAS_MAP_FILE` and `IOMMU_IOAS_COPY`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_IOAS_MAP_")]
    pub enum IommufdIoasMapFlags {
        /// Map at `iova`; without it the kernel chooses and returns the IOVA.
        FixedIova = 1 << 0,
        /// DMA may write the mapping.
        Writeable = 1 << 1,
        /// DMA may read the mapping.
        Readable = 1 << 2,
    }

    /// Argument of `IOMMU_IOAS_MAP`: maps user memory into an IOAS.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasMap {
        #[uabi(size)]
        pub size: u32,
        /// `enum iommufd_ioas_map_flags` bits.
        pub flags: u32,
        pub ioas_id: u32,
        pub __reserved: u32,
        /// The user address to map.
        #[uabi(aligned)]
        pub user_va: u64,
        #[uabi(aligned)]
        pub length: u64,
        /// In with `IOMMU_IOAS_MAP_FIXED_IOVA`, else out.
        #[uabi(aligned)]
        pub iova: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_MAP: Ioctl<IommuIoasMap> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_MAP);

    /// Argument of `IOMMU_IOAS_MAP_FILE`: maps a memfd or dma-buf into an IOAS.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasMapFile {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub ioas_id: u32,
        /// The file to map.
        pub fd: i32,
        /// Offset into the file.
        #[uabi(aligned)]
        pub start: u64,
        #[uabi(aligned)]
        pub length: u64,
        #[uabi(aligned)]
        pub iova: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_MAP_FILE: Ioctl<IommuIoasMapFile> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_MAP_FILE);

    /// Argument of `IOMMU_IOAS_COPY`: maps into one IOAS what another maps, without
    /// pinning the pages again.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasCopy {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub dst_ioas_id: u32,
        pub src_ioas_id: u32,
        #[uabi(aligned)]
        pub length: u64,
        #[uabi(aligned)]
        pub dst_iova: u64,
        #[uabi(aligned)]
        pub src_iova: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_COPY: Ioctl<IommuIoasCopy> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_COPY);

    /// Argument of `IOMMU_IOAS_UNMAP`: unmaps a range (out: the bytes unmapped).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasUnmap {
        #[uabi(size)]
        pub size: u32,
        pub ioas_id: u32,
        #[uabi(aligned)]
        pub iova: u64,
        #[uabi(aligned)]
        pub length: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_UNMAP: Ioctl<IommuIoasUnmap> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_UNMAP);

    /// `option_id` of `IOMMU_OPTION`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_OPTION_")]
    pub enum IommufdOption {
        /// Per-process (0) or per-user (1) accounting of pinned pages.
        RlimitMode = 0,
        /// Allow (1) or refuse (0) huge pages in an IOAS.
        HugePages = 1,
    }

    /// `op` of `IOMMU_OPTION`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_OPTION_OP_")]
    pub enum IommufdOptionOps {
        Set = 0,
        Get = 1,
    }

    /// Argument of `IOMMU_OPTION`: sets or gets an option.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuOption {
        #[uabi(size)]
        pub size: u32,
        /// `enum iommufd_option`.
        pub option_id: u32,
        /// `enum iommufd_option_ops`.
        pub op: u16,
        pub __reserved: u16,
        /// The object the option is about, when it is about one.
        pub object_id: u32,
        /// The value set, or got.
        #[uabi(aligned)]
        pub val64: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_OPTION: Ioctl<IommuOption> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_OPTION);

    /// `op` of `IOMMU_VFIO_IOAS`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VFIO_IOAS_")]
    pub enum IommufdVfioIoasOp {
        /// Get the IOAS of the VFIO compatibility layer.
        Get = 0,
        /// Set it.
        Set = 1,
        /// Turn VFIO compatibility off.
        Clear = 2,
    }

    /// Argument of `IOMMU_VFIO_IOAS`: the IOAS behind the VFIO container compatibility.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuVfioIoas {
        #[uabi(size)]
        pub size: u32,
        pub ioas_id: u32,
        /// `enum iommufd_vfio_ioas_op`.
        pub op: u16,
        pub __reserved: u16,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_VFIO_IOAS: Ioctl<IommuVfioIoas> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_VFIO_IOAS);

    /// `flags` of `IOMMU_HWPT_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HWPT_")]
    pub enum IommufdHwptAllocFlags {
        /// The HWPT can be the parent of nested ones.
        AllocNestParent = 1 << 0,
        /// The HWPT tracks dirty pages.
        AllocDirtyTracking = 1 << 1,
        /// `fault_id` is valid.
        FaultIdValid = 1 << 2,
        /// The domain can be attached with a PASID.
        AllocPasid = 1 << 3,
    }

    /// `flags` of `struct iommu_hwpt_vtd_s1`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VTD_S1_")]
    pub enum IommuHwptVtdS1Flags {
        /// Supervisor request.
        Sre = 1 << 0,
        /// Extended access enable.
        Eafe = 1 << 1,
        /// Write protect enable.
        Wpe = 1 << 2,
    }

    /// Intel VT-d stage-1 page table (`IOMMU_HWPT_DATA_VTD_S1`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptVtdS1 {
        /// `enum iommu_hwpt_vtd_s1_flags` bits.
        #[uabi(aligned)]
        pub flags: u64,
        #[uabi(aligned)]
        pub pgtbl_addr: u64,
        pub addr_width: u32,
        pub __reserved: u32,
    }

    /// ARM SMMUv3 nested stream table entry (`IOMMU_HWPT_DATA_ARM_SMMUV3`), little-endian.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptArmSmmuv3 {
        #[uabi(aligned)]
        pub ste: [u64; 2],
    }

    /// AMD IOMMU guest device table entry (`IOMMU_HWPT_DATA_AMD_GUEST`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptAmdGuest {
        #[uabi(aligned)]
        pub dte: [u64; 4],
    }

    /// `data_type` of `IOMMU_HWPT_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HWPT_DATA_")]
    pub enum IommuHwptDataType {
        None = 0,
        VtdS1 = 1,
        ArmSmmuv3 = 2,
        AmdGuest = 3,
    }

    /// Argument of `IOMMU_HWPT_ALLOC`: a hardware page table for a device, on an IOAS, a
    /// parent HWPT or a vIOMMU.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwptAlloc {
        #[uabi(size)]
        pub size: u32,
        /// `enum iommufd_hwpt_alloc_flags` bits.
        pub flags: u32,
        pub dev_id: u32,
        pub pt_id: u32,
        /// Out: the new HWPT.
        pub out_hwpt_id: u32,
        pub __reserved: u32,
        /// `enum iommu_hwpt_data_type` of the data at `data_uptr`.
        #[uabi(since = 2)]
        pub data_type: u32,
        #[uabi(since = 2)]
        pub data_len: u32,
        #[uabi(since = 2, aligned)]
        pub data_uptr: u64,
        /// The fault queue, with `IOMMU_HWPT_FAULT_ID_VALID`.
        #[uabi(since = 3)]
        pub fault_id: u32,
        #[uabi(since = 3)]
        pub __reserved2: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_HWPT_ALLOC: Ioctl<IommuHwptAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_ALLOC);

    /// `flags` of `struct iommu_hw_info_vtd`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HW_INFO_VTD_")]
    pub enum IommuHwInfoVtdFlags {
        /// Read-only mappings are refused (erratum 772415 on Sapphire Rapids).
        #[uabi(c_name = "IOMMU_HW_INFO_VTD_ERRATA_772415_SPR17")]
        Errata772415Spr17 = 1 << 0,
    }

    /// Intel VT-d hardware information (`IOMMU_HW_INFO_TYPE_INTEL_VTD`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwInfoVtd {
        pub flags: u32,
        pub __reserved: u32,
        /// The capability register.
        #[uabi(aligned)]
        pub cap_reg: u64,
        /// The extended capability register.
        #[uabi(aligned)]
        pub ecap_reg: u64,
    }

    /// ARM SMMUv3 hardware information (`IOMMU_HW_INFO_TYPE_ARM_SMMUV3`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwInfoArmSmmuv3 {
        pub flags: u32,
        pub __reserved: u32,
        /// The `IDR0`..`IDR5` registers.
        pub idr: [u32; 6],
        pub iidr: u32,
        pub aidr: u32,
    }

    /// NVIDIA Tegra241 CMDQV hardware information (`IOMMU_HW_INFO_TYPE_TEGRA241_CMDQV`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwInfoTegra241Cmdqv {
        pub flags: u32,
        pub version: u8,
        pub log2vcmdqs: u8,
        pub log2vsids: u8,
        pub __reserved: u8,
    }

    /// AMD IOMMU hardware information (`IOMMU_HW_INFO_TYPE_AMD`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwInfoAmd {
        /// The extended feature register.
        #[uabi(aligned)]
        pub efr: u64,
        /// The extended feature 2 register.
        #[uabi(aligned)]
        pub efr2: u64,
    }

    /// `in_data_type` and `out_data_type` of `IOMMU_GET_HW_INFO`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HW_INFO_TYPE_")]
    pub enum IommuHwInfoType {
        /// Out: the driver reports no information. (In: `IOMMU_HW_INFO_TYPE_DEFAULT`, the same
        /// value.)
        None = 0,
        IntelVtd = 1,
        ArmSmmuv3 = 2,
        Tegra241Cmdqv = 3,
        Amd = 4,
    }
    /// In: the driver's default type (the value of `IOMMU_HW_INFO_TYPE_NONE`; an enumerator in
    /// Linux, a constant here because a Rust enum cannot repeat a value).
    pub const IOMMU_HW_INFO_TYPE_DEFAULT: u32 = 0;

    /// `out_capabilities` of `IOMMU_GET_HW_INFO`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HW_CAP_")]
    pub enum IommufdHwCapabilities {
        DirtyTracking = 1 << 0,
        PciPasidExec = 1 << 1,
        PciPasidPriv = 1 << 2,
        PciAtsNotSupported = 1 << 3,
    }

    /// `flags` of `IOMMU_GET_HW_INFO`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HW_INFO_FLAG_")]
    pub enum IommufdHwInfoFlags {
        /// `in_data_type` asks for a type.
        InputType = 1 << 0,
    }

    /// `in_data_type` or `out_data_type`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union IommuHwInfoDataType {
        pub in_data_type: u32,
        pub out_data_type: u32,
    }

    /// Argument of `IOMMU_GET_HW_INFO`: what the IOMMU behind a device can do.
    #[derive(Clone, Copy, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwInfo {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub dev_id: u32,
        /// In: the bytes at `data_uptr`; out: the bytes the kernel has.
        pub data_len: u32,
        #[uabi(aligned)]
        pub data_uptr: u64,
        #[uabi(anonymous)]
        pub data_type: IommuHwInfoDataType,
        /// Out: the width of PASIDs (0: none).
        pub out_max_pasid_log2: u8,
        pub __reserved: [u8; 3],
        /// Out: `enum iommufd_hw_capabilities` bits.
        #[uabi(since = 2, aligned)]
        pub out_capabilities: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_GET_HW_INFO: Ioctl<IommuHwInfo> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_GET_HW_INFO);

    /// `flags` of `IOMMU_HWPT_SET_DIRTY_TRACKING`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HWPT_DIRTY_TRACKING_")]
    pub enum IommufdHwptSetDirtyTrackingFlags {
        Enable = 1,
    }

    /// Argument of `IOMMU_HWPT_SET_DIRTY_TRACKING`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwptSetDirtyTracking {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub hwpt_id: u32,
        pub __reserved: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_HWPT_SET_DIRTY_TRACKING: Ioctl<IommuHwptSetDirtyTracking> =
        io!(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_SET_DIRTY_TRACKING);

    /// `flags` of `IOMMU_HWPT_GET_DIRTY_BITMAP`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HWPT_GET_DIRTY_BITMAP_")]
    pub enum IommufdHwptGetDirtyBitmapFlags {
        /// Read the dirty bits without clearing them.
        NoClear = 1,
    }

    /// Argument of `IOMMU_HWPT_GET_DIRTY_BITMAP`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwptGetDirtyBitmap {
        #[uabi(size)]
        pub size: u32,
        pub hwpt_id: u32,
        pub flags: u32,
        pub __reserved: u32,
        #[uabi(aligned)]
        pub iova: u64,
        #[uabi(aligned)]
        pub length: u64,
        /// The bytes each bit of the bitmap stands for.
        #[uabi(aligned)]
        pub page_size: u64,
        /// User pointer to the bitmap.
        #[uabi(aligned)]
        pub data: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_HWPT_GET_DIRTY_BITMAP: Ioctl<IommuHwptGetDirtyBitmap> =
        io!(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_GET_DIRTY_BITMAP);

    /// `data_type` of `IOMMU_HWPT_INVALIDATE`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_")]
    pub enum IommuHwptInvalidateDataType {
        HwptInvalidateDataVtdS1 = 0,
        ViommuInvalidateDataArmSmmuv3 = 1,
    }

    /// `flags` of `struct iommu_hwpt_vtd_s1_invalidate`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VTD_INV_FLAGS_")]
    pub enum IommuHwptVtdS1InvalidateFlags {
        /// Only the leaf entries.
        Leaf = 1 << 0,
    }

    /// An Intel VT-d cache invalidation request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptVtdS1Invalidate {
        #[uabi(aligned)]
        pub addr: u64,
        /// 4 KiB pages.
        #[uabi(aligned)]
        pub npages: u64,
        pub flags: u32,
        pub __reserved: u32,
    }

    /// An ARM SMMUv3 cache invalidation command, little-endian.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuViommuArmSmmuv3Invalidate {
        #[uabi(aligned)]
        pub cmd: [u64; 2],
    }

    /// Argument of `IOMMU_HWPT_INVALIDATE`: an array of driver-specific requests.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwptInvalidate {
        #[uabi(size)]
        pub size: u32,
        pub hwpt_id: u32,
        #[uabi(aligned)]
        pub data_uptr: u64,
        /// `enum iommu_hwpt_invalidate_data_type`.
        pub data_type: u32,
        pub entry_len: u32,
        /// In: the requests; out: the requests handled.
        pub entry_num: u32,
        pub __reserved: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_HWPT_INVALIDATE: Ioctl<IommuHwptInvalidate> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_INVALIDATE);

    /// `flags` of `struct iommu_hwpt_pgfault`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_PGFAULT_FLAGS_")]
    pub enum IommuHwptPgfaultFlags {
        PasidValid = 1 << 0,
        LastPage = 1 << 1,
    }

    /// `perm` of `struct iommu_hwpt_pgfault`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_PGFAULT_PERM_")]
    pub enum IommuHwptPgfaultPerm {
        Read = 1 << 0,
        Write = 1 << 1,
        Exec = 1 << 2,
        Priv = 1 << 3,
    }

    /// A page fault, read from a fault queue.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptPgfault {
        pub flags: u32,
        pub dev_id: u32,
        pub pasid: u32,
        pub grpid: u32,
        pub perm: u32,
        pub __reserved: u32,
        #[uabi(aligned)]
        pub addr: u64,
        pub length: u32,
        /// Identifies the fault group in the response.
        pub cookie: u32,
    }

    /// `code` of `struct iommu_hwpt_page_response`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMUFD_PAGE_RESP_")]
    pub enum IommufdPageResponseCode {
        Success = 0,
        Invalid = 1,
    }

    /// The answer to a fault group, written to a fault queue.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuHwptPageResponse {
        pub cookie: u32,
        pub code: u32,
    }

    /// Argument of `IOMMU_FAULT_QUEUE_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuFaultAlloc {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub out_fault_id: u32,
        pub out_fault_fd: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_FAULT_QUEUE_ALLOC: Ioctl<IommuFaultAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_FAULT_QUEUE_ALLOC);

    /// `type` of `IOMMU_VIOMMU_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VIOMMU_TYPE_")]
    pub enum IommuViommuType {
        Default = 0,
        ArmSmmuv3 = 1,
        Tegra241Cmdqv = 2,
    }

    /// Out data of a Tegra241 CMDQV vIOMMU: where to mmap its VINTF page.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuViommuTegra241Cmdqv {
        #[uabi(aligned)]
        pub out_vintf_mmap_offset: u64,
        #[uabi(aligned)]
        pub out_vintf_mmap_length: u64,
    }

    /// Argument of `IOMMU_VIOMMU_ALLOC`: a virtual IOMMU backed by a device's physical one.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuViommuAlloc {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        /// `enum iommu_viommu_type`.
        pub r#type: u32,
        pub dev_id: u32,
        /// The nesting parent HWPT.
        pub hwpt_id: u32,
        pub out_viommu_id: u32,
        #[uabi(since = 2)]
        pub data_len: u32,
        #[uabi(since = 2)]
        pub __reserved: u32,
        #[uabi(since = 2, aligned)]
        pub data_uptr: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_VIOMMU_ALLOC: Ioctl<IommuViommuAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_VIOMMU_ALLOC);

    /// Argument of `IOMMU_VDEVICE_ALLOC`: a device as a vIOMMU sees it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuVdeviceAlloc {
        #[uabi(size)]
        pub size: u32,
        pub viommu_id: u32,
        pub dev_id: u32,
        pub out_vdevice_id: u32,
        /// The device's ID in the vIOMMU (a vSID, a vDeviceID, a vRID).
        #[uabi(aligned)]
        pub virt_id: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_VDEVICE_ALLOC: Ioctl<IommuVdeviceAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_VDEVICE_ALLOC);

    /// Argument of `IOMMU_IOAS_CHANGE_PROCESS`: move the pinned pages' accounting to the
    /// calling process.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuIoasChangeProcess {
        #[uabi(size)]
        pub size: u32,
        pub __reserved: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_IOAS_CHANGE_PROCESS: Ioctl<IommuIoasChangeProcess> =
        io!(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_CHANGE_PROCESS);

    /// `flags` of `struct iommufd_vevent_header`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VEVENTQ_FLAG_")]
    pub enum IommuVeventqFlag {
        /// Events were lost before this one.
        LostEvents = 1 << 0,
    }

    /// The header before each event read from a vEVENTQ.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommufdVeventHeader {
        pub flags: u32,
        pub sequence: u32,
    }

    /// `type` of `IOMMU_VEVENTQ_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_VEVENTQ_TYPE_")]
    pub enum IommuVeventqType {
        Default = 0,
        ArmSmmuv3 = 1,
        Tegra241Cmdqv = 2,
    }

    /// An ARM SMMUv3 event record, little-endian.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuVeventArmSmmuv3 {
        #[uabi(aligned)]
        pub evt: [u64; 4],
    }

    /// A Tegra241 CMDQV error map, little-endian.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct IommuVeventTegra241Cmdqv {
        #[uabi(aligned)]
        pub lvcmdq_err_map: [u64; 2],
    }

    /// Argument of `IOMMU_VEVENTQ_ALLOC`: a queue of a vIOMMU's events, read from a new
    /// descriptor.
    ///
    /// Linux's table accepts a size that stops after `out_veventq_fd` (its `min_size`): that
    /// is version 1 here, and `__reserved` version 2.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuVeventqAlloc {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub viommu_id: u32,
        /// `enum iommu_veventq_type`.
        pub r#type: u32,
        pub veventq_depth: u32,
        pub out_veventq_id: u32,
        pub out_veventq_fd: u32,
        #[uabi(since = 2)]
        pub __reserved: u32,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_VEVENTQ_ALLOC: Ioctl<IommuVeventqAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_VEVENTQ_ALLOC);

    /// `type` of `IOMMU_HW_QUEUE_ALLOC`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "IOMMU_HW_QUEUE_TYPE_")]
    pub enum IommuHwQueueType {
        Default = 0,
        Tegra241Cmdqv = 1,
    }

    /// Argument of `IOMMU_HW_QUEUE_ALLOC`: a hardware queue a guest drives directly.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct IommuHwQueueAlloc {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
        pub viommu_id: u32,
        /// `enum iommu_hw_queue_type`.
        pub r#type: u32,
        /// The queue's index in the vIOMMU.
        pub index: u32,
        pub out_hw_queue_id: u32,
        /// Guest physical address of the queue's memory.
        #[uabi(aligned)]
        pub nesting_parent_iova: u64,
        #[uabi(aligned)]
        pub length: u64,
    }
    #[uabi(namespace = iommufd)]
    pub const IOMMU_HW_QUEUE_ALLOC: Ioctl<IommuHwQueueAlloc> = io!(IOMMUFD_TYPE, IOMMUFD_CMD_HW_QUEUE_ALLOC);
}
