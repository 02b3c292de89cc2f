//! The second ABI check, as Linux's `scripts/check-uapi.sh` does it: the generated headers of
//! the locked and the changed definitions, each compiled (`gcc -g`, keeping unused types) into
//! an object file, compared by libabigail's `abidiff`. It reads what the C compiler made of the
//! header, so it checks the C writer too; it cannot see `#define`s (constants, flags, ioctl
//! numbers) nor uabi's versions and size policies, which the lock check compares.
//!
//! Skipped, with the reason printed, where `gcc` or `abidiff` (Debian: abigail-tools) is absent.

mod common;

use std::process::Command;

use common::TempDir;

const BASE: &str = include_str!("fixtures/demo.rs");

/// abidiff's exit status bits (libabigail's `abidiff_status`).
const ABI_CHANGE: i32 = 4;
const ABI_INCOMPATIBLE_CHANGE: i32 = 8;

fn tools_missing() -> Option<String> {
    for (tool, arg) in [("gcc", "--version"), ("abidiff", "--version")] {
        if Command::new(tool).arg(arg).output().map_or(true, |o| !o.status.success()) {
            return Some(format!("skipped: `{tool}` is not installed (Debian: apt-get install gcc abigail-tools)"));
        }
    }
    None
}

/// Writes the headers of `source` under `dir/<tag>/` and compiles one object file from them.
fn object(dir: &TempDir, tag: &str, source: &str) -> std::path::PathBuf {
    let rs = dir.join(format!("{tag}.rs"));
    std::fs::write(&rs, source).unwrap();
    let inc = dir.join(tag);
    let generated = uabi_build::Builder::new().file(&rs).out_dir(&inc).try_build().unwrap_or_else(|e| panic!("{e}"));
    let headers: Vec<_> = generated.files.iter().filter(|f| f.extension().is_some_and(|x| x == "h")).collect();
    let tu = dir.join(format!("{tag}.c"));
    let mut text: String = headers.iter().map(|h| format!("#include \"{}\"\n", h.display())).collect();
    // abidiff needs an ELF symbol table; the types themselves are kept by
    // -fno-eliminate-unused-debug-types, as check-uapi.sh does.
    text.push_str("int uabi_abidiff_anchor;\n");
    std::fs::write(&tu, text).unwrap();
    let obj = dir.join(format!("{tag}.o"));
    let out = Command::new("gcc").args(["-g", "-fno-eliminate-unused-debug-types", "-c"]).arg(&tu).arg("-o").arg(&obj).output().unwrap();
    assert!(out.status.success(), "gcc failed on {}:\n{}", tu.display(), String::from_utf8_lossy(&out.stderr));
    obj
}

/// abidiff's exit status and report for `old` -> `new`.
fn abidiff(old: &str, new: &str) -> (i32, String) {
    let dir = TempDir::new("abidiff");
    let (a, b) = (object(&dir, "old", old), object(&dir, "new", new));
    let out = Command::new("abidiff").arg("--non-reachable-types").args([&a, &b]).output().unwrap();
    (out.status.code().expect("abidiff exited by a signal"), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The lock check's verdict on the same pair.
fn lock_accepts(old: &str, new: &str) -> bool {
    let dir = TempDir::new("abidiff-lock");
    let (a, b, lock) = (dir.join("old.rs"), dir.join("new.rs"), dir.join("lock.json"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    uabi_build::Builder::new().file(&a).write_lock(&lock).unwrap();
    uabi_build::Builder::new().file(&b).check_lock(&lock).unwrap().is_compatible()
}

fn skip() -> bool {
    match tools_missing() {
        Some(reason) => {
            println!("{reason}");
            true
        }
        None => false,
    }
}

#[test]
fn both_checks_refuse_a_retyped_field() {
    if skip() {
        return;
    }
    let new = BASE.replace("pub segment: u16,", "pub segment: i16,");
    let (code, report) = abidiff(BASE, &new);
    assert_ne!(code & ABI_CHANGE, 0, "abidiff saw no change (exit {code}):\n{report}");
    assert!(report.contains("'struct demo_dep' changed") && report.contains("segment"), "{report}");
    assert!(!lock_accepts(BASE, &new));
}

#[test]
fn both_checks_refuse_a_moved_field() {
    if skip() {
        return;
    }
    let new = BASE.replace("        pub bus: u8,\n        pub devfn: u8,\n", "        pub devfn: u8,\n        pub bus: u8,\n");
    let (code, report) = abidiff(BASE, &new);
    assert_ne!(code & ABI_CHANGE, 0, "abidiff saw no change (exit {code}):\n{report}");
    assert!(!lock_accepts(BASE, &new));
}

#[test]
fn both_checks_pass_additions_abidiff_can_see() {
    if skip() {
        return;
    }
    // A new enum value, a new constant and a new flag.
    let new = BASE
        .replace("Running = 1,", "Running = 1,\n        Error = 2,")
        .replace("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX: u32 = 16;\n    pub const DEMO_MIN: u32 = 1;")
        .replace("            DEMO_FLAGS_CAPS = 1 << 1,\n", "            DEMO_FLAGS_CAPS = 1 << 1,\n            #[uabi(since = 2)]\n            DEMO_FLAGS_WAKE = 1 << 2,\n");
    let (code, report) = abidiff(BASE, &new);
    assert_eq!(code, 0, "{report}");
    assert!(lock_accepts(BASE, &new));
}

#[test]
fn only_the_lock_sees_a_changed_constant() {
    if skip() {
        return;
    }
    // A `#define` leaves no trace in debug information.
    let new = BASE.replace("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX: u32 = 32;").replace("io!(DEMO_TYPE, 1)", "io!(DEMO_TYPE, 3)");
    let (code, report) = abidiff(BASE, &new);
    assert_eq!(code, 0, "abidiff is expected blind to macros:\n{report}");
    assert!(!lock_accepts(BASE, &new));
}

#[test]
fn only_the_lock_knows_a_new_version_is_compatible() {
    if skip() {
        return;
    }
    // A trailing field in a new version of an argsz struct: abidiff sees a bigger struct and
    // calls it incompatible (it knows nothing of argsz); the lock knows old callers pass the
    // old argsz and the kernel reads no more than that.
    let new = BASE.replace("        pub base: u64,\n", "        pub base: u64,\n        #[uabi(since = 3, aligned)]\n        pub limit: u64,\n");
    let (code, report) = abidiff(BASE, &new);
    assert_ne!(code & ABI_CHANGE, 0, "{report}");
    assert_ne!(code & ABI_INCOMPATIBLE_CHANGE, 0, "{report}");
    assert!(report.contains("type size changed from 192 to 256"), "{report}");
    assert!(lock_accepts(BASE, &new));
}
