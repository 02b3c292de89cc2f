//! `uabi import [-I DIR]... HEADER -o FILE.rs`: a `#[uabi::abi]` module from a C UAPI header.
//!
//! The header is read by libclang ([`crate::cheader`]) once per family of architectures
//! ([`targets`]), each target's IR becomes items of the definition language ([`convert`]),
//! the families are merged into one module whose per-family parts carry
//! `#[uabi(arch(..))]` ([`merge`]), and the module is written as Rust ([`emit`]). Import then
//! hands that text to the model itself (`uabi_model::abis_in_file`), the pipeline every other
//! front end uses: whatever the model refuses is traced back to the item import wrote and
//! either written more plainly (a constant's value instead of its expression, a flag as a
//! constant of the header) or refused with the model's message, until the model accepts the
//! module. So the file written is always one the model accepts, and there is no second model
//! of what is valid. The module's C header is then written through the model's C back end and
//! read back on the first target: where it does not compile because an include the original
//! makes after its own definitions needs them, the module is made again without those
//! includes. `--verify` reads that header back on the 64-bit targets too and compares it with
//! the original ([`verify`]). A header that `<linux/types.h>` or `<linux/ioctl.h>` includes is
//! refused: every header uabi writes includes those two first.
//!
//! Exit status: 0 every item of the header was imported (changes made to fit the language
//! are reported); 1 some items were refused (each reported with its reason; the module holds
//! the rest) or `--verify` found a difference; 2 usage or I/O errors (a header that is not
//! found or does not compile for any target, an output that cannot be written, libclang
//! missing), with nothing written.

mod cexpr;
mod cmacro;
mod convert;
mod emit;
mod merge;
mod plan;
mod targets;
mod verify;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use uabi_arch::FamilySet;

use crate::cheader::{Header, HeaderIr, Options, Parser};
use merge::Refused;
use plan::{Kind, Plan};
use targets::{FamilyTarget, FAMILY_TARGETS};

/// The command line of `uabi import`.
pub struct Args {
    pub includes: Vec<PathBuf>,
    pub header: PathBuf,
    pub output: PathBuf,
    pub json: bool,
    pub verify: bool,
    pub jobs: Option<usize>,
}

