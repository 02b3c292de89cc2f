//! The simulated device and IOMMU through their ioctls: region info with capabilities and the
//! two-call size negotiation, IRQs, reset, migration states, map/unmap and dirty tracking,
//! and the driver's own ABI across versions.

mod common;

use std::mem::size_of;

use common::*;
use uabi::cap_chain::CapChain;
use uabi::zerocopy::{FromBytes, IntoBytes};
use uabi::Capability;
use uabi_linux::vfio::*;
use vfio_sample::device::*;
use vfio_sample::{DriverError, Host};

fn device() -> (Host, i32, i32) {
    let mut host = Host::new();
    let (container, _group, device) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    (host, container, device)
}

#[test]
fn region_info_negotiates_its_size_and_carries_sparse_mmap_and_type_capabilities() {
    let (mut host, _, dev) = device();
    let req = VFIO_DEVICE_GET_REGION_INFO.request();
    let ksize = size_of::<VfioRegionInfo>();
    // First call: the struct only. The driver says how much it needs.
    let mut info = VfioRegionInfo { index: VFIO_PCI_BAR0_REGION_INDEX, ..Default::default() };
    assert_eq!(call(&mut host, A, dev, req, &mut info), Ok(0));
    assert_eq!(info.size, 0x10000);
    assert_ne!(info.flags & VFIO_REGION_INFO_FLAG_CAPS, 0);
    assert_eq!(info.cap_offset, 0);
    let needed = info.argsz as usize;
    assert_eq!(needed, ksize + 16 + 2 * 16);
    // Second call with that size: the chain, read back with the walker.
    let mut buf = vec![0u8; needed];
    buf[..ksize].copy_from_slice(VfioRegionInfo { argsz: needed as u32, index: 0, ..Default::default() }.as_bytes());
    assert_eq!(call_bytes(&mut host, A, dev, req, &mut buf), Ok(0));
    let cap = CapChain::for_info::<VfioRegionInfo>(&buf).next().unwrap().unwrap();
    let sparse = cap.read_flex::<VfioRegionInfoCapSparseMmap>().unwrap().unwrap();
    assert_eq!(sparse.iter().map(|a| (a.offset, a.size)).collect::<Vec<_>>(), [(0, 0x1000), (0x3000, 0xd000)]);

    // The vendor region's type capability.
    let mut buf = vec![0u8; 256];
    buf[..ksize].copy_from_slice(VfioRegionInfo { argsz: 256, index: SAMPLE_REGION_INDEX, ..Default::default() }.as_bytes());
    assert_eq!(call_bytes(&mut host, A, dev, req, &mut buf), Ok(0));
    let cap = CapChain::for_info::<VfioRegionInfo>(&buf).next().unwrap().unwrap();
    assert_eq!(cap.id, VfioRegionInfoCapType::ID);
    let t = cap.read::<VfioRegionInfoCapType>().unwrap().unwrap();
    assert_eq!((t.r#type, t.subtype), (SAMPLE_REGION_TYPE, SAMPLE_REGION_SUBTYPE));

    // An index past the last region: EINVAL; an argsz below minsz: EINVAL.
    let mut bad = VfioRegionInfo { index: 99, ..Default::default() };
    assert_eq!(call(&mut host, A, dev, req, &mut bad).unwrap_err().errno(), 22);
    let mut short = VfioRegionInfo { argsz: 16, ..Default::default() };
    assert_eq!(call(&mut host, A, dev, req, &mut short).unwrap_err().name(), "EINVAL");
}

#[test]
fn irqs_are_set_fired_masked_and_cleared_by_reset() {
    let (mut host, _, dev) = device();
    let mut irq = VfioIrqInfo { index: VFIO_PCI_MSIX_IRQ_INDEX, ..Default::default() };
    assert_eq!(call(&mut host, A, dev, VFIO_DEVICE_GET_IRQ_INFO.request(), &mut irq), Ok(0));
    assert_eq!(irq.count, 8);

    let set_irqs = |host: &mut Host, flags: u32, index: u32, start: u32, data: &[u8], count: u32| {
        let hdr = VfioIrqSet { argsz: (20 + data.len()) as u32, flags, index, start, count, data: [] };
        let mut buf = hdr.as_bytes().to_vec();
        buf.extend_from_slice(data);
        call_bytes(host, A, dev, VFIO_DEVICE_SET_IRQS.request(), &mut buf)
    };
    let eventfd = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    let fds: Vec<u8> = [40i32, 41].iter().flat_map(|f| f.to_ne_bytes()).collect();
    assert_eq!(set_irqs(&mut host, eventfd, VFIO_PCI_MSIX_IRQ_INDEX, 2, &fds, 2), Ok(0));
    // Loopback trigger of vectors 2..4 (only bound ones signal), and one from the device.
    assert_eq!(set_irqs(&mut host, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, 1, &[], 3), Ok(0));
    host.raise_irq("0000:00:01.0", VFIO_PCI_MSIX_IRQ_INDEX, 3).unwrap();
    let fired: Vec<_> = host.device("0000:00:01.0").unwrap().triggers.iter().map(|t| (t.irq, t.eventfd)).collect();
    assert_eq!(fired, [(2, 40), (3, 41), (3, 41)]);

    // INTx is automasked: one signal until unmasked.
    let fd: Vec<u8> = 50i32.to_ne_bytes().to_vec();
    assert_eq!(set_irqs(&mut host, eventfd, VFIO_PCI_INTX_IRQ_INDEX, 0, &fd, 1), Ok(0));
    host.raise_irq("0000:00:01.0", VFIO_PCI_INTX_IRQ_INDEX, 0).unwrap();
    host.raise_irq("0000:00:01.0", VFIO_PCI_INTX_IRQ_INDEX, 0).unwrap();
    assert_eq!(set_irqs(&mut host, VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_UNMASK, 0, 0, &[1], 1), Ok(0));
    host.raise_irq("0000:00:01.0", VFIO_PCI_INTX_IRQ_INDEX, 0).unwrap();
    assert_eq!(host.device("0000:00:01.0").unwrap().triggers.iter().filter(|t| t.eventfd == 50).count(), 2);

    // Two data types, or a range past the index, or data past argsz: EINVAL. MSI-X has no mask
    // handler: ENOTTY, as vfio-pci.
    assert_eq!(set_irqs(&mut host, eventfd | VFIO_IRQ_SET_DATA_BOOL, 2, 0, &fds, 2).unwrap_err().errno(), 22);
    assert_eq!(set_irqs(&mut host, eventfd, 2, 7, &fds, 2).unwrap_err().errno(), 22);
    assert_eq!(set_irqs(&mut host, eventfd, 2, 0, &fds[..4], 2).unwrap_err().errno(), 22);
    assert_eq!(set_irqs(&mut host, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK, 2, 0, &[], 1).unwrap_err().name(), "ENOTTY");
    // A negative descriptor other than -1 unbinds too.
    assert_eq!(set_irqs(&mut host, eventfd, VFIO_PCI_MSI_IRQ_INDEX, 0, &(-2i32).to_ne_bytes(), 1), Ok(0));

    // Reset unbinds everything.
    assert_eq!(call_int(&mut host, A, dev, VFIO_DEVICE_RESET.request(), 0), Ok(0));
    let d = host.device("0000:00:01.0").unwrap();
    assert_eq!(d.resets, 1);
    assert!(d.irqs.iter().all(|ix| ix.eventfds.iter().all(Option::is_none)));
}

fn feature(host: &mut Host, dev: i32, flags: u32, payload: &mut [u8]) -> vfio_sample::Result<u64> {
    let hdr = VfioDeviceFeature { argsz: (8 + payload.len()) as u32, flags, data: [] };
    let mut buf = hdr.as_bytes().to_vec();
    buf.extend_from_slice(payload);
    let r = call_bytes(host, A, dev, VFIO_DEVICE_FEATURE.request(), &mut buf);
    payload.copy_from_slice(&buf[8..]);
    r
}

#[test]
fn migration_states_change_through_vfio_device_feature() {
    use VfioDeviceMigState::*;
    let (mut host, _, dev) = device();
    let get = VFIO_DEVICE_FEATURE_GET;
    let set = VFIO_DEVICE_FEATURE_SET;
    let mut mig = VfioDeviceFeatureMigration::default();
    assert_eq!(feature(&mut host, dev, get | VFIO_DEVICE_FEATURE_MIGRATION, mig.as_mut_bytes()), Ok(0));
    assert_eq!(mig.flags, VFIO_MIGRATION_STOP_COPY | VFIO_MIGRATION_P2P);

    // RUNNING -> STOP_COPY goes through RUNNING_P2P and STOP, and opens a data stream.
    let mut st = VfioDeviceFeatureMigState { device_state: StopCopy.into(), data_fd: -1 };
    assert_eq!(feature(&mut host, dev, set | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, st.as_mut_bytes()), Ok(0));
    assert!(st.data_fd >= 0);
    assert_eq!(host.device("0000:00:01.0").unwrap().mig_history, [RunningP2p, Stop, StopCopy]);
    let mut now = VfioDeviceFeatureMigState::default();
    assert_eq!(feature(&mut host, dev, get | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, now.as_mut_bytes()), Ok(0));
    assert_eq!((now.device_state, now.data_fd), (StopCopy.into(), -1));

    // PRE_COPY is not supported; an unknown state is EINVAL; PROBE answers without data.
    let mut pre = VfioDeviceFeatureMigState { device_state: PreCopy.into(), data_fd: -1 };
    assert_eq!(feature(&mut host, dev, set | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, pre.as_mut_bytes()).unwrap_err().errno(), 22);
    let mut junk = VfioDeviceFeatureMigState { device_state: 77, data_fd: -1 };
    assert_eq!(feature(&mut host, dev, set | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, junk.as_mut_bytes()).unwrap_err().errno(), 22);
    assert_eq!(feature(&mut host, dev, VFIO_DEVICE_FEATURE_PROBE | get | set | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, &mut []), Ok(0));
    assert_eq!(feature(&mut host, dev, VFIO_DEVICE_FEATURE_PROBE | set | VFIO_DEVICE_FEATURE_MIGRATION, &mut []).unwrap_err().errno(), 22);
    // GET and SET at once, or neither: EINVAL. A payload past argsz: EINVAL. Unknown feature: ENOTTY.
    assert_eq!(feature(&mut host, dev, get | set | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, now.as_mut_bytes()).unwrap_err().errno(), 22);
    assert_eq!(feature(&mut host, dev, VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, now.as_mut_bytes()).unwrap_err().errno(), 22);
    assert_eq!(feature(&mut host, dev, get | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, &mut [0; 4]).unwrap_err().errno(), 22);
    assert_eq!(feature(&mut host, dev, get | 0x99, &mut []).unwrap_err().name(), "ENOTTY");
    // Reset brings the device back to RUNNING.
    call_int(&mut host, A, dev, VFIO_DEVICE_RESET.request(), 0).unwrap();
    assert_eq!(host.device("0000:00:01.0").unwrap().mig_state, Running);
}

#[test]
fn the_iommu_maps_unmaps_and_tracks_dirty_pages() {
    let (mut host, container, _) = device();
    // Info: page sizes and three capabilities, after a size negotiation.
    let mut info = VfioIommuType1Info::default();
    assert_eq!(call(&mut host, A, container, VFIO_IOMMU_GET_INFO.request(), &mut info), Ok(0));
    assert_eq!(info.iova_pgsizes & 0x1000, 0x1000);
    let mut buf = vec![0u8; info.argsz as usize];
    buf[..4].copy_from_slice(&info.argsz.to_ne_bytes());
    assert_eq!(call_bytes(&mut host, A, container, VFIO_IOMMU_GET_INFO.request(), &mut buf), Ok(0));
    let ids: Vec<u16> = CapChain::for_info::<VfioIommuType1Info>(&buf).map(|c| c.unwrap().id).collect();
    assert_eq!(ids, [VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION, VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE]);

    assert_eq!(map(&mut host, A, container, 0x100000, 0x4000), Ok(0));
    assert_eq!(map(&mut host, A, container, 0x102000, 0x1000), Err(DriverError::Exists));
    assert_eq!(map(&mut host, A, container, 0x100800, 0x1000).unwrap_err().errno(), 22, "unaligned");
    assert_eq!(map(&mut host, A, container, 0xfee0_0000, 0x1000).unwrap_err().errno(), 22, "MSI window");

    // Dirty tracking: the device writes pages 1 and 3; the bitmap says so, once.
    let dirty = |host: &mut Host, flags: u32| {
        let mut hdr = VfioIommuType1DirtyBitmap { argsz: 8, flags, data: [] }.as_bytes().to_vec();
        call_bytes(host, A, container, VFIO_IOMMU_DIRTY_PAGES.request(), &mut hdr)
    };
    assert_eq!(dirty(&mut host, VFIO_IOMMU_DIRTY_PAGES_FLAG_START), Ok(0));
    host.device_dma("0000:00:01.0", 0x101000, 8, true).unwrap();
    host.device_dma("0000:00:01.0", 0x103ff0, 16, true).unwrap();
    assert!(host.device_dma("0000:00:01.0", 0x200000, 8, true).is_err(), "unmapped: IOMMU fault");
    let get_bitmap = |host: &mut Host| {
        let hdr = VfioIommuType1DirtyBitmap { argsz: 48, flags: VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP, data: [] };
        let get = VfioIommuType1DirtyBitmapGet {
            iova: 0x100000,
            size: 0x4000,
            bitmap: VfioBitmap { pgsize: 0x1000, size: 8, data: BASE + 64 },
        };
        let mut buf = vec![0u8; 72];
        buf[..8].copy_from_slice(hdr.as_bytes());
        buf[8..48].copy_from_slice(get.as_bytes());
        let r = call_bytes(host, A, container, VFIO_IOMMU_DIRTY_PAGES.request(), &mut buf);
        r.map(|_| u64::read_from_bytes(&buf[64..72]).unwrap())
    };
    assert_eq!(get_bitmap(&mut host), Ok(0b1010));
    assert_eq!(get_bitmap(&mut host), Ok(0), "reported pages are clean again");
    assert_eq!(dirty(&mut host, VFIO_IOMMU_DIRTY_PAGES_FLAG_START | VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP).unwrap_err().errno(), 22);
    assert_eq!(dirty(&mut host, VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP), Ok(0));
    assert_eq!(get_bitmap(&mut host).unwrap_err().errno(), 22, "logging is off");

    // Unmap must not split a mapping; the whole one reports its size.
    assert_eq!(unmap(&mut host, A, container, 0x100000, 0x1000).unwrap_err().errno(), 22);
    assert_eq!(unmap(&mut host, A, container, 0x100000, 0x4000), Ok(0x4000));
    // The entry limit: ENOSPC.
    for i in 0..64 {
        map(&mut host, A, container, 0x1000_0000 + i * 0x1000, 0x1000).unwrap();
    }
    assert_eq!(map(&mut host, A, container, 0x2000_0000, 0x1000), Err(DriverError::NoSpace));
    let mut all = VfioIommuType1DmaUnmap { flags: VFIO_DMA_UNMAP_FLAG_ALL, ..Default::default() };
    assert_eq!(call(&mut host, A, container, VFIO_IOMMU_UNMAP_DMA.request(), &mut all), Ok(0));
    assert_eq!(all.size, 64 * 0x1000);
}

#[test]
fn container_requests_follow_linux_before_and_after_set_iommu() {
    let mut host = Host::new();
    let c = host.open(A, "/dev/vfio/vfio").unwrap();
    assert_eq!(call_int(&mut host, A, c, VFIO_GET_API_VERSION.request(), 0), Ok(0));
    assert_eq!(call_int(&mut host, A, c, VFIO_CHECK_EXTENSION.request(), VFIO_TYPE1v2_IOMMU.into()), Ok(1));
    assert_eq!(call_int(&mut host, A, c, VFIO_CHECK_EXTENSION.request(), VFIO_SPAPR_TCE_IOMMU.into()), Ok(0));
    // No group yet: no IOMMU may be set, and every other request is EINVAL, a Type1 request
    // or not (Linux 7.2, seen by tests/vfio_vm.rs).
    assert_eq!(call_int(&mut host, A, c, VFIO_SET_IOMMU.request(), VFIO_TYPE1v2_IOMMU.into()).unwrap_err().errno(), 22);
    assert_eq!(map(&mut host, A, c, 0, 0x1000).unwrap_err().errno(), 22);
    assert_eq!(call_int(&mut host, A, c, VFIO_DEVICE_GET_INFO.request(), 0).unwrap_err().name(), "EINVAL");
    // Group numbers are per file: VFIO_BASE + 12 on a device is hot-reset info, not IOMMU info.
    let (_c, _g, dev) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    let mut info = VfioIommuType1Info::default();
    assert_eq!(call(&mut host, A, dev, VFIO_IOMMU_GET_INFO.request(), &mut info).unwrap_err().name(), "ENOTTY");
}

mod sample_abi {
    use super::*;
    use vfio_sample::sample::*;

    #[test]
    fn sample_info_v1_and_v2_callers_against_this_driver() {
        let (mut host, _, dev) = device();
        // A version-1 caller: 16 bytes, followed by bytes the driver must not touch.
        let mut buf = [0xaau8; 24];
        buf[..8].copy_from_slice(&[16, 0, 0, 0, 1, 0, 0, 0]);
        assert_eq!(call_bytes(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut buf), Ok(0));
        assert_eq!(u32::from_ne_bytes(buf[8..12].try_into().unwrap()), SAMPLE_NUM_QUEUES);
        assert_eq!(u32::from_ne_bytes(buf[12..16].try_into().unwrap()), SAMPLE_ABI_VERSION);
        assert_eq!(buf[16..], [0xaa; 8], "nothing written past the caller's argsz");
        // Below the first version: EINVAL. Fewer mapped bytes than the first version: EFAULT,
        // since VFIO copies minsz bytes before it looks at argsz.
        let mut short = [0u8; 16];
        short[..8].copy_from_slice(&[8, 0, 0, 0, 1, 0, 0, 0]);
        assert_eq!(call_bytes(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut short).unwrap_err().errno(), 22);
        assert_eq!(call_bytes(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut short[..8]).unwrap_err().name(), "EFAULT");
    }

    #[cfg(not(feature = "abi-v1"))]
    #[test]
    fn the_doorbell_needs_an_argsz_that_covers_it() {
        let (mut host, _, dev) = device();
        let mut info = SampleInfo { flags: SAMPLE_INFO_QUEUES | SAMPLE_INFO_DOORBELL, ..Default::default() };
        assert_eq!(call(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut info), Ok(0));
        assert_eq!((info.num_queues, info.doorbell, info.abi_version), (SAMPLE_NUM_QUEUES, SAMPLE_DOORBELL, 2));
        info.argsz = 16;
        assert_eq!(call(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut info).unwrap_err().errno(), 22);
        info.flags = 1 << 5;
        info.argsz = 24;
        assert_eq!(call(&mut host, A, dev, SAMPLE_GET_INFO.request(), &mut info).unwrap_err().errno(), 22);
    }
}
