//! Writes the C headers under `headers/` from the ABI definitions in `abi/src/defs`, with the
//! same model the `#[uabi::abi]` macro uses. Only files whose bytes change are written.

use std::path::Path;

use uabi_model::generate;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=abi/src/defs");
    for path in generate::source_paths(root).expect("abi/src/defs is readable") {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let sources = match generate::load(root) {
        Ok(s) => s,
        Err(errors) => {
            // One line per error, `file:line:column: error: ..`, as compilers print them.
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let outputs = generate::outputs(&sources);
    if let Err(e) = generate::write_changed(&root.join("headers"), &outputs) {
        eprintln!("headers/: {e}");
        std::process::exit(1);
    }
}
