//! `#[uabi::abi]`: the proc-macro entry point. All the work is in `uabi-model`, which the
//! header writer shares, so the Rust types and the C header come from one computation.

use proc_macro::TokenStream;

/// Defines an ioctl ABI: see the `uabi` crate documentation for the language.
#[proc_macro_attribute]
pub fn abi(args: TokenStream, input: TokenStream) -> TokenStream {
    uabi_model::abi_attribute(args.into(), input.into()).into()
}
