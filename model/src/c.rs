//! The C back end: a UAPI header, and a file of `_Static_assert`s of the model's layout.
//!
//! The header follows the conventions of Linux's `include/uapi`: SPDX line, include guard,
//! `<linux/types.h>` types, flag `#define`s right after their field, ioctls as `_IO*`
//! expressions so that each architecture's `<asm/ioctl.h>` computes its own number.

use std::fmt::Write;

use crate::ast::*;
use crate::eval;

const SPDX: &str = "/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */";

/// Where the header was generated from, for its banner.
pub struct Source<'a> {
    pub path: &'a str,
}

fn comment(out: &mut String, indent: &str, docs: &[String]) {
    let lines: Vec<&str> = docs.iter().map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end()).collect();
    // Trim leading and trailing empty lines.
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |e| e + 1);
    // Inside a C comment `*/` ends it, `/*` draws -Wcomment (`/dev/vfio/*`), and `??/` is a
    // trigraph (a backslash in C90): break each apart.
    let lines: Vec<String> =
        lines[start..end].iter().map(|l| l.replace("*/", "* /").replace("/*", "/ *").replace("??", "? ?")).collect();
    match lines.len() {
        0 => {}
        1 => writeln!(out, "{indent}/* {} */", lines[0]).unwrap(),
        _ => {
            writeln!(out, "{indent}/*").unwrap();
            for l in &lines {
                if l.is_empty() {
                    writeln!(out, "{indent} *").unwrap();
                } else {
                    writeln!(out, "{indent} * {l}").unwrap();
                }
            }
            writeln!(out, "{indent} */").unwrap();
        }
    }
}

/// The C name of the module constant `rust`, for rendering expressions.
fn c_name_of(abi: &Abi, rust: &str) -> String {
    abi.constant(rust).map_or_else(|| rust.to_string(), |c| c.c_name.clone())
}

/// A constant's expression as C, parenthesized when compound, with a suffix on its literals
/// wherever C's `int` arithmetic would give another value than the model's: C evaluates the
/// expression as written, so not only the result but every intermediate value must fit the
/// literals' type (`(1 << 31) >> 4` needs `1U`, `(1 << 40) >> 20` needs `1ULL`, and a negative
/// 64-bit value needs `LL`, not `ULL`, to stay negative).
fn c_value(abi: &Abi, c: &Const) -> String {
    let lookup = |n: &str| abi.constant(n).map(|c| c.value).ok_or_else(String::new);
    let (lo, hi) = eval::evaluate(&c.expr, Some(c.ty), &lookup).map_or((c.value, c.value), |e| (e.lo, e.hi));
    let suffix = if lo >= i32::MIN as i128 && hi <= i32::MAX as i128 {
        ""
    } else if lo >= 0 && hi <= u32::MAX as i128 {
        "U"
    } else if lo < 0 && hi <= i64::MAX as i128 {
        "LL"
    } else {
        "ULL"
    };
    let text = eval::to_c(&c.expr, &|n| c_name_of(abi, n), suffix);
    if eval::needs_parens(&c.expr) && !fully_parenthesized(&text) {
        format!("({text})")
    } else {
        text
    }
}

/// True when `text` is `( .. )` with the first parenthesis closed by the last character, so
/// that `(1 << 31) >> 4` still gets parentheses of its own.
fn fully_parenthesized(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(') else { return false };
    let mut depth = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1 == inner.len();
                }
            }
            _ => {}
        }
    }
    false
}

fn define(out: &mut String, name: &str, value: &str) {
    let pad = if name.len() < 40 { " ".repeat(40 - name.len()) } else { " ".to_string() };
    writeln!(out, "#define {name}{pad}{value}").unwrap();
}

/// The C declarator of a field: type and name, with array dimensions.
fn declarator(abi: &Abi, f: &Field, ty: &FieldType, name: &str) -> String {
    match ty {
        FieldType::Prim(p) => format!("{} {name}", p.c_name(f.aligned)),
        FieldType::Array(e, n) => declarator(abi, f, e, &format!("{name}[{n}]")),
        FieldType::Flex(e) => declarator(abi, f, e, &format!("{name}[]")),
        FieldType::Named(n) => {
            let r = abi.record(n).expect("checked: named types exist");
            format!("{} {} {name}", r.kind.c_keyword(), r.c_name)
        }
    }
}

fn record_body(out: &mut String, abi: &Abi, r: &Record, depth: usize) {
    let indent = "\t".repeat(depth);
    for f in &r.fields {
        comment(out, &indent, &f.docs);
        if f.anonymous {
            let FieldType::Named(n) = &f.ty else { unreachable!("checked: anonymous fields are named types") };
            let inner = abi.record(n).expect("checked");
            writeln!(out, "{indent}{} {{", inner.kind.c_keyword()).unwrap();
            record_body(out, abi, inner, depth + 1);
            writeln!(out, "{indent}}};").unwrap();
        } else {
            let mut line = format!("{indent}{};", declarator(abi, f, &f.ty, &f.c_name));
            if let Some(e) = f.enum_name.as_ref().and_then(|e| abi.enumeration(e)) {
                write!(line, "\t/* enum {} */", e.c_name).unwrap();
            }
            if let Some(c) = &f.counted_by {
                let count = r.fields.iter().find(|g| g.name == *c).map_or(c.to_string(), |g| g.c_name.clone());
                write!(line, "\t/* {count} elements */").unwrap();
            }
            writeln!(out, "{line}").unwrap();
        }
        for flag in &f.flags {
            comment(out, &indent, &flag.docs);
            define(out, &flag.c_name, &c_value(abi, flag));
        }
    }
}

