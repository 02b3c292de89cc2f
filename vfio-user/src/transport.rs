//! Messages on a UNIX stream socket: a `vfio_user_header`, its payload, and the file
//! descriptors that travel beside them as `SCM_RIGHTS`.
//!
//! A sender writes a whole message with one `sendmsg`, so its descriptors arrive with its
//! first bytes; the receiver collects descriptors from every `recvmsg` of the message anyway,
//! so that a peer which splits a message loses nothing. Descriptors arrive as `OwnedFd`s:
//! whatever a handler does not keep is closed when the message is dropped.

use std::io;
use std::mem::size_of;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;

use uabi::zerocopy::{FromBytes, IntoBytes};

use crate::vfio_user::*;

/// Size of `vfio_user_header`.
pub const HEADER_SIZE: usize = size_of::<VfioUserHeader>();

/// The most descriptors one message may carry (the receive buffer's room; more are a
/// protocol error, and the kernel closes the ones that do not fit).
pub const MAX_FDS: usize = 16;

/// One message as received.
#[derive(Debug)]
pub struct Message {
    /// The header, as the peer sent it.
    pub header: VfioUserHeader,
    /// The payload: `msg_size - HEADER_SIZE` bytes.
    pub payload: Vec<u8>,
    /// The descriptors that came with it.
    pub fds: Vec<OwnedFd>,
}

impl Message {
    /// The message type (`VFIO_USER_F_TYPE_MASK` of the flags).
    pub fn kind(&self) -> u32 {
        self.header.flags & VFIO_USER_F_TYPE_MASK
    }
}

/// Why a message could not be received.
#[derive(Debug)]
pub enum RecvError {
    /// The peer closed the connection between messages.
    Closed,
    /// The peer closed the connection in the middle of a message (a short header or payload).
    Truncated,
    /// The header's `msg_size` is below the header's size or above the receiver's limit; the
    /// header is returned so the receiver can reply with an error. The payload, if any, was
    /// not read.
    BadSize(VfioUserHeader),
    /// More descriptors than [`MAX_FDS`] came (the kernel dropped the rest).
    TooManyFds(VfioUserHeader),
    /// The socket failed.
    Io(io::Error),
}

impl std::fmt::Display for RecvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecvError::Closed => f.write_str("the peer closed the connection"),
            RecvError::Truncated => f.write_str("the peer closed the connection inside a message"),
            RecvError::BadSize(h) => write!(f, "message {} has an impossible size {}", { h.msg_id }, { h.msg_size }),
            RecvError::TooManyFds(h) => write!(f, "message {} came with more than {MAX_FDS} file descriptors", { h.msg_id }),
            RecvError::Io(e) => write!(f, "socket error: {e}"),
        }
    }
}

impl std::error::Error for RecvError {}

/// One `recvmsg` into `buf`, collecting descriptors. Returns the bytes read (0 at the end of
/// the stream) and whether descriptors were dropped for lack of room.
fn recv_some(sock: &UnixStream, buf: &mut [u8], fds: &mut Vec<OwnedFd>) -> io::Result<(usize, bool)> {
    // Room for MAX_FDS descriptors, aligned for cmsghdr.
    let mut cmsg_space = [0u64; 64];
    let cmsg_len = unsafe { libc::CMSG_SPACE((MAX_FDS * size_of::<RawFd>()) as u32) } as usize;
    assert!(cmsg_len <= size_of_val(&cmsg_space));
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
    // SAFETY: an all-zero msghdr is valid; the pointers set below outlive the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = cmsg_space.as_mut_ptr().cast();
    msg.msg_controllen = cmsg_len as _;
    let n = loop {
        // SAFETY: msg describes live buffers of the lengths given.
        let n = unsafe { libc::recvmsg(sock.as_raw_fd(), &mut msg, libc::MSG_CMSG_CLOEXEC) };
        if n >= 0 {
            break n as usize;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    };
    // SAFETY: the CMSG macros walk the control buffer the kernel filled, within msg_controllen.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
        while !cmsg.is_null() {
            if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                let data = libc::CMSG_DATA(cmsg);
                let len = (*cmsg).cmsg_len as usize - (data as usize - cmsg as usize);
                for i in 0..len / size_of::<RawFd>() {
                    let fd = std::ptr::read_unaligned(data.cast::<RawFd>().add(i));
                    fds.push(OwnedFd::from_raw_fd(fd));
                }
            }
            cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
        }
    }
    Ok((n, msg.msg_flags & libc::MSG_CTRUNC != 0))
}

