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

use std::collections::BTreeSet;

use common::dropin::{allowed, compile, declared, missing_label, probes, show};
use common::{sid_headers, TempDir};

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

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

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
            let ((linux, dropped), _) = compile(cc, &[&sid, &arch], &[*header], &probes, &[]).unwrap_or_else(|e| panic!("{target}: Linux's own {e}"));
            assert!(dropped.is_empty(), "{target}: Linux's <{header}> refuses its own probes: {:?}", dropped.iter().map(|i| &probes[*i].label).collect::<Vec<_>>());
            let ((uabi, refused), _) = compile(cc, &[&ours, &sid, &arch], &[*header], &probes, &[]).unwrap_or_else(|e| panic!("{target}: uabi's {e}"));
            let mut report = |label: String, detail: String| {
                let what = format!("{target} <{header}>: {label}{detail}");
                match allowed(ALLOWED, target, &label) {
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
    let ((a, _), _) = compile("gcc", &[good.parent().unwrap().parent().unwrap()], &["t/s.h"], &p, &[]).unwrap();
    let ((b, _), _) = compile("gcc", &[bad.parent().unwrap().parent().unwrap()], &["t/s.h"], &p, &[]).unwrap();
    let differ: Vec<&str> = p.iter().enumerate().filter(|(i, _)| a[i] != b[i]).map(|(_, p)| p.label.as_str()).collect();
    assert_eq!(differ, ["value of S_X", "type of S_X", "bits of struct s.u.c", "bits of struct s.u.d"]);
}
