//! uabi's `<linux/kvm.h>` and `<asm/kvm.h>` (`headers/`, generated from `linux/src/kvm.rs`)
//! against Linux 7.2's own (Debian sid's linux-libc-dev, fetched into target/ by
//! scripts/sid-headers.sh, never committed), as each architecture's C compiler sees them:
//! x86_64, i386, aarch64 and riscv64.
//!
//! Everything is driven by *Linux's* headers (`linux/kvm.h` and the target's `asm/kvm.h`):
//! every object-like macro, every enumerator, every struct and union with every member
//! (anonymous members flattened, named untagged ones by path, an array's untagged element
//! through `[0]`, bitfields included), and whether each macro name (function-like and empty
//! ones too) is defined. For each, a probe file gets an object whose bytes are the number: a
//! macro's or enumerator's value, the size of its C type and whether that type is signed; a
//! record's size and alignment; a member's offset and size; for a bitfield, the record with
//! that bitfield set to all ones (C has no `offsetof` for bits). The same probe file is
//! compiled twice by the target's gcc, once against Linux's headers and once against uabi's
//! (`-I headers` first), and the two objects must hold the same bytes. A probe Linux's own
//! header refuses on a target (an ioctl of another architecture whose argument type is not
//! defined there, a macro that needs a kernel-only header) is not compared. A name uabi lacks
//! fails the second compile: each such line is reported by name and dropped, and the file
//! compiled again.
//!
//! The deviations `linux/src/kvm.rs` documents are listed in [`ALLOWED`], each with its reason;
//! any other difference fails the test, and so does an allowed one that no longer happens.
//! Skips, saying why, when sid cannot be reached and nothing was fetched before, or a compiler
//! is missing.
//!
//! The same machinery, for headers under `linux/` only, is `tests/sid_dropin.rs` on the
//! branch that brings Linux's other families; the two can share it once both are merged.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::TempDir;

/// (name, gcc, Debian multiarch triple of sid's `asm/`)
const TARGETS: &[(&str, &str, &str)] = &[
    ("x86_64", "gcc", "x86_64-linux-gnu"),
    ("i386", "i686-linux-gnu-gcc", "i386-linux-gnu"),
    ("aarch64", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
    ("riscv64", "riscv64-linux-gnu-gcc", "riscv64-linux-gnu"),
];

/// The documented deviations: (target or `*`, probe label, why). A probe label is what the
/// test prints: `value of NAME`, `type of NAME`, `defined NAME`, `size of struct x`,
/// `alignment of struct x`, `offset of struct x.f`, `size of struct x.f`, `bits of struct x.f`,
/// `missing NAME` (uabi's header does not declare it). A label matches every probe label it is
/// a prefix of.
const ALLOWED: &[(&str, &str, &str)] = &[
    // Records Linux leaves non-portable: uabi's x86 layout is x86_64's on i386 too.
    ("i386", "offset of struct kvm_msr_filter", "kvm_msr_filter_range.bitmap is a pointer in Linux (4 bytes on i386); here a u64 address, 8 bytes everywhere"),
    ("i386", "size of struct kvm_msr_filter", "kvm_msr_filter_range.bitmap is a u64 address here"),
    ("i386", "value of KVM_X86_SET_MSR_FILTER", "its argument, kvm_msr_filter, has x86_64's size"),
    ("i386", "offset of struct kvm_xen_exit.u", "Linux pads 4 bytes after `type` on x86_64 only; here the padding is a member everywhere"),
    ("i386", "size of struct kvm_xen_exit", "the same padding"),
    ("i386", "size of struct kvm_run.xen", "kvm_run.xen is a kvm_xen_exit"),
    ("i386", "size of struct kvm_dirty_tlb", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "value of KVM_DIRTY_TLB", "its argument, kvm_dirty_tlb, has x86_64's size"),
    ("i386", "size of struct kvm_run.fail_entry", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "size of struct kvm_run.s390_ucontrol", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "offset of struct kvm_run.riscv_", "riscv_sbi and riscv_csr are `unsigned long` in Linux (4 bytes on i386); __u64 here"),
    ("i386", "size of struct kvm_run.riscv_", "riscv_sbi and riscv_csr are `unsigned long` in Linux; __u64 here"),
    // `unsigned long` in a number: 4 bytes on i386 in Linux, 8 here.
    ("i386", "value of KVM_MEMORY_ENCRYPT_OP", "its argument is an `unsigned long` in Linux; a u64 here"),
    ("i386", "value of KVM_S390_VCPU_FAULT", "its argument is an `unsigned long` in Linux; a u64 here"),
    ("i386", "value of KVM_S390_STORE_STATUS", "the argument of KVM_S390_STORE_STATUS and the values (-1ul) and (-2ul) are `unsigned long` in Linux; u64 here"),
    ("i386", "type of KVM_S390_STORE_STATUS_", "(-1ul) and (-2ul) are `unsigned long` in Linux; u64 here"),
];

fn allowed(target: &str, label: &str) -> Option<&'static str> {
    ALLOWED.iter().find(|(t, l, _)| (*t == "*" || *t == target) && label.starts_with(l)).map(|(_, _, why)| *why)
}

