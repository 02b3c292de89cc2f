//! The device server: one client connection at a time, every message read with uabi's
//! decoders over the message itself.
//!
//! The payload of a command is the "user memory" of the decoders: a [`SimMemory`] over the
//! payload's bytes, at address 0. A struct that runs past the end of the message is a fault
//! there, which the server answers with EINVAL (the message is too short for its command, the
//! answer libvfio-user gives). Replies are written with uabi's encoders into a buffer of the
//! size the client allowed (`argsz`), so VFIO's rules (truncation to `argsz`, the two-call
//! negotiation of a capability chain) hold across the socket as they do across an ioctl.
//!
//! Every refusal is an error reply (`VFIO_USER_F_ERROR` and an errno) and the server reads
//! the next message; only a closed or broken connection ends a session.

use std::io;
use std::mem::size_of;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::{Duration, SystemTime};

use uabi::cap_chain::CapChainBuilder;
use uabi::zerocopy::{FromBytes, IntoBytes};
use uabi::{
    decode_argsz, decode_payload, encode_argsz, encode_info, encode_payload, flex_len, flex_len_as, get_user, one_flag_of, CapChainInfo,
    Errno, Error, FlexArray, InfoCaps, SimMemory,
};
use uabi_linux::vfio::*;

use crate::device::{map, SampleDevice};
use crate::transport::{self, reply_header, Message, RecvError};
use crate::vfio_user::*;

/// The protocol version the server speaks (libvfio-user's).
pub const MAJOR: u16 = 0;
/// Minor version; the reply gives the smaller of the client's and this.
pub const MINOR: u16 = 2;
/// Descriptors a message to the server may carry.
pub const MAX_MSG_FDS: u32 = 8;
/// The largest data transfer the server accepts.
pub const MAX_DATA_XFER: u32 = VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE;
/// The largest message the server reads: a transfer and its structs.
pub const MAX_MSG_SIZE: usize = MAX_DATA_XFER as usize + 4096;
/// The most DMA regions a client may map at once (each costs a mapping).
pub const MAX_DMA_REGIONS: usize = 1024;
/// Dirty pages are tracked at this granularity.
pub const PAGE_SIZE: u64 = 4096;

/// A received message as the decoders' user memory: read-only, and every access past its
/// end a fault.
pub struct MsgMem<'a>(pub &'a [u8]);

impl uabi::UserMemory for MsgMem<'_> {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Result<(), Error> {
        let start = usize::try_from(addr).map_err(|_| Error::Fault { addr })?;
        let end = start.checked_add(buf.len()).ok_or(Error::Fault { addr })?;
        if buf.is_empty() {
            return Ok(());
        }
        let src = self.0.get(start..end).ok_or(Error::Fault { addr: (self.0.len() as u64).max(addr) })?;
        buf.copy_from_slice(src);
        Ok(())
    }

    fn write(&mut self, addr: u64, data: &[u8]) -> Result<(), Error> {
        if data.is_empty() {
            return Ok(());
        }
        Err(Error::Fault { addr })
    }
}

/// An errno for a reply.
type Errno32 = i32;

/// The errno a runtime error is answered with. A fault means the struct ran past the end of
/// the message: EINVAL, as for any message too short for its command.
fn errno(e: Error) -> Errno32 {
    match e.errno() {
        Errno::Fault => libc::EINVAL,
        other => other.value(),
    }
}

/// One range of guest memory the client made available.
struct DmaRegion {
    addr: u64,
    size: u64,
    prot: u32,
    /// The mapping of the client's descriptor, if it sent one to map.
    mapping: Option<*mut u8>,
    /// The descriptor, for FILE_IO access.
    file: Option<(OwnedFd, u64)>,
    /// One bit per page dirtied by the server since the last report; allocated when first
    /// needed, so that mapping a large range costs no memory until logging uses it.
    dirty: Vec<u8>,
}

impl DmaRegion {
    fn dirty_bits(&mut self) -> &mut Vec<u8> {
        if self.dirty.is_empty() {
            self.dirty = vec![0; (self.size.div_ceil(PAGE_SIZE).div_ceil(64) * 8) as usize];
        }
        &mut self.dirty
    }
}

// SAFETY: `mapping` is a mapping this region made and owns (unmapped on drop); it is only
// reached through the region, so moving the region (and the server) to another thread moves
// the only way to it.
unsafe impl Send for DmaRegion {}

impl Drop for DmaRegion {
    fn drop(&mut self) {
        if let Some(p) = self.mapping {
            // SAFETY: the mapping made in dma_map, of `size` bytes.
            unsafe { libc::munmap(p.cast(), self.size as usize) };
        }
    }
}

/// What a handler answers: a payload and descriptors, or an errno.
struct Reply {
    payload: Vec<u8>,
    fds: Vec<RawFd>,
}

impl Reply {
    fn empty() -> Reply {
        Reply { payload: vec![], fds: vec![] }
    }
    fn bytes(payload: Vec<u8>) -> Reply {
        Reply { payload, fds: vec![] }
    }
}

type Handled = Result<Reply, Errno32>;

/// The server's state for one device; sessions come and go around it, as clients connect.
pub struct Server {
    /// The device.
    pub device: SampleDevice,
    dma: Vec<DmaRegion>,
    /// Eventfds bound to the trigger of each interrupt, per index.
    irq_fds: Vec<Vec<Option<OwnedFd>>>,
    irq_masked: Vec<Vec<bool>>,
    mig_state: VfioDeviceMigState,
    /// Dirty page logging on, and its page size.
    logging: Option<u64>,
    negotiated: bool,
    client_max_xfer: u32,
    client_max_fds: u32,
    next_id: u16,
    /// Log to standard error.
    pub verbose: bool,
    /// Statistics: error replies sent.
    pub errors_sent: u64,
}

impl Server {
    /// A server of a new sample device.
    pub fn new() -> io::Result<Server> {
        Self::with_device(SampleDevice::new()?)
    }

    /// A server of `device`.
    pub fn with_device(device: SampleDevice) -> io::Result<Server> {
        Ok(Server {
            device,
            dma: vec![],
            irq_fds: crate::device::IRQ_COUNTS.iter().map(|&n| (0..n).map(|_| None).collect()).collect(),
            irq_masked: crate::device::IRQ_COUNTS.iter().map(|&n| vec![false; n as usize]).collect(),
            mig_state: VfioDeviceMigState::Running,
            logging: None,
            negotiated: false,
            client_max_xfer: VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE,
            client_max_fds: 1,
            next_id: 0x8000,
            verbose: false,
            errors_sent: 0,
        })
    }

