//! Linux's own ioctl ABIs, defined with uabi: one module per UAPI header, each behind a Cargo
//! feature of the same name. No feature is on by default, so a user compiles only the ABIs it
//! names (`uabi-linux = { version = "0.1", features = ["vfio"] }`).
//!
//! | feature | module | header |
//! |---|---|---|
//! | `vfio` | [`vfio`] | `<linux/vfio.h>` |
//! | `openat2` | [`openat2`] | `<linux/openat2.h>` |
//! | `kvm` | [`kvm`] | `<linux/kvm.h>` and `<asm/kvm.h>` of x86, arm64 and riscv64 (all of Linux 7.2's) |
//! | `perf_event` | [`perf_event`] | `<linux/perf_event.h>` |
//! | `sched` | [`sched`], [`sched_types`] | `<linux/sched.h>` (`clone_args`, `CLONE_*`, `SCHED_*`), `<linux/sched/types.h>` (`sched_attr`) |
//! | `userfaultfd` | [`userfaultfd`] | `<linux/userfaultfd.h>` |
//! | `iommufd` | [`iommufd`] | `<linux/iommufd.h>` |
//!
//! The feature `clone3` is the old name of `sched` (its module, `clone3`, is a deprecated
//! re-export of [`sched`]).
//!
//! The feature `vmm-sys-util` adds `kvm_fam`: rust-vmm's `FamStruct` for KVM's structs that end
//! in a flexible array (`kvm_cpuid2`, `kvm_msrs`, ..), so that its `FamStructWrapper` holds
//! them (on Linux targets with 64-bit atomics, where rust-vmm's crate builds).
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
//!
//! # uabi's VMM helpers with VFIO
//!
//! Reading a capability that ends in a flexible array (`uabi::RawCap::read_flex`), at any
//! alignment of the buffer:
//!
//! ```
//! # #[cfg(feature = "vfio")] fn main() -> Result<(), uabi::Error> {
//! use uabi::cap_chain::{CapChain, CapChainBuilder};
//! use uabi_linux::vfio::{VfioRegionInfoCapSparseMmap, VfioRegionSparseMmapArea};
//! use uabi::Capability;
//! use uabi::zerocopy::IntoBytes;
//!
//! // A chain after a 32-byte fixed struct, one byte into the allocation: misaligned.
//! let mut store = [0u8; 1 + 96];
//! let buf = &mut store[1..];
//! let areas = [
//!     VfioRegionSparseMmapArea { offset: 0, size: 0x1000 },
//!     VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 },
//! ];
//! // The bytes after the header: nr_areas = 2, reserved, then the areas.
//! let mut payload = [2u32.to_ne_bytes(), [0; 4]].concat();
//! payload.extend_from_slice(areas.as_bytes());
//! let mut b = CapChainBuilder::new(buf, 32);
//! b.add_raw(VfioRegionInfoCapSparseMmap::ID, VfioRegionInfoCapSparseMmap::VERSION, &payload);
//! let (first, needed) = b.finish();
//!
//! let cap = CapChain::new(&buf[..needed], first).next().unwrap()?;
//! let sparse = cap.read_flex::<VfioRegionInfoCapSparseMmap>()?.expect("a sparse-mmap capability");
//! assert_eq!(sparse.header().nr_areas, 2);
//! assert_eq!(sparse.len(), 2);
//! assert_eq!(sparse.get(1), Some(VfioRegionSparseMmapArea { offset: 0x3000, size: 0xd000 }));
//! assert_eq!(sparse.iter().map(|a| a.size).sum::<u64>(), 0xe000);
//! # Ok(()) }
//! # #[cfg(not(feature = "vfio"))] fn main() {}
//! ```
//!
//! The two-call INFO negotiation for a call with input fields
//! (`uabi::fd::query_info_with_caps_from_using`), against a stand-in device:
//!
//! ```
//! # #[cfg(feature = "vfio")] fn main() -> Result<(), uabi::fd::InfoError> {
//! use uabi::fd::{query_info_with_caps_from_using, InfoError};
//! use uabi_linux::vfio::{VfioRegionInfo, VFIO_PCI_CONFIG_REGION_INDEX};
//! use uabi::zerocopy::FromBytes;
//!
//! // A stand-in for the device: region 7 (config space) is 256 bytes; no capabilities.
//! let device = |buf: &mut [u8]| {
//!     let (info, _) = VfioRegionInfo::mut_from_prefix(buf).expect("InfoBuf is 8-aligned");
//!     if info.index != VFIO_PCI_CONFIG_REGION_INDEX {
//!         return Err(std::io::Error::from_raw_os_error(22));
//!     }
//!     info.size = 256;
//!     Ok(0)
//! };
//! let init = VfioRegionInfo { index: VFIO_PCI_CONFIG_REGION_INDEX, ..Default::default() };
//! let info = query_info_with_caps_from_using(&init, device)?;
//! assert_eq!((info.info().index, info.info().size, info.calls()), (7, 256, 1));
//!
//! // A device that lowers argsz is refused with a typed error.
//! let shrinking = |buf: &mut [u8]| { buf[..4].copy_from_slice(&8u32.to_ne_bytes()); Ok(0) };
//! let err = query_info_with_caps_from_using(&init, shrinking).unwrap_err();
//! assert!(matches!(err, InfoError::Shrank { passed: 32, reported: 8 }));
//! # Ok(()) }
//! # #[cfg(not(feature = "vfio"))] fn main() {}
//! ```
//!
//! The same on a real device file (`uabi::fd::query_info_with_caps_from`):
//!
//! ```no_run
//! # use std::os::fd::BorrowedFd;
//! # #[cfg(feature = "vfio")]
//! # fn demo(device: BorrowedFd<'_>) -> Result<(), Box<dyn std::error::Error>> {
//! use uabi_linux::vfio::*;
//! let init = VfioRegionInfo { index: VFIO_PCI_BAR0_REGION_INDEX, ..Default::default() };
//! let info = unsafe { uabi::fd::query_info_with_caps_from(device, VFIO_DEVICE_GET_REGION_INFO, &init)? };
//! for cap in info.caps() {
//!     if let Some(sparse) = cap?.read_flex::<VfioRegionInfoCapSparseMmap>()? {
//!         for area in &sparse {
//!             println!("mmap-able: {:#x}+{:#x}", area.offset, area.size);
//!         }
//!     }
//! }
//! # Ok(()) }
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
#[cfg(all(feature = "vmm-sys-util", target_os = "linux", target_has_atomic = "64"))]
#[cfg_attr(docsrs, doc(cfg(feature = "vmm-sys-util")))]
pub mod kvm_fam;

