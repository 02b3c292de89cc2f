//! `uabi import` over the whole installed UAPI of Linux's newest release (Debian sid's
//! linux-libc-dev, fetched into target/ at test time by scripts/sid-headers.sh, never
//! committed), each header with `--verify`: the module's C header, written by the model, read
//! back by libclang on x86_64 and aarch64 (and on another 64-bit target for a record neither
//! has) against the original. Every imported record must be identical there (every member of
//! the original by name, at its offset, with its size; the record's size) and every imported
//! constant, flag, ioctl and enumerator must have the original's value, and every C macro
//! (`c_macro`, and an enumerator `c_defines` defines again) must be defined with its parameters
//! and tokens; at least 95 % of the tree's records must be imported. A sample of the modules is then compiled by rustc in a
//! crate of its own: the Rust side of the same pipeline.
//!
//! `UABI_IMPORT_SID_SAMPLE=N` imports every Nth header only (all by default);
//! `UABI_IMPORT_SID_RUSTC=N` compiles every Nth imported module with rustc (default 12; 0 for
//! none). The measures go to target/import-sid/MEASURES.txt, which the test command prints.
//! Skips, saying why, when sid cannot be reached and nothing was fetched before.
#![cfg(feature = "import")]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use common::{sid_headers_or_skip, sid_version, target_dir, workspace};