fn ioctl_expr(abi: &Abi, io: &Ioctl) -> String {
    let mac = io.dir.c_macro();
    let ty = eval::to_c(&io.ty_expr, &|n| c_name_of(abi, n), "");
    let nr = eval::to_c(&io.nr_expr, &|n| c_name_of(abi, n), "");
    match &io.size_arg {
        None => format!("{mac}({ty}, {nr})"),
        Some(t) => {
            let arg = match t {
                FieldType::Prim(p) => p.c_name(false).to_string(),
                FieldType::Named(n) => {
                    let r = abi.record(n).expect("checked");
                    format!("{} {}", r.kind.c_keyword(), r.c_name)
                }
                _ => unreachable!("parse accepts only named or primitive sized arguments"),
            };
            format!("{mac}({ty}, {nr}, {arg})")
        }
    }
}

/// A `#define` the header adds after a versioned struct.
pub struct VersionMacro {
    pub name: String,
    pub value: i128,
    /// The definition as written in the header.
    pub c_expr: String,
}

/// The size of each version, the latest size, `minsz` (the first version's size) and the flags
/// each version knows, of a versioned struct (`OPEN_HOW_SIZE_VER0`, `VFIO_DEVICE_INFO_MINSZ`,
/// `VFIO_DEVICE_INFO_FLAGS_VER2`). Unversioned structs get none: their size is `sizeof`.
pub fn version_macros(r: &Record) -> Vec<VersionMacro> {
    let mut out = Vec::new();
    if r.anonymous || !r.is_versioned() {
        return out;
    }
    let upper = r.c_name.to_ascii_uppercase();
    let versions = r.versions();
    let size = |v: u32| VersionMacro {
        name: format!("{upper}_SIZE_VER{v}"),
        value: r.version_size(v) as i128,
        c_expr: r.version_size(v).to_string(),
    };
    out.extend(versions.iter().map(|v| size(*v)));
    let (first, last) = (versions[0], versions[versions.len() - 1]);
    let alias = |name: String, v: u32| VersionMacro { name, value: r.version_size(v) as i128, c_expr: format!("{upper}_SIZE_VER{v}") };
    out.push(alias(format!("{upper}_SIZE_LATEST"), last));
    out.push(alias(format!("{upper}_MINSZ"), first));
    if let Some(field) = r.flag_field() {
        for v in &versions {
            let names: Vec<&str> = field.flags.iter().filter(|f| f.since <= *v).map(|f| f.c_name.as_str()).collect();
            let c_expr = match names.len() {
                0 => "0".to_string(),
                1 => names[0].to_string(),
                _ => format!("({})", names.join(" | ")),
            };
            out.push(VersionMacro { name: format!("{upper}_FLAGS_VER{v}"), value: r.known_flags(*v) as i128, c_expr });
        }
    }
    out
}

/// The sentence on a struct's size convention, for the header and the report: every struct that
/// declares a policy or has a size field (a plain payload struct gets none).
pub fn policy_line(r: &Record) -> Option<String> {
    if r.kind != RecordKind::Struct || (r.declared_policy.is_none() && r.size_field.is_none()) {
        return None;
    }
    let p = r.policy();
    let field = r.size_field().map(|f| format!(" (size field `{}`)", f.c_name)).unwrap_or_default();
    Some(format!("Size policy `{}`{field}: {}.", p.name(), p.describe()))
}

/// Whether a field of `abi` is an `aligned` i64 (or an array of them): C `__aligned_s64`.
fn uses_aligned_s64(abi: &Abi) -> bool {
    abi.items.iter().any(|item| match item {
        Item::Struct(r) => r.fields.iter().any(|f| f.aligned && *f.ty.element() == FieldType::Prim(Prim::I64)),
        _ => false,
    })
}

