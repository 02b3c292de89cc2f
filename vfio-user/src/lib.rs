//! vfio-user on uabi.
//!
//! - [`abi`]: the protocol's wire format, defined once with `#[uabi::abi]`; its C header
//!   `include/vfio-user.h` is a drop-in for libvfio-user's `include/vfio-user.h`.
//! - [`transport`]: messages and `SCM_RIGHTS` descriptors on a UNIX stream socket.
//! - [`device`]: the sample device (libvfio-user's `samples/server.c`'s).
//! - [`server`]: the device server, every message read with uabi's decoders.
//! - [`client`]: the client, built on uabi's user-side helpers.
//! - [`life`]: a whole device life driven by the client.

pub mod abi;
pub use abi::vfio_user;

pub mod transport;
pub mod device;
pub mod server;
pub mod client;
pub mod life;
