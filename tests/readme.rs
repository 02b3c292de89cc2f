//! The README's example is real: its Rust block is the golden input `readme_demo.rs`, its C
//! block is part of the reviewed golden header, and its error is the one the model gives.

use std::fs;
use std::path::Path;

fn block<'a>(readme: &'a str, lang: &str) -> &'a str {
    let open = format!("```{lang}\n");
    let start = readme.find(&open).unwrap_or_else(|| panic!("README has a ```{lang} block")) + open.len();
    &readme[start..start + readme[start..].find("```").unwrap()]
}

fn read(rel: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn the_rust_example_is_the_golden_input() {
    let readme = read("README.md");
    let golden = read("model/tests/golden/readme_demo.rs");
    let golden = golden.split_once('\n').unwrap().1; // after the line that points here
    assert_eq!(block(&readme, "rust"), golden, "README.md and model/tests/golden/readme_demo.rs differ");
}

#[test]
fn the_c_example_is_what_the_header_writer_emits() {
    let readme = read("README.md");
    let header = read("model/tests/golden/readme_demo.h");
    assert!(header.contains(block(&readme, "c")), "README.md's C block is not in model/tests/golden/readme_demo.h");
}

#[test]
fn the_error_example_is_the_models_error() {
    let readme = read("README.md");
    let golden = read("model/tests/golden/readme_demo.rs");
    let broken = golden
        .replace("        #[uabi(since = 2)]\n        pub cap_offset: u32,\n", "")
        .replace("#[uabi(since = 2, aligned)]", "#[uabi(since = 2)]");
    assert_ne!(broken, golden);
    let err = uabi_model::abis_in_file(&broken).err().expect("the broken example is refused").to_string();
    let expected = block(&readme, "text");
    let first = expected.lines().next().unwrap().trim_start_matches("error: ");
    let help = expected.lines().nth(1).unwrap().trim();
    assert_eq!(err, format!("{first}\n{help}"));
}