#[cfg(feature = "perf_event")]
#[path = "perf_event.rs"]
mod perf_event_abi;
#[cfg(feature = "perf_event")]
#[cfg_attr(docsrs, doc(cfg(feature = "perf_event")))]
pub use perf_event_abi::perf_event;

#[cfg(feature = "sched")]
#[path = "sched.rs"]
mod sched_abi;
#[cfg(feature = "sched")]
#[cfg_attr(docsrs, doc(cfg(feature = "sched")))]
pub use sched_abi::{sched, sched_types};

/// The module `clone3` became [`sched`], as Linux's `<linux/sched.h>`; the old path keeps
/// working (the feature `clone3` turns `sched` on) and warns.
#[cfg(feature = "sched")]
#[cfg_attr(docsrs, doc(cfg(feature = "sched")))]
#[deprecated(since = "0.1.0", note = "use `uabi_linux::sched`: `struct clone_args` is in <linux/sched.h>, as in Linux")]
pub mod clone3 {
    pub use crate::sched::*;
}

#[cfg(feature = "userfaultfd")]
#[path = "userfaultfd.rs"]
mod userfaultfd_abi;
#[cfg(feature = "userfaultfd")]
#[cfg_attr(docsrs, doc(cfg(feature = "userfaultfd")))]
pub use userfaultfd_abi::userfaultfd;

#[cfg(feature = "iommufd")]
#[path = "iommufd.rs"]
mod iommufd_abi;
#[cfg(feature = "iommufd")]
#[cfg_attr(docsrs, doc(cfg(feature = "iommufd")))]
pub use iommufd_abi::iommufd;
