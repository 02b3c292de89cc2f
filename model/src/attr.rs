//! Parsing of uabi's own attributes: `#[uabi(..)]` and `#[flags { .. }]`.
//!
//! Every key is a constant below, so the parser, the error messages and the docs name the same
//! keys. Unknown keys are errors, never ignored.

use crate::ctxt::Ctxt;
use proc_macro2::Ident;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, LitInt, LitStr, Path, Token};

pub const UABI: &str = "uabi";

// The arguments of `#[uabi::abi(..)]`.
pub const HEADER: &str = "header";
pub const GUARD: &str = "guard";
pub const CRATE: &str = "crate";
pub const INCLUDES: &str = "includes";
pub const FLAGS: &str = "flags";

pub const C_NAME: &str = "c_name";
pub const SINCE: &str = "since";
pub const ALIGNED: &str = "aligned";
pub const RESERVED: &str = "reserved";
pub const ENUM: &str = "enum";
pub const GATED_BY: &str = "gated_by";
pub const COUNTED_BY: &str = "counted_by";
pub const ANONYMOUS: &str = "anonymous";
pub const OUTPUT: &str = "output";
pub const FIRST_VERSION: &str = "first_version";
pub const CAPABILITY: &str = "capability";
pub const PREFIX: &str = "prefix";
pub const NAMESPACE: &str = "namespace";
pub const SIZE: &str = "size";
pub const POLICY: &str = "policy";
pub const C_POINTER: &str = "c_pointer";
pub const ARCH: &str = "arch";
pub const CHAR: &str = "char";
pub const MACRO_STEM: &str = "macro_stem";
pub const C_SUFFIX: &str = "c_suffix";
pub const DEFINED_IN: &str = "defined_in";
pub const PACKED: &str = "packed";
/// `#[bits { name: width, .. }]`, an attribute of its own like `#[flags { .. }]`.
pub const BITS: &str = "bits";

/// Everything `#[uabi(..)]` can say; which keys an item accepts is decided by `allowed`.
#[derive(Default)]
pub struct UabiAttrs {
    pub c_name: Option<LitStr>,
    pub since: Option<u32>,
    pub aligned: bool,
    pub reserved: bool,
    pub enum_name: Option<Ident>,
    pub gated_by: Option<Ident>,
    pub counted_by: Option<Ident>,
    pub anonymous: bool,
    pub output: bool,
    pub first_version: Option<u32>,
    pub capability: Option<(Expr, Expr)>,
    pub prefix: Option<LitStr>,
    pub namespace: Option<String>,
    /// `#[uabi(size)]`: the field carries the struct's size.
    pub size: Option<Ident>,
    /// `#[uabi(policy = perf)]`, as written (checked by the parser).
    pub policy: Option<Ident>,
    /// `#[uabi(c_pointer = "__u64")]`, as written (checked by the parser).
    pub c_pointer: Option<LitStr>,
    /// `#[uabi(arch = x86)]` or `#[uabi(arch(x86, arm64))]`: the family names as written, and
    /// the key's tokens for errors.
    pub arch: Option<(Ident, Vec<Ident>)>,
    /// `#[uabi(char)]`.
    pub char: bool,
    pub macro_stem: Option<LitStr>,
    pub c_suffix: Option<LitStr>,
    /// `#[uabi(defined_in = "asm/ptrace.h")]`: C gets the record from that header.
    pub defined_in: Option<LitStr>,
    /// `#[uabi(packed)]`: C's `__attribute__((packed))`, Rust's `#[repr(C, packed)]`.
    pub packed: Option<Ident>,
    /// `#[uabi(header = "..", guard = "..", includes = [..])]` on a nested header module.
    pub header: Option<LitStr>,
    pub guard: Option<LitStr>,
    pub includes: Option<Vec<LitStr>>,
}

/// The attributes of an item, sorted into ours, docs, derives and the rest.
#[derive(Default)]
pub struct Sorted {
    pub uabi: UabiAttrs,
    pub flags: Option<Attribute>,
    pub bits: Option<Attribute>,
    pub docs: Vec<String>,
    pub derives: Vec<Path>,
    pub repr: Vec<Attribute>,
    pub other: Vec<Attribute>,
}

