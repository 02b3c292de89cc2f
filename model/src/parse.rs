//! From syn items to the model: item kinds, names, field types, attributes and constant values.
//! Layout and cross-item rules are checked afterwards (`layout`, `check`).

use std::cell::Cell;
use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::ToTokens;
use syn::{Expr, Fields, GenericArgument, ItemConst, ItemEnum, ItemMod, PathArguments, Type};

use crate::ast::*;
use crate::attr::{self, Sorted};
use crate::ctxt::Ctxt;
use crate::eval::{Env, Value};
use crate::names::{snake_case, unraw, upper_snake_case};
use uabi_arch::{Family, FamilySet};

const FIELD_KEYS: &[&str] = &[
    attr::C_NAME,
    attr::SINCE,
    attr::ALIGNED,
    attr::RESERVED,
    attr::ENUM,
    attr::GATED_BY,
    attr::COUNTED_BY,
    attr::ANONYMOUS,
    attr::SIZE,
    attr::C_POINTER,
    attr::FLAGS,
    attr::BITS,
    attr::ARCH,
    attr::CHAR,
    attr::C_LONG,
];
const RECORD_KEYS: &[&str] = &[
    attr::C_NAME,
    attr::FIRST_VERSION,
    attr::CAPABILITY,
    attr::ANONYMOUS,
    attr::OUTPUT,
    attr::POLICY,
    attr::ARCH,
    attr::MACRO_STEM,
    attr::DEFINED_IN,
    attr::UNPADDED,
    attr::PACKED,
];
const ENUM_KEYS: &[&str] = &[attr::C_NAME, attr::PREFIX, attr::ARCH, attr::C_DEFINES];
const VARIANT_KEYS: &[&str] = &[attr::C_NAME];
const CONST_KEYS: &[&str] = &[attr::C_NAME, attr::ARCH, attr::C_SUFFIX];
const STR_KEYS: &[&str] = &[attr::C_NAME, attr::ARCH];
const IOCTL_KEYS: &[&str] = &[attr::NAMESPACE, attr::ARCH];
const FLAG_KEYS: &[&str] = &[attr::SINCE, attr::C_SUFFIX];
const BIT_KEYS: &[&str] = &[attr::C_NAME, attr::RESERVED];
/// The keys of `#[uabi(..)]` on a nested module that writes a header of its own.
const MACRO_KEYS: &[&str] = &[attr::C_MACRO, attr::ARCH, attr::C_SUFFIX];
const HEADER_MODULE_KEYS: &[&str] = &[attr::HEADER, attr::GUARD, attr::INCLUDES, attr::ARCH_GUARD, attr::ARCH_INCLUDES];

/// The arguments of `#[uabi::abi(..)]`.
pub struct ModuleArgs {
    pub header: String,
    pub guard: String,
    pub includes: Vec<String>,
    pub krate: syn::Path,
}

/// What `<linux/..>` headers every generated header includes itself.
pub const ALWAYS_INCLUDED: &[&str] = &["linux/types.h", "linux/ioctl.h"];

/// Module-level arguments: `#[uabi::abi(header = "linux/vfio.h", guard = "VFIO_H")]`,
/// `includes = ["linux/stddef.h"]` for what Linux's header includes beyond `<linux/types.h>`
/// and `<linux/ioctl.h>`, and `crate = "my_uabi"` when the `uabi` dependency is renamed (as
/// serde's `crate = "..")`.
pub fn module_args(cx: &Ctxt, args: TokenStream, module: &Ident) -> ModuleArgs {
    let (mut header, mut guard, mut krate) = (None::<String>, None::<String>, None::<syn::Path>);
    let mut includes: Vec<String> = Vec::new();
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident(attr::HEADER) {
            let lit = meta.value()?.parse::<syn::LitStr>()?;
            header = Some(checked_header_path(cx, &lit, module));
        } else if meta.path.is_ident(attr::GUARD) {
            let lit = meta.value()?.parse::<syn::LitStr>()?;
            guard = Some(checked_guard(cx, &lit, module));
        } else if meta.path.is_ident(attr::INCLUDES) {
            let (list, value);
            value = meta.value()?;
            syn::bracketed!(list in value);
            let lits: Vec<syn::LitStr> = list.parse_terminated(|p| p.parse::<syn::LitStr>(), syn::Token![,])?.into_iter().collect();
            includes = checked_includes(cx, &lits);
        } else if meta.path.is_ident(attr::CRATE) {
            let lit = meta.value()?.parse::<syn::LitStr>()?;
            match lit.parse::<syn::Path>() {
                Ok(p) => krate = Some(p),
                Err(_) => cx.error(&lit, format!(
                    "`{}` is not a path\nhelp: name the `uabi` crate as your Cargo.toml does, e.g. `crate = \"my_uabi\"`",
                    lit.value()
                )),
            }
        } else {
            return Err(meta.error("unknown abi argument\nhelp: expected `header = \"linux/name.h\"`, and optionally `guard = \"_LINUX_NAME_H\"`, `includes = [\"linux/stddef.h\"]` and `crate = \"path::to::uabi\"`"));
        }
        Ok(())
    });
    if let Err(e) = syn::parse::Parser::parse2(parser, args) {
        cx.push(e);
    }
    let header = header.unwrap_or_else(|| format!("linux/{}.h", module));
    let guard = guard.unwrap_or_else(|| default_guard(&header));
    ModuleArgs { header, guard, includes, krate: krate.unwrap_or_else(|| syn::parse_quote!(::uabi)) }
}

/// The installed form of a header's guard: Linux's source tree writes `_UAPI_LINUX_OPENAT2_H`
/// and `headers_install.sh` strips the `_UAPI`, so every header under /usr/include has
/// `_LINUX_OPENAT2_H`. A program that includes a bundled copy of Linux's header and ours then
/// sees one guard, not two definitions of everything. Headers whose guard does not follow the
/// pattern (`VFIO_H`, `__LINUX_KVM_H`) say so with `guard = ".."`.
fn default_guard(header: &str) -> String {
    let stem: String = header.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    format!("_{stem}")
}

fn checked_header_path(cx: &Ctxt, lit: &syn::LitStr, module: &Ident) -> String {
    if let Err(why) = header_path_ok(&lit.value()) {
        cx.error(lit, format!("{why}\nhelp: write the path as C code includes it, e.g. `header = \"linux/{module}.h\"`"));
    }
    lit.value()
}

fn checked_guard(cx: &Ctxt, lit: &syn::LitStr, module: &Ident) -> String {
    if !crate::names::is_c_identifier(&lit.value()) || crate::names::is_c_keyword(&lit.value()) {
        cx.error(lit, format!(
            "the include guard `{}` is not a C identifier\nhelp: write the macro name an installed header uses, e.g. `guard = \"_LINUX_{}_H\"`",
            lit.value(),
            module.to_string().to_ascii_uppercase()
        ));
    }
    lit.value()
}

fn checked_includes(cx: &Ctxt, lits: &[syn::LitStr]) -> Vec<String> {
    let mut includes: Vec<String> = Vec::new();
    for lit in lits {
        let path = lit.value();
        if let Err(why) = header_path_ok(&path) {
            cx.error(lit, format!("{why}\nhelp: write the path as `#include <..>` names it, e.g. `\"linux/stddef.h\"`"));
        } else if ALWAYS_INCLUDED.contains(&path.as_str()) || includes.contains(&path) {
            cx.error(lit, format!("`<{path}>` is already included\nhelp: remove it: every header includes `<linux/types.h>` and `<linux/ioctl.h>`, and each path is listed once"));
        } else {
            includes.push(path);
        }
    }
    includes
}

/// A header path is where C includes the header from (`linux/vfio.h`) and where the tools write
/// it under their output directory, so it must stay inside that directory.
fn header_path_ok(path: &str) -> Result<(), String> {
    if !path.ends_with(".h") {
        return Err(format!("the header path `{path}` does not end in `.h`"));
    }
    let bad_part = |p: &str| p.is_empty() || p == "." || p == "..";
    if path.starts_with('/') || path.contains('\\') || path.split('/').any(bad_part) {
        return Err(format!("the header path `{path}` must be relative, without `.`, `..` or empty parts"));
    }
    if !path.chars().all(|c| c.is_ascii_alphanumeric() || "/_-.+".contains(c)) {
        return Err(format!("the header path `{path}` has characters other than letters, digits and `/_-.+`"));
    }
    Ok(())
}

