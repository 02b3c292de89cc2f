//! The main job: regenerate the C headers under `headers/` and print the ABI report.
//!
//! `cargo run` from the workspace root. The build script already wrote the headers; doing it
//! again here keeps the command meaningful on its own (for example after a hand edit of a
//! generated file) and lets it say what changed.

use std::path::Path;
use std::process::ExitCode;

use uabi_model::{generate, report};

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = match generate::load(root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let outputs = generate::outputs(&sources);
    match generate::write_changed(&root.join("headers"), &outputs) {
        Ok(written) => {
            for o in &outputs {
                let path = root.join("headers").join(&o.path);
                let state = if written.contains(&path) { "written" } else { "up to date" };
                println!("headers/{}: {state}", o.path.display());
            }
        }
        Err(e) => {
            eprintln!("headers/: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!();
    let (text, totals) = report::report(&sources);
    print!("{text}");
    if totals.holes > 0 {
        eprintln!("error: the ABI has holes");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
