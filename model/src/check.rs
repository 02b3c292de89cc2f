//! Rules that span items: C names, versions, flag gates, and ioctl numbers per namespace.

use std::collections::HashMap;

use proc_macro2::Ident;

use crate::ast::*;
use crate::ctxt::Ctxt;
use crate::names::{is_c_identifier, is_c_keyword};

/// The largest argument a sized ioctl can carry on every architecture: powerpc, mips, alpha and
/// sparc keep 13 bits for the size.
const MAX_IOCTL_SIZE: u64 = uabi_ioctl::MAX_PORTABLE_SIZE as u64;

pub fn check(cx: &Ctxt, abi: &Abi) {
    c_names(cx, abi);
    for item in &abi.items {
        if let Item::Struct(r) = item {
            record(cx, abi, r);
        }
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

/// C has one namespace for tags (struct, union, enum) and one for macros and enumerators; two
/// items with the same C name in either would not compile.
fn c_names(cx: &Ctxt, abi: &Abi) {
    let mut tags: HashMap<String, String> = HashMap::new();
    let mut macros: HashMap<String, String> = HashMap::new();
    let claim = |map: &mut HashMap<String, String>, at: &Ident, name: &str, what: &str| {
        name_ok(cx, at, name);
        if let Some(prev) = map.get(name) {
            let rust = crate::names::unraw(at);
            let of = if rust == name { String::new() } else { format!(" of `{rust}`") };
            cx.error(at, format!("the C {what} `{name}`{of} is already defined by `{prev}`\nhelp: give one of them another name, or a `#[uabi(c_name = \"..\")]`"));
        } else {
            map.insert(name.to_string(), at.to_string());
        }
    };
    // The expansion adds `IOCTLS` to every module.
    macros.insert("IOCTLS".into(), "uabi's table of ioctls".into());
    for item in &abi.items {
        match item {
            Item::Const(c) => claim(&mut macros, &c.name, &c.c_name, "name"),
            Item::Str(c) => claim(&mut macros, &c.name, &c.c_name, "name"),
            Item::Ioctl(i) => claim(&mut macros, &i.name, &i.name.to_string(), "name"),
            Item::Struct(r) => {
                if !r.anonymous {
                    claim(&mut tags, &r.name, &r.c_name, "tag");
                }
                for m in r.version_macros() {
                    claim(&mut macros, &r.name, &m.name, "name");
                }
                let mut fields: HashMap<String, String> = HashMap::new();
                for f in &r.fields {
                    claim(&mut fields, &f.name, &f.c_name, "field");
                    if let Some(int) = f.pointer_int_name() {
                        // The integer member beside a `c_pointer` is a field of the struct in C.
                        claim(&mut fields, &f.name, &int, "field");
                    }
                    for flag in &f.flags {
                        claim(&mut macros, &flag.name, &flag.c_name, "name");
                    }
                }
            }
            Item::Enum(e) => {
                claim(&mut tags, &e.name, &e.c_name, "tag");
                for v in &e.variants {
                    claim(&mut macros, &v.name, &v.c_name, "name");
                }
            }
            Item::Rust(_) => {}
        }
    }
}

fn record(cx: &Ctxt, abi: &Abi, r: &Record) {
    let mut last = r.first_version;
    for f in &r.fields {
        if f.since < last {
            cx.error(&f.name, format!(
                "`{}` is version {} but follows a version {last} field: new fields only go at the end\nhelp: move it after the version {last} fields",
                f.name, f.since
            ));
        }
        last = last.max(f.since);
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
                if target.anonymous && !f.anonymous {
                    cx.error(&f.name, format!("`{n}` is anonymous: C only knows it inlined\nhelp: add `#[uabi(anonymous)]` to `{}`", f.name));
                }
                if !target.anonymous && f.anonymous {
                    cx.error(&f.name, format!("`{n}` is a named C type\nhelp: add `#[uabi(anonymous)]` to `{n}` as well"));
                }
            }
        }
    }
    if r.capability.is_some() && !matches!(r.fields.first().map(|f| &f.ty), Some(FieldType::Named(_))) {
        cx.error(&r.name, "a capability starts with its chain header\nhelp: make the first field `header: VfioInfoCapHeader` (or your header struct)");
    }
}

/// ioctl numbers are dispatched per file descriptor: inside a namespace (direction, type,
/// number, size) must be unique, across namespaces they may repeat (VFIO_BASE + 12).
fn ioctls(cx: &Ctxt, abi: &Abi) {
    let mut seen: HashMap<(String, Dir, i128, i128, u64), &Ident> = HashMap::new();
    for item in &abi.items {
        let Item::Ioctl(io) = item else { continue };
        let size = match &io.size_arg {
            Some(t) => match abi.arg_size(t) {
                Some(s) if s > MAX_IOCTL_SIZE => {
                    cx.error(&io.name, format!(
                        "the argument of `{}` is {s} bytes, more than the {MAX_IOCTL_SIZE} a 13-bit size field holds (powerpc, mips, alpha, sparc)\nhelp: use `io!` and carry the size in an `argsz` field",
                        io.name
                    ));
                    s
                }
                Some(s) => s,
                None => 0,
            },
            None => 0,
        };
        let key = (io.namespace.clone(), io.dir, io.ty, io.nr, size);
        if let Some(prev) = seen.get(&key) {
            cx.error(&io.name, format!(
                "`{}` has the same ioctl number as `{prev}` in namespace `{}` ({}(type {:#x}, nr {}))\nhelp: choose another number, or put it in the namespace of the file descriptor it is issued on with `#[uabi(namespace = ..)]`",
                io.name, io.namespace, io.dir.c_macro(), io.ty, io.nr
            ));
        } else {
            seen.insert(key, &io.name);
        }
    }
}
