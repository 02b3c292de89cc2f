//! The client: a VMM's side of vfio-user, built on uabi's user-side helpers.
//!
//! Requests are made from the ABI's types with `argsz` set by construction (`Default`), INFO
//! requests go through uabi's two-call negotiation (`uabi::fd::query_info_with_caps_from_using`,
//! with the socket in the place of the ioctl), and capability chains are walked with
//! `CapChain`, which bounds every offset by the reply. While it waits for a reply, the client
//! serves the server's own commands (`VFIO_USER_DMA_READ`/`WRITE` into guest memory that was
//! mapped without a descriptor, or that the server chose to reach by messages).

use std::io;
use std::mem::size_of;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use uabi::fd::{query_info_with_caps_from_using, InfoBuf, InfoError};
use uabi::zerocopy::{FromBytes, IntoBytes};
use uabi::FlexArray;
use uabi_linux::vfio::*;

use crate::device::SharedMem;
use crate::server::{parse_caps, PeerCaps};
use crate::transport::{self, command_header, Message, RecvError};
use crate::vfio_user::*;

/// Why a request failed.
#[derive(Debug)]
pub enum ClientError {
    /// The socket failed or closed.
    Io(io::Error),
    /// The server answered with an error reply.
    Remote {
        /// The command.
        cmd: VfioUserCommand,
        /// Its errno.
        errno: i32,
    },
    /// The server's answer breaks the protocol (a size, a chain, a missing descriptor).
    Protocol(String),
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Io(e) => write!(f, "socket: {e}"),
            ClientError::Remote { cmd, errno } => write!(f, "{cmd:?} failed in the server: {}", io::Error::from_raw_os_error(*errno)),
            ClientError::Protocol(m) => write!(f, "protocol: {m}"),
        }
    }
}

impl std::error::Error for ClientError {}

impl From<io::Error> for ClientError {
    fn from(e: io::Error) -> Self {
        ClientError::Io(e)
    }
}

fn protocol(m: impl Into<String>) -> ClientError {
    ClientError::Protocol(m.into())
}

/// Result of the client's requests.
pub type Result<T> = std::result::Result<T, ClientError>;

/// The client's announced limits.
pub const CLIENT_MAX_FDS: u32 = 8;
/// The largest transfer the client accepts from the server.
pub const CLIENT_MAX_XFER: u32 = VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE;

/// Guest memory the client owns: a memfd, which it can send with `VFIO_USER_DMA_MAP`, at a
/// guest address.
pub struct GuestMemory {
    /// The memory.
    pub mem: SharedMem,
    /// Its guest (DMA) address.
    pub base: u64,
}

/// A connection to a vfio-user server.
pub struct Client {
    sock: UnixStream,
    next_id: u16,
    /// The version the server agreed on.
    pub version: (u16, u16),
    /// What the server announced.
    pub server_caps: PeerCaps,
    /// Guest memory served to the server's DMA commands.
    pub guest: Option<GuestMemory>,
    /// Server DMA commands served so far.
    pub dma_served: u64,
}

impl Client {
    /// Connects and negotiates the version.
    pub fn connect(path: &Path) -> Result<Client> {
        let sock = UnixStream::connect(path)?;
        Self::from_stream(sock)
    }

    /// Negotiates on a connected socket.
    pub fn from_stream(sock: UnixStream) -> Result<Client> {
        sock.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut c = Client { sock, next_id: 1, version: (0, 0), server_caps: PeerCaps::default(), guest: None, dma_served: 0 };
        c.negotiate()?;
        Ok(c)
    }

    /// The socket.
    pub fn socket(&self) -> &UnixStream {
        &self.sock
    }

