/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * VFIO, the user-space device driver interface of Linux (`<linux/vfio.h>`), as of the newest
 * Linux release (7.2): the container, group and device file descriptors, the Type1 and SPAPR
 * TCE IOMMU back ends, device features (migration, low power, DMA logging, dma-buf), and the
 * iommufd-based device character device ioctls.
 *
 * Every struct is an `argsz`-tagged VFIO struct or a payload/capability of one. The request
 * numbers are all `_IO(';', 100 + n)`: the size travels in `argsz`, never in the number. The
 * same number is reused on different file descriptors (`VFIO_BASE + 12` is
 * `VFIO_IOMMU_GET_INFO`, `VFIO_IOMMU_SPAPR_TCE_GET_INFO` and
 * `VFIO_DEVICE_GET_PCI_HOT_RESET_INFO`), so each ioctl names its namespace:
 *
 * - `container`: `/dev/vfio/vfio`, including the Type1 IOMMU back end it dispatches to;
 * - `container_spapr`: the same container file once `VFIO_SET_IOMMU` selected the SPAPR TCE
 *   back end, whose ioctls reuse numbers of the Type1 ones (`+ 12`, `+ 17`);
 * - `group`: `/dev/vfio/$GROUP`;
 * - `device`: a device file, from `VFIO_GROUP_GET_DEVICE_FD` or `/dev/vfio/devices/vfioX`;
 * - `migration`: the data-transfer file returned by a migration state change.
 *
 * # Where this definition deviates from Linux, and why
 *
 * The layout of every struct is Linux's layout on 64-bit architectures (x86_64, arm64,
 * ppc64, s390x, riscv64), bit for bit. Where Linux's C layout is not the same on every
 * architecture, this definition makes the 64-bit layout explicit so that it is:
 *
 * 1. `vfio_bitmap.data` is a `__u64 __user *` in Linux: 4 bytes on 32-bit architectures,
 *    so `struct vfio_bitmap` is 20 bytes on i386 and 24 elsewhere. Here it is a `u64`
 *    carrying the user address, 24 bytes everywhere, and `#[uabi(c_pointer = "__u64")]`:
 *    the C header declares an anonymous union of `__u64 *data` and `__u64 data_u64`, so C
 *    written for Linux (`bitmap->data = (__u64 *)buf;`) compiles unchanged. On 64-bit the
 *    two members are the same 8 bytes. On 32-bit the pointer fills 4 of the 8 and the kernel
 *    reads all 8: zero the struct (or `data_u64`) first, then store the pointer, on
 *    little-endian; on big-endian the pointer lands in the high half, so store the address
 *    in `data_u64` (`(__u64)(uintptr_t)buf`) instead. Linux's own header gives a 32-bit
 *    program a 20-byte struct, which only a kernel of the same word size reads as written.
 * 2. `vfio_iommu_type1_dirty_bitmap_get` embeds a `vfio_bitmap` and so inherits (1): 40
 *    bytes everywhere (36 on i386 Linux).
 * 3. `vfio_iommu_type1_info_cap_migration` has a `__u64` right after `header` and a `__u32`
 *    (offset 12): 64-bit Linux pads it to 16, i386 does not. Here the 4 bytes at 12 are an
 *    explicit `__pad` field, so `pgsize_bitmap` is at 16 and the struct 32 bytes everywhere.
 * 4. `vfio_eeh_pe_op` puts its union (a struct holding `__u64`s) after three `__u32`s: 64-bit
 *    Linux starts the union at 16, i386 at 12. Here an explicit `__pad` at 12 keeps it at 16
 *    (40 bytes everywhere).
 *
 * What the language cannot say, and how it is carried instead:
 *
 * 5. The index lists of vfio-pci, vfio-ccw and vfio-ap are anonymous C `enum`s in Linux.
 *    Here they are constants (`#define`s in the generated header) with the same names and
 *    values; a C user only sees a difference with `#ifdef`.
 * 6. The `VFIO_DEVICE_API_*_STRING` string macros are `&str` constants in Rust and the
 *    same `#define`s in the generated header.
 * 7. The function-like macros `VFIO_DEVICE_STATE_VALID`, `VFIO_DEVICE_STATE_IS_ERROR` and
 *    `VFIO_DEVICE_STATE_SET_ERROR` are Rust `const fn`s (`vfio_device_state_valid` ...) and
 *    are not in the generated C header.
 * 8. `VFIO_DEVICE_IOEVENTFD_SIZE_MASK` is written as the union of the four width flags
 *    (Linux writes `0xf`; same value).
 * 9. `VFIO_REGION_TYPE_PCI_VENDOR_TYPE` is `1U << 31` in the generated header, where Linux
 *    writes `(1 << 31)`, an `int` shifted into its sign bit. Compared with or masked into the
 *    `__u32` `type` of `vfio_region_info_cap_type` both give the same result; only a C
 *    program that looks at the macro's own sign (`< 0`) can tell.
 * 10. Linux 6.1's `VFIO_TYPE1_NESTING_IOMMU` (6) is not defined: the newest header renamed it
 *     `__VFIO_RESERVED_TYPE1_NESTING_IOMMU` when the nesting back end was removed.
 * 11. The generated header adds `<STRUCT>_SIZE_VER<n>`, `_SIZE_LATEST`, `_MINSZ` and
 *     `_FLAGS_VER<n>` macros for the versioned structs below, and `data_u64` beside
 *     `vfio_bitmap.data` (the banner lists them); `__counted_by` arrays carry a comment, not
 *     the attribute.
 *
 * Reserved fields: Linux checks none of its fields named `pad`, `reserved`, `__reserved`,
 * `__resv1`/`__resv2` or `__pad` (input structs copy them and ignore them; output structs are
 * zero-filled by the kernel), so none of them is `#[uabi(reserved)]`: a decoder that refused
 * non-zero bytes there would reject callers Linux accepts. What Linux does require to be zero
 * is the `flags` field of the structs that define no flags yet (`vfio_pci_hot_reset`,
 * `vfio_eeh_pe_op`, `vfio_iommu_spapr_register_memory`, `vfio_iommu_spapr_tce_create`,
 * `vfio_iommu_spapr_tce_remove`, `vfio_device_feature_dma_buf`): those are `reserved`.
 *
 * Versions: the structs that grew after their first release declare the later fields with
 * `since = 2`, so the first size stays known (it is Linux's `minsz`): `vfio_device_info`
 * (`cap_offset`, `pad`), `vfio_iommu_type1_info` (`cap_offset`, `pad`),
 * `vfio_iommu_spapr_tce_info` (`ddw`), `vfio_eeh_pe_op` (the error-injection union),
 * `vfio_device_bind_iommufd` (`token_uuid_ptr`), `vfio_device_attach_iommufd_pt` and
 * `vfio_device_detach_iommufd_pt` (`pasid`).
 *
 * Added to Linux's conventions: `<STRUCT>_SIZE_VER<n>` (the size of version n of a versioned
 * struct), `<STRUCT>_SIZE_LATEST` (the newest), `<STRUCT>_MINSZ` (the first version's size,
 * VFIO's `minsz`), `<STRUCT>_FLAGS_VER<n>` (every flag version n knows) and `<field>_u64` (the
 * integer beside a pointer member, in an anonymous union).
 *
 * Generated by uabi from linux/src/vfio.rs. Do not edit: change the Rust definition.
 */
#ifndef VFIO_H
#define VFIO_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/stddef.h>

#ifndef __aligned_u64
#define __aligned_u64 __u64 __attribute__((aligned(8)))
#endif

/*
 * Version of the VFIO API reported by `VFIO_GET_API_VERSION`; an incompatible change of
 * the whole API would bump it.
 */
#define VFIO_API_VERSION                        0

/* Extension: the Type1 IOMMU back end (map/unmap of process memory into an IOVA space). */
#define VFIO_TYPE1_IOMMU                        1

/* Extension: the IBM POWER "SPAPR TCE" IOMMU back end. */
#define VFIO_SPAPR_TCE_IOMMU                    2

/* Extension: version 2 of the Type1 back end (unmap granularity and semantics refined). */
#define VFIO_TYPE1v2_IOMMU                      3

/*
 * Extension: the IOMMU enforces cache coherence of DMA (for example by ignoring PCIe
 * No-Snoop). The answer can change as groups join or leave the container.
 */
#define VFIO_DMA_CC_IOMMU                       4

/* Extension: PowerPC EEH (Enhanced Error Handling) is available (`VFIO_EEH_PE_OP`). */
#define VFIO_EEH                                5

/*
 * Formerly the two-stage (nested) Type1 IOMMU; the number stays taken and is never
 * reported.
 */
#define __VFIO_RESERVED_TYPE1_NESTING_IOMMU     6

/*
 * Extension: version 2 of the SPAPR TCE back end (dynamic DMA windows, memory
 * pre-registration).
 */
#define VFIO_SPAPR_TCE_v2_IOMMU                 7

/*
 * Extension: the no-IOMMU mode, which neither translates nor isolates DMA and offers no
 * ioctl but `VFIO_CHECK_EXTENSION`. Using it taints the kernel.
 */
#define VFIO_NOIOMMU_IOMMU                      8

/* Extension: `VFIO_DMA_UNMAP_FLAG_ALL` is understood. */
#define VFIO_UNMAP_ALL                          9

/*
 * Extension: the `VADDR` flags of map and unmap are understood (not with mediated
 * devices, so the answer can change as groups join or leave).
 */
#define VFIO_UPDATE_VADDR                       10

/* The ioctl type letter of every VFIO request. */
#define VFIO_TYPE                               ';'

/* The first VFIO ioctl number; each request is `VFIO_BASE + n`. */
#define VFIO_BASE                               100

/*
 * Header of every capability in the chain that follows the fixed part of an INFO
 * struct. Offsets (`next`, and the `cap_offset` of the INFO struct) count from the start
 * of the INFO buffer; `id` is interpreted per INFO ioctl, `version` per `id`. A caller
 * whose buffer is too small for the chain gets the caps flag, a zero `cap_offset` and the
 * needed size in `argsz`, without an error.
 */
