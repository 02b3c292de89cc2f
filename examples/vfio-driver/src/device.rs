//! The simulated device and its VFIO device-file ioctls.
//!
//! Every argument is read and written through uabi's decoders and encoders: the handlers below
//! never compare `argsz` with a size or `flags` with a mask; they read the values the decoder
//! accepted and act on them.

use uabi::cap_chain::{CapChainBuilder, CapChainInfo};
use uabi::{
    decode_argsz, decode_payload, encode_argsz, encode_info, encode_payload, flex_len_as, one_flag_of, Extensible, FlexArray,
    InfoCaps, UserMemory,
};
use uabi_linux::vfio::*;

use crate::error::{DriverError, Result};
use crate::sample::*;

/// Page size of the simulated platform.
pub const PAGE_SIZE: u64 = 4096;

/// Region index of the device-specific region (after vfio-pci's fixed indexes).
pub const SAMPLE_REGION_INDEX: u32 = VFIO_PCI_NUM_REGIONS;
/// The vendor-specific region type it carries in its type capability (PCI vendor 0x1af4).
pub const SAMPLE_REGION_TYPE: u32 = VFIO_REGION_TYPE_PCI_VENDOR_TYPE | 0x1af4;
/// Its subtype.
pub const SAMPLE_REGION_SUBTYPE: u32 = 1;
/// Number of queues the device reports through its own ABI.
pub const SAMPLE_NUM_QUEUES: u32 = 4;
/// Bus address of its doorbell page (version 2 of its ABI).
pub const SAMPLE_DOORBELL: u64 = 0xfe00_0000;

/// One region of the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub flags: u32,
    pub size: u64,
    /// Parts that may be mmap'ed (offset, size); reported as a sparse-mmap capability.
    pub sparse: Vec<VfioRegionSparseMmapArea>,
    /// Type and subtype, reported as a type capability.
    pub region_type: Option<(u32, u32)>,
}

/// One interrupt index of the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrqIndex {
    pub flags: u32,
    /// The eventfd bound to each IRQ's trigger, if any.
    pub eventfds: Vec<Option<i32>>,
    /// Whether each IRQ is masked.
    pub masked: Vec<bool>,
}

/// An interrupt the device signalled, recorded for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub index: u32,
    pub irq: u32,
    /// The eventfd signalled.
    pub eventfd: i32,
}

/// A simulated PCI device.
#[derive(Debug, Clone)]
pub struct Device {
    pub name: String,
    pub group: u32,
    /// Bound to the VFIO driver (else to a host driver, which makes its group non-viable).
    pub bound_to_vfio: bool,
    pub regions: Vec<Region>,
    pub irqs: Vec<IrqIndex>,
    /// Every interrupt signalled, in order.
    pub triggers: Vec<Trigger>,
    pub resets: u32,
    pub mig_state: VfioDeviceMigState,
    /// Every state the device went through on migration state changes, in order.
    pub mig_history: Vec<VfioDeviceMigState>,
    /// Data-stream files opened by migration arcs (simulated descriptor numbers).
    next_data_fd: i32,
}

/// The migration features the device supports: STOP_COPY and P2P, not PRE_COPY.
pub const MIGRATION_FLAGS: u64 = VFIO_MIGRATION_STOP_COPY | VFIO_MIGRATION_P2P;