/// Every header of the tree, as users include it, except each architecture's own directory
/// (`<triple>/asm/`, which import reads through the targets).
fn headers(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                if !(e.file_name().to_string_lossy().contains("-linux-") && p.join("asm").is_dir()) {
                    walk(root, &p, out);
                }
            } else if p.extension().is_some_and(|x| x == "h") {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

struct Imported {
    header: String,
    status: i32,
    report: Option<serde_json::Value>,
    stderr: String,
    module: PathBuf,
}

#[test]
fn sid_uapi_imports_and_every_imported_record_round_trips_on_64_bit() {
    let work = target_dir().join("import-sid");
    let _ = std::fs::remove_dir_all(&work);
    let Some(root) = sid_headers_or_skip() else { return };
    let version = sid_version(&root);
    let modules = work.join("modules");
    std::fs::create_dir_all(&modules).unwrap();
    let sample: usize = std::env::var("UABI_IMPORT_SID_SAMPLE").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let all = headers(&root);
    let chosen: Vec<String> = all.iter().enumerate().filter(|(i, _)| i % sample == 0).map(|(_, h)| h.clone()).collect();

    // Each header as a user imports it, two at a time (each import reads its targets one by
    // one, so two keep the two cores of the test machine busy).
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Imported>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(h) = chosen.get(i) else { break };
                let module = modules.join(format!("m{i:04}.rs"));
                let o = Command::new(env!("CARGO_BIN_EXE_uabi"))
                    .args(["import", "-j", "1", "--verify", "--format", "json", "-I"])
                    .arg(&root)
                    .arg(h)
                    .arg("-o")
                    .arg(&module)
                    .output()
                    .expect("uabi runs");
                let report = serde_json::from_slice(&o.stdout).ok();
                let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
                results.lock().unwrap().push(Imported { header: h.clone(), status: o.status.code().unwrap_or(-1), report, stderr, module });
            });
        }
    });
    let import_time = start.elapsed();
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.header.cmp(&b.header));

    let mut failures = Vec::new();
    let mut not_imported: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let (mut records, mut imported, mut identical, mut unverified) = (0u64, 0u64, 0u64, Vec::new());
    let (mut values, mut values_identical) = (0u64, 0u64);
    let (mut constants, mut flags, mut ioctls, mut enums, mut c_macros, mut per_arch) = (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    let (mut macros_checked, mut macros_identical) = (0u64, 0u64);
    let mut record_refusals: BTreeMap<String, u64> = BTreeMap::new();
    let mut macro_refusals: BTreeMap<String, u64> = BTreeMap::new();
    let mut differences = Vec::new();
    let mut headers_with_refusals = 0;
    for r in &results {
        match (r.status, &r.report) {
            (0 | 1, Some(rep)) => {
                headers_with_refusals += usize::from(r.status == 1);
                records += rep["records"].as_u64().unwrap();
                imported += rep["records_imported"].as_u64().unwrap();
                for (k, n) in [(&mut constants, "constants"), (&mut flags, "flags"), (&mut ioctls, "ioctls"), (&mut enums, "enums"), (&mut c_macros, "c_macros"), (&mut per_arch, "per_arch_items")] {
                    *k += rep[n].as_u64().unwrap();
                }
                for f in rep["refused"].as_array().unwrap() {
                    let map = if f["what"] == "record" { &mut record_refusals } else { &mut macro_refusals };
                    *map.entry(f["kind"].as_str().unwrap().to_string()).or_default() += 1;
                }
                // A record is identical when every target that compared it found it so.
                let mut compared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
                let mut same: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
                for v in rep["verify"].as_array().unwrap() {
                    let t = v["target"].as_str().unwrap().to_string();
                    for k in v["compared"].as_array().unwrap() {
                        compared.entry(k.as_str().unwrap().to_string()).or_default().insert(t.clone());
                    }
                    for k in v["identical"].as_array().unwrap() {
                        same.entry(k.as_str().unwrap().to_string()).or_default().insert(t.clone());
                    }
                    values += v["values"].as_u64().unwrap();
                    values_identical += v["values_identical"].as_u64().unwrap();
                    macros_checked += v["c_macros"].as_u64().unwrap();
                    macros_identical += v["c_macros_identical"].as_u64().unwrap();
                    differences.extend(v["differences"].as_array().unwrap().iter().map(|d| format!("{}: {}", r.header, d.as_str().unwrap())));
                }
                identical += compared.iter().filter(|(k, ts)| same.get(*k) == Some(ts)).count() as u64;
                let n = rep["records_imported"].as_u64().unwrap() as usize;
                if compared.len() < n {
                    unverified.push(format!("{} ({})", r.header, n - compared.len()));
                }
            }
            (2, _) => {
                let why = if r.stderr.contains("does not compile for any target") {
                    "does not compile for any target"
                } else if r.stderr.contains("includes it, and every header uabi writes") {
                    "part of <linux/types.h> or <linux/ioctl.h>"
                } else {
                    failures.push(format!("{}: exit 2: {}", r.header, r.stderr.trim()));
                    continue;
                };
                not_imported.entry(why).or_default().push(r.header.clone());
            }
            _ => failures.push(format!("{}: exit {}: {}", r.header, r.status, r.stderr.trim())),
        }
    }

    // rustc: a sample of the modules in one crate, checked (the attribute's expansion, its
    // `const` assertions of every size and offset, and the values as rustc computes them).
    let every: usize = std::env::var("UABI_IMPORT_SID_RUSTC").ok().and_then(|s| s.parse().ok()).unwrap_or(12);
    let mut rustc_line = "not run (UABI_IMPORT_SID_RUSTC=0)".to_string();
    if every > 0 {
        let ok: Vec<&Imported> = results.iter().filter(|r| r.status != 2 && r.module.exists()).collect();
        let picked: Vec<&Imported> = ok.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(_, r)| *r).collect();
        let start = Instant::now();
        let (status, stderr) = rustc_check(&work, &picked);
        rustc_line = format!("{} modules (every {every}th imported header), {:.0} s", picked.len(), start.elapsed().as_secs_f64());
        if !status {
            failures.push(format!("rustc refuses imported modules:\n{stderr}"));
        }
    }

    let header_count = results.len();
    let share = |a: u64, b: u64| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    let kinds = |m: &BTreeMap<String, u64>| {
        let mut v: Vec<(&String, &u64)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
    };
    let measures = format!(
        "uabi import over Debian sid's {version} (Linux's installed UAPI){}\n\
         \n\
         | measure | value |\n|---|---|\n\
         | headers | {header_count} |\n\
         | imported (everything: {}; with refusals: {headers_with_refusals}) | {} |\n\
         | not imported: {} |\n\
         | records (named structs and unions of the imported headers, every family) | {records} |\n\
         | records imported | {imported} ({:.1} %) |\n\
         | records refused, by reason | {} |\n\
         | imported records identical after the round trip (x86_64 and aarch64; another 64-bit target for a record of neither) | {identical} of the {} that have a 64-bit target ({:.1} %) |\n\
         | imported records with no 64-bit target (32-bit only) | {} |\n\
         | constants, flags, ioctls, enums, C macros (`c_macro`) imported | {constants}, {flags}, {ioctls}, {enums}, {c_macros} |\n\
         | items per architecture (`arch(..)`) | {per_arch} |\n\
         | values compared after the round trip (macros, flags, ioctls, enumerators, per target) / identical | {values} / {values_identical} |\n\
         | C macros checked after the round trip (defined, parameters, tokens; `c_defines` enumerators; per target) / identical | {macros_checked} / {macros_identical} |\n\
         | macros and enumerators refused, by reason | {} |\n\
         | import time (debug build, with --verify, 2 at a time, wall) | {:.1} s |\n\
         | imported modules compiled by rustc (cargo check) | {rustc_line} |\n",
        if sample > 1 { format!(", every {sample}th header") } else { String::new() },
        header_count - headers_with_refusals - not_imported.values().map(Vec::len).sum::<usize>(),
        header_count - not_imported.values().map(Vec::len).sum::<usize>(),
        not_imported.iter().map(|(why, hs)| format!("{why} | {} ({})", hs.len(), hs.join(", "))).collect::<Vec<_>>().join(" |\n| not imported: "),
        share(imported, records),
        kinds(&record_refusals),
        imported - unverified.len() as u64,
        share(identical, imported - unverified.len() as u64),
        if unverified.is_empty() { "0".to_string() } else { format!("{} ({})", unverified.len(), unverified.join(", ")) },
        kinds(&macro_refusals),
        import_time.as_secs_f64(),
    );
    std::fs::write(work.join("MEASURES.txt"), &measures).unwrap();
    eprintln!("{measures}");
    assert!(failures.is_empty(), "imports that failed otherwise than by refusing:\n{}", failures.join("\n"));
    assert!(differences.is_empty(), "round-trip differences:\n{}", differences.join("\n"));
    assert_eq!(values, values_identical, "every value compared is identical");
    assert_eq!(macros_checked, macros_identical, "every C macro is defined again as it was");
    assert_eq!(identical + unverified.len() as u64, imported, "every imported record is identical on 64-bit");
    assert!(share(imported, records) >= 95.0, "at least 95 % of the records are imported: {imported} of {records}");
}

/// `cargo check` of a crate holding the modules, offline with this workspace's lock.
fn rustc_check(work: &Path, modules: &[&Imported]) -> (bool, String) {
    let ws = workspace();
    let krate = work.join("crate");
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"imported-sid\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nuabi = {{ path = \"{}\" }}\n\n[workspace]\n",
            ws.join("abi").display()
        ),
    )
    .unwrap();
    std::fs::copy(ws.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    let mut lib = String::from("//! Modules `uabi import` wrote from sid's headers, as a user's crate compiles them.\n");
    for (i, m) in modules.iter().enumerate() {
        lib.push_str(&format!("/// <{}>\n#[allow(dead_code)]\n#[path = \"{}\"]\npub mod m{i};\n", m.header, m.module.display()));
    }
    std::fs::write(krate.join("src/lib.rs"), lib).unwrap();
    // The target directory of the other crate built outside the workspace: its dependencies
    // are this one's.
    let o = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", target_dir().join("driver-abi-example"))
        .current_dir(&krate)
        .output()
        .expect("cargo runs");
    (o.status.success(), String::from_utf8_lossy(&o.stderr).into_owned())
}
