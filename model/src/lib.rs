//! The uabi ABI model, shared by the `#[uabi::abi]` macro and the header writer.
//!
//! One pipeline, two back ends:
//! `parse` (syn items -> [`ast`]) -> `layout` (the portable layout, computed once) -> `check`
//! (names, versions, ioctl numbers) -> `expand` (Rust) or `c` (the C header and its
//! static-assert file). Errors are collected in a [`ctxt::Ctxt`] so that one run reports every
//! problem, each on the tokens at fault.

pub mod ast;
pub mod attr;
pub mod c;
pub mod check;
pub mod ctxt;
pub mod eval;
pub mod expand;
pub mod generate;
pub mod layout;
pub mod names;
pub mod parse;
pub mod report;

use proc_macro2::TokenStream;

pub use ast::Abi;

/// Parses, lays out and checks one ABI module.
pub fn analyze(args: TokenStream, module: &syn::ItemMod) -> syn::Result<Abi> {
    let cx = ctxt::Ctxt::new();
    let mut abi = parse::parse_module(&cx, args, module);
    // Layout needs parsed field types; a parse error in a field leaves it out, and the layout
    // of that record would then be wrong, so lay out only when parsing went through.
    if !cx.has_errors() {
        layout::lay_out(&cx, &mut abi);
    }
    if !cx.has_errors() {
        check::check(&cx, &abi);
    }
    cx.check().map(|()| abi)
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

/// Every `#[uabi::abi]` (or `#[abi]`) module of a Rust source file, analyzed.
pub fn abis_in_file(source: &str) -> syn::Result<Vec<Abi>> {
    let file = syn::parse_file(source)?;
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        let Some(attr) = m.attrs.iter().find(|a| a.path().segments.last().is_some_and(|s| s.ident == "abi")) else {
            continue;
        };
        let args = match &attr.meta {
            syn::Meta::List(l) => l.tokens.clone(),
            _ => TokenStream::new(),
        };
        let mut m = m.clone();
        m.attrs.retain(|a| a.path().segments.last().is_none_or(|s| s.ident != "abi"));
        out.push(analyze(args, &m)?);
    }
    Ok(out)
}