struct vfio_info_cap_header {
	/* Which capability follows (its meaning depends on the INFO ioctl). */
	__u16 id;
	/* Layout version of this capability. */
	__u16 version;
	/* Offset of the next capability from the start of the INFO buffer; 0 ends the chain. */
	__u32 next;
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 0)`: returns `VFIO_API_VERSION`. Always available. */
#define VFIO_GET_API_VERSION                    _IO(VFIO_TYPE, VFIO_BASE + 0)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 1)`: the argument, passed by value, is an extension number
 * (`VFIO_TYPE1_IOMMU` ...); returns 0 when unsupported, a positive value when supported.
 * Always available.
 */
#define VFIO_CHECK_EXTENSION                    _IO(VFIO_TYPE, VFIO_BASE + 1)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 2)`: selects the IOMMU back end; the argument, passed by
 * value, is an extension number that `VFIO_CHECK_EXTENSION` reported. Needs a group
 * attached to the container; enables the back end's ioctls on the container.
 */
#define VFIO_SET_IOMMU                          _IO(VFIO_TYPE, VFIO_BASE + 2)

/*
 * Argument of `VFIO_GROUP_GET_STATUS`: the state of an IOMMU group.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_group_status {
	/* Size of the struct as the caller allocated it; set by the caller. */
	__u32 argsz;
	/* Group state, filled by the kernel. */
	__u32 flags;
	/*
	 * Every device of the group is bound to a VFIO driver (or to none), so the group
	 * can be used.
	 */
#define VFIO_GROUP_FLAGS_VIABLE                 (1 << 0)
	/* The group is attached to a container. */
#define VFIO_GROUP_FLAGS_CONTAINER_SET          (1 << 1)
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 3)`: fills a `vfio_group_status`. Always available. */
#define VFIO_GROUP_GET_STATUS                   _IO(VFIO_TYPE, VFIO_BASE + 3)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 4)`: attaches the group to the container whose file
 * descriptor (an `__s32`) the argument points to. A group belongs to at most one
 * container; only then are the container's and the group's other ioctls usable.
 */
#define VFIO_GROUP_SET_CONTAINER                _IO(VFIO_TYPE, VFIO_BASE + 4)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 5)`: detaches the group from its container (every device
 * file must be closed first). Removing the last group tears down the container's IOMMU
 * state.
 */
#define VFIO_GROUP_UNSET_CONTAINER              _IO(VFIO_TYPE, VFIO_BASE + 5)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 6)`: the argument points to a NUL-terminated device name
 * (as listed under the group's `devices` directory in sysfs); returns a new device file
 * descriptor. Needs the group in a container.
 */
#define VFIO_GROUP_GET_DEVICE_FD                _IO(VFIO_TYPE, VFIO_BASE + 6)

/*
 * Argument of `VFIO_DEVICE_GET_INFO`: what a device offers. Version 1 ends after
 * `num_irqs` (16 bytes, Linux's `minsz`); version 2 added the capability chain.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_info {
	/*
	 * Size of the buffer, including room for capabilities; set by the caller, raised by
	 * the kernel when the capability chain did not fit.
	 */
	__u32 argsz;
	/* Device properties and bus type, filled by the kernel. */
	__u32 flags;
	/* The device can be reset with `VFIO_DEVICE_RESET`. */
#define VFIO_DEVICE_FLAGS_RESET                 (1 << 0)
	/* A vfio-pci device. */
#define VFIO_DEVICE_FLAGS_PCI                   (1 << 1)
	/* A vfio-platform device. */
#define VFIO_DEVICE_FLAGS_PLATFORM              (1 << 2)
	/* A vfio-amba device. */
#define VFIO_DEVICE_FLAGS_AMBA                  (1 << 3)
	/* A vfio-ccw (s390 channel I/O) device. */
#define VFIO_DEVICE_FLAGS_CCW                   (1 << 4)
	/* A vfio-ap (s390 crypto adjunct processor) device. */
#define VFIO_DEVICE_FLAGS_AP                    (1 << 5)
	/* A vfio-fsl-mc (NXP Management Complex) device. */
#define VFIO_DEVICE_FLAGS_FSL_MC                (1 << 6)
	/* `cap_offset` is valid: the info has a capability chain. */
#define VFIO_DEVICE_FLAGS_CAPS                  (1 << 7)
	/* A vfio-cdx (AMD CDX bus) device. */
#define VFIO_DEVICE_FLAGS_CDX                   (1 << 8)
	/* Number of regions: the highest region index plus one. */
	__u32 num_regions;
	/* Number of interrupt indexes: the highest IRQ index plus one. */
	__u32 num_irqs;
	/* Offset of the first capability from the start of the struct (0: none). */
	__u32 cap_offset;
	/*
	 * Padding to a multiple of 8; Linux names it `pad` and does not read it. Added after
	 * Linux 6.1, whose struct ends at `cap_offset` (20 bytes): version 3.
	 */
	__u32 pad;
};
#define VFIO_DEVICE_INFO_SIZE_VER1              16
#define VFIO_DEVICE_INFO_SIZE_VER2              20
#define VFIO_DEVICE_INFO_SIZE_VER3              24
#define VFIO_DEVICE_INFO_SIZE_LATEST            VFIO_DEVICE_INFO_SIZE_VER3
#define VFIO_DEVICE_INFO_MINSZ                  VFIO_DEVICE_INFO_SIZE_VER1
#define VFIO_DEVICE_INFO_FLAGS_VER1             (VFIO_DEVICE_FLAGS_RESET | VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_PLATFORM | VFIO_DEVICE_FLAGS_AMBA | VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_AP | VFIO_DEVICE_FLAGS_FSL_MC | VFIO_DEVICE_FLAGS_CDX)
#define VFIO_DEVICE_INFO_FLAGS_VER2             (VFIO_DEVICE_FLAGS_RESET | VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_PLATFORM | VFIO_DEVICE_FLAGS_AMBA | VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_AP | VFIO_DEVICE_FLAGS_FSL_MC | VFIO_DEVICE_FLAGS_CAPS | VFIO_DEVICE_FLAGS_CDX)
#define VFIO_DEVICE_INFO_FLAGS_VER3             (VFIO_DEVICE_FLAGS_RESET | VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_PLATFORM | VFIO_DEVICE_FLAGS_AMBA | VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_AP | VFIO_DEVICE_FLAGS_FSL_MC | VFIO_DEVICE_FLAGS_CAPS | VFIO_DEVICE_FLAGS_CDX)

/* `_IO(VFIO_TYPE, VFIO_BASE + 7)`: fills a `vfio_device_info` (the caller sets `argsz`). */
#define VFIO_DEVICE_GET_INFO                    _IO(VFIO_TYPE, VFIO_BASE + 7)

/*
 * The `device_api` string a mediated-device type reports for vfio-pci devices
 * (`VFIO_DEVICE_FLAGS_PCI`).
 */
#define VFIO_DEVICE_API_PCI_STRING              "vfio-pci"

/* The `device_api` string for vfio-platform devices (`VFIO_DEVICE_FLAGS_PLATFORM`). */
#define VFIO_DEVICE_API_PLATFORM_STRING         "vfio-platform"

/* The `device_api` string for vfio-amba devices (`VFIO_DEVICE_FLAGS_AMBA`). */
#define VFIO_DEVICE_API_AMBA_STRING             "vfio-amba"

/* The `device_api` string for vfio-ccw devices (`VFIO_DEVICE_FLAGS_CCW`). */
#define VFIO_DEVICE_API_CCW_STRING              "vfio-ccw"

/* The `device_api` string for vfio-ap devices (`VFIO_DEVICE_FLAGS_AP`). */
#define VFIO_DEVICE_API_AP_STRING               "vfio-ap"

/*
 * Device-info capability of s390 zPCI devices: base function data (layout in
 * `<linux/vfio_zdev.h>`).
 */
#define VFIO_DEVICE_INFO_CAP_ZPCI_BASE          1

/* Device-info capability of s390 zPCI devices: function group data. */
#define VFIO_DEVICE_INFO_CAP_ZPCI_GROUP         2

/* Device-info capability of s390 zPCI devices: the utility string. */
#define VFIO_DEVICE_INFO_CAP_ZPCI_UTIL          3

/* Device-info capability of s390 zPCI devices: the PCI function internal path. */
#define VFIO_DEVICE_INFO_CAP_ZPCI_PFIP          4

/*
 * Device-info capability: the widths of PCIe AtomicOp completion the root bus supports
 * (`vfio_device_info_cap_pci_atomic_comp`).
 */
#define VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP    5

/*
 * Device-info capability reporting which PCIe AtomicOp completer widths the path to the
 * root bus supports.
 */
struct vfio_device_info_cap_pci_atomic_comp {
	/* Chain header (`id` = `VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP`). */
	struct vfio_info_cap_header header;
	/* Supported completion widths, filled by the kernel. */
	__u32 flags;
	/* 32-bit AtomicOp completion. */
#define VFIO_PCI_ATOMIC_COMP32                  (1 << 0)
	/* 64-bit AtomicOp completion. */
#define VFIO_PCI_ATOMIC_COMP64                  (1 << 1)
	/* 128-bit CAS completion. */
#define VFIO_PCI_ATOMIC_COMP128                 (1 << 2)
	/* Unused; Linux names it `reserved` and writes zero. */
	__u32 reserved;
};

/*
 * Argument of `VFIO_DEVICE_GET_REGION_INFO`: one region of the device (MMIO, I/O port
 * or a bus-specific space such as PCI config space), reached at `offset` of the device
 * file. An unimplemented region has size 0. The caller sets `argsz` and `index`.
 *
 * `cap_offset` was named `resv` (alignment padding) before capability chains existed;
 * the struct's size never changed, so it has one version.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_region_info {
	/*
	 * Size of the buffer, including room for capabilities; set by the caller, raised by
	 * the kernel when the capability chain did not fit.
	 */
	__u32 argsz;
	/* Access the region allows, filled by the kernel. */
	__u32 flags;
	/* The region can be read through the device file. */
#define VFIO_REGION_INFO_FLAG_READ              (1 << 0)
	/* The region can be written through the device file. */
