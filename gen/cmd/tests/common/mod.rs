//! Shared by the command's tests of `uabi import` and `uabi lint`: output as text or JSON,
//! reviewed snapshots, and the workspace, Cargo's target directory and Debian sid's headers
//! for the tests over Linux's whole UAPI.
//!
//! Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", text(&o.stdout), text(&o.stderr)))
}

/// Compares with the reviewed snapshot at `path`, or writes it under `UABI_BLESS`.
pub fn snapshot(path: &Path, actual: &str) {
    if std::env::var_os("UABI_BLESS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} is missing (UABI_BLESS=1 to create it)", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs (UABI_BLESS=1 to re-bless after review); first difference at line {}:\nexpected: {:?}\nactual:   {:?}",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace root")
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (a worktree sharing another
/// checkout's), else the workspace's `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).filter(|p| p.is_absolute()).unwrap_or_else(|| workspace().join("target"))
}

/// sid's include root (fetched by scripts/sid-headers.sh into the target directory's
/// `sid-headers`), or why it cannot be had.
pub fn sid_headers() -> Result<PathBuf, String> {
    let ws = workspace();
    let out = Command::new(ws.join("scripts/sid-headers.sh"))
        .arg(target_dir().join("sid-headers"))
        .current_dir(&ws)
        .output()
        .map_err(|e| format!("scripts/sid-headers.sh does not run: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default())),
        Some(3) => Err(stderr.trim().to_string()),
        _ => panic!("scripts/sid-headers.sh failed:\n{stderr}"),
    }
}

/// [`sid_headers`], or `None` after saying why the test skips.
pub fn sid_headers_or_skip() -> Option<PathBuf> {
    sid_headers().map_err(|why| eprintln!("skipped: Debian sid's linux-libc-dev cannot be had: {why}")).ok()
}

/// The unpacked package's name and version (`linux-libc-dev_7.2.13-1`) from its include root.
pub fn sid_version(root: &Path) -> String {
    root.ancestors().nth(2).and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
