//! rust-vmm's kvm-ioctls 0.25.1, from crates.io and unchanged, on `compat/kvm-bindings` (the
//! kvm-bindings interface made of uabi-linux's KVM module) against the same on rust-vmm's own
//! kvm-bindings 0.14.2: it must build, and its unit and doc tests must pass, fail or be ignored
//! exactly alike, test by test, on this machine's `/dev/kvm`. (Some of its tests fail on any
//! kernel or CPU that lacks what they ask for: the comparison is what matters, and the counts
//! are printed.)
//!
//! Cargo downloads kvm-ioctls (and rust-vmm's kvm-bindings) into its registry; each is built
//! from a copy of that source under target/kvm-ioctls/ (outside this workspace), the second
//! with `--config patch.crates-io.kvm-bindings.path=..` sending kvm-bindings to this
//! repository's package; nothing of kvm-ioctls is changed (the test checks the copies against
//! the registry's files). Both builds share target/kvm-ioctls/build, so only the first run
//! compiles everything.
//!
//! Also: kvm-ioctls' tests compile for aarch64 and riscv64 on the compatibility package (no
//! run: no such machine here). Skips, saying why, without `/dev/kvm` or when crates.io cannot
//! be reached and nothing was downloaded before.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KVM_IOCTLS: &str = "0.25.1";
const KVM_BINDINGS: &str = "0.14.2";

fn work() -> PathBuf {
    common::root().join("target/kvm-ioctls")
}

