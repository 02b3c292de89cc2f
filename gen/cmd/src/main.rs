//! `uabi`: the C headers, layout report and ABI lock of `#[uabi::abi]` modules, from the
//! command line.
//!
//! Exit status: 0 success; 1 the definitions have errors (each printed with its source line),
//! or the lock refuses a change (`uabi check`, and `uabi lock` without `--allow-incompatible`);
//! 2 usage or I/O errors (a missing file, a directory without
//! `.rs` files, a file without an ABI module, an unwritable output directory; a missing,
//! malformed or newer lock, or a lock for other modules).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "uabi", version, about = "C headers, layout reports and ABI locks of #[uabi::abi] modules")]
#[command(after_help = "Exit status: 0 success, 1 errors in the definitions or a change the ABI lock refuses, 2 usage or I/O errors (other lock errors included).")]
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
    /// Write or update the ABI lock: the deliberate step that blesses the current definitions.
    /// Lists the changes it blesses; keeps the rename notes of the previous lock. A change the
    /// lock refuses (as `uabi check` would) is printed and nothing is written (exit 1), unless
    /// it is a rename given with --rename or --allow-incompatible is given.
    Lock {
        /// Rust files holding `#[uabi::abi]` modules, or directories of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The lock file (JSON).
        #[arg(long, value_name = "PATH")]
        lock: PathBuf,
        /// Record a deliberate rename, so that `uabi check` accepts it: NEW is a constant, flag,
        /// enum value or ioctl by its C name, or a field as `record.field`. Repeatable.
        #[arg(long, value_name = "OLD=NEW", value_parser = parse_rename)]
        rename: Vec<(String, String)>,
        /// Record the definitions even where they break the locked ABI (an incompatible change,
        /// a rename not given with --rename): binaries or sources built against the previous
        /// lock may no longer work.
        #[arg(long)]
        allow_incompatible: bool,
    },
    /// Compare the definitions with the ABI lock, writing nothing: exit 0 when nothing changed
    /// or only compatible additions were made (listed), 1 on any incompatible or unrecorded
    /// source-only change (one message each), 2 when the check cannot run.
    Check {
        /// Rust files holding `#[uabi::abi]` modules, or directories of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The lock file (JSON) written by `uabi lock`.
        #[arg(long, value_name = "PATH")]
        lock: PathBuf,
    },
}

fn parse_rename(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((old, new)) if !old.is_empty() && !new.is_empty() => Ok((old.to_string(), new.to_string())),
        _ => Err(format!("`{s}` is not OLD=NEW")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// pahole-style text.
    Text,
    /// The machine-readable description of every module.
    Json,
    /// The text report's last line alone: how many modules, structs, unions, enums, constants
    /// and ioctls, and the bytes of holes.
    Summary,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(command: Command) -> Result<ExitCode, uabi_build::Error> {
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
                Format::Summary => {
                    let (text, _) = uabi_build::report(&sources);
                    print_out(&format!("{}\n", text.lines().last().unwrap_or_default()));
                }
            }
        }
        Command::Lock { files, lock, rename, allow_incompatible } => {
            let builder = rename.into_iter().fold(uabi_build::Builder::new().files(&files), |b, (old, new)| b.rename(old, new));
            let update = builder.allow_incompatible(allow_incompatible).write_lock(&lock)?;
            if let Some(report) = &update.blessed {
                // The first line of each: the help lines say how to get a change past the lock,
                // which no longer applies to one it has just recorded.
                for change in &report.changes {
                    println!("blessed: {}", change.to_string().lines().next().unwrap_or_default());
                }
                let n = report.refused().count();
                if n > 0 {
                    eprintln!(
                        "warning: {}: recorded {n} change{} the lock refused (--allow-incompatible): binaries or sources built against the previous lock may break",
                        lock.display(),
                        if n == 1 { "" } else { "s" }
                    );
                }
            }
            let state = if update.written { "written" } else { "up to date" };
            println!("{}: {state}", lock.display());
        }
        Command::Check { files, lock } => {
            let report = uabi_build::Builder::new().files(&files).check_lock(&lock)?;
            for change in report.accepted() {
                println!("{change}");
            }
            for change in report.refused() {
                eprintln!("error: {change}");
            }
            if let Some(help) = report.refusal_help() {
                let n = report.refused().count();
                eprintln!("error: {}: the ABI lock refuses {n} change{}\n{help}", lock.display(), if n == 1 { "" } else { "s" });
                return Ok(ExitCode::from(1));
            }
            println!("{}: {}", lock.display(), report.to_string().lines().last().unwrap_or_default());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints to stdout; a reader that went away (`uabi report .. | head`) is not an error of ours.
fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