impl Device {
    /// A device with BAR0 (64 KiB, two mmap-able areas), config space, a vendor region, and
    /// INTx, MSI (1 vector), MSI-X (8 vectors), ERR and REQ interrupts. No VGA.
    ///
    /// Every index but INTx is NORESIZE, as vfio-pci reports them.
    pub fn new(name: &str, group: u32, bound_to_vfio: bool) -> Device {
        let absent = Region { flags: 0, size: 0, sparse: vec![], region_type: None };
        let rw = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
        let mut regions = vec![absent; SAMPLE_REGION_INDEX as usize + 1];
        regions[VFIO_PCI_BAR0_REGION_INDEX as usize] = Region {
            flags: rw | VFIO_REGION_INFO_FLAG_MMAP,
            size: 0x10000,
            sparse: vec![
                VfioRegionSparseMmapArea { offset: 0, size: 0x1000 },
                VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 },
            ],
            region_type: None,
        };
        regions[VFIO_PCI_CONFIG_REGION_INDEX as usize] = Region { flags: rw, size: 256, sparse: vec![], region_type: None };
        regions[SAMPLE_REGION_INDEX as usize] =
            Region { flags: rw, size: 0x1000, sparse: vec![], region_type: Some((SAMPLE_REGION_TYPE, SAMPLE_REGION_SUBTYPE)) };
        let irq = |flags, count| IrqIndex { flags, eventfds: vec![None; count], masked: vec![false; count] };
        let irqs = vec![
            irq(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED, 1),
            irq(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE, 1),
            irq(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE, 8),
            irq(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE, 1),
            irq(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE, 1),
        ];
        Device {
            name: name.to_owned(),
            group,
            bound_to_vfio,
            regions,
            irqs,
            triggers: vec![],
            resets: 0,
            mig_state: VfioDeviceMigState::Running,
            mig_history: vec![],
            next_data_fd: 1000,
        }
    }

    /// The device raises interrupt `irq` of `index`: signalled if a trigger eventfd is bound
    /// and the line is not masked; an automasked index masks the line after signalling.
    pub fn raise(&mut self, index: u32, irq: u32) {
        let Some(ix) = self.irqs.get_mut(index as usize) else { return };
        let i = irq as usize;
        if let (Some(Some(fd)), Some(false)) = (ix.eventfds.get(i).copied(), ix.masked.get(i).copied()) {
            self.triggers.push(Trigger { index, irq, eventfd: fd });
            if ix.flags & VFIO_IRQ_INFO_AUTOMASKED != 0 {
                ix.masked[i] = true;
            }
        }
    }

    /// Handles a device-file request; `None` when the request is not a device request.
    pub fn ioctl<M: UserMemory + ?Sized>(&mut self, request: u32, mem: &mut M, arg: u64) -> Option<Result<u64>> {
        const GET_INFO: u32 = VFIO_DEVICE_GET_INFO.request();
        const GET_REGION_INFO: u32 = VFIO_DEVICE_GET_REGION_INFO.request();
        const GET_IRQ_INFO: u32 = VFIO_DEVICE_GET_IRQ_INFO.request();
        const SET_IRQS: u32 = VFIO_DEVICE_SET_IRQS.request();
        const RESET: u32 = VFIO_DEVICE_RESET.request();
        const FEATURE: u32 = VFIO_DEVICE_FEATURE.request();
        const SAMPLE_INFO: u32 = SAMPLE_GET_INFO.request();
        Some(match request {
            GET_INFO => self.get_info(mem, arg),
            GET_REGION_INFO => self.get_region_info(mem, arg),
            GET_IRQ_INFO => self.get_irq_info(mem, arg),
            SET_IRQS => self.set_irqs(mem, arg),
            RESET => self.reset(),
            FEATURE => self.feature(mem, arg),
            SAMPLE_INFO => sample_info(mem, arg),
            _ => return None,
        })
    }

    fn get_info<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioDeviceInfo, _>(mem, arg)?;
        let info = VfioDeviceInfo {
            argsz: req.value.argsz,
            flags: VFIO_DEVICE_FLAGS_RESET | VFIO_DEVICE_FLAGS_PCI,
            num_regions: self.regions.len() as u32,
            num_irqs: self.irqs.len() as u32,
            ..Default::default()
        };
        // No device capabilities: encode_info writes the struct truncated to the caller's argsz.
        let caps = info_caps::<VfioDeviceInfo>(VFIO_DEVICE_FLAGS_CAPS, &[]);
        encode_info(mem, arg, req.size, &info, caps)?;
        Ok(0)
    }

    fn get_region_info<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioRegionInfo, _>(mem, arg)?;
        let index = req.value.index;
        let region = self.regions.get(index as usize).ok_or(DriverError::Invalid("no such region index"))?;
        // An absent BAR or ROM is a region of size 0; the VGA index of a device that is no
        // VGA controller does not exist at all (vfio-pci answers EINVAL).
        if index == VFIO_PCI_VGA_REGION_INDEX && region.size == 0 {
            return Err(DriverError::Invalid("not a VGA device"));
        }
        let info = VfioRegionInfo {
            argsz: req.value.argsz,
            flags: region.flags,
            index,
            size: region.size,
            // vfio-pci's convention: the region's offset in the device file is its index << 40.
            offset: u64::from(index) << 40,
            ..Default::default()
        };
        let chain = build_chain::<VfioRegionInfo>(|b| {
            if !region.sparse.is_empty() {
                b.add_flex(&VfioRegionInfoCapSparseMmap::default(), &region.sparse);
            }
            if let Some((r#type, subtype)) = region.region_type {
                b.add(&VfioRegionInfoCapType { r#type, subtype, ..Default::default() });
            }
        })?;
        let caps = info_caps::<VfioRegionInfo>(VFIO_REGION_INFO_FLAG_CAPS, &chain);
        encode_info(mem, arg, req.size, &info, caps)?;
        Ok(0)
    }

    fn get_irq_info<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioIrqInfo, _>(mem, arg)?;
        let index = req.value.index;
        let irq = self.irqs.get(index as usize).ok_or(DriverError::Invalid("no such IRQ index"))?;
        let info = VfioIrqInfo { argsz: req.value.argsz, flags: irq.flags, index, count: irq.eventfds.len() as u32 };
        encode_argsz(mem, arg, req.size, &info)?;
        Ok(0)
    }

    fn set_irqs<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioIrqSet, _>(mem, arg)?;
        let hdr = req.value;
        // The order of Linux's checks: the header (vfio_set_irqs_validate_and_prepare: index,
        // range, exactly one data type, data within argsz), then the action, which only the
        // index's handler knows: an action it has no handler for, or several actions at
        // once, is ENOTTY (vfio_pci_set_irqs_ioctl).
        let ix = self.irqs.get_mut(hdr.index as usize).ok_or(DriverError::Invalid("no such IRQ index"))?;
        let max = ix.eventfds.len();
        let (start, count) = (hdr.start as usize, hdr.count as usize);
        let in_range = start.checked_add(count).is_some_and(|end| end <= max) && (start < max || count == 0);
        if !in_range {
            return Err(DriverError::Invalid("IRQ range outside the index"));
        }
        let data_type = one_flag_of(hdr.flags.into(), VFIO_IRQ_SET_DATA_TYPE_MASK.into())? as u32;
        // The per-IRQ data after the header, sized by its element type; bounded by argsz.
        let data = match data_type {
            VFIO_IRQ_SET_DATA_NONE => vec![],
            VFIO_IRQ_SET_DATA_BOOL => read_flex_bytes::<VfioIrqSet, u8, _>(mem, arg, req.size, count)?,
            _ => read_flex_bytes::<VfioIrqSet, i32, _>(mem, arg, req.size, count)?,
        };
        let no_handler = || DriverError::from(uabi::Error::UnknownIoctl { request: VFIO_DEVICE_SET_IRQS.request() });
        let action = one_flag_of(hdr.flags.into(), VFIO_IRQ_SET_ACTION_TYPE_MASK.into()).map_err(|_| no_handler())? as u32;
        let selected = |i: usize| data_type != VFIO_IRQ_SET_DATA_BOOL || data[i] != 0;
        match action {
            VFIO_IRQ_SET_ACTION_TRIGGER if data_type == VFIO_IRQ_SET_DATA_EVENTFD => {
                for (i, fd) in data.chunks_exact(4).enumerate() {
                    // Any negative descriptor unbinds (Linux documents -1 and accepts all).
                    let fd = i32::from_ne_bytes([fd[0], fd[1], fd[2], fd[3]]);
                    ix.eventfds[start + i] = (fd >= 0).then_some(fd);
                }
            }
            // TRIGGER with no data and count 0 disables the whole index.
            VFIO_IRQ_SET_ACTION_TRIGGER if count == 0 => ix.eventfds.iter_mut().for_each(|e| *e = None),
            // Loopback: fire the selected IRQs from user space.
            VFIO_IRQ_SET_ACTION_TRIGGER => {
                for i in (0..count).filter(|&i| selected(i)) {
                    self.raise(hdr.index, (start + i) as u32);
                }
            }
            // Only a maskable index (INTx) has mask and unmask handlers.
            _ if ix.flags & VFIO_IRQ_INFO_MASKABLE == 0 => return Err(no_handler()),
            _ if data_type == VFIO_IRQ_SET_DATA_EVENTFD => {
                return Err(DriverError::Invalid("mask and unmask through an eventfd (irqfd) are not supported"));
            }
            _ => {
                let masked = action == VFIO_IRQ_SET_ACTION_MASK;
                for i in (0..count).filter(|&i| selected(i)) {
                    ix.masked[start + i] = masked;
                }
            }
        }
        Ok(0)
    }

    fn reset(&mut self) -> Result<u64> {
        for ix in &mut self.irqs {
            ix.eventfds.iter_mut().for_each(|e| *e = None);
            ix.masked.iter_mut().for_each(|m| *m = false);
        }
        self.mig_state = VfioDeviceMigState::Running;
        self.resets += 1;
        Ok(0)
    }

    fn feature<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioDeviceFeature, _>(mem, arg)?;
        let flags = req.value.flags;
        let feature = flags & VFIO_DEVICE_FEATURE_MASK;
        let access = flags & (VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_PROBE);
        let supported = match feature {
            VFIO_DEVICE_FEATURE_MIGRATION => VFIO_DEVICE_FEATURE_GET,
            VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE => VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET,
            // vfio_ioctl_device_feature: a feature the driver does not implement is ENOTTY.
            _ => return Err(uabi::Error::UnknownIoctl { request: VFIO_DEVICE_FEATURE.request() }.into()),
        };
        // Which operation the caller asks for (vfio_check_feature): PROBE with any accesses
        // the feature supports; else exactly one of GET and SET, supported by the feature.
        let op = match access {
            a if a & VFIO_DEVICE_FEATURE_PROBE != 0 && a & !VFIO_DEVICE_FEATURE_PROBE & !supported == 0 => {
                return Ok(0);
            }
            VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET if access & supported != 0 => access,
            _ => return Err(DriverError::Invalid("feature access not supported")),
        };
        match (feature, op) {
            (VFIO_DEVICE_FEATURE_MIGRATION, _) => {
                let payload = VfioDeviceFeatureMigration { flags: MIGRATION_FLAGS };
                encode_payload::<VfioDeviceFeature, _, _>(mem, arg, req.size, &payload)?;
            }
            (_, VFIO_DEVICE_FEATURE_GET) => {
                let payload = VfioDeviceFeatureMigState { device_state: self.mig_state.into(), data_fd: -1 };
                encode_payload::<VfioDeviceFeature, _, _>(mem, arg, req.size, &payload)?;
            }
            _ => {
                let payload = decode_payload::<VfioDeviceFeature, VfioDeviceFeatureMigState, _>(mem, arg, req.size)?;
                let target = VfioDeviceMigState::try_from(payload.device_state)?;
                let data_fd = self.migrate_to(target)?;
                let reply = VfioDeviceFeatureMigState { device_state: target.into(), data_fd };
                encode_payload::<VfioDeviceFeature, _, _>(mem, arg, req.size, &reply)?;
            }
        }
        Ok(0)
    }

    /// Moves the migration state machine to `target` along the shortest path of direct arcs
    /// (without a saving state in its interior), recording each state; returns the data
    /// stream opened by the last arc, or -1.
    fn migrate_to(&mut self, target: VfioDeviceMigState) -> Result<i32> {
        use VfioDeviceMigState::*;
        if matches!(target, Error | Nr | PreCopy | PreCopyP2p) {
            return Err(DriverError::Invalid("migration state not reachable on this device"));
        }
        if self.mig_state == Error {
            return Err(DriverError::Invalid("the device needs VFIO_DEVICE_RESET"));
        }
        // The direct arcs among the states the device supports (STOP_COPY and P2P).
        const ARCS: [(VfioDeviceMigState, VfioDeviceMigState); 8] = [
            (Running, RunningP2p),
            (RunningP2p, Running),
            (RunningP2p, Stop),
            (Stop, RunningP2p),
            (Stop, StopCopy),
            (StopCopy, Stop),
            (Stop, Resuming),
            (Resuming, Stop),
        ];
        // Breadth-first search; STOP_COPY is only ever an end, never passed through.
        let mut prev: Vec<(VfioDeviceMigState, VfioDeviceMigState)> = vec![];
        let mut frontier = vec![self.mig_state];
        let mut seen = vec![self.mig_state];
        while !frontier.is_empty() && !seen.contains(&target) {
            let mut next = vec![];
            for &from in frontier.iter().filter(|&&s| s != StopCopy || s == self.mig_state) {
                for &(a, b) in ARCS.iter().filter(|(a, _)| *a == from) {
                    if seen.contains(&b) {
                        continue;
                    }
                    seen.push(b);
                    prev.push((b, a));
                    next.push(b);
                }
            }
            frontier = next;
        }
        let mut path = vec![target];
        while let Some(&(_, p)) = prev.iter().find(|(s, _)| Some(s) == path.last()) {
            path.push(p);
        }
        path.pop(); // the current state
        path.reverse();
        let mut data_fd = -1;
        for state in path {
            data_fd = if matches!(state, StopCopy | Resuming) { self.new_data_fd() } else { -1 };
            self.mig_state = state;
            self.mig_history.push(state);
        }
        Ok(data_fd)
    }

    fn new_data_fd(&mut self) -> i32 {
        self.next_data_fd += 1;
        self.next_data_fd
    }
}

