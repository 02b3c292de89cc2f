//! The ABIs defined with uabi. Each file is one `#[uabi::abi]` module and one C header under
//! `headers/`; the workspace's build script reads these files with the same model.

#[path = "clone3.rs"]
mod clone3_abi;
pub use clone3_abi::clone3;

#[path = "openat2.rs"]
mod openat2_abi;
pub use openat2_abi::openat2;

#[path = "perf_event.rs"]
mod perf_event_abi;
pub use perf_event_abi::perf_event;

#[path = "vfio.rs"]
mod vfio_abi;
pub use vfio_abi::vfio;