/// `cargo` run in `dir` as a user runs it (not with this test's environment, which names the
/// workspace's own target directory and features).
fn cargo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .current_dir(dir)
        .output()
        .expect("cargo runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The registry source of kvm-ioctls, fetched through a throwaway package that depends on it.
fn kvm_ioctls_source() -> Result<PathBuf, String> {
    let fetch = work().join("fetch");
    std::fs::create_dir_all(fetch.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        fetch.join("Cargo.toml"),
        format!("[package]\nname = \"fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\nkvm-ioctls = \"={KVM_IOCTLS}\"\nkvm-bindings = {{ version = \"={KVM_BINDINGS}\", features = [\"fam-wrappers\"] }}\n"),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(fetch.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    let mut out = cargo(&fetch, &["metadata", "--format-version", "1"]);
    if !out.status.success() {
        // crates.io unreachable: what an earlier run downloaded.
        out = cargo(&fetch, &["metadata", "--format-version", "1", "--offline"]);
    }
    if !out.status.success() {
        return Err(format!("cargo cannot fetch kvm-ioctls {KVM_IOCTLS}: {}", text(&out.stderr).trim()));
    }
    let meta = text(&out.stdout);
    let key = format!("kvm-ioctls-{KVM_IOCTLS}/Cargo.toml");
    let at = meta.find(&key).ok_or("cargo metadata names no kvm-ioctls source")?;
    let start = meta[..at].rfind('"').ok_or("malformed cargo metadata")? + 1;
    let manifest = PathBuf::from(&meta[start..at + key.len()]);
    Ok(manifest.parent().expect("a manifest is in a directory").to_path_buf())
}

/// Every file below `dir` (not `target/`, not `Cargo.lock`, which Cargo rewrites for the
/// patch) with its contents.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).unwrap().to_path_buf();
            if rel == Path::new("target") || rel == Path::new("Cargo.lock") || rel == Path::new(".cargo-ok") || rel == Path::new(".cargo_vcs_info.json") {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A copy of `src` at `to`, made once and kept (so Cargo's fingerprints keep it built), and
/// checked to be `src` unchanged.
fn copy_of(src: &Path, to: &Path) {
    // The tests of this file run in parallel and copy to the same place.
    static COPYING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = COPYING.lock().unwrap_or_else(|e| e.into_inner());
    let theirs = files(src);
    if to.exists() && files(to) == theirs {
        return;
    }
    let _ = std::fs::remove_dir_all(to);
    for (rel, bytes) in &theirs {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
    }
    if let Ok(lock) = std::fs::read(src.join("Cargo.lock")) {
        std::fs::write(to.join("Cargo.lock"), lock).unwrap();
    }
    assert_eq!(files(to), theirs, "the copy of kvm-ioctls differs from crates.io's");
}

fn patch() -> String {
    format!("patch.crates-io.kvm-bindings.path=\"{}\"", common::root().join("compat/kvm-bindings").display())
}

/// Each test's outcome (`ok`, `FAILED`, `ignored`) by its name, from `cargo test`'s output:
/// unit tests by path, doc tests by file, item and line (`src/ioctls/vm.rs - ..`).
fn outcomes(output: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in output.lines() {
        let Some(rest) = line.strip_prefix("test ") else { continue };
        let Some((name, result)) = rest.rsplit_once(" ... ") else { continue };
        let result = result.split_whitespace().next().unwrap_or_default().trim_end_matches(',');
        if matches!(result, "ok" | "FAILED" | "ignored") {
            out.insert(name.to_string(), result.to_string());
        }
    }
    out
}

fn counts(o: &BTreeMap<String, String>, doc: bool) -> String {
    let of = |r: &str| o.iter().filter(|(n, v)| is_doc(n) == doc && v.as_str() == r).count();
    format!("{} passed, {} failed, {} ignored", of("ok"), of("FAILED"), of("ignored"))
}

fn is_doc(name: &str) -> bool {
    name.starts_with("src/") && name.contains(" - ")
}

/// Runs kvm-ioctls' tests in `dir` (unit, then doc, all of them whatever fails).
fn test_run(dir: &Path, extra: &[String]) -> (BTreeMap<String, String>, String) {
    let build = work().join("build");
    let mut args = vec!["test".to_string(), "--no-fail-fast".into(), "--target-dir".into(), build.display().to_string()];
    args.extend(extra.iter().cloned());
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cargo(dir, &argv);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    (outcomes(&all), all)
}

#[test]
fn kvm_ioctls_tests_agree_on_rust_vmms_kvm_bindings_and_on_uabis() {
    if let Err(e) = std::fs::OpenOptions::new().read(true).write(true).open("/dev/kvm") {
        eprintln!("SKIP: /dev/kvm cannot be opened read-write ({e}): kvm-ioctls' tests need it");
        return;
    }
    let src = match kvm_ioctls_source() {
        Ok(s) => s,
        Err(why) => {
            eprintln!("SKIP: {why}");
            return;
        }
    };
    let (theirs_dir, ours_dir) = (work().join("rust-vmm"), work().join("uabi"));
    copy_of(&src, &theirs_dir);
    copy_of(&src, &ours_dir);
    let (theirs, theirs_log) = test_run(&theirs_dir, &[]);
    let (ours, ours_log) = test_run(&ours_dir, &["--config".into(), patch()]);
    assert!(!theirs.is_empty(), "kvm-ioctls' tests did not run on rust-vmm's kvm-bindings:\n{theirs_log}");
    assert!(!ours.is_empty(), "kvm-ioctls does not build or run on compat/kvm-bindings:\n{ours_log}");
    // The patch took: Cargo locked kvm-bindings to the path (no registry source), and
    // crates.io's in the other build.
    let source_of = |dir: &Path| {
        let lock = std::fs::read_to_string(dir.join("Cargo.lock")).unwrap_or_default();
        let block = lock.split("[[package]]").find(|b| b.contains("name = \"kvm-bindings\"")).unwrap_or_default().to_string();
        block.contains("source = ")
    };
    assert!(!source_of(&ours_dir), "kvm-bindings did not come from compat/kvm-bindings:\n{ours_log}");
    assert!(source_of(&theirs_dir), "kvm-bindings did not come from crates.io in rust-vmm's build");
    let mut differ = Vec::new();
    for name in theirs.keys().chain(ours.keys()).collect::<std::collections::BTreeSet<_>>() {
        let (a, b) = (theirs.get(name), ours.get(name));
        if a != b {
            differ.push(format!("{name}: rust-vmm's {}, uabi's {}", a.map_or("absent", String::as_str), b.map_or("absent", String::as_str)));
        }
    }
    eprintln!(
        "kvm-ioctls {KVM_IOCTLS} on rust-vmm's kvm-bindings {KVM_BINDINGS}: unit {}; doc {}",
        counts(&theirs, false),
        counts(&theirs, true)
    );
    eprintln!("kvm-ioctls {KVM_IOCTLS} on compat/kvm-bindings (uabi): unit {}; doc {}", counts(&ours, false), counts(&ours, true));
    assert!(differ.is_empty(), "{} tests differ:\n{}\n--- uabi's run:\n{ours_log}", differ.len(), differ.join("\n"));
    eprintln!("{} tests agree, test by test", theirs.len());
}

/// kvm-ioctls' library and tests compile for the other architectures kvm-bindings serves, on
/// the compatibility package (arm64's and riscv64's names: `RegList`, `kvm_vcpu_init`,
/// `KVM_REG_ARM_CORE`, the PSCI constants ..).
#[test]
fn kvm_ioctls_builds_for_aarch64_and_riscv64_on_uabis_kvm_bindings() {
    let src = match kvm_ioctls_source() {
        Ok(s) => s,
        Err(why) => {
            eprintln!("SKIP: {why}");
            return;
        }
    };
    let dir = work().join("uabi");
    copy_of(&src, &dir);
    let installed = text(&Command::new("rustup").args(["target", "list", "--installed"]).output().map(|o| o.stdout).unwrap_or_default());
    let build = work().join("build");
    for target in ["aarch64-unknown-linux-gnu", "riscv64gc-unknown-linux-gnu"] {
        if !installed.lines().any(|l| l == target) {
            eprintln!("skipping {target}: its Rust target is not installed (rustup target add {target})");
            continue;
        }
        let patch = patch();
        let out = cargo(&dir, &["check", "--tests", "--target", target, "--target-dir", &build.display().to_string(), "--config", &patch]);
        assert!(out.status.success(), "kvm-ioctls does not compile for {target} on compat/kvm-bindings:\n{}", text(&out.stderr));
        eprintln!("{target}: kvm-ioctls and its tests compile on compat/kvm-bindings");
    }
}

/// The comparison reads `cargo test`'s lines as they are, and a changed outcome is a
/// difference.
#[test]
fn outcomes_are_read_test_by_test() {
    let run = "running 3 tests\ntest ioctls::vm::tests::test_a ... ok\ntest ioctls::vm::tests::test_b ... FAILED\ntest ioctls::vm::tests::test_c ... ignored, needs x\n\
               test src/ioctls/vm.rs - ioctls::vm::VmFd::get_dirty_log (line 942) ... FAILED\ntest src/lib.rs - (line 57) ... ok\ntest result: FAILED. 1 passed; 1 failed\n";
    let o = outcomes(run);
    assert_eq!(o.len(), 5);
    assert_eq!(o["ioctls::vm::tests::test_c"], "ignored");
    assert_eq!(counts(&o, false), "1 passed, 1 failed, 1 ignored");
    assert_eq!(counts(&o, true), "1 passed, 1 failed, 0 ignored");
    let other = outcomes(&run.replace("test_a ... ok", "test_a ... FAILED"));
    assert_ne!(o, other, "a test that fails on one side only must show");
}
