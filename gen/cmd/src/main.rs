//! `uabi`: the C headers, layout report and ABI lock of `#[uabi::abi]` modules, from the
//! command line.
//!
//! Exit status: 0 success; 1 the definitions have errors (each printed with its source line);
//! 2 usage or I/O errors (a missing file, a directory without `.rs` files, a file without an
//! ABI module, an unwritable output directory).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "uabi", version, about = "C headers, layout reports and ABI locks of #[uabi::abi] modules")]
#[command(after_help = "Exit status: 0 success, 1 errors in the definitions, 2 usage or I/O errors.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write each module's C header at DIR/<header path>, and its layout assertions at
    /// DIR/checks/<header path without .h>_layout.c.
    Header {
        /// Rust files holding `#[uabi::abi]` modules, or directories of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The output directory.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
    /// Print the layout of every struct (offsets, sizes, versions, alignments per architecture).
    Report {
        /// Rust files holding `#[uabi::abi]` modules, or directories of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// pahole-style text.
    Text,
    /// The machine-readable description of every module.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(command: Command) -> Result<(), uabi_build::Error> {
    match command {
        Command::Header { files, output } => {
            let generated = uabi_build::Builder::new().files(&files).out_dir(&output).try_build()?;
            let mut text = String::new();
            for f in &generated.files {
                let state = if generated.written.contains(f) { "written" } else { "up to date" };
                text.push_str(&format!("{}: {state}\n", f.display()));
            }
            print_out(&text);
        }
        Command::Report { files, format } => {
            let sources = uabi_build::load(&files)?;
            match format {
                Format::Text => print_out(&uabi_build::report(&sources).0),
                Format::Json => print_out(&uabi_build::describe(&sources).to_json()),
            }
        }
    }
    Ok(())
}

/// Prints to stdout; a reader that went away (`uabi report .. | head`) is not an error of ours.
fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
