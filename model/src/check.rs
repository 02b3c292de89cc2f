//! Rules that span items: names (C and Rust, per family), versions, flags, flag gates,
//! capability headers, what a nested header may refer to, and ioctl numbers per namespace.

use std::collections::HashMap;

use proc_macro2::Ident;
use quote::ToTokens;
use uabi_arch::FamilySet;

use crate::ast::*;
use crate::ctxt::Ctxt;
use crate::layout;
use crate::names::{is_c_identifier, is_c_keyword};

/// The largest argument a sized ioctl can carry on every architecture: powerpc, mips, alpha and
/// sparc keep 13 bits for the size.
const MAX_IOCTL_SIZE: u64 = uabi_arch::MAX_PORTABLE_SIZE as u64;

pub fn check(cx: &Ctxt, abi: &Abi) {
    c_names(cx, abi);
    c_suffixes(cx, abi);
    rust_names(cx, abi);
    header_references(cx, abi);
    for r in abi.records() {
        record(cx, abi, r);
    }
    ioctls(cx, abi);
}

fn name_ok(cx: &Ctxt, at: &Ident, c_name: &str) {
    let rust = crate::names::unraw(at);
    // "`class`", or "the C name `default` of `fallback`" when the two differ.
    let named = if rust == c_name { format!("`{c_name}`") } else { format!("the C name `{c_name}` of `{rust}`") };
    if is_c_keyword(c_name) {
        cx.error(at, format!(
            "{named} is a C keyword: the header would not compile\nhelp: rename `{rust}`, or set its C name with `#[uabi(c_name = \"{c_name}_\")]`"
        ));
    } else if !is_c_identifier(c_name) {
        cx.error(at, format!("{named} is not a C identifier\nhelp: a C name is letters, digits and `_`, not starting with a digit"));
    }
}

/// Names claimed in one C namespace, each on the families where it is defined: two claims of
/// one name clash only where their families meet (x86's and arm64's `kvm_regs` do not).
struct Claims<'a> {
    cx: &'a Ctxt,
    what: &'static str,
    names: HashMap<String, Vec<(FamilySet, String)>>,
    /// Items (not fields): two of one Rust name are `rust_names`'s to report, once.
    items: bool,
}

impl<'a> Claims<'a> {
    fn new(cx: &'a Ctxt, what: &'static str) -> Self {
        Claims { cx, what, names: HashMap::new(), items: what != "field" }
    }

    fn claim(&mut self, at: &Ident, name: &str, arch: FamilySet) {
        name_ok(self.cx, at, name);
        let prev = self.names.entry(name.to_string()).or_default();
        if let Some((_, who)) = prev.iter().find(|(a, _)| !a.intersection(arch).is_empty()) {
            if self.items && *at == who.as_str() {
                // Two items of one Rust name: `rust_names` reports it once.
                return;
            }
            let rust = crate::names::unraw(at);
            let of = if rust == name { String::new() } else { format!(" of `{rust}`") };
            self.cx.error(at, format!(
                "the C {} `{name}`{of} is already defined by `{who}`\nhelp: give one of them another name, or a `#[uabi(c_name = \"..\")]`; if each belongs to other architectures, say which with `#[uabi(arch(..))]`",
                self.what
            ));
        } else {
            prev.push((arch, at.to_string()));
        }
    }
}