/// Splits `attrs`, parsing `#[uabi(..)]` with the keys in `allowed` (others are errors that
/// name the item, `what`, and list what is allowed at this place).
pub fn sort(cx: &Ctxt, attrs: &[Attribute], allowed: &[&str], what: &str) -> Sorted {
    let mut out = Sorted::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("doc") {
            if let syn::Meta::NameValue(nv) = &attr.meta {
                if let Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value {
                    out.docs.push(s.value());
                    continue;
                }
            }
            out.other.push(attr.clone());
        } else if path.is_ident(UABI) {
            let r = attr.parse_nested_meta(|meta| parse_key(&mut out.uabi, meta, allowed, what));
            if let Err(e) = r {
                cx.push(e);
            }
        } else if path.is_ident(FLAGS) {
            if !allowed.contains(&FLAGS) {
                cx.error(attr, "`#[flags]` belongs on an integer field of a struct");
            } else {
                out.flags = Some(attr.clone());
            }
        } else if path.is_ident(BITS) {
            if !allowed.contains(&BITS) {
                cx.error(attr, "`#[bits]` belongs on an unsigned integer field of a struct");
            } else {
                out.bits = Some(attr.clone());
            }
        } else if path.is_ident("derive") {
            match attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated) {
                Ok(paths) => out.derives.extend(paths),
                Err(e) => cx.push(e),
            }
        } else if path.is_ident("repr") {
            out.repr.push(attr.clone());
        } else {
            out.other.push(attr.clone());
        }
    }
    out
}

fn parse_key(a: &mut UabiAttrs, meta: ParseNestedMeta, allowed: &[&str], what: &str) -> syn::Result<()> {
    let key = meta
        .path
        .get_ident()
        .map(|i| i.to_string().trim_start_matches("r#").to_string())
        .unwrap_or_default();
    // `flags` is allowed where `#[flags { .. }]` is, but it is an attribute of its own, never a
    // key of `#[uabi(..)]` (this reached the `unreachable!` below; found by the `model_source`
    // fuzz target).
    if key == FLAGS && allowed.contains(&FLAGS) {
        return Err(meta.error("`flags` is not a uabi attribute key\nhelp: declare flag constants with `#[flags { NAME = 1 << 0, .. }]` on the field"));
    }
    if key == BITS && allowed.contains(&BITS) {
        return Err(meta.error("`bits` is not a uabi attribute key\nhelp: declare bitfields with `#[bits { name: 1, .. }]` on the field"));
    }
    if !allowed.contains(&key.as_str()) {
        let list: Vec<_> = allowed.iter().filter(|k| **k != FLAGS && **k != BITS).map(|k| format!("`{k}`")).collect();
        return Err(meta.error(format!(
            "unknown uabi attribute `{}` on {what}\nhelp: {what} accepts {}",
            quote::ToTokens::to_token_stream(&meta.path),
            if list.is_empty() { "no uabi attributes".to_string() } else { list.join(", ") }
        )));
    }
    match key.as_str() {
        C_NAME => a.c_name = Some(meta.value()?.parse()?),
        PREFIX => a.prefix = Some(meta.value()?.parse()?),
        SINCE => a.since = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?),
        FIRST_VERSION => a.first_version = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?),
        ALIGNED => a.aligned = true,
        RESERVED => a.reserved = true,
        ANONYMOUS => a.anonymous = true,
        OUTPUT => a.output = true,
        ENUM => a.enum_name = Some(meta.value()?.parse()?),
        GATED_BY => a.gated_by = Some(meta.value()?.parse()?),
        COUNTED_BY => a.counted_by = Some(meta.value()?.parse()?),
        SIZE => a.size = Some(meta.path.get_ident().cloned().expect("a one-word key")),
        POLICY => a.policy = Some(meta.value()?.parse()?),
        C_POINTER => a.c_pointer = Some(meta.value()?.parse()?),
        CHAR => a.char = true,
        MACRO_STEM => a.macro_stem = Some(meta.value()?.parse()?),
        C_SUFFIX => a.c_suffix = Some(meta.value()?.parse()?),
        DEFINED_IN => a.defined_in = Some(meta.value()?.parse()?),
        PACKED => a.packed = Some(meta.path.get_ident().cloned().expect("a one-word key")),
        HEADER => a.header = Some(meta.value()?.parse()?),
        GUARD => a.guard = Some(meta.value()?.parse()?),
        INCLUDES => {
            let (list, value);
            value = meta.value()?;
            syn::bracketed!(list in value);
            a.includes = Some(list.parse_terminated(|p| p.parse::<LitStr>(), Token![,])?.into_iter().collect());
        }
        ARCH => {
            let key = meta.path.get_ident().cloned().expect("a one-word key");
            let names = if meta.input.peek(Token![=]) {
                vec![meta.value()?.parse::<Ident>()?]
            } else {
                let list;
                syn::parenthesized!(list in meta.input);
                Punctuated::<Ident, Token![,]>::parse_terminated(&list)?.into_iter().collect()
            };
            a.arch = Some((key, names));
        }
        NAMESPACE => {
            let v = meta.value()?;
            a.namespace = Some(if v.peek(LitStr) {
                v.parse::<LitStr>()?.value()
            } else {
                v.parse::<Ident>()?.to_string()
            });
        }
        CAPABILITY => {
            let (mut id, mut version) = (None, None);
            meta.parse_nested_meta(|m| {
                if m.path.is_ident("id") {
                    id = Some(m.value()?.parse::<Expr>()?);
                } else if m.path.is_ident("version") {
                    version = Some(m.value()?.parse::<Expr>()?);
                } else {
                    return Err(m.error("expected `id = ..` or `version = ..`"));
                }
                Ok(())
            })?;
            match (id, version) {
                (Some(i), Some(v)) => a.capability = Some((i, v)),
                _ => {
                    return Err(meta.error(
                        "a capability needs both its id and its version\nhelp: write `capability(id = MY_CAP_ID, version = 1)`",
                    ))
                }
            }
        }
        _ => unreachable!("every allowed key is handled"),
    }
    Ok(())
}

