//! The kernel's answers at the edges of the VFIO ABI, and the sample driver's answers to the
//! same requests.
//!
//! One sequence of requests ([`cases`]) runs twice, in order, from the same starting state (a
//! container and a group open, nothing attached): once on the real kernel (vfio-pci driving
//! edu), once on the sample driver of `examples/vfio-driver` (its simulated device in group 7).
//! The state each request meets is the one the requests before it left, so the sequence also
//! checks ordering rules (SET_IOMMU before a group, a device before an IOMMU ...).
//!
//! Every answer is recorded: the result (value or errno) and every byte the call changed in
//! the argument buffer. Then the two answers are compared. A case may carry a note saying why
//! the two legitimately differ (edu is not the sample's simulated device); a difference without
//! a note, or a note on a case that agrees, fails the run.
//!
//! The arguments are deliberately built by hand, byte by byte, with whatever `argsz` the case
//! is about: here the point is to send what a correct user-side helper never would.

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd};

use uabi::zerocopy::{Immutable, IntoBytes};
use uabi::SimMemory;
use uabi_linux::vfio::*;
use vfio_sample::{Ctx, Host};

use crate::init::EduDevice;
use crate::life::{open_rw, Mmap, IOVA, MAP_SIZE};
use crate::report::{line, Report};

/// The file a request is issued on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Container,
    Group,
    /// A group holding a device that a kernel driver owns: not viable.
    NonViable,
    /// The device file that `VFIO_GROUP_GET_DEVICE_FD` returned earlier in the sequence.
    Device,
}

/// What the caller of a case's request has that differs between the kernel and the sample:
/// descriptor numbers, the device's name, addresses of its memory.
pub struct Env {
    pub container_fd: i32,
    pub group_fd: i32,
    pub device_name: String,
    /// A page-aligned buffer of `MAP_SIZE` bytes that DMA may map.
    pub dma_vaddr: u64,
    /// An eventfd (the sample has none: any number stands for one).
    pub eventfd: i32,
}

/// The argument of a request.
pub enum Arg {
    /// `ioctl(fd, request, 0)`.
    None,
    /// Passed by value (`VFIO_CHECK_EXTENSION`, `VFIO_SET_IOMMU`).
    Val(u64),
    /// A pointer to these bytes. `self_ptr`: offsets at which the buffer's own address plus
    /// an addend is stored before the call (a dirty bitmap inside the request buffer, so
    /// what the kernel writes there is seen as written-back bytes).
    Buf { bytes: Vec<u8>, self_ptr: Vec<(usize, u64)> },
}

/// One request of the sequence.
pub struct Req {
    pub on: On,
    pub request: u32,
    pub arg: Arg,
}

fn buf(bytes: Vec<u8>) -> Arg {
    Arg::Buf { bytes, self_ptr: vec![] }
}

/// The bytes of `v` with `argsz` overwritten, at least `len` long (zero-filled): a buffer
/// large enough for everything a kernel copies in before it looks at `argsz`.
fn raw<T: IntoBytes + Immutable>(v: &T, argsz: u32, len: usize) -> Vec<u8> {
    let mut b = v.as_bytes().to_vec();
    b[..4].copy_from_slice(&argsz.to_ne_bytes());
    if b.len() < len {
        b.resize(len, 0);
    }
    b
}

