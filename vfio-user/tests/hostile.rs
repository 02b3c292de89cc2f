//! Hostile peers. A client that sends malformed messages gets a vfio-user error reply with
//! the errno libvfio-user gives (EINVAL for a malformed message or field, EOPNOTSUPP for a
//! known but unsupported action, ENOENT for an unknown DMA range, EEXIST for an overlapping
//! one), and the server keeps serving: the same connection answers the next good request,
//! and a new connection lives a whole device life. A server that sends malformed replies
//! (capability chains that loop or point outside the reply, replies larger than asked) gets
//! typed errors from the client, never a hang or a panic.

mod common;

use std::io::Write;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Child, Command};

use uabi::zerocopy::IntoBytes;
use uabi::FlexArray;
use uabi_linux::vfio::*;
use uabi_vfio_user::client::{Client, ClientError, EventFd};
use uabi_vfio_user::transport::{self, Message};
use uabi_vfio_user::vfio_user::*;

const EINVAL: i32 = libc::EINVAL;

struct Raw {
    s: UnixStream,
    id: u16,
}

impl Raw {
    fn connect(path: &Path) -> Raw {
        let s = UnixStream::connect(path).expect("connect");
        s.set_read_timeout(Some(std::time::Duration::from_secs(10))).expect("timeout");
        Raw { s, id: 100 }
    }

    /// A command with a well-formed header (`msg_size` right) and `flags`.
    fn send(&mut self, cmd: u16, flags: u32, parts: &[&[u8]], fds: &[RawFd]) -> u16 {
        self.id += 1;
        let h = VfioUserHeader { msg_id: self.id, cmd, msg_size: 0, flags, error_no: 0 };
        transport::send(&self.s, h, parts, fds).expect("send");
        self.id
    }

    fn recv(&mut self) -> Message {
        transport::recv(&self.s, 1 << 21).expect("a reply")
    }

    /// Sends a command and returns its reply's errno (0: success).
    fn errno(&mut self, cmd: VfioUserCommand, parts: &[&[u8]], fds: &[RawFd]) -> i32 {
        let id = self.send(u32::from(cmd) as u16, VFIO_USER_F_TYPE_COMMAND, parts, fds);
        self.reply_errno(id)
    }

    fn reply_errno(&mut self, id: u16) -> i32 {
        let r = self.recv();
        assert_eq!({ r.header.msg_id }, id, "the reply answers the command");
        assert_eq!(r.header.flags & VFIO_USER_F_TYPE_MASK, VFIO_USER_F_TYPE_REPLY);
        if r.header.flags & VFIO_USER_F_ERROR != 0 {
            assert!(r.payload.is_empty(), "an error reply has no payload");
            r.header.error_no as i32
        } else {
            0
        }
    }

    fn version(&mut self) {
        let v = VfioUserVersion { major: 0, minor: 2, data: [] };
        assert_eq!(self.errno(VfioUserCommand::Version, &[v.as_bytes(), b"{}\0"], &[]), 0);
    }

    /// A good request still works.
    fn still_serving(&mut self) {
        let info = VfioUserDeviceInfo { argsz: 16, ..Default::default() };
        assert_eq!(self.errno(VfioUserCommand::DeviceGetInfo, &[info.as_bytes()], &[]), 0, "the server stopped serving");
    }
}

fn server(name: &str) -> (Child, std::path::PathBuf) {
    let dir = common::scratch(name);
    let sock = dir.join("s");
    let child = common::our_server(&sock, &["--persist"]);
    (child, sock)
}

