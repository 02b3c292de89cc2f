//! The ABI lock file: the description of a set of ABI modules as last blessed by `uabi lock`,
//! with the renames the maintainer declared deliberate. JSON through serde, so it diffs line by
//! line in review and any tool can read it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::describe::{Description, DESCRIPTION_FORMAT};
use crate::error::Error;

/// The lock format this version of uabi writes. A lock with a higher number was written by a
/// newer uabi, whose rules this one does not know: it is refused, not guessed at.
///
/// 2: the description inside carries its own format number ([`DESCRIPTION_FORMAT`]) and names
/// every ioctl argument in C (`arg`), with the Rust spelling beside it (`arg_rust`).
/// 1: `arg` of a `_IO` ioctl was the Rust spelling. Still read: [`Lock::parse`] moves such an
/// `arg` to `arg_rust`, and the check compares Rust spellings where a C one is missing, so an
/// old lock keeps passing until `uabi lock` rewrites it.
pub const LOCK_FORMAT: u32 = 2;

/// A lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// [`LOCK_FORMAT`] when written.
    pub format: u32,
    /// The tool that wrote it, for the reader; not checked.
    pub generator: String,
    /// The Rust modules the lock covers, in the description's order.
    pub modules: Vec<String>,
    /// Deliberate renames, kept across updates: the history of source-only changes.
    #[serde(default)]
    pub renames: Vec<RenameNote>,
    /// Every number of every module, as `uabi report --format json` prints it.
    pub abi: Description,
}

/// `name` was deliberately renamed from `renamed_from` in `module` (a field is `record.field`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RenameNote {
    pub module: String,
    pub name: String,
    pub renamed_from: String,
}

impl Lock {
    pub fn new(abi: Description, renames: Vec<RenameNote>) -> Lock {
        Lock {
            format: LOCK_FORMAT,
            generator: concat!("uabi ", env!("CARGO_PKG_VERSION")).to_string(),
            modules: abi.modules.iter().map(|m| m.module.clone()).collect(),
            renames,
            abi,
        }
    }