/// Whether `m` is a nested module that writes a header of its own (`#[uabi(header = ..)]`).
fn is_header_module(m: &ItemMod) -> bool {
    m.attrs.iter().any(|a| a.path().is_ident(attr::UABI))
}

pub fn parse_module(cx: &Ctxt, args: TokenStream, module: &ItemMod) -> Abi {
    let ModuleArgs { header, guard, includes, krate } = module_args(cx, args, &module.ident);
    let sorted = attr::sort(cx, &module.attrs, &[], &format!("module `{}`", module.ident));
    let mut abi = Abi {
        module: module.ident.clone(),
        vis: module.vis.clone(),
        headers: vec![Header { path: header, guard, includes, arch_guards: Vec::new(), arch_includes: Vec::new(), docs: sorted.docs, module: None }],
        krate,
        attrs: sorted.other,
        items: Vec::new(),
        layouts: Default::default(),
    };
    let Some((_, items)) = &module.content else {
        cx.error(module, "an ABI module is written inline\nhelp: write `pub mod name { .. }` in the file that carries `#[uabi::abi]`");
        return abi;
    };

    // The module's items and those of its nested header modules, each with its header.
    let mut all: Vec<(&syn::Item, HeaderId)> = Vec::new();
    for item in items {
        match item {
            syn::Item::Mod(m) if is_header_module(m) => {
                let Some(h) = header_module(cx, m) else { continue };
                let id = HeaderId(abi.headers.len());
                abi.headers.push(h);
                if let Some((_, inner)) = &m.content {
                    for i in inner {
                        if let syn::Item::Mod(n) = i {
                            if is_header_module(n) {
                                cx.error(&n.ident, "a header module cannot hold another\nhelp: put every nested header module directly in the `#[uabi::abi]` module");
                                continue;
                            }
                        }
                        all.push((i, id));
                    }
                }
            }
            _ => all.push((item, HeaderId::MAIN)),
        }
    }
    for (i, h) in abi.headers.iter().enumerate() {
        if abi.headers[..i].iter().any(|o| o.path == h.path) {
            let at = h.module.as_ref().map(|m| m.name.clone()).unwrap_or_else(|| module.ident.clone());
            cx.error(at, format!("the header `{}` is written twice by this module\nhelp: give the nested module another `header = \"..\"`", h.path));
        }
    }

    // Constant expressions may name any constant or flag of the module, in any order, as C
    // `#define`s can: collect all of them before evaluating anything.
    let mut env = Env::default();
    for (item, _) in &all {
        collect_names(&mut env, item);
    }
    let record_names: HashMap<String, RecordKind> = all
        .iter()
        .filter_map(|(i, _)| match i {
            syn::Item::Struct(s) => Some((s.ident.to_string(), RecordKind::Struct)),
            syn::Item::Union(u) => Some((u.ident.to_string(), RecordKind::Union)),
            _ => None,
        })
        .collect();
    let enum_names: Vec<String> = all
        .iter()
        .filter_map(|(i, _)| if let syn::Item::Enum(e) = i { Some(e.ident.to_string()) } else { None })
        .collect();
    let p = Parser { cx, env: &env, records: &record_names, enums: &enum_names, next_record: Cell::new(0) };

    for (item, header) in all {
        for name in defined_names(item) {
            if unraw(name).starts_with(RESERVED_PREFIX) {
                cx.error(name, format!(
                    "names beginning with `{RESERVED_PREFIX}` are reserved for what `#[uabi::abi]` adds to the module\nhelp: rename `{name}`"
                ));
            }
        }
        let parsed = match item {
            syn::Item::Const(c) if is_ioctl(c) => p.ioctl(c, header).map(Item::Ioctl),
            syn::Item::Const(c) if is_str(c) => p.string(c, header).map(Item::Str),
            syn::Item::Const(c) => p.constant(c, header).map(Item::Const),
            syn::Item::Struct(s) => {
                let close = match &s.fields {
                    Fields::Named(n) => n.brace_token.span.close(),
                    _ => s.ident.span(),
                };
                p.record(RecordKind::Struct, &s.attrs, &s.vis, &s.ident, &s.generics, &s.fields, header, close).map(Item::Struct)
            }
            syn::Item::Union(u) => {
                let fields = Fields::Named(u.fields.clone());
                p.record(RecordKind::Union, &u.attrs, &u.vis, &u.ident, &u.generics, &fields, header, u.fields.brace_token.span.close())
                    .map(Item::Struct)
            }
            syn::Item::Enum(e) => p.enumeration(e, header).map(Item::Enum),
            syn::Item::Fn(f) if has_c_macro(&f.attrs) => p.fn_macro(f, header).map(Item::Macro),
            syn::Item::Macro(m) if has_c_macro(&m.attrs) => p.c_only_macro(m, header).map(Item::Macro),
            other => Some(Item::Rust(other.clone(), header)),
        };
        abi.items.extend(parsed);
    }
    abi
}

/// A nested module with `#[uabi(header = "asm/kvm.h")]`: the header its items go to.
fn header_module(cx: &Ctxt, m: &ItemMod) -> Option<Header> {
    let s = attr::sort(cx, &m.attrs, HEADER_MODULE_KEYS, &format!("module `{}`", m.ident));
    if m.content.is_none() {
        cx.error(m, "a header module is written inline\nhelp: write `#[uabi(header = \"..\")] pub mod name { .. }`");
        return None;
    }
    let Some(path) = s.uabi.header.as_ref().map(|l| checked_header_path(cx, l, &m.ident)) else {
        cx.error(&m.ident, format!("the nested module `{}` has uabi attributes but no header\nhelp: add `header = \"asm/{}.h\"`", m.ident, m.ident));
        return None;
    };
    let guard = s.uabi.guard.as_ref().map(|l| checked_guard(cx, l, &m.ident)).unwrap_or_else(|| default_guard(&path));
    let includes = s.uabi.includes.as_deref().map(|l| checked_includes(cx, l)).unwrap_or_default();
    let family = |n: &Ident, seen: &mut FamilySet| {
        let f = Family::from_name(&unraw(n));
        match f {
            None => cx.error(n, format!(
                "`{n}` is not a family of architectures\nhelp: write one of {}",
                Family::ALL.iter().map(|f| format!("`{}`", f.name())).collect::<Vec<_>>().join(", ")
            )),
            Some(f) if seen.contains(f) => cx.error(n, format!("`{n}` is listed twice\nhelp: list each family once")),
            Some(f) => *seen = seen.union(FamilySet::single(f)),
        }
        f
    };
    let mut seen = FamilySet::EMPTY;
    let arch_guards = s
        .uabi
        .arch_guard
        .iter()
        .filter_map(|(n, l)| Some((family(n, &mut seen)?, checked_guard(cx, l, &m.ident))))
        .collect();
    let mut seen = FamilySet::EMPTY;
    let arch_includes = s
        .uabi
        .arch_includes
        .iter()
        .filter_map(|(n, l)| Some((family(n, &mut seen)?, checked_includes(cx, l))))
        .collect();
    Some(Header {
        path,
        guard,
        includes,
        arch_guards,
        arch_includes,
        docs: s.docs,
        module: Some(NestedModule { name: m.ident.clone(), vis: m.vis.clone(), attrs: s.other }),
    })
}

/// The prefix of the names the expansion adds to an ABI module (its imports of zerocopy and
/// of the integer types): no item of the user's may take one.
pub const RESERVED_PREFIX: &str = "__uabi_";

