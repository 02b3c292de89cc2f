//! What a run writes: each module's header and layout assertions, at paths relative to the
//! output directory, written only when their bytes change and never half.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::source::Source;

/// A file to write under the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Relative to the output directory: `linux/vfio.h`, `checks/linux/vfio_layout.c`.
    pub path: PathBuf,
    pub contents: String,
}

/// `linux/vfio.h` -> `checks/linux/vfio_layout.c`.
pub fn checks_path(header: &str) -> PathBuf {
    PathBuf::from(uabi_model::c::checks_path(header))
}

/// Every output of `sources`: each header of each module (a module with nested header modules
/// writes several) and its layout checks. Two modules that claim one header path are an error
/// naming both.
pub fn outputs(sources: &[Source]) -> Result<Vec<Output>, Error> {
    let mut claimed: HashMap<String, (String, &Path)> = HashMap::new();
    let mut clashes = Vec::new();
    let mut out = Vec::new();
    for src in sources {
        let shown = src.path.display().to_string();
        for abi in &src.abis {
            let taken: Vec<&str> = abi.headers.iter().map(|h| h.path.as_str()).filter(|p| claimed.contains_key(*p)).collect();
            if let Some(header) = taken.first() {
                let (module, path) = &claimed[*header];
                clashes.push(format!(
                    "error: the header `{header}` is claimed by module `{module}` of {} and by module `{}` of {shown}\n  = help: give one of them another `header = \"..\"`\n",
                    path.display(),
                    abi.module
                ));
                continue;
            }
            for h in &abi.headers {
                claimed.insert(h.path.clone(), (abi.module.to_string(), &src.path));
            }
            for f in uabi_model::c::files(abi, &uabi_model::c::Source { path: &shown }) {
                out.push(Output { path: PathBuf::from(f.path), contents: f.text });
            }
        }
    }
    if !clashes.is_empty() {
        return Err(Error::Definitions { count: clashes.len(), rendered: clashes.concat(), files: Vec::new() });
    }
    Ok(out)
}

/// Writes `outputs` under `dir`, each only if its bytes differ, through a temporary file in the
/// same directory and a rename. Returns the paths written.
pub fn write_changed(dir: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, Error> {
    let mut written = Vec::new();
    for o in outputs {
        let path = dir.join(&o.path);
        if std::fs::read(&path).ok().as_deref() == Some(o.contents.as_bytes()) {
            continue;
        }
        let parent = path.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), action: "create", source })?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = parent.join(format!(".{name}.uabi-{}.tmp", std::process::id()));
        let result = std::fs::write(&tmp, &o.contents).and_then(|()| std::fs::rename(&tmp, &path));
        if let Err(source) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::Io { path, action: "write", source });
        }
        written.push(path);
    }
    Ok(written)
}
