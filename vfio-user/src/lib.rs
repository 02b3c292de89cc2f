//! vfio-user on uabi.
//!
//! - [`abi`]: the protocol's wire format, defined once with `#[uabi::abi]`; its C header
//!   `include/vfio-user.h` is a drop-in for libvfio-user's `include/vfio-user.h`.

pub mod abi;
pub use abi::vfio_user;