    fn negotiate(&mut self) -> Result<()> {
        let caps = format!(
            "{{\"capabilities\":{{\"max_msg_fds\":{CLIENT_MAX_FDS},\"max_data_xfer_size\":{CLIENT_MAX_XFER},\"migration\":{{\"pgsize\":4096}}}}}}"
        );
        let v = VfioUserVersion { major: 0, minor: 2, data: [] };
        let mut json = caps.into_bytes();
        json.push(0);
        let reply = self.request(VfioUserCommand::Version, &[v.as_bytes(), &json], &[])?;
        let (sv, rest) = VfioUserVersion::read_from_prefix(&reply.payload).map_err(|_| protocol("version reply too short"))?;
        if sv.major != 0 || sv.minor > 2 {
            return Err(protocol(format!("server version {}.{}", { sv.major }, { sv.minor })));
        }
        self.version = (sv.major, sv.minor);
        if !rest.is_empty() {
            self.server_caps = parse_caps(rest).ok_or_else(|| protocol("server capabilities are not valid JSON"))?;
        }
        Ok(())
    }

    /// The largest transfer the server accepts.
    pub fn max_xfer(&self) -> usize {
        self.server_caps.max_data_xfer_size.unwrap_or(VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE).max(1) as usize
    }

    /// Sends a command and waits for its reply, serving the server's commands meanwhile.
    pub fn request(&mut self, cmd: VfioUserCommand, parts: &[&[u8]], fds: &[RawFd]) -> Result<Message> {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        transport::send(&self.sock, command_header(id, cmd), parts, fds)?;
        loop {
            let m = self.recv()?;
            if m.kind() == VFIO_USER_F_TYPE_COMMAND {
                self.serve(m)?;
                continue;
            }
            if m.header.msg_id != id || m.header.cmd != u32::from(cmd) as u16 {
                return Err(protocol(format!("reply {}/{} to command {id}/{cmd:?}", { m.header.msg_id }, { m.header.cmd })));
            }
            if m.header.flags & VFIO_USER_F_ERROR != 0 {
                return Err(ClientError::Remote { cmd, errno: m.header.error_no as i32 });
            }
            return Ok(m);
        }
    }

    fn recv(&mut self) -> Result<Message> {
        transport::recv(&self.sock, CLIENT_MAX_XFER as usize + 4096).map_err(|e| match e {
            RecvError::Io(e) => ClientError::Io(e),
            other => protocol(other.to_string()),
        })
    }

    /// Serves the server's commands that arrive within `wait`, then returns how many.
    pub fn serve_pending(&mut self, wait: Duration) -> Result<u64> {
        let before = self.dma_served;
        loop {
            let mut pfd = libc::pollfd { fd: self.sock.as_raw_fd(), events: libc::POLLIN, revents: 0 };
            // SAFETY: one pollfd.
            let n = unsafe { libc::poll(&mut pfd, 1, wait.as_millis() as i32) };
            if n <= 0 {
                return Ok(self.dma_served - before);
            }
            let m = self.recv()?;
            if m.kind() != VFIO_USER_F_TYPE_COMMAND {
                return Err(protocol("a reply came when none was awaited"));
            }
            self.serve(m)?;
        }
    }

    /// Serves one command of the server: DMA reads and writes into guest memory.
    fn serve(&mut self, m: Message) -> Result<()> {
        let fixed = VfioUserDmaRegionAccess::FLEX_OFFSET;
        let cmd = VfioUserCommand::try_from(m.header.cmd as u32).ok();
        let mut reply = transport::reply_header(&m.header);
        let access = VfioUserDmaRegionAccess::read_from_prefix(&m.payload).ok().map(|(a, _)| a);
        let range = access.and_then(|a| {
            let g = self.guest.as_ref()?;
            let off = a.addr.checked_sub(g.base)? as usize;
            let end = off.checked_add(usize::try_from(a.count).ok()?)?;
            (end <= g.mem.bytes().len()).then_some(off..end)
        });
        let body = match (cmd, access, range) {
            (Some(VfioUserCommand::DmaWrite), Some(a), Some(r)) if m.payload.len() - fixed == a.count as usize => {
                self.guest.as_mut().expect("range checked").mem.bytes_mut()[r].copy_from_slice(&m.payload[fixed..]);
                Some(a.as_bytes().to_vec())
            }
            (Some(VfioUserCommand::DmaRead), Some(a), Some(r)) => {
                let mut out = a.as_bytes().to_vec();
                out.extend_from_slice(&self.guest.as_ref().expect("range checked").mem.bytes()[r]);
                Some(out)
            }
            _ => None,
        };
        match body {
            Some(b) => {
                self.dma_served += 1;
                transport::send(&self.sock, reply, &[&b], &[])?;
            }
            None => {
                reply.flags |= VFIO_USER_F_ERROR;
                reply.error_no = libc::EINVAL as u32;
                transport::send(&self.sock, reply, &[], &[])?;
            }
        }
        Ok(())
    }