/// After the abuse, a new connection lives a whole device life.
fn whole_life_still_works(sock: &Path, mut child: Child) {
    let out = Command::new(env!("CARGO_BIN_EXE_uabi-vfio-user-client")).arg(sock).output().expect("client");
    let _ = child.kill();
    let _ = child.wait();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn fds_open() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

#[test]
fn malformed_headers_get_error_replies() {
    let (child, sock) = server("headers");
    let mut r = Raw::connect(&sock);
    // Before the version: refused.
    let info = VfioUserDeviceInfo { argsz: 16, ..Default::default() };
    assert_eq!(r.errno(VfioUserCommand::DeviceGetInfo, &[info.as_bytes()], &[]), EINVAL);
    // Versions that are not 0.x, JSON without its NUL, not an object, a key of the wrong type.
    let v = VfioUserVersion { major: 1, minor: 0, data: [] };
    assert_eq!(r.errno(VfioUserCommand::Version, &[v.as_bytes()], &[]), EINVAL);
    let v = VfioUserVersion { major: 0, minor: 1, data: [] };
    assert_eq!(r.errno(VfioUserCommand::Version, &[v.as_bytes(), b"{}"], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::Version, &[v.as_bytes(), b"[1]\0"], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::Version, &[v.as_bytes(), b"{\"capabilities\":{\"max_msg_fds\":\"8\"}}\0"], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::Version, &[v.as_bytes(), b"{\"capabilities\":{\"migration\":{\"pgsize\":512}}}\0"], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::Version, &[&[0u8; 2]], &[]), EINVAL, "shorter than vfio_user_version");
    r.version();

    // msg_size below the header: answered, and the stream read on.
    r.s.write_all(VfioUserHeader { msg_id: 7, cmd: 4, msg_size: 8, flags: 0, error_no: 0 }.as_bytes()).expect("write");
    assert_eq!(r.reply_errno(7), EINVAL);
    // msg_size above the largest message.
    r.s.write_all(VfioUserHeader { msg_id: 8, cmd: 9, msg_size: 0xffff_fff0, flags: 0, error_no: 0 }.as_bytes()).expect("write");
    assert_eq!(r.reply_errno(8), EINVAL);
    r.still_serving();

    // Unknown command, unknown header flags, a reply or an error sent to the server.
    for (cmd, flags) in [(99u16, 0u32), (0, 0), (19, 0), (4, 0x100), (4, VFIO_USER_F_TYPE_REPLY), (4, VFIO_USER_F_ERROR), (4, 0x7)] {
        let id = r.send(cmd, flags, &[info.as_bytes()], &[]);
        assert_eq!(r.reply_errno(id), EINVAL, "cmd {cmd} flags {flags:#x}");
    }
    // Commands that only a server sends.
    let dma = VfioUserDmaRegionAccess { addr: 0, count: 0, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaRead, &[dma.as_bytes()], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::DmaWrite, &[dma.as_bytes()], &[]), EINVAL);
    // A failing command with NO_REPLY gets no reply: the next reply is the next command's.
    r.send(99, VFIO_USER_F_NO_REPLY, &[], &[]);
    r.still_serving();
    drop(r);
    whole_life_still_works(&sock, child);
}

#[test]
fn argsz_below_the_minimum_and_short_payloads() {
    let (child, sock) = server("argsz");
    let mut r = Raw::connect(&sock);
    r.version();
    let mut info = VfioUserDeviceInfo { argsz: 15, ..Default::default() };
    assert_eq!(r.errno(VfioUserCommand::DeviceGetInfo, &[info.as_bytes()], &[]), EINVAL);
    info.argsz = 16;
    assert_eq!(r.errno(VfioUserCommand::DeviceGetInfo, &[&info.as_bytes()[..8]], &[]), EINVAL, "payload shorter than the struct");
    let ri = VfioRegionInfo { argsz: 31, index: 1, ..Default::default() };
    assert_eq!(r.errno(VfioUserCommand::DeviceGetRegionInfo, &[ri.as_bytes()], &[]), EINVAL);
    let ii = VfioIrqInfo { argsz: 15, ..Default::default() };
    assert_eq!(r.errno(VfioUserCommand::DeviceGetIrqInfo, &[ii.as_bytes()], &[]), EINVAL);
    let m = VfioUserDmaMap { argsz: 31, flags: VFIO_USER_F_DMA_REGION_READ, offset: 0, addr: 0, size: 4096 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[]), EINVAL);
    let s = VfioIrqSet { argsz: 19, flags: VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index: 0, start: 0, count: 1, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], &[]), EINVAL);
    let f = VfioUserDeviceFeature { argsz: 7, flags: VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_MIGRATION, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceFeature, &[f.as_bytes()], &[]), EINVAL);
    // The migration feature's payload does not fit an argsz of the header alone.
    let f = VfioUserDeviceFeature { argsz: 8, flags: VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_MIGRATION, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceFeature, &[f.as_bytes()], &[]), EINVAL);
    let u = VfioUserDmaUnmap { argsz: 23, flags: 0, addr: 0, size: 4096, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::RegionRead, &[&[0u8; 12]], &[]), EINVAL, "shorter than vfio_user_region_access");
    assert_eq!(r.errno(VfioUserCommand::MigDataRead, &[&[0u8; 4]], &[]), EINVAL);
    // A region info with argsz the struct's size but a chain to come: the struct alone,
    // argsz raised to what the chain needs (VFIO's negotiation), not an error.
    let ri = VfioRegionInfo { argsz: 32, index: 1, ..Default::default() };
    let id = r.send(u32::from(VfioUserCommand::DeviceGetRegionInfo) as u16, 0, &[ri.as_bytes()], &[]);
    let rep = r.recv();
    assert_eq!((rep.header.msg_id, rep.payload.len(), rep.fds.len()), (id, 32, 0));
    assert_eq!(u32::from_ne_bytes(rep.payload[..4].try_into().unwrap()), 80);
    // Without the caps flag: QEMU's client refuses a caps flag whose cap_offset (0 here) is
    // not inside the reply, and libvfio-user leaves it clear too.
    assert_eq!(u32::from_ne_bytes(rep.payload[4..8].try_into().unwrap()) & VFIO_REGION_INFO_FLAG_CAPS, 0);
    r.still_serving();
    drop(r);
    whole_life_still_works(&sock, child);
}

