//! uabi's `<linux/perf_event.h>`, `<linux/sched.h>`, `<linux/sched/types.h>`,
//! `<linux/userfaultfd.h>` and `<linux/iommufd.h>` against Linux 7.2's own (Debian sid's
//! linux-libc-dev, fetched into target/ by scripts/sid-headers.sh, never committed), as each
//! architecture's C compiler sees them: x86_64, aarch64 and riscv64, where the generated headers
//! must be drop-ins, and s390x (big-endian) and powerpc64le, which are reported.
//!
//! Everything is driven by *Linux's* header: every object-like macro it defines, every
//! enumerator, every struct and union with every member (anonymous members flattened, named
//! untagged ones by path, bitfields included). For each, a probe file gets an object whose
//! bytes are the number: a macro's or enumerator's value, the size of its C type and whether
//! that type is signed; a record's size and alignment; a member's offset and size; for a
//! bitfield, the record with that bitfield set to all ones (C has no `offsetof` for bits). The
//! same probe file is compiled twice by the target's gcc, once against Linux's headers and once
//! against uabi's (`-I headers` first), and the two objects must hold the same bytes. A name
//! uabi lacks fails the second compile: each such line is reported by name and dropped, and the
//! file compiled again.
//!
//! The deviations the headers document are listed in [`ALLOWED`], each with its reason; any
//! other difference fails the test, and so does an allowed one that no longer happens.
//! Skips, saying why, when sid cannot be reached and nothing was fetched before, or a compiler
//! is missing.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::TempDir;

/// (header, the headers it includes that are not under test): macros of the latter are not
/// the header's own.
const FAMILIES: &[&str] = &["linux/perf_event.h", "linux/sched.h", "linux/sched/types.h", "linux/userfaultfd.h", "linux/iommufd.h"];

/// (name, gcc, Debian multiarch triple, must be a drop-in)
const TARGETS: &[(&str, &str, &str, bool)] = &[
    ("x86_64", "gcc", "x86_64-linux-gnu", true),
    ("aarch64", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu", true),
    ("riscv64", "riscv64-linux-gnu-gcc", "riscv64-linux-gnu", true),
    ("s390x", "s390x-linux-gnu-gcc", "s390x-linux-gnu", false),
    ("powerpc64le", "powerpc64le-linux-gnu-gcc", "powerpc64le-linux-gnu", false),
];

/// The documented deviations: (target or `*`, probe label, why). A probe label is what the
/// test prints: `value of NAME`, `type of NAME`, `alignment of struct x`, `offset of struct
/// x.f`, `missing NAME` (uabi's header does not declare it).
const ALLOWED: &[(&str, &str, &str)] = &[
    ("*", "missing PERF_EVENT_IOC_SET_FILTER", "the size of a pointer is in the number: one number per architecture is not possible"),
    ("*", "missing PERF_EVENT_IOC_ID", "the size of a pointer is in the number"),
    ("*", "missing PERF_EVENT_IOC_QUERY_BPF", "the size of a pointer is in the number"),
    ("*", "missing PERF_EVENT_IOC_MODIFY_ATTRIBUTES", "the size of a pointer is in the number"),
    // powerpc and mips have both byte orders in one family: no bitfield or half view there.
    ("powerpc64le", "missing union perf_mem_data_src.mem_", "a family of both byte orders gets `val` only"),
    ("powerpc64le", "missing union perf_sample_weight.var", "a family of both byte orders gets `full` only"),
];

fn allowed(target: &str, label: &str) -> Option<&'static str> {
    ALLOWED.iter().find(|(t, l, _)| (*t == "*" || *t == target) && label.starts_with(l)).map(|(_, _, why)| *why)
}

// ---------------------------------------------------------------------------------------------
// Reading Linux's header: names of macros and enumerators, records with their member paths
// ---------------------------------------------------------------------------------------------

