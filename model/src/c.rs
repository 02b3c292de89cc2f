//! The C back end: the UAPI headers of a module, and for each a file of `_Static_assert`s and
//! bit probes of the model's layout.
//!
//! A header follows the conventions of Linux's `include/uapi`: SPDX line, include guard,
//! `<linux/types.h>` types, flag `#define`s right after their field, ioctls as `_IO*`
//! expressions so that each architecture's `<asm/ioctl.h>` computes its own number. Items and
//! fields that exist on some families of architectures only sit inside `#if` blocks on the
//! compilers' predefined macros ([`uabi_arch::Family::c_condition`]), so one header tree serves
//! every architecture with `-I` alone.

use std::fmt::Write;

use uabi_arch::{Endian, FamilySet, LayoutClass};

use crate::ast::*;
use crate::c_expr::{to_c, Spellings};
use crate::layout::RecordLayout;

const SPDX: &str = "/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */";

/// Where the header was generated from, for its banner.
pub struct Source<'a> {
    pub path: &'a str,
}

/// A file the C back end writes, at its path under the output directory.
pub struct CFile {
    pub path: String,
    pub text: String,
}

/// Every file of `abi`: each header at its path, and its layout-check file at
/// `checks/<header path without .h>_layout.c`.
pub fn files(abi: &Abi, source: &Source) -> Vec<CFile> {
    let mut out = Vec::new();
    for (i, h) in abi.headers.iter().enumerate() {
        let id = HeaderId(i);
        out.push(CFile { path: h.path.clone(), text: header_of(abi, id, source) });
        out.push(CFile { path: checks_path(&h.path), text: layout_asserts_of(abi, id) });
    }
    out
}

/// Where the layout checks of the header at `header` go: `checks/linux/vfio_layout.c`.
pub fn checks_path(header: &str) -> String {
    format!("checks/{}_layout.c", header.trim_end_matches(".h"))
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

fn define(out: &mut String, name: &str, value: &str) {
    if value.is_empty() {
        writeln!(out, "#define {name}").unwrap();
        return;
    }
    let pad = if name.len() < 40 { " ".repeat(40 - name.len()) } else { " ".to_string() };
    writeln!(out, "#define {name}{pad}{value}").unwrap();
}

/// `#if` blocks around runs of items or fields that exist on some families only.
struct Conditions {
    open: FamilySet,
}

impl Conditions {
    fn new() -> Self {
        Conditions { open: FamilySet::ALL }
    }

    /// Makes `arch` the condition of what follows, closing and opening blocks as needed.
    fn enter(&mut self, out: &mut String, arch: FamilySet) {
        if arch == self.open {
            return;
        }
        self.close(out);
        if let Some(cond) = arch.c_condition() {
            writeln!(out, "#if {cond}").unwrap();
        }
        self.open = arch;
    }

    fn close(&mut self, out: &mut String) {
        if !self.open.is_all() {
            writeln!(out, "#endif").unwrap();
        }
        self.open = FamilySet::ALL;
    }
}

/// The C declarator of a field: type and name, with array dimensions.
fn declarator(abi: &Abi, spelling: CSpelling, ty: &FieldType, name: &str) -> String {
    match ty {
        FieldType::Prim(p) => format!("{} {name}", spelling.prim(*p)),
        FieldType::Array(e, n) => declarator(abi, spelling, e, &format!("{name}[{n}]")),
        FieldType::Flex(e) => declarator(abi, spelling, e, &format!("{name}[]")),
        FieldType::Named(n) => {
            let r = abi.record(n).expect("checked: named types exist");
            format!("{} {} {name}", r.kind.c_keyword(), r.c_name)
        }
    }
}

/// The array dimensions of a field's type as C writes them after the name (`[24]`, `[2][3]`,
/// `[]`), empty for a scalar or a record.
fn dimensions(ty: &FieldType) -> String {
    match ty {
        FieldType::Array(e, n) => format!("[{n}]{}", dimensions(e)),
        FieldType::Flex(e) => format!("[]{}", dimensions(e)),
        FieldType::Prim(_) | FieldType::Named(_) => String::new(),
    }
}

/// The designator suffix that reaches the first element of an array field's innermost
/// element (`[0]`, `[0][0]`), empty for a scalar or a record.
fn first_element(ty: &FieldType) -> String {
    match ty {
        FieldType::Array(e, _) | FieldType::Flex(e) => format!("[0]{}", first_element(e)),
        FieldType::Prim(_) | FieldType::Named(_) => String::new(),
    }
}

/// What follows a packed record's closing brace, as Linux's UAPI headers write it.
fn packed_attribute(r: &Record) -> &'static str {
    if r.packed.is_some() {
        " __attribute__((packed))"
    } else {
        ""
    }
}

