//! uabi from a crate outside this workspace, as a driver author has it: `examples/driver-abi`
//! (its own workspace, depending on uabi by path) is copied to a fresh directory and built from
//! scratch. Its build script must write the header into `OUT_DIR` and into its committed
//! `include/`; a C client compiled against that header must print what the Rust side prints;
//! and a bad definition must fail `cargo build` with rustc's own error, and nothing around it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::TempDir;

/// A copy of the example crate with its path dependencies pointing back into this workspace,
/// and this workspace's `Cargo.lock`, so it resolves the same versions without the network.
fn copy_example(tmp: &TempDir) -> PathBuf {
    let src = common::root().join("examples/driver-abi");
    let dst = tmp.path().join("driver-abi");
    for rel in ["Cargo.toml", "build.rs", "src/lib.rs", "src/bin/values.rs", "c/client.c"] {
        let text = std::fs::read_to_string(src.join(rel)).unwrap();
        let mut text = text.replace("path = \"../../", &format!("path = \"{}/", common::root().display()));
        if rel == "Cargo.toml" {
            // A package name of its own for each copy: Cargo identifies a path package by name
            // and version, so two copies built in one target directory (the tests run at once)
            // would otherwise share fingerprints, and one could reuse the other's build-script
            // run. The library keeps its name.
            let unique = format!("driver-abi-{}", tmp.path().file_name().unwrap().to_string_lossy());
            text = text.replace("name = \"driver-abi\"", &format!("name = \"{unique}\""));
            text.push_str("\n[lib]\nname = \"driver_abi\"\n");
        }
        tmp.write(Path::new("driver-abi").join(rel), &text);
    }
    std::fs::copy(common::root().join("Cargo.lock"), dst.join("Cargo.lock")).unwrap();
    dst
}

fn cargo(dir: &Path, args: &[&str]) -> Output {
    cargo_run(dir, args, true)
}

/// `cargo` as a user runs it; `quiet` hides Cargo's warnings, among them those of build scripts.
fn cargo_run(dir: &Path, args: &[&str], quiet: bool) -> Output {
    // One target directory for every run of this test, so dependencies are compiled once; the
    // example crate itself is rebuilt each time because its path is new.
    let target = common::root().join("target/driver-abi-example");
    Command::new(env!("CARGO"))
        .args(args)
        .arg("--offline")
        .args(quiet.then_some("--quiet"))
        .env("CARGO_TARGET_DIR", target)
        .current_dir(dir)
        .output()
        .expect("cargo runs")
}

