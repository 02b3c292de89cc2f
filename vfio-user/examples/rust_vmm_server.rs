//! `rust_vmm_server SOCKET`: the vfio-user server of rust-vmm's `vfio_user` crate
//! (cloud-hypervisor's) with a backend of our own, for `tests/rust_vmm.rs` to drive with our
//! client from another process.
//!
//! The device: region 0, a 4 KiB BAR backed by a memfd, all of it mmap-able (a sparse-mmap
//! capability and the descriptor come with its info); region 1, 256 bytes of config space.
//! INTx (1 interrupt) and MSI-X (2 vectors). Writing the BAR at `DOORBELL` signals INTx;
//! writing it at `DMA_DOORBELL` makes the device write `DMA_PATTERN` into the first page of
//! the first DMA region, through the descriptor the client mapped it with.

use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::Path;

use vfio_bindings::bindings::vfio::{
    vfio_region_info, vfio_region_sparse_mmap_area, VFIO_IRQ_INFO_EVENTFD, VFIO_REGION_INFO_FLAG_MMAP, VFIO_REGION_INFO_FLAG_READ,
    VFIO_REGION_INFO_FLAG_WRITE,
};
use vfio_user::{DmaMapFlags, DmaUnmapFlags, IrqInfo, Server, ServerBackend, ServerRegion, SparseArea};

/// Offset in region 0 whose write signals INTx.
pub const DOORBELL: u64 = 0x100;
/// Offset in region 0 whose write makes the device DMA.
pub const DMA_DOORBELL: u64 = 0x200;
/// What the device writes by DMA.
pub const DMA_PATTERN: &[u8] = b"written by rust-vmm's server";

struct Backend {
    bar: File,
    config: [u8; 256],
    irqs: Vec<Vec<File>>,
    dma: Vec<(u64, u64, u64, Option<File>)>,
    resets: u32,
}

impl ServerBackend for Backend {
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8]) -> Result<(), std::io::Error> {
        match region {
            0 => self.bar.read_exact_at(data, offset),
            1 => {
                let o = offset as usize;
                let src = self.config.get(o..o + data.len()).ok_or(std::io::ErrorKind::InvalidInput)?;
                data.copy_from_slice(src);
                Ok(())
            }
            _ => Err(std::io::ErrorKind::InvalidInput.into()),
        }
    }

    fn region_write(&mut self, region: u32, offset: u64, data: &[u8]) -> Result<(), std::io::Error> {
        match region {
            0 => {
                self.bar.write_all_at(data, offset)?;
                if offset == DOORBELL {
                    if let Some(mut fd) = self.irqs.first().and_then(|v| v.first()) {
                        // An eventfd: a plain write (it has no offsets).
                        fd.write_all(&1u64.to_ne_bytes())?;
                    }
                }
                if offset == DMA_DOORBELL {
                    if let Some((_, _, off, Some(f))) = self.dma.first() {
                        f.write_all_at(DMA_PATTERN, *off)?;
                    }
                }
                Ok(())
            }
            1 => {
                let o = offset as usize;
                let dst = self.config.get_mut(o..o + data.len()).ok_or(std::io::ErrorKind::InvalidInput)?;
                dst.copy_from_slice(data);
                Ok(())
            }
            _ => Err(std::io::ErrorKind::InvalidInput.into()),
        }
    }

    fn dma_map(&mut self, _flags: DmaMapFlags, offset: u64, address: u64, size: u64, fd: Option<File>) -> Result<(), std::io::Error> {
        self.dma.push((address, size, offset, fd));
        eprintln!("rust_vmm_server: DMA map {address:#x}+{size:#x}");
        Ok(())
    }

    fn dma_unmap(&mut self, _flags: DmaUnmapFlags, address: u64, size: u64) -> Result<(), std::io::Error> {
        let before = self.dma.len();
        self.dma.retain(|(a, s, _, _)| !(*a == address && *s == size));
        if self.dma.len() == before {
            return Err(std::io::ErrorKind::NotFound.into());
        }
        Ok(())
    }

    fn reset(&mut self) -> Result<(), std::io::Error> {
        self.resets += 1;
        eprintln!("rust_vmm_server: reset {}", self.resets);
        Ok(())
    }

    fn set_irqs(&mut self, index: u32, _flags: u32, start: u32, count: u32, fds: Vec<File>) -> Result<(), std::io::Error> {
        let slot = self.irqs.get_mut(index as usize).ok_or(std::io::ErrorKind::InvalidInput)?;
        if start != 0 || fds.len() != count as usize {
            return Err(std::io::ErrorKind::InvalidInput.into());
        }
        *slot = fds;
        Ok(())
    }
}

fn memfd(len: u64) -> File {
    // SAFETY: plain system calls; results checked.
    let fd = unsafe { libc::memfd_create(c"rust-vmm-bar".as_ptr(), libc::MFD_CLOEXEC) };
    assert!(fd >= 0, "memfd_create");
    // SAFETY: a new descriptor we own.
    let f = File::from(unsafe { OwnedFd::from_raw_fd(fd) });
    f.set_len(len).expect("set_len");
    f
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: rust_vmm_server SOCKET");
    let bar = memfd(0x1000);
    let rw = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
    let region = |index: u32, flags: u32, size: u64| vfio_region_info {
        argsz: std::mem::size_of::<vfio_region_info>() as u32,
        flags,
        index,
        cap_offset: 0,
        size,
        offset: 0,
    };
    let regions = vec![
        ServerRegion {
            region_info: region(0, rw | VFIO_REGION_INFO_FLAG_MMAP, 0x1000),
            sparse_areas: vec![SparseArea { area: vfio_region_sparse_mmap_area { offset: 0, size: 0x1000 } }],
            mmap_fd: Some(bar.as_raw_fd()),
        },
        ServerRegion { region_info: region(1, rw, 256), sparse_areas: vec![], mmap_fd: None },
    ];
    let irqs = vec![
        IrqInfo { index: 0, flags: VFIO_IRQ_INFO_EVENTFD, count: 1 },
        IrqInfo { index: 1, flags: VFIO_IRQ_INFO_EVENTFD, count: 2 },
    ];
    let mut config = [0u8; 256];
    config[..4].copy_from_slice(&[0xf4, 0x1a, 0x00, 0x11]);
    let mut backend = Backend { bar, config, irqs: vec![vec![], vec![]], dma: vec![], resets: 0 };
    let server = Server::new(Path::new(&path), true, irqs, regions).expect("bind");
    match server.run(&mut backend) {
        Ok(()) => eprintln!("rust_vmm_server: client gone after {} resets", backend.resets),
        Err(e) => {
            eprintln!("rust_vmm_server: {e}");
            std::process::exit(1);
        }
    }
}