// ---------------------------------------------------------------------------------------------
// Reading Linux's headers: names of macros and enumerators, records with their member paths
// ---------------------------------------------------------------------------------------------

/// A member's path from its record (`arg.pagefault.flags`), and its bitfield width.
type Member = (String, Option<u32>);

/// Each probe's bytes by index, and the probes the compiler refused.
type Compiled = (BTreeMap<usize, Vec<u8>>, BTreeSet<usize>);

#[derive(Debug, Default)]
struct Declared {
    /// Object-like macros with a body, in order (not the include guard).
    macros: Vec<String>,
    /// Every macro name the header defines: object-like with or without a body, and
    /// function-like.
    names: Vec<String>,
    /// Function-like macros: their values need arguments, so only their names are compared.
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

/// Line `PROBE_LINE + i` of the probe file holds probe `i`.
const PROBE_LINE: usize = 5;

fn probe_file(probes: &[Probe], skip: &BTreeSet<usize>, names: &[String]) -> String {
    let mut c = String::from("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/ioctl.h>\n#include <linux/kvm.h>\n");
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

/// Compiles the probes to an object and reads every probe's bytes, and the defined bits;
/// probes whose lines the compiler refuses are dropped and returned, and the rest compiled
/// again.
fn compile(cc: &str, includes: &[&Path], probes: &[Probe], names: &[String]) -> Result<(Compiled, Vec<u8>), String> {
    use object::{Object, ObjectSection, ObjectSymbol};
    let tmp = TempDir::new("kvm-dropin");
    let mut refused = BTreeSet::new();
    for _ in 0..20 {
        let src = tmp.write("probe.c", &probe_file(probes, &refused, names));
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
                if n > PROBE_LINE - 1 && n - PROBE_LINE < probes.len() {
                    refused.insert(n - PROBE_LINE);
                }
            }
            if refused.len() == before {
                return Err(format!("{cc} cannot compile the probes:\n{stderr}"));
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
    Err(format!("{cc}: the probes still do not compile after dropping {} lines", refused.len()))
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

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// What one target compared, for the summary.
#[derive(Default)]
struct Counts {
    records: usize,
    members: usize,
    macros: usize,
    enumerators: usize,
    names: usize,
    numbers: usize,
    not_linux: usize,
}

#[test]
fn the_kvm_headers_are_drop_ins_for_linux_7_2() {
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
    let mut summary = Vec::new();
    for &(target, cc, triple) in TARGETS {
        if !common::installed(cc) {
            assert!(cc != "gcc", "gcc is missing");
            eprintln!("skipping {target}: {cc} is not installed (scripts/test.sh installs it)");
            continue;
        }
        let arch = sid.join(triple);
        let mut text = std::fs::read_to_string(sid.join("linux/kvm.h")).expect("sid's linux/kvm.h");
        text.push('\n');
        text.push_str(&std::fs::read_to_string(arch.join("asm/kvm.h")).expect("sid's asm/kvm.h"));
        let d = declared(&text);
        let probes = probes(&d);
        let ((linux, dropped), linux_defined) = compile(cc, &[&sid, &arch], &probes, &d.names).unwrap_or_else(|e| panic!("{target}: Linux's own {e}"));
        let ((uabi, refused), uabi_defined) = compile(cc, &[&ours, &sid, &arch], &probes, &d.names).unwrap_or_else(|e| panic!("{target}: uabi's {e}"));
        let mut report = |label: String, detail: String| {
            let what = format!("{target}: {label}{detail}");
            match allowed(target, &label) {
                Some(_) => {
                    used.insert((target, label));
                }
                None => failures.push(what),
            }
        };
        // A name uabi lacks fails each of its probes (value and type, offset and size): one
        // line per name. What Linux's own header refuses on this target is not compared.
        let missing: BTreeSet<String> = refused.difference(&dropped).map(|i| missing_label(&probes[*i].label)).collect();
        for label in missing {
            report(label, String::new());
        }
        let mut c = Counts { not_linux: dropped.len(), ..Counts::default() };
        for (i, p) in probes.iter().enumerate() {
            if refused.contains(&i) || dropped.contains(&i) {
                continue;
            }
            let (l, u) = (&linux[&i], &uabi[&i]);
            c.numbers += 1;
            if l != u {
                report(p.label.clone(), format!(": Linux {}, uabi {}", show(l), show(u)));
            }
        }
        // Whether a name is defined is compared where its value is not: function-like and
        // empty macros, and macros whose value probes work on this target (Linux defines other
        // architectures' ioctls everywhere, with argument types only their own `<asm/kvm.h>`
        // declares: unusable here, and not defined by uabi).
        let unusable: BTreeSet<&str> = dropped.iter().filter_map(|i| probes[*i].label.strip_prefix("value of ")).collect();
        for (k, name) in d.names.iter().enumerate() {
            if unusable.contains(name.as_str()) {
                continue;
            }
            let (l, u) = (linux_defined[k], uabi_defined[k]);
            c.names += 1;
            if l != u {
                let (l, u) = (["undefined", "defined"][l as usize], ["undefined", "defined"][u as usize]);
                report(format!("defined {name}"), format!(": Linux {l}, uabi {u}"));
            }
        }
        let compared_here = |label: &str| probes.iter().enumerate().any(|(i, p)| p.label == label && !dropped.contains(&i));
        c.records = d.records.iter().filter(|(r, _)| compared_here(&format!("size of {r}"))).count();
        c.members = d.records.iter().map(|(r, f)| f.iter().filter(|(p, _)| compared_here(&format!("offset of {r}.{p}")) || compared_here(&format!("bits of {r}.{p}"))).count()).sum();
        c.macros = d.macros.iter().filter(|m| compared_here(&format!("value of {m}"))).count();
        c.enumerators = d.enumerators.iter().filter(|m| compared_here(&format!("value of {m}"))).count();
        compared += c.numbers + c.names;
        summary.push(format!(
            "{target}: {} records ({} members), {} macros, {} enumerators, {} macro names defined alike ({} function-like); {} numbers compared; {} probes Linux's own header refuses here",
            c.records,
            c.members,
            c.macros,
            c.enumerators,
            c.names,
            d.function_macros.len(),
            c.numbers,
            c.not_linux
        ));
    }
    eprintln!("compared with Linux {}:\n  {}", sid.display(), summary.join("\n  "));
    // An allowed deviation that no longer happens anywhere is stale: say so by failing, so that
    // the list (and the module's documentation) stays true.
    for (t, label, why) in ALLOWED {
        let checked = TARGETS.iter().any(|(n, cc, _)| (*t == "*" || t == n) && common::installed(cc));
        if compared > 0 && checked && !used.iter().any(|(ut, ul)| (*t == "*" || t == ut) && ul.starts_with(label)) {
            failures.push(format!("the allowed deviation `{label}` ({why}) does not happen: remove it from ALLOWED and from kvm.rs's documentation"));
        }
    }
    assert!(failures.is_empty(), "{} differences from Linux 7.2:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{compared} numbers and names agree; documented deviations: {}", used.len());
}

/// The probes must be able to fail: a header that gets one offset, bit or value wrong, or
/// lacks a macro, is caught.
#[test]
fn a_wrong_member_value_or_name_is_caught() {
    let text = "struct s {\n\t__u32 a;\n\tunion {\n\t\t__u32 b;\n\t\tstruct { __u16 c : 3, d : 13; };\n\t} u[2];\n\t__u64 e[2];\n\t__DECLARE_FLEX_ARRAY(__u8, f);\n};\n#define S_X (1 << 3)\n#define S_F(x) (x)\n#define S_E\nenum { S_Y = 4, S_Z };\n";
    let d = declared(text);
    assert_eq!(d.macros, ["S_X"]);
    assert_eq!(d.names, ["S_X", "S_F", "S_E"]);
    assert_eq!(d.enumerators, ["S_Y", "S_Z"]);
    let fields: Vec<&str> = d.records[0].1.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(fields, ["a", "u", "u[0].b", "u[0].c", "u[0].d", "e", "f"]);
    assert_eq!(d.records[0].1[3].1, Some(3));
    assert_eq!(d.records[0].1[6].1, Some(0));
    if !common::installed("gcc") {
        eprintln!("skipping the compile: gcc is not installed");
        return;
    }
    let tmp = TempDir::new("kvm-dropin-wrong");
    let good = tmp.write("good/linux/kvm.h", text);
    let bad = tmp.write(
        "bad/linux/kvm.h",
        &text.replace("__u16 c : 3, d : 13", "__u16 d : 13, c : 3").replace("(1 << 3)", "(1UL << 4)").replace("#define S_F(x) (x)\n", ""),
    );
    let p = probes(&d);
    let root = |h: &Path| h.parent().unwrap().parent().unwrap().to_path_buf();
    let ((a, _), da) = compile("gcc", &[&root(&good)], &p, &d.names).unwrap();
    let ((b, _), db) = compile("gcc", &[&root(&bad)], &p, &d.names).unwrap();
    let differ: Vec<&str> = p.iter().enumerate().filter(|(i, _)| a[i] != b[i]).map(|(_, p)| p.label.as_str()).collect();
    assert_eq!(differ, ["value of S_X", "type of S_X", "bits of struct s.u[0].c", "bits of struct s.u[0].d"]);
    assert_eq!((&da[..3], &db[..3]), (&[1, 1, 1][..], &[1, 0, 1][..]), "S_F is defined in one and not the other");
}

/// A program may include Linux's own `<asm/kvm.h>` or `<linux/kvm.h>` and uabi's in either
/// order, as it may include two copies of one Linux header: the guards (`__LINUX_KVM_H`, and
/// `<asm/kvm.h>`'s per architecture, `_ASM_X86_KVM_H` ..) make the second a no-op.
#[test]
fn the_kvm_headers_include_together_with_linuxs() {
    let sid = match sid_headers() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIP: Linux's newest headers cannot be had: {why}");
            return;
        }
    };
    let ours = common::headers_dir();
    for &(target, cc, triple) in TARGETS {
        if !common::installed(cc) {
            eprintln!("skipping {target}: {cc} is not installed");
            continue;
        }
        let arch = sid.join(triple);
        let linux_asm = arch.join("asm/kvm.h");
        let linux_kvm = sid.join("linux/kvm.h");
        let orders = [
            format!("#include \"{}\"\n#include <linux/kvm.h>\n", linux_asm.display()),
            format!("#include <linux/kvm.h>\n#include \"{}\"\n", linux_asm.display()),
            format!("#include \"{}\"\n#include <linux/kvm.h>\n", linux_kvm.display()),
            format!("#include <linux/kvm.h>\n#include \"{}\"\n", linux_kvm.display()),
        ];
        for (k, src) in orders.iter().enumerate() {
            // Something from each header, so that a skipped body would not compile.
            let src = format!("{src}struct kvm_run r;\nstruct kvm_regs g;\nint x = KVM_RUN + KVM_API_VERSION;\n");
            let args = ["-std=gnu11", "-fsyntax-only", "-Wall", "-Werror", "-I"];
            let includes = [ours.as_path(), sid.as_path(), arch.as_path()];
            let mut cmd = Command::new(cc);
            cmd.args(&args[..4]);
            for i in includes {
                cmd.arg(format!("-I{}", i.display()));
            }
            let tmp = TempDir::new("kvm-together");
            let file = tmp.write("t.c", &src);
            let out = cmd.arg(&file).output().expect("the compiler runs");
            assert!(out.status.success(), "{target}, order {k}:\n{src}\n{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
