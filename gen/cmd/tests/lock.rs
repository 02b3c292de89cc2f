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
    // Only a rename is refused: the summary names the way to record it, not a forced break.
    assert!(stderr.ends_with("help: restore the locked ABI; record a deliberate rename with `uabi lock --rename OLD=NEW`, as shown above\n"), "{stderr}");
    let out = uabi(&[Path::new("lock"), Path::new("--lock"), &lock, Path::new("--rename"), Path::new("DEMO_RESET=DEMO_DEVICE_RESET"), &rs]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("blessed: source-only, recorded rename: demo: ioctl DEMO_RESET"), "{}", text(&out.stdout));
    assert!(std::fs::read_to_string(&lock).unwrap().contains("\"renamed_from\": \"DEMO_RESET\""));
    assert_eq!(check(&lock, &rs).status.code(), Some(0));
}

fn lock_cmd(lock: &Path, rs: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&Path> = vec![Path::new("lock"), Path::new("--lock"), lock, rs];
    args.extend(extra.iter().map(Path::new));
    uabi(&args)
}

#[test]
fn lock_refuses_an_incompatible_change_unless_allowed() {
    let (_d, rs, lock) = locked();
    let before = std::fs::read(&lock).unwrap();
    std::fs::write(&rs, BASE.replace("pub const DEMO_RESET: Ioctl = io!(DEMO_TYPE, 1);", "pub const DEMO_RESET: Ioctl = io!(DEMO_TYPE, 3);")).unwrap();
    let numbers = [
        "number (asm-generic) 0x00004401 -> 0x00004403",
        "number (parisc) 0x00004401 -> 0x00004403",
        "number (powerpc/mips/alpha) 0x20004401 -> 0x20004403",
        "number (sparc) 0x20004401 -> 0x20004403",
    ];

    // Refused: every change printed, the lock as it was, exit 1.
    let out = lock_cmd(&lock, &rs, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    let mut expected: String = numbers.iter().map(|n| format!("error: incompatible: demo: ioctl DEMO_RESET: {n}\n")).collect();
    expected.push_str(&format!(
        "error: {}: not written: the lock refuses 4 changes\nhelp: restore the locked ABI; if breaking the locked ABI is deliberate, record it with `uabi lock --allow-incompatible`\n",
        lock.display()
    ));
    assert_eq!(text(&out.stderr), expected);
    assert_eq!(std::fs::read(&lock).unwrap(), before, "a refused lock was written");
    // `uabi check` gives the same help.
    let out = check(&lock, &rs);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).ends_with("help: restore the locked ABI; if breaking the locked ABI is deliberate, record it with `uabi lock --allow-incompatible`\n"), "{}", text(&out.stderr));

    // Allowed: recorded, listed without a hint on how to get past the lock, and a warning.
    let out = lock_cmd(&lock, &rs, &["--allow-incompatible"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut expected: String = numbers.iter().map(|n| format!("blessed: incompatible: demo: ioctl DEMO_RESET: {n}\n")).collect();
    expected.push_str(&format!("{}: written\n", lock.display()));
    assert_eq!(text(&out.stdout), expected);
    assert_eq!(
        text(&out.stderr),
        format!(
            "warning: {}: recorded 4 changes the lock refused (--allow-incompatible): binaries or sources built against the previous lock may break\n",
            lock.display()
        )
    );
    assert_eq!(check(&lock, &rs).status.code(), Some(0), "the new lock holds the new number");
}

#[test]
fn lock_refuses_an_unrecorded_rename_and_says_how_to_record_it() {
    let (_d, rs, lock) = locked();
    let before = std::fs::read(&lock).unwrap();
    std::fs::write(&rs, BASE.replace("pub const DEMO_MAX:", "pub const DEMO_LIMIT:")).unwrap();
    let out = lock_cmd(&lock, &rs, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: source-only: demo: constant DEMO_MAX: constant renamed DEMO_MAX -> DEMO_LIMIT (same value 0x10)\n  \
             help: if the rename is deliberate, record it: `uabi lock --rename DEMO_MAX=DEMO_LIMIT`\n\
             error: {}: not written: the lock refuses 1 change\n\
             help: restore the locked ABI; record a deliberate rename with `uabi lock --rename OLD=NEW`, as shown above\n",
            lock.display()
        )
    );
    assert_eq!(std::fs::read(&lock).unwrap(), before);
    // Forced through, the rename is recorded without a note; the listing has no stale hint.
    let out = lock_cmd(&lock, &rs, &["--allow-incompatible"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("blessed: source-only: demo: constant DEMO_MAX: constant renamed DEMO_MAX -> DEMO_LIMIT (same value 0x10)\n{}: written\n", lock.display())
    );
    assert!(!std::fs::read_to_string(&lock).unwrap().contains("renamed_from"));
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