    fn log(&self, msg: std::fmt::Arguments<'_>) {
        if self.verbose {
            eprintln!("uabi-vfio-user-server[{}]: {msg}", std::process::id());
        }
    }

    /// Serves one connection until the client closes it. Per-connection state (the DMA map,
    /// the eventfds, the negotiation) ends with it; the device keeps its state.
    pub fn serve(&mut self, sock: &UnixStream) -> io::Result<()> {
        self.negotiated = false;
        let result = self.serve_loop(sock);
        self.dma.clear();
        for fds in &mut self.irq_fds {
            fds.iter_mut().for_each(|f| *f = None);
        }
        self.logging = None;
        result
    }

    fn serve_loop(&mut self, sock: &UnixStream) -> io::Result<()> {
        loop {
            if !self.wait_readable(sock)? {
                continue;
            }
            let msg = match transport::recv(sock, MAX_MSG_SIZE) {
                Ok(m) => m,
                Err(RecvError::Closed) | Err(RecvError::Truncated) => return Ok(()),
                Err(RecvError::Io(e)) if e.kind() == io::ErrorKind::ConnectionReset => return Ok(()),
                Err(RecvError::Io(e)) => return Err(e),
                // The stream cannot be resynchronised after a size that lies; as libvfio-user,
                // answer and read on (what follows is taken as the next header).
                Err(RecvError::BadSize(h)) | Err(RecvError::TooManyFds(h)) => {
                    self.log(format_args!("msg {:#x}: bad size {} or too many descriptors", { h.msg_id }, { h.msg_size }));
                    self.send_error(sock, &h, libc::EINVAL)?;
                    continue;
                }
            };
            self.handle_message(sock, msg)?;
        }
    }

