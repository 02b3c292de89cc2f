//! Interop with rust-vmm's `vfio_user` crate (cloud-hypervisor's vfio-user), both ways, each
//! peer in its own process:
//!
//! - rust-vmm's `Client` (this test process) drives our server binary through a device's
//!   life: version, device and region info (BAR1's sparse-mmap capability and descriptor),
//!   interrupt info, DMA map with a descriptor, region writes and reads, an INTx eventfd the
//!   device signals, reset, DMA unmap.
//! - our `Client` (this test process) drives rust-vmm's `Server` with a backend of ours
//!   (`examples/rust_vmm_server.rs`) through the same life, and sees its error replies.
//!
//! rust-vmm's crate has no `VFIO_USER_DEVICE_FEATURE`, `MIG_DATA_*` or server-initiated DMA,
//! so the lives leave migration out.

mod common;

use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use uabi_linux::vfio::*;
use uabi_vfio_user::client::{Client, ClientError, EventFd, GuestMemory};
use uabi_vfio_user::device::{now, SharedMem, BAR0, BAR1, BAR1_SIZE, CONFIG};
use uabi_vfio_user::vfio_user::*;

#[test]
fn rust_vmm_client_drives_our_server() {
    let dir = common::scratch("rust-vmm-client");
    let sock = dir.join("s");
    let mut server = common::our_server(&sock, &[]);

    // Client::new negotiates the version and reads the device and every region's info.
    let mut c = vfio_user::Client::new(&sock).expect("rust-vmm's client connects and reads the regions");
    let bar1 = c.region(BAR1).expect("BAR1");
    assert_eq!(bar1.size, BAR1_SIZE as u64);
    assert_eq!(bar1.sparse_areas.len(), 2, "the sparse-mmap capability, read by rust-vmm's walker");
    assert_eq!((bar1.sparse_areas[1].offset, bar1.sparse_areas[1].size), (0x2000, 0x1000));
    assert!(bar1.file_offset.is_some(), "BAR1's descriptor came with its info");
    assert_eq!(c.region(CONFIG).expect("config").size, 256);
    assert_eq!(c.region(BAR0).expect("BAR0").size, 8);

    let intx = c.get_irq_info(VFIO_PCI_INTX_IRQ_INDEX).expect("irq info");
    assert_eq!((intx.count, intx.flags & VFIO_IRQ_INFO_EVENTFD), (1, VFIO_IRQ_INFO_EVENTFD));
    assert_eq!(c.get_irq_info(VFIO_PCI_MSIX_IRQ_INDEX).expect("irq info").count, 4);

    // One DMA region through a memfd (the device does DMA only when it has two).
    let guest = SharedMem::new("rust-vmm-guest", 0x2000).expect("memfd");
    c.dma_map(0, 0x10000, 0x2000, guest.fd().as_raw_fd()).expect("dma map");

    // Region access: BAR1 and config space.
    let data: Vec<u8> = (0..=255u8).collect();
    c.region_write(BAR1, 0x100, &data).expect("BAR1 write");
    let mut back = vec![0u8; 256];
    c.region_read(BAR1, 0x100, &mut back).expect("BAR1 read");
    assert_eq!(back, data);
    let mut cfg = [0u8; 4];
    c.region_read(CONFIG, 0, &mut cfg).expect("config read");
    assert_eq!(cfg, [0xad, 0xde, 0xef, 0xbe], "vendor 0xdead, device 0xbeef");

    // INTx through an eventfd; BAR0's timer, set in the past, fires at once.
    let efd = EventFd::new().expect("eventfd");
    c.set_irqs(VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 0, 1, &[efd.raw()]).expect("set irqs");
    c.region_write(BAR0, 0, &(now() - 1).to_ne_bytes()).expect("BAR0 write");
    assert!(efd.wait(Duration::from_secs(10)).expect("poll") > 0, "INTx was not signalled");

    c.reset().expect("reset");
    c.dma_unmap(0x10000, 0x2000).expect("dma unmap");
    c.shutdown().expect("shutdown");
    drop(c);
    assert!(common::wait_exit(&mut server, 20).success(), "our server ends cleanly when rust-vmm's client leaves");
}

