#![no_std]
#[cfg(feature = "std")]
extern crate std;
extern crate self as uabi;

pub mod abi_type;
pub mod error;
pub use error::{Errno, Error};
pub use abi_type::{AbiType, Capability, Extensible, FieldSpan, FlexArray, Gate, IoctlEntry, Version};

pub use uabi_derive::abi;

mod defs;
pub use defs::*;

#[doc(hidden)]
pub mod __private {
    pub use zerocopy;
}
