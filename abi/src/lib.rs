//! Linux ioctl ABIs defined once in Rust, and the `no_std` runtime that applies Linux's rules
//! to them.
//!
//! An ABI is an inline module under [`macro@abi`]. The attribute checks that every struct has
//! one layout on every Linux architecture (refusing, with an error on the field, anything that
//! would not), and emits `#[repr(C)]` zerocopy types, `const` layout assertions, ioctl numbers
//! encoded for the target, and the [`AbiType`]/[`Extensible`] descriptions that the generic
//! decoders of this crate use. The `uabi-build` crate (in a build script) or the `uabi` command
//! writes the C header of the same module with the same model. Linux's own ABIs (VFIO, openat2)
//! are defined in the `uabi-linux` crate, so that a user of this runtime compiles none of them.
//!
//! ```
//! #[uabi::abi(header = "linux/demo.h")]
//! pub mod demo {
//!     pub const DEMO_TYPE: u8 = b'D';
//!
//!     /// Argument of DEMO_GET_INFO.
//!     #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
//!     pub struct DemoInfo {
//!         pub argsz: u32,
//!         #[flags {
//!             /// The device can be reset.
//!             DEMO_FLAGS_RESET = 1 << 0,
//!         }]
//!         pub flags: u32,
//!         pub num_regions: u32,
//!         #[uabi(since = 2)]
//!         pub cap_offset: u32,
//!         #[uabi(since = 2, aligned)]
//!         pub base: u64,
//!     }
//!
//!     #[uabi(namespace = device)]
//!     pub const DEMO_GET_INFO: Ioctl<DemoInfo> = io!(DEMO_TYPE, 0);
//! }
//!
//! use demo::*;
//! use uabi::Extensible;
//!
//! let info = DemoInfo::default();
//! assert_eq!(info.argsz, 24); // set for you
//! assert_eq!((DemoInfo::SIZE_VER1, DemoInfo::SIZE_VER2, DemoInfo::MINSZ), (12, 24, 12));
//! assert_eq!(core::mem::align_of::<DemoInfo>(), 8); // `aligned`: __aligned_u64, even on i386
//! assert_eq!(DEMO_FLAGS_RESET, 1);
//! assert_eq!(DEMO_GET_INFO.encode(uabi::ioctl::Encoding::Generic), 0x4400);
//! assert_eq!(DEMO_GET_INFO.encode(uabi::ioctl::Encoding::PowerPc), 0x2000_4400);
//! ```
//!
//! The language is described in full in [`language`]. The runtime:
//! [`ioctl`] (request numbers for every architecture family), [`user_mem`] (user memory that can
//! fault), [`decode`](mod@decode) and [`encode`] (VFIO's `argsz` rules and `copy_struct_{from,to}_user`),
//! [`flex`] (flexible-array builders), [`cap_chain`] (capability chains), and with the `std`
//! feature `fd` (typed ioctl calls).

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
/// The test fixtures, defined once with `#[uabi::abi]` for the unit tests, the integration tests
/// and the benchmarks.
#[cfg(test)]
#[path = "../tests/fixtures/mod.rs"]
mod fixtures;
pub use ioctl::Ioctl;
/// The table of Linux's architectures (families, layout classes, endianness, ioctl encodings)
/// that the model lays out and checks every definition against.
pub use uabi_arch as arch;
pub use cap_chain::{CapChain, CapChainBuilder, CapChainInfo, CapHeader, FlexCap, RawCap};
pub use user_mem::{get_user, put_user, read_cstr, SimMemory, UserMemory};
pub use decode::{
    check_fields, decode, decode_argsz, decode_argsz_sized, decode_payload, decode_perf, decode_sized, decode_sized_max, one_flag_of,
    Decoded, PAGE_SIZE,
};
pub use encode::{encode_argsz, encode_counted, encode_info, encode_payload, encode_to_user, Encoded, InfoCaps, InfoReply};
pub use flex::{flex_len, flex_len_as, flex_size, write_flex, write_flex_argsz};
#[cfg(feature = "std")]
pub use flex::FlexBuf;
pub use error::{Errno, Error};
pub use abi_type::{AbiField, AbiRecord, AbiType, Capability, Extensible, FieldSpan, FlexArray, Gate, IoctlEntry, ReservedBits, SizePolicy, Version};

/// Defines an ioctl ABI; the language it accepts, in full, is [`language`].
#[cfg(feature = "macros")]
#[doc(inline)]
pub use uabi_derive::abi;