/// A struct as a correct caller sends it (argsz from `Default`).
fn plain<T: IntoBytes + Immutable>(v: &T) -> Vec<u8> {
    v.as_bytes().to_vec()
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn set_irqs(flags: u32, index: u32, start: u32, count: u32, argsz: u32, data: &[u8]) -> Vec<u8> {
    let hdr = VfioIrqSet { argsz, flags, index, start, count, data: [] };
    cat(&[hdr.as_bytes(), data])
}

fn dma_map(flags: u32, vaddr: u64, iova: u64, size: u64) -> Vec<u8> {
    plain(&VfioIommuType1DmaMap { flags, vaddr, iova, size, ..Default::default() })
}

fn dma_unmap(flags: u32, iova: u64, size: u64) -> Vec<u8> {
    plain(&VfioIommuType1DmaUnmap { flags, iova, size, ..Default::default() })
}

fn dirty(flags: u32, argsz: u32, payload: &[u8]) -> Vec<u8> {
    cat(&[VfioIommuType1DirtyBitmap { argsz, flags, data: [] }.as_bytes(), payload])
}

/// A GET_BITMAP request whose 8-byte bitmap sits in the request buffer itself, at offset 48.
fn dirty_get(iova: u64, size: u64, pgsize: u64) -> Arg {
    let get = VfioIommuType1DirtyBitmapGet { iova, size, bitmap: VfioBitmap { pgsize, size: 8, data: 0 } };
    let mut bytes = dirty(VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP, 48, get.as_bytes());
    bytes.resize(56, 0);
    // The bitmap's address: bitmap.data is at 8 (header) + 16 (iova, size) + 16 (pgsize, size).
    Arg::Buf { bytes, self_ptr: vec![(40, 48)] }
}

fn cstring(s: &str) -> Vec<u8> {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    v
}

/// One case: its name, how to build the request, and, when the kernel and the sample driver
/// are expected to differ, why.
pub struct Case {
    pub name: &'static str,
    pub build: fn(&Env) -> Req,
    pub differs: Option<&'static str>,
}

macro_rules! case {
    ($name:expr, |$e:ident| $on:ident, $req:expr, $arg:expr) => {
        Case { name: $name, build: |$e: &Env| Req { on: On::$on, request: $req.request(), arg: $arg }, differs: None }
    };
    ($name:expr, |$e:ident| $on:ident, $req:expr, $arg:expr, differs: $why:expr) => {
        Case { name: $name, build: |$e: &Env| Req { on: On::$on, request: $req.request(), arg: $arg }, differs: Some($why) }
    };
}

/// The sequence, in order. Names say what is sent; the recorded answers say what came back.
pub fn cases() -> Vec<Case> {
    vec![
        // --- A container alone.
        case!("API version", |_e| Container, VFIO_GET_API_VERSION, Arg::None),
        case!("CHECK_EXTENSION TYPE1v2", |_e| Container, VFIO_CHECK_EXTENSION, Arg::Val(VFIO_TYPE1v2_IOMMU.into())),
        case!("CHECK_EXTENSION UNMAP_ALL", |_e| Container, VFIO_CHECK_EXTENSION, Arg::Val(VFIO_UNMAP_ALL.into())),
        case!("CHECK_EXTENSION UPDATE_VADDR", |_e| Container, VFIO_CHECK_EXTENSION, Arg::Val(VFIO_UPDATE_VADDR.into())),
        case!("CHECK_EXTENSION DMA_CC, no group", |_e| Container, VFIO_CHECK_EXTENSION, Arg::Val(VFIO_DMA_CC_IOMMU.into())),
        case!("CHECK_EXTENSION unknown (1000)", |_e| Container, VFIO_CHECK_EXTENSION, Arg::Val(1000)),
        case!("SET_IOMMU with no group", |_e| Container, VFIO_SET_IOMMU, Arg::Val(VFIO_TYPE1v2_IOMMU.into())),
        case!("IOMMU_GET_INFO before SET_IOMMU", |_e| Container, VFIO_IOMMU_GET_INFO, buf(plain(&VfioIommuType1Info::default()))),
        case!("unknown ioctl on a container", |_e| Container, UNKNOWN_IOCTL, Arg::None),
        // --- The group.
        case!("GROUP_GET_STATUS argsz 8", |_e| Group, VFIO_GROUP_GET_STATUS, buf(plain(&VfioGroupStatus::default()))),
        case!("GROUP_GET_STATUS argsz 4 (below minsz)", |_e| Group, VFIO_GROUP_GET_STATUS, buf(raw(&VfioGroupStatus::default(), 4, 8))),
        case!("GROUP_GET_STATUS argsz 64 (above)", |_e| Group, VFIO_GROUP_GET_STATUS, buf(raw(&VfioGroupStatus::default(), 64, 64))),
        case!("GET_DEVICE_FD before SET_CONTAINER", |e| Group, VFIO_GROUP_GET_DEVICE_FD, buf(cstring(&e.device_name))),
        case!("SET_CONTAINER fd -1", |_e| Group, VFIO_GROUP_SET_CONTAINER, buf((-1i32).to_ne_bytes().to_vec())),
        case!("SET_CONTAINER with a group fd", |e| Group, VFIO_GROUP_SET_CONTAINER, buf(e.group_fd.to_ne_bytes().to_vec())),
        case!("non-viable GROUP_GET_STATUS", |_e| NonViable, VFIO_GROUP_GET_STATUS, buf(plain(&VfioGroupStatus::default()))),
        case!("non-viable SET_CONTAINER", |e| NonViable, VFIO_GROUP_SET_CONTAINER, buf(e.container_fd.to_ne_bytes().to_vec())),
        case!("SET_CONTAINER", |e| Group, VFIO_GROUP_SET_CONTAINER, buf(e.container_fd.to_ne_bytes().to_vec())),
        case!("SET_CONTAINER again", |e| Group, VFIO_GROUP_SET_CONTAINER, buf(e.container_fd.to_ne_bytes().to_vec())),
        case!("GROUP_GET_STATUS in a container", |_e| Group, VFIO_GROUP_GET_STATUS, buf(plain(&VfioGroupStatus::default()))),
        case!("unknown ioctl on a group", |_e| Group, UNKNOWN_IOCTL, Arg::None),
        // --- The IOMMU back end.
        case!("GET_DEVICE_FD before SET_IOMMU", |e| Group, VFIO_GROUP_GET_DEVICE_FD, buf(cstring(&e.device_name))),
        case!("SET_IOMMU unknown type (99)", |_e| Container, VFIO_SET_IOMMU, Arg::Val(99)),
        case!("SET_IOMMU TYPE1v2", |_e| Container, VFIO_SET_IOMMU, Arg::Val(VFIO_TYPE1v2_IOMMU.into())),
        case!("SET_IOMMU again", |_e| Container, VFIO_SET_IOMMU, Arg::Val(VFIO_TYPE1v2_IOMMU.into())),
        case!("IOMMU_GET_INFO argsz 8 (below minsz)", |_e| Container, VFIO_IOMMU_GET_INFO, buf(raw(&VfioIommuType1Info::default(), 8, 24))),
        case!("IOMMU_GET_INFO argsz 16 (version 1)", |_e| Container, VFIO_IOMMU_GET_INFO, buf(raw(&VfioIommuType1Info::default(), 16, 24)), differs: PGSIZES),
        case!("IOMMU_GET_INFO argsz 24 (no room for caps)", |_e| Container, VFIO_IOMMU_GET_INFO, buf(plain(&VfioIommuType1Info::default())), differs: PGSIZES),
        case!("IOMMU_GET_INFO argsz 512 (room for caps)", |_e| Container, VFIO_IOMMU_GET_INFO, buf(raw(&VfioIommuType1Info::default(), 512, 512)), differs: IOMMU_CAPS),
        // --- The device.
        case!("GET_DEVICE_FD unknown name", |_e| Group, VFIO_GROUP_GET_DEVICE_FD, buf(cstring("0000:ff:1f.7"))),
        case!("GET_DEVICE_FD empty name", |_e| Group, VFIO_GROUP_GET_DEVICE_FD, buf(cstring(""))),
        case!("GET_DEVICE_FD", |e| Group, VFIO_GROUP_GET_DEVICE_FD, buf(cstring(&e.device_name))),
        case!("DEVICE_GET_INFO argsz 4 (below minsz)", |_e| Device, VFIO_DEVICE_GET_INFO, buf(raw(&VfioDeviceInfo::default(), 4, 24))),
        case!("DEVICE_GET_INFO argsz 16 (version 1)", |_e| Device, VFIO_DEVICE_GET_INFO, buf(raw(&VfioDeviceInfo::default(), 16, 24)), differs: REGIONS),
        case!("DEVICE_GET_INFO argsz 24", |_e| Device, VFIO_DEVICE_GET_INFO, buf(plain(&VfioDeviceInfo::default())), differs: REGIONS),
        case!("DEVICE_GET_INFO argsz 64 (above)", |_e| Device, VFIO_DEVICE_GET_INFO, buf(raw(&VfioDeviceInfo::default(), 64, 64)), differs: REGIONS),
        case!("REGION_INFO argsz 16 (below minsz)", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(raw(&VfioRegionInfo::default(), 16, 32))),
        case!("REGION_INFO BAR0", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo::default())), differs: BAR0),
        case!("REGION_INFO BAR0 argsz 256", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(raw(&VfioRegionInfo::default(), 256, 256)), differs: BAR0),
        case!("REGION_INFO BAR1 (absent)", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: 1, ..Default::default() }))),
        case!("REGION_INFO ROM", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: VFIO_PCI_ROM_REGION_INDEX, ..Default::default() }))),
        case!("REGION_INFO config", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: VFIO_PCI_CONFIG_REGION_INDEX, ..Default::default() }))),
        case!("REGION_INFO VGA", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: VFIO_PCI_VGA_REGION_INDEX, ..Default::default() }))),
        case!("REGION_INFO index 9", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: 9, ..Default::default() })), differs: VENDOR_REGION),
        case!("REGION_INFO index 0xffffffff", |_e| Device, VFIO_DEVICE_GET_REGION_INFO, buf(plain(&VfioRegionInfo { index: u32::MAX, ..Default::default() }))),
        case!("IRQ_INFO argsz 8 (below minsz)", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(raw(&VfioIrqInfo::default(), 8, 16))),
        case!("IRQ_INFO INTx", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: VFIO_PCI_INTX_IRQ_INDEX, ..Default::default() }))),
        case!("IRQ_INFO MSI", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: VFIO_PCI_MSI_IRQ_INDEX, ..Default::default() }))),
        case!("IRQ_INFO MSI-X", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: VFIO_PCI_MSIX_IRQ_INDEX, ..Default::default() })), differs: MSIX),
        case!("IRQ_INFO ERR", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: VFIO_PCI_ERR_IRQ_INDEX, ..Default::default() })), differs: ERR_IRQ),
        case!("IRQ_INFO REQ", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: VFIO_PCI_REQ_IRQ_INDEX, ..Default::default() }))),
        case!("IRQ_INFO index 5", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(plain(&VfioIrqInfo { index: 5, ..Default::default() }))),
        case!("IRQ_INFO argsz 64 (above)", |_e| Device, VFIO_DEVICE_GET_IRQ_INFO, buf(raw(&VfioIrqInfo { index: VFIO_PCI_MSI_IRQ_INDEX, ..Default::default() }, 64, 64))),
        case!("SET_IRQS argsz 8 (below minsz)", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 0, 8, &[]))),
        case!("SET_IRQS unknown flag (1 << 6)", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER | 1 << 6, 1, 0, 0, 20, &[]))),
        case!("SET_IRQS two data types", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 0, 20, &[]))),
        case!("SET_IRQS two actions", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 0, 20, &[]))),
        case!("SET_IRQS eventfd not covered by argsz", |e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 1, 20, &e.eventfd.to_ne_bytes()))),
        case!("SET_IRQS index 9", |e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 9, 0, 1, 24, &e.eventfd.to_ne_bytes()))),
        case!("SET_IRQS MSI start 1 (past the count)", |e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 1, 1, 24, &e.eventfd.to_ne_bytes()))),
        case!("SET_IRQS MSI trigger eventfd", |e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 1, 24, &e.eventfd.to_ne_bytes()))),
        case!("SET_IRQS MSI mask", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK, 1, 0, 1, 20, &[]))),
        case!("SET_IRQS MSI eventfd -2", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 1, 24, &(-2i32).to_ne_bytes()))),
        case!("SET_IRQS MSI disable (count 0)", |_e| Device, VFIO_DEVICE_SET_IRQS, buf(set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 0, 20, &[]))),
        case!("DEVICE_FEATURE probe MIGRATION", |_e| Device, VFIO_DEVICE_FEATURE, buf(raw(&VfioDeviceFeature { flags: VFIO_DEVICE_FEATURE_PROBE | VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_MIGRATION, ..Default::default() }, 8, 8)), differs: MIGRATION),
        case!("RESET", |_e| Device, VFIO_DEVICE_RESET, Arg::None),
        case!("unknown ioctl on a device", |_e| Device, UNKNOWN_IOCTL, Arg::None),
        // --- DMA.
        case!("MAP_DMA argsz 16 (below minsz)", |e| Container, VFIO_IOMMU_MAP_DMA, buf(raw(&VfioIommuType1DmaMap { flags: 3, vaddr: e.dma_vaddr, iova: IOVA, size: MAP_SIZE as u64, ..Default::default() }, 16, 32))),
        case!("MAP_DMA unknown flag (1 << 3)", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3 | 1 << 3, e.dma_vaddr, IOVA, MAP_SIZE as u64))),
        case!("MAP_DMA size 0", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, IOVA, 0))),
        case!("MAP_DMA unaligned IOVA", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, IOVA + 0x800, MAP_SIZE as u64))),
        case!("MAP_DMA neither READ nor WRITE", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(0, e.dma_vaddr, IOVA, MAP_SIZE as u64))),
        case!("MAP_DMA in the MSI window", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, 0xfee0_0000, 0x1000))),
        case!("MAP_DMA", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, IOVA, MAP_SIZE as u64))),
        case!("MAP_DMA the same range again", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, IOVA, MAP_SIZE as u64))),
        case!("MAP_DMA overlapping the end", |e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, e.dma_vaddr, IOVA + MAP_SIZE as u64 / 2, MAP_SIZE as u64))),
        case!("UNMAP_DMA argsz 16 (below minsz)", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(raw(&VfioIommuType1DmaUnmap { iova: IOVA, size: MAP_SIZE as u64, ..Default::default() }, 16, 24))),
        case!("UNMAP_DMA unknown flag (1 << 3)", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(1 << 3, IOVA, MAP_SIZE as u64))),
        case!("UNMAP_DMA never mapped", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(0, 0x40_0000, 0x1000))),
        case!("UNMAP_DMA splitting a mapping", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(0, IOVA, 0x1000))),
        case!("UNMAP_DMA unaligned size", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(0, IOVA, MAP_SIZE as u64 - 1))),
        case!("UNMAP_DMA ALL with a range", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(VFIO_DMA_UNMAP_FLAG_ALL, IOVA, MAP_SIZE as u64))),
        // --- Dirty-page tracking.
        case!("DIRTY_PAGES argsz 4 (below minsz)", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, buf(dirty(VFIO_IOMMU_DIRTY_PAGES_FLAG_START, 4, &[]))),
        case!("DIRTY_PAGES no operation", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, buf(dirty(0, 8, &[]))),
        case!("DIRTY_PAGES START and STOP", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, buf(dirty(VFIO_IOMMU_DIRTY_PAGES_FLAG_START | VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP, 8, &[]))),
        case!("DIRTY_PAGES GET_BITMAP while off", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, dirty_get(IOVA, MAP_SIZE as u64, 4096)),
        case!("DIRTY_PAGES START", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, buf(dirty(VFIO_IOMMU_DIRTY_PAGES_FLAG_START, 8, &[]))),
        case!("DIRTY_PAGES GET_BITMAP unmapped range", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, dirty_get(0x40_0000, MAP_SIZE as u64, 4096)),
        case!("DIRTY_PAGES GET_BITMAP page size 8 KiB", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, dirty_get(IOVA, MAP_SIZE as u64, 8192)),
        case!("DIRTY_PAGES GET_BITMAP payload not covered by argsz", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, {
            let Arg::Buf { mut bytes, self_ptr } = dirty_get(IOVA, MAP_SIZE as u64, 4096) else { unreachable!() };
            bytes[..4].copy_from_slice(&8u32.to_ne_bytes());
            Arg::Buf { bytes, self_ptr }
        }),
        case!("DIRTY_PAGES GET_BITMAP", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, dirty_get(IOVA, MAP_SIZE as u64, 4096), differs: DIRTY),
        case!("DIRTY_PAGES STOP", |_e| Container, VFIO_IOMMU_DIRTY_PAGES, buf(dirty(VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP, 8, &[]))),
        case!("UNMAP_DMA ALL", |_e| Container, VFIO_IOMMU_UNMAP_DMA, buf(dma_unmap(VFIO_DMA_UNMAP_FLAG_ALL, 0, 0))),
        // Last of the DMA cases: the sample driver maps what the kernel refuses (see PINNING).
        case!("MAP_DMA of unmapped process memory", |_e| Container, VFIO_IOMMU_MAP_DMA, buf(dma_map(3, 0x1000, 0x80_0000, 0x1000)), differs: PINNING),
        case!("unknown ioctl on a Type1 container", |_e| Container, UNKNOWN_IOCTL, Arg::None),
        // --- Tear-down order.
        case!("UNSET_CONTAINER with the device open", |_e| Group, VFIO_GROUP_UNSET_CONTAINER, Arg::None),
    ]
}