/// Runs the import; `Ok` is the exit status (0 or 1), `Err` a message for exit status 2.
pub fn run(args: Args) -> Result<u8, String> {
    let roots = crate::lint::roots(&args.includes)?;
    let (name, paths) = locate(&args.header, &roots)?;
    if args.output.is_dir() {
        return Err(format!("error: -o {}: is a directory; name the Rust file to write", args.output.display()));
    }
    let parser = Parser::new()?;
    // Every header uabi writes includes <linux/types.h> and <linux/ioctl.h> first: a module of
    // a header they include would include itself before its own definitions.
    if let Some(ft) = FAMILY_TARGETS.first() {
        let base = parser.included_files("#include <linux/types.h>\n#include <linux/ioctl.h>\n", &roots, ft.target)?;
        if let Some(Some(p)) = paths.first() {
            if base.contains(p) {
                return Err(format!(
                    "error: {name}: <linux/types.h> or <linux/ioctl.h> includes it, and every header uabi writes includes those first: a module of it would include itself before its own definitions"
                ));
            }
        }
    }
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);

    // Every family's IR, in parallel.
    let work: Vec<(&'static FamilyTarget, Header)> = FAMILY_TARGETS
        .iter()
        .zip(&paths)
        .filter_map(|(ft, p)| {
            let path = p.clone()?;
            Some((ft, Header { name: name.clone(), below_root: roots.iter().any(|r| path.starts_with(r)), path }))
        })
        .collect();
    // The first target in full (two parses: its macros, then their values); the others in one
    // parse each, with the first one's macros as their probes.
    let options = Options { macro_values: true, external_records: true };
    let first = match work.first() {
        Some((ft, h)) => Some(parser.extract(h, &roots, ft.target, options)?),
        None => None,
    };
    let results: Mutex<Vec<Option<Result<HeaderIr, String>>>> = Mutex::new((0..work.len()).map(|_| None).collect());
    let next = std::sync::atomic::AtomicUsize::new(1);
    std::thread::scope(|s| {
        for _ in 0..jobs.min(work.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((ft, h)) = work.get(i) else { break };
                let r = match &first {
                    Some(like) if like.problems.is_empty() => parser.extract_like(h, &roots, ft.target, options, like, true),
                    _ => parser.extract(h, &roots, ft.target, options),
                };
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    if let Some(f) = first {
        results.lock().unwrap_or_else(|e| e.into_inner())[0] = Some(Ok(f));
    }
    let mut irs: Vec<(&'static FamilyTarget, HeaderIr)> = Vec::new();
    let mut unread: Vec<String> = Vec::new();
    for ((ft, _), r) in work.iter().zip(results.into_inner().unwrap_or_else(|e| e.into_inner())) {
        let ir = r.ok_or("a parse did not finish")??;
        match ir.problems.first() {
            Some(p) => unread.push(format!("{} ({}): {}", ft.family.name(), ft.target.name, p.message.lines().next().unwrap_or_default())),
            None => irs.push((ft, ir)),
        }
    }
    let Some((_, reference)) = irs.first() else {
        return Err(format!(
            "error: {name}: does not compile for any target, so there is nothing to import: {}",
            unread.first().map_or("no target has it", |u| u.as_str())
        ));
    };
    let text = reference.text.clone();
    let guard = include_guard(&text);
    let (top, late) = includes(&text, guard.is_some());
    let module = module_name(&name);
    let output_name = args.output.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let banner = vec![
        format!("Imported by `uabi import` from `<{name}>`: its structs, unions, enums, constants and ioctls"),
        "as a uabi module, from which `uabi header` writes the header again. Review it, then edit it".to_string(),
        "as the definition it now is.".to_string(),
    ];
    let dir = std::env::temp_dir().join(format!("uabi-import-{}-{}", std::process::id(), module));
    let reference_target = irs[0].0;

    // The module with every include of the original; if its header does not compile because
    // an include the original makes after its own definitions needs them (linux/if.h's
    // <linux/hdlc/ioctl.h> uses IFNAMSIZ), once more without those: the language writes
    // includes first.
    let attempt = |with_late: bool| -> Result<_, String> {
        let mut includes = top.clone();
        if with_late {
            includes.extend(late.iter().cloned());
        }
        let decls: Vec<(&'static FamilyTarget, convert::Decls)> =
            irs.iter().map(|(ft, ir)| (*ft, convert::Converter::new(ir, ft, &roots, guard.clone(), includes.clone()).convert())).collect();
        let merge::Merged { mut plan, mut refused, mut changes, header_records } = merge::merge(decls, &name, module.clone(), guard.clone(), includes);
        let (source, abi) = settle(&mut plan, &banner, &mut refused, &mut changes)?;
        let _ = std::fs::remove_dir_all(&dir);
        for f in uabi_model::c::files(&abi, &uabi_model::c::Source { path: &output_name }) {
            let p = dir.join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap_or(&dir)).map_err(|e| format!("error: {}: {e}", p.display()))?;
            std::fs::write(&p, f.text).map_err(|e| format!("error: {}: {e}", p.display()))?;
        }
        let mut all_roots = vec![dir.clone()];
        all_roots.extend(roots.iter().cloned());
        let generated = Header { name: name.clone(), path: dir.join(&name), below_root: true };
        let problem = parser.extract(&generated, &all_roots, reference_target.target, Options::default())?.problems.first().map(|p| p.message.clone());
        Ok((plan, refused, changes, header_records, source, problem))
    };
    let result = attempt(true).and_then(|first| match first {
        (.., Some(_)) if !late.is_empty() => {
            let mut second = attempt(false)?;
            if second.5.is_none() {
                second.2.push(format!(
                    "the header's later includes ({}) are left out: with every include first, as the language writes them, the header does not compile ({})",
                    late.iter().map(|l| format!("<{l}>")).collect::<Vec<_>>().join(", "),
                    first.5.as_deref().unwrap_or_default().lines().next().unwrap_or_default()
                ));
                Ok(second)
            } else {
                Ok(first)
            }
        }
        first => Ok(first),
    });
    let (plan, refused, mut changes, header_records, source, problem) = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    if let Some(p) = &problem {
        changes.push(format!("warning: the header written from the module does not compile on {}: {}", reference_target.target.name, p.lines().next().unwrap_or_default()));
    }
    // The round trip, on the 64-bit targets read, with the header written above.
    let mut outcomes = Vec::new();
    if args.verify {
        // x86_64 and aarch64, and for a record imported for neither family (s390's own
        // `msqid64_ds`), a 64-bit target of a family it has.
        let mut names: Vec<&'static str> = targets::VERIFY_TARGETS.to_vec();
        let covered = FamilySet::of(&[uabi_arch::Family::X86, uabi_arch::Family::Arm64]);
        // Likewise for a field of some families only (s390's PSW words in `kvm_run`).
        let mut wanted: Vec<FamilySet> = Vec::new();
        for item in plan.items.iter().filter(|i| !i.auxiliary) {
            let Kind::Record(r) = &item.kind else { continue };
            if item.arch.intersection(covered).is_empty() {
                wanted.push(item.arch);
            }
            wanted.extend(r.fields.iter().filter(|f| !f.arch.is_all() && f.arch.intersection(covered).is_empty()).map(|f| f.arch.intersection(item.arch)));
        }
        for set in wanted {
            if let Some((ft, _)) = irs.iter().find(|(ft, _)| ft.lp64 && set.contains(ft.family)) {
                if !names.contains(&ft.target.name) {
                    names.push(ft.target.name);
                }
            }
        }
        let checked = (|| -> Result<(), String> {
            for t in names {
                if let Some((ft, ir)) = irs.iter().find(|(ft, _)| ft.target.name == t) {
                    outcomes.push((t, verify::check(&parser, &plan, &dir, &roots, ft, ir)?));
                }
            }
            Ok(())
        })();
        if let Err(e) = checked {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Last, so that an error before it (exit 2) leaves nothing written.
    write_atomically(&args.output, &source.text)?;

    // What was imported, counted on the header's own items.
    let imported_records: std::collections::BTreeSet<&str> =
        plan.items.iter().filter(|i| !i.auxiliary && matches!(i.kind, Kind::Record(_))).map(|i| i.origin.as_str()).collect();
    let count = |f: fn(&Kind) -> bool| {
        let mut names: Vec<&str> = plan.items.iter().filter(|i| f(&i.kind)).map(|i| i.origin.as_str()).collect();
        names.dedup();
        names.len()
    };
    let flags: usize = {
        let mut n: Vec<&str> = plan.items.iter().flat_map(|i| match &i.kind {
            Kind::Record(r) => r.fields.iter().flat_map(|f| f.flags.iter().map(|f| f.name.as_str())).collect::<Vec<_>>(),
            _ => Vec::new(),
        }).collect();
        n.sort();
        n.dedup();
        n.len()
    };
    let summary = Summary {
        header: name.clone(),
        output: args.output.display().to_string(),
        records: header_records.len(),
        records_imported: imported_records.len(),
        enums: count(|k| matches!(k, Kind::Enum(_))),
        constants: count(|k| matches!(k, Kind::Const(_))),
        flags,
        ioctls: count(|k| matches!(k, Kind::Ioctl(_))),
        strings: count(|k| matches!(k, Kind::Str { .. })),
        c_macros: count(|k| matches!(k, Kind::CMacro(_))),
        per_arch: plan.items.iter().filter(|i| !i.arch.is_all()).count(),
        unread,
        refused,
        changes,
        outcomes,
    };
    let failed = !summary.refused.is_empty() || summary.outcomes.iter().any(|(_, o)| !o.differences.is_empty());
    if args.json {
        println!("{}", summary.json());
    } else {
        eprint!("{}", summary.text());
    }
    Ok(u8::from(failed))
}

/// The header's name as users include it, and its file per family target (`None` where the
/// family has no such header): below an `-I` root, or in a root's multiarch directory
/// (`<triple>/asm/kvm.h`, each target its own), or a file path.
fn locate(given: &Path, roots: &[PathBuf]) -> Result<(String, Vec<Option<PathBuf>>), String> {
    if given.is_relative() {
        for root in roots {
            if root.join(given).is_file() {
                let p = std::fs::canonicalize(root.join(given)).map_err(|e| format!("error: {}: {e}", given.display()))?;
                return Ok((given.display().to_string(), FAMILY_TARGETS.iter().map(|_| Some(p.clone())).collect()));
            }
            let per: Vec<Option<PathBuf>> = FAMILY_TARGETS.iter().map(|ft| Some(root.join(ft.target.multiarch).join(given)).filter(|p| p.is_file())).collect();
            if per.iter().any(Option::is_some) {
                return Ok((given.display().to_string(), per));
            }
        }
    }
    if given.is_file() {
        let p = std::fs::canonicalize(given).map_err(|e| format!("error: {}: {e}", given.display()))?;
        // How C includes it: below a root, that path; else the path as given, without `./`,
        // or its file name where the path climbs (`../x.h`) or is absolute.
        let name = roots.iter().find_map(|r| p.strip_prefix(r).ok()).map_or_else(
            || {
                use std::path::Component;
                let parts: Vec<Component> = given.components().filter(|c| *c != Component::CurDir).collect();
                if parts.iter().all(|c| matches!(c, Component::Normal(_))) {
                    parts.iter().collect::<PathBuf>().display().to_string()
                } else {
                    given.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
                }
            },
            |r| r.display().to_string(),
        );
        return Ok((name, FAMILY_TARGETS.iter().map(|_| Some(p.clone())).collect()));
    }
    if given.is_dir() {
        return Err(format!("error: {}: is a directory; import takes one header", given.display()));
    }
    let below = if roots.is_empty() || !given.is_relative() { String::new() } else { " nor below any -I directory".to_string() };
    Err(format!("error: {}: no such file{below}", given.display()))
}

/// The macro of `#ifndef X` / `#define X` that opens the header.
fn include_guard(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("/*") && !l.starts_with('*') && !l.starts_with("//"));
    let first = lines.next()?;
    let name = first.strip_prefix("#ifndef")?.trim().to_string();
    let second = lines.next()?;
    let defined = second.strip_prefix("#define")?.split_whitespace().next()?;
    (defined == name).then_some(name)
}

/// The `#include <..>` lines outside any `#if` (but the guard's), in order, without the two
/// every generated header has: those before the header's first definition, and those after.
fn includes(text: &str, guarded: bool) -> (Vec<String>, Vec<String>) {
    let mut depth = 0i32;
    let mut out = Vec::new();
    let mut late = Vec::new();
    let mut defined = false;
    let guard = if guarded { include_guard(text) } else { None };
    let base = i32::from(guarded);
    // The depths at which an always-true `#if` opened, to close it without counting.
    let mut always_open: Vec<i32> = Vec::new();
    for line in text.lines() {
        let l = line.trim_start();
        let Some(d) = l.strip_prefix('#') else {
            if ["struct", "union", "enum", "typedef"].iter().any(|k| l.starts_with(k)) {
                defined = true;
            }
            continue;
        };
        let d = d.trim_start();
        if let Some(name) = d.strip_prefix("define").and_then(|r| r.split_whitespace().next()) {
            defined |= Some(name) != guard.as_deref();
        }
        if d.starts_with("if") {
            // A condition that holds for every C program using the header is no condition.
            let always = matches!(d.split_whitespace().collect::<Vec<_>>().as_slice(), ["ifndef", "__ASSEMBLY__" | "__KERNEL__"] | ["if", "!defined(__ASSEMBLY__)" | "!defined(__KERNEL__)"]);
            depth += i32::from(!always);
            if always {
                always_open.push(depth);
            }
        } else if d.starts_with("endif") {
            if always_open.last() == Some(&depth) {
                always_open.pop();
                continue;
            }
            depth -= 1;
        } else if let Some(rest) = d.strip_prefix("include") {
            let rest = rest.trim();
            if depth <= base {
                if let Some(p) = rest.strip_prefix('<').and_then(|r| r.split_once('>')).map(|(p, _)| p.to_string()) {
                    if !matches!(p.as_str(), "linux/types.h" | "linux/ioctl.h") && !out.contains(&p) && !late.contains(&p) {
                        if defined {
                            late.push(p);
                        } else {
                            out.push(p);
                        }
                    }
                }
            }
        }
    }
    (out, late)
}

/// `linux/vfio.h` -> `vfio`; `linux/if.h` -> `if_` (a keyword).
fn module_name(header: &str) -> String {
    let stem = Path::new(header).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut m: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    if m.is_empty() || m.starts_with(|c: char| c.is_ascii_digit()) {
        m.insert(0, '_');
    }
    let ident = convert::rust_ident(&m);
    if ident.starts_with("r#") {
        format!("{m}_")
    } else {
        ident
    }
}

/// Emits the plan and gives it to the model until the model accepts it, degrading or
/// refusing what it refuses; the text and the model's module.
fn settle(plan: &mut Plan, banner: &[String], refused: &mut Vec<Refused>, changes: &mut Vec<String>) -> Result<(emit::Source, uabi_model::Abi), String> {
    let mut tried: HashMap<(usize, usize, usize), u8> = HashMap::new();
    for _ in 0..200 {
        let src = emit::emit(plan, banner);
        let errors = match uabi_model::abis_in_file(&src.text) {
            Ok(mut abis) if abis.len() == 1 => return Ok((src, abis.remove(0))),
            Ok(_) => return Err("error: import wrote no module (a bug of import)".into()),
            Err(e) => e,
        };
        let mut acted = false;
        let mut unplaced = None;
        // One action per item a round: an error's fix may fix the others of the same item.
        let mut done: Vec<usize> = Vec::new();
        for e in errors {
            let line = e.span().start().line;
            let msg = e.to_string();
            let owner = src.owner(line);
            let id = match owner {
                emit::Owner::Module => {
                    unplaced.get_or_insert(format!("line {line}: {msg}"));
                    continue;
                }
                emit::Owner::Item(i) | emit::Owner::Field(i, _) | emit::Owner::Flag(i, _, _) => i,
            };
            if done.contains(&id) {
                continue;
            }
            done.push(id);
            acted |= degrade(plan, owner, &msg, &mut tried, refused, changes);
        }
        if !acted {
            return Err(format!(
                "error: the model refuses the module import wrote, at a place import cannot trace (a bug of import): {}",
                unplaced.unwrap_or_default()
            ));
        }
    }
    Err("error: the model kept refusing the imported module (a bug of import)".into())
}

/// The kind of a refusal by the model, from its message.
fn model_kind(msg: &str) -> &'static str {
    if msg.contains("128-bit") || msg.contains("u128") || msg.contains("i128") {
        "int128"
    } else if msg.contains("is a C keyword") {
        "c-keyword"
    } else if msg.contains("size field holds") {
        "ioctl-size"
    } else if msg.contains("is already defined by") {
        "defined-twice"
    } else if msg.contains("packed") {
        "packed"
    } else if msg.contains("anonymous") {
        "anonymous"
    } else {
        "model"
    }
}

/// Writes `owner` more plainly, or refuses it; whether anything changed.
fn degrade(plan: &mut Plan, owner: emit::Owner, msg: &str, tried: &mut HashMap<(usize, usize, usize), u8>, refused: &mut Vec<Refused>, changes: &mut Vec<String>) -> bool {
    let first_line = msg.lines().next().unwrap_or_default().to_string();
    let Some(pos) = plan.items.iter().position(|i| match owner {
        emit::Owner::Item(id) | emit::Owner::Field(id, _) | emit::Owner::Flag(id, _, _) => i.id == id,
        emit::Owner::Module => false,
    }) else {
        return false;
    };
    let key = match owner {
        emit::Owner::Item(i) => (i, usize::MAX, usize::MAX),
        emit::Owner::Field(i, f) => (i, f, usize::MAX),
        emit::Owner::Flag(i, f, j) => (i, f, j),
        emit::Owner::Module => return false,
    };
    let level = tried.entry(key).or_insert(0);
    *level += 1;
    let level = *level;
    let next_id = plan.items.iter().map(|i| i.id).max().unwrap_or(0) + 1;
    let item = &mut plan.items[pos];
    let origin = item.origin.clone();
    match (&mut item.kind, owner) {
        (Kind::Record(r), emit::Owner::Flag(_, f, j)) => {
            // A flag the model refuses on its field is a constant of the header.
            let field = &mut r.fields[f];
            let flag = field.flags.remove(j);
            let emit_ty = match &field.ty {
                plan::Ty::Prim(p) => *p,
                _ => uabi_model::ast::Prim::U32,
            };
            changes.push(format!("{}: not a flag of `{}` ({first_line}): a constant of the header", flag.name, field.c_name));
            let arch = item.arch;
            plan.items.insert(
                pos + 1,
                plan::Item {
                    id: next_id,
                    origin: flag.name.clone(),
                    auxiliary: false,
                    arch,
                    docs: flag.docs,
                    kind: Kind::Const(plan::Const { name: flag.name, ty: emit_ty, expr: flag.expr, value: flag.value, c_suffix: flag.c_suffix }),
                },
            );
            true
        }
        (Kind::Const(c), _) if level == 1 && c.expr != cexpr::literal(c.value, c.ty, false) => {
            changes.push(format!("{}: written as its value ({first_line})", c.name));
            c.expr = cexpr::literal(c.value, c.ty, cexpr::prefers_hex(&c.expr));
            c.c_suffix = None;
            true
        }
        (Kind::Ioctl(io), _) if msg.contains("same ioctl number") && io.namespace.is_none() => {
            changes.push(format!("{}: in its own namespace ({first_line})", io.name));
            io.namespace = Some(io.name.to_ascii_lowercase());
            true
        }
        (Kind::Ioctl(io), _) if level <= 2 && (io.ty_expr != format!("{:#x}", io.ty_value) || io.nr_expr != format!("{:#x}", io.nr_value)) => {
            changes.push(format!("{}: type and number written as values ({first_line})", io.name));
            io.ty_expr = format!("{:#x}", io.ty_value);
            io.nr_expr = format!("{:#x}", io.nr_value);
            true
        }
        _ => {
            let what = match item.kind {
                Kind::Record(_) => "record",
                Kind::Enum(_) => "enum",
                _ => "macro",
            };
            refuse_origin(plan, &origin, what, model_kind(msg), format!("the model refuses it: {first_line}"), refused, changes);
            true
        }
    }
}

/// Removes every item of `origin` (all its variants and parts), the items that need them, and
/// records why; the flags of a removed record become constants of the header.
fn refuse_origin(plan: &mut Plan, origin: &str, what: &'static str, kind: &'static str, message: String, refused: &mut Vec<Refused>, changes: &mut Vec<String>) {
    let mut queue = vec![(origin.to_string(), what, kind, message)];
    while let Some((origin, what, kind, message)) = queue.pop() {
        let removed: Vec<plan::Item> = {
            let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut plan.items).into_iter().partition(|i| i.origin == origin);
            plan.items = kept;
            gone
        };
        if removed.is_empty() {
            continue;
        }
        let auxiliary = removed.iter().all(|i| i.auxiliary);
        if !auxiliary {
            refused.push(Refused { item: origin.clone(), what, kind, message: message.clone() });
        } else {
            changes.push(format!("{origin} (of another header): not imported: {message}"));
        }
        let mut next_id = plan.items.iter().map(|i| i.id).max().unwrap_or(0) + 1;
        let names: Vec<(String, FamilySet)> = removed
            .iter()
            .filter_map(|i| match &i.kind {
                Kind::Record(r) => Some((r.rust.clone(), i.arch)),
                Kind::Enum(e) => Some((e.rust.clone(), i.arch)),
                _ => None,
            })
            .collect();
        for i in removed {
            if let Kind::Record(r) = i.kind {
                for f in r.fields {
                    let ty = match f.ty {
                        plan::Ty::Prim(p) => p,
                        _ => uabi_model::ast::Prim::U32,
                    };
                    for flag in f.flags {
                        plan.items.push(plan::Item {
                            id: next_id,
                            origin: flag.name.clone(),
                            auxiliary: false,
                            arch: i.arch,
                            docs: flag.docs,
                            kind: Kind::Const(plan::Const { name: flag.name, ty, expr: flag.expr, value: flag.value, c_suffix: flag.c_suffix }),
                        });
                        next_id += 1;
                    }
                }
            }
        }
        // What names a removed record or enum (where their families meet) goes too.
        for item in &mut plan.items {
            let uses = |ty: &plan::Ty| matches!(ty.element(), plan::Ty::Named(n) if names.iter().any(|(m, a)| m == n && !a.intersection(item.arch).is_empty()));
            let hit = match &mut item.kind {
                Kind::Record(r) => {
                    for f in &mut r.fields {
                        if f.enum_name.as_ref().is_some_and(|e| names.iter().any(|(m, _)| m == e)) {
                            f.enum_name = None;
                        }
                    }
                    r.fields.iter().any(|f| uses(&f.ty))
                }
                Kind::Ioctl(io) => io.arg.as_ref().is_some_and(uses),
                _ => false,
            };
            if hit {
                let w = if matches!(item.kind, Kind::Record(_)) { "record" } else { "macro" };
                queue.push((item.origin.clone(), w, "depends", format!("it uses {origin}, which is not imported")));
            }
        }
    }
}

fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let fail = |p: &Path, e: std::io::Error| format!("error: {}: {e}", p.display());
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
    }
    let tmp = path.with_extension("rs.uabi-tmp");
    std::fs::write(&tmp, text).map_err(|e| fail(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(path, e)
    })
}

struct Summary {
    header: String,
    output: String,
    /// The header's own named records, every family's.
    records: usize,
    records_imported: usize,
    enums: usize,
    constants: usize,
    flags: usize,
    ioctls: usize,
    strings: usize,
    /// `#[uabi(c_macro)] macro_rules!`: macros for C alone.
    c_macros: usize,
    per_arch: usize,
    unread: Vec<String>,
    refused: Vec<Refused>,
    changes: Vec<String>,
    outcomes: Vec<(&'static str, verify::Outcome)>,
}

impl Summary {
    fn text(&self) -> String {
        let mut s = String::new();
        for u in &self.unread {
            s.push_str(&format!("warning: {}: not read on {u}\n", self.header));
        }
        for c in &self.changes {
            s.push_str(&format!("note: {c}\n"));
        }
        for r in &self.refused {
            s.push_str(&format!("refused: {} ({}): {}\n", r.item, r.kind, r.message));
        }
        for (t, o) in &self.outcomes {
            for d in &o.differences {
                s.push_str(&format!("error: round trip: {d}\n"));
            }
            s.push_str(&format!(
                "verify {t}: {} of {} records, {} of {} values and {} of {} C macros identical\n",
                o.records_identical, o.records, o.values_identical, o.values, o.macros_identical, o.macros
            ));
        }
        s.push_str(&format!(
            "{} -> {}: {} of {} records, {} enums, {} constants, {} flags, {} ioctls, {} strings, {} C macros ({} items per architecture); {} refused\n",
            self.header,
            self.output,
            self.records_imported,
            self.records,
            self.enums,
            self.constants,
            self.flags,
            self.ioctls,
            self.strings,
            self.c_macros,
            self.per_arch,
            self.refused.len()
        ));
        s
    }

    fn json(&self) -> String {
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.refused {
            *by_kind.entry(r.kind).or_default() += 1;
        }
        let refused: Vec<serde_json::Value> = self
            .refused
            .iter()
            .map(|r| serde_json::json!({"item": r.item, "what": r.what, "kind": r.kind, "message": r.message}))
            .collect();
        let verify: Vec<serde_json::Value> = self
            .outcomes
            .iter()
            .map(|(t, o)| {
                serde_json::json!({
                    "target": t, "records": o.records, "records_identical": o.records_identical,
                    "compared": o.compared, "identical": o.identical, "values": o.values, "values_identical": o.values_identical,
                    "c_macros": o.macros, "c_macros_identical": o.macros_identical,
                    "differences": o.differences,
                })
            })
            .collect();
        let v = serde_json::json!({
            "header": self.header, "output": self.output,
            "records": self.records, "records_imported": self.records_imported,
            "enums": self.enums, "constants": self.constants, "flags": self.flags, "ioctls": self.ioctls,
            "strings": self.strings, "c_macros": self.c_macros, "per_arch_items": self.per_arch,
            "unread": self.unread, "refused": refused, "refused_by_kind": by_kind,
            "changes": self.changes, "verify": verify,
        });
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_and_the_includes_are_the_originals() {
        let text = "/* SPDX */\n#ifndef _LINUX_IF_H\n#define _LINUX_IF_H\n#include <linux/types.h>\n#include <linux/socket.h>\n#ifndef __KERNEL__\n#include <sys/socket.h>\n#endif\n#ifdef __x86_64__\n#include <asm/only.h>\n#endif\n#define IFNAMSIZ 16\n#include <linux/hdlc/ioctl.h>\n#endif\n";
        assert_eq!(include_guard(text).as_deref(), Some("_LINUX_IF_H"));
        let (top, late) = includes(text, true);
        assert_eq!(top, ["linux/socket.h", "sys/socket.h"], "`#ifndef __KERNEL__` holds for every user; `#ifdef __x86_64__` does not");
        assert_eq!(late, ["linux/hdlc/ioctl.h"], "after a definition of the header's own");
        assert_eq!(include_guard("#ifndef A\n#define B\n"), None);
        assert_eq!(include_guard("struct a;\n"), None);
    }

    #[test]
    fn module_names_are_rust_identifiers() {
        assert_eq!(module_name("linux/vfio.h"), "vfio");
        assert_eq!(module_name("linux/if.h"), "if_");
        assert_eq!(module_name("linux/virtio_9p.h"), "virtio_9p");
        assert_eq!(module_name("linux/tc_act/tc_bpf.h"), "tc_bpf");
        assert_eq!(module_name("linux/sonet-ext.h"), "sonet_ext");
        assert_eq!(module_name("9p.h"), "_9p");
    }
}