#define VFIO_REGION_INFO_FLAG_WRITE             (1 << 1)
	/* The region can be mmap'ed from the device file. */
#define VFIO_REGION_INFO_FLAG_MMAP              (1 << 2)
	/* `cap_offset` is valid: the info has a capability chain. */
#define VFIO_REGION_INFO_FLAG_CAPS              (1 << 3)
	/* Which region; set by the caller. */
	__u32 index;
	/* Offset of the first capability from the start of the struct (0: none). */
	__u32 cap_offset;
	/* Size of the region in bytes. */
	__aligned_u64 size;
	/* Where the region starts in the device file (for read, write, mmap). */
	__aligned_u64 offset;
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 8)`: fills a `vfio_region_info` and its capabilities. */
#define VFIO_DEVICE_GET_REGION_INFO             _IO(VFIO_TYPE, VFIO_BASE + 8)

/*
 * Region capability: only parts of an mmap-able region may be mapped
 * (`vfio_region_info_cap_sparse_mmap`); mapping elsewhere (the MSI-X table of a BAR, for
 * example) may fail or misbehave.
 */
#define VFIO_REGION_INFO_CAP_SPARSE_MMAP        1

/* One mmap-able part of a region. */
struct vfio_region_sparse_mmap_area {
	/* Start of the area, from the start of the region. */
	__aligned_u64 offset;
	/* Length of the area in bytes. */
	__aligned_u64 size;
};

/* Region capability listing the areas of the region that may be mmap'ed. */
struct vfio_region_info_cap_sparse_mmap {
	/* Chain header (`id` = `VFIO_REGION_INFO_CAP_SPARSE_MMAP`). */
	struct vfio_info_cap_header header;
	/* Number of entries in `areas`. */
	__u32 nr_areas;
	/* Unused; Linux names it `reserved` and writes zero. */
	__u32 reserved;
	/* The mmap-able areas. */
	struct vfio_region_sparse_mmap_area areas[];	/* nr_areas elements */
};

/*
 * Region capability: the region has a device- or bus-specific meaning given by a type
 * and subtype (`vfio_region_info_cap_type`), rather than by a fixed index.
 */
#define VFIO_REGION_INFO_CAP_TYPE               2

/* Region capability naming what a device-specific region is. */
struct vfio_region_info_cap_type {
	/* Chain header (`id` = `VFIO_REGION_INFO_CAP_TYPE`). */
	struct vfio_info_cap_header header;
	/* Region type, global to the bus driver (`VFIO_REGION_TYPE_*`). */
	__u32 type;
	/* Subtype, whose meaning depends on `type` (`VFIO_REGION_SUBTYPE_*`). */
	__u32 subtype;
};

/* Region type bit: the type is PCI vendor specific, the vendor ID in the low 16 bits. */
#define VFIO_REGION_TYPE_PCI_VENDOR_TYPE        (1U << 31)

/* Mask of the PCI vendor ID in a vendor-specific region type. */
#define VFIO_REGION_TYPE_PCI_VENDOR_MASK        0xffff

/* Region type: graphics. */
#define VFIO_REGION_TYPE_GFX                    1

/* Region type: s390 channel I/O. */
#define VFIO_REGION_TYPE_CCW                    2

/* Region type of the retired v1 migration protocol. */
#define VFIO_REGION_TYPE_MIGRATION_DEPRECATED   3

/* Intel (vendor 8086) subtype: the IGD OpRegion. */
#define VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION  1

/* Intel (vendor 8086) subtype: config space of the IGD host bridge. */
#define VFIO_REGION_SUBTYPE_INTEL_IGD_HOST_CFG  2

/* Intel (vendor 8086) subtype: config space of the IGD LPC bridge. */
#define VFIO_REGION_SUBTYPE_INTEL_IGD_LPC_CFG   3

/*
 * NVIDIA (vendor 10de) subtype: NVLink2 GPU RAM coherently mapped into the host. No
 * longer provided by Linux.
 */
#define VFIO_REGION_SUBTYPE_NVIDIA_NVLINK2_RAM  1

/*
 * IBM (vendor 1014) subtype: the NPU's NVLink2 address translation shootdown register.
 * No longer provided by Linux.
 */
#define VFIO_REGION_SUBTYPE_IBM_NVLINK2_ATSD    1

/* Graphics subtype: the virtual display's EDID and link state (`vfio_region_gfx_edid`). */
#define VFIO_REGION_SUBTYPE_GFX_EDID            1

/*
 * Layout at the start of a `VFIO_REGION_SUBTYPE_GFX_EDID` region: lets user space (a
 * VMM) set the EDID blob and the link state of a virtual monitor. To change the EDID: set
 * the link down, write blob and size, set the link up.
 */
struct vfio_region_gfx_edid {
	/* Where the EDID blob starts, from the start of the region (read-only). */
	__u32 edid_offset;
	/* Largest EDID blob the region holds, in bytes (read-only). */
	__u32 edid_max_size;
	/* Size of the current EDID blob in bytes (read/write). */
	__u32 edid_size;
	/* Widest display mode supported, 0 for no limit (read-only). */
	__u32 max_xres;
	/* Tallest display mode supported, 0 for no limit (read-only). */
	__u32 max_yres;
	/* Display link state (read/write). */
	__u32 link_state;
	/* The monitor is on. */
#define VFIO_DEVICE_GFX_LINK_STATE_UP           1
	/* The monitor is off. */
#define VFIO_DEVICE_GFX_LINK_STATE_DOWN         2
};

/* vfio-ccw subtype: the asynchronous command region. */
#define VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD       1

/* vfio-ccw subtype: the subchannel information block. */
#define VFIO_REGION_SUBTYPE_CCW_SCHIB           2

/* vfio-ccw subtype: channel report words. */
#define VFIO_REGION_SUBTYPE_CCW_CRW             3

/* Subtype of the retired v1 migration region. */
#define VFIO_REGION_SUBTYPE_MIGRATION_DEPRECATED 1

/*
 * Layout at the start of the retired v1 migration region (replaced by
 * `VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE`); kept because the names remain in the header.
 */
struct vfio_device_migration_info {
	/* Device state as a bit set of the `VFIO_DEVICE_STATE_V1_*` bits. */
	__u32 device_state;
	/* No bit: the device is stopped. */
#define VFIO_DEVICE_STATE_V1_STOP               0
	/* The device runs. */
#define VFIO_DEVICE_STATE_V1_RUNNING            (1 << 0)
	/* The device state is being saved. */
#define VFIO_DEVICE_STATE_V1_SAVING             (1 << 1)
	/* A device state is being loaded. */
#define VFIO_DEVICE_STATE_V1_RESUMING           (1 << 2)
	/* Every state bit. */
#define VFIO_DEVICE_STATE_MASK                  (VFIO_DEVICE_STATE_V1_RUNNING | VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING)
	/* Unused; Linux names it `reserved`. */
	__u32 reserved;
	/* Bytes of saved state still to be read. */
	__aligned_u64 pending_bytes;
	/* Where the data window starts in the region. */
	__aligned_u64 data_offset;
	/* Bytes available in the data window. */
	__aligned_u64 data_size;
};

/*
 * Region capability with no payload: the MSI-X table of this BAR may be mmap'ed, which
 * gives direct access to other registers sharing its page. MSI-X itself is still set up
 * with `VFIO_DEVICE_SET_IRQS`.
 */
#define VFIO_REGION_INFO_CAP_MSIX_MAPPABLE      3

/*
 * Region capability: the system bus address of NVLink2 GPU RAM
 * (`vfio_region_info_cap_nvlink2_ssatgt`). No longer provided by Linux.
 */
#define VFIO_REGION_INFO_CAP_NVLINK2_SSATGT     4

/*
 * Region capability with the compressed real address ("small system address") at which
 * the GPU RAM appears on the system bus; used for DMA routing and to pair an NVLink
 * bridge with its GPU. No longer provided by Linux.
 */
struct vfio_region_info_cap_nvlink2_ssatgt {
	/* Chain header (`id` = `VFIO_REGION_INFO_CAP_NVLINK2_SSATGT`). */
	struct vfio_info_cap_header header;
	/* The target address. */
	__aligned_u64 tgt;
};

/*
 * Region capability: the NVLink link speed (`vfio_region_info_cap_nvlink2_lnkspd`). No
 * longer provided by Linux.
 */
#define VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD     5

/*
 * Region capability with the NVLink speed that the bridge's firmware property gives and
 * that the link needs to work. No longer provided by Linux.
 */
struct vfio_region_info_cap_nvlink2_lnkspd {
	/* Chain header (`id` = `VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD`). */
	struct vfio_info_cap_header header;
	/* The link speed value. */
	__u32 link_speed;
	/* Padding; Linux names it `__pad`. */
	__u32 __pad;
};

/*
 * Argument of `VFIO_DEVICE_GET_IRQ_INFO`: one interrupt index of the device. Indexes
 * with several IRQs are meant for MSI-like blocks; a count of 0 means unimplemented. The
 * caller sets `argsz` and `index`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_irq_info {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* What the index supports, filled by the kernel. */
	__u32 flags;
	/* Interrupts can be signalled through an eventfd. */
#define VFIO_IRQ_INFO_EVENTFD                   (1 << 0)
	/* The index supports the MASK and UNMASK actions. */
#define VFIO_IRQ_INFO_MASKABLE                  (1 << 1)
	/*
	 * VFIO masks the line after signalling it, and the user must unmask it to get
	 * the next one (level-triggered interrupts).
	 */
#define VFIO_IRQ_INFO_AUTOMASKED                (1 << 2)
	/*
	 * The IRQs of the index are set up as one block: enabling more means disabling the
	 * index first (PCI MSI, MSI-X). Without it, vectors come and go individually.
	 */
#define VFIO_IRQ_INFO_NORESIZE                  (1 << 3)
	/* Which interrupt index; set by the caller. */
	__u32 index;
	/* Number of IRQs in the index. */
	__u32 count;
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 9)`: fills a `vfio_irq_info`. */
#define VFIO_DEVICE_GET_IRQ_INFO                _IO(VFIO_TYPE, VFIO_BASE + 9)