/// SAMPLE_GET_INFO, the driver's own ABI: answers what the caller asks for in `flags`. Which
/// flags exist, and whether `argsz` covers the doorbell a caller asks for, is the decoder's
/// business: an old driver refuses the version-2 flag with EINVAL, and writes back only the
/// bytes it knows, so a newer caller's extra fields are left as the caller set them.
fn sample_info<M: UserMemory + ?Sized>(mem: &mut M, arg: u64) -> Result<u64> {
    let req = decode_argsz::<SampleInfo, _>(mem, arg)?;
    let mut info = req.value;
    info.abi_version = SAMPLE_ABI_VERSION;
    if info.flags & SAMPLE_INFO_QUEUES != 0 {
        info.num_queues = SAMPLE_NUM_QUEUES;
    }
    #[cfg(not(feature = "abi-v1"))]
    if info.flags & SAMPLE_INFO_DOORBELL != 0 {
        info.doorbell = SAMPLE_DOORBELL;
    }
    encode_argsz(mem, arg, req.size, &info)?;
    Ok(0)
}

/// The capability description [`encode_info`] needs for an INFO struct `T`.
pub(crate) fn info_caps<T: CapChainInfo>(flag: u32, chain: &[u8]) -> InfoCaps<'_> {
    InfoCaps { flag: flag.into(), cap_offset: T::CAP_OFFSET, chain }
}

