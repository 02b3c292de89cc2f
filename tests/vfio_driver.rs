//! The VFIO sample driver (`examples/vfio-driver`), a crate outside this workspace, built from
//! scratch as its author would: its own tests (ownership rules, device, IOMMU, property tests
//! of the dispatch) run with `cargo test`; then the driver is built twice as a static library,
//! at version 2 of its own ABI and at version 1 (feature `abi-v1`), and one C client, compiled
//! against the sample header as of version 1 and as of version 2, drives each: the four
//! old/new client x old/new driver combinations, each checked against Linux's rules.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::TempDir;

const EXAMPLE: &str = "examples/vfio-driver";

/// A copy of the example with its path dependencies pointing back into this workspace, and
/// this workspace's `Cargo.lock`, so that it resolves the same versions without the network.
fn copy_example(tmp: &TempDir) -> PathBuf {
    let src = common::root().join(EXAMPLE);
    let dst = tmp.path().join("vfio-driver");
    copy_tree(&src, &dst, &src);
    std::fs::copy(common::root().join("Cargo.lock"), dst.join("Cargo.lock")).unwrap();
    dst
}

fn copy_tree(dir: &Path, dst: &Path, root: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path.strip_prefix(root).unwrap();
        if rel == Path::new("target") || rel == Path::new("Cargo.lock") {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, dst, root);
        } else {
            let mut bytes = std::fs::read(&path).unwrap();
            if rel == Path::new("Cargo.toml") {
                let text = String::from_utf8(bytes).unwrap();
                bytes = text.replace("path = \"../../", &format!("path = \"{}/", common::root().display())).into_bytes();
            }
            let out = dst.join(rel);
            std::fs::create_dir_all(out.parent().unwrap()).unwrap();
            std::fs::write(out, bytes).unwrap();
        }
    }
}

/// One target directory for every run, so dependencies are compiled once.
fn target_dir() -> PathBuf {
    common::root().join("target/vfio-driver-example")
}

fn cargo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", target_dir())
        .current_dir(dir)
        .output()
        .expect("cargo runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Builds the static library (with `features`) and keeps a copy of it as `name`.
fn build_driver(dir: &Path, features: &[&str], out: &Path) {
    let mut args = vec!["build", "--lib"];
    args.extend_from_slice(features);
    let build = cargo(dir, &args);
    assert!(build.status.success(), "the driver builds ({features:?}):\n{}", text(&build.stderr));
    std::fs::copy(target_dir().join("debug/libvfio_sample.a"), out).unwrap();
}

/// Compiles the C client against `include` (the sample header of one version) and links the
/// driver library `lib`; runs it and returns what it printed.
fn run_client(dir: &Path, include: &Path, lib: &Path, exe: &Path) -> String {
    let cc = Command::new("gcc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(include)
        .arg("-I")
        .arg(dir.join("include"))
        .arg(dir.join("c/client.c"))
        .arg(lib)
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(exe)
        .output()
        .expect("gcc runs");
    assert!(cc.status.success(), "{}", text(&cc.stderr));
    let run = Command::new(exe).output().unwrap();
    assert!(run.status.success(), "{}", text(&run.stderr));
    text(&run.stdout)
}

#[test]
fn the_vfio_sample_driver_passes_its_tests_and_serves_c_clients_of_both_versions() {
    let tmp = TempDir::new("vfio-driver");
    let dir = copy_example(&tmp);

    // Its own tests: the ownership rules, the device and IOMMU, the dispatch properties; and
    // those of the old driver, which must pass too.
    for features in [&[][..], &["--features", "abi-v1"][..]] {
        let mut args = vec!["test"];
        args.extend_from_slice(features);
        let test = cargo(&dir, &args);
        assert!(test.status.success(), "cargo test {features:?} in the example:\n{}{}", text(&test.stdout), text(&test.stderr));
    }

    // The two drivers. The build script wrote the committed headers; the repository's are
    // up to date.
    let old_driver = tmp.path().join("libvfio_sample_v1.a");
    let new_driver = tmp.path().join("libvfio_sample_v2.a");
    build_driver(&dir, &["--features", "abi-v1"], &old_driver);
    build_driver(&dir, &[], &new_driver);
    for header in ["include/sample/sample.h", "include/v1/sample/sample.h"] {
        let built = std::fs::read_to_string(dir.join(header)).unwrap();
        let committed = std::fs::read_to_string(common::root().join(EXAMPLE).join(header)).unwrap();
        assert_eq!(committed, built, "{EXAMPLE}/{header} is stale: build the example and commit it");
    }
    let v1_header = std::fs::read_to_string(dir.join("include/v1/sample/sample.h")).unwrap();
    assert!(!v1_header.contains("SAMPLE_INFO_DOORBELL") && v1_header.contains("SAMPLE_INFO_QUEUES"), "{v1_header}");

    let old_client = dir.join("include/v1");
    let new_client = dir.join("include");
    let run = |client: &Path, driver: &Path, name: &str| run_client(&dir, client, driver, &tmp.path().join(name));

    // Common to all four: the VFIO setup through the kernel's own <linux/vfio.h>, requests of
    // no ABI, and nothing written past the caller's argsz.
    let common_lines = [
        "group status: 0 viable=1",
        "set container: 0",
        "set iommu: 0",
        "device fd: ok",
        "bytes past argsz: untouched",
        "unknown request: ENOTTY",
        "group request on the device: ENOTTY",
    ];
    let check = |out: &str, expected: &[&str]| {
        for line in common_lines.iter().chain(expected) {
            assert!(out.lines().any(|l| l == *line), "missing {line:?} in:\n{out}");
        }
    };

    // Old client, old driver: version 1 on both sides.
    let out = run(&old_client, &old_driver, "old-old");
    check(&out, &["client: v1 (argsz 16)", "get info: 0", "num_queues: 4 driver abi: 1"]);
    // Old client, new driver: works; the driver writes no byte past the old argsz.
    let out = run(&old_client, &new_driver, "old-new");
    check(&out, &["client: v1 (argsz 16)", "get info: 0", "num_queues: 4 driver abi: 2"]);
    // New client, new driver: the doorbell, and EINVAL when argsz does not cover it.
    let out = run(&new_client, &new_driver, "new-new");
    check(
        &out,
        &["client: v2 (argsz 24)", "get info with doorbell: 0", "doorbell: 0xfe000000", "doorbell with a v1 argsz: EINVAL", "num_queues: 4 driver abi: 2"],
    );
    // New client, old driver: the unknown flag is EINVAL; what the old driver knows works.
    let out = run(&new_client, &old_driver, "new-old");
    check(
        &out,
        &[
            "client: v2 (argsz 24)",
            "get info with doorbell: EINVAL",
            "get info without doorbell: 0",
            "doorbell: 0",
            "doorbell with a v1 argsz: EINVAL",
            "num_queues: 4 driver abi: 1",
        ],
    );
}