    /// Waits for the socket to be readable, firing the device's timer when it is due. Returns
    /// whether the socket is readable.
    fn wait_readable(&mut self, sock: &UnixStream) -> io::Result<bool> {
        let timeout = match self.device.deadline {
            None => -1,
            Some(d) => match d.duration_since(SystemTime::now()) {
                // Rounded up, so the timer is due when poll returns; a deadline further than
                // poll can wait is waited for in steps.
                Ok(left) => left.as_millis().saturating_add(1).min(i32::MAX as u128) as i32,
                Err(_) => 0,
            },
        };
        let mut pfd = libc::pollfd { fd: sock.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, timeout) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return if e.kind() == io::ErrorKind::Interrupted { Ok(false) } else { Err(e) };
        }
        if n == 0 {
            if let Some(d) = self.device.deadline {
                if SystemTime::now() >= d {
                    self.device.deadline = None;
                    self.timer_fired(sock)?;
                }
            }
            return Ok(false);
        }
        Ok(true)
    }

    fn send_error(&mut self, sock: &UnixStream, h: &VfioUserHeader, errno: Errno32) -> io::Result<()> {
        self.errors_sent += 1;
        if h.flags & VFIO_USER_F_NO_REPLY != 0 {
            return Ok(());
        }
        transport::send_error(sock, h, errno)
    }

    /// Handles one message and sends its reply.
    pub fn handle_message(&mut self, sock: &UnixStream, msg: Message) -> io::Result<()> {
        let h = msg.header;
        let result = self.dispatch(&msg);
        match result {
            Ok(reply) => {
                if h.flags & VFIO_USER_F_NO_REPLY != 0 {
                    return Ok(());
                }
                match transport::send(sock, reply_header(&h), &[&reply.payload], &reply.fds) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    other => other,
                }
            }
            Err(e) => {
                self.log(format_args!("msg {:#x} cmd {}: error {e}", { h.msg_id }, { h.cmd }));
                match self.send_error(sock, &h, e) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    other => other,
                }
            }
        }
    }

    fn dispatch(&mut self, msg: &Message) -> Handled {
        let h = &msg.header;
        // Only commands come to a server; unknown flag bits are refused (the header's own
        // decoder would say EINVAL for them too).
        if h.flags & !(VFIO_USER_F_TYPE_MASK | VFIO_USER_F_NO_REPLY | VFIO_USER_F_ERROR) != 0
            || h.flags & VFIO_USER_F_TYPE_MASK != VFIO_USER_F_TYPE_COMMAND
            || h.flags & VFIO_USER_F_ERROR != 0
        {
            return Err(libc::EINVAL);
        }
        let cmd = VfioUserCommand::try_from(h.cmd as u32).map_err(|_| libc::EINVAL)?;
        if cmd != VfioUserCommand::Version && !self.negotiated {
            return Err(libc::EINVAL);
        }
        // Only these commands take descriptors; any other that brings some is refused (the
        // descriptors are closed when the message is dropped).
        let takes_fds = matches!(cmd, VfioUserCommand::DmaMap | VfioUserCommand::DeviceSetIrqs);
        if !takes_fds && !msg.fds.is_empty() {
            return Err(libc::EINVAL);
        }
        if msg.fds.len() > MAX_MSG_FDS as usize {
            return Err(libc::EINVAL);
        }
        let p = &msg.payload[..];
        match cmd {
            VfioUserCommand::Version => self.version(p),
            VfioUserCommand::DmaMap => self.dma_map(p, &msg.fds),
            VfioUserCommand::DmaUnmap => self.dma_unmap(p),
            VfioUserCommand::DeviceGetInfo => self.device_info(p),
            VfioUserCommand::DeviceGetRegionInfo => self.region_info(p),
            VfioUserCommand::DeviceGetRegionIoFds => self.region_io_fds(p),
            VfioUserCommand::DeviceGetIrqInfo => self.irq_info(p),
            VfioUserCommand::DeviceSetIrqs => self.set_irqs(p, &msg.fds),
            VfioUserCommand::RegionRead | VfioUserCommand::RegionWrite => self.region_access(p, cmd == VfioUserCommand::RegionWrite),
            VfioUserCommand::DeviceReset => {
                self.device.reset();
                Ok(Reply::empty())
            }
            VfioUserCommand::DeviceFeature => self.feature(p),
            VfioUserCommand::MigDataRead => self.mig_data_read(p),
            VfioUserCommand::MigDataWrite => self.mig_data_write(p),
            // Server-to-client commands, the optional multi-write, and `Max`.
            _ => Err(libc::EINVAL),
        }
    }

    // -------------------------------------------------------------------------------------
    // Version negotiation.
    // -------------------------------------------------------------------------------------

    fn version(&mut self, p: &[u8]) -> Handled {
        let mem = MsgMem(p);
        let v: VfioUserVersion = get_user(&mem, 0).map_err(errno)?;
        if v.major != MAJOR {
            return Err(libc::EINVAL);
        }
        let (mut max_fds, mut max_xfer) = (1u32, VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE);
        let json = &p[VfioUserVersion::FLEX_OFFSET..];
        if !json.is_empty() {
            let caps = parse_caps(json).ok_or(libc::EINVAL)?;
            if let Some(n) = caps.max_msg_fds {
                max_fds = n;
            }
            if let Some(n) = caps.max_data_xfer_size {
                max_xfer = n;
            }
            if let Some(pg) = caps.pgsize {
                if pg != PAGE_SIZE {
                    return Err(libc::EINVAL);
                }
            }
        }
        self.client_max_fds = max_fds;
        self.client_max_xfer = max_xfer.max(1);
        self.negotiated = true;
        let mut out = VfioUserVersion { major: MAJOR, minor: v.minor.min(MINOR), data: [] }.as_bytes().to_vec();
        out.extend_from_slice(server_caps().as_bytes());
        out.push(0);
        Ok(Reply::bytes(out))
    }

    // -------------------------------------------------------------------------------------
    // DMA.
    // -------------------------------------------------------------------------------------

    fn dma_map(&mut self, p: &[u8], fds: &[OwnedFd]) -> Handled {
        let mem = MsgMem(p);
        let map_req = decode_argsz::<VfioUserDmaMap, _>(&mem, 0).map_err(errno)?.value;
        if fds.len() > 1 {
            return Err(libc::EINVAL);
        }
        let fd = fds.first();
        let (mmap, file_io) = (map_req.flags & VFIO_USER_F_DMA_REGION_MMAP != 0, map_req.flags & VFIO_USER_F_DMA_REGION_FILE_IO != 0);
        if (mmap || file_io) && fd.is_none() || (mmap && file_io) {
            return Err(libc::EINVAL);
        }
        let end = map_req.addr.checked_add(map_req.size).ok_or(libc::EINVAL)?;
        if map_req.size == 0 || map_req.size > (1 << 40) {
            return Err(libc::EINVAL);
        }
        if self.dma.iter().any(|r| map_req.addr < r.addr + r.size && r.addr < end) {
            return Err(libc::EEXIST);
        }
        if self.dma.len() >= MAX_DMA_REGIONS {
            return Err(libc::ENOSPC);
        }
        let prot = map_req.flags & (VFIO_USER_F_DMA_REGION_READ | VFIO_USER_F_DMA_REGION_WRITE);
        let (mut mapping, mut file) = (None, None);
        if let Some(fd) = fd {
            if file_io {
                file = Some((fd.try_clone().map_err(|e| e.raw_os_error().unwrap_or(libc::EINVAL))?, map_req.offset));
            } else {
                // Mapped read-write when the client allows either, so the server can do
                // what its prot allows; an fd that refuses writes is mapped read-only.
                let ptr = map(fd.as_raw_fd(), map_req.offset, map_req.size as usize, libc::PROT_READ | libc::PROT_WRITE)
                    .or_else(|_| map(fd.as_raw_fd(), map_req.offset, map_req.size as usize, libc::PROT_READ))
                    .map_err(|e| e.raw_os_error().unwrap_or(libc::EINVAL))?;
                mapping = Some(ptr);
            }
        }
        self.dma.push(DmaRegion { addr: map_req.addr, size: map_req.size, prot, mapping, file, dirty: vec![] });
        self.log(format_args!("DMA map {:#x}+{:#x} prot {prot:#x} fd {}", { map_req.addr }, { map_req.size }, fd.is_some()));
        Ok(Reply::empty())
    }

    fn dma_unmap(&mut self, p: &[u8]) -> Handled {
        // The payload is `vfio_iommu_type1_dma_unmap`'s layout with VFIO's flags: read it with
        // the VFIO module's type, so VFIO's flag definitions and checks apply.
        let mem = MsgMem(p);
        let d = decode_argsz::<VfioIommuType1DmaUnmap, _>(&mem, 0).map_err(errno)?;
        let (u, argsz) = (d.value, d.size);
        let fixed = VfioUserDmaUnmap::FLEX_OFFSET;
        let mut out = p[..fixed].to_vec();
        match u.flags {
            0 => {}
            VFIO_DMA_UNMAP_FLAG_ALL => {
                if u.iova != 0 || u.size != 0 {
                    return Err(libc::EINVAL);
                }
                self.dma.clear();
                return Ok(Reply::bytes(out));
            }
            VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP => {
                let bm: VfioUserBitmap = decode_payload::<VfioIommuType1DmaUnmap, _, _>(&mem, 0, p.len()).map_err(errno)?;
                let need = bitmap_size(u.size, bm.pgsize)?;
                // argsz counts the bits the reply carries; the bitmap is at most a transfer
                // (libvfio-user's bound too), so a hostile size allocates nothing large.
                let total = ((fixed + VfioUserBitmap::FLEX_OFFSET) as u64).saturating_add(bm.size);
                if bm.size < need as u64
                    || bm.size > MAX_DATA_XFER as u64
                    || (argsz as u64) < total
                    || bm.pgsize != self.logging.unwrap_or(PAGE_SIZE)
                {
                    return Err(libc::EINVAL);
                }
                let i = self.find_exact(u.iova, u.size).ok_or(libc::ENOENT)?;
                let mut bits = vec![0u8; bm.size as usize];
                let r = &mut self.dma[i];
                let dirty = r.dirty_bits();
                let n = dirty.len().min(bits.len());
                bits[..n].copy_from_slice(&dirty[..n]);
                out.extend_from_slice(&p[fixed..fixed + VfioUserBitmap::FLEX_OFFSET]);
                out.extend_from_slice(&bits);
                self.dma.remove(i);
                return Ok(Reply::bytes(out));
            }
            // VFIO_DMA_UNMAP_FLAG_VADDR, and combinations: not in vfio-user.
            _ => return Err(libc::EINVAL),
        }
        let i = self.find_exact(u.iova, u.size).ok_or(libc::ENOENT)?;
        self.dma.remove(i);
        out.truncate(fixed);
        Ok(Reply::bytes(out))
    }

    fn find_exact(&self, addr: u64, size: u64) -> Option<usize> {
        self.dma.iter().position(|r| r.addr == addr && r.size == size)
    }

    // -------------------------------------------------------------------------------------
    // Device, region and interrupt information.
    // -------------------------------------------------------------------------------------

    fn device_info(&mut self, p: &[u8]) -> Handled {
        let mut bytes = p.to_vec();
        let mut mem = SimMemory::new(0, &mut bytes);
        let argsz = decode_argsz::<VfioUserDeviceInfo, _>(&mem, 0).map_err(errno)?.size;
        let info = VfioUserDeviceInfo {
            argsz: size_of::<VfioUserDeviceInfo>() as u32,
            flags: VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET,
            num_regions: VFIO_PCI_NUM_REGIONS,
            num_irqs: VFIO_PCI_NUM_IRQS,
        };
        let n = encode_argsz(&mut mem, 0, argsz, &info).map_err(errno)?;
        Ok(Reply::bytes(bytes_of(&mut mem, n)))
    }

    fn region_info(&mut self, p: &[u8]) -> Handled {
        let mem = MsgMem(p);
        let d = decode_argsz::<VfioRegionInfo, _>(&mem, 0).map_err(errno)?;
        let (req, argsz) = (d.value, d.size);
        let regions = self.device.regions();
        let r = regions.get(req.index as usize).ok_or(libc::EINVAL)?;
        let info = VfioRegionInfo {
            argsz: argsz.min(u32::MAX as usize) as u32,
            flags: r.flags,
            index: req.index,
            cap_offset: 0,
            size: r.size,
            offset: r.offset,
        };
        // The chain, built as Linux builds it: after the fixed struct, 8-aligned.
        let fixed = size_of::<VfioRegionInfo>();
        let mut chain_buf = vec![0u8; 256];
        let mut b = CapChainBuilder::new(&mut chain_buf, fixed);
        if !r.sparse.is_empty() {
            let head = VfioRegionInfoCapSparseMmap::default();
            b.add_flex(&head, &r.sparse);
        }
        let (_, needed) = b.finish();
        let chain = &chain_buf[fixed.min(needed)..needed];
        let caps = InfoCaps { flag: VFIO_REGION_INFO_FLAG_CAPS as u64, cap_offset: VfioRegionInfo::CAP_OFFSET, chain };
        // The reply is as long as the client allowed, at most what there is to say.
        let len = argsz.min(needed).max(fixed.min(argsz));
        let mut out = vec![0u8; len];
        let mut omem = SimMemory::new(0, &mut out);
        let reply = encode_info(&mut omem, 0, argsz, &info, caps).map_err(errno)?;
        let written = match reply {
            uabi::InfoReply::Complete { len } => len,
            uabi::InfoReply::NeedMore { .. } => fixed.min(argsz),
        };
        out.truncate(written);
        if let uabi::InfoReply::NeedMore { .. } = reply {
            // VFIO sets the caps flag with a zero `cap_offset` when the chain did not fit;
            // vfio-user servers leave the flag clear (libvfio-user does), and QEMU's client
            // refuses a caps flag whose offset is not inside the reply. `argsz` alone asks
            // for the second call.
            if let Ok((mut head, _)) = VfioRegionInfo::read_from_prefix(&out) {
                head.flags &= !VFIO_REGION_INFO_FLAG_CAPS;
                out[..fixed].copy_from_slice(head.as_bytes());
            }
        }
        // The descriptor of a mappable region comes with its capabilities, as in
        // libvfio-user: only when they fit.
        let fds = match reply {
            uabi::InfoReply::Complete { .. } if !chain.is_empty() && req.index == crate::device::BAR1 => {
                vec![self.device.bar1.fd().as_raw_fd()]
            }
            _ => vec![],
        };
        Ok(Reply { payload: out, fds })
    }

    fn region_io_fds(&mut self, p: &[u8]) -> Handled {
        let mem = MsgMem(p);
        let req = decode_argsz::<VfioUserRegionIoFdsRequest, _>(&mem, 0).map_err(errno)?.value;
        if req.count != 0 || req.index >= VFIO_PCI_NUM_REGIONS {
            return Err(libc::EINVAL);
        }
        if self.device.regions()[req.index as usize].size == 0 {
            return Err(libc::EINVAL);
        }
        // The sample device has no ioeventfds: the reply has no sub-regions.
        let reply = VfioUserRegionIoFdsReply {
            argsz: VfioUserRegionIoFdsReply::FLEX_OFFSET as u32,
            flags: 0,
            index: req.index,
            count: 0,
            sub_regions: [],
        };
        Ok(Reply::bytes(reply.as_bytes().to_vec()))
    }

    fn irq_info(&mut self, p: &[u8]) -> Handled {
        let mut bytes = p.to_vec();
        let mut mem = SimMemory::new(0, &mut bytes);
        let d = decode_argsz::<VfioIrqInfo, _>(&mem, 0).map_err(errno)?;
        let count = *crate::device::IRQ_COUNTS.get(d.value.index as usize).ok_or(libc::EINVAL)?;
        let mut flags = VFIO_IRQ_INFO_EVENTFD;
        if d.value.index == VFIO_PCI_INTX_IRQ_INDEX {
            flags |= VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED;
        } else if d.value.index == VFIO_PCI_MSI_IRQ_INDEX || d.value.index == VFIO_PCI_MSIX_IRQ_INDEX {
            flags |= VFIO_IRQ_INFO_NORESIZE;
        }
        let info = VfioIrqInfo { argsz: size_of::<VfioIrqInfo>() as u32, flags, index: d.value.index, count };
        let n = encode_argsz(&mut mem, 0, d.size, &info).map_err(errno)?;
        Ok(Reply::bytes(bytes_of(&mut mem, n)))
    }

    fn set_irqs(&mut self, p: &[u8], fds: &[OwnedFd]) -> Handled {
        let mem = MsgMem(p);
        let d = decode_argsz::<VfioIrqSet, _>(&mem, 0).map_err(errno)?;
        let (s, argsz) = (d.value, d.size);
        let data = one_flag_of(s.flags as u64, VFIO_IRQ_SET_DATA_TYPE_MASK as u64).map_err(errno)? as u32;
        let action = one_flag_of(s.flags as u64, VFIO_IRQ_SET_ACTION_TYPE_MASK as u64).map_err(errno)? as u32;
        let index = s.index as usize;
        let n = *crate::device::IRQ_COUNTS.get(index).ok_or(libc::EINVAL)? as u64;
        // Disabling the whole index: DATA_NONE, TRIGGER, count 0.
        if data == VFIO_IRQ_SET_DATA_NONE && action == VFIO_IRQ_SET_ACTION_TRIGGER && s.count == 0 {
            if !fds.is_empty() {
                return Err(libc::EINVAL);
            }
            self.irq_fds[index].iter_mut().for_each(|f| *f = None);
            return Ok(Reply::empty());
        }
        if s.start as u64 + s.count as u64 > n || s.count == 0 {
            return Err(libc::EINVAL);
        }
        let range = s.start as usize..s.start as usize + s.count as usize;
        match data {
            // vfio-user: the eventfds travel as descriptors, one per interrupt, not in `data`.
            VFIO_IRQ_SET_DATA_EVENTFD => {
                if fds.len() != s.count as usize {
                    return Err(libc::EINVAL);
                }
                if action != VFIO_IRQ_SET_ACTION_TRIGGER {
                    return Err(libc::EOPNOTSUPP);
                }
                for (i, fd) in range.zip(fds) {
                    self.irq_fds[index][i] = Some(fd.try_clone().map_err(|e| e.raw_os_error().unwrap_or(libc::EINVAL))?);
                }
            }
            VFIO_IRQ_SET_DATA_BOOL => {
                if !fds.is_empty() {
                    return Err(libc::EINVAL);
                }
                // The booleans are in the message, counted by argsz as in VFIO.
                flex_len_as::<VfioIrqSet, u8>(argsz.min(p.len()), s.count as usize).map_err(errno)?;
                let bools = &p[VfioIrqSet::FLEX_OFFSET..VfioIrqSet::FLEX_OFFSET + s.count as usize];
                for (i, &b) in range.zip(bools) {
                    if b != 0 {
                        self.act(index, i, action);
                    }
                }
            }
            _ => {
                if !fds.is_empty() {
                    return Err(libc::EINVAL);
                }
                for i in range {
                    self.act(index, i, action);
                }
            }
        }
        Ok(Reply::empty())
    }

    fn act(&mut self, index: usize, i: usize, action: u32) {
        match action {
            VFIO_IRQ_SET_ACTION_MASK => self.irq_masked[index][i] = true,
            VFIO_IRQ_SET_ACTION_UNMASK => self.irq_masked[index][i] = false,
            _ => self.signal(index, i),
        }
    }

    /// Signals interrupt `i` of `index` on its eventfd, unless masked.
    pub fn signal(&mut self, index: usize, i: usize) {
        if self.irq_masked[index][i] {
            return;
        }
        if let Some(fd) = &self.irq_fds[index][i] {
            let one = 1u64;
            // SAFETY: an 8-byte write to an eventfd.
            unsafe { libc::write(fd.as_raw_fd(), (&one as *const u64).cast(), 8) };
            self.log(format_args!("interrupt {index}.{i} signalled"));
        }
    }

    // -------------------------------------------------------------------------------------
    // Region access.
    // -------------------------------------------------------------------------------------

    fn region_access(&mut self, p: &[u8], write: bool) -> Handled {
        let mem = MsgMem(p);
        let ra: VfioUserRegionAccess = get_user(&mem, 0).map_err(errno)?;
        let fixed = VfioUserRegionAccess::FLEX_OFFSET;
        if ra.count > MAX_DATA_XFER || (write && p.len() - fixed != ra.count as usize) {
            return Err(libc::EINVAL);
        }
        let regions = self.device.regions();
        let r = regions.get(ra.region as usize).ok_or(libc::EINVAL)?;
        if ra.offset.saturating_add(ra.count as u64) > r.size {
            return Err(libc::EINVAL);
        }
        if self.mig_state == VfioDeviceMigState::StopCopy {
            return Err(libc::EINVAL);
        }
        let mut out = VfioUserRegionAccess { offset: ra.offset, region: ra.region, count: ra.count, data: [] }.as_bytes().to_vec();
        let running = self.mig_state == VfioDeviceMigState::Running;
        if write {
            let mut data = p[fixed..].to_vec();
            self.device.access(ra.region, ra.offset, &mut data, true, running)?;
        } else {
            let mut data = vec![0u8; ra.count as usize];
            self.device.access(ra.region, ra.offset, &mut data, false, running)?;
            out.extend_from_slice(&data);
        }
        Ok(Reply::bytes(out))
    }

    // -------------------------------------------------------------------------------------
    // Device features: migration and DMA logging.
    // -------------------------------------------------------------------------------------

    fn feature(&mut self, p: &[u8]) -> Handled {
        // `vfio_user_device_feature` is `vfio_device_feature`: read with the VFIO type.
        let mut bytes = p.to_vec();
        let mem = SimMemory::new(0, &mut bytes);
        let d = decode_argsz::<VfioDeviceFeature, _>(&mem, 0).map_err(errno)?;
        let (f, argsz) = (d.value, d.size);
        let bound = argsz.min(p.len());
        let feature = f.flags & VFIO_DEVICE_FEATURE_MASK;
        let ops = f.flags & !VFIO_DEVICE_FEATURE_MASK;
        let supported = match feature {
            VFIO_DEVICE_FEATURE_MIGRATION | VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT => VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_PROBE,
            VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE => VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_PROBE,
            VFIO_DEVICE_FEATURE_DMA_LOGGING_START | VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP => {
                VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_PROBE
            }
            _ => 0,
        };
        if supported == 0 || ops & supported != ops || ops == 0 {
            return Err(libc::EINVAL);
        }
        let echo = |len: usize| -> Handled {
            if argsz < len {
                return Err(libc::EINVAL);
            }
            Ok(Reply::bytes(p[..len].to_vec()))
        };
        if ops & VFIO_DEVICE_FEATURE_PROBE != 0 {
            return echo(p.len());
        }
        let hdr = VfioDeviceFeature::FLEX_OFFSET;
        if ops == VFIO_DEVICE_FEATURE_GET {
            let mut out_hdr = VfioUserDeviceFeature { argsz: 0, flags: f.flags, data: [] };
            let mut out;
            match feature {
                VFIO_DEVICE_FEATURE_MIGRATION | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE => {
                    out = vec![0u8; hdr + 8];
                    let mut omem = SimMemory::new(0, &mut out);
                    if feature == VFIO_DEVICE_FEATURE_MIGRATION {
                        let m = VfioDeviceFeatureMigration { flags: VFIO_MIGRATION_STOP_COPY | VFIO_MIGRATION_PRE_COPY };
                        encode_payload::<VfioDeviceFeature, _, _>(&mut omem, 0, argsz, &m).map_err(errno)?;
                    } else {
                        let s = VfioDeviceFeatureMigState { device_state: u32::from(self.mig_state), data_fd: -1 };
                        encode_payload::<VfioDeviceFeature, _, _>(&mut omem, 0, argsz, &s).map_err(errno)?;
                    }
                }
                _ => {
                    // DMA_LOGGING_REPORT: the range and page size in, the bits out.
                    let rep: VfioUserDeviceFeatureDmaLoggingReport =
                        decode_payload::<VfioDeviceFeature, _, _>(&mem, 0, bound).map_err(errno)?;
                    let bits = self.dirty_report(rep.iova, rep.length, rep.page_size)?;
                    let len = hdr + VfioUserDeviceFeatureDmaLoggingReport::FLEX_OFFSET + bits.len();
                    if argsz < len {
                        return Err(libc::EINVAL);
                    }
                    out = p[..hdr + VfioUserDeviceFeatureDmaLoggingReport::FLEX_OFFSET].to_vec();
                    out.extend_from_slice(&bits);
                }
            }
            out_hdr.argsz = out.len() as u32;
            out[..hdr].copy_from_slice(out_hdr.as_bytes());
            return Ok(Reply::bytes(out));
        }
        // SET: the reply echoes the request.
        match feature {
            VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE => {
                let s: VfioDeviceFeatureMigState = decode_payload::<VfioDeviceFeature, _, _>(&mem, 0, bound).map_err(errno)?;
                let target = VfioDeviceMigState::try_from(s.device_state).map_err(errno)?;
                self.set_mig_state(target)?;
            }
            VFIO_DEVICE_FEATURE_DMA_LOGGING_START => {
                let c: VfioUserDeviceFeatureDmaLoggingControl =
                    decode_payload::<VfioDeviceFeature, _, _>(&mem, 0, bound).map_err(errno)?;
                // The ranges follow inline: all of them inside the message.
                let inner = bound.saturating_sub(hdr);
                flex_len::<VfioUserDeviceFeatureDmaLoggingControl>(inner, c.num_ranges as usize).map_err(errno)?;
                if !c.page_size.is_power_of_two() || c.page_size != PAGE_SIZE {
                    return Err(libc::EINVAL);
                }
                self.logging = Some(c.page_size);
                for r in &mut self.dma {
                    r.dirty.clear();
                }
            }
            _ => self.logging = None,
        }
        echo(p.len())
    }

    /// The dirty bits of a range inside one DMA region, cleared as they are reported.
    fn dirty_report(&mut self, iova: u64, length: u64, page_size: u64) -> Result<Vec<u8>, Errno32> {
        let pg = self.logging.ok_or(libc::EINVAL)?;
        if page_size != pg {
            return Err(libc::EINVAL);
        }
        let size = bitmap_size(length, page_size)?;
        let end = iova.checked_add(length).ok_or(libc::EINVAL)?;
        let r = self.dma.iter_mut().find(|r| r.addr <= iova && end <= r.addr + r.size).ok_or(libc::EINVAL)?;
        let mut bits = vec![0u8; size];
        let first = ((iova - r.addr) / pg) as usize;
        let dirty = r.dirty_bits();
        for page in 0..(length.div_ceil(pg) as usize) {
            let at = first + page;
            if dirty[at / 8] & (1 << (at % 8)) != 0 {
                bits[page / 8] |= 1 << (page % 8);
                dirty[at / 8] &= !(1 << (at % 8));
            }
        }
        Ok(bits)
    }

    /// Walks the migration state machine to `target` along VFIO's arcs (without the P2P
    /// states, which the device does not support), entering each state on the way.
    fn set_mig_state(&mut self, target: VfioDeviceMigState) -> Result<(), Errno32> {
        use VfioDeviceMigState as S;
        if matches!(target, S::Error | S::Nr | S::RunningP2p | S::PreCopyP2p) {
            return Err(libc::EINVAL);
        }
        let mut steps = 0;
        while self.mig_state != target {
            let next = next_state(self.mig_state, target).ok_or(libc::EINVAL)?;
            self.log(format_args!("migration: {:?} -> {next:?}", self.mig_state));
            self.device.enter(self.mig_state, next);
            self.mig_state = next;
            steps += 1;
            assert!(steps <= 4, "the arcs reach every state in at most 3 steps");
        }
        Ok(())
    }

    fn mig_data_read(&mut self, p: &[u8]) -> Handled {
        let mem = MsgMem(p);
        let req: VfioUserMigData = get_user(&mem, 0).map_err(errno)?;
        if !matches!(self.mig_state, VfioDeviceMigState::PreCopy | VfioDeviceMigState::StopCopy) {
            return Err(libc::EINVAL);
        }
        let fixed = VfioUserMigData::FLEX_OFFSET;
        // Bounded by the client's announced limit and by the server's own, which bounds what a
        // reply allocates.
        if req.size > self.client_max_xfer.min(MAX_DATA_XFER) || (req.argsz as usize) < fixed + req.size as usize {
            return Err(libc::EINVAL);
        }
        // As libvfio-user, the reply has room for what was asked; `size` says what came.
        let mut out = vec![0u8; fixed + req.size as usize];
        let n = self.device.mig_read(self.mig_state, &mut out[fixed..]);
        let head = VfioUserMigData { argsz: (fixed + n) as u32, size: n as u32, data: [] };
        out[..fixed].copy_from_slice(head.as_bytes());
        Ok(Reply::bytes(out))
    }

    fn mig_data_write(&mut self, p: &[u8]) -> Handled {
        let mem = MsgMem(p);
        let req: VfioUserMigData = get_user(&mem, 0).map_err(errno)?;
        if self.mig_state != VfioDeviceMigState::Resuming {
            return Err(libc::EINVAL);
        }
        let fixed = VfioUserMigData::FLEX_OFFSET;
        if req.size > MAX_DATA_XFER || p.len() - fixed != req.size as usize || (req.argsz as usize) < fixed + req.size as usize {
            return Err(libc::EINVAL);
        }
        let n = self.device.mig_write(&p[fixed..]);
        if n != req.size as usize {
            return Err(libc::EINVAL);
        }
        Ok(Reply::bytes(VfioUserMigData { argsz: fixed as u32, size: n as u32, data: [] }.as_bytes().to_vec()))
    }

    // -------------------------------------------------------------------------------------
    // What the device does on its own: the timer's interrupt and DMA.
    // -------------------------------------------------------------------------------------

    fn timer_fired(&mut self, sock: &UnixStream) -> io::Result<()> {
        self.log(format_args!("timer: INTx and DMA"));
        self.signal(VFIO_PCI_INTX_IRQ_INDEX as usize, 0);
        // As the sample: directly in the second region, by messages in the first.
        if self.dma.len() >= 2 {
            self.dma_io(sock, 1, self.dma[1].mapping.is_none() && self.dma[1].file.is_none())?;
            self.dma_io(sock, 0, true)?;
        }
        Ok(())
    }

    /// Writes 4 KiB (four 1 KiB chunks of 'A'..'D') at the start of DMA region `i` and reads
    /// them back in 2 KiB chunks, directly or by messages; logs a mismatch.
    fn dma_io(&mut self, sock: &UnixStream, i: usize, messages: bool) -> io::Result<()> {
        const CHUNK: usize = 1024;
        let base = self.dma[i].addr;
        let len = (4 * CHUNK).min(self.dma[i].size as usize);
        let mut written = vec![0u8; len];
        for (c, chunk) in written.chunks_mut(CHUNK).enumerate() {
            chunk.fill(b'A' + c as u8);
            let addr = base + (c * CHUNK) as u64;
            if messages {
                self.dma_message_write(sock, addr, chunk)?;
            } else {
                self.dma_direct(i, addr, &mut chunk.to_vec(), true);
            }
        }
        let mut read = vec![0u8; len];
        for (c, chunk) in read.chunks_mut(2 * CHUNK).enumerate() {
            let addr = base + (c * 2 * CHUNK) as u64;
            if messages {
                self.dma_message_read(sock, addr, chunk)?;
            } else {
                self.dma_direct(i, addr, chunk, false);
            }
        }
        if read != written {
            self.log(format_args!("DMA {} of region {i}: read back differs", if messages { "by message" } else { "direct" }));
        }
        Ok(())
    }

    /// Direct DMA into region `i` through its mapping (or its descriptor, for FILE_IO), as
    /// its protection allows; pages written are marked dirty while logging is on.
    fn dma_direct(&mut self, i: usize, addr: u64, data: &mut [u8], write: bool) {
        let r = &mut self.dma[i];
        let need = if write { VFIO_USER_F_DMA_REGION_WRITE } else { VFIO_USER_F_DMA_REGION_READ };
        let off = (addr - r.addr) as usize;
        if r.prot & need == 0 || off + data.len() > r.size as usize || data.is_empty() {
            return;
        }
        if let Some(p) = r.mapping {
            // SAFETY: inside the mapping of `size` bytes.
            let mem = unsafe { std::slice::from_raw_parts_mut(p.add(off), data.len()) };
            if write {
                mem.copy_from_slice(data);
            } else {
                data.copy_from_slice(mem);
            }
        } else if let Some((fd, base)) = &r.file {
            let at = (*base + off as u64) as libc::off_t;
            // SAFETY: plain pread/pwrite into/from `data`.
            unsafe {
                if write {
                    libc::pwrite(fd.as_raw_fd(), data.as_ptr().cast(), data.len(), at);
                } else {
                    libc::pread(fd.as_raw_fd(), data.as_mut_ptr().cast(), data.len(), at);
                }
            }
        } else {
            return;
        }
        if write && self.logging.is_some() {
            let dirty = r.dirty_bits();
            for page in (off as u64 / PAGE_SIZE)..=((off + data.len() - 1) as u64 / PAGE_SIZE) {
                dirty[page as usize / 8] |= 1 << (page % 8);
            }
        }
    }

    /// Sends a server-to-client command and waits for its reply, chunked by the client's
    /// largest transfer.
    fn dma_message_write(&mut self, sock: &UnixStream, addr: u64, data: &[u8]) -> io::Result<()> {
        for (k, chunk) in data.chunks(self.client_max_xfer as usize).enumerate() {
            let a = addr + (k * self.client_max_xfer as usize) as u64;
            let head = VfioUserDmaRegionAccess { addr: a, count: chunk.len() as u64, data: [] };
            self.dma_round_trip(sock, VfioUserCommand::DmaWrite, &[head.as_bytes(), chunk])?;
        }
        Ok(())
    }

    fn dma_message_read(&mut self, sock: &UnixStream, addr: u64, buf: &mut [u8]) -> io::Result<()> {
        let max = self.client_max_xfer as usize;
        for (k, chunk) in buf.chunks_mut(max).enumerate() {
            let a = addr + (k * max) as u64;
            let head = VfioUserDmaRegionAccess { addr: a, count: chunk.len() as u64, data: [] };
            let reply = self.dma_round_trip(sock, VfioUserCommand::DmaRead, &[head.as_bytes()])?;
            let fixed = VfioUserDmaRegionAccess::FLEX_OFFSET;
            if reply.len() == fixed + chunk.len() {
                chunk.copy_from_slice(&reply[fixed..]);
            }
        }
        Ok(())
    }

    fn dma_round_trip(&mut self, sock: &UnixStream, cmd: VfioUserCommand, parts: &[&[u8]]) -> io::Result<Vec<u8>> {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        transport::send(sock, transport::command_header(id, cmd), parts, &[])?;
        let deadline = SystemTime::now() + Duration::from_secs(10);
        loop {
            match transport::recv(sock, MAX_MSG_SIZE) {
                Ok(m) if m.kind() == VFIO_USER_F_TYPE_REPLY && m.header.msg_id == id => {
                    if m.header.flags & VFIO_USER_F_ERROR != 0 {
                        self.log(format_args!("{cmd:?} failed in the client: errno {}", { m.header.error_no }));
                        return Ok(vec![]);
                    }
                    return Ok(m.payload);
                }
                // A command of the client while it has not answered ours: serve it.
                Ok(m) if m.kind() == VFIO_USER_F_TYPE_COMMAND => self.handle_message(sock, m)?,
                Ok(_) => {}
                Err(RecvError::Closed) | Err(RecvError::Truncated) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Err(RecvError::Io(e)) => return Err(e),
                Err(_) => {}
            }
            if SystemTime::now() > deadline {
                return Err(io::ErrorKind::TimedOut.into());
            }
        }
    }
}