/*
 * Argument of `VFIO_DEVICE_SET_IRQS`: signal, mask or unmask the IRQs `start ..
 * start + count` of interrupt `index`. One data type and one action flag are set:
 *
 * - `DATA_NONE`: perform the action on every IRQ of the range now (with `TRIGGER` and
 *   `count` 0 it disables the whole index);
 * - `DATA_BOOL`: `data` holds one `u8` per IRQ; the action applies where it is 1;
 * - `DATA_EVENTFD`: `data` holds one `__s32` eventfd per IRQ, binding it to the action;
 *   -1 unbinds it (or skips an unbound IRQ).
 *
 * `MASK`/`UNMASK` bound to eventfds are user-to-kernel signals (irqfds); `TRIGGER` is
 * kernel-to-user. Binding a `TRIGGER` eventfd enables the index; `DATA_NONE`/`DATA_BOOL`
 * with `TRIGGER` then fire the interrupt from user space (loopback testing).
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_irq_set {
	/* Size of the struct plus `data`; set by the caller. */
	__u32 argsz;
	/* One data type and one action, set by the caller. */
	__u32 flags;
	/* No data: act on every IRQ of the range. */
#define VFIO_IRQ_SET_DATA_NONE                  (1 << 0)
	/* `data` is an array of `u8` booleans, one per IRQ. */
#define VFIO_IRQ_SET_DATA_BOOL                  (1 << 1)
	/* `data` is an array of `__s32` eventfds, one per IRQ. */
#define VFIO_IRQ_SET_DATA_EVENTFD               (1 << 2)
	/* Mask the interrupts. */
#define VFIO_IRQ_SET_ACTION_MASK                (1 << 3)
	/* Unmask the interrupts. */
#define VFIO_IRQ_SET_ACTION_UNMASK              (1 << 4)
	/* Signal the interrupts. */
#define VFIO_IRQ_SET_ACTION_TRIGGER             (1 << 5)
	/* Interrupt index. */
	__u32 index;
	/* First IRQ of the range within the index. */
	__u32 start;
	/* Number of IRQs in the range (and of elements in `data`). */
	__u32 count;
	/* Per-IRQ data whose element type the `DATA_*` flag names (`u8` or `__s32`). */
	__u8 data[];
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 10)`: applies a `vfio_irq_set`. */
#define VFIO_DEVICE_SET_IRQS                    _IO(VFIO_TYPE, VFIO_BASE + 10)

/* The data-type flags of `vfio_irq_set`. */
#define VFIO_IRQ_SET_DATA_TYPE_MASK             (VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_EVENTFD)

/* The action flags of `vfio_irq_set`. */
#define VFIO_IRQ_SET_ACTION_TYPE_MASK           (VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_UNMASK | VFIO_IRQ_SET_ACTION_TRIGGER)

/* `_IO(VFIO_TYPE, VFIO_BASE + 11)`: resets the device. */
#define VFIO_DEVICE_RESET                       _IO(VFIO_TYPE, VFIO_BASE + 11)

/* vfio-pci region index of BAR 0. */
#define VFIO_PCI_BAR0_REGION_INDEX              0

/* vfio-pci region index of BAR 1. */
#define VFIO_PCI_BAR1_REGION_INDEX              1

/* vfio-pci region index of BAR 2. */
#define VFIO_PCI_BAR2_REGION_INDEX              2

/* vfio-pci region index of BAR 3. */
#define VFIO_PCI_BAR3_REGION_INDEX              3

/* vfio-pci region index of BAR 4. */
#define VFIO_PCI_BAR4_REGION_INDEX              4

/* vfio-pci region index of BAR 5. */
#define VFIO_PCI_BAR5_REGION_INDEX              5

/* vfio-pci region index of the expansion ROM. */
#define VFIO_PCI_ROM_REGION_INDEX               6

/* vfio-pci region index of PCI config space. */
#define VFIO_PCI_CONFIG_REGION_INDEX            7

/*
 * vfio-pci region index of the legacy VGA ranges of display controllers (class 03,
 * subclass 00): I/O ports 0x3b0-0x3bb and 0x3c0-0x3df and memory 0xa0000-0xbffff, each
 * at its own address as offset from the region's start; the gaps are unimplemented.
 */
#define VFIO_PCI_VGA_REGION_INDEX               8

/*
 * Number of fixed vfio-pci regions; indexes from here on are device specific and
 * described by a `VFIO_REGION_INFO_CAP_TYPE` capability. Fixed by the ABI.
 */
#define VFIO_PCI_NUM_REGIONS                    9

/* vfio-pci IRQ index of legacy INTx. */
#define VFIO_PCI_INTX_IRQ_INDEX                 0

/* vfio-pci IRQ index of MSI. */
#define VFIO_PCI_MSI_IRQ_INDEX                  1

/* vfio-pci IRQ index of MSI-X. */
#define VFIO_PCI_MSIX_IRQ_INDEX                 2

/* vfio-pci IRQ index signalling an AER error. */
#define VFIO_PCI_ERR_IRQ_INDEX                  3

/* vfio-pci IRQ index signalling that the host asks for the device back. */
#define VFIO_PCI_REQ_IRQ_INDEX                  4

/* Number of vfio-pci IRQ indexes. */
#define VFIO_PCI_NUM_IRQS                       5

/* vfio-ccw region index of the I/O region. */
#define VFIO_CCW_CONFIG_REGION_INDEX            0

/* Number of fixed vfio-ccw regions. */
#define VFIO_CCW_NUM_REGIONS                    1

/* vfio-ccw IRQ index of I/O interrupts. */
#define VFIO_CCW_IO_IRQ_INDEX                   0

/* vfio-ccw IRQ index signalling pending channel report words. */
#define VFIO_CCW_CRW_IRQ_INDEX                  1

/* vfio-ccw IRQ index signalling that the host asks for the device back. */
#define VFIO_CCW_REQ_IRQ_INDEX                  2

/* Number of vfio-ccw IRQ indexes. */
#define VFIO_CCW_NUM_IRQS                       3

/* vfio-ap IRQ index signalling that the host asks for the device back. */
#define VFIO_AP_REQ_IRQ_INDEX                   0

/* vfio-ap IRQ index signalling a change of the AP configuration. */
#define VFIO_AP_CFG_CHG_IRQ_INDEX               1

/* Number of vfio-ap IRQ indexes. */
#define VFIO_AP_NUM_IRQS                        2

/* A device that a hot reset of the calling device would also reset. */
struct vfio_pci_dependent_device {
	/*
	 * `group_id` or `devid` (an anonymous union in C); which one the caller reads depends
	 * on `VFIO_PCI_HOT_RESET_FLAG_DEV_ID`.
	 */
	union {
		/* IOMMU group of the device (group/container API). */
		__u32 group_id;
		/* iommufd device ID of the device, or a `VFIO_PCI_DEVID_*` value (cdev API). */
		__u32 devid;
	};
	/* PCI segment (domain). */
	__u16 segment;
	/* PCI bus number. */
	__u8 bus;
	/* PCI device and function number (`PCI_SLOT`/`PCI_FUNC`). */
	__u8 devfn;
};

/*
 * `devid` of a device with no ID in the caller's iommufd context but in an IOMMU group
 * with a device that has one: the caller owns it implicitly.
 */
#define VFIO_PCI_DEVID_OWNED                    0

/*
 * `devid` of a device the caller does not own (or whose ownership cannot be told); it
 * prevents a hot reset through the cdev API. Compare with `devid as i32`.
 */
#define VFIO_PCI_DEVID_NOT_OWNED                (-1)

/*
 * Argument of `VFIO_DEVICE_GET_PCI_HOT_RESET_INFO`: the devices a hot reset of the
 * calling device affects. Segment, bus and devfn are always reported; the owner is a
 * group ID (group API) or a device ID (cdev API, `VFIO_PCI_HOT_RESET_FLAG_DEV_ID`). Too
 * small a buffer gets ENOSPC with `count` set.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_pci_hot_reset_info {
	/* Size of the struct plus `devices`; set by the caller. */
	__u32 argsz;
	/* How to read `devices`, filled by the kernel. */
	__u32 flags;
	/* The owners are device IDs (`devid`), not group IDs: the device is a cdev. */
#define VFIO_PCI_HOT_RESET_FLAG_DEV_ID          (1 << 0)
	/*
	 * With `DEV_ID`: the caller owns every affected device, so
	 * `VFIO_DEVICE_PCI_HOT_RESET` can be called with no group file descriptors.
	 */
#define VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED    (1 << 1)
	/* Number of affected devices (filled even when they do not fit). */
	__u32 count;
	/* The affected devices. */
	struct vfio_pci_dependent_device devices[];	/* count elements */
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a device: fills a `vfio_pci_hot_reset_info`.
 * Fails with ENODEV when the device cannot be hot reset.
 */
#define VFIO_DEVICE_GET_PCI_HOT_RESET_INFO      _IO(VFIO_TYPE, VFIO_BASE + 12)

/*
 * Argument of `VFIO_DEVICE_PCI_HOT_RESET`: a bus or slot reset, allowed only to the owner
 * of every affected device. Through the group API, ownership is proven by passing a file
 * descriptor of each affected group; a cdev passes none and relies on its iommufd
 * context. Mixing the two APIs in one reset set is not supported.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_pci_hot_reset {
	/* Size of the struct plus `group_fds`; set by the caller. */
	__u32 argsz;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* Number of entries in `group_fds` (0 for a cdev). */
	__u32 count;
	/* Group file descriptors proving ownership. */
	__s32 group_fds[];	/* count elements */
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 13)` on a device: performs a `vfio_pci_hot_reset`. */
#define VFIO_DEVICE_PCI_HOT_RESET               _IO(VFIO_TYPE, VFIO_BASE + 13)

/*
 * Argument of `VFIO_DEVICE_QUERY_GFX_PLANE`: a display plane of a mediated graphics
 * device. With `PROBE` plus `DMABUF` or `REGION` it only asks whether that kind of
 * plane is supported (EINVAL if not); with `DMABUF` or `REGION` alone it returns the
 * plane. A plane the guest disabled comes back with zero format, size, width and height.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_gfx_plane_info {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Kind of query, set by the caller. */
	__u32 flags;
	/* Only ask whether the plane kind given with it is supported. */
