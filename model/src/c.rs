//! The C back end: a UAPI header, and a file of `_Static_assert`s of the model's layout.
//!
//! The header follows the conventions of Linux's `include/uapi`: SPDX line, include guard,
//! `<linux/types.h>` types, flag `#define`s right after their field, ioctls as `_IO*`
//! expressions so that each architecture's `<asm/ioctl.h>` computes its own number.

use std::fmt::Write;

use syn::{BinOp, Expr, Lit, UnOp};

use crate::ast::*;

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
    let (lo, hi) = c.extremes;
    let suffix = if lo >= i32::MIN as i128 && hi <= i32::MAX as i128 {
        ""
    } else if lo >= 0 && hi <= u32::MAX as i128 {
        "U"
    } else if lo < 0 && hi <= i64::MAX as i128 {
        "LL"
    } else {
        "ULL"
    };
    let text = to_c(&c.expr, &|n| c_name_of(abi, n), suffix);
    if needs_parens(&c.expr) && !fully_parenthesized(&text) {
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
        let mut docs = f.docs.clone();
        if let Some(int) = f.pointer_int_name() {
            let name = &f.c_name;
            if !docs.is_empty() {
                docs.push(String::new());
            }
            docs.extend([
                format!("`{name}` as a pointer, or the address as an integer (`{int}`): 8 bytes either way. A"),
                format!("32-bit program zeroes `{int}` before storing the pointer; on big-endian, where the"),
                format!("pointer fills the high half, it stores `(__u64)(uintptr_t)ptr` in `{int}` instead."),
            ]);
        }
        comment(out, &indent, &docs);
        if f.anonymous {
            let FieldType::Named(n) = &f.ty else { unreachable!("checked: anonymous fields are named types") };
            let inner = abi.record(n).expect("checked");
            writeln!(out, "{indent}{} {{", inner.kind.c_keyword()).unwrap();
            record_body(out, abi, inner, depth + 1);
            writeln!(out, "{indent}}};").unwrap();
        } else if let (Some(pointee), Some(int)) = (&f.c_pointer, f.pointer_int_name()) {
            // C code written for a pointer member assigns a pointer; the integer keeps the
            // slot 8 bytes (and the struct one layout) where a pointer is 4.
            let name = &f.c_name;
            writeln!(out, "{indent}union {{").unwrap();
            writeln!(out, "{indent}\t{pointee} *{name};").unwrap();
            writeln!(out, "{indent}\t{};", declarator(abi, f, &f.ty, &int)).unwrap();
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
    let ty = to_c(&io.ty_expr, &|n| c_name_of(abi, n), "");
    let nr = to_c(&io.nr_expr, &|n| c_name_of(abi, n), "");
    match &io.size_arg {
        None => format!("{mac}({ty}, {nr})"),
        // Parse accepts only an integer or a record of the module as a sized argument.
        Some(t) => format!("{mac}({ty}, {nr}, {})", abi.c_type(t, false)),
    }
}

/// Renders `expr` as C. `names` maps a Rust constant name to its C name. `suffix` is appended
/// to integer literals (`U`, `ULL`) when the value does not fit a C `int`.
fn to_c(expr: &Expr, names: &dyn Fn(&str) -> String, suffix: &str) -> String {
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => {
                let digits = i.to_string();
                let digits = digits.trim_end_matches(i.suffix()).replace('_', "");
                format!("{digits}{suffix}")
            }
            Lit::Byte(b) => c_char_literal(b.value()),
            _ => String::from("/* unsupported */"),
        },
        Expr::Paren(p) => format!("({})", to_c(&p.expr, names, suffix)),
        Expr::Group(g) => to_c(&g.expr, names, suffix),
        Expr::Cast(c) => to_c(&c.expr, names, suffix),
        Expr::Path(p) => names(&p.path.get_ident().map(|i| i.to_string()).unwrap_or_default()),
        Expr::Unary(u) => {
            let op = match u.op {
                UnOp::Neg(_) => "-",
                _ => "~",
            };
            format!("{op}{}", to_c(&u.expr, names, suffix))
        }
        Expr::Binary(b) => {
            let op = quote::ToTokens::to_token_stream(&b.op).to_string();
            // A shift count never needs widening: only the shifted operand does.
            let right_suffix = if matches!(b.op, BinOp::Shl(_) | BinOp::Shr(_)) { "" } else { suffix };
            format!("{} {op} {}", to_c(&b.left, names, suffix), to_c(&b.right, names, right_suffix))
        }
        _ => String::from("/* unsupported */"),
    }
}

/// True when the rendered expression needs parentheses to be used safely inside other macros.
fn needs_parens(expr: &Expr) -> bool {
    matches!(expr, Expr::Binary(_) | Expr::Unary(_) | Expr::Cast(_))
}

fn c_char_literal(b: u8) -> String {
    match b {
        b'\'' => "'\\''".into(),
        b'\\' => "'\\\\'".into(),
        0x20..=0x7e => format!("'{}'", b as char),
        _ => format!("'\\x{b:02x}'"),
    }
}

