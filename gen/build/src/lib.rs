//! The build-script API of uabi: from the Rust files that hold `#[uabi::abi]` modules to each
//! module's C UAPI header and its file of layout `_Static_assert`s.
//!
//! ```no_run
//! // build.rs
//! fn main() {
//!     // Writes $OUT_DIR/include/linux/mydrv.h (the `header = ".."` path of the module) and
//!     // $OUT_DIR/include/checks/linux/mydrv_layout.c. A wrong definition writes nothing:
//!     // rustc reports its errors where the crate compiles the module.
//!     uabi_build::Builder::new().file("src/abi.rs").build();
//! }
//! ```
//!
//! To keep the headers in the repository (so that C users need no Rust), name a directory:
//! `.out_dir("include")`. Files are rewritten only when their bytes change, each through a
//! temporary file and a rename, so a reader never sees half a header.
//!
//! The same pipeline backs the `uabi` command (crate `uabi-cli`): [`Builder::try_build`]
//! returns errors (definition errors rendered as rustc renders its own) instead of printing
//! Cargo directives, [`report`] prints the layout report, and [`describe`]
//! gives the machine-readable description that `uabi report --format json` prints.
//!
//! The ABI lock: [`Builder::write_lock`] records that description in a committed file, and
//! [`Builder::check_lock`] compares the definitions with it ([`compare`], a pure function),
//! refusing every change that would break a binary built against the lock, and renames unless
//! the lock records them, so that a crate's `cargo test` keeps its ABI stable.

// The crate example is a whole build script, `fn main` included.
#![allow(clippy::needless_doctest_main)]

mod compat;
mod describe;
mod diagnostic;
mod error;
mod lock;
mod output;
mod source;

use std::path::{Path, PathBuf};

pub use compat::{compare, Change, Class, CompatReport, Rename};
pub use describe::{describe, AbiDescription, Description, DESCRIPTION_FORMAT};
pub use lock::{Lock, RenameNote, LOCK_FORMAT};
pub use error::Error;
pub use output::{checks_path, Output};
pub use source::Source;

/// Configures and runs header generation; see the crate documentation.
#[derive(Debug, Default, Clone)]
pub struct Builder {
    inputs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    /// `(old, new)` renames that [`write_lock`](Self::write_lock) records.
    renames: Vec<(String, String)>,
    /// [`write_lock`](Self::write_lock) records changes the lock refuses.
    allow_incompatible: bool,
}