// Why the kernel and the sample driver answer some cases differently. The sample simulates a
// different device behind a different IOMMU; each note names what differs.

const PGSIZES: &str = "IOMMU page sizes: virtio-iommu offers every power of two from 4 KiB (0xfffffffffffff000), the sample's IOMMU 4 KiB, 2 MiB and 1 GiB";
const IOMMU_CAPS: &str = "capability values: max dirty bitmap 256 MiB and 65535 mappings in Linux, 1 MiB and 64 in the sample (small so its tests reach the limits); the IOVA space ends at 2^64-1 behind virtio-iommu, at 2^48-1 in the sample; same capabilities, same order, same offsets";
const REGIONS: &str = "num_regions: the sample device has a device-specific region (index 9, with a type capability), edu has only vfio-pci's nine";
const BAR0: &str = "BAR0: edu's is 1 MiB without capabilities, the sample's 64 KiB with a sparse-mmap capability (so the sample also raises argsz for its chain)";
const VENDOR_REGION: &str = "index 9: the sample's device-specific region exists, edu has none (EINVAL)";
const MSIX: &str = "MSI-X: edu has none (count 0), the sample device 8 vectors";
const ERR_IRQ: &str = "ERR index: vfio-pci offers it only on PCI Express devices; edu is conventional PCI, the sample device is PCIe";
const MIGRATION: &str = "the sample device supports migration (as vfio-pci variant drivers do); plain vfio-pci has no migration feature: ENOTTY";
const DIRTY: &str = "type1 reports every mapped page dirty for a device that pins no pages (vfio-pci), the sample only the pages its simulated device wrote (none here)";
const PINNING: &str = "type1 pins the process's pages at map time and answers EFAULT for unmapped memory; the sample pins nothing and maps any page-aligned address (its tests' simulated memory does not hold the mapped ranges)";