/// A member's path from its record (`arg.pagefault.flags`), and its bitfield width.
type Member = (String, Option<u32>);

/// Each probe's bytes by index, and the probes the compiler refused.
type Compiled = (BTreeMap<usize, Vec<u8>>, BTreeSet<usize>);

#[derive(Debug, Default)]
struct Declared {
    /// Object-like macros with a body, in order (not the include guard).
    macros: Vec<String>,
    /// Function-like macros: uabi writes none; listed so that the test names them.
    function_macros: Vec<String>,
    enumerators: Vec<String>,
    /// `struct x` / `union x` and its members' paths, with `Some(width)` for a bitfield and
    /// `Some(0)` for a flexible array (which has no `sizeof`).
    records: Vec<(String, Vec<Member>)>,
}

/// The text without comments, with line continuations joined.
fn clean(text: &str) -> String {
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

fn tokens(code: &str) -> Vec<String> {
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

fn is_ident(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
}

fn declared(text: &str) -> Declared {
    let text = clean(text);
    let mut d = Declared::default();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix('#').map(str::trim_start).and_then(|l| l.strip_prefix("define")) else { continue };
        let rest = rest.trim_start();
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let after = &rest[name.len()..];
        if after.starts_with('(') {
            d.function_macros.push(name);
        } else if !after.trim().is_empty() {
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
fn members(t: &[String], mut at: usize, prefix: &str, out: &mut Vec<Member>) -> usize {
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
                out.push((format!("{prefix}{name}"), None));
                out.extend(inner.into_iter().map(|(p, w)| (format!("{prefix}{name}.{p}"), w)));
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
        // Declarators separated by commas outside brackets; each name is the last identifier
        // before `[`, `:` or its end; a `: width` makes it a bitfield.
        let decl = &t[at..k];
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
        at = k + 1;
    }
    at
}

// ---------------------------------------------------------------------------------------------
// Probes
// ---------------------------------------------------------------------------------------------

/// One probe: its label and the C that defines object `uabi_p_N`.
struct Probe {
    label: String,
    c: String,
}

fn probes(d: &Declared) -> Vec<Probe> {
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

/// The C file of `probes` for `header`, line `PROBE_LINE + i` holding probe `i`.
const PROBE_LINE: usize = 5;

fn probe_file(header: &str, probes: &[Probe], skip: &BTreeSet<usize>) -> String {
    // <linux/ioctl.h> first, as its users include <sys/ioctl.h>: Linux's <linux/userfaultfd.h>
    // uses `_IOWR` without including it.
    let mut c = format!("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/ioctl.h>\n#include <{header}>\n");
    for (i, p) in probes.iter().enumerate() {
        if skip.contains(&i) {
            c.push('\n');
        } else {
            writeln!(c, "{}", p.c.replace('@', &i.to_string())).unwrap();
        }
    }
    c
}

/// Compiles the probes to an object and reads every probe's bytes; probes whose lines the
/// compiler refuses are dropped and returned, and the rest compiled again.
fn compile(cc: &str, includes: &[&Path], header: &str, probes: &[Probe]) -> Result<Compiled, String> {
    use object::{Object, ObjectSection, ObjectSymbol};
    let tmp = TempDir::new("sid-dropin");
    let mut refused = BTreeSet::new();
    for _ in 0..4 {
        let src = tmp.write("probe.c", &probe_file(header, probes, &refused));
        let obj = tmp.path().join("probe.o");
        let mut cmd = Command::new(cc);
        cmd.args(["-std=gnu11", "-w", "-c", "-o"]).arg(&obj);
        for i in includes {
            cmd.arg(format!("-I{}", i.display()));
        }
        let out = cmd.arg(&src).output().map_err(|e| format!("{cc}: {e}"))?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let before = refused.len();
            for line in stderr.lines() {
                let Some(rest) = line.split("probe.c:").nth(1) else { continue };
                let Some(n) = rest.split(':').next().and_then(|n| n.parse::<usize>().ok()) else { continue };
                if n > PROBE_LINE - 1 && n - PROBE_LINE < probes.len() && line.contains("error") {
                    refused.insert(n - PROBE_LINE);
                }
            }
            if refused.len() == before {
                return Err(format!("{cc} cannot compile the probes of <{header}>:\n{stderr}"));
            }
            continue;
        }
        let data = std::fs::read(&obj).map_err(|e| e.to_string())?;
        let file = object::File::parse(&*data).map_err(|e| e.to_string())?;
        let mut values = BTreeMap::new();
        for sym in file.symbols() {
            let Some(n) = sym.name().ok().and_then(|n| n.strip_prefix("uabi_p_")).and_then(|n| n.parse::<usize>().ok()) else { continue };
            let section = sym.section_index().and_then(|i| file.section_by_index(i).ok()).ok_or("a probe without a section")?;
            let bytes = section.data().map_err(|e| e.to_string())?;
            let at = (sym.address() - section.address()) as usize;
            values.insert(n, bytes[at..at + sym.size() as usize].to_vec());
        }
        return Ok((values, refused));
    }
    Err(format!("{cc}: the probes of <{header}> still do not compile after dropping {} lines", refused.len()))
}

/// `missing X` for any probe of X: `value of X`, `type of X`, `size of struct r`, `offset of
/// struct r.f`, `bits of struct r.f`.
fn missing_label(label: &str) -> String {
    let name = label.split_once(" of ").map_or(label, |(_, n)| n);
    format!("missing {name}")
}

fn show(bytes: &[u8]) -> String {
    if bytes.len() == 8 {
        format!("{:#x}", u64::from_le_bytes(bytes.try_into().unwrap()))
    } else {
        bytes.iter().enumerate().filter(|(_, b)| **b != 0).map(|(i, b)| format!("[{i}]={b:#04x}")).collect::<Vec<_>>().join(" ")
    }
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

/// sid's include root, or why it cannot be had.
fn sid_headers() -> Result<PathBuf, String> {
    let root = common::root();
    let out = Command::new(root.join("scripts/sid-headers.sh"))
        .arg(root.join("target/sid-headers"))
        .current_dir(root)
        .output()
        .map_err(|e| format!("scripts/sid-headers.sh does not run: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default())),
        Some(3) => Err(stderr.trim().to_string()),
        _ => panic!("scripts/sid-headers.sh failed:\n{stderr}"),
    }
}

#[test]
fn the_headers_are_drop_ins_for_linux_7_2() {
    let sid = match sid_headers() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIP: Linux's newest headers cannot be had: {why}");
            return;
        }
    };
    let ours = common::headers_dir();
    let mut failures = Vec::new();
    let mut used = BTreeSet::new();
    let mut compared = 0;
    for &(target, cc, triple, required) in TARGETS {
        if !common::installed(cc) {
            assert!(!required || cc != "gcc", "gcc is missing");
            eprintln!("skipping {target}: {cc} is not installed (scripts/test.sh installs it)");
            continue;
        }
        let arch = sid.join(triple);
        let mut summary = Vec::new();
        for header in FAMILIES {
            let text = std::fs::read_to_string(sid.join(header)).unwrap_or_else(|e| panic!("sid's {header}: {e}"));
            let d = declared(&text);
            let probes = probes(&d);
            let (linux, dropped) = compile(cc, &[&sid, &arch], header, &probes).unwrap_or_else(|e| panic!("{target}: Linux's own {e}"));
            assert!(dropped.is_empty(), "{target}: Linux's <{header}> refuses its own probes: {:?}", dropped.iter().map(|i| &probes[*i].label).collect::<Vec<_>>());
            let (uabi, refused) = compile(cc, &[&ours, &sid, &arch], header, &probes).unwrap_or_else(|e| panic!("{target}: uabi's {e}"));
            let mut report = |label: String, detail: String| {
                let what = format!("{target} <{header}>: {label}{detail}");
                match allowed(target, &label) {
                    Some(_) => {
                        used.insert((target, label));
                    }
                    None if required => failures.push(what),
                    None => eprintln!("note (not a drop-in target): {what}"),
                }
            };
            // A name uabi lacks fails each of its probes (value and type, offset and size): one
            // line per name.
            let missing: BTreeSet<String> = refused.iter().map(|i| missing_label(&probes[*i].label)).collect();
            for label in missing {
                report(label, String::new());
            }
            for (i, p) in probes.iter().enumerate() {
                if refused.contains(&i) {
                    continue;
                }
                let (l, u) = (&linux[&i], &uabi[&i]);
                compared += 1;
                if l != u {
                    report(p.label.clone(), format!(": Linux {}, uabi {}", show(l), show(u)));
                }
            }
            summary.push(format!(
                "{header}: {} records ({} members), {} macros, {} enumerators{}",
                d.records.len(),
                d.records.iter().map(|r| r.1.len()).sum::<usize>(),
                d.macros.len(),
                d.enumerators.len(),
                if d.function_macros.is_empty() { String::new() } else { format!(", function-like macros not compared: {}", d.function_macros.join(", ")) }
            ));
        }
        eprintln!("{target}: compared with Linux {}:\n  {}", sid.display(), summary.join("\n  "));
    }
    // An allowed deviation that no longer happens anywhere is stale: say so by failing, so that
    // the list (and the headers' documentation) stays true.
    for (t, label, why) in ALLOWED {
        if compared > 0 && !used.iter().any(|(ut, ul)| (*t == "*" || t == ut) && ul.starts_with(label)) {
            let checked = TARGETS.iter().any(|(n, cc, _, _)| (*t == "*" || t == n) && common::installed(cc));
            if checked {
                failures.push(format!("the allowed deviation `{label}` ({why}) does not happen: remove it from ALLOWED and from the header's documentation"));
            }
        }
    }
    assert!(failures.is_empty(), "{} differences from Linux 7.2:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{compared} numbers agree; documented deviations: {}", used.len());
}

/// The probes must be able to fail: a header that gets one offset wrong is caught.
#[test]
fn a_wrong_member_is_caught() {
    let text = "struct s {\n\t__u32 a;\n\tunion {\n\t\t__u32 b;\n\t\tstruct { __u16 c : 3, d : 13; };\n\t} u;\n\t__u64 e[2];\n};\n#define S_X (1 << 3)\nenum { S_Y = 4, S_Z };\n";
    let d = declared(text);
    assert_eq!(d.macros, ["S_X"]);
    assert_eq!(d.enumerators, ["S_Y", "S_Z"]);
    let fields: Vec<&str> = d.records[0].1.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(fields, ["a", "u", "u.b", "u.c", "u.d", "e"]);
    assert_eq!(d.records[0].1[3].1, Some(3));
    if !common::installed("gcc") {
        eprintln!("skipping the compile: gcc is not installed");
        return;
    }
    let tmp = TempDir::new("sid-dropin-wrong");
    let good = tmp.write("good/t/s.h", text);
    let bad = tmp.write("bad/t/s.h", &text.replace("__u16 c : 3, d : 13", "__u16 d : 13, c : 3").replace("(1 << 3)", "(1UL << 4)"));
    let p = probes(&d);
    let (a, _) = compile("gcc", &[good.parent().unwrap().parent().unwrap()], "t/s.h", &p).unwrap();
    let (b, _) = compile("gcc", &[bad.parent().unwrap().parent().unwrap()], "t/s.h", &p).unwrap();
    let differ: Vec<&str> = p.iter().enumerate().filter(|(i, _)| a[i] != b[i]).map(|(_, p)| p.label.as_str()).collect();
    assert_eq!(differ, ["value of S_X", "type of S_X", "bits of struct s.u.c", "bits of struct s.u.d"]);
}
