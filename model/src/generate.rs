//! The header writer: from ABI source files to the files under `headers/`.
//!
//! Shared by the workspace's build script and its main command, so both write the same bytes.
//! Files are written only when their bytes change, so an unchanged build touches nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{abis_in_file, c, Abi};

/// One ABI source file and what it defines.
pub struct SourceFile {
    /// Path relative to the workspace root, as written into banners and errors.
    pub path: String,
    pub abis: Vec<Abi>,
}

/// A file to write under `headers/`.
pub struct Output {
    pub path: PathBuf,
    pub contents: String,
}

/// The ABI source files of the workspace: every `.rs` file in `abi/src/defs`, sorted.
pub fn source_paths(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root.join("abi/src/defs"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && !p.ends_with("mod.rs"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Parses every ABI source file. An error reads `path:line:column: error: message`.
pub fn load(root: &Path) -> Result<Vec<SourceFile>, String> {
    let mut out = Vec::new();
    for path in source_paths(root).map_err(|e| format!("{}: {e}", root.join("abi/src/defs").display()))? {
        let rel = path.strip_prefix(root).unwrap_or(&path).display().to_string();
        let text = fs::read_to_string(&path).map_err(|e| format!("{rel}: {e}"))?;
        match abis_in_file(&text) {
            Ok(abis) => out.push(SourceFile { path: rel, abis }),
            Err(errors) => {
                let lines: Vec<String> = errors
                    .into_iter()
                    .map(|e| {
                        let at = e.span().start();
                        format!("{rel}:{}:{}: error: {}", at.line, at.column + 1, e)
                    })
                    .collect();
                return Err(lines.join("\n"));
            }
        }
    }
    Ok(out)
}

/// Everything under `headers/`: each ABI's header and its layout assertions.
pub fn outputs(sources: &[SourceFile]) -> Vec<Output> {
    let mut out = Vec::new();
    for src in sources {
        for abi in &src.abis {
            out.push(Output { path: PathBuf::from(&abi.header), contents: c::header(abi, &c::Source { path: &src.path }) });
            out.push(Output { path: checks_path(&abi.header), contents: c::layout_asserts(abi) });
        }
    }
    out
}

/// `linux/vfio.h` -> `checks/linux/vfio_layout.c`.
pub fn checks_path(header: &str) -> PathBuf {
    let stem = header.strip_suffix(".h").unwrap_or(header);
    PathBuf::from(format!("checks/{stem}_layout.c"))
}

/// Writes `outputs` under `dir`, each only if its bytes differ. Returns the paths written.
pub fn write_changed(dir: &Path, outputs: &[Output]) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for o in outputs {
        let path = dir.join(&o.path);
        if fs::read(&path).ok().as_deref() == Some(o.contents.as_bytes()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &o.contents)?;
        written.push(path);
    }
    Ok(written)
}