/// What [`Builder::write_lock`] did.
#[derive(Debug, Clone)]
pub struct LockUpdate {
    /// The changes from the previous lock that this update blessed (`None`: there was none).
    /// Refused ones are among them only under [`Builder::allow_incompatible`].
    pub blessed: Option<CompatReport>,
    /// False when the lock already had these bytes.
    pub written: bool,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The directory to put on a C compiler's include path (`-I`).
    pub include_dir: PathBuf,
    /// Every file generated (headers and layout-assert files), whether rewritten or not.
    pub files: Vec<PathBuf>,
    /// The files whose bytes changed and were written.
    pub written: Vec<PathBuf>,
    /// The ABI source files read, for `rerun-if-changed`.
    pub sources: Vec<PathBuf>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds a Rust source file, or a directory whose `.rs` files (not its subdirectories) are
    /// all read. A named file must define at least one `#[uabi::abi]` module; files of a named
    /// directory without one are skipped, but the directory must define one somewhere.
    pub fn file(mut self, path: impl AsRef<Path>) -> Builder {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds several files or directories, as [`file`](Self::file).
    pub fn files<P: AsRef<Path>>(mut self, paths: impl IntoIterator<Item = P>) -> Builder {
        self.inputs.extend(paths.into_iter().map(|p| p.as_ref().to_path_buf()));
        self
    }

    /// Writes under `dir` instead of `$OUT_DIR/include`: for headers committed to the
    /// repository. A relative path is relative to the build script's working directory, which
    /// Cargo sets to the crate's root.
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Builder {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Records a deliberate rename in the lock [`write_lock`](Self::write_lock) writes: `new`
    /// (a constant, flag, enum value or ioctl by its C name, or a field as `record.field`) was
    /// `old`. The check then accepts that source-only change.
    pub fn rename(mut self, old: impl Into<String>, new: impl Into<String>) -> Builder {
        self.renames.push((old.into(), new.into()));
        self
    }

    /// Lets [`write_lock`](Self::write_lock) record changes the lock refuses: incompatible
    /// changes and renames not recorded with [`rename`](Self::rename). Off by default, so that
    /// breaking the locked ABI is an explicit decision (`uabi lock --allow-incompatible`).
    pub fn allow_incompatible(mut self, allow: bool) -> Builder {
        self.allow_incompatible = allow;
        self
    }

    /// Compares the definitions with the ABI lock at `path`, writing nothing. `Ok` holds the
    /// verdict ([`CompatReport::is_compatible`]) and every change; `Err` means the check could
    /// not run (unreadable definitions, a missing, malformed or newer lock, a lock for other
    /// modules).
    ///
    /// ```no_run
    /// // tests/abi_lock.rs of a driver crate
    /// #[test]
    /// fn abi_is_stable() {
    ///     let report = uabi_build::Builder::new().file("src/abi.rs").check_lock("abi.lock.json").unwrap();
    ///     assert!(report.is_compatible(), "{report}");
    /// }
    /// ```
    pub fn check_lock(&self, path: impl AsRef<Path>) -> Result<CompatReport, Error> {
        let path = path.as_ref();
        let current = describe(&source::load(&self.inputs)?);
        let lock = Lock::read(path)?;
        lock::same_modules(path, &lock, &current)?;
        Ok(compat::compare(&lock.abi, &lock.renames, &current))
    }

    /// Writes (or updates) the ABI lock at `path` from the definitions: the deliberate bless
    /// step. Keeps the rename notes of the previous lock and adds those given with
    /// [`rename`](Self::rename). Refuses, writing nothing, a previous lock that is malformed or
    /// newer, or that covers a module the definitions no longer define, and, unless
    /// [`allow_incompatible`](Self::allow_incompatible), any change the check refuses
    /// ([`Error::LockRefused`], listing them).
    pub fn write_lock(&self, path: impl AsRef<Path>) -> Result<LockUpdate, Error> {
        let path = path.as_ref();
        let current = describe(&source::load(&self.inputs)?);
        let previous = Lock::read_if_exists(path)?;
        let mut notes = previous.as_ref().map(|l| l.renames.clone()).unwrap_or_default();
        for (old, new) in &self.renames {
            let note = lock::rename_note(&current, old, new)?;
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        notes.sort();
        let blessed = match &previous {
            Some(prev) => {
                // A module left out is most likely the wrong lock or the wrong files: dropping its
                // record silently would unlock it.
                if prev.modules.iter().any(|m| !current.modules.iter().any(|c| &c.module == m)) {
                    return Err(Error::LockModules {
                        path: path.to_path_buf(),
                        locked: prev.modules.clone(),
                        given: current.modules.iter().map(|m| m.module.clone()).collect(),
                    });
                }
                let report = compat::compare(&prev.abi, &notes, &current);
                if !report.is_compatible() && !self.allow_incompatible {
                    return Err(Error::LockRefused { path: path.to_path_buf(), report });
                }
                Some(report)
            }
            None => None,
        };
        let written = Lock::new(current, notes).write(path)?;
        Ok(LockUpdate { blessed, written })
    }

    /// Reads and checks every source, then writes the outputs. Nothing is written unless every
    /// source is free of errors.
    pub fn try_build(&self) -> Result<Generated, Error> {
        let dir = self.dir()?;
        let sources = source::load(&self.inputs)?;
        let outputs = output::outputs(&sources)?;
        let written = output::write_changed(&dir, &outputs)?;
        Ok(Generated {
            files: outputs.iter().map(|o| dir.join(&o.path)).collect(),
            include_dir: dir,
            written,
            sources: sources.into_iter().map(|s| s.path).collect(),
        })
    }

    /// The output directory: the one given, else `$OUT_DIR/include`.
    fn dir(&self) -> Result<PathBuf, Error> {
        match (&self.out_dir, std::env::var_os("OUT_DIR")) {
            (Some(d), _) => Ok(d.clone()),
            (None, Some(d)) => Ok(PathBuf::from(d).join("include")),
            (None, None) => Err(Error::NoOutDir),
        }
    }

    /// [`try_build`](Self::try_build) for a build script. Prints `cargo:rerun-if-changed` for
    /// every input; when writing to `OUT_DIR` (no [`out_dir`](Self::out_dir)), also
    /// `cargo:rustc-env=UABI_INCLUDE_DIR=<dir>` (so the crate can `env!` it) and
    /// `cargo:include=<dir>` (for dependents of a crate with `links`).
    ///
    /// Errors in the definitions are left to rustc. `#[uabi::abi]` runs the same model, so
    /// where the crate compiles the module, rustc reports each error as its own, on the tokens
    /// at fault; a build script's output cannot look like that, Cargo wraps it. The build
    /// script then writes nothing, says so in one `cargo:warning` naming the files, and returns
    /// a [`Generated`] without files. A file the crate does not compile (another crate's module,
    /// one behind a cfg that is off) gets no other report: check such files in CI with
    /// `uabi header` or `uabi check`, which fail on them.
    ///
    /// Any other error (a missing file, a file without an ABI module, two modules claiming one
    /// header, an unwritable directory) fails the build script through Cargo's `cargo::error`
    /// directive, one line each, with no panic and no wrapper around them.
    pub fn build(&self) -> Generated {
        for input in &self.inputs {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        let generated = match self.try_build() {
            Ok(generated) => {
                for s in &generated.sources {
                    println!("cargo:rerun-if-changed={}", s.display());
                }
                generated
            }
            Err(Error::Definitions { count, files, .. }) if !files.is_empty() => {
                warn_left_to_rustc(count, &files);
                match self.dir() {
                    Ok(dir) => Generated { include_dir: dir, files: Vec::new(), written: Vec::new(), sources: files },
                    Err(e) => fail_build_script(&e),
                }
            }
            Err(e) => fail_build_script(&e),
        };
        // Also after errors left to rustc: an `env!("UABI_INCLUDE_DIR")` in the crate must not
        // add an error of its own to the ones rustc reports.
        if self.out_dir.is_none() {
            println!("cargo:rustc-env=UABI_INCLUDE_DIR={}", generated.include_dir.display());
            println!("cargo:include={}", generated.include_dir.display());
        }
        generated
    }
}

/// The one line a build script prints when it leaves definition errors to rustc. Once per set
/// of files in a process: a build script that writes the same definitions twice (into
/// `OUT_DIR` and into a committed directory) says it once.
fn warn_left_to_rustc(count: usize, files: &[PathBuf]) {
    static WARNED: std::sync::Mutex<Vec<Vec<PathBuf>>> = std::sync::Mutex::new(Vec::new());
    let mut warned = WARNED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if warned.iter().any(|w| w == files) {
        return;
    }
    warned.push(files.to_vec());
    let shown: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let (s, them) = if count == 1 { ("", "it") } else { ("s", "them") };
    println!(
        "cargo:warning=no C header written: {count} error{s} in the ABI definitions of {}; rustc reports {them} where the crate compiles the module{s}",
        shown.join(", ")
    );
}

/// Fails the build script through Cargo's `cargo::error` directive (Cargo 1.84; this crate
/// needs Rust 1.87): Cargo shows each line as an error of the package and stops the build,
/// without the wrapper it puts around a script that exits with a failure ("failed to run custom
/// build command", a note on backtraces, every line the script printed, indented). So the
/// script exits with success: the directive is what fails the build.
fn fail_build_script(e: &Error) -> ! {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for line in e.to_string().lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "cargo::error={}", line.strip_prefix("error: ").unwrap_or(line));
    }
    let _ = out.flush();
    std::process::exit(0)
}

/// Reads and checks ABI source files (files or directories, as [`Builder::file`]) without
/// writing anything.
pub fn load(inputs: &[PathBuf]) -> Result<Vec<Source>, Error> {
    source::load(inputs)
}

/// Every file a run would write for `sources`, in memory, with its path relative to the output
/// directory. Fails if two modules claim the same header path.
pub fn outputs(sources: &[Source]) -> Result<Vec<Output>, Error> {
    output::outputs(sources)
}

/// Writes `outputs` under `dir`, each only when its bytes differ, each through a temporary file
/// and a rename. Returns the paths written.
pub fn write_changed(dir: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, Error> {
    output::write_changed(dir, outputs)
}

/// The pahole-style layout report of every module of `sources`, and its totals.
pub fn report(sources: &[Source]) -> (String, uabi_model::report::Totals) {
    let paths: Vec<String> = sources.iter().map(|s| s.path.display().to_string()).collect();
    uabi_model::report::report(sources.iter().zip(&paths).flat_map(|(s, p)| s.abis.iter().map(move |a| (p.as_str(), a))))
}
