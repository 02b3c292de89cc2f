//! The ABIs defined with uabi. Each file is one `#[uabi::abi]` module and one C header under
//! `headers/`; the workspace's build script reads these files with the same model.

#[path = "openat2.rs"]
mod openat2_abi;
pub use openat2_abi::openat2;

#[path = "vfio.rs"]
mod vfio_abi;
pub use vfio_abi::vfio;

#[path = "kvm.rs"]
mod kvm_abi;
pub use kvm_abi::kvm;