fn record_body(out: &mut String, abi: &Abi, spellings: &Spellings, r: &Record, depth: usize) {
    let indent = "\t".repeat(depth);
    let mut conds = Conditions::new();
    for f in &r.fields {
        // A field on fewer families than its record sits in an `#if` of its own families.
        let arch = if f.arch == r.place.arch { FamilySet::ALL } else { f.arch };
        conds.enter(out, arch);
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
        let untagged = match f.ty.element() {
            FieldType::Named(n) => abi.record(n).filter(|t| t.anonymous),
            _ => None,
        };
        if let Some(inner) = untagged {
            // An anonymous member, or a member of an untagged type (`struct { .. } mmio;`,
            // `union { .. } redirtbl[24];`).
            writeln!(out, "{indent}{} {{", inner.kind.c_keyword()).unwrap();
            record_body(out, abi, spellings, inner, depth + 1);
            let packed = packed_attribute(inner);
            if f.anonymous {
                writeln!(out, "{indent}}}{packed};").unwrap();
            } else {
                writeln!(out, "{indent}}}{packed} {}{};", f.c_name, dimensions(&f.ty)).unwrap();
            }
        } else if !f.bits.is_empty() {
            // The storage unit has no name in C: its bitfields are the members.
            let FieldType::Prim(p) = f.ty else { unreachable!("checked: bitfields live in an integer") };
            for b in &f.bits {
                comment(out, &indent, &b.docs);
                writeln!(out, "{indent}{} {} : {};", p.c_name(), b.c_name, b.width).unwrap();
            }
        } else if let (Some(pointee), Some(int)) = (&f.c_pointer, f.pointer_int_name()) {
            // C code written for a pointer member assigns a pointer; the integer keeps the
            // slot 8 bytes (and the struct one layout) where a pointer is 4.
            let name = &f.c_name;
            writeln!(out, "{indent}union {{").unwrap();
            writeln!(out, "{indent}\t{pointee} *{name};").unwrap();
            writeln!(out, "{indent}\t{};", declarator(abi, CSpelling::of(f), &f.ty, &int)).unwrap();
            writeln!(out, "{indent}}};").unwrap();
        } else if let (RecordKind::Union, FieldType::Flex(e)) = (r.kind, &f.ty) {
            // C has no flexible array member in a union; Linux wraps each in an anonymous
            // struct with <linux/stddef.h>'s `__DECLARE_FLEX_ARRAY`, and so does this header.
            // In C++ an empty struct is 1 byte, not 0: there the member is a zero-length
            // array, as Linux's newer <linux/stddef.h> declares it (older ones, which a
            // program may have installed, do not).
            let elem = abi.c_type(e, CSpelling::of(f));
            writeln!(out, "#ifdef __cplusplus\n{indent}{elem} {}[0];\n#else\n{indent}__DECLARE_FLEX_ARRAY({elem}, {});\n#endif", f.c_name, f.c_name).unwrap();
        } else {
            let mut line = format!("{indent}{};", declarator(abi, CSpelling::of(f), &f.ty, &f.c_name));
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
            define(out, &flag.c_name, &spellings.text(flag));
        }
    }
    conds.close(out);
}

/// The replacement text of a C macro, in parentheses when it is an expression of several
/// tokens (for the header, and for tools: the description and the lock compare it).
pub fn macro_text(abi: &Abi, m: &CMacro) -> String {
    let text = match &m.body {
        CMacroBody::C(text) => text.clone(),
        CMacroBody::Fn { expr, .. } => {
            let params: Vec<String> = m.params.iter().flatten().cloned().collect();
            let names = |n: &str| abi.constant(n).map_or_else(|| n.to_string(), |k| k.c_name.clone());
            crate::c_expr::macro_to_c(expr, &params, &names, m.c_suffix.map_or("", CSuffix::text))
        }
    };
    let simple = text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if simple || crate::c_expr::is_fully_parenthesized(&text) {
        text
    } else {
        format!("({text})")
    }
}