#[test]
fn sizes_that_lie() {
    let (child, sock) = server("lies");
    let mut r = Raw::connect(&sock);
    r.version();
    // A region write whose count is not the data's length, reads past the region's end and
    // around the address space.
    let ra = VfioUserRegionAccess { offset: 0, region: 1, count: 64, data: [] };
    assert_eq!(r.errno(VfioUserCommand::RegionWrite, &[ra.as_bytes(), &[0; 32]], &[]), EINVAL);
    let ra = VfioUserRegionAccess { offset: 0x2ff0, region: 1, count: 32, data: [] };
    assert_eq!(r.errno(VfioUserCommand::RegionRead, &[ra.as_bytes()], &[]), EINVAL);
    let ra = VfioUserRegionAccess { offset: u64::MAX - 4, region: 1, count: 16, data: [] };
    assert_eq!(r.errno(VfioUserCommand::RegionRead, &[ra.as_bytes()], &[]), EINVAL);
    let ra = VfioUserRegionAccess { offset: 0, region: 1, count: 2 << 20, data: [] };
    assert_eq!(r.errno(VfioUserCommand::RegionRead, &[ra.as_bytes()], &[]), EINVAL, "above max_data_xfer_size");
    let ra = VfioUserRegionAccess { offset: 0, region: 9, count: 4, data: [] };
    assert_eq!(r.errno(VfioUserCommand::RegionRead, &[ra.as_bytes()], &[]), EINVAL, "no region 9");
    // DATA_BOOL whose booleans are not in the message.
    let s = VfioIrqSet { argsz: 24, flags: VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_TRIGGER, index: 2, start: 0, count: 4, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], &[]), EINVAL);
    // Interrupts past the index's count; count overflowing.
    let s = VfioIrqSet { argsz: 20, flags: VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index: 2, start: 3, count: 2, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], &[]), EINVAL);
    let s = VfioIrqSet { argsz: 20, flags: VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index: 2, start: u32::MAX, count: 2, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], &[]), EINVAL);
    // Unmap with GET_DIRTY_BITMAP and no bitmap, or too small a one.
    let u = VfioUserDmaUnmap { argsz: 48, flags: VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP, addr: 0, size: 4096, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), EINVAL);
    let b = VfioUserBitmap { pgsize: 4096, size: 0, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes(), b.as_bytes()], &[]), EINVAL);
    // Found by the fuzz target: a bitmap size near u64::MAX overflowed the reply's size; one
    // within argsz but above a transfer would have allocated gigabytes.
    for size in [u64::MAX - 8, 0xffff_0000] {
        let ub = VfioUserDmaUnmap { argsz: u32::MAX, ..u };
        let b = VfioUserBitmap { pgsize: 4096, size, data: [] };
        assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[ub.as_bytes(), b.as_bytes()], &[]), EINVAL, "bitmap size {size:#x}");
    }
    // DMA logging with more ranges than the message holds.
    let f = VfioUserDeviceFeature { argsz: 24, flags: VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_DMA_LOGGING_START, data: [] };
    let c = VfioUserDeviceFeatureDmaLoggingControl { page_size: 4096, num_ranges: 1000, reserved: 0, ranges: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceFeature, &[f.as_bytes(), c.as_bytes()], &[]), EINVAL);
    // Migration data asked for outside the saving states, or larger than its argsz.
    let md = VfioUserMigData { argsz: 8 + 64, size: 64, data: [] };
    assert_eq!(r.errno(VfioUserCommand::MigDataRead, &[md.as_bytes()], &[]), EINVAL);
    assert_eq!(r.errno(VfioUserCommand::MigDataWrite, &[md.as_bytes(), &[0; 64]], &[]), EINVAL);
    // A DMA range that wraps, is empty, overlaps, or was never mapped.
    let m = VfioUserDmaMap { argsz: 32, flags: 3, offset: 0, addr: u64::MAX - 10, size: 4096 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[]), EINVAL);
    let m = VfioUserDmaMap { argsz: 32, flags: 3, offset: 0, addr: 0, size: 0 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[]), EINVAL);
    let m = VfioUserDmaMap { argsz: 32, flags: 3, offset: 0, addr: 0x10000, size: 0x2000 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[]), 0);
    let m = VfioUserDmaMap { argsz: 32, flags: 3, offset: 0, addr: 0x11000, size: 0x2000 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[]), libc::EEXIST);
    let u = VfioUserDmaUnmap { argsz: 24, flags: 0, addr: 0x20000, size: 0x1000, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), libc::ENOENT);
    r.still_serving();
    drop(r);
    whole_life_still_works(&sock, child);
}

