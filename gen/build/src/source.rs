//! Reading ABI source files: inputs (files and directories) to analyzed modules, with every
//! error of every file collected before anything is reported.

use std::path::{Path, PathBuf};

use uabi_model::Abi;

use crate::diagnostic;
use crate::error::Error;

/// One Rust source file and the ABI modules it defines.
pub struct Source {
    /// The path as given (or as found in a given directory), as written into banners and
    /// error messages.
    pub path: PathBuf,
    pub abis: Vec<Abi>,
}

/// A file to read, and whether the user named it (then it must define an ABI module) or it was
/// found in a directory.
struct Input {
    path: PathBuf,
    named: bool,
}

fn io<'a>(path: &'a Path, action: &'static str) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io { path: path.to_path_buf(), action, source }
}

/// The files behind `inputs`: a file as is, a directory as its `.rs` files, sorted.
fn expand(inputs: &[PathBuf]) -> Result<Vec<Input>, Error> {
    let mut out = Vec::new();
    for path in inputs {
        let meta = std::fs::metadata(path).map_err(io(path, "read"))?;
        if !meta.is_dir() {
            out.push(Input { path: path.clone(), named: true });
            continue;
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io(path, "list"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rs") && p.is_file())
            .collect();
        if found.is_empty() {
            return Err(Error::NoSources { dir: path.clone() });
        }
        found.sort();
        out.extend(found.into_iter().map(|p| Input { path: p, named: false }));
    }
    Ok(out)
}

/// Reads and analyzes every input. Errors of all files are rendered together.
pub fn load(inputs: &[PathBuf]) -> Result<Vec<Source>, Error> {
    let files = expand(inputs)?;
    let mut sources = Vec::new();
    let (mut count, mut rendered, mut failed) = (0, String::new(), Vec::new());
    for input in &files {
        let text = std::fs::read_to_string(&input.path).map_err(io(&input.path, "read"))?;
        match uabi_model::abis_in_file(&text) {
            Ok(abis) if abis.is_empty() && input.named => return Err(Error::NoAbi { path: input.path.clone() }),
            Ok(abis) => sources.push(Source { path: input.path.clone(), abis }),
            Err(errors) => {
                let (n, text) = diagnostic::render(&input.path.display().to_string(), &text, errors);
                count += n;
                rendered.push_str(&text);
                failed.push(input.path.clone());
            }
        }
    }
    if count > 0 {
        return Err(Error::Definitions { count, rendered, files: failed });
    }
    sources.retain(|s| !s.abis.is_empty());
    if sources.is_empty() {
        // Only directories were given, and none of their files defines an ABI.
        let path = inputs.first().cloned().unwrap_or_default();
        return Err(Error::NoAbi { path });
    }
    Ok(sources)
}