/// One entry of `#[flags { /// doc  #[uabi(since = 2)] NAME = expr, .. }]`.
pub struct FlagDef {
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    pub expr: Expr,
}

impl Parse for FlagDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let name = input.parse()?;
        input.parse::<Token![=]>()?;
        let expr = input.parse()?;
        Ok(FlagDef { attrs, name, expr })
    }
}

pub fn parse_flags(attr: &Attribute) -> syn::Result<Vec<FlagDef>> {
    match &attr.meta {
        syn::Meta::List(list) => {
            Ok(list.parse_args_with(Punctuated::<FlagDef, Token![,]>::parse_terminated)?.into_iter().collect())
        }
        _ => Err(syn::Error::new_spanned(
            attr,
            "`#[flags]` lists its flags\nhelp: write `#[flags { MY_FLAG_A = 1 << 0, MY_FLAG_B = 1 << 1 }]`",
        )),
    }
}

/// One entry of `#[bits { /// doc  #[uabi(reserved)] name: width, .. }]`.
pub struct BitDef {
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    pub width: LitInt,
}

impl Parse for BitDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let name = input.parse()?;
        input.parse::<Token![:]>()?;
        let width = input.parse()?;
        Ok(BitDef { attrs, name, width })
    }
}

pub fn parse_bits(attr: &Attribute) -> syn::Result<Vec<BitDef>> {
    match &attr.meta {
        syn::Meta::List(list) => {
            Ok(list.parse_args_with(Punctuated::<BitDef, Token![,]>::parse_terminated)?.into_iter().collect())
        }
        _ => Err(syn::Error::new_spanned(
            attr,
            "`#[bits]` lists its bit ranges\nhelp: write `#[bits { enabled: 1, mode: 3, __reserved: 28 }]`",
        )),
    }
}