/// One step from `cur` towards `target` on VFIO's migration arcs, with the P2P states
/// skipped as Linux skips states a device does not support (`vfio_mig_get_next_state`).
pub fn next_state(cur: VfioDeviceMigState, target: VfioDeviceMigState) -> Option<VfioDeviceMigState> {
    use VfioDeviceMigState as S;
    Some(match (cur, target) {
        (S::Stop, S::Running | S::PreCopy) => S::Running,
        (S::Stop, S::StopCopy) => S::StopCopy,
        (S::Stop, S::Resuming) => S::Resuming,
        (S::Running, S::PreCopy) => S::PreCopy,
        (S::Running, S::Stop | S::StopCopy | S::Resuming) => S::Stop,
        (S::PreCopy, S::Running) => S::Running,
        (S::PreCopy, S::StopCopy) => S::StopCopy,
        (S::PreCopy, S::Stop | S::Resuming) => S::Stop,
        (S::StopCopy | S::Resuming, S::Stop | S::Running | S::PreCopy | S::Resuming | S::StopCopy) => S::Stop,
        _ => return None,
    })
}

/// Bytes of a bitmap with one bit per `pgsize` of `size` bytes, in whole `u64`s (VFIO's and
/// libvfio-user's convention); EINVAL for a page size that is not a power of two, a range
/// smaller than a page, or a bitmap above the largest transfer.
pub fn bitmap_size(size: u64, pgsize: u64) -> Result<usize, Errno32> {
    if pgsize == 0 || !pgsize.is_power_of_two() || size < pgsize {
        return Err(libc::EINVAL);
    }
    let bytes = size.div_ceil(pgsize).div_ceil(64) * 8;
    if bytes > MAX_DATA_XFER as u64 {
        return Err(libc::EINVAL);
    }
    Ok(bytes as usize)
}