/// The names an item of the module defines: its own name, or the names a `use` brings in.
fn defined_names(item: &syn::Item) -> Vec<&Ident> {
    fn use_names<'a>(tree: &'a syn::UseTree, out: &mut Vec<&'a Ident>) {
        match tree {
            syn::UseTree::Path(p) => use_names(&p.tree, out),
            syn::UseTree::Name(n) => out.push(&n.ident),
            syn::UseTree::Rename(r) => out.push(&r.rename),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
    let one = match item {
        syn::Item::Const(i) => &i.ident,
        syn::Item::Enum(i) => &i.ident,
        syn::Item::Fn(i) => &i.sig.ident,
        syn::Item::Mod(i) => &i.ident,
        syn::Item::Static(i) => &i.ident,
        syn::Item::Struct(i) => &i.ident,
        syn::Item::Trait(i) => &i.ident,
        syn::Item::Type(i) => &i.ident,
        syn::Item::Union(i) => &i.ident,
        syn::Item::Use(u) => {
            let mut out = Vec::new();
            use_names(&u.tree, &mut out);
            return out;
        }
        _ => return Vec::new(),
    };
    vec![one]
}

/// The integer type `ty` names, if it is one (checked properly when the item is parsed).
fn prim_of(ty: &Type) -> Option<Prim> {
    match ty {
        Type::Path(p) => Prim::from_name(&p.path.get_ident()?.to_string()),
        _ => None,
    }
}

fn collect_names(env: &mut Env, item: &syn::Item) {
    match item {
        syn::Item::Const(c) if !is_ioctl(c) && !is_str(c) => {
            env.define(c.ident.to_string(), (*c.expr).clone(), prim_of(&c.ty), declared_arch(&c.attrs))
        }
        syn::Item::Struct(s) => {
            let record = declared_arch(&s.attrs);
            for f in &s.fields {
                let arch = record.intersection(declared_arch(&f.attrs));
                for a in f.attrs.iter().filter(|a| a.path().is_ident(attr::FLAGS)) {
                    for def in attr::parse_flags(a).unwrap_or_default() {
                        env.define(def.name.to_string(), def.expr, prim_of(&f.ty), arch);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The families `#[uabi(arch(..))]` among `attrs` names, every family without one; a
/// malformed one is reported where the item is parsed, and reads as every family here.
pub fn declared_arch(attrs: &[syn::Attribute]) -> FamilySet {
    let mut out = FamilySet::ALL;
    for a in attrs.iter().filter(|a| a.path().is_ident(attr::UABI)) {
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.is_ident(attr::ARCH) {
                let mut names = Vec::new();
                if meta.input.peek(syn::Token![=]) {
                    names.push(meta.value()?.parse::<Ident>()?);
                } else {
                    meta.parse_nested_meta(|m| {
                        names.extend(m.path.get_ident().cloned());
                        Ok(())
                    })?;
                }
                let set = names.iter().filter_map(|n| Family::from_name(&n.to_string())).fold(FamilySet::EMPTY, |s, f| s.union(FamilySet::single(f)));
                if !set.is_empty() {
                    out = set;
                }
            } else if meta.input.peek(syn::Token![=]) {
                // Skip the value of any other key.
                meta.value()?.parse::<Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let inner;
                syn::parenthesized!(inner in meta.input);
                inner.parse::<TokenStream>()?;
            }
            Ok(())
        });
    }
    out
}

/// `#[uabi(c_macro)]` among `attrs`.
fn has_c_macro(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident(attr::UABI)).any(|a| {
        let mut found = false;
        let _ = a.parse_nested_meta(|meta| {
            found |= meta.path.is_ident(attr::C_MACRO);
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let inner;
                syn::parenthesized!(inner in meta.input);
                inner.parse::<TokenStream>()?;
            }
            Ok(())
        });
        found
    })
}

/// The C text of tokens written for C (a `c_macro` `macro_rules!` body): tokens apart where C
/// needs them apart, together around `(`, `)`, `[`, `]`, `.`, `->` and before `,`.
pub fn c_tokens(tokens: TokenStream) -> String {
    use proc_macro2::{Delimiter, Spacing, TokenTree};
    fn go(tokens: TokenStream, out: &mut String) {
        let mut prev_joint = false;
        for t in tokens {
            let glue = |out: &mut String, tight: bool| {
                if !tight && !out.is_empty() && !out.ends_with(['(', '[', ' ', '.']) && !out.ends_with("->") {
                    out.push(' ');
                }
            };
            match t {
                TokenTree::Group(g) => {
                    let (open, close) = match g.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::None => ("", ""),
                    };
                    // A call or a subscript hugs its name: `offsetof(..)`, `regs[0]`.
                    let hug = open == "[" || (open == "(" && out.ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                    glue(out, hug);
                    out.push_str(open);
                    go(g.stream(), out);
                    out.push_str(close);
                    prev_joint = false;
                }
                TokenTree::Punct(p) => {
                    let c = p.as_char();
                    let tight = prev_joint || c == ',' || c == '.' || (c == '>' && out.ends_with('-'));
                    glue(out, tight);
                    out.push(c);
                    prev_joint = p.spacing() == Spacing::Joint;
                }
                other => {
                    glue(out, prev_joint && out.ends_with(['.', '>']));
                    out.push_str(&other.to_string());
                    prev_joint = false;
                }
            }
        }
    }
    let mut out = String::new();
    go(tokens, &mut out);
    out
}

/// A string constant is declared `&str` (or `&'static str`).
fn is_str(c: &ItemConst) -> bool {
    match &*c.ty {
        Type::Reference(r) => r.mutability.is_none() && matches!(&*r.elem, Type::Path(p) if p.qself.is_none() && p.path.is_ident("str")),
        _ => false,
    }
}

/// An ioctl is a constant whose value is `io!(..)`, `ior!(..)`, `iow!(..)` or `iowr!(..)`.
fn is_ioctl(c: &ItemConst) -> bool {
    ioctl_dir(&c.expr).is_some()
}

fn ioctl_dir(expr: &Expr) -> Option<(Dir, &syn::Macro)> {
    let Expr::Macro(m) = expr else { return None };
    let dir = Dir::from_uabi_macro(&m.mac.path.get_ident()?.to_string())?;
    Some((dir, &m.mac))
}

struct Parser<'a> {
    cx: &'a Ctxt,
    env: &'a Env,
    records: &'a HashMap<String, RecordKind>,
    enums: &'a [String],
    /// The id the next record gets.
    next_record: Cell<usize>,
}

impl Parser<'_> {
    /// Evaluates `expr` where a `ty` is expected, on the families `arch`, reporting an error
    /// on the sub-expression at fault.
    fn evaluate(&self, expr: &Expr, ty: Option<Prim>, arch: FamilySet) -> Option<Value> {
        self.env.evaluate(expr, ty, arch).map_err(|(at, msg)| self.cx.error(at, msg)).ok()
    }

    /// The families of `#[uabi(arch(..))]`, narrowed to `within` (the enclosing item's), or
    /// `within` without the key.
    fn arch(&self, s: &Sorted, within: FamilySet, what: &str) -> FamilySet {
        let Some((key, names)) = &s.uabi.arch else { return within };
        let mut set = FamilySet::EMPTY;
        for n in names {
            match Family::from_name(&unraw(n)) {
                Some(f) => set = set.union(FamilySet::single(f)),
                None => self.cx.error(n, format!(
                    "`{n}` is not a family of architectures\nhelp: write one of {}",
                    Family::ALL.iter().map(|f| format!("`{}`", f.name())).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        if names.is_empty() {
            self.cx.error(key, format!("{what} names no family of architectures\nhelp: write `arch = x86` or `arch(x86, arm64)`"));
            return within;
        }
        if set.is_empty() {
            return within;
        }
        let outside = set.difference(within);
        if !outside.is_empty() {
            self.cx.error(key, format!("{what} is limited to {set}, but its item exists only on {within}\nhelp: remove {outside} from the list"));
        }
        set.intersection(within)
    }

    /// An integer type for a constant: the eight fixed-width ones.
    fn prim(&self, ty: &Type, what: &str) -> Option<Prim> {
        match self.field_type(ty, false, what, FamilySet::ALL)? {
            FieldType::Prim(p) if p.size() <= 8 => Some(p),
            _ => {
                self.cx.error(ty, format!("{what}: an ABI constant is a fixed-width integer\nhelp: use one of `u8 u16 u32 u64 i8 i16 i32 i64`"));
                None
            }
        }
    }

    fn in_range(&self, at: impl ToTokens, value: i128, ty: Prim) -> bool {
        let (lo, hi) = ty.range();
        if value < lo || value > hi {
            self.cx.error(at, format!("value {value:#x} does not fit `{}`", ty.rust_name()));
            return false;
        }
        true
    }

    /// `#[uabi(c_suffix = "UL")]`, checked.
    fn c_suffix(&self, s: &Sorted) -> Option<CSuffix> {
        let lit = s.uabi.c_suffix.as_ref()?;
        let suffix = CSuffix::from_text(&lit.value());
        if suffix.is_none() {
            self.cx.error(lit, format!(
                "`{}` is not a C integer suffix\nhelp: write one of {}",
                lit.value(),
                CSuffix::ALL.iter().map(|c| format!("`{}`", c.text())).collect::<Vec<_>>().join(", ")
            ));
        }
        suffix
    }

    fn constant(&self, c: &ItemConst, header: HeaderId) -> Option<Const> {
        let what = format!("constant `{}`", c.ident);
        let s = attr::sort(self.cx, &c.attrs, CONST_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        let ty = self.prim(&c.ty, &what)?;
        let e = self.evaluate(&c.expr, Some(ty), arch)?;
        Some(Const {
            name: c.ident.clone(),
            c_name: s.uabi.c_name.as_ref().map(|l| l.value()).unwrap_or_else(|| c.ident.to_string()),
            ty,
            expr: (*c.expr).clone(),
            value: e.value,
            docs: s.docs.clone(),
            since: 0,
            c_suffix: self.c_suffix(&s),
            place: Place { header, arch },
        })
    }

    /// `#[uabi(c_macro)] const fn NAME(a: u64, ..) -> u64 { expr }`: a C macro with parameters
    /// whose expression is the function's.
    fn fn_macro(&self, f: &syn::ItemFn, header: HeaderId) -> Option<CMacro> {
        let what = format!("C macro `{}`", f.sig.ident);
        let s = attr::sort(self.cx, &f.attrs, MACRO_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        if f.sig.constness.is_none() {
            self.cx.error(&f.sig.ident, format!("{what} is a `const fn`, so that Rust callers get constants too\nhelp: write `pub const fn {}(..)`", f.sig.ident));
            return None;
        }
        let mut params = Vec::new();
        for input in &f.sig.inputs {
            match input {
                syn::FnArg::Typed(t) => match &*t.pat {
                    syn::Pat::Ident(i) if prim_of(&t.ty).is_some() => params.push(i.ident.clone()),
                    _ => {
                        self.cx.error(t, format!("{what}: a parameter is a name and an integer type, as a C macro's argument is a value\nhelp: write `name: u64`"));
                        return None;
                    }
                },
                syn::FnArg::Receiver(r) => {
                    self.cx.error(r, format!("{what} takes no `self`"));
                    return None;
                }
            }
        }
        let expr = match f.block.stmts.as_slice() {
            [syn::Stmt::Expr(e, None)] => e.clone(),
            _ => {
                self.cx.error(&f.block, format!("{what}: the body is one expression, which the C macro repeats\nhelp: write the value as a single expression (`if .. {{ .. }} else {{ .. }}` for `?:`)"));
                return None;
            }
        };
        if let Err((at, why)) = crate::c_expr::macro_expr_ok(&expr) {
            self.cx.error(at, format!("{what}: {why}\nhelp: use integer literals, parameters, constants of the module, other C macros, `as` casts to integers, arithmetic, bit and comparison operators and `if .. {{ .. }} else {{ .. }}`"));
            return None;
        }
        let mut item = f.clone();
        item.attrs.retain(|a| !a.path().is_ident(attr::UABI));
        Some(CMacro {
            name: f.sig.ident.clone(),
            params: Some(params.iter().map(|p| p.to_string()).collect()),
            body: CMacroBody::Fn { item: Box::new(item), expr: Box::new(expr) },
            c_suffix: self.c_suffix(&s),
            docs: s.docs,
            place: Place { header, arch },
        })
    }

    /// `#[uabi(c_macro)] macro_rules! NAME { (a, ..) => { C tokens }; }`: a macro for C alone;
    /// `() => ..` makes it object-like, and an empty body a macro defined without a value.
    fn c_only_macro(&self, m: &syn::ItemMacro, header: HeaderId) -> Option<CMacro> {
        let Some(name) = m.ident.clone().filter(|_| m.mac.path.is_ident("macro_rules")) else {
            self.cx.error(&m.mac.path, "a C macro is a `macro_rules!` definition or a `const fn`\nhelp: write `#[uabi(c_macro)] macro_rules! NAME { (arg) => { C tokens }; }`");
            return None;
        };
        let what = format!("C macro `{name}`");
        let s = attr::sort(self.cx, &m.attrs, MACRO_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        let parsed = m.mac.parse_body_with(|input: syn::parse::ParseStream| {
            let args;
            syn::parenthesized!(args in input);
            // Names, the last of which may be `...` (C's variadic macro).
            let mut params = Vec::new();
            while !args.is_empty() {
                if args.peek(syn::Token![...]) {
                    args.parse::<syn::Token![...]>()?;
                    params.push("...".to_string());
                    if !args.is_empty() {
                        return Err(args.error("`...` is the last parameter"));
                    }
                    break;
                }
                params.push(args.parse::<Ident>()?.to_string());
                if !args.is_empty() {
                    args.parse::<syn::Token![,]>()?;
                }
            }
            input.parse::<syn::Token![=>]>()?;
            let body;
            syn::braced!(body in input);
            let tokens: TokenStream = body.parse()?;
            let _ = input.parse::<Option<syn::Token![;]>>()?;
            if !input.is_empty() {
                return Err(input.error("a C macro has one arm"));
            }
            Ok((params, tokens))
        });
        let (params, tokens) = match parsed {
            Ok(p) => p,
            Err(e) => {
                self.cx.error(&m.mac, format!("{what}: {e}\nhelp: write one arm, `(arg, ..) => {{ C tokens }}`, or `() => {{ .. }}` for a macro without parameters"));
                return None;
            }
        };
        Some(CMacro {
            name,
            params: (!params.is_empty()).then_some(params),
            body: CMacroBody::C(c_tokens(tokens)),
            c_suffix: self.c_suffix(&s),
            docs: s.docs,
            place: Place { header, arch },
        })
    }

    fn string(&self, c: &ItemConst, header: HeaderId) -> Option<StrConst> {
        let what = format!("constant `{}`", c.ident);
        let s = attr::sort(self.cx, &c.attrs, STR_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        let lit = match &*c.expr {
            Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(l), .. }) => l.clone(),
            other => {
                self.cx.error(other, format!("{what}: a string constant of the header is a string literal, which C copies as written\nhelp: write the string itself, e.g. `\"vfio-pci\"`"));
                return None;
            }
        };
        let value = lit.value();
        if value.contains('\0') {
            self.cx.error(&lit, format!("{what}: a NUL byte would end the C string early\nhelp: remove the `\\0`"));
            return None;
        }
        Some(StrConst {
            c_name: s.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| c.ident.to_string()),
            name: c.ident.clone(),
            vis: c.vis.clone(),
            lit,
            value,
            docs: s.docs,
            attrs: s.other,
            place: Place { header, arch },
        })
    }

    fn ioctl(&self, c: &ItemConst, header: HeaderId) -> Option<Ioctl> {
        let what = format!("ioctl `{}`", c.ident);
        let s = attr::sort(self.cx, &c.attrs, IOCTL_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        let (dir, mac) = ioctl_dir(&c.expr)?;
        let args = match mac.parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated) {
            Ok(a) => a.into_iter().collect::<Vec<_>>(),
            Err(e) => {
                self.cx.push(e);
                return None;
            }
        };
        let want = if dir == Dir::None { 2 } else { 3 };
        if args.len() != want {
            let form = if dir == Dir::None { "io!(TYPE, NR)" } else { "iowr!(TYPE, NR, ArgType)" };
            self.cx.error(mac, format!("`{}!` takes {want} arguments\nhelp: write `{form}`", dir.uabi_macro()));
            return None;
        }
        let (ty, nr) = (self.evaluate(&args[0], None, arch).map(|v| v.value), self.evaluate(&args[1], None, arch).map(|v| v.value));
        for (v, e, what) in [(ty, &args[0], "type"), (nr, &args[1], "number")] {
            if let Some(v) = v {
                if !(0..=255).contains(&v) {
                    self.cx.error(e, format!("ioctl {what} {v} does not fit 8 bits"));
                }
            }
        }
        let size_arg = if dir == Dir::None {
            None
        } else {
            match &args[2] {
                Expr::Path(p) => self.field_type(
                    &Type::Path(syn::TypePath { qself: None, path: p.path.clone() }),
                    false,
                    &format!("the argument of `{}`", c.ident),
                    arch,
                ),
                other => {
                    self.cx.error(other, "the argument of a sized ioctl is a type\nhelp: name a struct of this module or an integer type");
                    None
                }
            }
        };
        // The declared type: `Ioctl` or `Ioctl<Arg>`.
        let mut arg: Option<Type> = None;
        let declared_ok = match &*c.ty {
            Type::Path(tp) if tp.qself.is_none() && tp.path.segments.len() == 1 && tp.path.segments[0].ident == "Ioctl" => {
                match &tp.path.segments[0].arguments {
                    PathArguments::None => true,
                    PathArguments::AngleBracketed(a) if a.args.len() == 1 => match &a.args[0] {
                        GenericArgument::Type(t) => {
                            arg = Some(t.clone());
                            true
                        }
                        _ => false,
                    },
                    _ => false,
                }
            }
            _ => false,
        };
        if !declared_ok {
            self.cx.error(&c.ty, "an ioctl constant has type `Ioctl` or `Ioctl<ArgType>`");
        }
        if let (Some(declared), Some(Expr::Path(sized))) = (&arg, args.get(2)) {
            if declared.to_token_stream().to_string() != sized.to_token_stream().to_string() {
                self.cx.error(declared, format!(
                    "the declared argument differs from the sized one\nhelp: write `Ioctl<{}>` or just `Ioctl`",
                    sized.to_token_stream()
                ));
            }
        }
        if arg.is_none() {
            if let Some(Expr::Path(p)) = args.get(2) {
                arg = Some(Type::Path(syn::TypePath { qself: None, path: p.path.clone() }));
            }
        }
        Some(Ioctl {
            name: c.ident.clone(),
            vis: c.vis.clone(),
            docs: s.docs,
            attrs: s.other,
            dir,
            ty_expr: args[0].clone(),
            ty: ty?,
            nr_expr: args[1].clone(),
            nr: nr?,
            size_arg: if dir == Dir::None { None } else { Some(size_arg?) },
            arg,
            namespace: s.uabi.namespace.unwrap_or_else(|| "default".into()),
            place: Place { header, arch },
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        kind: RecordKind,
        attrs: &[syn::Attribute],
        vis: &syn::Visibility,
        name: &Ident,
        generics: &syn::Generics,
        fields: &Fields,
        header: HeaderId,
        close_brace: proc_macro2::Span,
    ) -> Option<Record> {
        let what = format!("{} `{name}`", kind.c_keyword());
        let s = attr::sort(self.cx, attrs, RECORD_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        self.refuse_generics(name, generics);
        self.refuse_shadowing(name);
        self.refuse_repr(&s, name);
        let Fields::Named(named) = fields else {
            self.cx.error(name, format!(
                "`{name}` is a tuple or unit struct: an ABI struct has named fields, as a C struct does\nhelp: write `struct {name} {{ field: u32, .. }}`"
            ));
            return None;
        };
        let first_version = s.uabi.first_version.unwrap_or(1);
        // A field typed by a generic parameter is covered by the error on the parameter.
        let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
        let mut out = Vec::new();
        for f in &named.named {
            if !params.is_empty() && mentions(f.ty.to_token_stream(), &params) {
                continue;
            }
            out.extend(self.field(kind, f, first_version, arch));
        }
        for flag in out.iter_mut().flat_map(|f| &mut f.flags) {
            flag.place.header = header;
        }
        let capability = s.uabi.capability.and_then(|(id, version)| {
            let (i, v) = (self.evaluate(&id, None, arch)?.value, self.evaluate(&version, None, arch)?.value);
            let ok = self.in_range(&id, i, Prim::U16) & self.in_range(&version, v, Prim::U16);
            ok.then_some((id, i as u16, v as u16))
        });
        if s.uabi.anonymous && kind == RecordKind::Struct && capability.is_some() {
            self.cx.error(name, "a capability cannot be anonymous");
        }
        let size_field = self.size_field(kind, name, &out, first_version);
        let declared_policy = s.uabi.policy.as_ref().and_then(|p| self.policy(kind, name, p, size_field.map(|i| &out[i])));
        let c_name = s.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| snake_case(&name.to_string()));
        let macro_stem = match &s.uabi.macro_stem {
            Some(l) if crate::names::is_c_identifier(&l.value()) => l.value(),
            Some(l) => {
                self.cx.error(l, format!("`{}` is not a C identifier\nhelp: the stem of the version macros is a macro name prefix, e.g. `macro_stem = \"PERF_ATTR\"` for `PERF_ATTR_SIZE_VER0`", l.value()));
                c_name.to_ascii_uppercase()
            }
            None => c_name.to_ascii_uppercase(),
        };
        let defined_in = s.uabi.defined_in.as_ref().and_then(|l| match header_path_ok(&l.value()) {
            Ok(()) if !s.uabi.anonymous => Some(l.value()),
            Ok(()) => {
                self.cx.error(l, "an anonymous record has no C name another header could define it by\nhelp: remove `defined_in`, or `anonymous`");
                None
            }
            Err(why) => {
                self.cx.error(l, format!("{why}\nhelp: name the header as `#include <..>` does, e.g. `defined_in = \"asm/ptrace.h\"`"));
                None
            }
        });
        if s.uabi.unpadded && kind != RecordKind::Union {
            self.cx.error(name, "`unpadded` is for a union: it keeps its members' own types\nhelp: remove `unpadded`");
        }
        let id = RecordId(self.next_record.get());
        self.next_record.set(id.0 + 1);
        Some(Record {
            id,
            kind,
            unpadded: s.uabi.unpadded,
            name: name.clone(),
            c_name,
            vis: vis.clone(),
            docs: s.docs,
            derives: s.derives,
            attrs: s.other,
            fields: out,
            first_version,
            capability,
            anonymous: s.uabi.anonymous,
            output: s.uabi.output,
            size_field,
            declared_policy,
            macro_stem,
            defined_in,
            packed: s.uabi.packed,
            place: Place { header, arch },
            close_brace,
        })
    }

    /// The size field of a record: the field marked `#[uabi(size)]`, or `argsz: u32` as the
    /// first field of the first version (the VFIO shorthand). A field that is named like a size
    /// field but cannot be one is refused rather than silently left a plain field, where
    /// `Default` would leave it 0 and the decoders would not see it.
    fn size_field(&self, kind: RecordKind, name: &Ident, fields: &[Field], first_version: u32) -> Option<usize> {
        let mut found: Option<usize> = None;
        let u32_ty = FieldType::Prim(Prim::U32);
        for (i, f) in fields.iter().enumerate() {
            let fname = unraw(&f.name);
            if f.size {
                let mut ok = true;
                if kind == RecordKind::Union {
                    self.cx.error(&f.name, format!("`{fname}` is a union member: a union has no size field\nhelp: remove `#[uabi(size)]`; mark the size field of the struct that contains the union"));
                    ok = false;
                }
                if f.ty != u32_ty {
                    self.cx.error(&f.ty_tokens, format!("the size field `{fname}` must be a `u32`, as Linux's `__u32 argsz` and `__u32 size` are\nhelp: declare `pub {fname}: u32`"));
                    ok = false;
                }
                if f.since != first_version {
                    self.cx.error(&f.name, format!("the size field `{fname}` is version {} but must be in the first version ({first_version}): a caller of every version has to say its size\nhelp: move `{fname}` into the first version (remove its `since`)", f.since));
                    ok = false;
                }
                if let Some(prev) = found {
                    self.cx.error(&f.name, format!("`{name}` already has the size field `{}`\nhelp: a struct has one size field: remove `#[uabi(size)]` from one of them", unraw(&fields[prev].name)));
                    ok = false;
                }
                if ok {
                    found = Some(i);
                }
            }
        }
        for (i, f) in fields.iter().enumerate() {
            let fname = unraw(&f.name);
            if f.size || kind == RecordKind::Union {
                continue;
            }
            if fname == "argsz" {
                if let Some(declared) = found {
                    self.cx.error(&f.name, format!("`argsz` names the size field, but `{name}` declares `{}` as its size field\nhelp: rename `argsz`, or make it the size field instead", unraw(&fields[declared].name)));
                } else if f.ty != u32_ty {
                    self.cx.error(&f.ty_tokens, "`argsz` is the size field of its struct and must be a `u32`\nhelp: declare `pub argsz: u32`, or rename the field if it does not carry the struct's size");
                } else if f.since != first_version {
                    self.cx.error(&f.name, format!("`argsz` is the size field of its struct and must be in the first version ({first_version})\nhelp: move `argsz` to the start of the struct, in the first version"));
                } else if i != 0 {
                    self.cx.error(&f.name, format!("`argsz` is the size field only as the first field (VFIO's convention)\nhelp: move `argsz` to the start of `{name}`, or mark it `#[uabi(size)]` to keep it where it is"));
                } else {
                    found = Some(0);
                }
            } else if fname == "size" && i == 0 && f.ty == u32_ty && f.since == first_version && found.is_none() {
                // iommufd's shape: refuse rather than guess, either way a guess could be wrong.
                self.cx.error(&f.name, format!("`size` at the start of `{name}` looks like the struct's size field (iommufd's convention), but is not declared as one\nhelp: mark it `#[uabi(size)]` if it carries the size of `{name}`; if it does not, rename the Rust field and keep the C name with `#[uabi(c_name = \"size\")]`"));
            }
        }
        found
    }

    /// The declared `#[uabi(policy = ..)]`, checked against the record.
    fn policy(&self, kind: RecordKind, name: &Ident, p: &Ident, size_field: Option<&Field>) -> Option<Policy> {
        let names: Vec<String> = Policy::ALL.iter().map(|p| format!("`{}`", p.name())).collect();
        let Some(policy) = Policy::ALL.into_iter().find(|q| p == q.name()) else {
            self.cx.error(p, format!("unknown size policy `{p}`\nhelp: write one of {}", names.join(", ")));
            return None;
        };
        if kind == RecordKind::Union {
            self.cx.error(p, format!("`{name}` is a union: only a struct is read with a size policy\nhelp: remove `policy`"));
            return None;
        }
        match (policy, size_field) {
            (Policy::Sized, Some(f)) => self.cx.error(p, format!(
                "policy `sized` takes the size beside the pointer, but `{name}` has the size field `{}`\nhelp: write `policy = sized_field` to read the size from `{}`, or drop the size field",
                unraw(&f.name), unraw(&f.name)
            )),
            (Policy::Argsz | Policy::SizedField | Policy::Perf, None) => self.cx.error(p, format!(
                "policy `{}` reads the size from a field of `{name}`, which has none\nhelp: mark the `u32` field that carries the size with `#[uabi(size)]`, or write `policy = sized` if the size is passed beside the pointer",
                policy.name()
            )),
            _ => return Some(policy),
        }
        None
    }

    /// A struct, union or enum named like an integer would change what `u32` means in every
    /// field of the module.
    fn refuse_shadowing(&self, name: &Ident) {
        let n = name.to_string();
        if Prim::from_name(&n).is_some() || unportable_scalar(&n).is_some() {
            self.cx.error(name, format!("a type named `{n}` shadows the primitive type of that name in this module, so a field written `{n}` would not be what the header says\nhelp: rename it"));
        }
    }

    fn refuse_generics(&self, name: &Ident, generics: &syn::Generics) {
        for p in &generics.params {
            let what = match p {
                syn::GenericParam::Lifetime(_) => "lifetime",
                syn::GenericParam::Type(_) => "generic parameter",
                syn::GenericParam::Const(_) => "const generic parameter",
            };
            self.cx.error(p, format!("`{name}` cannot have a {what}: a C header has one concrete layout per type\nhelp: remove it and write the concrete types"));
        }
        if let Some(w) = &generics.where_clause {
            self.cx.error(w, format!("`{name}` cannot have a where clause\nhelp: remove it"));
        }
    }

    fn refuse_repr(&self, s: &Sorted, name: &Ident) {
        for r in &s.repr {
            let text = r.to_token_stream().to_string();
            if text.contains("packed") {
                self.cx.error(r, format!("`{name}` cannot choose its own representation: uabi writes it for Rust and C together\nhelp: replace this `#[repr]` with `#[uabi(packed)]`, which gives C `__attribute__((packed))` and Rust `#[repr(C, packed)]`"));
            } else if text.contains("align") || text.contains("transparent") || !text.contains('C') {
                self.cx.error(r, format!("`{name}` cannot choose its own representation: uabi makes it `#[repr(C)]`, with `align(8)` only where a field is `#[uabi(aligned)]`\nhelp: remove this `#[repr]`; an over-aligned struct has a different layout on each architecture"));
            }
        }
    }

    fn field(&self, kind: RecordKind, f: &syn::Field, first_version: u32, record_arch: FamilySet) -> Option<Field> {
        let name = f.ident.clone()?;
        let what = format!("field `{}`", unraw(&name));
        let s = attr::sort(self.cx, &f.attrs, FIELD_KEYS, &what);
        let arch = self.arch(&s, record_arch, &what);
        let start = match (f.attrs.first(), &f.vis) {
            (Some(a), _) => a.pound_token.span,
            (None, syn::Visibility::Public(p)) => p.span,
            (None, syn::Visibility::Restricted(r)) => r.pub_token.span,
            (None, syn::Visibility::Inherited) => name.span(),
        };
        let since = s.uabi.since.unwrap_or(first_version);
        if since < first_version {
            self.cx.error(&f.ty, format!("version {since} is older than the struct's first version {first_version}"));
        }
        if kind == RecordKind::Union && s.uabi.since.is_some() {
            self.cx.error(&name, "union members have no versions: every member spans the whole union");
        }
        let ty = self.field_type(&f.ty, true, &what, arch)?;
        if s.uabi.aligned && !matches!(ty.element(), FieldType::Prim(Prim::U64 | Prim::I64)) {
            self.cx.error(&f.ty, "`aligned` applies to 64-bit fields (C `__aligned_u64`)\nhelp: remove `aligned` or make the field `u64`");
        }
        if s.uabi.char && !matches!(ty.element(), FieldType::Prim(Prim::U8 | Prim::I8)) {
            self.cx.error(&f.ty, "`char` applies to bytes and byte arrays (C `char`)\nhelp: remove `char`, or make the field `u8` or `[u8; N]`");
        }
        if s.uabi.c_long {
            if !matches!(ty.element(), FieldType::Prim(Prim::U64 | Prim::I64)) || s.uabi.aligned {
                self.cx.error(&f.ty, "`c_long` applies to 64-bit fields (C `unsigned long` or `long`)\nhelp: remove `c_long`, or make the field `u64`");
            }
            let narrow: Vec<&str> = uabi_arch::ARCHES.iter().filter(|a| arch.contains(a.family) && a.bits != 64).map(|a| a.name).collect();
            if !narrow.is_empty() {
                self.cx.error(&f.ty, format!(
                    "`long` is 32 bits on {}, where this field exists: its C type would not be 64 bits there\nhelp: limit the field (or its record) to families whose architectures are all 64-bit with `#[uabi(arch(..))]`, or remove `c_long`",
                    narrow.join(", ")
                ));
            }
        }
        if let Some(e) = &s.uabi.enum_name {
            if !self.enums.iter().any(|n| e == n) {
                self.cx.error(e, format!("`{e}` is not an enum of this module"));
            }
            if ty != FieldType::Prim(Prim::U32) && ty != FieldType::Prim(Prim::I32) {
                self.cx.error(&f.ty, "a field carrying an enum is a 32-bit integer, as C `enum` values are");
            }
        }
        if s.uabi.counted_by.is_some() && !matches!(ty, FieldType::Flex(_)) {
            self.cx.error(&name, "`counted_by` belongs on the flexible array member");
        }
        if s.uabi.anonymous && !matches!(ty, FieldType::Named(_)) {
            self.cx.error(&f.ty, "only a field whose type is a union or struct of this module can be anonymous");
        }
        let c_pointer = s.uabi.c_pointer.as_ref().and_then(|lit| self.c_pointer(lit, &ty, f, &s));
        let mut flags = Vec::new();
        if let Some(a) = &s.flags {
            let fty = match ty {
                FieldType::Prim(p) if !p.signed() => Some(p),
                _ => {
                    self.cx.error(&f.ty, "flags belong to an unsigned integer field");
                    None
                }
            };
            match attr::parse_flags(a) {
                Ok(defs) => {
                    for d in defs {
                        let fs = attr::sort(self.cx, &d.attrs, FLAG_KEYS, &format!("flag `{}`", d.name));
                        let flag_since = fs.uabi.since.unwrap_or(since);
                        if flag_since < since {
                            self.cx.error(&d.name, format!("a flag cannot be older than its field (version {since})"));
                        }
                        let Some(e) = self.evaluate(&d.expr, fty, arch) else { continue };
                        flags.push(Const {
                            c_name: d.name.to_string(),
                            name: d.name,
                            ty: fty.unwrap_or(Prim::U32),
                            expr: d.expr,
                            value: e.value,
                            docs: fs.docs.clone(),
                            since: flag_since,
                            c_suffix: self.c_suffix(&fs),
                            place: Place { header: HeaderId::MAIN, arch },
                        });
                    }
                }
                Err(e) => self.cx.push(e),
            }
        }
        let bits = s.bits.as_ref().map(|a| self.bits(a, &ty, f, &s)).unwrap_or_default();
        Some(Field {
            c_name: s.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| unraw(&name)),
            name,
            vis: f.vis.clone(),
            docs: s.docs,
            attrs: s.other,
            ty,
            ty_tokens: f.ty.clone(),
            start,
            since,
            aligned: s.uabi.aligned,
            char: s.uabi.char,
            c_long: s.uabi.c_long,
            reserved: s.uabi.reserved,
            enum_name: s.uabi.enum_name,
            gated_by: s.uabi.gated_by,
            counted_by: s.uabi.counted_by,
            anonymous: s.uabi.anonymous,
            size: s.uabi.size.is_some(),
            c_pointer,
            flags,
            bits,
            arch,
        })
    }

    /// `#[bits { name: width, .. }]` on a field: named ranges that cover an unsigned storage
    /// unit exactly (reserved bits are named too, as Linux's `__reserved_1`), so that every
    /// bit has a name and C places each range where the model says.
    fn bits(&self, a: &syn::Attribute, ty: &FieldType, f: &syn::Field, s: &Sorted) -> Vec<BitRange> {
        let unit = match ty {
            FieldType::Prim(p) if !p.signed() && p.size() <= 8 => *p,
            _ => {
                self.cx.error(&f.ty, "bitfields live in an unsigned integer storage unit\nhelp: declare the field `u8`, `u16`, `u32` or `u64`");
                return Vec::new();
            }
        };
        if s.flags.is_some() || s.uabi.enum_name.is_some() || s.uabi.size.is_some() || s.uabi.c_pointer.is_some() || s.uabi.reserved {
            self.cx.error(a, "a bitfield storage unit is only its bits: flags, an enum, the size, a pointer or `reserved` do not apply\nhelp: mark reserved bit ranges with `#[uabi(reserved)]` inside `#[bits { .. }]`");
        }
        let defs = match attr::parse_bits(a) {
            Ok(d) => d,
            Err(e) => {
                self.cx.push(e);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        let mut total = 0u32;
        for d in defs {
            let bs = attr::sort(self.cx, &d.attrs, BIT_KEYS, &format!("bit range `{}`", unraw(&d.name)));
            let width = match d.width.base10_parse::<u32>() {
                Ok(w) if (1..=unit.bits()).contains(&w) => w,
                _ => {
                    self.cx.error(&d.width, format!("a bit range is 1 to {} bits wide in a `{}`", unit.bits(), unit.rust_name()));
                    continue;
                }
            };
            total += width;
            out.push(BitRange {
                c_name: bs.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| unraw(&d.name)),
                name: d.name,
                width,
                docs: bs.docs,
                reserved: bs.uabi.reserved,
            });
        }
        if total != unit.bits() && !out.is_empty() {
            let name = f.ident.as_ref().map(unraw).unwrap_or_default();
            let help = if total < unit.bits() {
                format!("help: name the {} remaining bit(s), e.g. `#[uabi(reserved)] __reserved: {}` at the end", unit.bits() - total, unit.bits() - total)
            } else {
                format!("help: a `{}` holds {} bits: narrow the ranges, or use a wider storage unit", unit.rust_name(), unit.bits())
            };
            self.cx.error(a, format!(
                "the bit ranges of `{name}` cover {total} of its {} bits: C would leave the rest unnamed and a range could straddle into the next unit\n{help}",
                unit.bits()
            ));
        }
        out
    }

    /// `#[uabi(c_pointer = "T")]`: a `u64` that C also declares as a `T *`. Only the `u64`
    /// carrying a user address qualifies: its 8 bytes hold a pointer of any width, and the
    /// integer beside it keeps the slot 8 bytes on 32-bit too.
    fn c_pointer(&self, lit: &syn::LitStr, ty: &FieldType, f: &syn::Field, s: &Sorted) -> Option<String> {
        let pointee = lit.value();
        let mut ok = true;
        if *ty != FieldType::Prim(Prim::U64) {
            self.cx.error(&f.ty, "`c_pointer` applies to a `u64` field: the 8 bytes that carry a user address whatever the pointer width\nhelp: declare the field `u64`, or remove `c_pointer`");
            ok = false;
        }
        if s.flags.is_some() || s.uabi.enum_name.is_some() || s.uabi.size.is_some() || s.uabi.reserved {
            self.cx.error(lit, "`c_pointer` marks a field that carries an address; flags, an enum, the size or a reserved value are not addresses\nhelp: remove `c_pointer`, or the other attribute");
            ok = false;
        }
        // A C type name: words such as `__u64`, `void`, `const char`, `struct foo`, with no
        // `*` (the pointer is the one the attribute adds) and nothing that would end the
        // declaration.
        let words: Vec<&str> = pointee.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() || !words.iter().all(|w| crate::names::is_c_identifier(w)) {
            self.cx.error(lit, format!("`{pointee}` is not a C type name\nhelp: name the type the pointer points to, without `*`, e.g. `c_pointer = \"__u64\"` for `__u64 *`"));
            ok = false;
        }
        ok.then(|| words.join(" "))
    }

    /// A field type, or an error on its tokens that says what to write instead; `what` names
    /// the field (or constant, or ioctl argument) at the start of the message.
    fn field_type(&self, ty: &Type, flex_ok: bool, what: &str, arch: FamilySet) -> Option<FieldType> {
        let refuse = |msg: &str| {
            self.cx.error(ty, format!("{what}: {msg}"));
            None
        };
        match ty {
            Type::Paren(p) => self.field_type(&p.elem, flex_ok, what, arch),
            Type::Group(g) => self.field_type(&g.elem, flex_ok, what, arch),
            Type::Array(a) => {
                let elem = self.field_type(&a.elem, false, what, arch)?;
                // An array length is a `usize` to rustc: a `u64` here, and at most `u32::MAX`
                // so that a 32-bit `usize` holds it too.
                let n = self.evaluate(&a.len, Some(Prim::U64), arch)?.value;
                if n <= 0 {
                    self.cx.error(&a.len, "an array has at least one element\nhelp: a trailing flexible array is written `[T]`");
                    return None;
                }
                if n > u32::MAX as i128 {
                    self.cx.error(&a.len, format!("an array of {n} elements does not fit a 32-bit `usize`"));
                    return None;
                }
                Some(FieldType::Array(Box::new(elem), n as u64))
            }
            Type::Slice(s) => {
                let elem = self.field_type(&s.elem, false, what, arch)?;
                if !flex_ok {
                    return refuse("a flexible array `[T]` is only allowed as the last field of a struct");
                }
                Some(FieldType::Flex(Box::new(elem)))
            }
            Type::Ptr(_) | Type::Reference(_) => refuse(
                "pointers and references have the size of the machine word, which differs between 32-bit and 64-bit processes\nhelp: carry a user pointer as `u64` (C `__u64`, cast with `(__u64)(uintptr_t)ptr`)",
            ),
            Type::Tuple(_) => refuse("tuples have no C layout\nhelp: define a struct with named fields"),
            Type::BareFn(_) => refuse("function pointers cannot cross the user/kernel boundary\nhelp: carry an address as `u64`"),
            Type::Path(tp) => {
                let Some(last) = tp.path.segments.last() else { return refuse("expected a type") };
                let name = last.ident.to_string();
                if name == "Option" {
                    return refuse("`Option` has no C layout\nhelp: use a flag bit in `flags` that says whether the field is valid");
                }
                if !matches!(last.arguments, PathArguments::None) {
                    return refuse("generic types have no single C layout\nhelp: use a fixed-width integer, an array or a struct of this module");
                }
                if let Some(msg) = unportable_scalar(&name) {
                    return refuse(msg);
                }
                if let Some(p) = primitive_path(tp) {
                    return Some(FieldType::Prim(p));
                }
                if tp.qself.is_some() || tp.path.segments.len() != 1 {
                    let written = ty.to_token_stream().to_string().replace(' ', "");
                    return refuse(&if Prim::from_name(&name).is_some() {
                        format!("`{written}` is not the primitive `{name}`: only `{name}`, `core::primitive::{name}` or `std::primitive::{name}` are\nhelp: write `{name}`")
                    } else if self.records.contains_key(&name) {
                        format!("a struct or union of this module is named by its plain name\nhelp: write `{name}`")
                    } else {
                        format!("`{written}` is a path to a type outside this module, and its layout is unknown to uabi\nhelp: define the struct in this module, or use `u8 u16 u32 u64 i8 i16 i32 i64` or an array of them")
                    });
                }
                if let Some(p) = Prim::from_name(&name) {
                    return Some(FieldType::Prim(p));
                }
                if self.enums.contains(&name) {
                    return refuse(&format!(
                        "a Rust enum has no fixed size in C (an `enum` is as wide as the compiler likes)\nhelp: write `u32` and add `#[uabi(enum = {name})]`"
                    ));
                }
                if self.records.contains_key(&name) {
                    return Some(FieldType::Named(last.ident.clone()));
                }
                refuse(&format!(
                    "`{name}` is not an ABI type of this module\nhelp: use `u8 u16 u32 u64 i8 i16 i32 i64`, an array, or a struct or union defined in this module"
                ))
            }
            _ => refuse("this type has no portable C layout\nhelp: use a fixed-width integer, an array or a struct of this module"),
        }
    }

    fn enumeration(&self, e: &ItemEnum, header: HeaderId) -> Option<Enum> {
        let what = format!("enum `{}`", e.ident);
        let s = attr::sort(self.cx, &e.attrs, ENUM_KEYS, &what);
        let arch = self.arch(&s, FamilySet::ALL, &what);
        self.refuse_generics(&e.ident, &e.generics);
        self.refuse_shadowing(&e.ident);
        let mut repr = Prim::U32;
        for r in &s.repr {
            match r.parse_args::<Ident>().ok().and_then(|i| Prim::from_name(&i.to_string())).filter(|p| p.size() <= 8) {
                Some(p) => repr = p,
                None => self.cx.error(r, "an ABI enum is represented by a fixed-width integer\nhelp: write `#[repr(u32)]` or leave `#[repr]` out"),
            }
        }
        let prefix = s.uabi.prefix.map(|l| l.value()).unwrap_or_default();
        let mut variants = Vec::new();
        for v in &e.variants {
            let vs = attr::sort(self.cx, &v.attrs, VARIANT_KEYS, &format!("variant `{}`", v.ident));
            if !matches!(v.fields, Fields::Unit) {
                self.cx.error(v, "an ABI enum variant carries no data");
                continue;
            }
            let Some((_, expr)) = &v.discriminant else {
                self.cx.error(v, format!(
                    "variant `{0}` has no explicit value: the values of a UAPI enum are part of the ABI and are written out\nhelp: write `{0} = <value>`",
                    v.ident
                ));
                continue;
            };
            // In the enum's type, as Rust evaluates a discriminant.
            let Some(e) = self.evaluate(expr, Some(repr), arch) else { continue };
            variants.push(Const {
                c_name: vs.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| format!("{prefix}{}", upper_snake_case(&v.ident.to_string()))),
                name: v.ident.clone(),
                ty: repr,
                expr: expr.clone(),
                value: e.value,
                docs: vs.docs,
                since: 0,
                c_suffix: None,
                place: Place { header, arch },
            });
        }
        Some(Enum {
            name: e.ident.clone(),
            c_name: s.uabi.c_name.map(|l| l.value()).unwrap_or_else(|| snake_case(&e.ident.to_string())),
            vis: e.vis.clone(),
            docs: s.docs,
            derives: s.derives,
            attrs: s.other,
            repr,
            variants,
            c_defines: s.uabi.c_defines,
            place: Place { header, arch },
        })
    }
}

/// `u32`, `core::primitive::u32`, `::core::primitive::u32` or `std::primitive::u32` (and the
/// other seven integers): the spellings that cannot be anything but the primitive, short of a
/// crate renamed `core`, which the expansion's type checks refuse.
fn primitive_path(tp: &syn::TypePath) -> Option<Prim> {
    if tp.qself.is_some() || tp.path.segments.iter().any(|s| !matches!(s.arguments, PathArguments::None)) {
        return None;
    }
    let segs: Vec<String> = tp.path.segments.iter().map(|s| s.ident.to_string()).collect();
    let prim = Prim::from_name(segs.last()?)?;
    match segs.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [_] if tp.path.leading_colon.is_none() => Some(prim),
        ["core" | "std", "primitive", _] => Some(prim),
        _ => None,
    }
}

/// Whether `tokens` name one of `idents` anywhere, inside brackets too.
fn mentions(tokens: TokenStream, idents: &[Ident]) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => idents.contains(&i),
        proc_macro2::TokenTree::Group(g) => mentions(g.stream(), idents),
        _ => false,
    })
}

/// Scalar types that Rust or C have but a UAPI must not use, with what to write instead.
fn unportable_scalar(name: &str) -> Option<&'static str> {
    Some(match name {
        "usize" | "isize" | "size_t" | "ssize_t" | "uintptr_t" | "intptr_t" | "ptrdiff_t" => {
            "`usize`-like types are platform-sized: 4 bytes in a 32-bit process, 8 in a 64-bit one\nhelp: use `u64` for sizes and addresses, or `u32` where 4 GiB is enough"
        }
        "bool" | "_Bool" => "`bool` has no fixed size or bit pattern in C\nhelp: use `u8` (or a bit in `flags`) with 0 and 1",
        "char" => "`char` is a 4-byte Unicode scalar in Rust and a 1-byte integer of either signedness in C\nhelp: use `u8` for a byte, or `u32` for a code point",
        "f32" | "f64" => "floating point has no place in a kernel ABI (the kernel does not use the FPU)\nhelp: carry the value as a fixed-point integer, or its bits as `u32`/`u64`",
        "c_int" | "c_uint" | "c_long" | "c_ulong" | "c_short" | "c_ushort" | "c_longlong" | "c_ulonglong"
        | "c_char" | "c_schar" | "c_uchar" | "c_void" | "c_float" | "c_double" => {
            "C's `int`/`long`/`char` have sizes and signedness chosen by each platform (`long` is 4 bytes on 32-bit and 8 on 64-bit)\nhelp: use the fixed-width type of the size you mean: `i32`, `u32`, `u64`, `u8` ..."
        }
        "String" | "str" | "Vec" | "Box" | "PhantomData" => "Rust-owned types have no C layout\nhelp: use a fixed-size `[u8; N]` array or a flexible array `[T]` as the last field",
        _ => return None,
    })
}
