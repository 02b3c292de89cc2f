//! Golden tests: each `golden/NAME.rs` is expanded by the model into Rust, a C header and a
//! layout-assert file, and compared with the reviewed snapshots beside it. After a deliberate
//! change, re-bless with `UABI_BLESS=1 cargo test -p uabi-model --test golden` and review the diff.

use std::fs;
use std::path::Path;

fn check(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UABI_BLESS").is_some() {
        fs::write(path, actual).unwrap();
        return;
    }
    match fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(_) => failures.push(format!("{} differs (UABI_BLESS=1 to re-bless after review)", path.display())),
        Err(_) => failures.push(format!("{} is missing (UABI_BLESS=1 to create it)", path.display())),
    }
}

#[test]
fn golden_expansions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !name.ends_with(".rs") || name.ends_with(".expanded.rs") {
            continue;
        }
        seen += 1;
        let stem = name.trim_end_matches(".rs");
        let source = fs::read_to_string(&path).unwrap();
        let abis = uabi_model::abis_in_file(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        for abi in &abis {
            let tokens = uabi_model::rust(abi);
            let expanded = prettyplease::unparse(&syn::parse2(tokens).unwrap());
            check(&dir.join(format!("{stem}.expanded.rs")), &expanded, &mut failures);
            let src = uabi_model::c::Source { path: &format!("model/tests/golden/{name}") };
            check(&dir.join(format!("{stem}.h")), &uabi_model::c::header(abi, &src), &mut failures);
            check(&dir.join(format!("{stem}_layout.c")), &uabi_model::c::layout_asserts(abi), &mut failures);
        }
    }
    assert!(seen > 0, "no golden inputs found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A module of more records than one chunk (`expand::CHUNK`, 32) gets one assertion
/// block and one type-check closure per chunk, and each record's checks exactly once.
#[test]
fn shared_checks_are_chunked() {
    let n: usize = 70;
    let mut src = String::from("#[uabi::abi]\npub mod many {\n");
    for k in 0..n {
        src += &format!(
            "    /// Request {k}.\n    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]\n    pub struct Many{k} {{\n        /// Size.\n        pub argsz: u32,\n        /// Flags.\n        pub flags: u32,\n        /// An address.\n        pub addr: u64,\n    }}\n"
        );
    }
    src += "}\n";
    let abis = uabi_model::abis_in_file(&src).unwrap();
    let expanded = prettyplease::unparse(&syn::parse2(uabi_model::rust(&abis[0])).unwrap());
    let chunks = n.div_ceil(32);
    assert_eq!(expanded.matches("const _: () = ::uabi::__private::check_layout(").count(), chunks, "{expanded}");
    // The type checks are one per distinct spelling, so the later chunks, whose fields are all
    // spelled as the first chunk's, need no closure of their own.
    assert_eq!(expanded.matches("const _: fn() = || {").count(), 1);
    for k in 0..n {
        let size = format!("::core::mem::size_of::<Many{k}>(),");
        assert_eq!(expanded.matches(&size).count(), 1, "Many{k}");
    }
}
