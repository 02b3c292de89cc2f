//! Linux's own ioctl ABIs, defined with uabi: one module per UAPI header, each behind a Cargo
//! feature of the same name, so a user compiles only the ABIs it uses.
//!
//! | feature | module | header |
//! |---|---|---|
//! | `vfio` | [`vfio`] | `<linux/vfio.h>` |
//! | `openat2` | [`openat2`] | `<linux/openat2.h>` |
//! | `kvm` | [`kvm`] | `<linux/kvm.h>` (what a minimal x86 VMM needs) |
//! | `perf_event` | [`perf_event`] | `<linux/perf_event.h>` (`perf_event_attr` and its ioctls) |
//! | `clone3` | [`clone3`] | `struct clone_args` of `<linux/sched.h>`, as `<linux/clone3.h>` |
//!
//! Every module is an ordinary `#[uabi::abi]` module: its structs are zerocopy types with
//! `const` layout assertions, its ioctls `uabi::Ioctl` constants, and the decoders of the
//! `uabi` crate apply Linux's size and flag rules to them. The C headers generated from the same
//! files are in the repository's `headers/` folder.
//!
//! ```
//! # #[cfg(feature = "vfio")] {
//! use uabi_linux::vfio::{VfioDeviceInfo, VFIO_DEVICE_GET_INFO};
//! let info = VfioDeviceInfo::default();
//! assert_eq!(info.argsz as usize, core::mem::size_of::<VfioDeviceInfo>());
//! assert_eq!(VFIO_DEVICE_GET_INFO.encode(uabi::ioctl::Encoding::Generic), 0x3b6b);
//! # }
//! ```

#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "openat2")]
#[path = "openat2.rs"]
mod openat2_abi;
#[cfg(feature = "openat2")]
#[cfg_attr(docsrs, doc(cfg(feature = "openat2")))]
pub use openat2_abi::openat2;

#[cfg(feature = "vfio")]
#[path = "vfio.rs"]
mod vfio_abi;
#[cfg(feature = "vfio")]
#[cfg_attr(docsrs, doc(cfg(feature = "vfio")))]
pub use vfio_abi::vfio;

#[cfg(feature = "kvm")]
#[path = "kvm.rs"]
mod kvm_abi;
#[cfg(feature = "kvm")]
#[cfg_attr(docsrs, doc(cfg(feature = "kvm")))]
pub use kvm_abi::kvm;

#[cfg(feature = "perf_event")]
#[path = "perf_event.rs"]
mod perf_event_abi;
#[cfg(feature = "perf_event")]
#[cfg_attr(docsrs, doc(cfg(feature = "perf_event")))]
pub use perf_event_abi::perf_event;

#[cfg(feature = "clone3")]
#[path = "clone3.rs"]
mod clone3_abi;
#[cfg(feature = "clone3")]
#[cfg_attr(docsrs, doc(cfg(feature = "clone3")))]
pub use clone3_abi::clone3;