    /// `VFIO_USER_DEVICE_GET_INFO`.
    pub fn device_info(&mut self) -> Result<VfioUserDeviceInfo> {
        let req = VfioUserDeviceInfo { argsz: size_of::<VfioUserDeviceInfo>() as u32, ..Default::default() };
        let r = self.request(VfioUserCommand::DeviceGetInfo, &[req.as_bytes()], &[])?;
        VfioUserDeviceInfo::read_from_bytes(&r.payload).map_err(|_| protocol(format!("device info of {} bytes", r.payload.len())))
    }

    /// `VFIO_USER_DEVICE_GET_REGION_INFO` with VFIO's two-call negotiation: the region's info,
    /// its capability chain, and the descriptor that came with it.
    pub fn region_info(&mut self, index: u32) -> Result<(InfoBuf<VfioRegionInfo>, Option<OwnedFd>)> {
        let init = VfioRegionInfo { index, ..Default::default() };
        let mut fd = None;
        let mut failure = None;
        let info = query_info_with_caps_from_using(&init, |buf: &mut [u8]| {
            // The request carries the struct alone, `argsz` saying how much the reply may
            // hold (rust-vmm's server reads exactly the struct, whatever `msg_size` says).
            let fixed = &buf[..size_of::<VfioRegionInfo>()];
            match self.request(VfioUserCommand::DeviceGetRegionInfo, &[fixed], &[]) {
                Ok(mut m) => {
                    // The reply may be shorter than the buffer (argsz larger than needed), never
                    // longer.
                    if m.payload.len() > buf.len() || m.payload.len() < size_of::<VfioRegionInfo>() {
                        failure = Some(protocol(format!("region info reply of {} bytes for argsz {}", m.payload.len(), buf.len())));
                        return Err(io::ErrorKind::InvalidData.into());
                    }
                    buf[..m.payload.len()].copy_from_slice(&m.payload);
                    fd = m.fds.pop();
                    Ok(0)
                }
                Err(e) => {
                    failure = Some(e);
                    Err(io::ErrorKind::Other.into())
                }
            }
        });
        match info {
            Ok(info) => Ok((info, fd)),
            Err(InfoError::Call(_)) => Err(failure.unwrap_or_else(|| protocol("region info failed"))),
            Err(e) => Err(protocol(e.to_string())),
        }
    }

    /// The mmap-able areas of a region, from its sparse-mmap capability (walked with
    /// `CapChain`, every offset bounded by the reply).
    pub fn sparse_areas(info: &InfoBuf<VfioRegionInfo>) -> Result<Vec<VfioRegionSparseMmapArea>> {
        let mut areas = vec![];
        for cap in info.caps() {
            let cap = cap.map_err(|e| protocol(format!("capability chain: {e}")))?;
            if let Some(s) = cap.read_flex::<VfioRegionInfoCapSparseMmap>().map_err(|e| protocol(format!("sparse mmap: {e}")))? {
                areas.extend(s.iter());
            }
        }
        Ok(areas)
    }