#[test]
fn missing_and_extra_descriptors_and_unknown_flags() {
    let (child, sock) = server("fds");
    let before = fds_open();
    let mut r = Raw::connect(&sock);
    r.version();
    let (a, b) = (EventFd::new().unwrap(), EventFd::new().unwrap());
    let s = VfioIrqSet { argsz: 20, flags: VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, index: 2, start: 0, count: 2, data: [] };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s.as_bytes()], &[a.raw()]), EINVAL, "one descriptor short");
    let s1 = VfioIrqSet { count: 1, ..s };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s1.as_bytes()], &[a.raw(), b.raw()]), EINVAL, "one descriptor too many");
    let sm = VfioIrqSet { flags: VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_MASK, ..s };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[sm.as_bytes()], &[a.raw(), b.raw()]), libc::EOPNOTSUPP);
    let s2 = VfioIrqSet { flags: VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_TRIGGER, ..s };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s2.as_bytes()], &[a.raw(), b.raw()]), EINVAL, "two data types");
    let s3 = VfioIrqSet { flags: 1 << 9 | VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, ..s };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s3.as_bytes()], &[]), EINVAL, "unknown flag");
    let info = VfioUserDeviceInfo { argsz: 16, ..Default::default() };
    assert_eq!(r.errno(VfioUserCommand::DeviceGetInfo, &[info.as_bytes()], &[a.raw()]), EINVAL, "a descriptor nobody asked for");
    let m = VfioUserDmaMap { argsz: 32, flags: 3, offset: 0, addr: 0, size: 4096 };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[m.as_bytes()], &[a.raw(), b.raw()]), EINVAL, "two descriptors");
    let mm = VfioUserDmaMap { flags: 3 | VFIO_USER_F_DMA_REGION_MMAP, ..m };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[mm.as_bytes()], &[]), EINVAL, "MMAP without a descriptor");
    // A descriptor that cannot be mapped: mmap(2)'s errno, as libvfio-user answers.
    let me = VfioUserDmaMap { flags: 3 | VFIO_USER_F_DMA_REGION_MMAP, ..m };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[me.as_bytes()], &[a.raw()]), libc::ENODEV, "an eventfd as guest memory");
    let mu = VfioUserDmaMap { flags: 3 | 1 << 7, ..m };
    assert_eq!(r.errno(VfioUserCommand::DmaMap, &[mu.as_bytes()], &[]), EINVAL, "unknown DMA flag");
    let many: Vec<EventFd> = (0..9).map(|_| EventFd::new().unwrap()).collect();
    let raw: Vec<RawFd> = many.iter().map(EventFd::raw).collect();
    let s9 = VfioIrqSet { count: 9, ..s };
    assert_eq!(r.errno(VfioUserCommand::DeviceSetIrqs, &[s9.as_bytes()], &raw), EINVAL, "above max_msg_fds");
    // Unmap flags VFIO has and vfio-user does not; feature flags and numbers unknown.
    let u = VfioUserDmaUnmap { argsz: 24, flags: VFIO_DMA_UNMAP_FLAG_VADDR, addr: 0, size: 4096, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), EINVAL);
    let u = VfioUserDmaUnmap { argsz: 24, flags: 1 << 5, addr: 0, size: 4096, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), EINVAL);
    let u = VfioUserDmaUnmap { argsz: 24, flags: VFIO_DMA_UNMAP_FLAG_ALL, addr: 4096, size: 0, bitmap: [] };
    assert_eq!(r.errno(VfioUserCommand::DmaUnmap, &[u.as_bytes()], &[]), EINVAL, "ALL with a range");
    for flags in [
        VFIO_DEVICE_FEATURE_GET | 1 << 20 | VFIO_DEVICE_FEATURE_MIGRATION,
        VFIO_DEVICE_FEATURE_GET | 99,
        VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_MIGRATION,
        VFIO_DEVICE_FEATURE_MIGRATION,
    ] {
        let f = VfioUserDeviceFeature { argsz: 16, flags, data: [] };
        assert_eq!(r.errno(VfioUserCommand::DeviceFeature, &[f.as_bytes(), &[0; 8]], &[]), EINVAL, "feature flags {flags:#x}");
    }
    let f = VfioUserDeviceFeature { argsz: 16, flags: VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE, data: [] };
    for state in [42u32, 0, 5, 8] {
        let st = VfioUserDeviceFeatureMigState { device_state: state, data_fd: u32::MAX };
        assert_eq!(r.errno(VfioUserCommand::DeviceFeature, &[f.as_bytes(), st.as_bytes()], &[]), EINVAL, "state {state}");
    }
    r.still_serving();
    drop(r);
    drop((a, b, many));
    // The refused descriptors were closed by the server, not kept: ours are back to where they
    // were (the server is another process; this checks our side returned to the baseline).
    assert!(fds_open() <= before + 1);
    whole_life_still_works(&sock, child);
}