/// The first `n` bytes of a reply buffer.
fn bytes_of(mem: &mut SimMemory<'_>, n: usize) -> Vec<u8> {
    mem.bytes()[..n].to_vec()
}

/// The capabilities this server announces.
pub fn server_caps() -> String {
    format!(
        "{{\"capabilities\":{{\"max_msg_fds\":{MAX_MSG_FDS},\"max_data_xfer_size\":{MAX_DATA_XFER},\"migration\":{{\"pgsize\":{PAGE_SIZE}}}}}}}"
    )
}

/// What a peer announced in its version message.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PeerCaps {
    /// `max_msg_fds`.
    pub max_msg_fds: Option<u32>,
    /// `max_data_xfer_size`.
    pub max_data_xfer_size: Option<u32>,
    /// `migration.pgsize`.
    pub pgsize: Option<u64>,
}

/// Parses a version message's JSON (with its NUL): `None` when it is not NUL-terminated,
/// not JSON, or a known key has the wrong type, as libvfio-user's `tran_parse_version_json`
/// refuses them. Unknown keys are ignored.
pub fn parse_caps(json: &[u8]) -> Option<PeerCaps> {
    let (last, text) = json.split_last()?;
    if *last != 0 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(text).ok()?;
    let top = v.as_object()?;
    let mut caps = PeerCaps::default();
    let Some(c) = top.get("capabilities") else { return Some(caps) };
    let c = c.as_object()?;
    let int = |v: &serde_json::Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
    if let Some(v) = c.get("max_msg_fds") {
        caps.max_msg_fds = Some(int(v).filter(|&n| n <= 1024)?);
    }
    if let Some(v) = c.get("max_data_xfer_size") {
        caps.max_data_xfer_size = Some(int(v)?);
    }
    if let Some(m) = c.get("migration") {
        if let Some(pg) = m.as_object()?.get("pgsize") {
            caps.pgsize = Some(pg.as_u64()?);
        }
    }
    Some(caps)
}


