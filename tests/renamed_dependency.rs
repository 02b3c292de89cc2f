//! A crate that depends on uabi under another name (`my_uabi = { package = "uabi", .. }`), as
//! serde users do with `crate = ".."`: with `crate = "my_uabi"` the expansion finds the runtime;
//! without it, every path of the expansion (`::uabi::..`) fails to resolve, which proves the
//! argument is what makes it work.

mod common;

use std::process::Command;

use common::TempDir;

fn user_crate(tmp: &TempDir, crate_arg: &str) -> std::path::PathBuf {
    let name = format!("renamed-{}", tmp.path().file_name().unwrap().to_string_lossy());
    tmp.write(
        "user/Cargo.toml",
        &format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[lib]\nname = \"user\"\n\n[dependencies]\nmy_uabi = {{ package = \"uabi\", path = \"{}/abi\" }}\n",
            common::root().display()
        ),
    );
    tmp.write(
        "user/src/lib.rs",
        &format!(
            r#"#[my_uabi::abi(header = "user/renamed.h"{crate_arg})]
pub mod renamed {{
    #[derive(Debug, Default, Clone, Copy)]
    pub struct RenamedInfo {{
        pub argsz: u32,
        #[flags {{ RENAMED_FLAG = 1 << 0 }}]
        pub flags: u32,
    }}
    pub const RENAMED_GET_INFO: Ioctl<RenamedInfo> = io!(b'R', 0);
}}

pub fn check() -> usize {{
    use my_uabi::zerocopy::IntoBytes;
    let info = renamed::RenamedInfo::default();
    assert_eq!(info.argsz, 8);
    assert_eq!(renamed::IOCTLS.len(), 1);
    info.as_bytes().len()
}}
"#
        ),
    );
    std::fs::copy(common::root().join("Cargo.lock"), tmp.path().join("user/Cargo.lock")).unwrap();
    tmp.path().join("user")
}

fn cargo_check(dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", common::root().join("target/renamed-dependency"))
        .current_dir(dir)
        .output()
        .expect("cargo runs")
}

#[test]
fn a_renamed_dependency_works_with_the_crate_argument() {
    let tmp = TempDir::new("renamed-ok");
    let out = cargo_check(&user_crate(&tmp, r#", crate = "my_uabi""#));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn without_the_crate_argument_the_paths_do_not_resolve() {
    let tmp = TempDir::new("renamed-missing");
    let out = cargo_check(&user_crate(&tmp, ""));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("uabi"), "the error names the missing crate:\n{err}");
}
