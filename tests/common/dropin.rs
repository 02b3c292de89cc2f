//! The machinery of the drop-in tests (`tests/kvm_dropin.rs`, `tests/sid_dropin.rs`): reading
//! Linux's headers for the names of macros and enumerators and the records with their member
//! paths, one probe per number, and compiling the probes against a header tree to the bytes of
//! each (or the list of the probes the compiler refuses).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use super::TempDir;

// ---------------------------------------------------------------------------------------------
// Reading Linux's headers: names of macros and enumerators, records with their member paths
// ---------------------------------------------------------------------------------------------

/// A member's path from its record (`arg.pagefault.flags`), and its bitfield width.
pub type Member = (String, Option<u32>);

/// Each probe's bytes by index, and the probes the compiler refused.
pub type Compiled = (BTreeMap<usize, Vec<u8>>, BTreeSet<usize>);

#[derive(Debug, Default)]
pub struct Declared {
    /// Object-like macros with a body, in order (not the include guard).
    pub macros: Vec<String>,
    /// Every macro name the header defines: object-like with or without a body, and
    /// function-like.
    pub names: Vec<String>,
    /// Function-like macros: their values need arguments, so only their names are compared.
    pub function_macros: Vec<String>,
    pub enumerators: Vec<String>,
    /// `struct x` / `union x` and its members' paths, with `Some(width)` for a bitfield and
    /// `Some(0)` for a flexible array (which has no `sizeof`).
    pub records: Vec<(String, Vec<Member>)>,
}

