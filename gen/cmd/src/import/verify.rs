//! The round trip: the header `uabi header` writes from the imported module, read back by the
//! same C front end on the 64-bit targets, against the original. Every imported record must
//! have every member of the original (by name, through untagged members) at the same offset
//! with the same size, and the same size itself; every imported macro and enumerator the same
//! value, as C compares values. Members import adds (padding, the integer beside a pointer)
//! are allowed, and an empty struct member (no bytes: `__DECLARE_FLEX_ARRAY`'s
//! `__empty_<name>`) is not looked for; nothing else may differ.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use uabi_arch::Family;

use super::cexpr::CValue;
use super::plan::{Kind, Plan};
use super::targets::FamilyTarget;
use crate::cheader::{Header, HeaderIr, Options, Parser, RecordId, TypeKind};

/// What the round trip found on one target.
#[derive(Default)]
pub struct Outcome {
    pub records: usize,
    pub records_identical: usize,
    pub values: usize,
    pub values_identical: usize,
    /// C macros (`c_macro`, and enumerators the original `#define`s that `c_defines`
    /// defines): defined in the generated header, with as many parameters and the same
    /// tokens (parameters by position; one pair of parentheses around the whole allowed).
    pub macros: usize,
    pub macros_identical: usize,
    /// One line per difference.
    pub differences: Vec<String>,
    /// Imported records compared on this target, and those identical, by key.
    pub compared: BTreeSet<String>,
    pub identical: BTreeSet<String>,
}

/// Members of a record, flattened through untagged members: path to (offset, size) in bits.
fn members(ir: &HeaderIr, id: RecordId, prefix: &str, base: u64, out: &mut BTreeMap<String, (u64, u64)>) {
    for f in &ir.records[id].fields {
        let off = base + f.offset_bits.unwrap_or(u64::MAX / 2);
        let untagged = match f.ty.kind {
            TypeKind::Record { def: Some(d), .. } if ir.records[d].tag.is_none() => Some(d),
            _ => None,
        };
        match (&f.name, untagged) {
            (None, Some(d)) => members(ir, d, prefix, off, out),
            (None, None) => {}
            // An empty struct member (`__DECLARE_FLEX_ARRAY`'s `__empty_<name>`) has no bytes
            // to compare; import writes the flexible array without it.
            (Some(_), Some(d)) if ir.records[d].size == Some(0) && ir.records[d].fields.is_empty() => {}
            (Some(n), _) => {
                let path = format!("{prefix}{n}");
                let size = f.bit_width.map(u64::from).unwrap_or_else(|| f.ty.size.unwrap_or(0) * 8);
                out.insert(path.clone(), (off, size));
                if let Some(d) = untagged {
                    members(ir, d, &format!("{path}."), off, out);
                }
            }
        }
    }
}

fn own_record(ir: &HeaderIr, key: &str) -> Option<RecordId> {
    ir.records.iter().position(|r| r.file.is_none() && r.c_name().as_deref() == Some(key))
}

/// Every name the plan defines for `family` with a value: constants, flags, ioctls, enumerators.
fn names(plan: &Plan, family: Family) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for item in plan.items.iter().filter(|i| i.arch.contains(family)) {
        match &item.kind {
            Kind::Const(c) => {
                out.insert(c.name.clone());
            }
            Kind::Ioctl(i) => {
                out.insert(i.name.clone());
            }
            Kind::Record(r) => {
                for f in r.fields.iter().filter(|f| f.arch.contains(family)) {
                    out.extend(f.flags.iter().map(|fl| fl.name.clone()));
                }
            }
            Kind::Enum(e) => {
                for v in &e.variants {
                    out.insert(v.c_name.clone().unwrap_or_else(|| format!("{}{}", e.prefix, uabi_model::snake_case(&v.rust).to_ascii_uppercase())));
                }
            }
            Kind::Str { .. } | Kind::CMacro(_) => {}
        }
    }
    out
}

