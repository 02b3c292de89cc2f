//! The whole VFIO life of QEMU's edu device on the real kernel, as a VMM would live it, through
//! uabi's types, `Ioctl` constants and user-side helpers only: every struct comes from
//! `Default` (which sets `argsz`), every INFO call goes through the two-call negotiation of
//! `uabi::fd`, every capability is read through `uabi::cap_chain`, every flexible-array request
//! is a `FlexBuf`.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::os::unix::fs::FileExt;
use std::time::{Duration, Instant};

use uabi::fd::{ioctl_none, ioctl_with_flex, ioctl_with_mut, ioctl_with_ref, ioctl_with_val, query_info_with_caps, query_info_with_caps_from};
use uabi::zerocopy::IntoBytes;
use uabi::FlexBuf;
use uabi_linux::vfio::*;

use crate::report::{info, Report};

/// edu's BAR0 registers (QEMU docs/specs/edu.rst).
mod edu {
    pub const ID: usize = 0x00;
    pub const LIVENESS: usize = 0x04;
    pub const IRQ_STATUS: usize = 0x24;
    pub const IRQ_RAISE: usize = 0x60;
    pub const IRQ_ACK: usize = 0x64;
    pub const DMA_SRC: usize = 0x80;
    pub const DMA_DST: usize = 0x88;
    pub const DMA_COUNT: usize = 0x90;
    pub const DMA_CMD: usize = 0x98;
    pub const DMA_START: u64 = 1 << 0;
    pub const DMA_TO_RAM: u64 = 1 << 1;
    pub const DMA_IRQ: u64 = 1 << 2;
    /// edu's DMA buffer, in the device's own address space.
    pub const BUFFER: u64 = 0x40000;
    /// What the ID register reads: version 1.0, magic 0xed.
    pub const ID_VALUE: u32 = 0x0100_00ed;
    /// irq_status bit of a finished DMA.
    pub const DMA_IRQ_STATUS: u32 = 0x100;
}

/// The PCI command register's memory-space and bus-master enables.
const PCI_COMMAND_MEMORY: u16 = 1 << 1;
const PCI_COMMAND_MASTER: u16 = 1 << 2;

/// Where the test maps its buffer in the device's IOVA space: below edu's 28-bit DMA mask.
pub const IOVA: u64 = 0x10_0000;
/// The mapped buffer: 16 pages.
pub const MAP_SIZE: usize = 0x10000;
/// Bytes each DMA moves. edu's buffer is 4 KiB, but QEMU before 8.0 aborts on a transfer
/// that ends exactly at the buffer's end (its range check compares the end exclusively), so
/// each transfer is half of it.
const DMA_LEN: usize = 2048;

/// An mmap'ed area, unmapped on drop.
pub struct Mmap {
    ptr: *mut u8,
    len: usize,
}

impl Mmap {
    /// Anonymous, zeroed, page-aligned memory.
    pub fn anon(len: usize) -> io::Result<Mmap> {
        Self::map(len, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)
    }

    /// `len` bytes of a device file at `offset` (a region's offset from REGION_INFO).
    pub fn device(fd: BorrowedFd<'_>, offset: u64, len: usize) -> io::Result<Mmap> {
        Self::map(len, libc::MAP_SHARED, fd.as_raw_fd(), offset as libc::off_t)
    }

    fn map(len: usize, flags: libc::c_int, fd: libc::c_int, off: libc::off_t) -> io::Result<Mmap> {
        // SAFETY: a new mapping at an address of the kernel's choosing overlaps nothing.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, flags, fd, off) };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(Mmap { ptr: p.cast(), len })
    }