fn ioctl_expr(abi: &Abi, io: &Ioctl) -> String {
    let mac = io.dir.c_macro();
    let names = |n: &str| abi.constant(n).map_or_else(|| n.to_string(), |c| c.c_name.clone());
    let ty = to_c(&io.ty_expr, &names, "");
    let nr = to_c(&io.nr_expr, &names, "");
    match &io.size_arg {
        None => format!("{mac}({ty}, {nr})"),
        // Parse accepts only an integer or a record of the module as a sized argument.
        Some(t) => format!("{mac}({ty}, {nr}, {})", abi.c_type(t, CSpelling::default())),
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

/// The items of header `h`.
fn items_of(abi: &Abi, h: HeaderId) -> impl Iterator<Item = &Item> {
    abi.items.iter().filter(move |i| i.header() == h)
}

/// The items of header `h` in the order C needs them: source order, except that a struct or
/// union comes after every record its fields name (C needs a complete type for a member), as
/// a definition written in any order in Rust is then still a header that compiles.
fn emission_order(abi: &Abi, h: HeaderId) -> Vec<&Item> {
    let items: Vec<&Item> = items_of(abi, h).collect();
    let mut done = vec![false; items.len()];
    let mut out = Vec::new();
    for i in 0..items.len() {
        visit(abi, &items, i, &mut done, &mut out);
    }
    out
}

fn visit<'a>(abi: &Abi, items: &[&'a Item], i: usize, done: &mut [bool], out: &mut Vec<&'a Item>) {
    if done[i] {
        return;
    }
    done[i] = true;
    if let Item::Struct(r) = items[i] {
        let mut deps = Vec::new();
        dependencies(abi, r, &mut deps);
        for (j, item) in items.iter().enumerate() {
            if matches!(item, Item::Struct(d) if !d.anonymous && deps.contains(&&d.name)) {
                visit(abi, items, j, done, out);
            }
        }
    }
    out.push(items[i]);
}

/// The names of the records `r` needs complete: its fields' types, through the untagged
/// records it inlines.
fn dependencies<'a>(abi: &'a Abi, r: &'a Record, out: &mut Vec<&'a proc_macro2::Ident>) {
    for f in &r.fields {
        if let FieldType::Named(n) = f.ty.element() {
            if out.contains(&n) {
                continue;
            }
            out.push(n);
            for d in abi.records().filter(|d| d.name == *n && d.anonymous) {
                dependencies(abi, d, out);
            }
        }
    }
}

