//! `uabi lint [-I DIR]... PATH...`: what in a C UAPI header is not portable, and how to fix it.
//!
//! Each header is read by libclang once per Linux ABI of [`TARGETS`] ([`crate::cheader`]) and
//! every struct and union it defines is compared with its x86_64 layout ([`analyze`]). Findings
//! are printed as rustc prints diagnostics (to stdout: they are the command's output), or as
//! one JSON object with `--format json`. A header the front end cannot compile for a target is
//! linted on the others, with a warning on stderr naming the targets and the first error.
//!
//! Exit status: 0 no finding; 1 findings; 2 usage or I/O errors (a path that is neither a file
//! nor a directory, below an `-I` root or not; a directory without `.h` files; an `-I` that is
//! not a directory; libclang missing; an unreadable header; no header that compiles for any
//! target; a probe directory that cannot be written). On exit 2 nothing is written. A header
//! that compiles for no target is not linted (a warning says why); the others still are.

mod analyze;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Chars, Config};

use crate::cheader::{Header, HeaderIr, Options, Parser, TARGETS};
pub use analyze::{Finding, HeaderReport, Kind};

/// The command line of `uabi lint`.
pub struct Args {
    pub includes: Vec<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub json: bool,
    /// Write `_Static_assert` probes of every record's layout on every target here.
    pub probes: Option<PathBuf>,
    /// Parallel parses (default: the machine's parallelism).
    pub jobs: Option<usize>,
    /// Print the IR of every header on this target instead of linting.
    pub dump_ir: Option<String>,
}

/// Runs the lint; `Ok` is the exit status (0 or 1), `Err` a message for exit status 2.
pub fn run(args: Args) -> Result<u8, String> {
    let roots = roots(&args.includes)?;
    let headers = resolve(&args.paths, &roots)?;
    let parser = Parser::new()?;
    if let Some(name) = &args.dump_ir {
        let target = TARGETS.iter().find(|t| t.name == name).ok_or_else(|| {
            format!("error: --dump-ir {name}: not a target (one of {})", TARGETS.iter().map(|t| t.name).collect::<Vec<_>>().join(", "))
        })?;
        let mut out = std::io::stdout().lock();
        for h in &headers {
            let ir = parser.extract(h, &roots, target, Options { macro_values: true, external_records: false })?;
            let _ = writeln!(out, "{ir:#?}");
        }
        return Ok(0);
    }
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let results = lint_all(&parser, &headers, &roots, jobs, args.probes.is_some())?;

    // A header the front end cannot compile is linted where it compiles; one that compiles
    // nowhere is not linted at all (Linux installs a few that only compile after libc or other
    // headers). Both are said on stderr; only a run that lints nothing fails for it.
    let mut linted = 0;
    for (h, r) in headers.iter().zip(&results) {
        let names: Vec<&str> = r.skipped.iter().map(|(t, _)| *t).collect();
        let Some((_, first)) = r.skipped.first() else {
            linted += 1;
            continue;
        };
        if names.len() == TARGETS.len() {
            eprintln!("warning: {}: not linted: it does not compile for any target: {}", h.name, first.trim());
        } else {
            linted += 1;
            eprintln!("warning: {}: not linted on {}, where it does not compile: {}", h.name, names.join(", "), first.trim());
        }
    }
    if linted == 0 {
        return Err("error: no header could be linted: none compiles for any target".to_string());
    }
    if let Some(dir) = &args.probes {
        write_probes(dir, &headers, &results)?;
    }
    let findings: usize = results.iter().map(|r| r.report.findings.len()).sum();
    let records: usize = results.iter().map(|r| r.report.records).sum();
    let out = if args.json { json(linted, &results) } else { text(&headers, &results) };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if !args.json {
        let alignment_only: usize = results.iter().map(|r| r.report.alignment_only).sum();
        eprintln!("{}", summary(linted, records, alignment_only, &results));
    }
    Ok(if findings == 0 { 0 } else { 1 })
}