#define VFIO_GFX_PLANE_TYPE_PROBE               (1 << 0)
	/* The plane is exported as a dma-buf. */
#define VFIO_GFX_PLANE_TYPE_DMABUF              (1 << 1)
	/* The plane is in a device region. */
#define VFIO_GFX_PLANE_TYPE_REGION              (1 << 2)
	/* DRM plane type (`DRM_PLANE_TYPE_*`); set by the caller. */
	__u32 drm_plane_type;
	/* DRM fourcc format of the plane. */
	__u32 drm_format;
	/* DRM format modifier (tiling). */
	__aligned_u64 drm_format_mod;
	/* Width in pixels. */
	__u32 width;
	/* Height in pixels. */
	__u32 height;
	/* Bytes per line. */
	__u32 stride;
	/* Size of the plane in bytes, page aligned. */
	__u32 size;
	/* Horizontal position of a cursor plane. */
	__u32 x_pos;
	/* Vertical position of a cursor plane. */
	__u32 y_pos;
	/* Horizontal cursor hotspot; 0xffffffff when unknown. */
	__u32 x_hot;
	/* Vertical cursor hotspot; 0xffffffff when unknown. */
	__u32 y_hot;
	/* `region_index` or `dmabuf_id` (an anonymous union in C). */
	union {
		/* Region holding the plane (`VFIO_GFX_PLANE_TYPE_REGION`). */
		__u32 region_index;
		/* Token for `VFIO_DEVICE_GET_GFX_DMABUF` (`VFIO_GFX_PLANE_TYPE_DMABUF`). */
		__u32 dmabuf_id;
	};
	/* Unused; Linux names it `reserved`. */
	__u32 reserved;
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 14)` on a device: fills a `vfio_device_gfx_plane_info`. */
#define VFIO_DEVICE_QUERY_GFX_PLANE             _IO(VFIO_TYPE, VFIO_BASE + 14)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 15)` on a device: the argument points to a `__u32`
 * `dmabuf_id` from `VFIO_DEVICE_QUERY_GFX_PLANE`; returns a new dma-buf file descriptor
 * of that guest framebuffer.
 */
#define VFIO_DEVICE_GET_GFX_DMABUF              _IO(VFIO_TYPE, VFIO_BASE + 15)

/*
 * Argument of `VFIO_DEVICE_IOEVENTFD`: when the eventfd `fd` fires, the kernel writes
 * `data` at `offset` of the device file with the given width. Support varies per bus
 * driver, region and width (vfio-pci: BARs, except the MSI-X table).
 *
 * Linux accepts an `argsz` that ends after `fd` (36 bytes); this definition's single
 * version asks for the whole struct (40 bytes).
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_ioeventfd {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Width of the write: exactly one flag. */
	__u32 flags;
	/* 1-byte write. */
#define VFIO_DEVICE_IOEVENTFD_8                 (1 << 0)
	/* 2-byte write. */
#define VFIO_DEVICE_IOEVENTFD_16                (1 << 1)
	/* 4-byte write. */
#define VFIO_DEVICE_IOEVENTFD_32                (1 << 2)
	/* 8-byte write. */
#define VFIO_DEVICE_IOEVENTFD_64                (1 << 3)
	/* Every width flag. */
#define VFIO_DEVICE_IOEVENTFD_SIZE_MASK         (VFIO_DEVICE_IOEVENTFD_8 | VFIO_DEVICE_IOEVENTFD_16 | VFIO_DEVICE_IOEVENTFD_32 | VFIO_DEVICE_IOEVENTFD_64)
	/* Offset in the device file to write to. */
	__aligned_u64 offset;
	/* Value to write. */
	__aligned_u64 data;
	/* The eventfd; -1 removes the ioeventfd matching the other fields. */
	__s32 fd;
	/* Unused; Linux names it `reserved` and does not read it. */
	__u32 reserved;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 16)` on a device: adds or removes a
 * `vfio_device_ioeventfd`.
 */
#define VFIO_DEVICE_IOEVENTFD                   _IO(VFIO_TYPE, VFIO_BASE + 16)

/*
 * Argument of `VFIO_DEVICE_FEATURE`: get, set or probe one feature of the device, chosen
 * by the low 16 bits of `flags` (`VFIO_DEVICE_FEATURE_*` numbers). `GET` and `SET`
 * exclude each other except with `PROBE`, which only asks whether the feature (and the
 * given `GET`/`SET` accesses) is supported and needs no data. `data` is the feature's
 * payload.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_feature {
	/* Size of the struct plus `data`; set by the caller. */
	__u32 argsz;
	/* Feature number and access, set by the caller. */
	__u32 flags;
	/* The 16 bits of the feature number. */
#define VFIO_DEVICE_FEATURE_MASK                0xffff
	/* Read the feature into `data`. */
#define VFIO_DEVICE_FEATURE_GET                 (1 << 16)
	/* Write the feature from `data`. */
#define VFIO_DEVICE_FEATURE_SET                 (1 << 17)
	/* Only ask whether the feature is supported. */
#define VFIO_DEVICE_FEATURE_PROBE               (1 << 18)
	/* The feature's payload. */
	__u8 data[];
};

/* `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a device: performs a `vfio_device_feature`. */
#define VFIO_DEVICE_FEATURE                     _IO(VFIO_TYPE, VFIO_BASE + 17)

/*
 * Argument of `VFIO_DEVICE_BIND_IOMMUFD`: binds a device cdev to an iommufd. The device
 * cannot be used before; closing the device file unbinds it. Version 1 ends after
 * `out_devid`; version 2 added the VF token.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_bind_iommufd {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Set by the caller. */
	__u32 flags;
	/*
	 * `token_uuid_ptr` is valid: the device needs a token to be opened (today only a
	 * VF, which must present the token its PF was given with
	 * `VFIO_DEVICE_FEATURE_PCI_VF_TOKEN`).
	 */
#define VFIO_DEVICE_BIND_FLAG_TOKEN             (1 << 0)
	/* The iommufd to bind to; set by the caller. */
	__s32 iommufd;
	/* ID of the device in that iommufd, for iommufd commands; filled by the kernel. */
	__u32 out_devid;
	/*
	 * User address of the 16-byte UUID token (same format as
	 * `VFIO_DEVICE_FEATURE_PCI_VF_TOKEN`).
	 */
	__aligned_u64 token_uuid_ptr;
};
#define VFIO_DEVICE_BIND_IOMMUFD_SIZE_VER1      16
#define VFIO_DEVICE_BIND_IOMMUFD_SIZE_VER2      24
#define VFIO_DEVICE_BIND_IOMMUFD_SIZE_LATEST    VFIO_DEVICE_BIND_IOMMUFD_SIZE_VER2
#define VFIO_DEVICE_BIND_IOMMUFD_MINSZ          VFIO_DEVICE_BIND_IOMMUFD_SIZE_VER1
#define VFIO_DEVICE_BIND_IOMMUFD_FLAGS_VER1     0
#define VFIO_DEVICE_BIND_IOMMUFD_FLAGS_VER2     VFIO_DEVICE_BIND_FLAG_TOKEN

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 18)` on a device cdev: performs a
 * `vfio_device_bind_iommufd`.
 */
#define VFIO_DEVICE_BIND_IOMMUFD                _IO(VFIO_TYPE, VFIO_BASE + 18)

/*
 * Argument of `VFIO_DEVICE_ATTACH_IOMMUFD_PT`: attaches the device (or one PASID of it)
 * to an IOAS or hardware page table of the bound iommufd. Attaching again without
 * detaching replaces the page table. EBUSY while the device or a sibling in its IOMMU
 * group is being reset. Version 2 added `pasid`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_attach_iommufd_pt {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Set by the caller. */
	__u32 flags;
	/* Attach the PASID in `pasid` rather than the whole device. */
#define VFIO_DEVICE_ATTACH_PASID                (1 << 0)
	/*
	 * In: an IOAS or hardware page table ID. Out: the IOAS ID given, or the page table
	 * the device is now attached to (possibly one the kernel created for the IOAS).
	 */
	__u32 pt_id;
	/* The PASID to attach. */
	__u32 pasid;
};
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_SIZE_VER1 12
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_SIZE_VER2 16
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_SIZE_LATEST VFIO_DEVICE_ATTACH_IOMMUFD_PT_SIZE_VER2
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_MINSZ     VFIO_DEVICE_ATTACH_IOMMUFD_PT_SIZE_VER1
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_FLAGS_VER1 0
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT_FLAGS_VER2 VFIO_DEVICE_ATTACH_PASID

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 19)` on a device cdev: performs a
 * `vfio_device_attach_iommufd_pt`.
 */
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT           _IO(VFIO_TYPE, VFIO_BASE + 19)

/*
 * Argument of `VFIO_DEVICE_DETACH_IOMMUFD_PT`: detaches the device (or one PASID of it)
 * from its address space, leaving its DMA blocked. Version 2 added `pasid`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_device_detach_iommufd_pt {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Set by the caller. */
	__u32 flags;
	/* Detach the PASID in `pasid` rather than the whole device. */