    pub fn addr(&self) -> u64 {
        self.ptr as u64
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes mapped for the life of self. A device may write them behind our
        // back (DMA); we read them only after the device said it finished.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as `bytes`, uniquely borrowed.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    /// A 32-bit MMIO read (edu answers only 4- and 8-byte accesses).
    pub fn read32(&self, off: usize) -> u32 {
        assert!(off + 4 <= self.len && off.is_multiple_of(4));
        // SAFETY: in bounds and aligned; volatile because it is a device register.
        unsafe { std::ptr::read_volatile(self.ptr.add(off).cast::<u32>()) }
    }

    pub fn write32(&mut self, off: usize, v: u32) {
        assert!(off + 4 <= self.len && off.is_multiple_of(4));
        // SAFETY: as read32.
        unsafe { std::ptr::write_volatile(self.ptr.add(off).cast::<u32>(), v) }
    }

    pub fn read64(&self, off: usize) -> u64 {
        assert!(off + 8 <= self.len && off.is_multiple_of(8));
        // SAFETY: as read32.
        unsafe { std::ptr::read_volatile(self.ptr.add(off).cast::<u64>()) }
    }

    pub fn write64(&mut self, off: usize, v: u64) {
        assert!(off + 8 <= self.len && off.is_multiple_of(8));
        // SAFETY: as read32.
        unsafe { std::ptr::write_volatile(self.ptr.add(off).cast::<u64>(), v) }
    }
}

impl Drop for Mmap {
    fn drop(&mut self) {
        // SAFETY: exactly the mapping `map` made; no borrow outlives self.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
    }
}

pub fn open_rw(path: &str) -> io::Result<File> {
    OpenOptions::new().read(true).write(true).open(path)
}

/// A descriptor an ioctl returned.
fn owned(fd: i32) -> OwnedFd {
    // SAFETY: VFIO_GROUP_GET_DEVICE_FD returns a new descriptor nothing else owns.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

fn eventfd() -> io::Result<OwnedFd> {
    // SAFETY: no pointers.
    let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(owned(fd))
}

/// Waits up to `limit` for the eventfd to be signalled and returns its counter (reading
/// resets it), or 0 if it was not.
fn wait_eventfd(fd: BorrowedFd<'_>, limit: Duration) -> u64 {
    let mut pfd = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd.
    let n = unsafe { libc::poll(&mut pfd, 1, limit.as_millis() as libc::c_int) };
    if n != 1 {
        return 0;
    }
    let mut v = 0u64;
    // SAFETY: reads 8 bytes into v.
    let r = unsafe { libc::read(fd.as_raw_fd(), (&mut v as *mut u64).cast(), 8) };
    if r == 8 {
        v
    } else {
        0
    }
}

/// Waits for edu's DMA engine to clear its start bit. A bound, not a timed assertion: the
/// check that follows looks at the data, not at the time.
fn wait_dma_idle(bar: &Mmap) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while bar.read64(edu::DMA_CMD) & edu::DMA_START != 0 {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// Programs one DMA of `DMA_LEN` bytes and waits for its end.
fn edu_dma(bar: &mut Mmap, src: u64, dst: u64, cmd: u64) -> bool {
    bar.write64(edu::DMA_SRC, src);
    bar.write64(edu::DMA_DST, dst);
    bar.write64(edu::DMA_COUNT, DMA_LEN as u64);
    bar.write64(edu::DMA_CMD, cmd | edu::DMA_START);
    wait_dma_idle(bar)
}

/// The SET_IRQS request binding (or, with -1, unbinding) `fd` to the trigger of IRQ 0 of
/// `index`.
fn irq_eventfd(index: u32, fd: i32) -> Result<FlexBuf<VfioIrqSet>, uabi::Error> {
    let hdr = VfioIrqSet { flags: VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, index, start: 0, count: 1, ..Default::default() };
    FlexBuf::from_parts(&hdr, fd.to_ne_bytes().as_slice())?.with_argsz()
}

/// Runs the life; `None` where a failed step stopped it (the failure is reported). Every file
/// is closed on return, so the edge cases start from a group in no container.
pub fn run(r: &mut Report, group_no: u32, name: &str) -> Option<()> {
    // --- The container.
    let container = r.call("open /dev/vfio/vfio", open_rw("/dev/vfio/vfio"))?;
    let c = container.as_fd();
    // SAFETY (every ioctl below): each Ioctl constant is issued on the file of its namespace
    // (container, group, device), with the argument type the constant names.
    let version = unsafe { ioctl_none(c, VFIO_GET_API_VERSION) };
    r.check("VFIO_GET_API_VERSION", matches!(version, Ok(v) if v == VFIO_API_VERSION), format_args!("{version:?}"));
    for (ext, name) in [(VFIO_TYPE1_IOMMU, "TYPE1"), (VFIO_TYPE1v2_IOMMU, "TYPE1v2"), (VFIO_UNMAP_ALL, "UNMAP_ALL")] {
        let got = unsafe { ioctl_with_val(c, VFIO_CHECK_EXTENSION, ext.into()) };
        r.check(&format!("VFIO_CHECK_EXTENSION {name}"), matches!(got, Ok(v) if v > 0), format_args!("{got:?}"));
    }
    let others: Vec<String> = [(VFIO_SPAPR_TCE_IOMMU, "SPAPR_TCE"), (VFIO_DMA_CC_IOMMU, "DMA_CC"), (VFIO_NOIOMMU_IOMMU, "NOIOMMU"), (VFIO_UPDATE_VADDR, "UPDATE_VADDR")]
        .iter()
        .map(|&(ext, n)| format!("{n}={:?}", unsafe { ioctl_with_val(c, VFIO_CHECK_EXTENSION, ext.into()) }))
        .collect();
    info(format_args!("other extensions before SET_IOMMU: {}", others.join(" ")));

    // --- The group.
    let group = r.call(&format!("open /dev/vfio/{group_no}"), open_rw(&format!("/dev/vfio/{group_no}")))?;
    let g = group.as_fd();
    let mut status = VfioGroupStatus::default();
    let res = unsafe { ioctl_with_mut(g, VFIO_GROUP_GET_STATUS, &mut status) };
    r.check(
        "VFIO_GROUP_GET_STATUS: viable, no container",
        res.is_ok() && status.flags == VFIO_GROUP_FLAGS_VIABLE,
        format_args!("{res:?} {status:?}"),
    );
    let res = unsafe { ioctl_with_ref(g, VFIO_GROUP_SET_CONTAINER, &container.as_raw_fd()) };
    r.call("VFIO_GROUP_SET_CONTAINER", res)?;
    let mut status = VfioGroupStatus::default();
    let res = unsafe { ioctl_with_mut(g, VFIO_GROUP_GET_STATUS, &mut status) };
    r.check(
        "VFIO_GROUP_GET_STATUS: viable, container set",
        res.is_ok() && status.flags == VFIO_GROUP_FLAGS_VIABLE | VFIO_GROUP_FLAGS_CONTAINER_SET,
        format_args!("{res:?} {status:?}"),
    );
    r.call("VFIO_SET_IOMMU TYPE1v2", unsafe { ioctl_with_val(c, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU.into()) })?;
    let dma_cc = unsafe { ioctl_with_val(c, VFIO_CHECK_EXTENSION, VFIO_DMA_CC_IOMMU.into()) };
    info(format_args!("DMA_CC after SET_IOMMU: {dma_cc:?}"));

    // --- The IOMMU's info and capability chain (two calls: the chain does not fit the struct).
    let iommu = r.call("VFIO_IOMMU_GET_INFO", unsafe { query_info_with_caps(c, VFIO_IOMMU_GET_INFO) })?;
    let i = iommu.info();
    r.check(
        "IOMMU info: page sizes include 4 KiB, chain negotiated in two calls",
        i.flags & VFIO_IOMMU_INFO_PGSIZES != 0 && i.iova_pgsizes & 0x1000 != 0 && i.flags & VFIO_IOMMU_INFO_CAPS != 0 && iommu.calls() == 2,
        format_args!("flags {:#x} pgsizes {:#x} argsz {} calls {} cap_offset {}", i.flags, i.iova_pgsizes, iommu.argsz(), iommu.calls(), i.cap_offset),
    );
    let mut ids = Vec::new();
    let mut iova_ok = false;
    let mut migration = None;
    for cap in iommu.caps() {
        let Some(cap) = r.call("IOMMU capability chain walks", cap) else { break };
        ids.push(format!("{}v{}@{}", cap.id, cap.version, cap.offset));
        if let Ok(Some(ranges)) = cap.read_flex::<VfioIommuType1InfoCapIovaRange>() {
            let list: Vec<String> = ranges.iter().map(|r| format!("{:#x}-{:#x}", r.start, r.end)).collect();
            iova_ok = ranges.iter().any(|r| r.start <= IOVA && IOVA + MAP_SIZE as u64 - 1 <= r.end);
            info(format_args!("IOVA ranges: {}", list.join(" ")));
        }
        if let Ok(Some(m)) = cap.read::<VfioIommuType1InfoCapMigration>() {
            info(format_args!("migration cap: flags {:#x} pgsize_bitmap {:#x} max_dirty_bitmap_size {:#x}", m.flags, m.pgsize_bitmap, m.max_dirty_bitmap_size));
            migration = Some(m);
        }
        if let Ok(Some(a)) = cap.read::<VfioIommuType1InfoDmaAvail>() {
            info(format_args!("DMA mappings available: {}", a.avail));
        }
    }
    r.check("IOMMU caps: an IOVA range covers the test's IOVA", iova_ok, ids.join(" "));

    // --- The device.
    let mut cname = name.as_bytes().to_vec();
    cname.push(0);
    let fd = r.call("VFIO_GROUP_GET_DEVICE_FD", unsafe { ioctl_with_ref(g, VFIO_GROUP_GET_DEVICE_FD, cname.as_slice()) })?;
    let device = File::from(owned(fd));
    let d = device.as_fd();
    let dinfo = r.call("VFIO_DEVICE_GET_INFO", unsafe { query_info_with_caps(d, VFIO_DEVICE_GET_INFO) })?;
    let di = *dinfo.info();
    r.check(
        "device info: a vfio-pci device with 9 regions and 5 IRQ indexes",
        di.flags & VFIO_DEVICE_FLAGS_PCI != 0 && di.num_regions >= VFIO_PCI_NUM_REGIONS && di.num_irqs >= VFIO_PCI_NUM_IRQS,
        format_args!("flags {:#x} regions {} irqs {} argsz {} calls {} caps {}", di.flags, di.num_regions, di.num_irqs, dinfo.argsz(), dinfo.calls(), dinfo.caps().count()),
    );

    // Every region, with its capabilities.
    let mut bar0 = None;
    let mut config = None;
    for index in 0..di.num_regions {
        let init = VfioRegionInfo { index, ..Default::default() };
        let res = unsafe { query_info_with_caps_from(d, VFIO_DEVICE_GET_REGION_INFO, &init) };
        match res {
            Ok(reg) => {
                let ri = *reg.info();
                let caps: Vec<String> = reg.caps().map(|c| c.map_or_else(|e| format!("bad chain: {e}"), |c| format!("{}v{}", c.id, c.version))).collect();
                info(format_args!(
                    "region {index}: flags {:#x} size {:#x} offset {:#x} argsz {} calls {} caps [{}]",
                    ri.flags, ri.size, ri.offset, reg.argsz(), reg.calls(), caps.join(" ")
                ));
                if index == VFIO_PCI_BAR0_REGION_INDEX {
                    bar0 = Some(ri);
                }
                if index == VFIO_PCI_CONFIG_REGION_INDEX {
                    config = Some(ri);
                    r.check("config region readable and writable, 256 bytes", ri.size == 256 && ri.flags & 3 == 3, format_args!("{ri:?}"));
                }
            }
            // vfio-pci refuses the VGA index of a device that has no VGA.
            Err(e) => info(format_args!("region {index}: {e}")),
        }
    }
    let bar0 = bar0?;
    let config = config?;

    // A device may master the bus (DMA, and MSI, which is a memory write) only once its
    // driver sets Bus Master in the PCI command register: what a VMM forwards from its guest,
    // done here through the config region of the device file.
    let command_at = config.offset + 4;
    let mut command = [0u8; 2];
    let read = device.read_exact_at(&mut command, command_at);
    let set = u16::from_le_bytes(command) | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
    let wrote = device.write_all_at(&set.to_le_bytes(), command_at);
    let reread = device.read_exact_at(&mut command, command_at).map(|()| u16::from_le_bytes(command));
    r.check(
        "Bus Master set through the config region",
        read.is_ok() && wrote.is_ok() && matches!(reread, Ok(c) if c & PCI_COMMAND_MASTER != 0),
        format_args!("{read:?} {wrote:?} command {reread:?}"),
    );
    r.check(
        "BAR0: 1 MiB, mmap-able",
        bar0.size == 1 << 20 && bar0.flags & VFIO_REGION_INFO_FLAG_MMAP != 0,
        format_args!("flags {:#x} size {:#x}", bar0.flags, bar0.size),
    );
    for index in 0..di.num_irqs {
        let mut irq = VfioIrqInfo { index, ..Default::default() };
        let res = unsafe { ioctl_with_mut(d, VFIO_DEVICE_GET_IRQ_INFO, &mut irq) };
        info(format_args!("irq index {index}: {res:?} flags {:#x} count {}", irq.flags, irq.count));
        if index == VFIO_PCI_MSI_IRQ_INDEX {
            r.check("MSI: one eventfd-capable vector", res.is_ok() && irq.count == 1 && irq.flags & VFIO_IRQ_INFO_EVENTFD != 0, format_args!("{irq:?}"));
        }
    }

    // --- BAR0 mapped: edu's registers.
    let mut bar = r.call("mmap BAR0", Mmap::device(d, bar0.offset, bar0.size as usize))?;
    let id = bar.read32(edu::ID);
    r.check("edu ID register through the mmap'ed BAR0", id == edu::ID_VALUE, format_args!("{id:#010x}"));
    bar.write32(edu::LIVENESS, 0x1234_5678);
    let live = bar.read32(edu::LIVENESS);
    r.check("edu liveness register inverts what is written", live == !0x1234_5678, format_args!("{live:#010x}"));

    dma_and_interrupts(r, &container, d, &mut bar, migration.is_some());

    // --- Reset.
    if di.flags & VFIO_DEVICE_FLAGS_RESET != 0 {
        let res = unsafe { ioctl_none(d, VFIO_DEVICE_RESET) };
        r.check("VFIO_DEVICE_RESET", res.is_ok(), format_args!("{res:?}"));
        let id = bar.read32(edu::ID);
        r.check("edu answers after the reset", id == edu::ID_VALUE, format_args!("{id:#010x}"));
    } else {
        r.check("device offers reset (VFIO_DEVICE_FLAGS_RESET)", false, format_args!("flags {:#x}", di.flags));
    }
    drop(bar);
    drop((device, group, container));
    Some(())
}

/// DMA both ways through the IOMMU, MSI on an eventfd, dirty-page tracking, unmap.
fn dma_and_interrupts(r: &mut Report, container: &File, d: BorrowedFd<'_>, bar: &mut Mmap, tracking: bool) {
    let c = container.as_fd();
    let Some(mut mem) = r.call("allocate the DMA buffer", Mmap::anon(MAP_SIZE)) else { return };
    let map = VfioIommuType1DmaMap {
        flags: VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
        vaddr: mem.addr(),
        iova: IOVA,
        size: MAP_SIZE as u64,
        ..Default::default()
    };
    if r.call("VFIO_IOMMU_MAP_DMA", unsafe { ioctl_with_ref(c, VFIO_IOMMU_MAP_DMA, &map) }).is_none() {
        return;
    }
    if tracking {
        let mut start = FlexBuf::<VfioIommuType1DirtyBitmap>::new(0).and_then(FlexBuf::with_argsz).expect("a header alone");
        start.header_mut().flags = VFIO_IOMMU_DIRTY_PAGES_FLAG_START;
        let res = unsafe { ioctl_with_flex(c, VFIO_IOMMU_DIRTY_PAGES, &mut start) };
        r.check("VFIO_IOMMU_DIRTY_PAGES start", res.is_ok(), format_args!("{res:?}"));
    }

    // The MSI vector on an eventfd.
    let Some(efd) = r.call("eventfd", eventfd()) else { return };
    let mut set = irq_eventfd(VFIO_PCI_MSI_IRQ_INDEX, efd.as_raw_fd()).expect("a one-element request");
    r.check("SET_IRQS argsz from FlexBuf", set.header().argsz == 24, format_args!("{}", set.header().argsz));
    let res = unsafe { ioctl_with_flex(d, VFIO_DEVICE_SET_IRQS, &mut set) };
    r.check("VFIO_DEVICE_SET_IRQS: MSI trigger on an eventfd", res.is_ok(), format_args!("{res:?}"));

    // The first 2 KiB of the buffer -> the device; the device -> the next 2 KiB, with an
    // interrupt at the end.
    let pattern: Vec<u8> = (0..DMA_LEN).map(|i| (i as u8).wrapping_mul(7) ^ 0x5a).collect();
    mem.bytes_mut()[..DMA_LEN].copy_from_slice(&pattern);
    let to_dev = edu_dma(bar, IOVA, edu::BUFFER, 0);
    r.check("edu DMA from RAM (IOVA) into the device finished", to_dev, "");
    let to_ram = edu_dma(bar, edu::BUFFER, IOVA + DMA_LEN as u64, edu::DMA_TO_RAM | edu::DMA_IRQ);
    r.check("edu DMA from the device to RAM (IOVA + 2 KiB) finished", to_ram, "");
    let back = &mem.bytes()[DMA_LEN..2 * DMA_LEN];
    let same = back == pattern.as_slice();
    r.check("DMA round trip: the page came back through the IOMMU", same, format_args!("first bytes {:02x?}", &back[..8]));
    let got = wait_eventfd(efd.as_fd(), Duration::from_secs(10));
    let status = bar.read32(edu::IRQ_STATUS);
    r.check("MSI of the DMA's end arrived on the eventfd", got >= 1 && status & edu::DMA_IRQ_STATUS != 0, format_args!("eventfd count {got}, irq_status {status:#x}"));
    bar.write32(edu::IRQ_ACK, status);

    // A raised interrupt: one more signal on the same eventfd.
    bar.write32(edu::IRQ_RAISE, 0x1);
    let got = wait_eventfd(efd.as_fd(), Duration::from_secs(10));
    r.check("edu's raise-interrupt register signals the eventfd", got >= 1, format_args!("eventfd count {got}"));
    bar.write32(edu::IRQ_ACK, 0x1);

    if tracking {
        // GET_BITMAP for the mapped range: one bit per 4 KiB page, in a u64.
        let mut bitmap = [0u64; 1];
        let get = VfioIommuType1DirtyBitmapGet {
            iova: IOVA,
            size: MAP_SIZE as u64,
            bitmap: VfioBitmap { pgsize: 4096, size: 8, data: bitmap.as_mut_ptr() as u64 },
        };
        let hdr = VfioIommuType1DirtyBitmap { flags: VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP, ..Default::default() };
        let mut req = FlexBuf::from_parts(&hdr, get.as_bytes()).and_then(FlexBuf::with_argsz).expect("fits");
        let res = unsafe { ioctl_with_flex(c, VFIO_IOMMU_DIRTY_PAGES, &mut req) };
        // vfio-pci pins no pages, so type1 cannot know which pages the device wrote and
        // reports every mapped page dirty; page 1 (the DMA's target) must be among them.
        r.check("dirty bitmap marks the page the device wrote", res.is_ok() && bitmap[0] & 0b10 != 0, format_args!("{res:?} bitmap {:#018x}", bitmap[0]));
        let mut stop = FlexBuf::<VfioIommuType1DirtyBitmap>::new(0).and_then(FlexBuf::with_argsz).expect("a header alone");
        stop.header_mut().flags = VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP;
        let res = unsafe { ioctl_with_flex(c, VFIO_IOMMU_DIRTY_PAGES, &mut stop) };
        r.check("VFIO_IOMMU_DIRTY_PAGES stop", res.is_ok(), format_args!("{res:?}"));
    }

    // Unmap: the kernel writes back the size it unmapped. Then the device cannot reach the page.
    let mut unmap = VfioIommuType1DmaUnmap { iova: IOVA, size: MAP_SIZE as u64, ..Default::default() };
    let res = unsafe { ioctl_with_mut(c, VFIO_IOMMU_UNMAP_DMA, &mut unmap) };
    r.check("VFIO_IOMMU_UNMAP_DMA writes back the size unmapped", res.is_ok() && unmap.size == MAP_SIZE as u64, format_args!("{res:?} size {:#x}", unmap.size));
    mem.bytes_mut()[2 * DMA_LEN..3 * DMA_LEN].fill(0);
    let done = edu_dma(bar, edu::BUFFER, IOVA + 2 * DMA_LEN as u64, edu::DMA_TO_RAM);
    let untouched = mem.bytes()[2 * DMA_LEN..3 * DMA_LEN].iter().all(|&b| b == 0);
    r.check("after unmap the device's DMA does not reach the page", done && untouched, "");
    let _ = wait_eventfd(efd.as_fd(), Duration::from_millis(0));

    // Unbind the eventfd and disable the index (DATA_NONE, count 0).
    let off = VfioIrqSet { flags: VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index: VFIO_PCI_MSI_IRQ_INDEX, ..Default::default() };
    let mut off = FlexBuf::from_parts(&off, &[]).and_then(FlexBuf::with_argsz).expect("a header alone");
    let res = unsafe { ioctl_with_flex(d, VFIO_DEVICE_SET_IRQS, &mut off) };
    r.check("VFIO_DEVICE_SET_IRQS: disable MSI", res.is_ok(), format_args!("{res:?}"));
}