/// C has one namespace for tags (struct, union, enum) and one for macros and enumerators; two
/// items with the same C name in either would not compile where both exist.
fn c_names(cx: &Ctxt, abi: &Abi) {
    let mut tags = Claims::new(cx, "tag");
    let mut macros = Claims::new(cx, "name");
    // The expansion adds `IOCTLS` to every module.
    macros.names.insert("IOCTLS".into(), vec![(FamilySet::ALL, "uabi's table of ioctls".into())]);
    for item in &abi.items {
        match item {
            Item::Const(c) => macros.claim(&c.name, &c.c_name, c.place.arch),
            Item::Str(c) => macros.claim(&c.name, &c.c_name, c.place.arch),
            Item::Ioctl(i) => macros.claim(&i.name, &i.name.to_string(), i.place.arch),
            Item::Struct(r) => {
                if !r.anonymous {
                    tags.claim(&r.name, &r.c_name, r.place.arch);
                }
                for m in r.version_macro_names() {
                    macros.claim(&r.name, &m, r.place.arch);
                }
                let mut fields = Claims::new(cx, "field");
                for f in &r.fields {
                    if f.anonymous {
                        // Its members are members of this struct in C.
                        if let FieldType::Named(n) = &f.ty {
                            if let Some(inner) = abi.record(n) {
                                for g in &inner.fields {
                                    for m in g.c_members() {
                                        fields.claim(&g.name, &m, f.arch.intersection(g.arch));
                                    }
                                }
                            }
                        }
                        continue;
                    }
                    for m in f.c_members() {
                        let at = f.bits.iter().find(|b| b.c_name == m).map_or(&f.name, |b| &b.name);
                        fields.claim(at, &m, f.arch);
                    }
                    for flag in &f.flags {
                        macros.claim(&flag.name, &flag.c_name, flag.place.arch);
                    }
                }
            }
            Item::Enum(e) => {
                tags.claim(&e.name, &e.c_name, e.place.arch);
                for v in &e.variants {
                    macros.claim(&v.name, &v.c_name, v.place.arch);
                }
            }
            Item::Rust(..) => {}
        }
    }
}

/// A constant that asks for a C suffix (`#[uabi(c_suffix = "UL")]`) must be writable with it:
/// its expression or its value, with that suffix, giving its value on every data model.
fn c_suffixes(cx: &Ctxt, abi: &Abi) {
    let spellings = crate::c_expr::Spellings::new(abi);
    let consts = abi.items.iter().flat_map(|i| -> Box<dyn Iterator<Item = &Const>> {
        match i {
            Item::Const(c) => Box::new(std::iter::once(c)),
            Item::Struct(r) => Box::new(r.fields.iter().flat_map(|f| &f.flags)),
            _ => Box::new(std::iter::empty()),
        }
    });
    for c in consts {
        if let Some(s) = c.c_suffix {
            if !spellings.suffix_ok(c) {
                cx.error(&c.expr, format!(
                    "`{}` is {} (`{:#x}`), which no C literal with the suffix `{}` holds on 32-bit architectures\nhelp: remove `c_suffix`, or use `ULL`",
                    c.name, c.value, c.value, s.text()
                ));
            }
        }
    }
}

/// Two items of one kind with one Rust name must exist on different families: rustc keeps
/// one of them per target (`#[cfg]`), and a target of both would see two definitions.
fn rust_names(cx: &Ctxt, abi: &Abi) {
    let mut seen: HashMap<(&'static str, String), Vec<FamilySet>> = HashMap::new();
    let mut visit = |kind: &'static str, name: &Ident, arch: FamilySet| {
        let prev = seen.entry((kind, name.to_string())).or_default();
        if let Some(other) = prev.iter().find(|a| !a.intersection(arch).is_empty()) {
            cx.error(name, format!(
                "`{name}` is defined twice for {}\nhelp: rename one, or give each its architectures with `#[uabi(arch(..))]`",
                other.intersection(arch)
            ));
        }
        prev.push(arch);
    };
    for item in &abi.items {
        match item {
            Item::Struct(r) => visit("type", &r.name, r.place.arch),
            Item::Enum(e) => visit("type", &e.name, e.place.arch),
            Item::Const(c) => visit("value", &c.name, c.place.arch),
            Item::Str(c) => visit("value", &c.name, c.place.arch),
            Item::Ioctl(i) => visit("value", &i.name, i.place.arch),
            Item::Rust(..) => {}
        }
    }
}

