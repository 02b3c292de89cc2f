//! C written for Linux's `<linux/kvm.h>` the way kvmtool and QEMU use it (`tests/c/kvm_users.c`:
//! capability checks under `#ifdef`, `KVM_SET_TSS_ADDR`, `struct kvm_cpuid2` and `struct
//! kvm_msrs` with their flexible arrays, the mapped `kvm_run` read through `run->io` and
//! `run->mmio`, register sets read back; on arm64 and riscv64 the register ids those VMMs
//! build with `ARM64_SYS_REG`, `KVM_REG_ARM_CORE_REG(regs.pc)`, `KVM_REG_RISCV_CORE_REG(..)`),
//! against uabi's headers and against Linux 7.2's (Debian sid's, scripts/sid-headers.sh):
//!
//! - the same object code: each compiler makes an object of it against either header tree, and
//!   the two must hold the same machine code, data and relocations (debug information, which
//!   names header lines, stripped): gcc and clang for x86_64, and the i686, aarch64 and
//!   riscv64 cross compilers;
//! - the same behaviour on `/dev/kvm`: the x86_64 programs run a guest (port I/O, an MMIO write,
//!   `hlt`) and print the same lines.
//!
//! Skips, saying why, where sid's headers cannot be had, a compiler is missing or there is no
//! `/dev/kvm` (then it only compiles).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{installed, sid_headers, TempDir};

const SOURCE: &str = "tests/c/kvm_users.c";

/// (compiler, objcopy/objdump prefix, Debian triple of sid's `asm/`, runs here)
const TARGETS: &[(&str, &str, &str, bool)] = &[
    ("gcc", "", "x86_64-linux-gnu", true),
    ("clang", "", "x86_64-linux-gnu", true),
    ("i686-linux-gnu-gcc", "", "i386-linux-gnu", false),
    ("aarch64-linux-gnu-gcc", "aarch64-linux-gnu-", "aarch64-linux-gnu", false),
    ("riscv64-linux-gnu-gcc", "riscv64-linux-gnu-", "riscv64-linux-gnu", false),
];

fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Compiles the source with `cc` and `includes` (first) into `dir`: an object, and (where it
/// runs here) a program; returns the object's contents as `objdump -d -s -r` prints them
/// after `objcopy --strip-debug --discard-locals`, and the program's path.
fn build(cc: &str, prefix: &str, includes: &[&Path], dir: &Path, runs: bool) -> Result<(String, Option<PathBuf>), String> {
    let src = common::root().join(SOURCE);
    let flags = ["-std=gnu11", "-O2", "-g", "-Wall", "-Wextra", "-Werror"];
    let inc: Vec<String> = includes.iter().map(|i| format!("-I{}", i.display())).collect();
    let obj = dir.join("kvm_users.o");
    run(Command::new(cc).args(flags).args(&inc).arg("-c").arg(&src).arg("-o").arg(&obj))?;
    let stripped = dir.join("stripped.o");
    run(Command::new(format!("{prefix}objcopy")).args(["--strip-debug", "--discard-locals"]).arg(&obj).arg(&stripped))?;
    let dump = run(Command::new(format!("{prefix}objdump")).args(["-d", "-s", "-r"]).arg(&stripped))?;
    // The first lines name the file.
    let dump = dump.lines().skip(3).collect::<Vec<_>>().join("\n");
    let exe = if runs {
        let exe = dir.join("kvm_users");
        run(Command::new(cc).args(flags).args(&inc).arg(&src).arg("-o").arg(&exe))?;
        Some(exe)
    } else {
        None
    };
    Ok((dump, exe))
}

#[test]
fn c_written_for_linux_has_the_same_machine_code_and_output_on_uabis_headers() {
    let sid = match sid_headers() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIP: Linux's newest headers cannot be had ({why}): nothing to compare with");
            return;
        }
    };
    let ours = common::headers_dir();
    let kvm = std::fs::OpenOptions::new().read(true).write(true).open("/dev/kvm").map_err(|e| e.to_string());
    let mut compared = Vec::new();
    for &(cc, prefix, triple, runs) in TARGETS {
        if !installed(cc) || !installed(&format!("{prefix}objdump")) {
            eprintln!("skipping {cc}: it (or {prefix}objdump) is not installed (scripts/test.sh installs it)");
            continue;
        }
        let tmp = TempDir::new("kvm-c-users");
        let (a, b) = (tmp.path().join("uabi"), tmp.path().join("linux"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let arch = sid.join(triple);
        let (ours_obj, ours_exe) = build(cc, prefix, &[&ours], &a, runs).unwrap_or_else(|e| panic!("{cc} against uabi's headers:\n{e}"));
        let (linux_obj, linux_exe) = build(cc, prefix, &[&sid, &arch], &b, runs).unwrap_or_else(|e| panic!("{cc} against Linux 7.2's headers:\n{e}"));
        if ours_obj != linux_obj {
            let first = ours_obj.lines().zip(linux_obj.lines()).position(|(x, y)| x != y).unwrap_or(0);
            panic!(
                "{cc}: the object differs on uabi's headers from Linux's, from line {first}:\nuabi:  {}\nLinux: {}",
                ours_obj.lines().nth(first).unwrap_or_default(),
                linux_obj.lines().nth(first).unwrap_or_default()
            );
        }
        let mut what = format!("{cc}: the same object code");
        if let (Some(x), Some(y), Ok(_)) = (ours_exe, linux_exe, &kvm) {
            let (ox, oy) = (run(&mut Command::new(&x)).unwrap(), run(&mut Command::new(&y)).unwrap());
            assert_eq!(ox, oy, "{cc}: the program prints other lines on uabi's headers than on Linux's");
            assert!(ox.contains("kvm in C\n") && ox.contains("mmio write of 2 bytes at 0x10000") && ox.contains("halted after 11 exits"), "{ox}");
            what.push_str(&format!(", and on /dev/kvm the same {} lines", ox.lines().count()));
        }
        compared.push(what);
    }
    if let Err(e) = &kvm {
        eprintln!("note: /dev/kvm cannot be opened ({e}): the programs were compiled, not run");
    }
    assert!(!compared.is_empty(), "no compiler ran");
    eprintln!("{}", compared.join("\n"));
}
