//! The uabi ABI model, shared by the `#[uabi::abi]` attribute (`uabi-derive`), the build-script
//! API (`uabi-build`) and the `uabi` command (`uabi-cli`).
//!
//! **This crate is an implementation detail of uabi; its API is not stable.** Use the `uabi`
//! crate for the attribute and `uabi-build` (or the `uabi` command) for headers and reports. It
//! is published only because they depend on it, and their versions pin it exactly.
//!
//! One pipeline, several back ends:
//! `parse` (syn items -> [`ast`], constants evaluated as rustc does) -> [`layout`] (every record
//! on every family of architectures, an IR of its own) -> `check` (names, versions, flags,
//! ioctl numbers) -> `expand` (Rust, [`rust`]), [`c`] (the C headers, their static-assert
//! files and bit probes) and [`report`]. Errors are collected so that one run reports every
//! problem, each on the tokens at fault.
//!
//! The public surface is what the front ends need: [`abi_attribute`] for the proc macro,
//! [`abis_in_file`] for tools that read source files, the parsed model ([`ast`]) and its
//! layouts ([`layout`]), and the writers that read both ([`c`], [`report`], [`rust`]).

mod attr;
mod check;
mod ctxt;
mod eval;
mod expand;
mod names;
mod parse;

pub mod ast;
pub mod c;
mod c_expr;
pub mod layout;
pub mod report;

pub use ctxt::Fix;
/// The C name the model derives from a Rust name (`VfioDeviceInfo` -> `vfio_device_info`):
/// `uabi import` writes a `c_name` only where this does not give it.
pub use names::snake_case;

use proc_macro2::TokenStream;

pub use ast::Abi;

/// Parses, lays out and checks one ABI module: `args` are the tokens inside
/// `#[uabi::abi(..)]`.
pub fn analyze(args: TokenStream, module: &syn::ItemMod) -> syn::Result<Abi> {
    analyze_with_fixes(args, module).0
}

/// [`analyze`], and the machine-applicable fixes of its errors.
pub fn analyze_with_fixes(args: TokenStream, module: &syn::ItemMod) -> (syn::Result<Abi>, Vec<Fix>) {
    let cx = ctxt::Ctxt::new();
    let mut abi = parse::parse_module(&cx, args, module);
    // Layout needs parsed field types; a parse error in a field leaves it out, and the layout
    // of that record would then be wrong, so lay out only when parsing went through.
    if !cx.has_errors() {
        abi.layouts = layout::lay_out(&cx, &abi);
    }
    if !cx.has_errors() {
        check::check(&cx, &abi);
    }
    let fixes = cx.fixes();
    (cx.check().map(|()| abi), fixes)
}

/// The whole `#[uabi::abi]` attribute: the expansion, or the errors and a minimal fallback.
pub fn abi_attribute(args: TokenStream, input: TokenStream) -> TokenStream {
    let module: syn::ItemMod = match syn::parse2(input) {
        Ok(m) => m,
        Err(e) => {
            let e = syn::Error::new(
                e.span(),
                "`#[uabi::abi]` goes on an inline module\nhelp: write `#[uabi::abi(header = \"linux/name.h\")] pub mod name { .. }`",
            );
            return e.to_compile_error();
        }
    };
    match analyze(args, &module) {
        Ok(abi) => expand::expand(&abi),
        Err(errors) => expand::fallback(&module, errors),
    }
}

/// The Rust code `#[uabi::abi]` expands `abi` to.
pub fn rust(abi: &Abi) -> TokenStream {
    expand::expand(abi)
}

/// Every `#[uabi::abi]` (or `#[abi]`) module at the top level of a Rust source file, analyzed.
///
/// On failure the error holds every problem of every module of the file (iterate it), each
/// spanned at its tokens: with proc-macro2's `span-locations`, `span().start()` gives the line
/// and column. A Rust syntax error stops at the first one, as rustc's parser does.
pub fn abis_in_file(source: &str) -> syn::Result<Vec<Abi>> {
    abis_in_file_with_fixes(source).0
}

/// [`abis_in_file`], and the machine-applicable fixes of its errors (an explicit padding
/// field, with its version and families), positioned in `source`.
pub fn abis_in_file_with_fixes(source: &str) -> (syn::Result<Vec<Abi>>, Vec<Fix>) {
    let file = match syn::parse_file(source) {
        Ok(f) => f,
        Err(e) => return (Err(e), Vec::new()),
    };
    let mut out = Vec::new();
    let mut fixes = Vec::new();
    let mut errors: Option<syn::Error> = None;
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        let Some(attr) = m.attrs.iter().find(|a| is_abi_attribute(a)) else { continue };
        let args = match &attr.meta {
            syn::Meta::List(l) => l.tokens.clone(),
            _ => TokenStream::new(),
        };
        let mut m = m.clone();
        m.attrs.retain(|a| !is_abi_attribute(a));
        let (result, f) = analyze_with_fixes(args, &m);
        fixes.extend(f);
        match result {
            Ok(abi) => out.push(abi),
            Err(e) => match &mut errors {
                Some(all) => all.combine(e),
                None => errors = Some(e),
            },
        }
    }
    let result = match errors {
        Some(e) => Err(e),
        None => Ok(out),
    };
    (result, fixes)
}

/// `#[uabi::abi]`, `#[abi]`, or the attribute under a renamed crate (`#[my_uabi::abi]`).
fn is_abi_attribute(a: &syn::Attribute) -> bool {
    a.path().segments.last().is_some_and(|s| s.ident == "abi")
}