#[test]
fn our_client_drives_rust_vmm_server() {
    let dir = common::scratch("rust-vmm-server");
    let sock = dir.join("s");
    let mut server = Command::new(common::example("rust_vmm_server")).arg(&sock).stderr(Stdio::inherit()).spawn().expect("spawn");
    common::wait_for(&sock, &mut server);

    let mut c = Client::connect(Path::new(&sock)).expect("negotiate with rust-vmm's server");
    assert_eq!(c.version.0, 0);
    assert_eq!(c.server_caps.max_data_xfer_size, Some(1048576), "rust-vmm's announced capabilities, parsed");

    let info = c.device_info().expect("device info");
    assert_eq!((info.num_regions, info.num_irqs), (2, 2));
    assert!(info.flags & VFIO_DEVICE_FLAGS_PCI != 0);

    // Region 0: the two-call negotiation (rust-vmm answers the first call with the size its
    // capabilities need), the chain walked with CapChain, and the descriptor mapped.
    let (ri, fd) = c.region_info(0).expect("region info");
    assert_eq!(ri.calls(), 2, "the capability chain did not fit the first call");
    assert_eq!(ri.info().size, 0x1000);
    let areas = Client::sparse_areas(&ri).expect("capability chain");
    assert_eq!(areas, [VfioRegionSparseMmapArea { offset: 0, size: 0x1000 }]);
    let fd = fd.expect("the BAR's descriptor");
    let p = uabi_vfio_user::device::map(fd.as_raw_fd(), 0, 0x1000, libc::PROT_READ | libc::PROT_WRITE).expect("mmap the BAR");
    // SAFETY: a page just mapped.
    unsafe { std::ptr::copy_nonoverlapping(b"through mmap".as_ptr(), p.add(0x40), 12) };
    assert_eq!(c.region_read(0, 0x40, 12).expect("read"), b"through mmap");
    // SAFETY: unmapping it.
    unsafe { libc::munmap(p.cast(), 0x1000) };
    let (cfg, _) = c.region_info(1).expect("config info");
    assert_eq!((cfg.info().size, cfg.calls()), (256, 1));
    assert_eq!(&c.region_read(1, 0, 4).expect("config read")[..], &[0xf4, 0x1a, 0x00, 0x11]);

    // Errors come back as error replies with their errno.
    match c.region_info(7) {
        Err(ClientError::Remote { errno, .. }) => assert_eq!(errno, libc::EINVAL),
        other => panic!("region 7: {other:?}"),
    }
    match c.irq_info(9) {
        Err(ClientError::Remote { errno, .. }) => assert_eq!(errno, libc::EINVAL),
        other => panic!("irq 9: {other:?}"),
    }

    let irq = c.irq_info(1).expect("irq info");
    assert_eq!((irq.index, irq.count), (1, 2));

    // DMA through a memfd; the device writes into it when its doorbell rings.
    let guest = SharedMem::new("guest", 0x2000).expect("memfd");
    let fd = guest.fd().as_raw_fd();
    c.dma_map(0x100000, 0x2000, 0, VFIO_USER_F_DMA_REGION_READ | VFIO_USER_F_DMA_REGION_WRITE, Some(fd)).expect("dma map");
    c.guest = Some(GuestMemory { mem: guest, base: 0x100000 });

    let efd = EventFd::new().expect("eventfd");
    c.set_irq_eventfds(0, 0, &[efd.raw()]).expect("set irqs");
    c.region_write(0, 0x100, &1u32.to_ne_bytes()).expect("doorbell");
    assert!(efd.wait(Duration::from_secs(10)).expect("poll") > 0, "INTx was not signalled");
    c.region_write(0, 0x200, &1u32.to_ne_bytes()).expect("DMA doorbell");
    let pattern = b"written by rust-vmm's server";
    assert_eq!(&c.guest.as_ref().expect("guest").mem.bytes()[..pattern.len()], pattern);

    c.reset().expect("reset");
    c.dma_unmap(0x100000, 0x2000, 0).expect("dma unmap");
    drop(c);
    assert!(common::wait_exit(&mut server, 20).success(), "rust-vmm's server ends cleanly");
}