/// The C UAPI header of `abi`.
pub fn header(abi: &Abi, source: &Source) -> String {
    let mut out = String::new();
    writeln!(out, "{SPDX}").unwrap();
    let mut banner = abi.docs.clone();
    if !banner.is_empty() {
        banner.push(String::new());
    }
    banner.push(format!("Generated by uabi from {}. Do not edit: change the Rust definition.", source.path));
    comment(&mut out, "", &banner);
    writeln!(out, "#ifndef {}\n#define {}\n", abi.guard, abi.guard).unwrap();
    writeln!(out, "#include <linux/types.h>\n#include <linux/ioctl.h>").unwrap();
    if uses_aligned_s64(abi) {
        // `__aligned_s64` came to <linux/types.h> only in Linux 6.x (`__aligned_u64` is much
        // older): define it, exactly as Linux does, where the installed headers lack it, so
        // the header also compiles against older kernel headers (Debian's i386 cross
        // compiler's among them; found by tests/generated_abis.rs).
        writeln!(out, "\n#ifndef __aligned_s64\n#define __aligned_s64 __s64 __attribute__((aligned(8)))\n#endif").unwrap();
    }

    let mut prev_define = false;
    for item in &abi.items {
        // Runs of undocumented #defines stay together, as in hand-written headers.
        let is_define = matches!(item, Item::Const(_) | Item::Ioctl(_));
        let documented = match item {
            Item::Const(c) => !c.docs.is_empty(),
            Item::Ioctl(io) => !io.docs.is_empty(),
            _ => true,
        };
        let emits_nothing = matches!(item, Item::Rust(_)) || matches!(item, Item::Struct(r) if r.anonymous);
        if !(emits_nothing || is_define && prev_define && !documented) {
            out.push('\n');
        }
        prev_define = is_define || (prev_define && emits_nothing);
        match item {
            Item::Const(c) => {
                comment(&mut out, "", &c.docs);
                define(&mut out, &c.c_name, &c_value(abi, c));
            }
            Item::Struct(r) if r.anonymous => {}
            Item::Struct(r) => {
                let mut docs = r.docs.clone();
                if let Some(line) = policy_line(r) {
                    if !docs.is_empty() {
                        docs.push(String::new());
                    }
                    docs.push(line);
                }
                comment(&mut out, "", &docs);
                writeln!(out, "{} {} {{", r.kind.c_keyword(), r.c_name).unwrap();
                record_body(&mut out, abi, r, 1);
                writeln!(out, "}};").unwrap();
                for m in version_macros(r) {
                    define(&mut out, &m.name, &m.c_expr);
                }
            }
            Item::Enum(e) => {
                comment(&mut out, "", &e.docs);
                writeln!(out, "enum {} {{", e.c_name).unwrap();
                for v in &e.variants {
                    comment(&mut out, "\t", &v.docs);
                    writeln!(out, "\t{} = {},", v.c_name, c_value(abi, v)).unwrap();
                }
                writeln!(out, "}};").unwrap();
            }
            Item::Ioctl(io) => {
                comment(&mut out, "", &io.docs);
                define(&mut out, &io.name.to_string(), &ioctl_expr(abi, io));
            }
            Item::Rust(_) => {}
        }
    }
    writeln!(out, "\n#endif /* {} */", abi.guard).unwrap();
    out
}

/// A C11 file of `_Static_assert`s: the size, alignment and every field offset of every
/// struct as the model computed them. Compiled by each architecture's own compiler, it proves
/// the model (and so the Rust assertions, which check the same numbers) right there.
pub fn layout_asserts(abi: &Abi) -> String {
    let mut out = String::new();
    writeln!(out, "/* Generated by uabi: the layout of <{}> as the uabi model computes it. */", abi.header).unwrap();
    writeln!(out, "#include <stddef.h>\n#include <{}>\n", abi.header).unwrap();
    out.push_str(
        "/* Alignment is the one number that differs by architecture: i386 aligns 64-bit integers\n \
         * to 4, m68k aligns nothing above 2, unless the field is __aligned_u64. */\n\
         #if defined(__i386__)\n#define UABI_ALIGN(natural, i386, m68k) (i386)\n\
         #elif defined(__m68k__)\n#define UABI_ALIGN(natural, i386, m68k) (m68k)\n\
         #else\n#define UABI_ALIGN(natural, i386, m68k) (natural)\n#endif\n",
    );
    for item in &abi.items {
        let Item::Struct(r) = item else { continue };
        if r.anonymous {
            continue;
        }
        let ty = format!("{} {}", r.kind.c_keyword(), r.c_name);
        let l = &r.layout;
        writeln!(out, "\n_Static_assert(sizeof({ty}) == {}, \"size of {ty}\");", l.size).unwrap();
        writeln!(
            out,
            "_Static_assert(_Alignof({ty}) == UABI_ALIGN({}, {}, {}), \"alignment of {ty}\");",
            l.align, l.align_i386, l.align_m68k
        )
        .unwrap();
        field_asserts(&mut out, abi, &ty, r, 0);
    }
    out
}

fn field_asserts(out: &mut String, abi: &Abi, ty: &str, r: &Record, base: u64) {
    for (f, fl) in r.fields.iter().zip(&r.layout.fields) {
        let off = base + fl.offset;
        if f.anonymous {
            let FieldType::Named(n) = &f.ty else { continue };
            let inner = abi.record(n).expect("checked");
            field_asserts(out, abi, ty, inner, off);
            continue;
        }
        writeln!(out, "_Static_assert(offsetof({ty}, {}) == {off}, \"offset of {ty}.{}\");", f.c_name, f.c_name).unwrap();
    }
}
