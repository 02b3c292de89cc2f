//! `uabi`: the C headers, layout report and ABI lock of `#[uabi::abi]` modules, from the
//! command line.
//!
//! Exit status: 0 success; 1 the definitions have errors (each printed with its source line),
//! or the lock refuses a change (`uabi check`, and `uabi lock` without `--allow-incompatible`);
//! 2 usage or I/O errors (a missing file, a directory without
//! `.rs` files, a file without an ABI module, an unwritable output directory; a missing,
//! malformed or newer lock, or a lock for other modules).
//!
//! `uabi lint` (cargo feature `lint`, which brings libclang in at run time) has its own status:
//! 0 clean, 1 findings, 2 usage or I/O errors (see [`lint`]); so has `uabi import` (feature
//! `import`): 0 everything imported, 1 items refused or a round-trip difference, 2 usage or
//! I/O errors (see [`import`]).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

// The IR is shared with `uabi import`, which reads the parts lint does not (macros, enums,
// comments).
#[cfg(feature = "lint")]
#[allow(dead_code)]
mod cheader;
#[cfg(feature = "import")]
mod import;
#[cfg(feature = "lint")]
mod lint;

#[derive(Parser)]
#[command(name = "uabi", version, about = "C headers, layout reports and ABI locks of #[uabi::abi] modules")]
#[command(after_help = "Exit status: 0 success, 1 errors in the definitions, a change the ABI lock refuses, (lint) findings or (import) items refused, 2 usage or I/O errors (other lock errors included).")]
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
    /// Read C UAPI headers with libclang on every Linux ABI and report what is not portable:
    /// `layout` (size or a field offset differs between architectures), `type` (a field that is
    /// not fixed-width), `padding` (implicit holes or tail padding on x86_64). Exit status: 0
    /// clean, 1 findings, 2 usage or I/O errors.
    #[cfg(feature = "lint")]
    Lint {
        /// An include root, as for a C compiler; one in Debian's multiarch layout
        /// (`<triple>/asm/` beside `linux/`) gives each target its own `asm/`. Repeatable.
        #[arg(short = 'I', value_name = "DIR")]
        include: Vec<PathBuf>,
        /// A header (`linux/vfio.h` below an -I root, or a file) or a directory (every `.h`
        /// below it).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also write, per target, `_Static_assert`s of every record's size, alignment and field
        /// offsets as libclang computed them (DIR/<target>/<header>.c), for the target's own C
        /// compiler to confirm. DIR must be new, empty, or written by an earlier run.
        #[arg(long, value_name = "DIR")]
        probes: Option<PathBuf>,
        /// Headers parsed in parallel (default: the number of CPUs).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Print the IR libclang gives for TARGET (Rust debug syntax) instead of linting: what
        /// `uabi import` reads.
        #[arg(long, value_name = "TARGET", hide = true)]
        dump_ir: Option<String>,
    },
    /// Write a #[uabi::abi] module from a C UAPI header: structs, unions, enums, bitfields,
    /// flexible arrays, constants (a field's flags on the field), ioctls and comments, with
    /// each architecture's parts from its own asm/ (an -I root in Debian's multiarch layout).
    /// What the language cannot say is refused with the reason, the rest imported; what had
    /// to change to fit it (padding, 8-byte `long` and pointers) is reported. Exit status: 0
    /// everything imported, 1 some items refused (or --verify found a difference), 2 usage
    /// or I/O errors (nothing written).
    #[cfg(feature = "import")]
    Import {
        /// An include root, as for a C compiler; one in Debian's multiarch layout
        /// (`<triple>/asm/` beside `linux/`) gives each architecture its own `asm/`. Repeatable.
        #[arg(short = 'I', value_name = "DIR")]
        include: Vec<PathBuf>,
        /// The header: `linux/vfio.h` below an -I root (or `asm/kvm.h` in each architecture's
        /// directory of a multiarch root), or a file.
        #[arg(value_name = "HEADER")]
        header: PathBuf,
        /// The Rust file to write (its directory is created).
        #[arg(short, long, value_name = "FILE.rs")]
        output: PathBuf,
        /// Also write the module's C header and read it back on x86_64 and aarch64: every
        /// imported record with the original's members at the same offsets and sizes, every
        /// constant, ioctl and enumerator with the same value.
        #[arg(long)]
        verify: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Architectures parsed in parallel (default: the number of CPUs).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
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
    #[cfg(feature = "lint")]
    if let Command::Lint { include, paths, format, probes, jobs, dump_ir } = cli.command {
        let json = matches!(format, Format::Json);
        return match lint::run(lint::Args { includes: include, paths, json, probes, jobs, dump_ir }) {
            Ok(code) => ExitCode::from(code),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        };
    }
    #[cfg(feature = "import")]
    if let Command::Import { include, header, output, verify, format, jobs } = cli.command {
        let json = matches!(format, Format::Json);
        return match import::run(import::Args { includes: include, header, output, json, verify, jobs }) {
            Ok(code) => ExitCode::from(code),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        };
    }
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
        #[cfg(feature = "lint")]
        Command::Lint { .. } => unreachable!("handled in main"),
        #[cfg(feature = "import")]
        Command::Import { .. } => unreachable!("handled in main"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints to stdout; a reader that went away (`uabi report .. | head`) is not an error of ours.
fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