/// A request number no VFIO file knows (`VFIO_BASE + 60`).
const UNKNOWN_IOCTL: uabi::Ioctl<()> = uabi::Ioctl::io(VFIO_TYPE as u32, VFIO_BASE + 60);

/// What a request got back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The ioctl's value (a returned descriptor reads as [`FD`]) or its errno.
    pub result: Result<i64, i32>,
    /// Every run of bytes the call changed in the argument buffer: (offset, new bytes).
    pub written: Vec<(usize, Vec<u8>)>,
}

/// How a returned file descriptor is recorded: its number is the process's business.
pub const FD: i64 = i64::MIN;

fn runs(before: &[u8], after: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::new();
    for (i, (a, b)) in before.iter().zip(after).enumerate() {
        if a != b {
            match out.last_mut() {
                Some((at, run)) if *at + run.len() == i => run.push(*b),
                _ => out.push((i, vec![*b])),
            }
        }
    }
    out
}

fn errno_name(e: i32) -> String {
    let name = match e {
        libc::EPERM => "EPERM",
        libc::ENOENT => "ENOENT",
        libc::EBADF => "EBADF",
        libc::EFAULT => "EFAULT",
        libc::EBUSY => "EBUSY",
        libc::EEXIST => "EEXIST",
        libc::ENODEV => "ENODEV",
        libc::EINVAL => "EINVAL",
        libc::ENOSPC => "ENOSPC",
        libc::ENOTTY => "ENOTTY",
        libc::E2BIG => "E2BIG",
        libc::EBADFD => "EBADFD",
        libc::ENOMEM => "ENOMEM",
        libc::EOPNOTSUPP => "EOPNOTSUPP",
        libc::ENXIO => "ENXIO",
        libc::EIO => "EIO",
        _ => return format!("errno {e}"),
    };
    name.to_owned()
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.result {
            Ok(FD) => f.write_str("ok fd")?,
            Ok(v) => write!(f, "ok {v}")?,
            Err(e) => f.write_str(&errno_name(e))?,
        }
        for (at, run) in &self.written {
            write!(f, " w{at}:")?;
            for b in run {
                write!(f, "{b:02x}")?;
            }
        }
        Ok(())
    }
}