    /// `VFIO_USER_DEVICE_GET_IRQ_INFO`.
    pub fn irq_info(&mut self, index: u32) -> Result<VfioIrqInfo> {
        let req = VfioIrqInfo { argsz: size_of::<VfioIrqInfo>() as u32, index, ..Default::default() };
        let r = self.request(VfioUserCommand::DeviceGetIrqInfo, &[req.as_bytes()], &[])?;
        VfioIrqInfo::read_from_bytes(&r.payload).map_err(|_| protocol(format!("irq info of {} bytes", r.payload.len())))
    }

    /// `VFIO_USER_DEVICE_SET_IRQS` binding `fds` as the triggers of interrupts `start..` of
    /// `index` (the descriptors travel as `SCM_RIGHTS`; `argsz` covers the struct only).
    pub fn set_irq_eventfds(&mut self, index: u32, start: u32, fds: &[RawFd]) -> Result<()> {
        let s = VfioIrqSet {
            argsz: VfioIrqSet::FLEX_OFFSET as u32,
            flags: VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
            index,
            start,
            count: fds.len() as u32,
            data: [],
        };
        self.request(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], fds).map(drop)
    }

    /// `VFIO_USER_DEVICE_SET_IRQS` without descriptors: `DATA_NONE`, or `DATA_BOOL` with
    /// `bools` (one per interrupt, counted in `argsz` as in VFIO).
    pub fn set_irqs(&mut self, index: u32, action: u32, start: u32, count: u32, bools: Option<&[u8]>) -> Result<()> {
        let data = if bools.is_some() { VFIO_IRQ_SET_DATA_BOOL } else { VFIO_IRQ_SET_DATA_NONE };
        let tail = bools.unwrap_or(&[]);
        let s = VfioIrqSet { argsz: (VfioIrqSet::FLEX_OFFSET + tail.len()) as u32, flags: data | action, index, start, count, data: [] };
        self.request(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes(), tail], &[]).map(drop)
    }

    /// `VFIO_USER_DMA_MAP`.
    pub fn dma_map(&mut self, addr: u64, size: u64, offset: u64, flags: u32, fd: Option<RawFd>) -> Result<()> {
        let m = VfioUserDmaMap { argsz: size_of::<VfioUserDmaMap>() as u32, flags, offset, addr, size };
        let fds: Vec<RawFd> = fd.into_iter().collect();
        self.request(VfioUserCommand::DmaMap, &[m.as_bytes()], &fds).map(drop)
    }

    /// `VFIO_USER_DMA_UNMAP` (flags 0 or `VFIO_DMA_UNMAP_FLAG_ALL`).
    pub fn dma_unmap(&mut self, addr: u64, size: u64, flags: u32) -> Result<()> {
        let u = VfioUserDmaUnmap { argsz: VfioUserDmaUnmap::FLEX_OFFSET as u32, flags, addr, size, bitmap: [] };
        let r = self.request(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[])?;
        if r.payload.len() < VfioUserDmaUnmap::FLEX_OFFSET {
            return Err(protocol("short unmap reply"));
        }
        Ok(())
    }

    /// `VFIO_USER_DMA_UNMAP` with `GET_DIRTY_BITMAP`: the range's dirty bits.
    pub fn dma_unmap_dirty(&mut self, addr: u64, size: u64, pgsize: u64) -> Result<Vec<u8>> {
        let bits = size.div_ceil(pgsize).div_ceil(64) * 8;
        let fixed = VfioUserDmaUnmap::FLEX_OFFSET + VfioUserBitmap::FLEX_OFFSET;
        let u = VfioUserDmaUnmap {
            argsz: (fixed as u64 + bits) as u32,
            flags: VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP,
            addr,
            size,
            bitmap: [],
        };
        let b = VfioUserBitmap { pgsize, size: bits, data: [] };
        let r = self.request(VfioUserCommand::DmaUnmap, &[u.as_bytes(), b.as_bytes()], &[])?;
        if r.payload.len() != fixed + bits as usize {
            return Err(protocol(format!("unmap reply of {} bytes, {} expected", r.payload.len(), fixed as u64 + bits)));
        }
        Ok(r.payload[fixed..].to_vec())
    }

    /// `VFIO_USER_REGION_READ`, in transfers the server accepts.
    pub fn region_read(&mut self, region: u32, offset: u64, len: usize) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(len);
        let max = self.max_xfer();
        while out.len() < len {
            let n = (len - out.len()).min(max);
            let ra = VfioUserRegionAccess { offset: offset + out.len() as u64, region, count: n as u32, data: [] };
            let r = self.request(VfioUserCommand::RegionRead, &[ra.as_bytes()], &[])?;
            let fixed = VfioUserRegionAccess::FLEX_OFFSET;
            let (back, _) = VfioUserRegionAccess::read_from_prefix(&r.payload).map_err(|_| protocol("short region read reply"))?;
            if back.count as usize != n || r.payload.len() != fixed + n {
                return Err(protocol(format!("region read of {n} bytes answered with {}", { back.count })));
            }
            out.extend_from_slice(&r.payload[fixed..]);
        }
        Ok(out)
    }

    /// `VFIO_USER_REGION_WRITE`, in transfers the server accepts.
    pub fn region_write(&mut self, region: u32, offset: u64, data: &[u8]) -> Result<()> {
        let max = self.max_xfer();
        for (k, chunk) in data.chunks(max).enumerate() {
            let ra = VfioUserRegionAccess { offset: offset + (k * max) as u64, region, count: chunk.len() as u32, data: [] };
            let r = self.request(VfioUserCommand::RegionWrite, &[ra.as_bytes(), chunk], &[])?;
            let (back, _) = VfioUserRegionAccess::read_from_prefix(&r.payload).map_err(|_| protocol("short region write reply"))?;
            if back.count as usize != chunk.len() {
                return Err(protocol("region write count differs"));
            }
        }
        Ok(())
    }

    /// `VFIO_USER_DEVICE_RESET`.
    pub fn reset(&mut self) -> Result<()> {
        self.request(VfioUserCommand::DeviceReset, &[], &[]).map(drop)
    }

    /// `VFIO_USER_DEVICE_FEATURE` of `flags` with `payload`; the reply's payload after the
    /// feature header (`reply_room` bytes of it announced in `argsz`).
    pub fn feature(&mut self, flags: u32, payload: &[u8], reply_room: usize) -> Result<Vec<u8>> {
        let hdr = VfioUserDeviceFeature::FLEX_OFFSET;
        let f = VfioUserDeviceFeature { argsz: (hdr + payload.len().max(reply_room)) as u32, flags, data: [] };
        let r = self.request(VfioUserCommand::DeviceFeature, &[f.as_bytes(), payload], &[])?;
        if r.payload.len() < hdr {
            return Err(protocol("short feature reply"));
        }
        Ok(r.payload[hdr..].to_vec())
    }

    /// `VFIO_DEVICE_FEATURE_MIGRATION`: the migration flags, or `None` if unsupported.
    pub fn migration_flags(&mut self) -> Result<Option<u64>> {
        match self.feature(VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_MIGRATION, &[], 8) {
            Ok(p) => VfioDeviceFeatureMigration::read_from_prefix(&p).map(|(m, _)| Some(m.flags)).map_err(|_| protocol("short migration feature")),
            Err(ClientError::Remote { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The device's migration state.
    pub fn mig_state(&mut self) -> Result<VfioDeviceMigState> {
        let p = self.feature(VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, &[], 8)?;
        let (s, _) = VfioDeviceFeatureMigState::read_from_prefix(&p).map_err(|_| protocol("short state"))?;
        VfioDeviceMigState::try_from(s.device_state).map_err(|_| protocol("unknown state"))
    }

    /// Moves the device to migration state `state`.
    pub fn set_mig_state(&mut self, state: VfioDeviceMigState) -> Result<()> {
        let s = VfioDeviceFeatureMigState { device_state: u32::from(state), data_fd: -1 };
        let back = self.feature(VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, s.as_bytes(), 0)?;
        if back != s.as_bytes() {
            return Err(protocol("the state change was not echoed"));
        }
        Ok(())
    }

    /// Starts dirty page logging of all guest memory.
    pub fn dma_logging_start(&mut self, page_size: u64) -> Result<()> {
        let c = VfioUserDeviceFeatureDmaLoggingControl { page_size, num_ranges: 0, reserved: 0, ranges: [] };
        self.feature(VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_DMA_LOGGING_START, c.as_bytes(), 0).map(drop)
    }

    /// Stops dirty page logging.
    pub fn dma_logging_stop(&mut self) -> Result<()> {
        let c = VfioUserDeviceFeatureDmaLoggingControl { page_size: 4096, num_ranges: 0, reserved: 0, ranges: [] };
        self.feature(VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP, c.as_bytes(), 0).map(drop)
    }

    /// The dirty bits of a range, read and cleared.
    pub fn dma_logging_report(&mut self, iova: u64, length: u64, page_size: u64) -> Result<Vec<u8>> {
        let bits = (length.div_ceil(page_size).div_ceil(64) * 8) as usize;
        let rep = VfioUserDeviceFeatureDmaLoggingReport { iova, length, page_size, bitmap: [] };
        let fixed = VfioUserDeviceFeatureDmaLoggingReport::FLEX_OFFSET;
        let p = self.feature(VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT, rep.as_bytes(), fixed + bits)?;
        if p.len() != fixed + bits {
            return Err(protocol(format!("dirty report of {} bytes", p.len())));
        }
        Ok(p[fixed..].to_vec())
    }

    /// `VFIO_USER_MIG_DATA_READ` of at most `max` bytes (0 at the end of the stream).
    pub fn mig_data_read(&mut self, max: usize) -> Result<Vec<u8>> {
        let fixed = VfioUserMigData::FLEX_OFFSET;
        let req = VfioUserMigData { argsz: (fixed + max) as u32, size: max as u32, data: [] };
        let r = self.request(VfioUserCommand::MigDataRead, &[req.as_bytes()], &[])?;
        let (back, rest) = VfioUserMigData::read_from_prefix(&r.payload).map_err(|_| protocol("short migration data"))?;
        let n = back.size as usize;
        if n > max || n > rest.len() {
            return Err(protocol("migration data larger than asked"));
        }
        Ok(rest[..n].to_vec())
    }

    /// `VFIO_USER_MIG_DATA_WRITE`.
    pub fn mig_data_write(&mut self, data: &[u8]) -> Result<()> {
        let fixed = VfioUserMigData::FLEX_OFFSET;
        let req = VfioUserMigData { argsz: (fixed + data.len()) as u32, size: data.len() as u32, data: [] };
        self.request(VfioUserCommand::MigDataWrite, &[req.as_bytes(), data], &[]).map(drop)
    }
}

/// An eventfd the client binds to an interrupt.
pub struct EventFd(pub OwnedFd);

impl EventFd {
    /// A new non-blocking eventfd.
    pub fn new() -> io::Result<EventFd> {
        // SAFETY: a plain system call.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a new descriptor we own.
        Ok(EventFd(unsafe { std::os::fd::FromRawFd::from_raw_fd(fd) }))
    }

    /// The raw descriptor, to send.
    pub fn raw(&self) -> RawFd {
        self.0.as_raw_fd()
    }

    /// Waits up to `timeout` for a signal; returns the count read (0: none came).
    pub fn wait(&self, timeout: Duration) -> io::Result<u64> {
        let mut pfd = libc::pollfd { fd: self.raw(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, timeout.as_millis() as i32) };
        if n <= 0 {
            return Ok(0);
        }
        self.take()
    }

    /// Reads the count without waiting (0: not signalled).
    pub fn take(&self) -> io::Result<u64> {
        let mut v = 0u64;
        // SAFETY: an 8-byte read from an eventfd.
        let n = unsafe { libc::read(self.raw(), (&mut v as *mut u64).cast(), 8) };
        if n == 8 {
            Ok(v)
        } else {
            Ok(0)
        }
    }
}