/// Fills `buf` completely; `Ok(false)` when the stream ended before the first byte.
fn recv_exact(sock: &UnixStream, buf: &mut [u8], fds: &mut Vec<OwnedFd>, truncated: &mut bool) -> Result<bool, RecvError> {
    let mut done = 0;
    while done < buf.len() {
        let (n, trunc) = recv_some(sock, &mut buf[done..], fds).map_err(RecvError::Io)?;
        *truncated |= trunc;
        if n == 0 {
            return if done == 0 { Ok(false) } else { Err(RecvError::Truncated) };
        }
        done += n;
    }
    Ok(true)
}

/// Receives one message whose `msg_size` is at most `max_size`.
pub fn recv(sock: &UnixStream, max_size: usize) -> Result<Message, RecvError> {
    let mut fds = Vec::new();
    let mut truncated = false;
    let mut raw = [0u8; HEADER_SIZE];
    if !recv_exact(sock, &mut raw, &mut fds, &mut truncated)? {
        return Err(RecvError::Closed);
    }
    let header = VfioUserHeader::read_from_bytes(&raw).expect("HEADER_SIZE bytes");
    let size = header.msg_size as usize;
    if size < HEADER_SIZE || size > max_size {
        return Err(RecvError::BadSize(header));
    }
    let mut payload = vec![0u8; size - HEADER_SIZE];
    if !payload.is_empty() && !recv_exact(sock, &mut payload, &mut fds, &mut truncated)? {
        return Err(RecvError::Truncated);
    }
    if truncated {
        return Err(RecvError::TooManyFds(header));
    }
    Ok(Message { header, payload, fds })
}

/// Sends `header` (its `msg_size` set here) and the payload `parts` in one `sendmsg`, with
/// `fds` as `SCM_RIGHTS`.
pub fn send(sock: &UnixStream, mut header: VfioUserHeader, parts: &[&[u8]], fds: &[RawFd]) -> io::Result<()> {
    let len = HEADER_SIZE + parts.iter().map(|p| p.len()).sum::<usize>();
    header.msg_size = u32::try_from(len).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "message too large"))?;
    let mut bytes = Vec::with_capacity(len);
    bytes.extend_from_slice(header.as_bytes());
    for p in parts {
        bytes.extend_from_slice(p);
    }
    if fds.len() > MAX_FDS {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "too many file descriptors"));
    }
    let mut sent = 0;
    while sent < bytes.len() {
        let rest = &bytes[sent..];
        let mut iov = libc::iovec { iov_base: rest.as_ptr() as *mut _, iov_len: rest.len() };
        let mut cmsg_space = [0u64; 64];
        // SAFETY: an all-zero msghdr is valid; the pointers set below outlive the call.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        // The descriptors go with the first bytes only.
        if sent == 0 && !fds.is_empty() {
            let data_len = size_of_val(fds) as u32;
            // SAFETY: the control buffer has room for MAX_FDS descriptors (checked above).
            unsafe {
                msg.msg_control = cmsg_space.as_mut_ptr().cast();
                msg.msg_controllen = libc::CMSG_SPACE(data_len) as _;
                let cmsg = libc::CMSG_FIRSTHDR(&msg);
                (*cmsg).cmsg_level = libc::SOL_SOCKET;
                (*cmsg).cmsg_type = libc::SCM_RIGHTS;
                (*cmsg).cmsg_len = libc::CMSG_LEN(data_len) as _;
                std::ptr::copy_nonoverlapping(fds.as_ptr().cast::<u8>(), libc::CMSG_DATA(cmsg), data_len as usize);
            }
        }
        // SAFETY: msg describes live buffers; MSG_NOSIGNAL turns a closed peer into EPIPE.
        let n = unsafe { libc::sendmsg(sock.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        sent += n as usize;
    }
    Ok(())
}

/// The header of a reply to `cmd`: same `msg_id` and `cmd`, type reply.
pub fn reply_header(cmd: &VfioUserHeader) -> VfioUserHeader {
    VfioUserHeader { msg_id: cmd.msg_id, cmd: cmd.cmd, msg_size: 0, flags: VFIO_USER_F_TYPE_REPLY, error_no: 0 }
}

/// Sends the error reply `errno` to `cmd` (a header alone, `VFIO_USER_F_ERROR` set).
pub fn send_error(sock: &UnixStream, cmd: &VfioUserHeader, errno: i32) -> io::Result<()> {
    let mut h = reply_header(cmd);
    h.flags |= VFIO_USER_F_ERROR;
    h.error_no = errno as u32;
    send(sock, h, &[], &[])
}

/// The header of a command `cmd` with id `msg_id`.
pub fn command_header(msg_id: u16, cmd: VfioUserCommand) -> VfioUserHeader {
    VfioUserHeader { msg_id, cmd: u32::from(cmd) as u16, msg_size: 0, flags: VFIO_USER_F_TYPE_COMMAND, error_no: 0 }
}