/// The reference of the definition language: every item, attribute and refusal of
/// [`macro@abi`]. Its examples are compiled as doc tests.
#[cfg(feature = "macros")]
#[doc = include_str!("../doc/language.md")]
pub mod language {}

/// The zerocopy version uabi's types implement, so that `value.as_bytes()` and
/// `T::read_from_bytes(..)` need no dependency of your own: `use uabi::zerocopy::IntoBytes;`.
pub use zerocopy;

#[doc(hidden)]
pub mod __private {
    pub use zerocopy;
    pub use crate::abi_type::SameType;

    /// Compares the model's layout with rustc's, one `(rustc, model, message)` per size,
    /// offset and alignment: the expansion's assertions call this rather than `assert!`, so
    /// that a module of a thousand structs does not expand thousands of `assert!`,
    /// `panic!` and `format_args!` macros (measured with `bench/build-cost.sh`).
    pub const fn check_layout(facts: &[(usize, usize, &'static str)]) {
        let mut i = 0;
        while i < facts.len() {
            if facts[i].0 != facts[i].1 {
                panic!("{}", facts[i].2);
            }
            i += 1;
        }
    }

    /// Compares the model's value of each constant with rustc's, one `(rustc, model, message)`
    /// per constant, flag and enumerator: the model evaluates every constant expression itself
    /// (for the header, the lock and array lengths), and this makes rustc confirm each value.
    pub const fn check_values(facts: &[(i128, i128, &'static str)]) {
        let mut i = 0;
        while i < facts.len() {
            if facts[i].0 != facts[i].1 {
                panic!("{}", facts[i].2);
            }
            i += 1;
        }
    }

    /// The model's alignment for the target being compiled, from one alignment per layout
    /// class in `uabi_arch::LayoutClass::ALL` order (natural, i386, m68k).
    pub const fn host_align(by_class: [usize; 3]) -> usize {
        by_class[uabi_arch::LayoutClass::HOST.index()]
    }

    /// The value of a bit range of a storage unit: `width` bits whose least significant bit is
    /// `lsb`, as the target's C compiler places them.
    #[inline(always)]
    pub const fn bits_get(unit: u64, lsb: u32, width: u32) -> u64 {
        (unit >> lsb) & mask(width)
    }

    /// `unit` with the bit range replaced by the low `width` bits of `value` (the rest of
    /// `value` is dropped, as a C assignment to a bitfield drops it).
    #[inline(always)]
    pub const fn bits_set(unit: u64, lsb: u32, width: u32, value: u64) -> u64 {
        let m = mask(width) << lsb;
        (unit & !m) | ((value << lsb) & m)
    }

    #[inline(always)]
    const fn mask(width: u32) -> u64 {
        if width >= 64 {
            u64::MAX
        } else {
            (1u64 << width) - 1
        }
    }
}

#[cfg(test)]
mod layout_check_tests {
    use super::__private::{bits_get, bits_set, check_layout, check_values, host_align};

    #[test]
    fn agreeing_facts_pass() {
        const _: () = check_layout(&[(8, 8, "size"), (0, 0, "offset")]);
        check_layout(&[]);
    }

    #[test]
    #[should_panic(expected = "uabi: the offset of `x.b` on this target differs from the model")]
    fn a_disagreeing_fact_panics_with_its_message() {
        check_layout(&[(4, 4, "size"), (core::hint::black_box(4), 8, "uabi: the offset of `x.b` on this target differs from the model")]);
    }

    #[test]
    fn host_align_picks_the_target_class() {
        let expected = if cfg!(target_arch = "x86") { 4 } else if cfg!(target_arch = "m68k") { 2 } else { 8 };
        assert_eq!(host_align([8, 4, 2]), expected);
        assert_eq!(core::mem::align_of::<u64>(), host_align([8, 4, 2]));
    }

    #[test]
    #[should_panic(expected = "uabi: the value of `A`")]
    fn a_disagreeing_value_panics_with_its_message() {
        check_values(&[(1, 1, "ok"), (core::hint::black_box(-1), 255, "uabi: the value of `A` differs")]);
    }

    #[test]
    fn bit_ranges_read_and_write_only_their_bits() {
        assert_eq!(bits_get(0b1011_0000, 4, 3), 0b011);
        assert_eq!(bits_set(u64::MAX, 4, 3, 0), !(0b111 << 4));
        // A value wider than the range is cut to its width, as C does.
        assert_eq!(bits_set(0, 62, 2, 0xff), 0b11 << 62);
        assert_eq!(bits_get(u64::MAX, 0, 64), u64::MAX);
        assert_eq!(bits_set(0, 0, 64, 5), 5);
    }
}