#define VFIO_DEVICE_DETACH_PASID                (1 << 0)
	/* The PASID to detach. */
	__u32 pasid;
};
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_SIZE_VER1 8
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_SIZE_VER2 12
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_SIZE_LATEST VFIO_DEVICE_DETACH_IOMMUFD_PT_SIZE_VER2
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_MINSZ     VFIO_DEVICE_DETACH_IOMMUFD_PT_SIZE_VER1
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_FLAGS_VER1 0
#define VFIO_DEVICE_DETACH_IOMMUFD_PT_FLAGS_VER2 VFIO_DEVICE_DETACH_PASID

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 20)` on a device cdev: performs a
 * `vfio_device_detach_iommufd_pt`.
 */
#define VFIO_DEVICE_DETACH_IOMMUFD_PT           _IO(VFIO_TYPE, VFIO_BASE + 20)

/*
 * Feature (SET): the 16-byte UUID shared as a secret between an SR-IOV PF and its VFs'
 * drivers. Only on a PF with SR-IOV enabled and no VF open.
 */
#define VFIO_DEVICE_FEATURE_PCI_VF_TOKEN        0

/*
 * Payload of `VFIO_DEVICE_FEATURE_MIGRATION` (GET): which migration states the device
 * supports beyond RUNNING and ERROR. `STOP_COPY` is always set; `P2P` adds RUNNING_P2P,
 * `PRE_COPY` adds PRE_COPY, and both together add PRE_COPY_P2P.
 */
struct vfio_device_feature_migration {
	/* Supported migration features. */
	__aligned_u64 flags;
	/* STOP, STOP_COPY and RESUMING are supported. */
#define VFIO_MIGRATION_STOP_COPY                (1 << 0)
	/* RUNNING_P2P is supported. */
#define VFIO_MIGRATION_P2P                      (1 << 1)
	/* PRE_COPY is supported. */
#define VFIO_MIGRATION_PRE_COPY                 (1 << 2)
};

/*
 * Feature (GET): the device supports migration, and which states
 * (`vfio_device_feature_migration`).
 */
#define VFIO_DEVICE_FEATURE_MIGRATION           1

/*
 * Payload of `VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE`. SET moves the device to
 * `device_state` (through intermediate states, see `vfio_device_mig_state`) before
 * returning; an arc that starts a data transfer returns its file in `data_fd`, which the
 * user closes. On failure the device may be in the old state, a state along the path,
 * or ERROR. GET reads the current state, with `data_fd` -1.
 */
struct vfio_device_feature_mig_state {
	/* The state to move to (SET) or the current state (GET). */
	__u32 device_state;	/* enum vfio_device_mig_state */
	/* File descriptor of the new migration data stream, or -1. */
	__s32 data_fd;
};

/* Feature (GET, SET): the migration state of the device (`vfio_device_feature_mig_state`). */
#define VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE    2

/*
 * The migration state machine of a device.
 *
 * The device's state is read out as an opaque byte stream (read the data file in
 * PRE_COPY, PRE_COPY_P2P and STOP_COPY; end of file is the end of the state) and loaded
 * by writing that stream in RESUMING. The direct arcs are: RUNNING_P2P and STOP_COPY to
 * STOP; RESUMING to STOP (completes loading, may fail); PRE_COPY and RUNNING_P2P to
 * RUNNING; PRE_COPY_P2P, RUNNING and STOP to RUNNING_P2P; RUNNING to PRE_COPY,
 * RUNNING_P2P to PRE_COPY_P2P and STOP to STOP_COPY (these start a data stream, shared
 * by the three "saving" states); PRE_COPY and PRE_COPY_P2P to each other;
 * PRE_COPY_P2P to STOP_COPY; STOP to RESUMING (starts a data stream). Leaving the saving
 * states or RESUMING ends the stream. Any other requested change is carried out along
 * the shortest path of direct arcs that has no saving state in its interior. The
 * optional states need the matching `VFIO_MIGRATION_*` flag.
 */
enum vfio_device_mig_state {
	/*
	 * The device failed and needs `VFIO_DEVICE_RESET`; never requested, only entered
	 * when a transition fails and cannot be undone.
	 */
	VFIO_DEVICE_STATE_ERROR = 0,
	/*
	 * Stopped: no DMA, no interrupts, no change of internal state, but still answering
	 * accesses needed by the host (config space, MSI-X).
	 */
	VFIO_DEVICE_STATE_STOP = 1,
	/* Running normally. */
	VFIO_DEVICE_STATE_RUNNING = 2,
	/* Stopped, with the internal state streamed out on the data file. */
	VFIO_DEVICE_STATE_STOP_COPY = 3,
	/* Stopped, loading a new internal state from the data file. */
	VFIO_DEVICE_STATE_RESUMING = 4,
	/* Running, but starting no new peer-to-peer DMA (optional). */
	VFIO_DEVICE_STATE_RUNNING_P2P = 5,
	/* Running, while tracking and streaming out state changes (optional). */
	VFIO_DEVICE_STATE_PRE_COPY = 6,
	/* PRE_COPY without new peer-to-peer DMA (optional). */
	VFIO_DEVICE_STATE_PRE_COPY_P2P = 7,
	/* Number of states. */
	VFIO_DEVICE_STATE_NR = 8,
};

/*
 * Argument of `VFIO_MIG_GET_PRECOPY_INFO` on the migration data file, valid in the
 * PRE_COPY states only (EINVAL otherwise): estimates of the data still to be read. The
 * stream has a temporary end (read returns ENOMSG) when both counts are zero; leaving
 * PRE_COPY is best done once `initial_bytes` reached zero.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_precopy_info {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/*
	 * Filled by the kernel once the user enabled `VFIO_DEVICE_FEATURE_MIG_PRECOPY_INFOv2`;
	 * before that it carries no information (reserved, for compatibility with kernels
	 * that never wrote it).
	 */
	__u32 flags;
	/*
	 * New initial data was added to the stream: `initial_bytes` restarted and
	 * `dirty_bytes` was reset.
	 */
#define VFIO_PRECOPY_INFO_REINIT                (1 << 0)
	/* Bytes of initial state still to be read; decreases as it is read. */
	__aligned_u64 initial_bytes;
	/* Bytes of state changed since it was read; grows as the device changes state. */
	__aligned_u64 dirty_bytes;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 21)` on a migration data file: fills a
 * `vfio_precopy_info`.
 */
#define VFIO_MIG_GET_PRECOPY_INFO               _IO(VFIO_TYPE, VFIO_BASE + 21)

/*
 * Feature (SET): let runtime power management put the device in a low power state. Any
 * access wakes it first and it may sleep again afterwards; mmap'ed regions are
 * unusable until `VFIO_DEVICE_FEATURE_LOW_POWER_EXIT`. No payload.
 */
#define VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY     3

/* Payload of `VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP`. */
struct vfio_device_low_power_entry_with_wakeup {
	/* eventfd signalled when the device wakes from the low power state it entered. */
	__s32 wakeup_eventfd;
	/* Unused; Linux names it `reserved` and does not read it. */
	__u32 reserved;
};

/*
 * Feature (SET): as `VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY`, but one shot: after a wakeup
 * (signalled on the eventfd of `vfio_device_low_power_entry_with_wakeup`) the device
 * stays awake until entered again.
 */
#define VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP 4

/*
 * Feature (SET): stop using low power states (may signal the wakeup eventfd). No
 * payload.
 */
#define VFIO_DEVICE_FEATURE_LOW_POWER_EXIT      5

/*
 * Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_START`: the device starts recording which
 * pages of the given IOVA ranges it writes by DMA (for dirty tracking in migration).
 * Only one logging session at a time.
 */
struct vfio_device_feature_dma_logging_control {
	/* Tracking granularity in bytes: a hint in, the granularity chosen out. */
	__aligned_u64 page_size;
	/* Number of ranges at `ranges` (at least as many as fit in a page are supported). */
	__u32 num_ranges;
	/* Unused; Linux names it `__reserved` and does not read it. */
	__u32 __reserved;
	/* User address of an array of `vfio_device_feature_dma_logging_range`. */
	__aligned_u64 ranges;
};

/* One IOVA range to log. */
struct vfio_device_feature_dma_logging_range {
	/* Start of the range. */
	__aligned_u64 iova;
	/* Length of the range in bytes. */
	__aligned_u64 length;
};

/*
 * Feature (SET): start DMA logging (`vfio_device_feature_dma_logging_control`); PROBE
 * tells whether the device can.
 */
#define VFIO_DEVICE_FEATURE_DMA_LOGGING_START   6

/* Feature (SET): stop the DMA logging started with `..._DMA_LOGGING_START`. No payload. */
#define VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP    7

/*
 * Payload of `VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT`: read and clear the DMA log of an
 * IOVA range into a user bitmap, one bit per `page_size` (bit `(addr - iova) /
 * page_size`). The kernel only sets bits. After an error the log must be considered
 * lost (treat all memory as dirty).
 */
struct vfio_device_feature_dma_logging_report {
	/* Start of the range. */
	__aligned_u64 iova;
	/* Length of the range in bytes. */
	__aligned_u64 length;
	/* Bytes per bit: any power of two, independent of the logging granularity. */
	__aligned_u64 page_size;
	/* User address of the `__u64` bitmap. */
	__aligned_u64 bitmap;
};

/* Feature (GET): read and clear the DMA log (`vfio_device_feature_dma_logging_report`). */
#define VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT  8

/* Payload of `VFIO_DEVICE_FEATURE_MIG_DATA_SIZE`. */
struct vfio_device_feature_mig_data_size {
	/* Estimated bytes of state the STOP_COPY phase will stream. */
	__aligned_u64 stop_copy_length;
};

/*
 * Feature (GET, any state): the estimated size of the stop-copy data
 * (`vfio_device_feature_mig_data_size`).
 */
#define VFIO_DEVICE_FEATURE_MIG_DATA_SIZE       9

/* Payload of `VFIO_DEVICE_FEATURE_BUS_MASTER`. */
struct vfio_device_feature_bus_master {
	/* What to do with the device's bus mastering. */
	__u32 op;
	/* Disable bus mastering: the device's DMA is blocked. */
#define VFIO_DEVICE_FEATURE_CLEAR_MASTER        0
	/* Enable bus mastering: the device may DMA to host memory. */
#define VFIO_DEVICE_FEATURE_SET_MASTER          1
};

/*
 * Feature (SET): enable or disable bus mastering of a device whose bus has no in-band
 * way to do it (CDX devices; PCI uses config space) (`vfio_device_feature_bus_master`).
 */
#define VFIO_DEVICE_FEATURE_BUS_MASTER          10

/*
 * Feature (GET): create a dma-buf of slices of a region (`vfio_device_feature_dma_buf`);
 * the ioctl returns the new file descriptor.
 */
#define VFIO_DEVICE_FEATURE_DMA_BUF             11

/* One slice of a region. */
struct vfio_region_dma_range {
	/* Start of the slice in the region. */
	__u64 offset;
	/* Length of the slice in bytes. */
	__u64 length;
};

