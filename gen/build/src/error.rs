//! What can go wrong, with the exit status the `uabi` command gives each.

use std::fmt;
use std::path::PathBuf;

use crate::compat::CompatReport;

/// An error of a run. `Display` gives the whole message, ready to print.
#[derive(Debug)]
pub enum Error {
    /// A file or directory could not be read or written.
    Io { path: PathBuf, action: &'static str, source: std::io::Error },
    /// A directory given as input holds no `.rs` file.
    NoSources { dir: PathBuf },
    /// A file, or every file of a directory, given as input defines no `#[uabi::abi]` module.
    NoAbi { path: PathBuf },
    /// Definitions with errors: every error of every file, rendered with its source line.
    Definitions {
        count: usize,
        rendered: String,
        /// The files whose modules have errors: the errors `#[uabi::abi]` reports too, wherever
        /// rustc compiles those modules. Empty for errors between files (two modules claiming
        /// one header), which only the build API sees.
        files: Vec<PathBuf>,
    },
    /// No output directory was given and `OUT_DIR` is not set (not running in a build script).
    NoOutDir,
    /// There is no ABI lock at the path to check against.
    LockMissing { path: PathBuf },
    /// The ABI lock is not JSON, or not a lock.
    LockMalformed { path: PathBuf, reason: String },
    /// The ABI lock was written by a newer uabi, in a format this one does not read.
    LockNewer { path: PathBuf, found: u64, supported: u32 },
    /// The ABI lock covers other modules than the definitions given.
    LockModules { path: PathBuf, locked: Vec<String>, given: Vec<String> },
    /// A rename to record (`OLD=NEW`) that does not name an item of the definitions.
    BadRename { rename: String, reason: String },
    /// [`Builder::write_lock`](crate::Builder::write_lock) was asked to record changes the lock
    /// refuses (incompatible ones, unrecorded renames) without
    /// [`allow_incompatible`](crate::Builder::allow_incompatible): nothing was written.
    LockRefused { path: PathBuf, report: CompatReport },
}

impl Error {
    /// The `uabi` command's exit status: 1 for errors in the definitions and for changes the
    /// lock refuses to record, 2 for usage and I/O (every other lock error included: a check
    /// that could not run is not a verdict on the ABI).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Definitions { .. } | Error::LockRefused { .. } => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, action, source } => write!(f, "error: cannot {action} {}: {source}", path.display()),
            Error::NoSources { dir } => write!(f, "error: {}: the directory has no `.rs` file", dir.display()),
            Error::NoAbi { path } => write!(
                f,
                "error: {}: no `#[uabi::abi]` module here\nhelp: an ABI is an inline module under `#[uabi::abi(header = \"linux/name.h\")]` at the top level of the file",
                path.display()
            ),
            Error::Definitions { count, rendered, .. } => {
                let s = if *count == 1 { "" } else { "s" };
                write!(f, "{rendered}error: the ABI definitions have {count} error{s}")
            }
            Error::NoOutDir => write!(f, "error: no output directory: OUT_DIR is not set (this is not a build script)\nhelp: call `.out_dir(..)` on the builder"),
            Error::LockMissing { path } => write!(
                f,
                "error: {}: no ABI lock here\nhelp: write it with `uabi lock --lock {} FILE...` and commit it",
                path.display(),
                path.display()
            ),
            Error::LockMalformed { path, reason } => write!(
                f,
                "error: {}: not a readable ABI lock: {reason}\nhelp: restore it from version control, or delete it and run `uabi lock` to write a new one",
                path.display()
            ),
            Error::LockNewer { path, found, supported } => write!(
                f,
                "error: {}: lock format {found} is newer than this uabi reads (format {supported})\nhelp: use the uabi version that wrote it, or a newer one",
                path.display()
            ),
            Error::LockModules { path, locked, given } => write!(
                f,
                "error: {}: the lock covers the modules [{}] but the definitions given define [{}]\nhelp: give the files the lock was written for, or use one lock per set of modules (`uabi lock` adds new modules to a lock, never drops one)",
                path.display(),
                locked.join(", "),
                given.join(", ")
            ),
            Error::BadRename { rename, reason } => write!(f, "error: --rename {rename}: {reason}"),
            Error::LockRefused { path, report } => {
                let n = report.refused().count();
                for change in report.refused() {
                    writeln!(f, "error: {change}")?;
                }
                write!(f, "error: {}: not written: the lock refuses {n} change{}", path.display(), if n == 1 { "" } else { "s" })?;
                if let Some(help) = report.refusal_help() {
                    write!(f, "\n{help}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
