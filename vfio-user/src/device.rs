//! The sample device the server serves: the device of libvfio-user's `samples/server.c`, so
//! that libvfio-user's `samples/client` can drive it to its end.
//!
//! - 9 regions (vfio-pci's fixed indexes): BAR0 is one `time_t` (8 bytes): writing it arms a
//!   timer for that UNIX time, reading it gives the seconds since the time written; BAR1 is
//!   three pages backed by a memfd, whose first and last page may be mmap'ed (a sparse-mmap
//!   capability and the descriptor come with its region info); config space is 256 bytes
//!   with vendor `0xdead`, device `0xbeef`, subsystem `0xcafe:0xbabe`; the others are absent.
//! - Interrupt indexes: INTx with one interrupt, MSI none, MSI-X four vectors, ERR and REQ
//!   none.
//! - When the timer fires, the device raises INTx and does DMA: 4 KiB written and read back
//!   directly in the second DMA region (mapped through its descriptor, the pages marked dirty)
//!   and through `VFIO_USER_DMA_WRITE`/`READ` messages in the first.
//! - Migration: STOP_COPY and PRE_COPY. The data stream is BAR1 in PRE_COPY, BAR1 and BAR0 in
//!   STOP_COPY; a resuming device takes BAR1 and BAR0 back.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use uabi_linux::vfio::*;

/// Index of BAR0.
pub const BAR0: u32 = VFIO_PCI_BAR0_REGION_INDEX;
/// Index of BAR1.
pub const BAR1: u32 = VFIO_PCI_BAR1_REGION_INDEX;
/// Index of config space.
pub const CONFIG: u32 = VFIO_PCI_CONFIG_REGION_INDEX;
/// Size of BAR1, as the sample's (three pages). QEMU's `vfio-user-pci` requires BARs whose
/// size is a power of two: `SampleDevice::with_bar1_size(0x4000)` (the server's
/// `--bar1-size 0x4000`) makes one for it.
pub const BAR1_SIZE: usize = 0x3000;
/// The parts of BAR1 that may be mmap'ed.
pub const BAR1_SPARSE: [VfioRegionSparseMmapArea; 2] =
    [VfioRegionSparseMmapArea { offset: 0, size: 0x1000 }, VfioRegionSparseMmapArea { offset: 0x2000, size: 0x1000 }];
/// PCI IDs in config space.
pub const VENDOR: u16 = 0xdead;
/// Device ID.
pub const DEVICE: u16 = 0xbeef;
/// Subsystem vendor ID.
pub const SUBSYS_VENDOR: u16 = 0xcafe;
/// Subsystem ID.
pub const SUBSYS: u16 = 0xbabe;
/// Interrupt counts per index (INTx, MSI, MSI-X, ERR, REQ).
pub const IRQ_COUNTS: [u32; VFIO_PCI_NUM_IRQS as usize] = [1, 0, 4, 0, 0];

/// What a region is made of.
#[derive(Debug)]
pub struct RegionDesc {
    /// `VFIO_REGION_INFO_FLAG_READ | WRITE | MMAP`.
    pub flags: u32,
    /// Size in bytes (0: absent).
    pub size: u64,
    /// Offset of the region in its descriptor.
    pub offset: u64,
    /// The mmap-able parts.
    pub sparse: Vec<VfioRegionSparseMmapArea>,
}

