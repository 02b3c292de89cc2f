//! C written for Linux's `<linux/perf_event.h>`, `<linux/sched.h>`, `<linux/sched/types.h>`,
//! `<linux/userfaultfd.h>` and `<linux/iommufd.h>` (examples/linux-users/c: a counting group and
//! a sampled ring buffer, faults served with `UFFDIO_COPY`, clone3 and sched_getattr after
//! glibc's `<sched.h>` and in the other order with the program's own `struct sched_attr`, a
//! VMM's iommufd requests) compiles unchanged against uabi's generated headers with
//! `-Wall -Wextra -Werror` by gcc, clang and g++, and by the aarch64 and riscv64 cross
//! compilers; the gcc build runs on this kernel and prints the same lines as the same program
//! built against Linux 7.2's own headers (Debian sid's, fetched into target/ by
//! scripts/sid-headers.sh; without them, the comparison is skipped, saying why).

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{compile_and_run, compile_source, installed};

const PROGRAMS: &[&str] = &["perf_event.c", "userfaultfd.c", "sched.c", "sched_own_attr.c", "iommufd.c"];
const WARNINGS: &[&str] = &["-Wall", "-Wextra", "-Werror"];

fn source(name: &str) -> String {
    std::fs::read_to_string(common::root().join("examples/linux-users/c").join(name)).unwrap()
}

/// sid's include root and its x86_64 multiarch directory, or why not.
fn sid_includes() -> Result<(PathBuf, PathBuf), String> {
    let root = common::root();
    let out = Command::new(root.join("scripts/sid-headers.sh"))
        .arg(root.join("target/sid-headers"))
        .output()
        .map_err(|e| format!("scripts/sid-headers.sh does not run: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    let inc = PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default());
    Ok((inc.clone(), inc.join("x86_64-linux-gnu")))
}

#[test]
fn c_written_for_linux_compiles_against_uabis_headers() {
    let headers = common::headers_dir();
    let mut done = Vec::new();
    for program in PROGRAMS {
        let src = source(program);
        for (label, cc, lang) in [("gcc", "gcc", "-std=gnu11"), ("clang", "clang", "-std=gnu11"), ("g++", "g++", "-xc++"), ("aarch64", "aarch64-linux-gnu-gcc", "-std=gnu11"), ("riscv64", "riscv64-linux-gnu-gcc", "-std=gnu11")] {
            if !installed(cc) {
                eprintln!("skipping {label}: {cc} is not installed (scripts/test.sh installs it)");
                continue;
            }
            let mut args = vec![lang, "-fsyntax-only", "-pthread"];
            args.extend(WARNINGS);
            compile_source(cc, &args, &[&headers], program, &src).unwrap_or_else(|e| panic!("{label}, {program} against uabi's headers:\n{e}"));
            done.push(format!("{label} {program}"));
        }
    }
    eprintln!("compiled with -Werror: {}", done.join(", "));
}

#[test]
#[cfg_attr(miri, ignore = "compiles and runs C programs")]
fn the_programs_print_the_same_lines_built_on_uabis_headers_and_on_linuxs() {
    let headers = common::headers_dir();
    let linux = match sid_includes() {
        Ok(x) => Some(x),
        Err(why) => {
            eprintln!("SKIP the comparison with Linux's headers: sid's cannot be had: {why}");
            None
        }
    };
    let mut args = vec!["-std=gnu11", "-pthread"];
    args.extend(WARNINGS);
    for program in PROGRAMS {
        let src = source(program);
        let ours = compile_and_run("gcc", &args, &[&headers], &src).unwrap_or_else(|e| panic!("{program} on uabi's headers:\n{e}"));
        assert!(!ours.trim().is_empty(), "{program} printed nothing");
        let Some((inc, arch)) = &linux else { continue };
        let theirs = compile_and_run("gcc", &args, &[inc, arch], &src).unwrap_or_else(|e| panic!("{program} on Linux's headers:\n{e}"));
        assert_eq!(ours, theirs, "{program} prints other lines on uabi's headers than on Linux's");
        eprintln!("{program}: {} lines alike\n{}", ours.lines().count(), ours.trim_end());
    }
}

/// The comparison can fail: a header that defines one macro differently (here, the ioctl
/// number of `UFFDIO_COPY`) changes what the program prints.
#[test]
#[cfg_attr(miri, ignore = "compiles and runs C programs")]
fn a_different_number_changes_the_output() {
    let tmp = common::TempDir::new("c-families");
    let header = std::fs::read_to_string(common::headers_dir().join("linux/userfaultfd.h")).unwrap();
    let changed = header.replace("_IOWR(UFFDIO, _UFFDIO_COPY, struct uffdio_copy)", "_IOWR(UFFDIO, _UFFDIO_MOVE, struct uffdio_copy)");
    assert_ne!(changed, header);
    tmp.write("linux/userfaultfd.h", &changed);
    let src = "#include <stdio.h>\n#include <linux/userfaultfd.h>\nint main(void) { printf(\"%#lx\\n\", (unsigned long)UFFDIO_COPY); return 0; }\n";
    let good = compile_and_run("gcc", &["-std=gnu11"], &[&common::headers_dir()], src).unwrap();
    let bad = compile_and_run("gcc", &["-std=gnu11"], &[tmp.path()], src).unwrap();
    assert_ne!(good, bad);
}