/// Somewhere requests run: the kernel or the sample driver.
pub trait Backend {
    fn env(&self) -> &Env;
    /// Issues `request` on file `on`. `arg` is the argument buffer (already holding its
    /// self-pointers, at the address `self_ptr_base` reported); it is updated in place.
    fn call(&mut self, on: On, request: u32, arg: &mut Arg) -> Result<i64, i32>;
    /// The address the argument buffer will have during `call`.
    fn buf_addr(&mut self, len: usize) -> u64;
}

/// Runs one case on a backend and records its answer.
pub fn answer(b: &mut dyn Backend, case: &Case) -> Answer {
    let mut req = (case.build)(b.env());
    if let Arg::Buf { bytes, self_ptr } = &mut req.arg {
        let base = b.buf_addr(bytes.len());
        for &(at, plus) in self_ptr.iter() {
            bytes[at..at + 8].copy_from_slice(&(base + plus).to_ne_bytes());
        }
    }
    let before = match &req.arg {
        Arg::Buf { bytes, .. } => bytes.clone(),
        _ => vec![],
    };
    let mut result = b.call(req.on, req.request, &mut req.arg);
    if req.request == VFIO_GROUP_GET_DEVICE_FD.request() && result.is_ok() {
        result = Ok(FD);
    }
    let written = match &req.arg {
        Arg::Buf { bytes, .. } => runs(&before, bytes),
        _ => vec![],
    };
    Answer { result, written }
}