/// What a user sees of a failed `cargo build` of the copy in `dir`: its standard error without
/// Cargo's progress lines (`Compiling ..`, `Blocking ..`, which depend on what was built
/// before and on other builds in the same target directory) and with the copy's package name
/// as the example's.
fn seen(dir: &Path, build: &Output) -> String {
    let unique = format!("driver-abi-{}", dir.parent().unwrap().file_name().unwrap().to_string_lossy());
    let progress = ["Compiling ", "Blocking ", "Checking ", "Finished ", "Locking ", "Adding "];
    text(&build.stderr)
        .lines()
        .filter(|l| !progress.iter().any(|p| l.trim_start().starts_with(p) && l.starts_with("  ")))
        .filter(|l| *l != "warning: build failed, waiting for other jobs to finish...")
        .map(|l| l.replace(&unique, "driver-abi") + "\n")
        .collect()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_users_crate_gets_its_header_and_c_agrees_with_rust() {
    let tmp = TempDir::new("driver-abi");
    let dir = copy_example(&tmp);
    let run = cargo(&dir, &["run", "--bin", "values"]);
    assert!(run.status.success(), "the example builds and runs:\n{}", text(&run.stderr));
    let rust_says = text(&run.stdout);

    // The header of this build, in OUT_DIR (the crate learns where from `UABI_INCLUDE_DIR`).
    let include = text(&run.stderr).lines().find_map(|l| l.strip_prefix("include dir: ")).map(PathBuf::from).expect("the example prints its include dir");
    assert!(include.starts_with(common::root().join("target/driver-abi-example")) && include.ends_with("out/include"), "{}", include.display());
    let out_header = std::fs::read_to_string(include.join("mydrv/mydrv.h")).expect("the header is in OUT_DIR");
    assert!(include.join("checks/mydrv/mydrv_layout.c").exists(), "the layout checks are beside it");

    // The committed copy, written by the same build script, is the same header, and the one in
    // the repository is up to date.
    let committed = std::fs::read_to_string(dir.join("include/mydrv/mydrv.h")).expect("the committed copy is written");
    assert_eq!(committed, out_header);
    let in_repo = std::fs::read_to_string(common::root().join("examples/driver-abi/include/mydrv/mydrv.h")).unwrap();
    assert_eq!(in_repo, out_header, "examples/driver-abi/include is stale: build the example and commit it");

    // The C client, against the committed header only.
    let exe = tmp.path().join("client");
    let cc = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Wpadded", "-Werror", "-I"])
        .arg(dir.join("include"))
        .arg(dir.join("c/client.c"))
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("gcc runs");
    assert!(cc.status.success(), "{}", text(&cc.stderr));
    let c_says = Command::new(&exe).output().unwrap();
    assert!(c_says.status.success());
    assert_eq!(text(&c_says.stdout), rust_says, "C and Rust see the same ABI");
    assert!(rust_says.contains("sizeof(struct mydrv_info) = 24"), "{rust_says}");
}

#[test]
fn a_bad_definition_fails_the_users_build_with_rustcs_own_error() {
    let tmp = TempDir::new("driver-abi-bad");
    let dir = copy_example(&tmp);
    // Built once as it is, so that the failed build below compiles only the crate and what it
    // prints does not depend on which dependencies were already built.
    let good = cargo(&dir, &["build"]);
    assert!(good.status.success(), "{}", text(&good.stderr));
    std::fs::remove_dir_all(dir.join("include")).unwrap();

    let lib = dir.join("src/lib.rs");
    let source = std::fs::read_to_string(&lib).unwrap();
    // Without the explicit pad, `doorbell` sits at offset 12: i386 and x86-64 disagree.
    let bad = source.replace("        pub __pad: u32,\n", "").replace("#[uabi(since = 2, aligned)]", "#[uabi(since = 2)]");
    assert_ne!(bad, source);
    std::fs::write(&lib, &bad).unwrap();
    let line = bad.lines().position(|l| l.contains("pub doorbell: u64")).unwrap() + 1;

    let build = cargo_run(&dir, &["build"], false);
    assert!(!build.status.success(), "the build must fail");
    // The build script leaves the error to rustc, which reports it from `#[uabi::abi]` as its
    // own; the script says so in one line (Cargo shows a build script's warning again at the
    // end of a failed build), with no wrapper around it and no panic.
    let warning = "warning: driver-abi@0.1.0: no C header written: 1 error in the ABI definitions of src/lib.rs; rustc reports it where the crate compiles the module\n";
    let expected = format!(
        "{warning}\
error: `doorbell` is 64-bit aligned but sits at offset 12, not a multiple of 8: i386 and m68k would place it at 12 and other architectures at 16
       help: add `#[uabi(since = 2)] pub __pad3: u32` (zero) before `doorbell`
  --> src/lib.rs:{line}:23
   |
{line} |         pub doorbell: u64,
   |                       ^^^

{warning}\
error: could not compile `driver-abi` (lib) due to 1 previous error
"
    );
    assert_eq!(seen(&dir, &build), expected, "what cargo build prints\n{}", text(&build.stderr));
    assert!(!dir.join("include/mydrv/mydrv.h").exists(), "no header is written from a bad definition");

    // An error only the build script can see (here: a file without an ABI module) fails it
    // through Cargo's `cargo::error`, one line each, without Cargo's wrapper either.
    std::fs::write(&lib, &source).unwrap();
    let script = dir.join("build.rs");
    let text_of_script = std::fs::read_to_string(&script).unwrap();
    std::fs::write(&script, text_of_script.replacen(".file(\"src/lib.rs\")", ".file(\"src/bin/values.rs\")", 1)).unwrap();
    let build = cargo_run(&dir, &["build"], false);
    assert!(!build.status.success(), "the build must fail");
    assert_eq!(
        seen(&dir, &build),
        "error: driver-abi@0.1.0: src/bin/values.rs: no `#[uabi::abi]` module here\n\
         error: driver-abi@0.1.0: help: an ABI is an inline module under `#[uabi::abi(header = \"linux/name.h\")]` at the top level of the file\n\
         error: build script logged errors\n",
        "what cargo build prints\n{}",
        text(&build.stderr)
    );
}