/// Shared memory of the process, backed by a memfd: BAR1's storage, which a client may map
/// through the descriptor.
pub struct SharedMem {
    fd: OwnedFd,
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is owned by this value and only reached through &self / &mut self.
unsafe impl Send for SharedMem {}

impl SharedMem {
    /// `len` zero bytes in a new memfd, mapped read-write.
    pub fn new(name: &str, len: usize) -> io::Result<SharedMem> {
        let cname = std::ffi::CString::new(name).expect("no NUL");
        // SAFETY: plain system calls; results checked.
        let fd = unsafe { libc::memfd_create(cname.as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: fd is a new descriptor we own.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        if unsafe { libc::ftruncate(fd.as_raw_fd(), len as libc::off_t) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let ptr = map(fd.as_raw_fd(), 0, len, libc::PROT_READ | libc::PROT_WRITE)?;
        Ok(SharedMem { fd, ptr, len })
    }

    /// The backing descriptor.
    pub fn fd(&self) -> BorrowedFd<'_> {
        use std::os::fd::AsFd;
        self.fd.as_fd()
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: ptr maps len bytes for the life of self.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// The bytes, writable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above; &mut self gives exclusive access within this process.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for SharedMem {
    fn drop(&mut self) {
        // SAFETY: ptr/len is the mapping made in new.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
    }
}

/// `mmap(fd, offset, len, prot, MAP_SHARED)`.
pub fn map(fd: i32, offset: u64, len: usize, prot: i32) -> io::Result<*mut u8> {
    let offset = libc::off_t::try_from(offset).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: a new shared mapping; the kernel checks fd, offset and length.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, libc::MAP_SHARED, fd, offset) };
    if p == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    Ok(p.cast())
}

/// Seconds since the UNIX epoch.
pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// The sample device's state.
pub struct SampleDevice {
    /// BAR0: the time written last.
    pub bar0: i64,
    /// BAR1.
    pub bar1: SharedMem,
    /// Config space.
    pub config: [u8; 256],
    /// When INTx and the DMA are due (armed by a BAR0 write while running).
    pub deadline: Option<SystemTime>,
    /// Bytes of migration data read or written in the current phase.
    pub mig_done: usize,
    /// Number of resets.
    pub resets: u32,
}

impl SampleDevice {
    /// A new device.
    pub fn new() -> io::Result<SampleDevice> {
        Self::with_bar1_size(BAR1_SIZE)
    }

    /// A new device whose BAR1 has `bar1_size` bytes (at least the sparse areas' 0x3000).
    pub fn with_bar1_size(bar1_size: usize) -> io::Result<SampleDevice> {
        let mut config = [0u8; 256];
        config[0..2].copy_from_slice(&VENDOR.to_le_bytes());
        config[2..4].copy_from_slice(&DEVICE.to_le_bytes());
        config[0x2c..0x2e].copy_from_slice(&SUBSYS_VENDOR.to_le_bytes());
        config[0x2e..0x30].copy_from_slice(&SUBSYS.to_le_bytes());
        Ok(SampleDevice { bar0: 0, bar1: SharedMem::new("uabi-vfio-user-bar1", bar1_size.max(BAR1_SIZE))?, config, deadline: None, mig_done: 0, resets: 0 })
    }

    /// The regions, by index.
    pub fn regions(&self) -> Vec<RegionDesc> {
        let rw = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
        let absent = || RegionDesc { flags: 0, size: 0, offset: 0, sparse: vec![] };
        let mut r: Vec<RegionDesc> = (0..VFIO_PCI_NUM_REGIONS).map(|_| absent()).collect();
        r[BAR0 as usize] = RegionDesc { flags: rw, size: 8, offset: 0, sparse: vec![] };
        r[BAR1 as usize] = RegionDesc { flags: rw | VFIO_REGION_INFO_FLAG_MMAP, size: self.bar1_size() as u64, offset: 0, sparse: BAR1_SPARSE.to_vec() };
        r[CONFIG as usize] = RegionDesc { flags: rw, size: 256, offset: 0, sparse: vec![] };
        r
    }

