//! `uabi lint` over the whole installed UAPI of Linux's newest release (Debian sid's
//! linux-libc-dev, fetched into target/ at test time by scripts/sid-headers.sh, never committed),
//! and every number it computed with libclang checked by the real compilers of each target.
//!
//! The lint writes, per target and header, `_Static_assert`s of every record's size, alignment
//! and field offsets, and for each bit-field an object with the field's bits set and the byte
//! image libclang's allocation predicts (`--probes`). Each target's own gcc (Debian's cross
//! compilers, which the test command installs) compiles them: an assertion that fails, or an
//! image that differs from the object's bytes, is a false number, and every `layout` finding
//! is built from these numbers. Since every record is probed (not only those with findings),
//! a record whose layout differs and that the lint missed would fail too.
//!
//! alpha, hppa, m68k and sparc64 have compilers but no libclang target here (see
//! `cheader::targets`): x86_64's probes are compiled with them as well, to measure how many
//! records differ there although the nine targets agree (reported, not asserted).
//!
//! Skips, saying why, when sid cannot be reached and nothing was fetched before, or when a
//! compiler is missing. `UABI_LINT_SID_SAMPLE=N` confirms every Nth header only (all by
//! default); the measures go to target/lint-sid/MEASURES.txt, which the test command prints.
#![cfg(feature = "lint")]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use common::{sid_headers_or_skip, sid_version, workspace};