/// `s` as a C string literal. Every byte outside printable ASCII is a three-digit octal escape:
/// unlike `\x`, it cannot swallow a hex digit that follows it, and `?` is escaped so that no
/// `??x` trigraph forms under C90.
fn c_string_literal(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'?' => out.push_str("\\?"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push('"');
    out
}

/// The banner line naming every family of macros and members this header adds to what Linux's
/// conventions have, generated from what the header holds so that it cannot go stale.
fn additions(abi: &Abi) -> Option<String> {
    let records = || abi.items.iter().filter_map(|i| if let Item::Struct(r) = i { Some(r) } else { None });
    let macros: Vec<VersionMacro> = records().flat_map(|r| r.version_macros()).collect();
    let has = |suffix: &str| macros.iter().any(|m| m.name.contains(suffix));
    let mut parts = Vec::new();
    if has("_SIZE_VER") {
        parts.push("`<STRUCT>_SIZE_VER<n>` (the size of version n of a versioned struct)");
        parts.push("`<STRUCT>_SIZE_LATEST` (the newest)");
    }
    if has("_MINSZ") {
        parts.push("`<STRUCT>_MINSZ` (the first version's size, VFIO's `minsz`)");
    }
    if has("_FLAGS_VER") {
        parts.push("`<STRUCT>_FLAGS_VER<n>` (every flag version n knows)");
    }
    if records().any(|r| r.fields.iter().any(|f| f.c_pointer.is_some())) {
        parts.push("`<field>_u64` (the integer beside a pointer member, in an anonymous union)");
    }
    match parts.len() {
        0 => None,
        n => Some(format!(
            "Added to Linux's conventions: {}{}.",
            parts[..n - 1].join(", "),
            if n > 1 { format!(" and {}", parts[n - 1]) } else { parts[0].to_string() }
        )),
    }
}

/// `text` in lines of at most `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// A version macro's definition as written in the header.
fn version_macro_c(m: &VersionMacro) -> String {
    match &m.definition {
        MacroDefinition::Number(n) => n.to_string(),
        MacroDefinition::Alias(name) => name.clone(),
        MacroDefinition::Flags(names) => match names.len() {
            0 => "0".to_string(),
            1 => names[0].clone(),
            _ => format!("({})", names.join(" | ")),
        },
    }
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
    if let Some(line) = additions(abi) {
        banner.extend(wrap(&line, 95));
        banner.push(String::new());
    }
    banner.push(format!("Generated by uabi from {}. Do not edit: change the Rust definition.", source.path));
    comment(&mut out, "", &banner);
    writeln!(out, "#ifndef {}\n#define {}\n", abi.guard, abi.guard).unwrap();
    for path in crate::parse::ALWAYS_INCLUDED.iter().copied().chain(abi.includes.iter().map(String::as_str)) {
        writeln!(out, "#include <{path}>").unwrap();
    }
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
        let is_define = matches!(item, Item::Const(_) | Item::Ioctl(_) | Item::Str(_));
        let documented = match item {
            Item::Const(c) => !c.docs.is_empty(),
            Item::Str(c) => !c.docs.is_empty(),
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
                if let Some(line) = r.policy_sentence() {
                    if !docs.is_empty() {
                        docs.push(String::new());
                    }
                    docs.push(line);
                }
                comment(&mut out, "", &docs);
                writeln!(out, "{} {} {{", r.kind.c_keyword(), r.c_name).unwrap();
                record_body(&mut out, abi, r, 1);
                writeln!(out, "}};").unwrap();
                for m in r.version_macros() {
                    define(&mut out, &m.name, &version_macro_c(&m));
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
            Item::Str(c) => {
                comment(&mut out, "", &c.docs);
                define(&mut out, &c.c_name, &c_string_literal(&c.value));
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
    for f in &r.fields {
        let off = base + f.layout.offset;
        if f.anonymous {
            let FieldType::Named(n) = &f.ty else { continue };
            let inner = abi.record(n).expect("checked");
            field_asserts(out, abi, ty, inner, off);
            continue;
        }
        writeln!(out, "_Static_assert(offsetof({ty}, {}) == {off}, \"offset of {ty}.{}\");", f.c_name, f.c_name).unwrap();
        if let Some(int) = f.pointer_int_name() {
            writeln!(out, "_Static_assert(offsetof({ty}, {int}) == {off}, \"offset of {ty}.{int}\");").unwrap();
            writeln!(out, "_Static_assert(sizeof((({ty} *)0)->{int}) == {}, \"size of {ty}.{int}\");", f.layout.size).unwrap();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_c_as_written() {
        let names = |n: &str| format!("C_{n}");
        let x: Expr = syn::parse_str("(1 << 31) | BASE + 0x1_0").unwrap();
        assert_eq!(to_c(&x, &names, "U"), "(1U << 31) | C_BASE + 0x10U");
        let y: Expr = syn::parse_str("b'\\''").unwrap();
        assert_eq!(to_c(&y, &names, ""), "'\\''");
        let z: Expr = syn::parse_str("!FLAG").unwrap();
        assert_eq!(to_c(&z, &names, ""), "~C_FLAG");
    }
}