#[cfg(test)]
mod tests {
    use super::*;
    use VfioDeviceMigState as S;

    #[test]
    fn every_supported_state_reaches_every_other_along_vfio_arcs() {
        let states = [S::Stop, S::Running, S::StopCopy, S::Resuming, S::PreCopy];
        for from in states {
            for to in states {
                let (mut cur, mut path) = (from, vec![]);
                while cur != to {
                    cur = next_state(cur, to).unwrap_or_else(|| panic!("no arc from {cur:?} towards {to:?}"));
                    path.push(cur);
                    assert!(path.len() <= 3, "{from:?} -> {to:?}: {path:?}");
                }
                // No saving state inside a path (VFIO's rule): STOP_COPY and PRE_COPY only
                // at its end.
                for s in &path[..path.len().saturating_sub(1)] {
                    assert!(!matches!(s, S::StopCopy | S::PreCopy | S::Resuming), "{from:?} -> {to:?} passes {s:?}");
                }
            }
        }
        assert_eq!(next_state(S::Error, S::Running), None, "ERROR needs a reset");
    }

    #[test]
    fn capabilities_json_is_parsed_as_libvfio_user_does() {
        let caps = parse_caps(b"{\"capabilities\":{\"max_msg_fds\":8,\"max_data_xfer_size\":1024,\"migration\":{\"pgsize\":4096},\"x\":1}}\0");
        assert_eq!(caps, Some(PeerCaps { max_msg_fds: Some(8), max_data_xfer_size: Some(1024), pgsize: Some(4096) }));
        assert_eq!(parse_caps(b"{}\0"), Some(PeerCaps::default()));
        for bad in [&b"{}"[..], b"\0", b"[]\0", b"{\"capabilities\":1}\0", b"{\"capabilities\":{\"max_msg_fds\":-1}}\0", b"{\"capabilities\":{\"migration\":[]}}\0", b"{\0"] {
            assert_eq!(parse_caps(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
        assert!(parse_caps(server_caps().as_bytes().iter().copied().chain([0]).collect::<Vec<_>>().as_slice()).is_some());
    }

    #[test]
    fn bitmaps_are_whole_u64s() {
        assert_eq!(bitmap_size(4096, 4096), Ok(8));
        assert_eq!(bitmap_size(64 * 4096, 4096), Ok(8));
        assert_eq!(bitmap_size(65 * 4096, 4096), Ok(16));
        assert_eq!(bitmap_size(4095, 4096), Err(libc::EINVAL));
        assert_eq!(bitmap_size(4096, 3000), Err(libc::EINVAL));
        assert_eq!(bitmap_size(u64::MAX, 4096), Err(libc::EINVAL));
    }

    #[test]
    fn a_fault_in_a_message_is_einval() {
        let m = MsgMem(&[1, 2, 3]);
        assert_eq!(get_user::<VfioUserVersion, _>(&m, 0).map_err(errno), Err(libc::EINVAL));
        assert_eq!(errno(Error::UnknownFlags { unknown: 1 }), libc::EINVAL);
        assert_eq!(errno(Error::Unsupported), libc::EOPNOTSUPP);
    }
}