/// Lint target, its gcc, its objdump, Debian's multiarch directory.
const CONFIRM: &[(&str, &str, &str, &str)] = &[
    ("x86_64", "gcc", "objdump", "x86_64-linux-gnu"),
    ("i386", "i686-linux-gnu-gcc", "i686-linux-gnu-objdump", "i386-linux-gnu"),
    ("aarch64", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-objdump", "aarch64-linux-gnu"),
    ("arm", "arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf-objdump", "arm-linux-gnueabihf"),
    ("powerpc64le", "powerpc64le-linux-gnu-gcc", "powerpc64le-linux-gnu-objdump", "powerpc64le-linux-gnu"),
    ("powerpc", "powerpc-linux-gnu-gcc", "powerpc-linux-gnu-objdump", "powerpc-linux-gnu"),
    ("s390x", "s390x-linux-gnu-gcc", "s390x-linux-gnu-objdump", "s390x-linux-gnu"),
    ("riscv64", "riscv64-linux-gnu-gcc", "riscv64-linux-gnu-objdump", "riscv64-linux-gnu"),
    ("mips", "mips-linux-gnu-gcc", "mips-linux-gnu-objdump", "mips-linux-gnu"),
];

/// Compilers without a lint target: name, gcc, multiarch directory.
const EXTRA: &[(&str, &str, &str)] = &[
    ("sparc64", "sparc64-linux-gnu-gcc", "sparc64-linux-gnu"),
    ("alpha", "alpha-linux-gnu-gcc", "alpha-linux-gnu"),
    ("hppa", "hppa-linux-gnu-gcc", "hppa-linux-gnu"),
    ("m68k", "m68k-linux-gnu-gcc", "m68k-linux-gnu"),
];

fn have(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// What compiling one probe file said.
#[derive(Default)]
struct Verdict {
    /// Records with an error on their probe lines (an assertion that fails, or one the compiler
    /// could not evaluate), with the message.
    wrong: Vec<(String, String)>,
    /// Bit-fields whose compiled bits differ from the predicted image.
    wrong_bits: Vec<String>,
    bits_checked: usize,
    /// The compiler stopped before the probes (a fatal error in the header): nothing confirmed.
    unconfirmed: Option<String>,
    /// Records probed in the file.
    records: BTreeSet<String>,
}

fn compile(gcc: &str, objdump: Option<&str>, root: &Path, multiarch: &str, probe: &Path, out: &Path) -> Verdict {
    let text = std::fs::read_to_string(probe).expect("a probe file");
    let lines: Vec<&str> = text.lines().collect();
    let mut v = Verdict::default();
    for l in &lines {
        if let Some(rest) = l.strip_prefix("_Static_assert(sizeof(") {
            v.records.insert(rest.split(')').next().unwrap_or_default().to_string());
        }
    }
    // Objects only where there are bit-field images to read back; the assertions alone need
    // no code generation.
    let has_bits = objdump.is_some() && text.contains("/* BITS ");
    let mut c = Command::new(gcc);
    c.args([if has_bits { "-c" } else { "-fsyntax-only" }, "-w", "-std=gnu11"]).arg(format!("-I{}", root.display())).arg(format!("-I{}", root.join(multiarch).display()));
    c.arg(probe);
    if has_bits {
        c.arg("-o").arg(out);
    }
    let o = c.output().unwrap_or_else(|e| panic!("{gcc}: {e}"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let probe_name = probe.display().to_string();
    for line in stderr.lines() {
        // `FILE:LINE:COL: error: ..` on a line of the probe file itself.
        let Some(rest) = line.strip_prefix(&format!("{probe_name}:")) else { continue };
        let mut parts = rest.splitn(3, ':');
        let (Some(n), _, Some(msg)) = (parts.next().and_then(|n| n.parse::<usize>().ok()), parts.next(), parts.next()) else { continue };
        if !msg.trim_start().starts_with("error") {
            continue;
        }
        let src = lines.get(n - 1).copied().unwrap_or_default();
        let record = v.records.iter().find(|r| src.contains(&format!("({r})")) || src.contains(&format!("({r},"))).cloned().unwrap_or_else(|| src.to_string());
        v.wrong.push((record, format!("{}: {}", src.trim(), msg.trim())));
    }
    if !o.status.success() && v.wrong.is_empty() {
        // Errors only in the header itself: gcc still evaluated every assertion unless it
        // stopped (a fatal error).
        if stderr.contains("compilation terminated") {
            v.unconfirmed = Some(stderr.lines().find(|l| l.contains("error")).unwrap_or_default().to_string());
        }
    }
    let Some(objdump) = objdump else { return v };
    let expected: Vec<(String, String, String)> = lines
        .iter()
        .filter_map(|l| {
            let rest = l.strip_prefix("/* BITS ")?.strip_suffix(" */")?;
            let mut p = rest.splitn(3, ' ');
            Some((p.next()?.to_string(), p.next()?.to_string(), p.next()?.to_string()))
        })
        .collect();
    if expected.is_empty() || !o.status.success() {
        if !expected.is_empty() && v.unconfirmed.is_none() {
            v.unconfirmed = Some(format!("{} bit-field images not compiled: {}", expected.len(), stderr.lines().next().unwrap_or_default()));
        }
        return v;
    }
    let dump = Command::new(objdump).arg("-s").arg(out).output().unwrap_or_else(|e| panic!("{objdump}: {e}"));
    let sections = sections(&String::from_utf8_lossy(&dump.stdout));
    for (symbol, hex, what) in expected {
        v.bits_checked += 1;
        // Some assemblers (mips) round a section up to its alignment: the object's bytes first.
        match sections.get(&format!(".data.{symbol}")) {
            Some(got) if got.starts_with(&hex) && got[hex.len()..].bytes().all(|b| b == b'0') => {}
            got => v.wrong_bits.push(format!("{what}: libclang {hex}, gcc {}", got.map_or("(no section)", |g| g.as_str()))),
        }
    }
    v
}

/// `objdump -s` output: section name to its bytes in hex.
fn sections(dump: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in dump.lines() {
        if let Some(name) = line.strip_prefix("Contents of section ").and_then(|n| n.strip_suffix(':')) {
            current = Some(name.to_string());
            out.insert(name.to_string(), String::new());
        } else if let (Some(name), Some(rest)) = (&current, line.strip_prefix(' ')) {
            // ` 0000 00000000 e0000000  ........`: the offset, up to four words, the text.
            let words: Vec<&str> = rest.split_whitespace().skip(1).take(4).take_while(|w| w.len() <= 8 && w.chars().all(|c| c.is_ascii_hexdigit())).collect();
            out.get_mut(name).expect("inserted").push_str(&words.concat());
        }
    }
    out
}

#[test]
fn sid_uapi_is_linted_and_every_number_holds_under_each_targets_compiler() {
    // No measures from an earlier run survive a skip.
    let work = workspace().join("target/lint-sid");
    let _ = std::fs::remove_dir_all(&work);
    let Some(root) = sid_headers_or_skip() else { return };
    if let Some((_, gcc, ..)) = CONFIRM.iter().find(|(_, gcc, objdump, _)| !have(gcc) || !have(objdump)) {
        eprintln!("skipped: {gcc} (or its objdump) is not installed; scripts/test.sh installs every cross compiler");
        return;
    }
    let version = sid_version(&root);
    std::fs::create_dir_all(&work).unwrap();
    let probes = work.join("probes");

    // The lint, as a user runs it: the whole tree, every target.
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_uabi"))
        .args(["lint", "--format", "json", "--probes"])
        .arg(&probes)
        .arg("-I")
        .arg(&root)
        .arg(&root)
        .output()
        .expect("uabi runs");
    let lint_time = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "Linux's UAPI has findings; stderr:\n{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let findings = report["findings"].as_array().expect("findings");
    let count = |kind: &str| findings.iter().filter(|f| f["kind"] == kind).count();
    let records_of = |kind: &str| findings.iter().filter(|f| f["kind"] == kind).map(|f| (f["header"].to_string(), f["record"].to_string())).collect::<BTreeSet<_>>().len();
    let not_compiling: Vec<&str> = stderr.lines().filter(|l| l.contains(": not linted")).collect();

    // Every probe file of every target, compiled by that target's gcc.
    let sample: usize = std::env::var("UABI_LINT_SID_SAMPLE").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let mut jobs: Vec<(usize, PathBuf)> = Vec::new();
    for (t, (name, ..)) in CONFIRM.iter().enumerate() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(probes.join(name)).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        jobs.extend(files.into_iter().enumerate().filter(|(i, _)| i % sample == 0).map(|(_, f)| (t, f)));
    }
    let extra: Vec<&(&str, &str, &str)> = EXTRA.iter().filter(|(_, gcc, _)| have(gcc)).collect();
    let x86_files: Vec<PathBuf> = jobs.iter().filter(|(t, _)| *t == 0).map(|(_, f)| f.clone()).collect();
    let extra_jobs: Vec<(usize, PathBuf)> = (0..extra.len()).flat_map(|e| x86_files.iter().map(move |f| (e, f.clone()))).collect();

    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let verdicts: Mutex<Vec<(usize, PathBuf, Verdict)>> = Mutex::new(Vec::new());
    let extra_verdicts: Mutex<Vec<(usize, PathBuf, Verdict)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for worker in 0..threads {
            let (jobs, extra_jobs, next, verdicts, extra_verdicts, root, extra, work) =
                (&jobs, &extra_jobs, &next, &verdicts, &extra_verdicts, &root, &extra, &work);
            s.spawn(move || {
                let obj = work.join(format!("probe-{worker}.o"));
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if let Some((t, file)) = jobs.get(i) {
                        let (_, gcc, objdump, multiarch) = CONFIRM[*t];
                        let v = compile(gcc, Some(objdump), root, multiarch, file, &obj);
                        verdicts.lock().unwrap().push((*t, file.clone(), v));
                    } else if let Some((e, file)) = extra_jobs.get(i - jobs.len()) {
                        let (_, gcc, multiarch) = *extra[*e];
                        let v = compile(gcc, None, root, multiarch, file, &obj);
                        extra_verdicts.lock().unwrap().push((*e, file.clone(), v));
                    } else {
                        break;
                    }
                }
            });
        }
    });
    let confirm_time = start.elapsed();
    let verdicts = verdicts.into_inner().unwrap();

    // No false number anywhere.
    let mut wrong = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut confirmed: BTreeSet<(usize, String, String)> = BTreeSet::new();
    let (mut bits, mut asserts) = (0, 0);
    for (t, file, v) in &verdicts {
        let header = file.file_name().unwrap().to_string_lossy().trim_end_matches(".c").replace('+', "/");
        for (record, why) in &v.wrong {
            wrong.push(format!("{}: {header}: {record}: {why}", CONFIRM[*t].0));
        }
        for w in &v.wrong_bits {
            wrong.push(format!("{}: {header}: bits of {w}", CONFIRM[*t].0));
        }
        bits += v.bits_checked;
        asserts += std::fs::read_to_string(file).unwrap().matches("_Static_assert").count();
        match &v.unconfirmed {
            Some(why) => unconfirmed.push(format!("{}: {header}: {why}", CONFIRM[*t].0)),
            None => {
                for r in &v.records {
                    if !v.wrong.iter().any(|(w, _)| w == r) {
                        confirmed.insert((*t, header.clone(), r.clone()));
                    }
                }
            }
        }
    }
    // Every layout finding, on x86_64 and on each target it names, is made of confirmed numbers.
    let sampled: BTreeSet<String> = verdicts.iter().filter(|(t, ..)| *t == 0).map(|(_, f, _)| f.file_name().unwrap().to_string_lossy().trim_end_matches(".c").replace('+', "/")).collect();
    let mut layout_confirmed = 0;
    let mut layout_unconfirmed = Vec::new();
    for f in findings.iter().filter(|f| f["kind"] == "layout") {
        let header = f["header"].as_str().unwrap().to_string();
        if !sampled.contains(&header) {
            continue;
        }
        let record = f["record"].as_str().unwrap().to_string();
        let targets = std::iter::once("x86_64").chain(f["targets"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()));
        let missing: Vec<&str> = targets
            .filter(|name| {
                let t = CONFIRM.iter().position(|c| c.0 == *name).unwrap();
                !confirmed.contains(&(t, header.clone(), record.clone()))
            })
            .collect();
        if missing.is_empty() {
            layout_confirmed += 1;
        } else {
            layout_unconfirmed.push(format!("{header}: {record}: not confirmed on {}", missing.join(", ")));
        }
    }

    // Beyond the nine: records whose size or an offset differs from x86_64 on compilers without
    // a lint target, and how many of them the lint already reports.
    let layout_records: BTreeSet<(String, String)> = findings
        .iter()
        .filter(|f| f["kind"] == "layout")
        .map(|f| (f["header"].as_str().unwrap().to_string(), f["record"].as_str().unwrap().to_string()))
        .collect();
    let mut beyond = Vec::new();
    for (e, (name, ..)) in extra.iter().enumerate() {
        let mut differ = BTreeSet::new();
        let mut header_errors = 0;
        for (_, file, v) in extra_verdicts.lock().unwrap().iter().filter(|(x, ..)| *x == e) {
            let header = file.file_name().unwrap().to_string_lossy().trim_end_matches(".c").replace('+', "/");
            if v.unconfirmed.is_some() {
                header_errors += 1;
            }
            for (record, why) in &v.wrong {
                if !why.contains("alignment of") {
                    differ.insert((header.clone(), record.clone()));
                }
            }
        }
        let flagged = differ.iter().filter(|r| layout_records.contains(r)).count();
        beyond.push(format!(
            "| {name} | {} | {flagged} | {} | {header_errors} |",
            differ.len(),
            differ.len() - flagged
        ));
    }

    let measures = format!(
        "uabi lint over Debian sid's {version} (Linux's installed UAPI), every target\n\
         \n\
         | measure | value |\n|---|---|\n\
         | headers linted | {} |\n\
         | headers that compile for no target (not linted) | {} |\n\
         | records (named structs and unions) | {} |\n\
         | findings | {} |\n\
         | layout findings (records) | {} |\n\
         | type findings (in records) | {} ({}) |\n\
         | padding findings (in records) | {} ({}) |\n\
         | lint run time (debug build, wall) | {:.1} s |\n\
         | probe files compiled (targets x headers{}) | {} |\n\
         | `_Static_assert`s checked / bit-field images checked | {asserts} / {bits} |\n\
         | false numbers (assertions or bit images that fail under the target's gcc) | {} |\n\
         | layout findings confirmed on x86_64 and every target they name | {layout_confirmed} of {} |\n\
         | probe files gcc could not finish (fatal error in the header) | {} |\n\
         | confirmation time (wall, {threads} threads) | {:.1} s |\n\
         \n\
         Compilers without a lint target, on x86_64's probes (records whose size or a field offset\n\
         differs from x86_64 there; of them, those the lint reports as layout findings anyway):\n\
         \n\
         | compiler | records differing | with a layout finding | only there | files not finished |\n|---|---|---|---|---|\n{}\n",
        report["headers"],
        not_compiling.iter().filter(|l| l.contains("any target")).count(),
        report["records"],
        findings.len(),
        count("layout"),
        count("type"),
        records_of("type"),
        count("padding"),
        records_of("padding"),
        lint_time.as_secs_f64(),
        if sample > 1 { format!(", every {sample}th header") } else { String::new() },
        verdicts.len(),
        wrong.len(),
        layout_confirmed + layout_unconfirmed.len(),
        unconfirmed.len(),
        confirm_time.as_secs_f64(),
        beyond.join("\n"),
    );
    std::fs::write(work.join("MEASURES.txt"), &measures).unwrap();
    eprintln!("{measures}");
    assert!(wrong.is_empty(), "numbers of libclang that the target's own gcc refutes:\n{}", wrong.join("\n"));
    assert!(layout_unconfirmed.is_empty(), "layout findings not confirmed by the compilers:\n{}", layout_unconfirmed.join("\n"));
    assert!(layout_confirmed > 0, "the tree has layout findings, and they were confirmed");
}