/// The banner line naming every family of macros and members this header adds to what Linux's
/// conventions have, generated from what the header holds so that it cannot go stale.
fn additions(abi: &Abi, h: HeaderId) -> Option<String> {
    let records = || items_of(abi, h).filter_map(|i| if let Item::Struct(r) = i { Some(r) } else { None });
    let macros: Vec<String> = records().flat_map(|r| r.version_macro_names()).collect();
    let has = |suffix: &str| macros.iter().any(|m| m.contains(suffix));
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

/// Whether a field of header `h` is an `aligned` integer `p` (or an array of them): C
/// `__aligned_u64` or `__aligned_s64`.
fn uses_aligned(abi: &Abi, h: HeaderId, p: Prim) -> bool {
    items_of(abi, h).any(|item| match item {
        Item::Struct(r) => r.fields.iter().any(|f| f.aligned && *f.ty.element() == FieldType::Prim(p)),
        _ => false,
    })
}

/// The main C UAPI header of `abi`.
pub fn header(abi: &Abi, source: &Source) -> String {
    header_of(abi, HeaderId::MAIN, source)
}

/// The header `h` of `abi`.
pub fn header_of(abi: &Abi, h: HeaderId, source: &Source) -> String {
    let hdr = &abi.headers[h.0];
    let spellings = Spellings::new(abi);
    let mut out = String::new();
    writeln!(out, "{SPDX}").unwrap();
    let mut banner = hdr.docs.clone();
    if !banner.is_empty() {
        banner.push(String::new());
    }
    if let Some(line) = additions(abi, h) {
        banner.extend(wrap(&line, 95));
        banner.push(String::new());
    }
    banner.push(format!("Generated by uabi from {}. Do not edit: change the Rust definition.", source.path));
    comment(&mut out, "", &banner);
    // The macro that says the body is wanted, when families have guards of their own.
    let body_macro = format!("__UABI_{}_BODY", hdr.guard.trim_start_matches('_'));
    if hdr.arch_guards.is_empty() {
        writeln!(out, "#ifndef {}\n#define {}\n", hdr.guard, hdr.guard).unwrap();
    } else {
        // Each family's installed header has its own guard (`_ASM_X86_KVM_H`): this header takes
        // the guard of the family it is compiled for, so that it and Linux's header exclude each
        // other whichever comes first; other families share `guard`.
        for (i, (family, guard)) in hdr.arch_guards.iter().enumerate() {
            writeln!(out, "#{} {}", if i == 0 { "if" } else { "elif" }, family.c_condition()).unwrap();
            writeln!(out, "#ifndef {guard}\n#define {guard}\n#define {body_macro}\n#endif").unwrap();
        }
        writeln!(out, "#else\n#ifndef {g}\n#define {g}\n#define {body_macro}\n#endif\n#endif\n", g = hdr.guard).unwrap();
        writeln!(out, "#ifdef {body_macro}\n#undef {body_macro}\n").unwrap();
    }
    let nested: Vec<&str> = if h == HeaderId::MAIN { abi.headers[1..].iter().map(|n| n.path.as_str()).collect() } else { Vec::new() };
    for path in crate::parse::ALWAYS_INCLUDED.iter().copied().chain(hdr.includes.iter().map(String::as_str)).chain(nested) {
        writeln!(out, "#include <{path}>").unwrap();
    }
    for (family, includes) in &hdr.arch_includes {
        writeln!(out, "#if {}", family.c_condition()).unwrap();
        for path in includes {
            writeln!(out, "#include <{path}>").unwrap();
        }
        writeln!(out, "#endif").unwrap();
    }
    if uses_aligned(abi, h, Prim::U64) {
        // A program may bring its own <linux/types.h> without Linux's alignment macros
        // (kvmtool's has only the fixed-width types): define it, exactly as Linux does, where
        // it is missing.
        writeln!(out, "\n#ifndef __aligned_u64\n#define __aligned_u64 __u64 __attribute__((aligned(8)))\n#endif").unwrap();
    }
    if uses_aligned(abi, h, Prim::I64) {
        // `__aligned_s64` came to <linux/types.h> only in Linux 6.x (`__aligned_u64` is much
        // older): define it, exactly as Linux does, where the installed headers lack it, so
        // the header also compiles against older kernel headers (Debian's i386 cross
        // compiler's among them; found by tests/generated_abis.rs).
        writeln!(out, "\n#ifndef __aligned_s64\n#define __aligned_s64 __s64 __attribute__((aligned(8)))\n#endif").unwrap();
    }

    let mut conds = Conditions::new();
    let mut prev_define = false;
    for item in emission_order(abi, h) {
        let emits_nothing = matches!(item, Item::Rust(..)) || matches!(item, Item::Struct(r) if r.anonymous);
        if emits_nothing {
            continue;
        }
        let arch = item.arch();
        let reopened = arch != conds.open;
        if reopened {
            conds.enter(&mut out, arch);
        }
        let is_define = matches!(item, Item::Const(_) | Item::Ioctl(_) | Item::Str(_) | Item::Macro(_));
        let documented = match item {
            Item::Const(c) => !c.docs.is_empty(),
            Item::Str(c) => !c.docs.is_empty(),
            Item::Macro(m) => !m.docs.is_empty(),
            Item::Ioctl(io) => !io.docs.is_empty(),
            _ => true,
        };
        // Runs of undocumented #defines stay together, as in hand-written headers.
        let continues_run = is_define && prev_define && !documented && !reopened;
        if !continues_run {
            out.push('\n');
        }
        prev_define = is_define;
        match item {
            Item::Const(c) => {
                comment(&mut out, "", &c.docs);
                define(&mut out, &c.c_name, &spellings.text(c));
            }
            Item::Struct(r) if r.defined_in.is_some() => {
                let path = r.defined_in.as_deref().unwrap_or_default();
                comment(&mut out, "", &[format!("`{} {}` is defined by <{path}>.", r.kind.c_keyword(), r.c_name)]);
                writeln!(out, "#include <{path}>").unwrap();
            }
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
                record_body(&mut out, abi, &spellings, r, 1);
                writeln!(out, "}}{};", packed_attribute(r)).unwrap();
                version_macros(&mut out, abi, r);
            }
            Item::Enum(e) => {
                comment(&mut out, "", &e.docs);
                writeln!(out, "enum {} {{", e.c_name).unwrap();
                for v in &e.variants {
                    comment(&mut out, "\t", &v.docs);
                    writeln!(out, "\t{} = {},", v.c_name, spellings.text(v)).unwrap();
                    if e.c_defines {
                        // So that `#ifdef` finds the enumerator, as Linux's header lets it.
                        writeln!(out, "#define {0} {0}", v.c_name).unwrap();
                    }
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
            Item::Macro(m) => {
                comment(&mut out, "", &m.docs);
                let name = match &m.params {
                    Some(p) => format!("{}({})", m.name, p.join(", ")),
                    None => m.name.to_string(),
                };
                define(&mut out, &name, &macro_text(abi, m));
            }
            Item::Rust(..) => {}
        }
    }
    conds.close(&mut out);
    if hdr.arch_guards.is_empty() {
        writeln!(out, "\n#endif /* {} */", hdr.guard).unwrap();
    } else {
        writeln!(out, "\n#endif /* {body_macro} */").unwrap();
    }
    out
}

/// The version macros of `r`: once when every layout of it gives the same, else per group of
/// families.
fn version_macros(out: &mut String, abi: &Abi, r: &Record) {
    let groups = abi.layouts.groups(r.id);
    let all: Vec<Vec<VersionMacro>> = groups.iter().map(|g| g.version_macros(r)).collect();
    if all.windows(2).all(|w| w[0] == w[1]) {
        for m in all.first().into_iter().flatten() {
            define(out, &m.name, &version_macro_c(m));
        }
        return;
    }
    for (g, macros) in groups.iter().zip(&all) {
        writeln!(out, "#if {}", g.families.c_condition().map(|c| c.to_string()).unwrap_or_else(|| "1".into())).unwrap();
        for m in macros {
            define(out, &m.name, &version_macro_c(m));
        }
        writeln!(out, "#endif").unwrap();
    }
}

/// The main header's layout checks.
pub fn layout_asserts(abi: &Abi) -> String {
    layout_asserts_of(abi, HeaderId::MAIN)
}

/// A C11 file of `_Static_assert`s: the size, alignment and every field offset of every
/// struct of header `h` as the model computed them, and a probe of every bitfield. Compiled by
/// each architecture's own compiler, the asserts prove the model (and so the Rust assertions,
/// which check the same numbers) right there; the probes do the same for bit positions, which
/// C cannot assert at compile time: each is a constant object holding the struct with one
/// bitfield set to all ones, followed by the bytes the model says it has, and the test that
/// compiles the file compares the two in the object file.
pub fn layout_asserts_of(abi: &Abi, h: HeaderId) -> String {
    let path = &abi.headers[h.0].path;
    let mut out = String::new();
    writeln!(out, "/* Generated by uabi: the layout of <{path}> as the uabi model computes it. */").unwrap();
    writeln!(out, "#include <stddef.h>\n#include <{path}>\n").unwrap();
    // One alignment per layout class, picked by the class's predefined macros.
    let params: Vec<&str> = LayoutClass::ALL.iter().map(|c| c.name()).collect();
    let params = params.join(", ");
    out.push_str("/* Alignment is the one number that differs by architecture: i386 aligns 64-bit integers\n * to 4, m68k aligns nothing above 2, unless the field is __aligned_u64. */\n");
    let mut first = true;
    for c in LayoutClass::ALL {
        if let Some(cond) = c.c_condition() {
            writeln!(out, "#{} {cond}\n#define UABI_ALIGN({params}) ({})", if first { "if" } else { "elif" }, c.name()).unwrap();
            first = false;
        }
    }
    writeln!(out, "#else\n#define UABI_ALIGN({params}) ({})\n#endif", LayoutClass::Natural.name()).unwrap();
    let has_bits = items_of(abi, h).any(|i| matches!(i, Item::Struct(r) if r.fields.iter().any(|f| !f.bits.is_empty())));
    if has_bits {
        out.push_str("#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__\n#define UABI_BIG_ENDIAN 1\n#else\n#define UABI_BIG_ENDIAN 0\n#endif\n");
    }
    for item in items_of(abi, h) {
        let Item::Struct(r) = item else { continue };
        if r.anonymous {
            continue;
        }
        let ty = format!("{} {}", r.kind.c_keyword(), r.c_name);
        let groups = abi.layouts.groups(r.id);
        for l in groups {
            let cond = l.families.c_condition();
            if let Some(c) = &cond {
                writeln!(out, "\n#if {c}").unwrap();
            }
            writeln!(out, "\n_Static_assert(sizeof({ty}) == {}, \"size of {ty}\");", l.size).unwrap();
            let aligns: Vec<String> = l.align.by_class().iter().map(u64::to_string).collect();
            writeln!(out, "_Static_assert(_Alignof({ty}) == UABI_ALIGN({}), \"alignment of {ty}\");", aligns.join(", ")).unwrap();
            field_asserts(&mut out, abi, &ty, r, l, "", 0);
            let mut probes = Vec::new();
            bit_probes(abi, r, l, "", 0, &mut probes);
            for p in probes {
                p.write(&mut out, &ty, &r.c_name, l.size);
            }
            if cond.is_some() {
                writeln!(out, "#endif").unwrap();
            }
        }
    }
    out
}

fn field_asserts(out: &mut String, abi: &Abi, ty: &str, r: &Record, l: &RecordLayout, prefix: &str, base: u64) {
    for (k, f) in r.fields.iter().enumerate() {
        let Some(slot) = l.slot(k) else { continue };
        let off = base + slot.offset;
        if !f.bits.is_empty() {
            // A bitfield has no offset in C: the probes check it.
            continue;
        }
        let untagged = match (f.ty.element(), slot.record) {
            (FieldType::Named(_), Some(id)) => Some(abi.record_by_id(id)).filter(|t| t.anonymous),
            _ => None,
        };
        if let Some(inner) = untagged {
            let prefix = if f.anonymous {
                prefix.to_string()
            } else {
                let name = format!("{prefix}{}", f.c_name);
                writeln!(out, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
                // The members of an array's element are asserted in its first element.
                format!("{name}{}.", first_element(&f.ty))
            };
            for (inner_l, cond) in inner_layouts(abi, inner, l.families) {
                if let Some(c) = cond {
                    writeln!(out, "#if {c}").unwrap();
                }
                field_asserts(out, abi, ty, inner, inner_l, &prefix, off);
                if cond.is_some() {
                    writeln!(out, "#endif").unwrap();
                }
            }
            continue;
        }
        let name = format!("{prefix}{}", f.c_name);
        writeln!(out, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
        if let Some(int) = f.pointer_int_name() {
            let int = format!("{prefix}{int}");
            writeln!(out, "_Static_assert(offsetof({ty}, {int}) == {off}, \"offset of {ty}.{int}\");").unwrap();
            writeln!(out, "_Static_assert(sizeof((({ty} *)0)->{int}) == {}, \"size of {ty}.{int}\");", slot.size).unwrap();
        }
    }
}

/// The layouts of the untagged record `inner` on the families `outer` of the layout that holds
/// it, each with the condition to put it under when it covers only some of them (`kvm_run`
/// lies alike everywhere, but its `s` union has a `regs` member on x86 and arm64 only).
fn inner_layouts<'a>(abi: &'a Abi, inner: &Record, outer: FamilySet) -> Vec<(&'a RecordLayout, Option<uabi_arch::CCondition>)> {
    abi.layouts
        .groups(inner.id)
        .iter()
        .filter_map(|g| {
            let here = g.families.intersection(outer);
            if here.is_empty() {
                None
            } else if here == outer {
                Some((g, None))
            } else {
                Some((g, here.c_condition()))
            }
        })
        .collect()
}

/// One bitfield of a tagged record, as a probe: its designator from the record, the byte
/// offset of its unit, the unit's size and the bit slot.
struct Probe {
    designator: String,
    name: String,
    unit_offset: u64,
    unit_size: u64,
    slot: crate::layout::BitSlot,
    /// The `#if` conditions of the untagged members it lies in, when they differ per family
    /// (`perf_mem_data_src` declares its bits in one order on little-endian families and in
    /// the other on big-endian ones).
    conds: Vec<String>,
}

impl Probe {
    fn write(&self, out: &mut String, ty: &str, tag: &str, size: u64) {
        let ones = if self.slot.width >= 64 { "~0ULL".to_string() } else { format!("{:#x}ULL", (1u128 << self.slot.width) - 1) };
        let sym = format!("uabi_bits_{tag}_{}", self.name);
        let bytes = |e: Endian| {
            let mask = self.slot.mask(e);
            let n = self.unit_size as usize;
            let raw: Vec<u8> = match e {
                Endian::Little => (0..n).map(|i| (mask >> (8 * i)) as u8).collect(),
                Endian::Big => (0..n).map(|i| (mask >> (8 * (n - 1 - i))) as u8).collect(),
            };
            raw.iter()
                .enumerate()
                .filter(|(_, b)| **b != 0)
                .map(|(i, b)| format!("[{}] = {b:#04x}", self.unit_offset as usize + i))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for c in &self.conds {
            writeln!(out, "#if {c}").unwrap();
        }
        writeln!(
            out,
            "const struct {{ {ty} probe; unsigned char model[{size}]; }} {sym} = {{ {{ {} = {ones} }}, {{\n#if UABI_BIG_ENDIAN\n\t{}\n#else\n\t{}\n#endif\n}} }};",
            self.designator,
            bytes(Endian::Big),
            bytes(Endian::Little)
        )
        .unwrap();
        for _ in &self.conds {
            writeln!(out, "#endif").unwrap();
        }
    }
}

/// The bitfields of `r` and of its untagged members, with designators from the tagged record.
fn bit_probes(abi: &Abi, r: &Record, l: &RecordLayout, prefix: &str, base: u64, out: &mut Vec<Probe>) {
    for (k, f) in r.fields.iter().enumerate() {
        let Some(slot) = l.slot(k) else { continue };
        let off = base + slot.offset;
        for (b, s) in f.bits.iter().zip(&slot.bits) {
            out.push(Probe {
                designator: format!(".{prefix}{}", b.c_name),
                // A symbol name: `redirtbl[0].fields.mask` gives `redirtbl_0_fields_mask`.
                name: format!("{}{}", prefix.replace(['.', '['], "_").replace(']', ""), b.c_name),
                unit_offset: off,
                unit_size: slot.size,
                slot: *s,
                conds: Vec::new(),
            });
        }
        if let (FieldType::Named(_), Some(id)) = (f.ty.element(), slot.record) {
            let inner = abi.record_by_id(id);
            if inner.anonymous {
                // Bit positions depend on the unit and its declaration order, and a member
                // may declare a unit per family: each layout of the member, under its
                // condition where it covers only some of the families. In an array, the first
                // element's are probed.
                let prefix = if f.anonymous { prefix.to_string() } else { format!("{prefix}{}{}.", f.c_name, first_element(&f.ty)) };
                for (inner_l, cond) in inner_layouts(abi, inner, l.families) {
                    let from = out.len();
                    bit_probes(abi, inner, inner_l, &prefix, off, out);
                    if let Some(c) = cond {
                        out[from..].iter_mut().for_each(|p| p.conds.insert(0, c.to_string()));
                    }
                }
            }
        }
    }
}

/// The C text of a constant's definition, as the header writes it (for tests and tools).
pub fn constant_text(abi: &Abi, c: &Const) -> String {
    Spellings::new(abi).text(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::c_expr::c_char_literal;

    #[test]
    fn renders_c_as_written() {
        let names = |n: &str| format!("C_{n}");
        let x: syn::Expr = syn::parse_str("(1 << 31) | BASE + 0x1_0").unwrap();
        assert_eq!(to_c(&x, &names, "U"), "(1U << 31) | C_BASE + 0x10U");
        let y: syn::Expr = syn::parse_str("b'\\''").unwrap();
        assert_eq!(to_c(&y, &names, ""), "'\\''");
        let z: syn::Expr = syn::parse_str("!FLAG").unwrap();
        assert_eq!(to_c(&z, &names, ""), "~C_FLAG");
        assert_eq!(c_char_literal(b'a'), "'a'");
    }
}
