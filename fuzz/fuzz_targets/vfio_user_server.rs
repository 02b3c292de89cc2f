//! The vfio-user device server (vfio-user/) under sequences of messages from a hostile
//! client, over a real UNIX socket pair: commands of every kind with any flags, payloads and
//! file descriptors (memfds and eventfds), and raw bytes that break the framing (short
//! headers, sizes that lie). Properties: the server never panics; everything it sends is a
//! well-formed message (a reply to a command it was sent, or a command of its own), and every
//! error reply carries one of the errnos vfio-user servers give (EINVAL, EEXIST, ENOENT,
//! EOPNOTSUPP, ENOSPC; a DMA map also mmap's own) and no payload; afterwards the same
//! server serves a new client's version and device info.
#![no_main]
use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;

use libfuzzer_sys::fuzz_target;
use uabi::zerocopy::{FromBytes, IntoBytes};
use uabi_vfio_user::client::Client;
use uabi_vfio_user::server::Server;
use uabi_vfio_user::transport;
use uabi_vfio_user::vfio_user::*;

const ALLOWED: [u32; 5] = [libc::EINVAL as u32, libc::EEXIST as u32, libc::ENOENT as u32, libc::EOPNOTSUPP as u32, libc::ENOSPC as u32];
/// A DMA map passes on mmap(2)'s errno for a descriptor it cannot map (an eventfd: ENODEV),
/// as libvfio-user does.
const MMAP_ERRNOS: [u32; 4] = [libc::ENODEV as u32, libc::EACCES as u32, libc::ENOMEM as u32, libc::EOVERFLOW as u32];

fn memfd() -> OwnedFd {
    // SAFETY: plain system calls; the descriptor is checked and owned.
    unsafe {
        let fd = libc::memfd_create(c"fuzz".as_ptr(), libc::MFD_CLOEXEC);
        assert!(fd >= 0);
        libc::ftruncate(fd, 0x2000);
        std::os::fd::FromRawFd::from_raw_fd(fd)
    }
}

fn eventfd() -> OwnedFd {
    // SAFETY: as above.
    unsafe {
        let fd = libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK);
        assert!(fd >= 0);
        std::os::fd::FromRawFd::from_raw_fd(fd)
    }
}

/// Reads everything the server sends until it closes, on a thread, so that no reply can
/// fill the socket buffer and block the server.
fn drain(s: UnixStream) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut s = s;
        let mut all = vec![];
        let _ = s.read_to_end(&mut all);
        all
    })
}

fuzz_target!(|data: &[u8]| {
    let mut server = Server::new().expect("a server");
    let (client, srv) = UnixStream::pair().expect("socketpair");
    let reader = drain(client.try_clone().expect("clone"));
    let mut sent_ids = HashSet::new();
    let mut rest = data;
    let mut id = 0u16;
    // A valid version first, unless the input opts out, so that inputs reach the commands.
    if rest.first() != Some(&0xff) {
        let v = VfioUserVersion { major: 0, minor: 2, data: [] };
        let h = VfioUserHeader { msg_id: id, cmd: 1, msg_size: 0, flags: 0, error_no: 0 };
        sent_ids.insert(id);
        transport::send(&client, h, &[v.as_bytes(), b"{\"capabilities\":{\"max_msg_fds\":8}}\0"], &[]).expect("send");
    } else {
        rest = &rest[1..];
    }
    let mut budget = 1 << 16;
    for _ in 0..24 {
        let Some((head, tail)) = rest.split_first_chunk::<5>() else { break };
        let len = (u16::from_le_bytes([head[3], head[4]]) as usize).min(tail.len());
        let (payload, next) = tail.split_at(len);
        rest = next;
        budget -= len as i64;
        if budget < 0 {
            break;
        }
        id = id.wrapping_add(1);
        if head[0] & 0x80 != 0 {
            // Raw bytes: whatever framing they have (or lack).
            let _ = (&client).write_all(payload);
            continue;
        }
        let cmd = match head[0] & 0x1f {
            20..=29 => 99,
            30 => 0,
            31 => 0xffff,
            c => c as u16,
        };
        let flags = if head[1] < 0xc0 { 0 } else { (head[1] as u32 & 0x3f) | ((head[1] as u32) << 2 & 0x100) };
        let fds: Vec<OwnedFd> = (0..head[2] % 4).map(|k| if (head[2] >> (2 + k)) & 1 == 0 { memfd() } else { eventfd() }).collect();
        let raw: Vec<i32> = fds.iter().map(|f| f.as_raw_fd()).collect();
        let h = VfioUserHeader { msg_id: id, cmd, msg_size: 0, flags, error_no: 0 };
        sent_ids.insert(id);
        if transport::send(&client, h, &[payload], &raw).is_err() {
            break;
        }
    }
    client.shutdown(std::net::Shutdown::Write).expect("shutdown");
    let _ = server.serve(&srv);
    drop(srv);
    drop(client);
    let out = reader.join().expect("the reader");

    // Everything the server sent is a well-formed message.
    let mut at = 0;
    while at < out.len() {
        let (h, _) = VfioUserHeader::read_from_prefix(&out[at..]).expect("a whole header");
        let size = h.msg_size as usize;
        assert!(size >= 16 && at + size <= out.len(), "message size {size} at {at} of {}", out.len());
        match h.flags & VFIO_USER_F_TYPE_MASK {
            VFIO_USER_F_TYPE_REPLY => {
                if h.flags & VFIO_USER_F_ERROR != 0 {
                    let dma_map = h.cmd == u32::from(VfioUserCommand::DmaMap) as u16;
                    let (errno, cmd) = (h.error_no, h.cmd);
                    assert!(
                        ALLOWED.contains(&errno) || (dma_map && MMAP_ERRNOS.contains(&errno)),
                        "errno {errno} in reply to cmd {cmd}"
                    );
                    assert_eq!(size, 16, "an error reply has no payload");
                } else {
                    // A success answers a command we sent (raw bytes may have carried ids too).
                    let id = h.msg_id;
                    assert!(sent_ids.contains(&id) || data.iter().any(|&b| b & 0x80 != 0), "reply to unsent {id}");
                }
            }
            VFIO_USER_F_TYPE_COMMAND => {
                let c = VfioUserCommand::try_from(h.cmd as u32).expect("a known command");
                assert!(matches!(c, VfioUserCommand::DmaRead | VfioUserCommand::DmaWrite), "server sent {c:?}");
            }
            t => panic!("message type {t}"),
        }
        at += size;
    }

    // The same server serves a new client.
    let (c2, s2) = UnixStream::pair().expect("socketpair");
    let t = std::thread::spawn(move || {
        let _ = server.serve(&s2);
    });
    let mut client = Client::from_stream(c2).expect("negotiation after the fuzzed session");
    let info = client.device_info().expect("device info after the fuzzed session");
    assert_eq!({ info.num_regions }, 9);
    drop(client);
    t.join().expect("the server thread");
});