/// A nested header is included by the main one, so its items can only name its own: the
/// header must compile on its own, as Linux's `<asm/kvm.h>` does.
fn header_references(cx: &Ctxt, abi: &Abi) {
    if abi.headers.len() == 1 {
        return;
    }
    let mut homes: HashMap<String, Vec<HeaderId>> = HashMap::new();
    for item in &abi.items {
        let h = item.header();
        let mut add = |n: &Ident| homes.entry(n.to_string()).or_default().push(h);
        match item {
            Item::Const(c) => add(&c.name),
            Item::Str(c) => add(&c.name),
            Item::Ioctl(i) => add(&i.name),
            Item::Enum(e) => {
                add(&e.name);
                e.variants.iter().for_each(|v| add(&v.name));
            }
            Item::Struct(r) => {
                add(&r.name);
                r.fields.iter().flat_map(|f| &f.flags).for_each(|f| add(&f.name));
            }
            Item::Rust(..) => {}
        }
    }
    for item in &abi.items {
        let h = item.header();
        if h == HeaderId::MAIN {
            continue;
        }
        let mut tokens = proc_macro2::TokenStream::new();
        match item {
            Item::Const(c) => c.expr.to_tokens(&mut tokens),
            Item::Ioctl(i) => {
                i.ty_expr.to_tokens(&mut tokens);
                i.nr_expr.to_tokens(&mut tokens);
                i.arg.to_tokens(&mut tokens);
            }
            Item::Enum(e) => e.variants.iter().for_each(|v| v.expr.to_tokens(&mut tokens)),
            Item::Struct(r) => {
                for f in &r.fields {
                    f.ty_tokens.to_tokens(&mut tokens);
                    f.flags.iter().for_each(|c| c.expr.to_tokens(&mut tokens));
                }
            }
            Item::Str(_) | Item::Rust(..) => {}
        }
        let mut idents = Vec::new();
        collect_idents(tokens, &mut idents);
        for id in idents {
            if let Some(home) = homes.get(&id.to_string()) {
                if !home.contains(&h) {
                    let there = &abi.headers[home[0].0].path;
                    cx.error(&id, format!(
                        "`{id}` is defined in `<{there}>`, which `<{}>` does not include\nhelp: move `{id}` into this header module, or this item out of it",
                        abi.headers[h.0].path
                    ));
                }
            }
        }
    }
}

fn collect_idents(tokens: proc_macro2::TokenStream, out: &mut Vec<Ident>) {
    for t in tokens {
        match t {
            proc_macro2::TokenTree::Ident(i) => out.push(i),
            proc_macro2::TokenTree::Group(g) => collect_idents(g.stream(), out),
            _ => {}
        }
    }
}

/// Whether `expr` names any of `names`.
fn mentions(expr: &syn::Expr, names: &[&Ident]) -> bool {
    let mut idents = Vec::new();
    collect_idents(expr.to_token_stream(), &mut idents);
    idents.iter().any(|i| names.contains(&i))
}

fn record(cx: &Ctxt, abi: &Abi, r: &Record) {
    let mut last = r.first_version;
    for (k, f) in r.fields.iter().enumerate() {
        if f.since < last {
            cx.error(&f.name, format!(
                "`{}` is version {} but follows a version {last} field: new fields only go at the end\nhelp: move it after the version {last} fields, or give it `#[uabi(since = {last})]`",
                f.name, f.since
            ));
        }
        last = last.max(f.since);
        if matches!(f.ty, FieldType::Flex(_)) && r.kind == RecordKind::Struct && k + 1 != r.fields.len() {
            cx.error(&f.ty_tokens, format!("the flexible array `{}` must be the last field\nhelp: move it after every other field", f.name));
        }
        if let Some(flag) = &f.gated_by {
            let declared = r.fields.iter().flat_map(|g| &g.flags).any(|c| c.name == *flag);
            if !declared {
                cx.error(flag, format!(
                    "`{}` is gated by `{flag}`, which is not a flag declared on a field of `{}`\nhelp: declare it in the `#[flags {{ .. }}]` of the flags field, e.g. `#[flags {{ {flag} = 1 << 0 }}]`; a plain `const` is not a flag",
                    f.name, r.name
                ));
            }
        }
        if let Some(count) = &f.counted_by {
            match r.fields.iter().find(|g| g.name == *count) {
                Some(g) if matches!(g.ty, FieldType::Prim(p) if !p.signed()) => {}
                _ => cx.error(count, format!("`{count}` is not an unsigned integer field of `{}`", r.name)),
            }
        }
        if let (FieldType::Array(..) | FieldType::Flex(_), FieldType::Named(n)) = (&f.ty, f.ty.element()) {
            if abi.record(n).is_some_and(|target| target.anonymous) {
                cx.error(&f.ty_tokens, format!(
                    "`{n}` is anonymous: C has no name for it, so it cannot be the element of an array\nhelp: remove `#[uabi(anonymous)]` from `{n}` to give it a C tag"
                ));
            }
        }
        if let FieldType::Named(n) = &f.ty {
            if let Some(target) = abi.record(n) {
                if !target.anonymous && f.anonymous {
                    cx.error(&f.name, format!("`{n}` is a named C type: C inlines only an untagged one without a member name\nhelp: add `#[uabi(anonymous)]` to `{n}` as well"));
                }
                if target.anonymous && abi.records().filter(|o| o.name == *n).count() > 1 {
                    cx.error(&f.ty_tokens, format!("`{n}` is anonymous and defined per architecture: C inlines one body, so it cannot differ\nhelp: make the fields of `{n}` per architecture instead (`#[uabi(arch(..))]` on each)"));
                }
            }
        }
        flags_overlap(cx, f);
    }
    if r.capability.is_some() {
        capability_header(cx, abi, r);
    }
    if let Some(key) = &r.packed {
        packed(cx, abi, r, key);
    }
}