// ---------------------------------------------------------------------------------------------
// The kernel.

/// The real kernel: vfio-pci driving edu.
pub struct Kernel {
    env: Env,
    container: File,
    group: File,
    non_viable: Option<File>,
    device: Option<OwnedFd>,
    _dma: Mmap,
    _eventfd: OwnedFd,
    /// The argument buffer, 8-aligned.
    words: Vec<u64>,
}

impl Kernel {
    pub fn new(main: &EduDevice, non_viable: Option<&EduDevice>) -> std::io::Result<Kernel> {
        let container = open_rw("/dev/vfio/vfio")?;
        let group = open_rw(&format!("/dev/vfio/{}", main.group))?;
        let non_viable = non_viable.map(|d| open_rw(&format!("/dev/vfio/{}", d.group))).transpose()?;
        let dma = Mmap::anon(MAP_SIZE)?;
        // SAFETY: no pointers.
        let efd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC) };
        if efd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: a new descriptor nothing else owns.
        let eventfd = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(efd) };
        let env = Env {
            container_fd: container.as_raw_fd(),
            group_fd: group.as_raw_fd(),
            device_name: main.name.clone(),
            dma_vaddr: dma.addr(),
            eventfd: efd,
        };
        Ok(Kernel { env, container, group, non_viable, device: None, _dma: dma, _eventfd: eventfd, words: vec![0; 128] })
    }

    fn fd(&self, on: On) -> Option<i32> {
        Some(match on {
            On::Container => self.container.as_raw_fd(),
            On::Group => self.group.as_raw_fd(),
            On::NonViable => self.non_viable.as_ref()?.as_raw_fd(),
            On::Device => self.device.as_ref()?.as_raw_fd(),
        })
    }
}

