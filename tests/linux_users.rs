//! Code written for Linux's own headers, against uabi's: `examples/linux-users` (a crate outside
//! this workspace, depending on uabi and uabi-linux by path) is copied and built from scratch; its
//! Rust program sets `perf_event_attr`'s bitfields through the accessors, opens a counter on the
//! running kernel, and prints `kvm_run` and `kvm_regs` offsets; its C program, written as the
//! perf_event_open(2) manual and VMMs write it (`pe.exclude_kernel = 1`, `run->mmio.len`,
//! arm64's `offsetof(struct kvm_regs, fp_regs.vregs[31])`), is compiled with `-Werror` by gcc,
//! clang and g++ against uabi's generated headers and against Linux's installed ones, and by the
//! aarch64 and i686 cross compilers against uabi's. Every program prints the same lines.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{compile_and_run, compile_source, installed, TempDir};

fn copy_example(tmp: &TempDir) -> PathBuf {
    let src = common::root().join("examples/linux-users");
    for rel in ["Cargo.toml", "src/main.rs", "c/linux_users.c"] {
        let text = std::fs::read_to_string(src.join(rel)).unwrap();
        let mut text = text.replace("path = \"../../", &format!("path = \"{}/", common::root().display()));
        if rel == "Cargo.toml" {
            // Its own package name per copy, so that concurrent builds in one target
            // directory do not share fingerprints (see tests/driver_abi.rs).
            let unique = format!("linux-users-{}", tmp.path().file_name().unwrap().to_string_lossy());
            text = text.replace("name = \"linux-users\"", &format!("name = \"{unique}\""));
        }
        tmp.write(Path::new("linux-users").join(rel), &text);
    }
    let dst = tmp.path().join("linux-users");
    std::fs::copy(common::root().join("Cargo.lock"), dst.join("Cargo.lock")).unwrap();
    dst
}

/// The lines a program prints, with the perf line only when both could count (a kernel may
/// forbid perf events, which each program reports on stderr).
fn lines(out: &str) -> Vec<String> {
    out.lines().map(str::to_string).collect()
}

#[test]
fn rust_and_c_written_for_linux_agree_on_uabis_headers() {
    let tmp = TempDir::new("linux-users");
    let dir = copy_example(&tmp);
    let run = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline"])
        .env("CARGO_TARGET_DIR", common::root().join("target/linux-users-example"))
        .current_dir(&dir)
        .output()
        .expect("cargo runs");
    assert!(run.status.success(), "the Rust program failed:\n{}", String::from_utf8_lossy(&run.stderr));
    let rust = lines(&String::from_utf8_lossy(&run.stdout));
    assert!(rust.iter().any(|l| l == "attr.disabled=1 attr.exclude_kernel=1 attr.exclude_user=0"), "{rust:?}");
    if !rust.iter().any(|l| l == "perf counted: yes") {
        eprintln!("note: the kernel refused perf_event_open here: {}", String::from_utf8_lossy(&run.stderr));
    }

    let source = std::fs::read_to_string(dir.join("c/linux_users.c")).unwrap();
    let headers = common::headers_dir();
    let mut compared = Vec::new();
    for (label, program, args) in [
        ("gcc", "gcc", &["-std=gnu11", "-Wall", "-Wextra", "-Werror"][..]),
        ("clang", "clang", &["-std=gnu11", "-Wall", "-Wextra", "-Werror"][..]),
        ("g++", "g++", &["-x", "c++", "-Wall", "-Wextra", "-Werror"][..]),
    ] {
        if !installed(program) {
            eprintln!("skipping {label}: not installed");
            continue;
        }
        let c = compile_and_run(program, args, &[&headers], &source).unwrap_or_else(|e| panic!("{label} against uabi's headers:\n{e}"));
        assert_eq!(lines(&c), rust, "{label} against uabi's headers prints other numbers than the Rust program");
        compared.push(format!("{label} (uabi's headers)"));
    }
    // The same C against Linux's installed headers: it is C written for Linux.
    // The installed headers may be an older release, whose `perf_event_attr` is a version
    // shorter (Debian 12's Linux 6.1 has no `config3`): every other
    // number is the same.
    let linux = compile_and_run("gcc", &["-std=gnu11", "-Wall", "-Wextra", "-Werror"], &[], &source).unwrap_or_else(|e| panic!("gcc against Linux's headers:\n{e}"));
    let same_release = |l: &Vec<String>| l.iter().filter(|l| !l.starts_with("attr.size=")).cloned().collect::<Vec<_>>();
    assert_eq!(same_release(&lines(&linux)), same_release(&rust), "gcc against Linux's installed headers prints other numbers");
    compared.push("gcc (Linux's installed headers)".into());
    // Other architectures' compilers: arm64's `struct kvm_regs` (taken apart by
    // `offsetof(struct kvm_regs, fp_regs.vregs[31])`) and i386's alignment.
    for cc in ["aarch64-linux-gnu-gcc", "i686-linux-gnu-gcc"] {
        if !installed(cc) {
            eprintln!("skipping {cc}: not installed (scripts/test.sh installs it)");
            continue;
        }
        compile_source(cc, &["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"], &[&headers], "linux_users.c", &source)
            .unwrap_or_else(|e| panic!("{cc} against uabi's headers:\n{e}"));
        compared.push(format!("{cc} (compiles)"));
    }
    eprintln!("the Rust program and {} agree", compared.join(", "));
}
