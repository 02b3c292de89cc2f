//! `uabi import` as a user runs it, on the fixture tree `tests/import/include` (its own
//! `<linux/types.h>` and `<linux/ioctl.h>`, and a multiarch `<triple>/asm/demo.h` per family,
//! so that every target reads it alike without system headers): the module written (against a
//! reviewed snapshot), the report (text snapshot, JSON), the round trip, the module through the
//! rest of the pipeline, exit codes, and bad input with nothing written.
//!
//! Snapshots: `tests/import/demo_import.rs` (also compiled by rustc: the workspace's
//! `tests/imported.rs`) and `tests/import/demo_import.txt`; after a deliberate change,
//! re-bless with `UABI_BLESS=1 cargo test -p uabi-cli --features import --test import` and
//! review the diff.
#![cfg(feature = "import")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{json, snapshot, text};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import")
}

fn include() -> PathBuf {
    dir().join("include")
}

/// A directory of this test's own, empty.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uabi-import-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn uabi(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_uabi"));
    c.current_dir(include());
    for a in args {
        c.arg(a);
    }
    c.output().expect("the uabi binary runs")
}

fn kinds(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["item"].as_str().unwrap().to_string(), r["kind"].as_str().unwrap().to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_header_becomes_a_module_that_round_trips_on_64_bit() {
    let out = scratch("demo");
    let rs = out.join("demo_import.rs");
    let o = uabi(&[&"import", &"-I", &".", &"demo/import.h", &"-o", &rs, &"--verify", &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(1), "refusals exit 1\n{}", text(&o.stderr));
    let r = json(&o);
    assert_eq!((r["records"].as_u64(), r["records_imported"].as_u64()), (Some(14), Some(11)));
    // What is still refused, each with its reason: C macros whose parentheses would change
    // them (a statement, an attribute, a member path), tokens Rust cannot lex, `F()`, a
    // function-like macro of an enumerator's name (and the `#define E E` of its enum, since
    // `c_defines` would define that name too); an enumerator redefined with another value; a
    // packed record holding an aligned one.
    assert_eq!(
        kinds(&r),
        [
            ("DEMO_ATTR".to_string(), "c-macro-form".to_string()),
            ("DEMO_ESC".into(), "c-macro-tokens".into()),
            ("DEMO_MODE_A".into(), "enumerator-macro".into()),
            ("DEMO_MODE_B".into(), "defined-twice".into()),
            ("DEMO_NOARGS".into(), "c-macro-params".into()),
            ("DEMO_SET_RATIO".into(), "depends".into()),
            ("DEMO_STMT".into(), "c-macro-form".into()),
            ("demo_member".into(), "c-macro-form".into()),
            ("demo_typedef_t".into(), "typedef-record".into()),
            ("enum demo_color".into(), "enumerator-macro".into()),
            ("struct demo_float".into(), "float".into()),
            ("struct demo_packed_aligned".into(), "packed".into()),
        ]
    );
    assert_eq!(r["refused_by_kind"]["float"], 1);
    // DEMO_MAX, DEMO_REG (##), DEMO_LOG (...), DEMO_HAVE_RESET (no value), DEMO_REGS_MAX (no
    // integer here).
    assert_eq!(r["c_macros"], 5);
    // The round trip on both 64-bit targets: every imported record and value as the original.
    let verify = r["verify"].as_array().unwrap();
    let targets: Vec<&str> = verify.iter().map(|v| v["target"].as_str().unwrap()).collect();
    // s390x too: `demo_vcpu` has a field there only.
    assert_eq!(targets, ["x86_64", "aarch64", "s390x"]);
    for v in verify {
        assert_eq!(v["differences"].as_array().unwrap().len(), 0, "{v}");
        assert_eq!((v["records"].as_u64(), v["records_identical"].as_u64()), (Some(11), Some(11)), "{v}");
        assert_eq!(v["values"], v["values_identical"], "{v}");
        // The 5 C macros, and the 3 enumerators the original `#define`s (`c_defines`).
        assert_eq!((v["c_macros"].as_u64(), v["c_macros_identical"].as_u64()), (Some(8), Some(8)), "{v}");
        assert!(v["values"].as_u64().unwrap() >= 15, "{v}");
    }
    // Every change made to fit the language is reported.
    let changes: Vec<&str> = r["changes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    for expected in [
        "struct demo_info: `__pad0: u32` added before `size`: an implicit hole of 4 byte(s) in C",
        "struct demo_legacy: `offset` is `long`: imported as `i64`",
        "struct demo_legacy: `buffer` is a pointer (`__u32 *`)",
        "struct demo_bits: unnamed bit-field `:4` named `__pad_bits0`",
        "struct demo_wire is packed in C (`len` is at offset 1",
        "struct demo_event is packed in C (aligned to 1 in C, its fields to 8): imported as `#[uabi(packed)]`",
        "union demo_packed_union is packed",
        "struct demo_packed_natural: `packed` dropped: every field is at its natural offset, so only the record's alignment changes (1 in C, 8 here)",
        "enum demo_dev_type: each enumerator is also `#define`d by its own name",
        "`#[uabi(c_defines)]`, which defines every one, also the 3 the original does not",
        "the 3 enumerators of an anonymous enum",
        // What the model refuses, written otherwise: a mask that shares the flags' bits is a
        // constant of the header; a number used twice goes to a namespace of its own.
        "DEMO_INFO_FLAG_ALL: not a flag of `flags`",
        "DEMO_RESET_GROUP: has the number of `DEMO_RESET`: in its own namespace `demo_reset_group`",
    ] {
        assert!(changes.iter().any(|c| c.starts_with(expected) || c.contains(expected)), "no change {expected:?} in {changes:#?}");
    }
    let module = std::fs::read_to_string(&rs).unwrap();
    assert!(module.contains("        #[uabi(arch = s390)]\n        pub psw_mask: u64,\n"), "a field of one family: {module}");
    for expected in [
        "    #[uabi(packed)]\n    pub struct DemoWire {\n        pub kind: u8,\n        pub len: u16,\n",
        "    #[uabi(packed)]\n    pub struct DemoEvent {",
        "    #[uabi(c_macro)]\n    macro_rules! DEMO_REG {\n        (name) => { DEMO_REG_ ## name };\n    }\n",
        "    macro_rules! DEMO_LOG {\n        (fmt, ...) => { demo_log(fmt, __VA_ARGS__) };\n",
        "    macro_rules! DEMO_HAVE_RESET {\n        () => {};\n",
        "    macro_rules! DEMO_REGS_MAX {\n        () => { ((PAGE_SIZE - sizeof(struct demo_info)) / sizeof(__u64)) };\n",
        "    #[uabi(prefix = \"DEMO_DEV_TYPE_\", c_defines)]\n",
    ] {
        assert!(module.contains(expected), "{expected:?} in {module}");
    }
    snapshot(&dir().join("demo_import.rs"), &module);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_text_report_names_every_change_refusal_and_round_trip() {
    let out = scratch("text");
    let o = uabi(&[&"import", &"-I", &".", &"demo/import.h", &"-o", &out.join("demo.rs"), &"--verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "the report is diagnostics, on stderr");
    snapshot(&dir().join("demo_import.txt"), &text(&o.stderr).replace(&out.display().to_string(), "OUT"));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_module_goes_through_the_rest_of_the_pipeline() {
    let out = scratch("pipeline");
    let rs = out.join("demo.rs");
    assert_eq!(uabi(&[&"import", &"-I", &".", &"demo/import.h", &"-o", &rs]).status.code(), Some(1));
    let o = uabi(&[&"header", &rs, &"-o", &out.join("include")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let h = std::fs::read_to_string(out.join("include/demo/import.h")).unwrap();
    // The original's guard and include, a field's flags after it, C's own spellings.
    assert!(h.contains("#ifndef _DEMO_IMPORT_H\n#define _DEMO_IMPORT_H\n"), "{h}");
    assert!(h.contains("#include <asm/demo.h>"), "{h}");
    assert!(h.contains("\t__u32 flags;\n\t/* the device can be reset */\n#define DEMO_INFO_FLAG_RESET"), "{h}");
    assert!(h.contains("#define DEMO_TYPE                               ';'"), "{h}");
    assert!(h.contains("\t__u32 type : 16;"), "{h}");
    assert!(h.contains("\tunion {\n\t\t__u32 *buffer;\n\t\t__u64 buffer_u64;\n\t};"), "{h}");
    // C macros as C wrote them (a body of several tokens in parentheses), an enum's
    // enumerators defined again, packed records.
    for expected in [
        "#define DEMO_REG(name)                          (DEMO_REG_ ## name)\n",
        "#define DEMO_LOG(fmt, ...)                      (demo_log(fmt, __VA_ARGS__))\n",
        "#define DEMO_HAVE_RESET\n",
        "#define DEMO_DEV_TYPE_A DEMO_DEV_TYPE_A\n",
        "\t__u16 len;\n} __attribute__((packed));",
    ] {
        assert!(h.contains(expected), "{expected:?} in {h}");
    }
    let o = uabi(&[&"report", &rs, &"--format", &"summary"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_header_the_language_says_whole_imports_with_status_0() {
    let out = scratch("clean");
    let rs = out.join("sub/dir/clean.rs");
    let o = uabi(&[&"import", &"-I", &".", &"demo/clean.h", &"-o", &rs, &"--verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let m = std::fs::read_to_string(&rs).unwrap();
    assert!(m.contains("#[uabi::abi(header = \"demo/clean.h\", guard = \"_DEMO_CLEAN_H\")]"), "{m}");
    assert!(m.contains("#[uabi(aligned)]\n        pub addr: u64,"), "`__aligned_u64` keeps its alignment: {m}");
    assert!(m.contains("pub const CLEAN_SET: Ioctl<CleanArg> = iow!(CLEAN_TYPE, 1, CleanArg);"), "{m}");
    // The same input, the same bytes; no temporary file left beside the output.
    assert_eq!(uabi(&[&"import", &"-I", &".", &"demo/clean.h", &"-o", &rs]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&rs).unwrap(), m);
    let left: Vec<_> = std::fs::read_dir(rs.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["clean.rs"]);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_header_below_no_root_is_named_as_c_would_include_it() {
    let out = scratch("paths");
    for (given, header) in [("./demo/clean.h", "demo/clean.h"), ("demo/../demo/clean.h", "clean.h")] {
        let rs = out.join("clean.rs");
        // No -I: <linux/types.h> is the system's.
        let o = uabi(&[&"import", &given, &"-o", &rs]);
        assert_eq!(o.status.code(), Some(0), "{given}: {}", text(&o.stderr));
        let m = std::fs::read_to_string(&rs).unwrap();
        assert!(m.contains(&format!("#[uabi::abi(header = \"{header}\"")), "{given}: {m}");
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let out = scratch("bad");
    let rs = out.join("out.rs");
    let cases: Vec<(Vec<&dyn AsRef<std::ffi::OsStr>>, &str)> = vec![
        (vec![&"-I", &".", &"demo/missing.h", &"-o", &rs], "demo/missing.h: no such file nor below any -I directory"),
        (vec![&"-I", &".", &"demo", &"-o", &rs], "demo: is a directory; import takes one header"),
        (vec![&"-I", &"nowhere", &"demo/clean.h", &"-o", &rs], "-I nowhere: No such file or directory"),
        (vec![&"-I", &".", &"demo/broken.h", &"-o", &rs], "demo/broken.h: does not compile for any target"),
        (vec![&"-I", &".", &"linux/types.h", &"-o", &rs], "linux/types.h: <linux/types.h> or <linux/ioctl.h> includes it"),
        (vec![&"-I", &".", &"demo/clean.h", &"-o", &out], "is a directory; name the Rust file to write"),
    ];
    for (args, message) in cases {
        let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"import"];
        all.extend(args);
        let o = uabi(&all);
        assert_eq!(o.status.code(), Some(2), "{message}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains(message), "wanted {message:?} in:\n{}", text(&o.stderr));
        assert!(!rs.exists(), "{message}: nothing is written");
    }
    // A usage error (no -o) is clap's, with its status 2.
    assert_eq!(uabi(&[&"import", &"demo/clean.h"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&out);
}