impl Backend for Kernel {
    fn env(&self) -> &Env {
        &self.env
    }

    fn buf_addr(&mut self, len: usize) -> u64 {
        if self.words.len() * 8 < len {
            self.words = vec![0; len.div_ceil(8)];
        }
        self.words.as_ptr() as u64
    }

    fn call(&mut self, on: On, request: u32, arg: &mut Arg) -> Result<i64, i32> {
        let fd = self.fd(on).ok_or(libc::EBADF)?;
        // SAFETY (each ioctl): the argument is a value or a buffer at least as long as every
        // argsz the cases put in it, and every address inside a case's buffer is one of this
        // process's mappings (the DMA buffer, the request buffer itself) or one that is
        // deliberately unmapped (page 1).
        let ret = match arg {
            Arg::None => unsafe { libc::ioctl(fd, request as _, 0usize) },
            Arg::Val(v) => unsafe { libc::ioctl(fd, request as _, *v as usize) },
            Arg::Buf { bytes, .. } => {
                let len = bytes.len();
                let addr = self.buf_addr(len);
                let words = self.words.as_mut_bytes();
                words[..len].copy_from_slice(bytes);
                let r = unsafe { libc::ioctl(fd, request as _, addr as usize) };
                bytes.copy_from_slice(&self.words.as_bytes()[..len]);
                r
            }
        };
        if ret < 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0));
        }
        if request == VFIO_GROUP_GET_DEVICE_FD.request() {
            // SAFETY: the new descriptor is ours.
            self.device = Some(unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(ret) });
        }
        Ok(ret.into())
    }
}