#[test]
fn truncated_messages_end_the_connection_not_the_server() {
    let (child, sock) = server("truncated");
    for bytes in [
        &VfioUserHeader { msg_id: 1, cmd: 1, msg_size: 40, flags: 0, error_no: 0 }.as_bytes()[..8],
        VfioUserHeader { msg_id: 1, cmd: 1, msg_size: 40, flags: 0, error_no: 0 }.as_bytes(),
        &[1, 2, 3][..],
    ] {
        let mut s = UnixStream::connect(&sock).expect("connect");
        s.write_all(bytes).expect("write");
        drop(s);
    }
    let mut r = Raw::connect(&sock);
    r.version();
    r.still_serving();
    drop(r);
    whole_life_still_works(&sock, child);
}

/// A hostile server: answers the version, then every region info request with `reply`.
fn fake_server(name: &str, reply: Vec<u8>, honour_argsz: bool) -> std::path::PathBuf {
    let dir = common::scratch(name);
    let sock = dir.join("s");
    let l = UnixListener::bind(&sock).expect("bind");
    std::thread::spawn(move || {
        let (s, _) = l.accept().expect("accept");
        loop {
            let Ok(m) = transport::recv(&s, 1 << 20) else { return };
            let payload = if m.header.cmd == u32::from(VfioUserCommand::Version) as u16 {
                VfioUserVersion { major: 0, minor: 2, data: [] }.as_bytes().to_vec()
            } else {
                // As a server should: no more than the request's argsz (a hostile one
                // below ignores it on purpose).
                let argsz = u32::from_ne_bytes(m.payload[..4].try_into().expect("argsz")) as usize;
                if honour_argsz { reply[..argsz.min(reply.len())].to_vec() } else { reply.clone() }
            };
            transport::send(&s, transport::reply_header(&m.header), &[&payload], &[]).expect("send");
        }
    });
    sock
}

