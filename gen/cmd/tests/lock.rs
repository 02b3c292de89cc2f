//! `uabi lock` and `uabi check` as a CI runs them: exit codes 0, 1 and 2, what goes to stdout
//! and stderr, and that nothing is written on error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// The locked ABI of the build API's lock tests.
const BASE: &str = include_str!("../../build/tests/fixtures/demo.rs");

struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        static N: AtomicU32 = AtomicU32::new(0);
        let p = std::env::temp_dir().join(format!("uabi-cli-lock-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }
    fn join(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn uabi(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uabi")).args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A directory with `abi.rs` (the base) locked into `abi.lock.json`.
fn locked() -> (Dir, PathBuf, PathBuf) {
    let d = Dir::new();
    let (rs, lock) = (d.join("abi.rs"), d.join("abi.lock.json"));
    std::fs::write(&rs, BASE).unwrap();
    let out = uabi(&[Path::new("lock"), Path::new("--lock"), &lock, &rs]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}: written\n", lock.display()));
    (d, rs, lock)
}

fn check(lock: &Path, rs: &Path) -> Output {
    uabi(&[Path::new("check"), Path::new("--lock"), lock, rs])
}

#[test]
fn unchanged_definitions_pass() {
    let (_d, rs, lock) = locked();
    let out = check(&lock, &rs);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}: the definitions match the ABI lock\n", lock.display()));
}

#[test]
fn additions_pass_listed_and_unwritten() {
    let (_d, rs, lock) = locked();
    let before = std::fs::read(&lock).unwrap();
    std::fs::write(&rs, BASE.replace("Running = 1,", "Running = 1,\n        Error = 2,")).unwrap();
    let out = check(&lock, &rs);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("compatible: demo: enum demo_state: value DEMO_STATE_ERROR: new enum value = 2\n"), "{stdout}");
    assert!(stdout.contains("1 accepted change"), "{stdout}");
    assert_eq!(std::fs::read(&lock).unwrap(), before, "check wrote the lock");
    // `uabi lock` blesses it and says what it blessed.
    let out = uabi(&[Path::new("lock"), Path::new("--lock"), &lock, &rs]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("blessed: compatible: demo: enum demo_state: value DEMO_STATE_ERROR"), "{}", text(&out.stdout));
    assert_ne!(std::fs::read(&lock).unwrap(), before);
    assert_eq!(check(&lock, &rs).status.code(), Some(0));
}

#[test]
fn incompatible_changes_exit_1_one_message_each() {
    let (_d, rs, lock) = locked();
    let before = std::fs::read(&lock).unwrap();
    std::fs::write(&rs, BASE.replace("pub segment: u16,", "pub segment: i16,").replace("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX: u32 = 32;")).unwrap();
    let out = check(&lock, &rs);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error: incompatible: demo: struct demo_dep, field `segment`: retyped: __u16 -> __s16\n"), "{stderr}");
    assert!(stderr.contains("error: incompatible: demo: constant DEMO_MAX: value 0x10 -> 0x20\n"), "{stderr}");
    assert!(stderr.contains("abi.lock.json: the ABI lock refuses 2 changes"), "{stderr}");
    assert_eq!(std::fs::read(&lock).unwrap(), before);
}

#[test]
fn rename_refused_until_recorded() {
    let (_d, rs, lock) = locked();
    std::fs::write(&rs, BASE.replace("pub const DEMO_RESET:", "pub const DEMO_DEVICE_RESET:")).unwrap();
    let out = check(&lock, &rs);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error: source-only: demo: ioctl DEMO_RESET: renamed DEMO_RESET -> DEMO_DEVICE_RESET"), "{stderr}");
    assert!(stderr.contains("uabi lock --rename DEMO_RESET=DEMO_DEVICE_RESET"), "{stderr}");
    let out = uabi(&[Path::new("lock"), Path::new("--lock"), &lock, Path::new("--rename"), Path::new("DEMO_RESET=DEMO_DEVICE_RESET"), &rs]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("blessed: source-only, recorded rename: demo: ioctl DEMO_RESET"), "{}", text(&out.stdout));
    assert!(std::fs::read_to_string(&lock).unwrap().contains("\"renamed_from\": \"DEMO_RESET\""));
    assert_eq!(check(&lock, &rs).status.code(), Some(0));
}

#[test]
fn bad_locks_exit_2_and_nothing_is_written() {
    let (d, rs, lock) = locked();
    // Missing.
    let missing = d.join("none.json");
    let out = check(&missing, &rs);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("none.json: no ABI lock here"), "{}", text(&out.stderr));
    assert!(!missing.exists());
    // Malformed, for check and for lock.
    std::fs::write(&lock, "[1, 2").unwrap();
    for cmd in ["check", "lock"] {
        let out = uabi(&[Path::new(cmd), Path::new("--lock"), &lock, &rs]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(text(&out.stderr).contains("abi.lock.json: not a readable ABI lock"), "{cmd}: {}", text(&out.stderr));
        assert_eq!(std::fs::read_to_string(&lock).unwrap(), "[1, 2", "{cmd} wrote");
    }
    // Newer format.
    std::fs::write(&lock, "{\"format\": 7}").unwrap();
    for cmd in ["check", "lock"] {
        let out = uabi(&[Path::new(cmd), Path::new("--lock"), &lock, &rs]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(text(&out.stderr).contains("lock format 7 is newer than this uabi reads (format 2)"), "{cmd}: {}", text(&out.stderr));
        assert_eq!(std::fs::read_to_string(&lock).unwrap(), "{\"format\": 7}", "{cmd} wrote");
    }
    // A lock for other modules.
    let (_d2, _, lock2) = locked();
    let other = d.join("other.rs");
    std::fs::write(&other, BASE.replace("pub mod demo", "pub mod other").replace("linux/demo.h", "linux/other.h")).unwrap();
    let before = std::fs::read(&lock2).unwrap();
    for cmd in ["check", "lock"] {
        let out = uabi(&[Path::new(cmd), Path::new("--lock"), &lock2, &other]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(text(&out.stderr).contains("the lock covers the modules [demo] but the definitions given define [other]"), "{cmd}: {}", text(&out.stderr));
        assert_eq!(std::fs::read(&lock2).unwrap(), before, "{cmd} wrote");
    }
    // A rename that is not OLD=NEW is a usage error.
    let out = uabi(&[Path::new("lock"), Path::new("--lock"), &lock2, Path::new("--rename"), Path::new("DEMO_MAX"), &rs]);
    assert_eq!(out.status.code(), Some(2));
}
