//! `scripts/regen.sh`, the workspace's main job, on a tree of its own: a copy of the script
//! beside a small `linux/src`, run with this build's `uabi` (`UABI`). It prints the headers it
//! wrote, a count, the report's summary line and a hint; the whole report only with `--full`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ABI: &str = r#"#[uabi::abi(header = "linux/demo.h")]
pub mod demo {
    pub const DEMO_TYPE: u8 = b'D';

    /// Argument of DEMO_GET_INFO.
    pub struct DemoInfo {
        pub argsz: u32,
        #[flags { DEMO_FLAG_A = 1 << 0 }]
        pub flags: u32,
        #[uabi(since = 2, aligned)]
        pub base: u64,
    }

    pub const DEMO_GET_INFO: Ioctl<DemoInfo> = io!(DEMO_TYPE, 1);
}
"#;

struct Tree(PathBuf);

impl Tree {
    /// `scripts/regen.sh` (copied from this workspace) and `linux/src/demo.rs`.
    fn new(tag: &str) -> Tree {
        let root = std::env::temp_dir().join(format!("uabi-regen-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("scripts")).unwrap();
        std::fs::create_dir_all(root.join("linux/src")).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/regen.sh");
        std::fs::copy(script, root.join("scripts/regen.sh")).unwrap();
        std::fs::write(root.join("linux/src/demo.rs"), ABI).unwrap();
        Tree(root)
    }

    fn regen(&self, args: &[&str]) -> Output {
        self.regen_with(args, None)
    }

    /// With `UABI_REPORT` set to `report`, or unset.
    fn regen_with(&self, args: &[&str], report: Option<&str>) -> Output {
        let mut cmd = Command::new("bash");
        cmd.arg(self.0.join("scripts/regen.sh")).args(args).env("UABI", env!("CARGO_BIN_EXE_uabi")).env_remove("UABI_REPORT");
        if let Some(v) = report {
            cmd.env("UABI_REPORT", v);
        }
        cmd.output().unwrap()
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SUMMARY: &str = "summary: 1 ABI modules, 1 structs, 0 unions, 0 enums, 2 constants, 1 ioctls, 0 bytes of holes\n";
const HINT: &str = "(the layout of every struct: ./scripts/regen.sh --full)\n";

#[test]
fn prints_what_changed_and_the_summary_not_the_report() {
    let t = Tree::new("summary");
    let out = t.regen(&[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("headers/linux/demo.h: written\nheaders/checks/linux/demo_layout.c: written\nheaders/: 2 written, 0 up to date\n{SUMMARY}{HINT}"));
    assert!(t.0.join("headers/linux/demo.h").exists());
    // Again: nothing to write.
    let out = t.regen(&[]);
    assert_eq!(text(&out.stdout), format!("headers/: 0 written, 2 up to date\n{SUMMARY}{HINT}"));
}

#[test]
fn the_full_report_on_request_after_the_summary() {
    let t = Tree::new("full");
    for (args, env) in [(&["--full"][..], None), (&[][..], Some("full"))] {
        let out = t.regen_with(args, env);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let report = text(&Command::new(env!("CARGO_BIN_EXE_uabi")).args(["report", "linux/src"]).current_dir(&t.0).output().unwrap().stdout);
        let (head, rest) = stdout.split_once(SUMMARY).unwrap_or_else(|| panic!("no summary line:\n{stdout}"));
        assert!(head.ends_with(" up to date\n"), "the headers come first:\n{stdout}");
        assert_eq!(rest, format!("\n{report}"), "then the whole report, with no hint");
        assert!(rest.contains("struct demo_info {"), "{rest}");
    }
}

#[test]
fn a_bad_option_or_definition_fails() {
    let t = Tree::new("bad");
    let out = t.regen(&["--fulll"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("usage:"), "{}", text(&out.stderr));
    std::fs::write(t.0.join("linux/src/demo.rs"), ABI.replace("pub flags: u32,", "pub flags: usize,")).unwrap();
    let out = t.regen(&[]);
    assert_eq!(out.status.code(), Some(1), "the command's status for definition errors");
    assert!(text(&out.stderr).contains("--> linux/src/demo.rs:"), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "nothing after a failed regeneration");
    assert!(!t.0.join("headers").exists(), "nothing written");
}
