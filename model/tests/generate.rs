//! The header writer as the build script uses it: errors located at file:line:column, and
//! files written only when their bytes change.

use std::fs;
use std::path::PathBuf;

use uabi_model::generate;

fn workspace(tag: &str, defs: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("uabi-generate-{tag}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("abi/src/defs")).unwrap();
    for (name, text) in defs {
        fs::write(root.join("abi/src/defs").join(name), text).unwrap();
    }
    root
}

const GOOD: &str = r#"#[uabi::abi(header = "test/good.h")]
pub mod good {
    pub struct GoodInfo {
        pub argsz: u32,
        pub flags: u32,
    }
}
"#;

const BAD: &str = r#"#[uabi::abi(header = "test/bad.h")]
pub mod bad {
    pub struct BadInfo {
        pub argsz: u32,
        pub len: usize,
        pub ok: bool,
    }
}
"#;

#[test]
fn errors_name_file_line_and_column_of_each_problem() {
    let root = workspace("errors", &[("bad.rs", BAD), ("good.rs", GOOD)]);
    let err = generate::load(&root).err().expect("a bad definition is an error");
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("abi/src/defs/bad.rs:5:18: error: field `len`: `usize`"), "{err}");
    assert!(lines[1].starts_with("abi/src/defs/bad.rs:6:17: error: field `ok`: `bool`"), "{err}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_syntax_error_is_located_too() {
    let root = workspace("syntax", &[("broken.rs", "#[uabi::abi] pub mod x { pub struct S { a: u32 }\n")]);
    let err = generate::load(&root).err().expect("unbalanced braces are an error");
    assert!(err.starts_with("abi/src/defs/broken.rs:"), "{err}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn outputs_are_written_only_when_their_bytes_change() {
    let root = workspace("write", &[("good.rs", GOOD)]);
    let outputs = generate::outputs(&generate::load(&root).unwrap());
    let names: Vec<_> = outputs.iter().map(|o| o.path.display().to_string()).collect();
    assert_eq!(names, ["test/good.h", "checks/test/good_layout.c"]);
    let dir = root.join("headers");
    assert_eq!(generate::write_changed(&dir, &outputs).unwrap().len(), 2);
    assert!(generate::write_changed(&dir, &outputs).unwrap().is_empty(), "unchanged bytes are not rewritten");
    fs::write(dir.join("test/good.h"), "edited by hand").unwrap();
    assert_eq!(generate::write_changed(&dir, &outputs).unwrap(), [dir.join("test/good.h")]);
    fs::remove_dir_all(root).unwrap();
}