fn region_info_with_chain(chain: &[u8], cap_offset: u32, argsz: u32) -> Vec<u8> {
    let info = VfioRegionInfo { argsz, flags: VFIO_REGION_INFO_FLAG_CAPS | 3, index: 0, cap_offset, size: 0x1000, offset: 0 };
    let mut v = info.as_bytes().to_vec();
    v.extend_from_slice(chain);
    v
}

fn cap(id: u16, next: u32, body: &[u8]) -> Vec<u8> {
    let mut v = VfioInfoCapHeader { id, version: 1, next }.as_bytes().to_vec();
    v.extend_from_slice(body);
    v
}

#[test]
fn hostile_capability_chains_are_typed_errors_in_the_client() {
    let sparse_body = |n: u32| {
        let mut b = n.to_ne_bytes().to_vec();
        b.extend_from_slice(&[0; 4]);
        b.extend_from_slice(VfioRegionSparseMmapArea { offset: 0, size: 0x1000 }.as_bytes());
        b
    };
    let id = VFIO_REGION_INFO_CAP_SPARSE_MMAP;
    // The chain's length decides argsz, so that the negotiation ends in one call.
    let cases: Vec<(&str, Vec<u8>, u32)> = vec![
        ("loops onto itself", cap(id, 32, &sparse_body(1)), 32),
        ("points outside the reply", cap(id, 4096, &sparse_body(1)), 32),
        ("starts inside the fixed struct", cap(id, 0, &sparse_body(1)), 8),
        ("starts past the reply", vec![], 200),
        ("claims more areas than it holds", cap(id, 0, &sparse_body(1000)), 32),
        ("loops through a second capability", [cap(7, 48, &[0; 8]), cap(id, 32, &sparse_body(1))].concat(), 32),
    ];
    for (what, chain, first) in cases {
        let reply = region_info_with_chain(&chain, first, (32 + chain.len()) as u32);
        let sock = fake_server(&format!("chain-{}", what.replace(' ', "-")), reply, true);
        let mut c = Client::connect(&sock).expect("connect");
        let (info, _) = c.region_info(0).expect("the reply itself is well formed");
        match Client::sparse_areas(&info) {
            Err(ClientError::Protocol(m)) => assert!(m.contains("capability") || m.contains("sparse"), "{what}: {m}"),
            other => panic!("{what}: {other:?}"),
        }
    }
    // A reply larger than the argsz the client allowed.
    let big = region_info_with_chain(&[0; 64], 0, 32);
    let sock = fake_server("chain-too-big", big, false);
    let mut c = Client::connect(&sock).expect("connect");
    assert!(matches!(c.region_info(0), Err(ClientError::Protocol(_))));
    // A reply that asks for ever more room (argsz growing on every call).
    let grow = region_info_with_chain(&[], 0, u32::MAX);
    let sock = fake_server("chain-huge", grow, true);
    let mut c = Client::connect(&sock).expect("connect");
    assert!(matches!(c.region_info(0), Err(ClientError::Protocol(_))));
    let _ = VfioUserDmaUnmap::FLEX_OFFSET;
    let _ = std::io::stdout().as_raw_fd();
}

/// Found by the `vfio_user_server` fuzz target: a BAR0 time beyond what poll(2) can wait for
/// made the timeout overflow (a panic with overflow checks); the server now waits in steps.
#[test]
fn a_timer_far_in_the_future_does_not_stop_the_server() {
    let (child, sock) = server("far-timer");
    let mut r = Raw::connect(&sock);
    r.version();
    for t in [i64::MAX, i64::MAX / 1000, 1 << 40, -5] {
        let ra = VfioUserRegionAccess { offset: 0, region: 0, count: 8, data: [] };
        assert_eq!(r.errno(VfioUserCommand::RegionWrite, &[ra.as_bytes(), &t.to_ne_bytes()], &[]), 0);
        r.still_serving();
    }
    drop(r);
    whole_life_still_works(&sock, child);
}