/// The C macros the plan defines for `family` without a value of their own: `c_macro`s, and
/// the enumerators of `c_defines` enums that the original defines by their own names.
fn c_macros(plan: &Plan, family: Family, original: &HeaderIr) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for item in plan.items.iter().filter(|i| i.arch.contains(family)) {
        match &item.kind {
            Kind::CMacro(c) => {
                out.insert(c.name.clone());
            }
            Kind::Enum(e) if e.c_defines => {
                for v in &e.variants {
                    let name = v.c_name.clone().unwrap_or_else(|| format!("{}{}", e.prefix, uabi_model::snake_case(&v.rust).to_ascii_uppercase()));
                    if original.macros.iter().any(|m| m.name == name && m.params.is_none()) {
                        out.insert(name);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A macro's tokens with its parameters by position (`$0`, ..), or its text where they do not
/// lex.
fn macro_tokens(m: &crate::cheader::Macro) -> Vec<String> {
    let params = m.params.clone().unwrap_or_default();
    match super::cmacro::tokenize(&m.body) {
        Ok(toks) => toks
            .iter()
            .map(|t| match params.iter().position(|p| p == t.text()) {
                Some(i) if matches!(t, super::cmacro::Tok::Ident(_)) => format!("${i}"),
                _ => t.text().to_string(),
            })
            .collect(),
        Err(_) => vec![m.body.clone()],
    }
}

fn value_of(ir: &HeaderIr, name: &str) -> Option<CValue> {
    if let Some(m) = ir.macros.iter().find(|m| m.name == name) {
        return m.value.map(|v| CValue { value: v.value, unsigned: v.unsigned });
    }
    ir.enums.iter().flat_map(|e| &e.values).find(|v| v.name == name).map(|v| CValue { value: v.value, unsigned: false })
}

/// Reads the generated header `files` (written below `dir`) on `ft` and compares it with
/// `original`, the same target's IR of the original header.
pub fn check(parser: &Parser, plan: &Plan, dir: &Path, roots: &[PathBuf], ft: &'static FamilyTarget, original: &HeaderIr) -> Result<Outcome, String> {
    let header = Header { name: plan.header.clone(), path: dir.join(&plan.header), below_root: true };
    let mut all_roots = vec![dir.to_path_buf()];
    all_roots.extend(roots.iter().cloned());
    // The values wanted are the original's macros': one parse, probing those.
    let generated = parser.extract_like(&header, &all_roots, ft.target, Options { macro_values: true, external_records: false }, original, false)?;
    let mut out = Outcome::default();
    let t = ft.target.name;
    if let Some(p) = generated.problems.first() {
        out.differences.push(format!("{t}: the generated header does not compile: {}", p.message.lines().next().unwrap_or_default()));
    }
    let family = ft.family;
    let imported: BTreeSet<&str> = plan
        .items
        .iter()
        .filter(|i| !i.auxiliary && i.arch.contains(family) && matches!(i.kind, Kind::Record(_)))
        .map(|i| i.origin.as_str())
        .collect();
    for key in imported {
        let Some(o) = own_record(original, key) else { continue };
        out.records += 1;
        out.compared.insert(key.to_string());
        let Some(g) = own_record(&generated, key) else {
            out.differences.push(format!("{t}: {key}: not in the generated header"));
            continue;
        };
        let (mut om, mut gm) = (BTreeMap::new(), BTreeMap::new());
        members(original, o, "", 0, &mut om);
        members(&generated, g, "", 0, &mut gm);
        let mut same = true;
        let (os, gs) = (original.records[o].size, generated.records[g].size);
        if os != gs {
            out.differences.push(format!("{t}: {key}: size {} in the original, {} generated", show(os), show(gs)));
            same = false;
        }
        for (path, (off, size)) in &om {
            match gm.get(path) {
                Some((goff, gsize)) if goff == off && gsize == size => {}
                Some((goff, gsize)) => {
                    out.differences.push(format!("{t}: {key}: `{path}` at bit {off} ({size} bits) in the original, at bit {goff} ({gsize} bits) generated"));
                    same = false;
                }
                None => {
                    out.differences.push(format!("{t}: {key}: `{path}` is missing from the generated record"));
                    same = false;
                }
            }
        }
        if same {
            out.records_identical += 1;
            out.identical.insert(key.to_string());
        }
    }
    for name in names(plan, family) {
        let Some(want) = value_of(original, &name) else { continue };
        out.values += 1;
        match value_of(&generated, &name) {
            Some(got) if got.c_equal(want) => out.values_identical += 1,
            Some(got) => out.differences.push(format!("{t}: `{name}` is {} in the original, {} generated", want.value, got.value)),
            None => out.differences.push(format!("{t}: `{name}` has no value in the generated header")),
        }
    }
    for name in c_macros(plan, family, original) {
        let Some(want) = original.macros.iter().find(|m| m.name == name) else { continue };
        out.macros += 1;
        let Some(got) = generated.macros.iter().find(|m| m.name == name) else {
            out.differences.push(format!("{t}: `{name}` is not defined in the generated header"));
            continue;
        };
        let arity = |m: &crate::cheader::Macro| m.params.as_ref().map(Vec::len);
        if arity(want) != arity(got) {
            out.differences.push(format!("{t}: `{name}` takes {:?} parameters in the original, {:?} generated", arity(want), arity(got)));
            continue;
        }
        let (w, g) = (macro_tokens(want), macro_tokens(got));
        let parenthesized = g.len() == w.len() + 2 && g.first().is_some_and(|x| x == "(") && g.last().is_some_and(|x| x == ")") && g[1..g.len() - 1] == w[..];
        if w == g || parenthesized {
            out.macros_identical += 1;
        } else {
            out.differences.push(format!("{t}: `{name}` is `{}` in the original, `{}` generated", want.body, got.body));
        }
    }
    Ok(out)
}

fn show(v: Option<u64>) -> String {
    v.map_or("unknown".into(), |v| v.to_string())
}