/// The record `ty` names, on a family where it is over-aligned (see `Layouts::over_aligned`).
fn over_aligned_record<'a>(abi: &'a Abi, ty: &FieldType) -> Option<&'a Record> {
    match ty {
        FieldType::Named(n) => abi.records().find(|t| t.name == *n && abi.layouts.over_aligned(t.id)),
        _ => None,
    }
}

/// What `#[repr(C, packed)]` cannot hold or derive, refused here with the reason rather than
/// by rustc inside the expansion.
fn packed(cx: &Ctxt, abi: &Abi, r: &Record, key: &Ident) {
    if r.kind == RecordKind::Union {
        cx.error(key, format!("the union `{}` cannot be packed: Rust could not lend out its members\nhelp: put `#[uabi(packed)]` on the struct that holds the union instead", r.name));
        return;
    }
    for f in &r.fields {
        if CSpelling::of(f).aligned {
            cx.error(&f.name, format!("`{}` is `#[uabi(aligned)]` inside the packed `{}`: packing takes away the alignment it asks for\nhelp: remove `#[uabi(aligned)]` from `{}`, or `#[uabi(packed)]` from `{}`", f.name, r.name, f.name, r.name));
        } else if let Some(target) = over_aligned_record(abi, f.ty.element()) {
            cx.error(&f.ty_tokens, format!("`{}` is 8-aligned on every architecture (a `#[uabi(aligned)]` field), which Rust does not allow inside the packed `{}`\nhelp: use a record without `#[uabi(aligned)]` fields here, or remove `#[uabi(packed)]`", target.name, r.name));
        }
    }
    // Derives that borrow fields need them copied out of a packed struct instead.
    let borrows = ["Debug", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord"];
    let copy = r.derives.iter().any(|p| p.is_ident("Copy"));
    if let Some(d) = r.derives.iter().find(|p| borrows.iter().any(|b| p.is_ident(b))).filter(|_| !copy) {
        cx.error(d, format!("`{}` derives `{}` but not `Copy`: on a packed struct the derive must copy each field out, since it cannot borrow one\nhelp: add `Clone, Copy` to the derives of `{}`", r.name, d.to_token_stream(), r.name));
    }
}

/// A flag written as a literal has bits of its own: two flags of one field with a common bit
/// would make the header and the decoders mean two things by one bit. A mask or an alias is
/// written with the names of the flags it covers (`SCHED_FLAG_UTIL_CLAMP = MIN | MAX`), and
/// may repeat their bits.
fn flags_overlap(cx: &Ctxt, f: &Field) {
    let names: Vec<&Ident> = f.flags.iter().map(|c| &c.name).collect();
    let mut owned: Vec<(&Ident, u128)> = Vec::new();
    for flag in &f.flags {
        let others: Vec<&Ident> = names.iter().copied().filter(|n| **n != flag.name).collect();
        if mentions(&flag.expr, &others) {
            continue;
        }
        let bits = flag.value as u128 & mask_of(flag.ty);
        let clashing: Vec<&(&Ident, u128)> = owned.iter().filter(|(_, b)| b & bits != 0).collect();
        // A value of a multi-bit field (the message type in `TYPE_MASK = 0xf`) is not a flag:
        // it is compared with `flags & TYPE_MASK`, never tested bit by bit.
        if let [(mask, mask_bits)] = clashing[..] {
            if bits & !mask_bits == 0 && mask_bits.count_ones() > 1 {
                cx.error(&flag.expr, format!(
                    "`{}` = {bits:#x} lies inside the multi-bit field `{mask}` ({mask_bits:#x}) of `{}`: a flag would mean one bit\nhelp: if `{}` is one of the values `{}` & `{mask}` takes, declare it as a `pub const` of the module, not among the flags",
                    flag.name, f.name, flag.name, f.name
                ));
                owned.push((&flag.name, bits));
                continue;
            }
        }
        let clash: Vec<String> = clashing.iter().map(|(n, b)| format!("`{n}` ({b:#x})")).collect();
        if !clash.is_empty() {
            cx.error(&flag.expr, format!(
                "`{}` = {bits:#x} uses bits of {}: two flags of `{}` would mean one bit\nhelp: give `{}` a bit of its own; if it is a mask or an alias, write it with the other flags' names (`A | B`)",
                flag.name,
                clash.join(" and "),
                f.name,
                flag.name
            ));
        }
        owned.push((&flag.name, bits));
    }
}

fn mask_of(p: Prim) -> u128 {
    if p.bits() >= 128 {
        u128::MAX
    } else {
        (1u128 << p.bits()) - 1
    }
}

/// The runtime walks capability chains with VFIO's header, `{ u16 id; u16 version; u32 next; }`:
/// a capability whose first field is laid out otherwise would be read wrong.
fn capability_header(cx: &Ctxt, abi: &Abi, r: &Record) {
    const HELP: &str = "help: make the first field the chain header, `{ id: u16, version: u16, next: u32 }` (VFIO's `vfio_info_cap_header`), which `uabi::CapChain` walks";
    let Some(first) = r.fields.first() else {
        cx.error(&r.name, format!("a capability starts with its chain header\n{HELP}"));
        return;
    };
    let FieldType::Named(n) = &first.ty else {
        cx.error(&first.ty_tokens, format!("a capability starts with its chain header, not `{}`\n{HELP}", first.ty_tokens.to_token_stream()));
        return;
    };
    let Some(h) = abi.record(n) else { return };
    let want = [(Prim::U16, 0u64), (Prim::U16, 2), (Prim::U32, 4)];
    let ok = h.kind == RecordKind::Struct
        && h.fields.len() == 3
        && abi.layouts.groups(h.id).iter().all(|l| {
            l.size == 8 && h.fields.iter().zip(want).enumerate().all(|(k, (f, (p, off)))| f.ty == FieldType::Prim(p) && l.slot(k).is_some_and(|s| s.offset == off))
        });
    if !ok {
        cx.error(&first.ty_tokens, format!("`{n}` is not laid out as the capability chain header the runtime walks\n{HELP}"));
    }
}

/// ioctl numbers are dispatched per file descriptor: inside a namespace (direction, type,
/// number, size) must be unique on every family, across namespaces they may repeat
/// (VFIO_BASE + 12).
fn ioctls(cx: &Ctxt, abi: &Abi) {
    let mut seen: HashMap<(String, Dir, i128, i128, u64, uabi_arch::Family), &Ident> = HashMap::new();
    let mut too_large: Vec<&Ident> = Vec::new();
    for item in &abi.items {
        let Item::Ioctl(io) = item else { continue };
        let mut reported = false;
        for f in io.place.arch.iter() {
            let size = io.size_arg.as_ref().and_then(|t| layout::arg_size(abi, t, f)).unwrap_or(0);
            if size > MAX_IOCTL_SIZE && !too_large.contains(&&io.name) {
                too_large.push(&io.name);
                cx.error(&io.name, format!(
                    "the argument of `{}` is {size} bytes, more than the {MAX_IOCTL_SIZE} a 13-bit size field holds (powerpc, mips, alpha, sparc)\nhelp: use `io!` and carry the size in an `argsz` field",
                    io.name
                ));
            }
            let key = (io.namespace.clone(), io.dir, io.ty, io.nr, size, f);
            match seen.get(&key) {
                Some(prev) if !reported => {
                    reported = true;
                    cx.error(&io.name, format!(
                        "`{}` has the same ioctl number as `{prev}` in namespace `{}` ({}(type {:#x}, nr {}))\nhelp: choose another number, or put it in the namespace of the file descriptor it is issued on with `#[uabi(namespace = ..)]`",
                        io.name, io.namespace, io.dir.c_macro(), io.ty, io.nr
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(key, &io.name);
                }
            }
        }
    }
}
