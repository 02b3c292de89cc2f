//! `uabi lint` as a user runs it, on the fixture tree `tests/lint/include` (its own fixed-width
//! types, and a multiarch `<triple>/asm/` per target) and on this repository's generated
//! headers: every kind of finding and its cause, both output formats (JSON against the
//! contract, text against a reviewed snapshot), exit codes, and bad input.
//!
//! Snapshots: `tests/lint/nonportable.json` and `.txt`; after a deliberate change of wording,
//! re-bless with `UABI_BLESS=1 cargo test -p uabi-cli --features lint --test lint` and review
//! the diff.
#![cfg(feature = "lint")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{json, snapshot, text};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint")
}

fn include() -> PathBuf {
    dir().join("include")
}

fn uabi_in(cwd: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_uabi"));
    c.current_dir(cwd).arg("lint");
    for a in args {
        c.arg(a);
    }
    c.output().expect("the uabi binary runs")
}

fn uabi(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    uabi_in(&include(), args)
}

fn finding<'a>(report: &'a Value, record: &str, kind: &str) -> Vec<&'a Value> {
    report["findings"].as_array().unwrap().iter().filter(|f| f["record"] == record && f["kind"] == kind).collect()
}

fn targets(f: &Value) -> Vec<&str> {
    f["targets"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect()
}

#[test]
fn a_nonportable_header_gives_each_kind_of_finding_with_its_cause() {
    let o = uabi(&[&"-I", &".", &"demo/nonportable.h", &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(1), "findings exit 1\n{}", text(&o.stderr));
    let r = json(&o);
    assert_eq!((r["headers"].as_u64(), r["records"].as_u64()), (Some(1), Some(8)));
    assert_eq!(r.as_object().unwrap().keys().collect::<Vec<_>>(), ["findings", "headers", "records"], "exactly the contract's keys");
    for f in r["findings"].as_array().unwrap() {
        assert_eq!(f["header"], "demo/nonportable.h", "relative to the -I root");
        for key in ["record", "kind", "message", "fix"] {
            assert!(f[key].as_str().is_some_and(|s| !s.is_empty()), "{key} in {f}");
        }
    }

    let l = finding(&r, "struct demo_u64_after_u32", "layout");
    assert_eq!((l.len(), targets(l[0]), l[0]["field"].as_str()), (1, vec!["i386"], Some("addr")));
    assert!(l[0]["message"].as_str().unwrap().contains("aligned to 8 bytes on x86_64, 4 on i386"), "{}", l[0]);
    assert!(l[0]["fix"].as_str().unwrap().contains("`__u32 __pad;`") && l[0]["fix"].as_str().unwrap().contains("__aligned_u64"));

    let l = finding(&r, "struct demo_long", "layout");
    assert_eq!(targets(l[0]), ["i386", "arm", "powerpc", "mips"], "every 32-bit ABI");
    assert!(l[0]["message"].as_str().unwrap().contains("`len` is `long`, 8 bytes on x86_64, 4 on"), "{}", l[0]);
    assert_eq!(l[0]["field"], "buf", "the first field that moves");

    let l = finding(&r, "struct demo_tail", "layout");
    assert!(l[0]["message"].as_str().unwrap().contains("tail padding"), "{}", l[0]);
    assert!(l[0].get("field").is_none(), "no field moves");

    let l = finding(&r, "struct demo_bits", "layout");
    assert_eq!(targets(l[0]), ["powerpc", "s390x", "mips"], "the big-endian ABIs");

    let l = finding(&r, "struct demo_state", "layout");
    assert!(targets(l[0]).contains(&"aarch64") && !targets(l[0]).contains(&"arm"), "each target's own asm/: {}", l[0]);
    assert!(l[0]["message"].as_str().unwrap().contains("<asm/demo_regs.h>"), "{}", l[0]);

    let l = finding(&r, "struct demo_union_size", "layout");
    assert!(l[0]["message"].as_str().unwrap().contains("the anonymous union holding `value` is 16 bytes on x86_64, 12 on i386"), "{}", l[0]);

    let types: Vec<(&str, Vec<&str>)> =
        finding(&r, "struct demo_types", "type").iter().map(|f| (f["field"].as_str().unwrap(), targets(f))).collect();
    assert_eq!(types, [("fd", vec![]), ("enabled", vec![]), ("mode", vec![]), ("size", vec!["i386", "arm", "powerpc", "mips"])]);
    let long_types: Vec<&str> = finding(&r, "struct demo_long", "type").iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(long_types, ["len", "buf"]);

    let holes: Vec<&str> = finding(&r, "struct demo_holes", "padding").iter().map(|f| f["message"].as_str().unwrap()).collect();
    assert_eq!(holes.len(), 2, "{holes:?}");
    assert!(holes[0].starts_with("3 bytes of implicit padding before `value`"), "{holes:?}");
    assert!(holes[1].starts_with("2 bytes of implicit padding at the end of the struct"), "{holes:?}");

    snapshot(&dir().join("nonportable.json"), &text(&o.stdout));
}

#[test]
fn text_output_is_rendered_as_rustc_renders_diagnostics() {
    let o = uabi(&[&"-I", &".", &"demo/nonportable.h"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains("warning[layout]: struct demo_u64_after_u32: "), "{out}");
    assert!(out.contains("--> demo/nonportable.h:10:8"), "file, line and column\n{out}");
    assert!(out.contains("10 |     __u64 addr;"), "the C line\n{out}");
    assert!(out.contains("|           ^^^^ moves on i386"), "a caret under the field\n{out}");
    assert!(out.contains("= help: add the padding explicitly before `addr`"), "the help\n{out}");
    assert!(out.contains("--- `long`: 8 bytes on x86_64"), "the field whose size moves it, underlined\n{out}");
    let summary = text(&o.stderr);
    assert!(summary.contains("1 header and 8 records linted on 9 targets: 20 findings (layout 7, type 6, padding 7)"), "{summary}");
    snapshot(&dir().join("nonportable.txt"), &out);
}

#[test]
fn a_portable_header_is_clean() {
    let o = uabi(&[&"-I", &".", &"demo/portable.h", &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(json(&o), serde_json::json!({"headers": 1, "records": 3, "findings": []}));
    // Text: nothing on stdout, the summary on stderr, including what is not a finding.
    let o = uabi(&[&"-I", &".", &"demo/portable.h"]);
    assert_eq!((o.status.code(), text(&o.stdout)), (Some(0), String::new()));
    assert!(text(&o.stderr).contains("no findings; 2 records differ only in alignment"), "{}", text(&o.stderr));
}

#[test]
fn a_file_path_is_named_relative_to_its_root_or_as_given() {
    // Below the root `include`: named relative to it, as C includes it.
    let o = uabi_in(&dir(), &[&"-I", &"include", &"include/demo/nonportable.h", &"--format", &"json"]);
    assert_eq!(json(&o)["findings"][0]["header"], "demo/nonportable.h");
    // Below no root: named as given.
    let tmp = std::env::temp_dir().join(format!("uabi-lint-outside-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("outside.h"), "#include <demo/types.h>\nstruct outside { __u32 a; __u64 b; };\n").unwrap();
    let o = uabi_in(&tmp, &[&"-I", &include(), &"outside.h", &"--format", &"json"]);
    let _ = std::fs::remove_dir_all(&tmp);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(json(&o)["findings"][0]["header"], "outside.h");
}

#[test]
fn a_directory_lints_every_header_except_each_targets_asm() {
    let o = uabi(&[&"-I", &".", &".", &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let r = json(&o);
    assert_eq!(r["headers"], 4, "demo/{{ir,nonportable,portable,types}}.h, not the nine <triple>/asm/demo_regs.h");
    let headers: std::collections::BTreeSet<&str> = r["findings"].as_array().unwrap().iter().map(|f| f["header"].as_str().unwrap()).collect();
    assert!(headers.iter().all(|h| h.starts_with("demo/")), "{headers:?}");
}

/// Where each target's libc and `<linux/types.h>` come from, when it is not x86_64.
fn sysroot(target: &str) -> &'static str {
    match target {
        "i386" => "/usr/i686-linux-gnu/include",
        "aarch64" => "/usr/aarch64-linux-gnu/include",
        "arm" => "/usr/arm-linux-gnueabihf/include",
        "powerpc64le" => "/usr/powerpc64le-linux-gnu/include",
        "powerpc" => "/usr/powerpc-linux-gnu/include",
        "s390x" => "/usr/s390x-linux-gnu/include",
        "riscv64" => "/usr/riscv64-linux-gnu/include",
        "mips" => "/usr/mips-linux-gnu/include",
        _ => "/usr/include",
    }
}

/// The lint targets, by `uabi_arch` name: the families whose layouts the lint compares.
const LINT_ARCHES: &[&str] = &["x86_64", "i386", "aarch64", "arm", "powerpc64le", "powerpc", "s390x", "riscv64", "mips"];

/// The records of this repository's ABIs that the model lays out differently on some of the
/// lint's targets, in lint's sense (a byte or a bit that moves): a record defined per family
/// with another size (x86's and arm64's `kvm_regs`), a field present on two targets at two
/// offsets (s390's `kvm_run`, `perf_sample_weight`'s halves), or a bitfield covering other bits
/// of its unit's value (on big-endian targets, unless the record declares its bits in the
/// other order there, as `perf_mem_data_src` does). A member that exists on some targets only,
/// with nothing else moving (`perf_mem_data_src`'s bits, absent on powerpc and mips), moves no
/// byte, and lint does not report it.
fn records_the_model_lays_out_per_architecture() -> std::collections::BTreeSet<String> {
    use std::collections::BTreeMap;
    use uabi_model::ast::{FieldType, Record};
    /// Each field (by C path) and bitfield: its absolute offset, and for a bitfield its least
    /// significant bit in the unit's value and its width.
    type Facts = BTreeMap<String, (u64, Option<(u32, u32)>)>;
    /// The [`Facts`] of `r` on `family`.
    fn facts(abi: &uabi_model::Abi, r: &Record, family: uabi_arch::Family, endian: uabi_arch::Endian, prefix: &str, base: u64, out: &mut Facts) {
        let l = abi.layouts.on(r.id, family).expect("laid out on its families");
        for (k, f) in r.fields.iter().enumerate() {
            let Some(slot) = l.slot(k) else { continue };
            let off = base + slot.offset;
            for (b, s) in f.bits.iter().zip(&slot.bits) {
                out.insert(format!("{prefix}{}", b.c_name), (off, Some((s.lsb(endian), s.width))));
            }
            if f.bits.is_empty() {
                out.insert(format!("{prefix}{}", f.c_name), (off, None));
            }
            if let (FieldType::Named(_), Some(id)) = (&f.ty, slot.record) {
                let inner = abi.record_by_id(id);
                if inner.anonymous {
                    let p = if f.anonymous { prefix.to_string() } else { format!("{prefix}{}.", f.c_name) };
                    facts(abi, inner, family, endian, &p, off, out);
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sources = uabi_build::load(&[root.join("linux/src")]).expect("the definitions load");
    let arches: Vec<&uabi_arch::Arch> = LINT_ARCHES.iter().map(|n| uabi_arch::arch_named(n).expect("in the table")).collect();
    let mut out = std::collections::BTreeSet::new();
    for abi in sources.iter().flat_map(|s| &s.abis) {
        for r in abi.records().filter(|r| !r.anonymous && r.defined_in.is_none()) {
            let name = format!("{} {}", r.kind.c_keyword(), r.c_name);
            // (size, fields) on each target where some record of that name exists.
            let mut seen: Vec<(u64, Facts)> = Vec::new();
            for a in &arches {
                let Some(v) = abi.record_on(&r.name, a.family) else { continue };
                let l = abi.layouts.on(v.id, a.family).expect("laid out on its families");
                let mut f = BTreeMap::new();
                facts(abi, v, a.family, a.endian, "", 0, &mut f);
                seen.push((l.size, f));
            }
            let moves = seen.iter().any(|(size, f)| {
                seen.iter().any(|(s2, f2)| size != s2 || f.iter().any(|(n, x)| f2.get(n).is_some_and(|y| x != y)))
            });
            if moves {
                out.insert(name);
            }
        }
    }
    out
}

/// libclang's reading of the generated headers on the nine targets, against the model's: what
/// lint finds differing between architectures is exactly what the model defines per
/// architecture (and the bitfields, which C places from the other end of their unit on
/// big-endian targets, as Linux's own `perf_event_attr` has it), and nothing is a `type` or
/// `padding` finding: the headers are portable everywhere else.
#[test]
fn this_repositorys_generated_headers_differ_only_where_the_model_says() {
    let headers = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../headers");
    let o = uabi_in(&headers, &[&"-I", &".", &"linux", &"asm", &"--format", &"json"]);
    let stderr = text(&o.stderr);
    let r = json(&o);
    assert!(r["headers"].as_u64().unwrap() >= 6 && r["records"].as_u64().unwrap() > 50, "{r}");
    let findings = r["findings"].as_array().unwrap();
    // A field the model declares `c_long` is `unsigned long` on purpose, as Linux's riscv64
    // header has it, on families where `long` is 64 bits everywhere: lint, which judges a
    // type by itself, calls it architecture-dependent.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let longs: std::collections::BTreeSet<(String, String)> = uabi_build::load(&[root.join("linux/src")])
        .expect("the definitions load")
        .iter()
        .flat_map(|s| &s.abis)
        .flat_map(|abi| abi.records().flat_map(|r| r.fields.iter().filter(|f| f.c_long).map(move |f| (format!("{} {}", r.kind.c_keyword(), r.c_name), f.c_name.clone()))))
        .collect();
    let deliberate = |f: &&Value| {
        f["kind"] == "type"
            && f["record"].as_str().zip(f["field"].as_str()).is_some_and(|(r, n)| {
                longs.contains(&(r.to_string(), n.to_string())) || (r == "struct kvm_run" && longs.iter().any(|(_, l)| l == n))
            })
    };
    let other: Vec<&Value> = findings.iter().filter(|f| f["kind"] != "layout" && !deliberate(f)).collect();
    assert!(other.is_empty(), "uabi's headers have type or padding findings:\n{other:#?}");
    let found: std::collections::BTreeSet<String> = findings.iter().filter(|f| !deliberate(f)).map(|f| f["record"].as_str().unwrap().to_string()).collect();
    let expected = records_the_model_lays_out_per_architecture();
    assert_eq!(found, expected, "what lint finds differing between architectures is not what the model defines per architecture\n{}\n{stderr}", text(&o.stdout));
    assert_eq!(o.status.code(), Some(if found.is_empty() { 0 } else { 1 }));
    // The headers include <linux/types.h>; on a target whose cross libc is missing they do not
    // compile and are not linted there. Only that excuses a target.
    for line in stderr.lines().filter(|l| l.contains("not linted")) {
        let on = line.split(" not linted on ").nth(1).and_then(|r| r.split(", where").next()).unwrap_or("every target");
        for t in on.split(", ") {
            assert!(!Path::new(sysroot(t)).join("linux/types.h").exists(), "{line}");
            eprintln!("skipped on {t}: {} is not installed (scripts/test.sh installs the cross compilers)", sysroot(t));
        }
    }
}

#[test]
fn probes_hold_every_number_for_the_compilers() {
    let tmp = std::env::temp_dir().join(format!("uabi-lint-probes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let o = uabi(&[&"-I", &".", &"demo/nonportable.h", &"--probes", &tmp]);
    assert_eq!(o.status.code(), Some(1));
    let i386 = std::fs::read_to_string(tmp.join("i386/demo+nonportable.h.c")).unwrap();
    assert!(i386.contains("#include <demo/nonportable.h>"), "{i386}");
    assert!(i386.contains("_Static_assert(sizeof(struct demo_u64_after_u32) == 12,"), "{i386}");
    assert!(i386.contains("_Static_assert(__builtin_offsetof(struct demo_u64_after_u32, addr) == 4,"), "{i386}");
    let ppc = std::fs::read_to_string(tmp.join("powerpc/demo+nonportable.h.c")).unwrap();
    // `lo:4` of demo_bits: the high nibble of byte 0 on a big-endian ABI.
    assert!(ppc.contains("/* BITS __uabi_bits_0 f000000000000000 struct demo_bits.lo */"), "{ppc}");
    assert_eq!(std::fs::read_dir(&tmp).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count(), 9, "a directory per target");
    // A second run replaces what the first wrote; a directory it did not write is refused.
    let o = uabi(&[&"-I", &".", &"demo/portable.h", &"--probes", &tmp]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!tmp.join("i386/demo+nonportable.h.c").exists() && tmp.join("i386/demo+portable.h.c").exists());
    let mine = tmp.join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep").unwrap();
    let o = uabi(&[&"-I", &".", &"demo/portable.h", &"--probes", &mine]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("was not written by `uabi lint --probes`"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(mine.join("notes.txt")).unwrap(), "keep", "left alone");
    assert!(!tmp.join("mine.uabi-tmp").exists(), "no temporary directory left");
    std::fs::remove_dir_all(&mine).unwrap();
    // Again, for the host compiler below.
    let o = uabi(&[&"-I", &".", &"demo/nonportable.h", &"--probes", &tmp]);
    assert_eq!(o.status.code(), Some(1));
    // And the host compiler agrees with x86_64's, when there is one.
    if Command::new("gcc").arg("--version").output().is_ok_and(|o| o.status.success()) {
        let gcc = |file: &Path| {
            let mut c = Command::new("gcc");
            c.args(["-fsyntax-only", "-std=gnu11", "-I"]).arg(include()).arg("-I").arg(include().join("x86_64-linux-gnu"));
            c.arg(file).output().unwrap()
        };
        let c = gcc(&tmp.join("x86_64/demo+nonportable.h.c"));
        assert!(c.status.success(), "{}", text(&c.stderr));
        // A wrong number is refused: the probes can fail.
        let wrong = tmp.join("wrong.c");
        std::fs::write(&wrong, std::fs::read_to_string(tmp.join("x86_64/demo+nonportable.h.c")).unwrap().replacen("== 16,", "== 12,", 1)).unwrap();
        let c = gcc(&wrong);
        assert!(!c.status.success() && text(&c.stderr).contains("static assertion failed"), "{}", text(&c.stderr));
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn bad_input_gets_one_message_naming_it_and_exit_2() {
    let check = |o: Output, needle: &str| {
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(needle), "names `{needle}`:\n{err}");
        assert_eq!(err.lines().filter(|l| l.starts_with("error")).count(), 1, "one message:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(o.stdout.is_empty(), "nothing half-written on stdout");
    };
    check(uabi(&[&"-I", &".", &"demo/missing.h"]), "demo/missing.h: no such file or directory nor below any -I directory");
    check(uabi(&[&"-I", &"nowhere", &"demo/portable.h"]), "-I nowhere");
    check(uabi(&[&"-I", &"demo/types.h", &"demo/portable.h"]), "demo/types.h: not a directory");
    let empty = std::env::temp_dir().join(format!("uabi-lint-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    check(uabi(&[&empty]), "has no `.h` file");
    // A header that compiles nowhere: said on stderr; alone, nothing could be linted.
    std::fs::write(empty.join("broken.h"), "struct broken { unknown_t x; };\n").unwrap();
    let o = uabi(&[&empty.join("broken.h")]);
    assert!(text(&o.stderr).contains("broken.h: not linted: it does not compile for any target"), "{}", text(&o.stderr));
    check(o, "no header could be linted");
    // Beside a good one it is a warning, and the good one is linted.
    let o = uabi(&[&"-I", &".", &empty.join("broken.h"), &"demo/portable.h", &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(json(&o)["headers"], 1);
    // A probe directory that cannot be written: exit 2, and no probe is left.
    let blocker = empty.join("blocker");
    std::fs::write(&blocker, "").unwrap();
    check(uabi(&[&"-I", &".", &"demo/portable.h", &"--probes", &blocker.join("probes")]), "blocker");
    let _ = std::fs::remove_dir_all(&empty);
    // Usage errors are clap's, with its exit status 2.
    let o = uabi(&[&"--format", &"xml", &"demo/portable.h"]);
    assert_eq!(o.status.code(), Some(2));
}