/*
 * Payload of `VFIO_DEVICE_FEATURE_DMA_BUF`: the region and the (P2P DMA) ranges of it
 * that make up the dma-buf.
 */
struct vfio_device_feature_dma_buf {
	/* The region (for vfio-pci, a BAR index). */
	__u32 region_index;
	/* `open(2)` flags of the new file (`O_RDWR`, `O_CLOEXEC` ...). */
	__u32 open_flags;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* Number of entries in `dma_ranges` (at least one). */
	__u32 nr_ranges;
	/* The slices. */
	struct vfio_region_dma_range dma_ranges[];	/* nr_ranges elements */
};

/*
 * Feature (SET): opt in to version 2 of `vfio_precopy_info`, whose `flags` the kernel
 * fills (`VFIO_PRECOPY_INFO_REINIT`).
 */
#define VFIO_DEVICE_FEATURE_MIG_PRECOPY_INFOv2  12

/*
 * Argument of `VFIO_IOMMU_GET_INFO`: the Type1 IOMMU of the container. Version 1 ends
 * after `iova_pgsizes` (16 bytes, Linux's `minsz`); version 2 added the capability chain.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_type1_info {
	/*
	 * Size of the buffer, including room for capabilities; set by the caller, raised by
	 * the kernel when the capability chain did not fit.
	 */
	__u32 argsz;
	/* Which fields are valid, filled by the kernel. */
	__u32 flags;
	/* `iova_pgsizes` is valid. */
#define VFIO_IOMMU_INFO_PGSIZES                 (1 << 0)
	/* `cap_offset` is valid: the info has a capability chain. */
#define VFIO_IOMMU_INFO_CAPS                    (1 << 1)
	/* Bitmap of the IOMMU page sizes (bit n: 2^n bytes). */
	__aligned_u64 iova_pgsizes;
	/* Offset of the first capability from the start of the struct (0: none). */
	__u32 cap_offset;
	/* Padding to a multiple of 8; Linux names it `pad` and does not read it. */
	__u32 pad;
};
#define VFIO_IOMMU_TYPE1_INFO_SIZE_VER1         16
#define VFIO_IOMMU_TYPE1_INFO_SIZE_VER2         24
#define VFIO_IOMMU_TYPE1_INFO_SIZE_LATEST       VFIO_IOMMU_TYPE1_INFO_SIZE_VER2
#define VFIO_IOMMU_TYPE1_INFO_MINSZ             VFIO_IOMMU_TYPE1_INFO_SIZE_VER1
#define VFIO_IOMMU_TYPE1_INFO_FLAGS_VER1        VFIO_IOMMU_INFO_PGSIZES
#define VFIO_IOMMU_TYPE1_INFO_FLAGS_VER2        (VFIO_IOMMU_INFO_PGSIZES | VFIO_IOMMU_INFO_CAPS)

/*
 * Type1 info capability: the usable IOVA ranges (`vfio_iommu_type1_info_cap_iova_range`),
 * without the reserved regions of the attached devices that cannot be relaxed; mapping
 * outside them fails.
 */
#define VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE    1

/* An inclusive IOVA range. */
struct vfio_iova_range {
	/* First address of the range. */
	__u64 start;
	/* Last address of the range. */
	__u64 end;
};

/* Type1 info capability listing the usable IOVA ranges. */
struct vfio_iommu_type1_info_cap_iova_range {
	/* Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE`). */
	struct vfio_info_cap_header header;
	/* Number of entries in `iova_ranges`. */
	__u32 nr_iovas;
	/* Unused; Linux names it `reserved` and writes zero. */
	__u32 reserved;
	/* The ranges. */
	struct vfio_iova_range iova_ranges[];	/* nr_iovas elements */
};

/*
 * Type1 info capability: dirty page logging is supported, with its limits
 * (`vfio_iommu_type1_info_cap_migration`).
 */
#define VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION     2

/*
 * Type1 info capability describing dirty page logging (`VFIO_IOMMU_DIRTY_PAGES`); its
 * presence means logging is supported.
 *
 * Deviation: the 4 bytes at offset 12 are implicit padding in Linux on 64-bit
 * architectures (absent on i386); here they are the explicit `__pad`.
 */
struct vfio_iommu_type1_info_cap_migration {
	/* Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION`). */
	struct vfio_info_cap_header header;
	/* No flag is defined. */
	__u32 flags;
	/* Explicit padding (implicit in Linux); written as zero. */
	__u32 __pad;
	/* Bitmap of the page sizes dirty logging supports. */
	__u64 pgsize_bitmap;
	/* Largest bitmap, in bytes, a caller may ask for at once. */
	__u64 max_dirty_bitmap_size;
};

/*
 * Type1 info capability: how many more DMA mappings may be created
 * (`vfio_iommu_type1_info_dma_avail`).
 */
#define VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL         3

/* Type1 info capability with the number of DMA mappings that may still be created. */
struct vfio_iommu_type1_info_dma_avail {
	/* Chain header (`id` = `VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL`). */
	struct vfio_info_cap_header header;
	/* Mappings still allowed at the same time. */
	__u32 avail;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a Type1 container: fills a
 * `vfio_iommu_type1_info` and its capabilities.
 */
#define VFIO_IOMMU_GET_INFO                     _IO(VFIO_TYPE, VFIO_BASE + 12)

/*
 * Argument of `VFIO_IOMMU_MAP_DMA`: maps process memory at an IOVA (also used by the
 * SPAPR TCE back end). With `VADDR`, only gives a new process address to a mapping whose
 * address `VFIO_DMA_UNMAP_FLAG_VADDR` invalidated: same IOVA and size, same memory
 * object, READ and WRITE clear.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_type1_dma_map {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Access and mode, set by the caller (READ and/or WRITE, or VADDR). */
	__u32 flags;
	/* The device may read the memory. */
#define VFIO_DMA_MAP_FLAG_READ                  (1 << 0)
	/* The device may write the memory. */
#define VFIO_DMA_MAP_FLAG_WRITE                 (1 << 1)
	/* Update the process address of an existing mapping. */
#define VFIO_DMA_MAP_FLAG_VADDR                 (1 << 2)
	/* Process virtual address of the memory. */
	__u64 vaddr;
	/* IO virtual address to map it at. */
	__u64 iova;
	/* Length of the mapping in bytes. */
	__u64 size;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 13)` on a container: performs a
 * `vfio_iommu_type1_dma_map`.
 */
#define VFIO_IOMMU_MAP_DMA                      _IO(VFIO_TYPE, VFIO_BASE + 13)

/*
 * A user bitmap of dirty pages, one bit per `pgsize` bytes.
 *
 * Deviation: Linux declares `data` as a `__u64 __user *` pointer, which makes the struct
 * 20 bytes on i386; here it is the address as a `u64` (the 64-bit layout), which C sees
 * as a union of the pointer and `data_u64` (see deviation 1 of the module).
 */
struct vfio_bitmap {
	/* Bytes per bit. */
	__u64 pgsize;
	/* Size of the bitmap in bytes. */
	__u64 size;
	/*
	 * User address of the zeroed bitmap (`__u64 *` in Linux, and in C here too).
	 *
	 * `data` as a pointer, or the address as an integer (`data_u64`): 8 bytes either way. A
	 * 32-bit program zeroes `data_u64` before storing the pointer; on big-endian, where the
	 * pointer fills the high half, it stores `(__u64)(uintptr_t)ptr` in `data_u64` instead.
	 */
	union {
		__u64 *data;
		__u64 data_u64;
	};
};

/*
 * Argument of `VFIO_IOMMU_UNMAP_DMA`: unmaps an IOVA range (mapped sizes come back in
 * `size`; unmapping other than whole original mappings may fail).
 *
 * - `GET_DIRTY_BITMAP`: first report the dirty pages of the range into the `vfio_bitmap`
 *   the caller appends in `data` (zeroed memory; bit n is the page at `iova + n *
 *   pgsize`).
 * - `ALL`: unmap everything (`iova` and `size` 0); not with `GET_DIRTY_BITMAP`.
 * - `VADDR`: do not unmap, but invalidate the process addresses of the range; DMA goes
 *   on, and no group may join until `VFIO_DMA_MAP_FLAG_VADDR` restores them. Not with
 *   `GET_DIRTY_BITMAP`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_type1_dma_unmap {
	/* Size of the struct plus `data`; set by the caller. */
	__u32 argsz;
	/* Set by the caller. */
	__u32 flags;
	/* Report the dirty pages before unmapping (`data` holds a `vfio_bitmap`). */
#define VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP    (1 << 0)
	/* Unmap every mapping. */
#define VFIO_DMA_UNMAP_FLAG_ALL                 (1 << 1)
	/* Invalidate process addresses instead of unmapping. */
#define VFIO_DMA_UNMAP_FLAG_VADDR               (1 << 2)
	/* IO virtual address of the range. */
	__u64 iova;
	/* Length of the range in bytes; the kernel returns the size unmapped. */
	__u64 size;
	/* A `vfio_bitmap` with `GET_DIRTY_BITMAP`. */
	__u8 data[];
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 14)` on a container: performs a
 * `vfio_iommu_type1_dma_unmap`.
 */
#define VFIO_IOMMU_UNMAP_DMA                    _IO(VFIO_TYPE, VFIO_BASE + 14)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 15)`: enables the IOMMU of the container (SPAPR TCE back
 * end). No argument.
 */
#define VFIO_IOMMU_ENABLE                       _IO(VFIO_TYPE, VFIO_BASE + 15)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 16)`: disables the IOMMU of the container (SPAPR TCE back
 * end). No argument.
 */
#define VFIO_IOMMU_DISABLE                      _IO(VFIO_TYPE, VFIO_BASE + 16)

/*
 * Argument of `VFIO_IOMMU_DIRTY_PAGES`: exactly one of START (log the pages the devices
 * dirty, or may have dirtied), STOP, and GET_BITMAP (report the dirty pages of an IOVA
 * range into the `vfio_iommu_type1_dirty_bitmap_get` the caller appends in `data`; only
 * the smallest supported page size; `argsz` counts the appended struct but not the
 * bitmap). GET_BITMAP fails when logging is off.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_type1_dirty_bitmap {
	/* Size of the struct plus `data`; set by the caller. */
	__u32 argsz;
	/* The operation, set by the caller. */
	__u32 flags;
	/* Start dirty page logging. */