    /// A region access the server has bounds-checked against the region's size. Errors are
    /// errnos.
    pub fn access(&mut self, region: u32, offset: u64, data: &mut [u8], write: bool, running: bool) -> Result<(), i32> {
        let off = offset as usize;
        match region {
            BAR0 => {
                // One time_t at offset 0, as the sample's bar0_access.
                if data.len() != 8 || offset != 0 {
                    return Err(libc::EINVAL);
                }
                if write {
                    self.bar0 = i64::from_ne_bytes(data[..8].try_into().expect("8 bytes"));
                    if running {
                        self.arm();
                    }
                } else {
                    data.copy_from_slice(&(now() - self.bar0).to_ne_bytes());
                }
            }
            BAR1 => {
                let bytes = &mut self.bar1.bytes_mut()[off..off + data.len()];
                if write {
                    bytes.copy_from_slice(data);
                } else {
                    data.copy_from_slice(bytes);
                }
            }
            CONFIG => {
                if write {
                    // IDs are read-only; everything else is stored.
                    for (i, b) in data.iter().enumerate() {
                        let at = off + i;
                        if !(at < 4 || (0x2c..0x30).contains(&at)) {
                            self.config[at] = *b;
                        }
                    }
                } else {
                    data.copy_from_slice(&self.config[off..off + data.len()]);
                }
            }
            _ => return Err(libc::EINVAL),
        }
        Ok(())
    }

    /// Arms the timer for the time in BAR0 (now, if that has passed; never, if it is
    /// beyond what the system's clock can represent).
    pub fn arm(&mut self) {
        let secs = u64::try_from(self.bar0).unwrap_or(0);
        self.deadline = UNIX_EPOCH.checked_add(Duration::from_secs(secs));
    }

    /// Size of BAR1.
    pub fn bar1_size(&self) -> usize {
        self.bar1.bytes().len()
    }

    /// The total of the migration stream in a state: BAR1 in PRE_COPY, BAR1 and BAR0 in
    /// STOP_COPY and RESUMING.
    pub fn mig_total(&self, state: VfioDeviceMigState) -> usize {
        match state {
            VfioDeviceMigState::PreCopy => self.bar1_size(),
            _ => self.bar1_size() + 8,
        }
    }

    /// Copies the next bytes of the migration stream into `buf`; returns how many.
    pub fn mig_read(&mut self, state: VfioDeviceMigState, buf: &mut [u8]) -> usize {
        let total = self.mig_total(state);
        let start = self.mig_done.min(total);
        let n = buf.len().min(total - start);
        let mut stream = self.bar1.bytes().to_vec();
        stream.extend_from_slice(&self.bar0.to_ne_bytes());
        buf[..n].copy_from_slice(&stream[start..start + n]);
        self.mig_done = start + n;
        n
    }

    /// Takes the next bytes of a migration stream; returns how many it used.
    pub fn mig_write(&mut self, data: &[u8]) -> usize {
        let bar1 = self.bar1_size();
        let total = bar1 + 8;
        let start = self.mig_done.min(total);
        let n = data.len().min(total - start);
        for (i, b) in data[..n].iter().enumerate() {
            let at = start + i;
            if at < bar1 {
                self.bar1.bytes_mut()[at] = *b;
            } else {
                let mut t = self.bar0.to_ne_bytes();
                t[at - bar1] = *b;
                self.bar0 = i64::from_ne_bytes(t);
            }
        }
        self.mig_done = start + n;
        n
    }

    /// The device enters `state` (one step of the migration state machine).
    pub fn enter(&mut self, from: VfioDeviceMigState, state: VfioDeviceMigState) {
        use VfioDeviceMigState as S;
        match state {
            S::StopCopy => {
                self.deadline = None;
                self.mig_done = 0;
            }
            S::PreCopy | S::Resuming => self.mig_done = 0,
            // A resumed device (or a stopped one let run again) re-arms the timer it carried.
            S::Running if from != S::PreCopy && self.bar0 != 0 => self.arm(),
            _ => {}
        }
    }

    /// A device reset.
    pub fn reset(&mut self) {
        self.resets += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `vfio_user_server` fuzz target: a BAR0 time far in the future overflowed
    /// the poll timeout (a panic with overflow checks).
    #[test]
    fn any_bar0_time_arms_without_overflow() {
        let mut d = SampleDevice::new().expect("device");
        for t in [i64::MIN, -1, 0, 1, now() + 1, i64::MAX / 2, i64::MAX] {
            let mut data = t.to_ne_bytes();
            d.access(BAR0, 0, &mut data, true, true).expect("BAR0 write");
            if t > 0 && t < i64::MAX / 2 {
                assert!(d.deadline.is_some(), "{t}");
            }
        }
    }
}
