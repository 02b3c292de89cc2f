//! C written for Linux's `<linux/vfio.h>` compiles unchanged against the generated header.
//!
//! `tests/c/vfio_users.c` uses each VFIO struct the way QEMU, libvfio-user and kvmtool do: a
//! pointer stored in `vfio_bitmap.data`, capability walks through `cap_offset` and `next`,
//! the flexible arrays `vfio_irq_set.data`, `areas[]`, `iova_ranges[]` and `devices[]`,
//! request numbers as `case` labels, and the `VFIO_DEVICE_API_*_STRING` macros. It is built
//! with `-Wall -Wextra -Werror` by gcc (C11), clang (C11) and g++ (C++17), then run. It also
//! builds against the installed Linux header, so it is Linux-header code, not code written
//! for uabi; and it fails against a header whose `data` is a plain `__u64`, as it did before
//! `c_pointer`.
//!
//! The generated headers carry the guard of the installed ones, so a program that includes a
//! bundled Linux copy and the generated header, in either order, gets one set of definitions.

mod common;

use common::{compile_and_run, compile_source, headers_dir, installed, subjects, TempDir};

const PROGRAM: &str = include_str!("c/vfio_users.c");
const WARNINGS: &[&str] = &["-Wall", "-Wextra", "-Werror"];

/// (label, program, language and standard).
const COMPILERS: &[(&str, &str, &[&str])] = &[
    ("gcc -std=c11", "gcc", &["-std=c11", "-x", "c"]),
    ("clang -std=c11", "clang", &["-std=c11", "-x", "c"]),
    ("g++ -std=c++17", "g++", &["-std=c++17", "-x", "c++"]),
];

fn args<'a>(lang: &'a [&'a str], extra: &'a [&'a str]) -> Vec<&'a str> {
    lang.iter().chain(WARNINGS).chain(extra).copied().collect()
}

fn passed(out: &str) -> bool {
    out.trim_end().ends_with(" 0 failed") && !out.starts_with("0 checks")
}

#[test]
fn the_vfio_users_program_compiles_and_runs_against_the_generated_header() {
    let include = headers_dir();
    let mut ran = 0;
    for (label, program, lang) in COMPILERS {
        if !installed(program) {
            eprintln!("skipping {label}: {program} is not installed (scripts/test.sh installs it)");
            continue;
        }
        let out = compile_and_run(program, &args(lang, &["-DUABI_HEADER"]), &[&include], PROGRAM)
            .unwrap_or_else(|e| panic!("{label} refuses C written for <linux/vfio.h> against the generated header:\n{e}"));
        assert!(passed(&out), "{label}: {out}");
        eprintln!("{label}: {}", out.trim_end());
        ran += 1;
    }
    assert!(ran > 0 || !installed("gcc"), "no compiler ran");
}

/// The baseline: the same program against Linux's own header, so it is Linux-header C.
#[test]
fn the_vfio_users_program_is_c_for_the_installed_linux_header() {
    if !installed("gcc") {
        eprintln!("skipping: gcc is not installed");
        return;
    }
    if compile_source("gcc", &["-fsyntax-only", "-x", "c"], &[], "probe.c", "#include <linux/vfio.h>\n").is_err() {
        eprintln!("skipping: gcc finds no <linux/vfio.h> (install linux-libc-dev)");
        return;
    }
    let out = compile_and_run("gcc", &args(&["-std=c11", "-x", "c"], &[]), &[], PROGRAM).unwrap_or_else(|e| panic!("{e}"));
    assert!(passed(&out), "{out}");
}

/// Without `c_pointer`, `bitmap->data = (__u64 *)buf;` is what the issue reported: g++
/// refuses it, gcc warns (an error under -Werror).
#[test]
fn a_plain_integer_data_member_fails_the_program() {
    let text = std::fs::read_to_string(headers_dir().join("linux/vfio.h")).unwrap();
    let union = "\tunion {\n\t\t__u64 *data;\n\t\t__u64 data_u64;\n\t};\n";
    assert!(text.contains(union), "the generated vfio_bitmap has changed shape; update this test");
    let tmp = TempDir::new("plain-data");
    tmp.write("linux/vfio.h", &text.replace(union, "\t__u64 data;\n"));
    for (label, program, lang) in COMPILERS.iter().filter(|(l, ..)| *l != "clang -std=c11") {
        if !installed(program) {
            eprintln!("skipping {label}: {program} is not installed");
            continue;
        }
        let e = compile_and_run(program, &args(lang, &[]), &[tmp.path()], PROGRAM).expect_err(label);
        assert!(e.contains("data"), "{label} failed for another reason:\n{e}");
    }
}

/// A translation unit including the generated header (by path) and the installed one (by
/// name, from the system include path) in the order given.
fn both(generated: &std::path::Path, header: &str, generated_first: bool) -> String {
    let ours = format!("#include \"{}\"\n", generated.display());
    let linux = format!("#include <{header}>\n");
    let (a, b) = if generated_first { (ours, linux) } else { (linux, ours) };
    format!("{a}{b}int uabi_both_headers;\n")
}

fn installed_header(header: &str) -> bool {
    compile_source("gcc", &["-fsyntax-only", "-x", "c"], &[], "probe.c", &format!("#include <{header}>\n")).is_ok()
}

#[test]
fn the_generated_and_the_installed_header_coexist() {
    if !installed("gcc") {
        eprintln!("skipping: gcc is not installed");
        return;
    }
    let mut compared = 0;
    for s in subjects() {
        if !installed_header(s.name()) {
            eprintln!("skipping <{}>: not installed on this machine", s.name());
            continue;
        }
        for first in [true, false] {
            for (label, program, lang) in COMPILERS.iter().filter(|(_, p, _)| installed(p)) {
                let a: Vec<&str> = args(lang, &["-fsyntax-only"]);
                if let Err(e) = compile_source(program, &a, &[], "both.c", &both(&s.header_path, s.name(), first)) {
                    panic!("<{}> (generated first: {first}) and the installed one clash under {label}:\n{e}", s.name());
                }
            }
        }
        compared += 1;
    }
    eprintln!("{compared} generated headers coexist with their installed counterparts");
}

/// The guard is what makes them coexist: with the source-tree guard `_UAPIVFIO_H` the two
/// headers define everything twice.
#[test]
fn another_guard_redefines_everything() {
    if !installed("gcc") || !installed_header("linux/vfio.h") {
        eprintln!("skipping: gcc or the installed <linux/vfio.h> is missing");
        return;
    }
    let text = std::fs::read_to_string(headers_dir().join("linux/vfio.h")).unwrap();
    let edited = text.replace("VFIO_H", "_UAPIVFIO_H");
    assert_ne!(edited, text);
    let tmp = TempDir::new("uapi-guard");
    let path = tmp.write("linux/vfio.h", &edited);
    let e = compile_source("gcc", &["-std=c11", "-fsyntax-only", "-x", "c"], &[], "both.c", &both(&path, "linux/vfio.h", true)).expect_err("two guards must clash");
    assert!(e.contains("redefinition"), "{e}");
}
