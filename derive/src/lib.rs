//! `#[uabi::abi]`: the proc-macro entry point. All the work is in `uabi-model`, which the
//! header writer shares, so the Rust types and the C header come from one computation.
//!
//! Use the attribute through the `uabi` crate (`uabi::abi`), which re-exports it with the
//! runtime its expansion names.

use proc_macro::TokenStream;

/// Turns an inline module into an ioctl ABI: its structs, unions, enums, constants and ioctls
/// become `#[repr(C)]` zerocopy types, `const` layout assertions and ioctl numbers, and, through
/// `uabi-build` or the `uabi` command, a C UAPI header written from the same model.
///
/// The attribute refuses, with an error on the tokens at fault and a suggested fix, any layout
/// that would differ between Linux architectures (implicit padding, a 64-bit field that i386
/// would align to 4, `usize`, `bool`, pointers, ...).
///
/// ```
/// #[uabi::abi(header = "linux/demo.h")]
/// pub mod demo {
///     pub const DEMO_TYPE: u8 = b'D';
///
///     /// Argument of DEMO_GET_INFO: VFIO-style, `argsz` first, grown by versions.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
///     pub struct DemoInfo {
///         pub argsz: u32,
///         #[flags {
///             /// The device can be reset.
///             DEMO_FLAGS_RESET = 1 << 0,
///         }]
///         pub flags: u32,
///         pub num_regions: u32,
///         #[uabi(since = 2)]
///         pub cap_offset: u32,
///         #[uabi(since = 2, aligned)]
///         pub base: u64,
///     }
///
///     /// Returns the device's `DemoInfo`.
///     #[uabi(namespace = device)]
///     pub const DEMO_GET_INFO: Ioctl<DemoInfo> = io!(DEMO_TYPE, 0);
/// }
///
/// use uabi::Extensible;
/// assert_eq!(demo::DemoInfo::default().argsz, 24);
/// assert_eq!((demo::DemoInfo::SIZE_VER1, demo::DemoInfo::SIZE_VER2), (12, 24));
/// assert_eq!(demo::DEMO_GET_INFO.encode(uabi::ioctl::Encoding::Generic), 0x4400);
/// ```
///
/// A `u64` after three `u32`s sits at offset 12, where i386 would put it but other
/// architectures would not; the module does not compile, and the error says to add a pad:
///
/// ```compile_fail
/// #[uabi::abi(header = "linux/bad.h")]
/// pub mod bad {
///     pub struct BadInfo {
///         pub argsz: u32,
///         pub flags: u32,
///         pub num_regions: u32,
///         pub base: u64,
///     }
/// }
/// ```
///
/// The module arguments (`header`, `guard`, `includes`, `crate`), every item and attribute the
/// module may hold, and every refusal are described in the language reference,
/// [`uabi::language`](https://docs.rs/uabi/latest/uabi/language/index.html).
#[proc_macro_attribute]
pub fn abi(args: TokenStream, input: TokenStream) -> TokenStream {
    uabi_model::abi_attribute(args.into(), input.into()).into()
}