// ---------------------------------------------------------------------------------------------
// The sample driver.

/// Where the sample's simulated process keeps its memory: the argument buffer at `BASE`, the
/// DMA buffer at `BASE + DMA_AT`.
const BASE: u64 = 0x7000_0000;
const DMA_AT: usize = 0x10000;

/// The sample driver of examples/vfio-driver, its simulated device in group 7, group 8 as the
/// non-viable one.
pub struct Sample {
    env: Env,
    host: Host,
    ctx: Ctx,
    container: i32,
    group: i32,
    non_viable: i32,
    device: Option<i32>,
    /// The simulated process's memory.
    mem: Vec<u8>,
}

impl Sample {
    pub fn new() -> Sample {
        let ctx = Ctx(1);
        let mut host = Host::new();
        let container = host.open(ctx, "/dev/vfio/vfio").expect("the sample's container opens");
        let group = host.open(ctx, "/dev/vfio/7").expect("the sample's group 7 opens");
        let non_viable = host.open(ctx, "/dev/vfio/8").expect("the sample's group 8 opens");
        let env = Env { container_fd: container, group_fd: group, device_name: "0000:00:01.0".into(), dma_vaddr: BASE + DMA_AT as u64, eventfd: 42 };
        Sample { env, host, ctx, container, group, non_viable, device: None, mem: vec![0; DMA_AT + MAP_SIZE] }
    }
}

impl Backend for Sample {
    fn env(&self) -> &Env {
        &self.env
    }

    fn buf_addr(&mut self, _len: usize) -> u64 {
        BASE
    }

    fn call(&mut self, on: On, request: u32, arg: &mut Arg) -> Result<i64, i32> {
        let fd = match on {
            On::Container => self.container,
            On::Group => self.group,
            On::NonViable => self.non_viable,
            On::Device => self.device.ok_or(libc::EBADF)?,
        };
        let (addr, len) = match arg {
            Arg::None => (0, 0),
            Arg::Val(v) => (*v, 0),
            Arg::Buf { bytes, .. } => {
                self.mem[..bytes.len()].copy_from_slice(bytes);
                (BASE, bytes.len())
            }
        };
        let mut mem = SimMemory::new(BASE, &mut self.mem);
        let ret = self.host.ioctl(self.ctx, fd, request, &mut mem, addr).map_err(|e| e.errno())?;
        if let Arg::Buf { bytes, .. } = arg {
            bytes.copy_from_slice(&self.mem[..len]);
        }
        if request == VFIO_GROUP_GET_DEVICE_FD.request() {
            self.device = Some(ret as i32);
        }
        Ok(ret as i64)
    }
}

/// Runs the sequence on both, prints one `edge` line per case, and checks that every
/// difference has its note and every note its difference.
pub fn run(r: &mut Report, main: &EduDevice, non_viable: Option<&EduDevice>) {
    let Some(mut kernel) = r.call("open the files for the edge cases", Kernel::new(main, non_viable)) else { return };
    let mut sample = Sample::new();
    let mut agree = 0;
    for case in cases() {
        let probe = (case.build)(kernel.env());
        if probe.on == On::NonViable && kernel.non_viable.is_none() {
            line(format_args!("edge {} | skipped: no non-viable group in this VM", case.name));
            continue;
        }
        let k = answer(&mut kernel, &case);
        let s = answer(&mut sample, &case);
        let same = k == s;
        let verdict = match (same, case.differs) {
            (true, None) => {
                agree += 1;
                "agree".to_owned()
            }
            (false, Some(why)) => format!("differ, known: {why}"),
            (false, None) => {
                r.check(&format!("edge {}: the sample driver answers as the kernel", case.name), false, format_args!("kernel {k} / sample {s}"));
                "DIFFER".to_owned()
            }
            (true, Some(why)) => {
                r.check(&format!("edge {}: a noted difference is gone", case.name), false, why);
                "agree, but a difference is noted".to_owned()
            }
        };
        line(format_args!("edge {} | kernel {k} | sample {s} | {verdict}", case.name));
    }
    r.check("edge cases where the sample driver agrees with vfio-pci", true, format_args!("{agree} of {}", cases().len()));
}
