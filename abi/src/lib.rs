#![no_std]
#[cfg(feature = "std")]
extern crate std;
extern crate self as uabi;

pub mod abi_type;
pub mod error;
pub mod user_mem;
pub mod decode;
pub mod encode;
pub mod flex;
mod field;
pub mod ioctl;
pub mod cap_chain;
#[cfg(feature = "std")]
pub mod fd;
pub use ioctl::Ioctl;
pub use cap_chain::{CapChain, CapChainBuilder, CapChainInfo, CapHeader, RawCap};
pub use user_mem::{SimMemory, UserMemory};
pub use decode::{check_fields, decode_argsz, decode_argsz_sized, decode_sized, decode_sized_max, Decoded, PAGE_SIZE};
pub use encode::{encode_argsz, encode_counted, encode_info, encode_to_user, Encoded, InfoCaps, InfoReply};
pub use flex::{flex_len, flex_size, write_flex, write_flex_argsz};
#[cfg(feature = "std")]
pub use flex::FlexBuf;
pub use error::{Errno, Error};
pub use abi_type::{AbiType, Capability, Extensible, FieldSpan, FlexArray, Gate, IoctlEntry, Version};

pub use uabi_derive::abi;

mod defs;
pub use defs::*;

#[doc(hidden)]
pub mod __private {
    pub use zerocopy;
}