    /// Pretty JSON ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a lock is plain data: it always serializes");
        s.push('\n');
        s
    }

    /// Parses a lock; `path` only names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Lock, Error> {
        let malformed = |reason: String| Error::LockMalformed { path: path.to_path_buf(), reason };
        // The format number first, so that a newer lock is reported as newer rather than as
        // malformed because its shape changed.
        let value: Value = serde_json::from_str(text).map_err(|e| malformed(e.to_string()))?;
        let format = value.get("format").ok_or_else(|| malformed("no `format` number: this is not a uabi ABI lock".into()))?;
        let format = format.as_u64().ok_or_else(|| malformed(format!("`format` is {format}, not a number")))?;
        if format > u64::from(LOCK_FORMAT) {
            return Err(Error::LockNewer { path: path.to_path_buf(), found: format, supported: LOCK_FORMAT });
        }
        // Parsed again from the text, so that errors carry a line and column.
        let mut lock: Lock = serde_json::from_str(text).map_err(|e| malformed(e.to_string()))?;
        if format == 1 {
            migrate_format_1(&mut lock);
        } else if lock.abi.format != DESCRIPTION_FORMAT {
            return Err(malformed(format!("lock format {format} holds a description of format {}, not {DESCRIPTION_FORMAT}", lock.abi.format)));
        }
        let described: Vec<&str> = lock.abi.modules.iter().map(|m| m.module.as_str()).collect();
        if lock.modules.iter().map(String::as_str).ne(described.iter().copied()) {
            return Err(malformed(format!("`modules` lists {:?} but the description holds {:?}", lock.modules, described)));
        }
        Ok(lock)
    }

    /// Reads the lock at `path`: a missing file is [`Error::LockMissing`].
    pub fn read(path: &Path) -> Result<Lock, Error> {
        match std::fs::read_to_string(path) {
            Ok(text) => Lock::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::LockMissing { path: path.to_path_buf() }),
            Err(source) => Err(Error::Io { path: path.to_path_buf(), action: "read", source }),
        }
    }

    /// Reads the lock at `path` if there is one.
    pub fn read_if_exists(path: &Path) -> Result<Option<Lock>, Error> {
        match Lock::read(path) {
            Ok(l) => Ok(Some(l)),
            Err(Error::LockMissing { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Writes the lock to `path` if its bytes differ, through a temporary file and a rename.
    /// Returns whether it wrote.
    pub fn write(&self, path: &Path) -> Result<bool, Error> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().ok_or_else(|| Error::Io {
            path: path.to_path_buf(),
            action: "write",
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the lock path names no file"),
        })?;
        let out = crate::output::Output { path: PathBuf::from(name), contents: self.to_json() };
        Ok(!crate::output::write_changed(&dir, &[out])?.is_empty())
    }
}

/// Reads a lock of format 1 as format 2: its description had no format number, and a `_IO`
/// ioctl's `arg` was the Rust spelling of the declared type. That spelling moves to `arg_rust`;
/// the C name is unknown (the lock does not say which struct a Rust name was), so `arg` is left
/// out and the check compares the Rust spellings of such an ioctl.
fn migrate_format_1(lock: &mut Lock) {
    lock.format = LOCK_FORMAT;
    lock.abi.format = DESCRIPTION_FORMAT;
    for io in lock.abi.modules.iter_mut().flat_map(|m| &mut m.ioctls) {
        if io.dir == "_IO" && io.arg_rust.is_none() {
            io.arg_rust = io.arg.take();
        }
    }
}

/// Fails unless `lock` covers exactly the modules of `current`.
pub fn same_modules(path: &Path, lock: &Lock, current: &Description) -> Result<(), Error> {
    let given: Vec<String> = current.modules.iter().map(|m| m.module.clone()).collect();
    let mut a = lock.modules.clone();
    let mut b = given.clone();
    a.sort();
    b.sort();
    if a != b {
        return Err(Error::LockModules { path: path.to_path_buf(), locked: lock.modules.clone(), given });
    }
    Ok(())
}

/// The note for `uabi lock --rename OLD=NEW`, in the module of `current` that has NEW (the
/// rename is done, and this lock blesses it) or else OLD (the rename is announced: a later
/// check accepts it).
pub fn rename_note(current: &Description, old: &str, new: &str) -> Result<RenameNote, Error> {
    let bad = |reason: String| Error::BadRename { rename: format!("{old}={new}"), reason };
    if old == new {
        return Err(bad("the two names are the same".into()));
    }
    let having = |name: &str| -> Vec<&str> { current.modules.iter().filter(|m| names(m).iter().any(|n| n == name)).map(|m| m.module.as_str()).collect() };
    let found = match having(new) {
        v if v.is_empty() => having(old),
        v => v,
    };
    match found.as_slice() {
        [one] => Ok(RenameNote { module: one.to_string(), name: new.to_string(), renamed_from: old.to_string() }),
        [] => Err(bad(format!(
            "neither `{new}` nor `{old}` is in the definitions\nhelp: name a constant, flag, enum value or ioctl by its C name, and a field as `record.field` (C names)"
        ))),
        more => Err(bad(format!("the name is in several modules ({}): the note cannot tell which one", more.join(", ")))),
    }
}

/// Every name a rename note can carry in one module.
fn names(m: &crate::describe::AbiDescription) -> Vec<String> {
    let mut out: Vec<String> = m.constants.iter().map(|c| c.name.clone()).collect();
    out.extend(m.ioctls.iter().map(|i| i.name.clone()));
    out.extend(m.enums.iter().flat_map(|e| e.values.iter().map(|v| v.name.clone())));
    for r in &m.records {
        for f in &r.fields {
            out.push(format!("{}.{}", r.name, f.name));
            out.extend(f.flags.iter().map(|c| c.name.clone()));
        }
    }
    out
}