/// Builds the capability chain that follows an INFO struct `T`: `add` is run once to learn
/// the size, then again into a buffer of that size.
pub(crate) fn build_chain<T: Extensible>(add: impl Fn(&mut CapChainBuilder<'_>)) -> Result<Vec<u8>> {
    let start = core::mem::size_of::<T>();
    let mut probe = CapChainBuilder::new(&mut [], start);
    add(&mut probe);
    let needed = probe.needed().ok_or(DriverError::Invalid("capability chain too large"))?;
    let mut buf = vec![0u8; needed];
    let mut builder = CapChainBuilder::new(&mut buf, start);
    add(&mut builder);
    Ok(builder.chain().ok_or(DriverError::Invalid("capability chain too large"))?.to_vec())
}

/// Reads the `count` elements of type `E` that a request carries in the flexible array of
/// its header `T`, as bytes; [`flex_len_as`] bounds them by `argsz`.
pub(crate) fn read_flex_bytes<T: FlexArray, E, M: UserMemory + ?Sized>(mem: &M, arg: u64, argsz: usize, count: usize) -> Result<Vec<u8>> {
    let len = flex_len_as::<T, E>(argsz, count)?;
    let at = arg.checked_add(T::FLEX_OFFSET as u64).ok_or(uabi::Error::Fault { addr: arg })?;
    let mut data = vec![0u8; len];
    mem.read(at, &mut data)?;
    Ok(data)
}