/// One header's result.
struct Linted {
    report: HeaderReport,
    /// Targets on which the header does not compile, with the first error.
    skipped: Vec<(&'static str, String)>,
    text: String,
}

fn lint_all(parser: &Parser, headers: &[Header], roots: &[PathBuf], jobs: usize, probes: bool) -> Result<Vec<Linted>, String> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Linted, String>>>> = Mutex::new((0..headers.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..jobs.min(headers.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(h) = headers.get(i) else { break };
                let r = lint_one(parser, h, roots, probes);
                let failed = r.is_err();
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                if failed {
                    // Stop the others early: the run fails anyway.
                    next.store(headers.len(), Ordering::Relaxed);
                }
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().flatten().collect()
}

fn lint_one(parser: &Parser, header: &Header, roots: &[PathBuf], probes: bool) -> Result<Linted, String> {
    let mut irs: Vec<Option<HeaderIr>> = Vec::new();
    let mut skipped = Vec::new();
    let mut text = String::new();
    for t in TARGETS {
        let ir = parser.extract(header, roots, t, Options::default())?;
        if text.is_empty() {
            text = ir.text.clone();
        }
        // A header that does not compile is not linted on that target: its records could be
        // half-read, and their numbers would be false.
        match ir.problems.first() {
            Some(p) => {
                skipped.push((t.name, p.message.clone()));
                irs.push(None);
            }
            None => irs.push(Some(ir)),
        }
    }
    let report = analyze::analyze(&irs, TARGETS, probes);
    Ok(Linted { report, skipped, text })
}

/// The `-I` roots, absolute.
pub(crate) fn roots(includes: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    includes
        .iter()
        .map(|i| match std::fs::canonicalize(i) {
            Ok(p) if p.is_dir() => Ok(p),
            Ok(_) => Err(format!("error: -I {}: not a directory", i.display())),
            Err(e) => Err(format!("error: -I {}: {e}", i.display())),
        })
        .collect()
}

/// The headers the paths name: a header or directory below an `-I` root (the first that has
/// it), else a file or directory path. Sorted by name, each once.
fn resolve(paths: &[PathBuf], roots: &[PathBuf]) -> Result<Vec<Header>, String> {
    let mut out: Vec<Header> = Vec::new();
    for p in paths {
        let found = if p.is_relative() { roots.iter().map(|r| r.join(p)).find(|c| c.exists()) } else { None };
        let path = match found.or_else(|| p.exists().then(|| p.clone())) {
            Some(f) => std::fs::canonicalize(&f).map_err(|e| format!("error: {}: {e}", p.display()))?,
            None => {
                let below = if roots.is_empty() || !p.is_relative() { String::new() } else { " nor below any -I directory".to_string() };
                return Err(format!("error: {}: no such file or directory{below}", p.display()));
            }
        };
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files).map_err(|e| format!("error: {}: {e}", p.display()))?;
            if files.is_empty() {
                return Err(format!("error: {}: has no `.h` file", p.display()));
            }
            out.extend(files.into_iter().map(|f| header(f, roots, p)));
        } else {
            out.push(header(path, roots, p));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

/// The `.h` files below `dir`, except the per-architecture directories of a multiarch tree
/// (`x86_64-linux-gnu/` holding `asm/`): their headers are each target's `asm/`, read through
/// the target that owns them.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let ty = e.file_type()?;
        if ty.is_dir() {
            let name = e.file_name();
            if name.to_string_lossy().contains("-linux-") && path.join("asm").is_dir() {
                continue;
            }
            walk(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "h") && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

fn header(path: PathBuf, roots: &[PathBuf], given: &Path) -> Header {
    for r in roots {
        if let Ok(rel) = path.strip_prefix(r) {
            return Header { name: rel.display().to_string(), path, below_root: true };
        }
    }
    // Below no root: name it as the user did (the path given, or the file below the directory
    // given).
    let name = match path.strip_prefix(std::fs::canonicalize(given).unwrap_or_default()) {
        Ok(rel) if !rel.as_os_str().is_empty() => given.join(rel).display().to_string(),
        _ => given.display().to_string(),
    };
    Header { name, path, below_root: false }
}

/// The file that marks a directory as written by `--probes`, so that a later run may replace it.
const PROBES_MARKER: &str = ".uabi-lint-probes";

fn write_probes(dir: &Path, headers: &[Header], results: &[Linted]) -> Result<(), String> {
    // Written beside, then renamed into place: a failure leaves no half-written directory.
    let tmp = dir.with_extension("uabi-tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    let written = write_probes_into(&tmp, dir, headers, results);
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

fn write_probes_into(tmp: &Path, dir: &Path, headers: &[Header], results: &[Linted]) -> Result<(), String> {
    let fail = |p: &Path, e: std::io::Error| format!("error: {}: {e}", p.display());
    for (h, r) in headers.iter().zip(results) {
        for (t, text) in &r.report.probes {
            let file = tmp.join(TARGETS[*t].name).join(format!("{}.c", h.name.replace('/', "+")));
            std::fs::create_dir_all(file.parent().unwrap_or(tmp)).map_err(|e| fail(&file, e))?;
            std::fs::write(&file, text).map_err(|e| fail(&file, e))?;
        }
    }
    std::fs::create_dir_all(tmp).map_err(|e| fail(tmp, e))?;
    let marker = tmp.join(PROBES_MARKER);
    std::fs::write(&marker, "Written by `uabi lint --probes`; replaced by the next run.\n").map_err(|e| fail(&marker, e))?;
    // Replace only what an earlier run wrote (or an empty directory): never a user's directory.
    if dir.exists() {
        let empty = std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false);
        if empty {
            std::fs::remove_dir(dir).map_err(|e| fail(dir, e))?;
        } else if dir.join(PROBES_MARKER).is_file() {
            std::fs::remove_dir_all(dir).map_err(|e| fail(dir, e))?;
        } else {
            return Err(format!("error: {}: exists and was not written by `uabi lint --probes`; name a new or empty directory", dir.display()));
        }
    }
    std::fs::rename(tmp, dir).map_err(|e| fail(dir, e))
}

fn summary(headers: usize, records: usize, alignment_only: usize, results: &[Linted]) -> String {
    let count = |k: Kind| results.iter().flat_map(|r| &r.report.findings).filter(|f| f.kind == k).count();
    let total: usize = results.iter().map(|r| r.report.findings.len()).sum();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut s = format!("{} and {} linted on {} targets: ", plural(headers, "header"), plural(records, "record"), TARGETS.len());
    if total == 0 {
        s.push_str("no findings");
    } else {
        s.push_str(&format!(
            "{} (layout {}, type {}, padding {})",
            plural(total, "finding"),
            count(Kind::Layout),
            count(Kind::Type),
            count(Kind::Padding)
        ));
    }
    if alignment_only > 0 {
        s.push_str(&format!("; {} differ only in alignment (not a finding: no byte moves)", plural(alignment_only, "record")));
    }
    s
}

/// The contract's object: `{"headers": N, "records": M, "findings": [..]}`, one finding a line.
fn json(headers: usize, results: &[Linted]) -> String {
    let s = |v: &str| serde_json::to_string(v).unwrap_or_default();
    let records: usize = results.iter().map(|r| r.report.records).sum();
    let findings: Vec<String> = results
        .iter()
        .flat_map(|r| &r.report.findings)
        .map(|f| {
            let targets: Vec<String> = f.targets.iter().map(|t| s(t)).collect();
            let field = f.field.as_ref().map(|p| format!(", \"field\": {}", s(p))).unwrap_or_default();
            format!(
                "    {{\"header\": {}, \"record\": {}, \"kind\": {}, \"targets\": [{}]{field}, \"message\": {}, \"fix\": {}}}",
                s(&f.header),
                s(&f.record),
                s(f.kind.as_str()),
                targets.join(", "),
                s(&f.message),
                s(&f.fix)
            )
        })
        .collect();
    let list = if findings.is_empty() { "[]".to_string() } else { format!("[\n{}\n  ]", findings.join(",\n")) };
    format!("{{\n  \"headers\": {headers},\n  \"records\": {records},\n  \"findings\": {list}\n}}\n")
}

/// Findings as rustc renders diagnostics: `warning[kind]: ..`, `--> file:line:col`, the line,
/// a caret under the field, the targets and the help.
fn text(headers: &[Header], results: &[Linted]) -> String {
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut out = String::new();
    for (h, r) in headers.iter().zip(results) {
        if r.report.findings.is_empty() {
            continue;
        }
        let shown = h.path.strip_prefix(&cwd).unwrap_or(&h.path).display().to_string();
        let file = SimpleFile::new(shown.as_str(), r.text.as_str());
        for f in &r.report.findings {
            out.push_str(&render(&config, &file, &shown, f));
        }
    }
    out
}

fn render(config: &Config, file: &SimpleFile<&str, &str>, shown: &str, f: &Finding) -> String {
    let text = file.source();
    let span = |loc: crate::cheader::Loc| {
        let start = (loc.offset as usize).min(text.len());
        // Under the identifier at the location (the field's or record's name).
        let len = text[start..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(0);
        start..start + len
    };
    let mut labels = vec![Label::primary((), span(f.loc)).with_message(&f.label)];
    if let Some((loc, label)) = &f.secondary {
        labels.push(Label::secondary((), span(*loc)).with_message(label));
    }
    let mut notes = Vec::new();
    if f.kind == Kind::Layout && !f.targets.is_empty() {
        notes.push(format!("differs from x86_64 on: {}", f.targets.join(", ")));
    }
    notes.push(format!("help: {}", f.fix));
    let d = Diagnostic::warning()
        .with_code(f.kind.as_str())
        .with_message(format!("{}: {}", f.record, f.message))
        .with_labels(labels)
        .with_notes(notes);
    match term::emit_into_string(config, file, &d) {
        Ok(s) => s,
        Err(_) => format!("warning[{}]: {}: {}: {}\n  = help: {}\n", f.kind.as_str(), shown, f.record, f.message, f.fix),
    }
}