#define VFIO_IOMMU_DIRTY_PAGES_FLAG_START       (1 << 0)
	/* Stop dirty page logging. */
#define VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP        (1 << 1)
	/* Report the dirty pages of a range. */
#define VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP  (1 << 2)
	/* A `vfio_iommu_type1_dirty_bitmap_get` with `GET_BITMAP`. */
	__u8 data[];
};

/* The range and bitmap of a `VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP` request. */
struct vfio_iommu_type1_dirty_bitmap_get {
	/* IO virtual address of the range. */
	__u64 iova;
	/* Length of the range in bytes. */
	__u64 size;
	/* Where to report: page size, bitmap size and address (zeroed memory). */
	struct vfio_bitmap bitmap;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a Type1 container: performs a
 * `vfio_iommu_type1_dirty_bitmap`.
 */
#define VFIO_IOMMU_DIRTY_PAGES                  _IO(VFIO_TYPE, VFIO_BASE + 17)

/* Dynamic DMA window capabilities of a SPAPR TCE IOMMU. */
struct vfio_iommu_spapr_tce_ddw_info {
	/* Bitmap of the supported IOMMU page sizes (4K, 64K, 16M). */
	__u64 pgsizes;
	/* How many dynamic windows the platform can create. */
	__u32 max_dynamic_windows_supported;
	/*
	 * Most levels a multi-level TCE table may have (more levels need less contiguous
	 * memory).
	 */
	__u32 levels;
};

/*
 * Argument of `VFIO_IOMMU_SPAPR_TCE_GET_INFO`: the PCI bus address window available for
 * DMA, which the guest must know. IOVAs are absolute bus addresses: the window filters
 * them, it does not offset them. Version 1 ends after `dma32_window_size` (16 bytes);
 * version 2 added `ddw`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_spapr_tce_info {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* Filled by the kernel. */
	__u32 flags;
	/* Dynamic DMA windows are supported and `ddw` is valid. */
#define VFIO_IOMMU_SPAPR_INFO_DDW               (1 << 0)
	/* Start of the 32-bit DMA window (bytes, PCI bus address). */
	__u32 dma32_window_start;
	/* Size of the 32-bit DMA window in bytes. */
	__u32 dma32_window_size;
	/* Dynamic DMA window capabilities. */
	struct vfio_iommu_spapr_tce_ddw_info ddw;
};
#define VFIO_IOMMU_SPAPR_TCE_INFO_SIZE_VER1     16
#define VFIO_IOMMU_SPAPR_TCE_INFO_SIZE_VER2     32
#define VFIO_IOMMU_SPAPR_TCE_INFO_SIZE_LATEST   VFIO_IOMMU_SPAPR_TCE_INFO_SIZE_VER2
#define VFIO_IOMMU_SPAPR_TCE_INFO_MINSZ         VFIO_IOMMU_SPAPR_TCE_INFO_SIZE_VER1
#define VFIO_IOMMU_SPAPR_TCE_INFO_FLAGS_VER1    0
#define VFIO_IOMMU_SPAPR_TCE_INFO_FLAGS_VER2    VFIO_IOMMU_SPAPR_INFO_DDW

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 12)` on a SPAPR TCE container: fills a
 * `vfio_iommu_spapr_tce_info`.
 */
#define VFIO_IOMMU_SPAPR_TCE_GET_INFO           _IO(VFIO_TYPE, VFIO_BASE + 12)

/* The error to inject with `VFIO_EEH_PE_INJECT_ERR`. */
struct vfio_eeh_pe_err {
	/* Error type (as the platform's error injection call defines it). */
	__u32 type;
	/* Error function (as the platform defines it). */
	__u32 func;
	/* Address the error concerns. */
	__u64 addr;
	/* Mask applied to `addr`. */
	__u64 mask;
};

/*
 * Argument of `VFIO_EEH_PE_OP`: one EEH operation on the partitionable endpoint of the
 * container (enable or disable EEH, unfreeze MMIO or DMA, read the state, reset,
 * configure, inject an error). Version 1 ends after `op` (12 bytes); version 2 added the
 * error-injection data.
 *
 * Deviation: the 4 bytes at offset 12 are implicit padding in Linux on 64-bit
 * architectures (absent on i386, where the union starts at 12); here they are `__pad`.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_eeh_pe_op {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* The operation (`VFIO_EEH_PE_*`). */
	__u32 op;
	/* Explicit padding (implicit in Linux); Linux does not read it. */
	__u32 __pad;
	/* `err` (an anonymous union in C). */
	union {
		/* The error of `VFIO_EEH_PE_INJECT_ERR`. */
		struct vfio_eeh_pe_err err;
	};
};
#define VFIO_EEH_PE_OP_SIZE_VER1                12
#define VFIO_EEH_PE_OP_SIZE_VER2                40
#define VFIO_EEH_PE_OP_SIZE_LATEST              VFIO_EEH_PE_OP_SIZE_VER2
#define VFIO_EEH_PE_OP_MINSZ                    VFIO_EEH_PE_OP_SIZE_VER1

/* EEH operation: disable EEH. */
#define VFIO_EEH_PE_DISABLE                     0

/* EEH operation: enable EEH. */
#define VFIO_EEH_PE_ENABLE                      1

/* EEH operation: let a frozen PE do MMIO again. */
#define VFIO_EEH_PE_UNFREEZE_IO                 2

/* EEH operation: let a frozen PE do DMA again. */
#define VFIO_EEH_PE_UNFREEZE_DMA                3

/* EEH operation: return the PE state (`VFIO_EEH_PE_STATE_*`) as the ioctl's result. */
#define VFIO_EEH_PE_GET_STATE                   4

/* PE state: working normally. */
#define VFIO_EEH_PE_STATE_NORMAL                0

/* PE state: being reset. */
#define VFIO_EEH_PE_STATE_RESET                 1

/* PE state: MMIO and DMA stopped. */
#define VFIO_EEH_PE_STATE_STOPPED               2

/* PE state: DMA stopped. */
#define VFIO_EEH_PE_STATE_STOPPED_DMA           4

/* PE state: unknown. */
#define VFIO_EEH_PE_STATE_UNAVAIL               5

/* EEH operation: deassert the PE reset. */
#define VFIO_EEH_PE_RESET_DEACTIVATE            5

/* EEH operation: assert a hot reset. */
#define VFIO_EEH_PE_RESET_HOT                   6

/* EEH operation: assert a fundamental reset. */
#define VFIO_EEH_PE_RESET_FUNDAMENTAL           7

/* EEH operation: configure the PE after a reset. */
#define VFIO_EEH_PE_CONFIGURE                   8

/* EEH operation: inject the error in `err`. */
#define VFIO_EEH_PE_INJECT_ERR                  9

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 21)` on a SPAPR TCE container: performs a
 * `vfio_eeh_pe_op`.
 */
#define VFIO_EEH_PE_OP                          _IO(VFIO_TYPE, VFIO_BASE + 21)

/*
 * Argument of `VFIO_IOMMU_SPAPR_REGISTER_MEMORY` and `..._UNREGISTER_MEMORY`: process
 * memory that DMA may target. Registering pins it and accounts it as locked once, which
 * makes later map and unmap calls cheaper.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_spapr_register_memory {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* Process virtual address of the memory. */
	__u64 vaddr;
	/* Length of the memory in bytes. */
	__u64 size;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 17)` on a SPAPR TCE container: registers a
 * `vfio_iommu_spapr_register_memory`.
 */
#define VFIO_IOMMU_SPAPR_REGISTER_MEMORY        _IO(VFIO_TYPE, VFIO_BASE + 17)

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 18)` on a SPAPR TCE container: unregisters memory
 * registered with `VFIO_IOMMU_SPAPR_REGISTER_MEMORY` (same argument).
 */
#define VFIO_IOMMU_SPAPR_UNREGISTER_MEMORY      _IO(VFIO_TYPE, VFIO_BASE + 18)

/*
 * Argument of `VFIO_IOMMU_SPAPR_TCE_CREATE`: creates a TCE table (a new DMA window) and
 * programs it into every group of the container; the kernel returns the window's bus
 * address.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_spapr_tce_create {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* log2 of the IOMMU page size; set by the caller. */
	__u32 page_shift;
	/* Unused; Linux names it `__resv1` and does not read it. */
	__u32 __resv1;
	/* Size of the window in bytes; set by the caller. */
	__u64 window_size;
	/* Levels of the TCE table; set by the caller. */
	__u32 levels;
	/* Unused; Linux names it `__resv2` and does not read it. */
	__u32 __resv2;
	/* PCI bus address where the new window starts; filled by the kernel. */
	__u64 start_addr;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 19)` on a SPAPR TCE container: performs a
 * `vfio_iommu_spapr_tce_create`.
 */
#define VFIO_IOMMU_SPAPR_TCE_CREATE             _IO(VFIO_TYPE, VFIO_BASE + 19)

/*
 * Argument of `VFIO_IOMMU_SPAPR_TCE_REMOVE`: removes a DMA window from every group of
 * the container and frees its TCE table.
 *
 * Size policy `argsz` (size field `argsz`): the size field must reach the first version (else EINVAL); bytes past the known size are ignored.
 */
struct vfio_iommu_spapr_tce_remove {
	/* Size of the struct; set by the caller. */
	__u32 argsz;
	/* No flag is defined: must be zero. */
	__u32 flags;
	/* Bus address of the window, which identifies it. */
	__u64 start_addr;
};

/*
 * `_IO(VFIO_TYPE, VFIO_BASE + 20)` on a SPAPR TCE container: performs a
 * `vfio_iommu_spapr_tce_remove`.
 */
#define VFIO_IOMMU_SPAPR_TCE_REMOVE             _IO(VFIO_TYPE, VFIO_BASE + 20)

#endif /* VFIO_H */