/// The text without comments, with line continuations joined.
pub fn clean(text: &str) -> String {
    let text = text.replace("\\\n", " ");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

pub fn tokens(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

pub fn is_ident(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
}

pub fn declared(text: &str) -> Declared {
    let text = clean(text);
    let mut d = Declared::default();
    let mut guards = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim_start();
        if let Some(g) = line.strip_prefix("#ifndef").map(str::trim).filter(|g| g.ends_with("_H") || g.ends_with("_H__")) {
            guards.insert(g.to_string());
        }
        let Some(rest) = line.strip_prefix('#').map(str::trim_start).and_then(|l| l.strip_prefix("define")) else { continue };
        let rest = rest.trim_start();
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if guards.contains(&name) {
            continue;
        }
        let after = &rest[name.len()..];
        if !d.names.contains(&name) {
            d.names.push(name.clone());
        }
        if after.starts_with('(') {
            d.function_macros.push(name);
        } else if !after.trim().is_empty() && !d.macros.contains(&name) {
            d.macros.push(name);
        }
    }
    // Declarations: the text without preprocessor lines (both branches of an `#if` are read;
    // names they share are kept once).
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n");
    let t = tokens(&code);
    let mut i = 0;
    let mut seen = BTreeSet::new();
    while i < t.len() {
        match t[i].as_str() {
            "enum" => {
                let mut j = i + 1;
                if is_ident(&t[j]) {
                    j += 1;
                }
                if t[j] == "{" {
                    let mut k = j + 1;
                    let mut expect_name = true;
                    let mut depth = 0;
                    while !(t[k] == "}" && depth == 0) {
                        match t[k].as_str() {
                            "(" => depth += 1,
                            ")" => depth -= 1,
                            "," if depth == 0 => expect_name = true,
                            s if expect_name && is_ident(s) => {
                                d.enumerators.push(s.to_string());
                                expect_name = false;
                            }
                            _ => {}
                        }
                        k += 1;
                    }
                    i = k + 1;
                    continue;
                }
                i = j;
            }
            kw @ ("struct" | "union") if is_ident(&t[i + 1]) && t[i + 2] == "{" => {
                let name = format!("{kw} {}", t[i + 1]);
                let mut fields = Vec::new();
                let end = members(&t, i + 3, "", &mut fields);
                if seen.insert(name.clone()) {
                    let mut unique = BTreeSet::new();
                    fields.retain(|(p, _)| unique.insert(p.clone()));
                    d.records.push((name, fields));
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    d
}

/// Reads the members from `t[at]` to the closing brace into `out` (paths under `prefix`);
/// returns the index of that brace.
pub fn members(t: &[String], mut at: usize, prefix: &str, out: &mut Vec<Member>) -> usize {
    while t[at] != "}" {
        // One declaration up to its `;`.
        if (t[at] == "struct" || t[at] == "union") && (t[at + 1] == "{" || (is_ident(&t[at + 1]) && t[at + 2] == "{")) {
            let open = if t[at + 1] == "{" { at + 1 } else { at + 2 };
            let mut inner = Vec::new();
            let close = members(t, open + 1, "", &mut inner);
            let mut k = close + 1;
            if t[k] == ";" {
                // An anonymous member: its members are the parent's.
                out.extend(inner.into_iter().map(|(p, w)| (format!("{prefix}{p}"), w)));
            } else {
                let name = &t[k];
                // The members of an array's element are reached through its first element.
                let element = if t[k + 1] == "[" { "[0]" } else { "" };
                out.push((format!("{prefix}{name}"), None));
                out.extend(inner.into_iter().map(|(p, w)| (format!("{prefix}{name}{element}.{p}"), w)));
                while t[k] != ";" {
                    k += 1;
                }
            }
            at = k + 1;
            continue;
        }
        let mut k = at;
        while t[k] != ";" {
            k += 1;
        }
        let decl = &t[at..k];
        at = k + 1;
        // `__DECLARE_FLEX_ARRAY(T, name)`: a flexible array, named by the macro's last argument.
        if decl.first().is_some_and(|x| x == "__DECLARE_FLEX_ARRAY") {
            if let Some(name) = decl.iter().rev().find(|x| is_ident(x)) {
                out.push((format!("{prefix}{name}"), Some(0)));
            }
            continue;
        }
        // Declarators separated by commas outside brackets; each name is the last identifier
        // before `[`, `:` or its end; a `: width` makes it a bitfield.
        let mut depth = 0;
        let mut parts: Vec<&[String]> = Vec::new();
        let mut start = 0;
        for (n, tok) in decl.iter().enumerate() {
            match tok.as_str() {
                "[" | "(" => depth += 1,
                "]" | ")" => depth -= 1,
                "," if depth == 0 => {
                    parts.push(&decl[start..n]);
                    start = n + 1;
                }
                _ => {}
            }
        }
        parts.push(&decl[start..]);
        for p in parts {
            let stop = p.iter().position(|x| x == "[" || x == ":").unwrap_or(p.len());
            let Some(name) = p[..stop].iter().rfind(|x| is_ident(x)) else { continue };
            let flexible = p.windows(2).any(|w| w[0] == "[" && w[1] == "]");
            let width = if flexible { Some(0) } else { p.iter().position(|x| x == ":").and_then(|c| p.get(c + 1)).and_then(|w| w.parse().ok()) };
            out.push((format!("{prefix}{name}"), width));
        }
    }
    at
}

// ---------------------------------------------------------------------------------------------
// Probes
// ---------------------------------------------------------------------------------------------

/// One probe: its label and the C that defines object `uabi_p_N` (on one line, so that a
/// refused probe is found by its line number).
pub struct Probe {
    pub label: String,
    pub c: String,
}

pub fn probes(d: &Declared) -> Vec<Probe> {
    let mut out = Vec::new();
    let mut add = |label: String, c: String| out.push(Probe { label, c });
    for name in d.macros.iter().chain(&d.enumerators) {
        add(format!("value of {name}"), format!("const unsigned long long uabi_p_@ = (unsigned long long)({name});"));
        add(format!("type of {name}"), format!("const unsigned long long uabi_p_@ = sizeof({name}) * 2 + ((({name}) * 0 - 1) < 0);"));
    }
    for (record, fields) in &d.records {
        add(format!("size of {record}"), format!("const unsigned long long uabi_p_@ = sizeof({record});"));
        add(format!("alignment of {record}"), format!("const unsigned long long uabi_p_@ = _Alignof({record});"));
        for (path, width) in fields {
            if *width == Some(0) {
                add(format!("offset of {record}.{path}"), format!("const unsigned long long uabi_p_@ = offsetof({record}, {path});"));
            } else if width.is_some() {
                add(format!("bits of {record}.{path}"), format!("const {record} uabi_p_@ = {{ .{path} = -1 }};"));
            } else {
                add(format!("offset of {record}.{path}"), format!("const unsigned long long uabi_p_@ = offsetof({record}, {path});"));
                add(format!("size of {record}.{path}"), format!("const unsigned long long uabi_p_@ = sizeof((({record} *)0)->{path});"));
            }
        }
    }
    out
}

/// The line of the probe file that holds probe `i`, for a file of `headers`: `stddef.h`,
/// `linux/types.h` and `linux/ioctl.h`, then one line per header.
pub fn probe_line(headers: &[&str], i: usize) -> usize {
    4 + headers.len() + i
}

/// The C file of `probes` for `headers`, [`probe_line`] holding each probe (a skipped one is an
/// empty line), then the bits of which of `names` are defined.
pub fn probe_file(headers: &[&str], probes: &[Probe], skip: &BTreeSet<usize>, names: &[String]) -> String {
    // <linux/ioctl.h> first, as its users include <sys/ioctl.h>: Linux's <linux/userfaultfd.h>
    // uses `_IOWR` without including it.
    let mut c = String::from("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/ioctl.h>\n");
    for h in headers {
        writeln!(c, "#include <{h}>").unwrap();
    }
    for (i, p) in probes.iter().enumerate() {
        if skip.contains(&i) {
            c.push('\n');
        } else {
            writeln!(c, "{}", p.c.replace('@', &i.to_string())).unwrap();
        }
    }
    // Which macro names are defined: one bit each, after the probes (they never fail).
    writeln!(c, "const unsigned char uabi_defined[] = {{").unwrap();
    for name in names {
        writeln!(c, "#ifdef {name}\n1,\n#else\n0,\n#endif").unwrap();
    }
    writeln!(c, "2 }};").unwrap();
    c
}

/// Compiles the probes of `headers` to an object and reads every probe's bytes, and the bits
/// of which of `names` are defined; probes whose lines the compiler refuses are dropped and
/// returned, and the rest compiled again.
pub fn compile(cc: &str, includes: &[&Path], headers: &[&str], probes: &[Probe], names: &[String]) -> Result<(Compiled, Vec<u8>), String> {
    use object::{Object, ObjectSection, ObjectSymbol};
    let tmp = TempDir::new("dropin");
    let mut refused = BTreeSet::new();
    for _ in 0..20 {
        let src = tmp.write("probe.c", &probe_file(headers, probes, &refused, names));
        let obj = tmp.path().join("probe.o");
        let mut cmd = Command::new(cc);
        cmd.args(["-std=gnu11", "-w", "-fmax-errors=0", "-c", "-o"]).arg(&obj);
        for i in includes {
            cmd.arg(format!("-I{}", i.display()));
        }
        let out = cmd.arg(&src).output().map_err(|e| format!("{cc}: {e}"))?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let before = refused.len();
            // An error inside a macro of the header is reported at the header's line, followed
            // by notes that lead back to the probe's line: each probe line named from an error
            // to the next diagnostic that is not a note is refused.
            let mut in_error = false;
            for line in stderr.lines() {
                if line.contains(": error: ") {
                    in_error = true;
                } else if line.contains(": warning: ") || (line.contains(": note: ") && !line.contains("in expansion of macro") && !line.contains("in definition of macro")) {
                    in_error = line.contains(": note: ") && in_error;
                }
                if !in_error {
                    continue;
                }
                let Some(rest) = line.split("probe.c:").nth(1) else { continue };
                let Some(n) = rest.split(':').next().and_then(|n| n.parse::<usize>().ok()) else { continue };
                if let Some(i) = n.checked_sub(probe_line(headers, 0)).filter(|i| *i < probes.len()) {
                    refused.insert(i);
                }
            }
            if refused.len() == before {
                return Err(format!("{cc} cannot compile the probes of {}:\n{stderr}", list(headers)));
            }
            continue;
        }
        let data = std::fs::read(&obj).map_err(|e| e.to_string())?;
        let file = object::File::parse(&*data).map_err(|e| e.to_string())?;
        let mut values = BTreeMap::new();
        let mut defined = Vec::new();
        for sym in file.symbols() {
            let Ok(name) = sym.name() else { continue };
            let section = || sym.section_index().and_then(|i| file.section_by_index(i).ok()).ok_or("a probe without a section");
            let bytes = |s: object::Section| -> Result<Vec<u8>, String> {
                let all = s.data().map_err(|e| e.to_string())?;
                let at = (sym.address() - s.address()) as usize;
                // A probe of all zero bytes may land in .bss, which has no data in the file.
                Ok(if all.is_empty() { vec![0; sym.size() as usize] } else { all[at..at + sym.size() as usize].to_vec() })
            };
            if name == "uabi_defined" {
                defined = bytes(section()?)?;
            } else if let Some(n) = name.strip_prefix("uabi_p_").and_then(|n| n.parse::<usize>().ok()) {
                values.insert(n, bytes(section()?)?);
            }
        }
        return Ok(((values, refused), defined));
    }
    Err(format!("{cc}: the probes of {} still do not compile after dropping {} lines", list(headers), refused.len()))
}

fn list(headers: &[&str]) -> String {
    headers.iter().map(|h| format!("<{h}>")).collect::<Vec<_>>().join(", ")
}

/// Why the deviation `label` on `target` is allowed by `list` ((target or `*`, label prefix,
/// why)), if it is.
pub fn allowed(list: &[(&str, &str, &'static str)], target: &str, label: &str) -> Option<&'static str> {
    list.iter().find(|(t, l, _)| (*t == "*" || *t == target) && label.starts_with(l)).map(|(_, _, why)| *why)
}

/// `missing X` for any probe of X: `value of X`, `type of X`, `size of struct r`, `offset of
/// struct r.f`, `bits of struct r.f`.
pub fn missing_label(label: &str) -> String {
    let name = label.split_once(" of ").map_or(label, |(_, n)| n);
    format!("missing {name}")
}

pub fn show(bytes: &[u8]) -> String {
    if bytes.len() == 8 {
        format!("{:#x}", u64::from_le_bytes(bytes.try_into().unwrap()))
    } else {
        bytes.iter().enumerate().filter(|(_, b)| **b != 0).map(|(i, b)| format!("[{i}]={b:#04x}")).collect::<Vec<_>>().join(" ")
    }
}
