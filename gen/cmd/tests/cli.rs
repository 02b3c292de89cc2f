//! The `uabi` command as a user runs it: outputs, rendered errors, exit codes, and that a
//! failure leaves nothing behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = r#"//! A small ABI.
#[uabi::abi(header = "demo/good.h")]
pub mod good {
    pub const GOOD_TYPE: u8 = b'G';

    /// Argument of GOOD_GET_INFO.
    pub struct GoodInfo {
        pub argsz: u32,
        #[flags { GOOD_FLAG_A = 1 << 0 }]
        pub flags: u32,
        #[uabi(since = 2, aligned)]
        pub base: u64,
    }

    pub const GOOD_GET_INFO: Ioctl<GoodInfo> = io!(GOOD_TYPE, 1);
}
"#;

/// Two definition errors on lines 5 and 6.
const BAD: &str = r#"#[uabi::abi(header = "demo/bad.h")]
pub mod bad {
    pub struct BadInfo {
        pub argsz: u32,
        pub len: usize,
        pub ok: bool,
    }
}
"#;

struct Tmp(PathBuf);

impl Tmp {
    fn new(tag: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!("uabi-cli-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Tmp(p)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn uabi(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_uabi"));
    for a in args {
        c.arg(a);
    }
    c.output().expect("the uabi binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every file under `dir`, relative, sorted (empty if `dir` does not exist).
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out)
            } else {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn header_writes_the_header_and_its_layout_checks_once() {
    let t = Tmp::new("header");
    let src = t.write("abi.rs", GOOD);
    let out = t.0.join("include");
    let r = uabi(&[&"header", &src, &"-o", &out]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert_eq!(files(&out), ["checks/demo/good_layout.c", "demo/good.h"]);
    let header = std::fs::read_to_string(out.join("demo/good.h")).unwrap();
    assert!(header.contains("struct good_info {"), "{header}");
    assert!(header.contains("#define GOOD_GET_INFO"), "{header}");
    assert!(text(&r.stdout).contains("good.h: written"), "{}", text(&r.stdout));

    // A second run changes nothing and says so.
    let r = uabi(&[&"header", &src, &"-o", &out]);
    assert!(r.status.success());
    assert!(text(&r.stdout).contains("good.h: up to date"), "{}", text(&r.stdout));
    assert_eq!(files(&out), ["checks/demo/good_layout.c", "demo/good.h"], "no temporary file is left");
}

#[test]
fn definition_errors_are_rendered_with_the_source_line_and_exit_1() {
    let t = Tmp::new("errors");
    let good = t.write("a_good.rs", GOOD);
    let bad = t.write("b_bad.rs", BAD);
    let out = t.0.join("include");
    let r = uabi(&[&"header", &good, &bad, &"-o", &out]);
    assert_eq!(r.status.code(), Some(1));
    let err = text(&r.stderr);
    let at = format!("--> {}:5:18", bad.display());
    assert!(err.contains(&at), "names path:line:col\n{err}");
    assert!(err.contains("        pub len: usize,"), "shows the line\n{err}");
    assert!(err.contains("|                  ^^^^^"), "a caret under `usize`\n{err}");
    assert!(err.contains("= help: use `u64` for sizes"), "gives the help\n{err}");
    assert!(err.contains(&format!("--> {}:6:17", bad.display())), "every error, not the first\n{err}");
    assert!(err.contains("2 errors"), "{err}");
    assert!(!out.exists(), "nothing is written when any file has an error, not even the good one's header");
}

#[test]
fn a_rust_syntax_error_is_located_and_exits_1() {
    let t = Tmp::new("syntax");
    let src = t.write("broken.rs", "#[uabi::abi] pub mod x { pub struct S { a: u32 }\n");
    let r = uabi(&[&"report", &src]);
    assert_eq!(r.status.code(), Some(1));
    assert!(text(&r.stderr).contains(&format!("--> {}:1:", src.display())), "{}", text(&r.stderr));
}

#[test]
fn bad_paths_get_one_message_naming_them_and_exit_2() {
    let t = Tmp::new("paths");
    let out = t.0.join("include");

    let missing = t.0.join("nope.rs");
    let r = uabi(&[&"header", &missing, &"-o", &out]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains(&missing.display().to_string()), "{}", text(&r.stderr));

    let empty = t.0.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    t.write("empty/notes.txt", "not rust");
    let r = uabi(&[&"header", &empty, &"-o", &out]);
    assert_eq!(r.status.code(), Some(2));
    assert!(text(&r.stderr).contains("has no `.rs` file"), "{}", text(&r.stderr));

    let plain = t.write("plain.rs", "pub fn f() {}\n");
    let r = uabi(&[&"report", &plain]);
    assert_eq!(r.status.code(), Some(2));
    let err = text(&r.stderr);
    assert!(err.contains(&plain.display().to_string()) && err.contains("no `#[uabi::abi]` module"), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("error")).count(), 1, "one message\n{err}");
    assert!(!out.exists());
}

#[test]
fn an_unwritable_output_directory_exits_2_naming_it() {
    let t = Tmp::new("unwritable");
    let src = t.write("abi.rs", GOOD);
    // A regular file where a directory is needed: fails even for root.
    let blocker = t.write("blocker", "");
    let out = blocker.join("include");
    let r = uabi(&[&"header", &src, &"-o", &out]);
    assert_eq!(r.status.code(), Some(2));
    let err = text(&r.stderr);
    assert!(err.contains(&blocker.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn two_modules_claiming_one_header_exit_1_naming_both() {
    let t = Tmp::new("clash");
    let a = t.write("a.rs", GOOD);
    let b = t.write("b.rs", &GOOD.replace("pub mod good", "pub mod other"));
    let out = t.0.join("include");
    let r = uabi(&[&"header", &a, &b, &"-o", &out]);
    assert_eq!(r.status.code(), Some(1));
    let err = text(&r.stderr);
    assert!(err.contains("`demo/good.h`") && err.contains("module `good`") && err.contains("module `other`"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_header_path_outside_the_output_directory_is_refused() {
    let t = Tmp::new("escape");
    let src = t.write("abi.rs", &GOOD.replace("demo/good.h", "../escape.h"));
    let r = uabi(&[&"header", &src, &"-o", &t.0.join("include")]);
    assert_eq!(r.status.code(), Some(1));
    assert!(text(&r.stderr).contains("must be relative"), "{}", text(&r.stderr));
    assert!(!t.0.join("escape.h").exists());
}

#[test]
fn report_prints_the_layout_as_text_and_json() {
    let t = Tmp::new("report");
    let src = t.write("abi.rs", GOOD);
    let r = uabi(&[&"report", &src]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    assert!(out.contains("struct good_info {"), "{out}");
    assert!(out.contains("versions: v1=8 v2=16"), "{out}");

    let r = uabi(&[&"report", &src, &"--format", &"json"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let json: serde_json::Value = serde_json::from_slice(&r.stdout).expect("valid JSON");
    assert_eq!(json["format"], 1);
    let info = &json["modules"][0]["records"][0];
    assert_eq!(info["name"], "good_info");
    assert_eq!(info["size"], 16);
    assert_eq!(info["align"]["i386"], 8);
    assert_eq!(info["fields"][2]["offset"], 8);
    assert_eq!(info["fields"][2]["type"], "__aligned_u64");
    assert_eq!(info["versions"][0]["size"], 8);
    let io = &json["modules"][0]["ioctls"][0];
    assert_eq!(io["numbers"]["asm-generic"], "0x00004701");
    assert_eq!(io["numbers"]["powerpc/mips/alpha"], "0x20004701");
    // A `_IO` ioctl's argument is named in C, as a sized one's is, with the Rust type beside.
    assert_eq!(io["arg"], "struct good_info");
    assert_eq!(io["arg_rust"], "GoodInfo");
}

#[test]
fn usage_errors_exit_2() {
    let r = uabi(&[&"header"]);
    assert_eq!(r.status.code(), Some(2));
    let r = uabi(&[&"frobnicate"]);
    assert_eq!(r.status.code(), Some(2));
}
