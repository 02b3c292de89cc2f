//! Each family's [`Decls`] into one [`Plan`]: an item every family read declares alike is one
//! item; one that differs is an item per group of families that agree (`#[uabi(arch(..))]`).
//! Rust names are given here, and an item is limited to the families where everything it
//! names exists.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use uabi_arch::{Family, FamilySet};

use super::convert::{self, parse_ref, rust_type_name, Decls, MacroKind, Ref, Refusal, Tree};
use super::plan::{self, Item, Kind, Plan, Ty};
use super::targets::FamilyTarget;

/// An item of the header that was not imported.
#[derive(Clone, Debug)]
pub struct Refused {
    /// `struct foo`, `enum bar`, `FOO_BAR`.
    pub item: String,
    /// What kind of C item: `record`, `enum`, `macro`.
    pub what: &'static str,
    pub kind: &'static str,
    pub message: String,
}

pub struct Merged {
    pub plan: Plan,
    pub refused: Vec<Refused>,
    pub changes: Vec<String>,
    /// Keys of the header's own records (not those of other headers), every family's.
    pub header_records: BTreeSet<String>,
}

/// One way a family group declares an item.
struct Variant<T> {
    families: FamilySet,
    value: T,
}

fn group<T: Clone, K: PartialEq>(items: impl IntoIterator<Item = (Family, T)>, key: impl Fn(&T) -> K) -> Vec<Variant<T>> {
    let mut out: Vec<(K, Variant<T>)> = Vec::new();
    for (f, v) in items {
        let k = key(&v);
        match out.iter_mut().find(|(ok, _)| *ok == k) {
            Some((_, var)) => var.families = var.families.union(FamilySet::single(f)),
            None => out.push((k, Variant { families: FamilySet::single(f), value: v })),
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

/// A tree without its documentation: what two families must agree on.
fn shape(t: &Tree) -> Tree {
    let mut t = t.clone();
    // The declaration, not its layout: a record that names a per-family record is one record
    // (the model lays it out per family).
    (t.size, t.align) = (0, 0);
    for r in &mut t.records {
        for f in &mut r.fields {
            f.docs.clear();
            for b in &mut f.bits {
                b.docs.clear();
            }
            for fl in &mut f.flags {
                fl.docs.clear();
            }
        }
    }
    t
}

/// The families an item read on all of `read` alike exists on: every family (those no target
/// reads included); otherwise the ones that declare it.
fn arch_of(families: FamilySet, read: FamilySet, variants: usize, everywhere: bool) -> FamilySet {
    if variants == 1 && everywhere && families == read {
        FamilySet::ALL
    } else {
        families
    }
}

enum Entity {
    Record(String),
    Enum(String),
    Macro(String),
}

pub fn merge(decls: Vec<(&'static FamilyTarget, Decls)>, header: &str, module: String, guard: Option<String>, includes: Vec<String>) -> Merged {
    let read = decls.iter().fold(FamilySet::EMPTY, |s, (t, _)| s.union(FamilySet::single(t.family)));
    let mut refused: Vec<Refused> = Vec::new();
    let mut changes: Vec<String> = Vec::new();

    // Source order: the first family's, then what only later families have.
    let mut order: Vec<(usize, u32, usize, Entity)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut seq = 0;
    for (fi, (_, d)) in decls.iter().enumerate() {
        for r in &d.records {
            if seen.insert(r.key.clone()) {
                // Records of other headers first: the header includes them before use.
                let at = if r.defined_in.is_some() { (0, 0) } else { (fi, r.order) };
                order.push((at.0, at.1, seq, Entity::Record(r.key.clone())));
                seq += 1;
            }
        }
        for e in &d.enums {
            if seen.insert(e.key.clone()) {
                order.push((fi, e.order, seq, Entity::Enum(e.key.clone())));
                seq += 1;
            }
        }
        for m in &d.macros {
            if seen.insert(m.name.clone()) {
                order.push((fi, m.order, seq, Entity::Macro(m.name.clone())));
                seq += 1;
            }
        }
    }
    order.sort_by_key(|(f, o, s, _)| (*f, *o, *s));
    let header_records: BTreeSet<String> =
        decls.iter().flat_map(|(_, d)| d.records.iter().filter(|r| r.defined_in.is_none() && r.order != u32::MAX).map(|r| r.key.clone())).collect();

    // Records: variants per key.
    let mut records: BTreeMap<String, Vec<Variant<Tree>>> = BTreeMap::new();
    let mut record_info: HashMap<String, (Option<String>, Vec<String>)> = HashMap::new();
    for (_, e) in order.iter().map(|(a, _, _, e)| (a, e)) {
        let Entity::Record(key) = e else { continue };
        let mut ok = Vec::new();
        let mut failed: Vec<(Family, Refusal)> = Vec::new();
        let mut present = FamilySet::EMPTY;
        let mut first_changes = None;
        for (t, d) in &decls {
            let Some(r) = d.records.iter().find(|r| r.key == *key) else { continue };
            present = present.union(FamilySet::single(t.family));
            record_info.entry(key.clone()).or_insert_with(|| (r.defined_in.clone(), r.docs.clone()));
            match &r.result {
                Ok(tree) => {
                    ok.push((t.family, tree.clone()));
                    first_changes.get_or_insert_with(|| r.changes.clone());
                }
                Err(e) => failed.push((t.family, e.clone())),
            }
        }
        // A record the 64-bit families cannot import is not imported from a 32-bit-only
        // family's declaration either: its 64-bit layout there is import's guess, and the
        // declaration may be sized for 32 bits (linux/sysinfo.h's `_f[20 - 2 * sizeof(long)
        // - sizeof(int)]`).
        let lp64 = |f: Family| decls.iter().any(|(t, _)| t.family == f && t.lp64);
        if !ok.iter().any(|(f, _)| lp64(*f)) && failed.iter().any(|(f, _)| lp64(*f)) {
            ok.clear();
            failed.sort_by_key(|(f, _)| !lp64(*f));
        }
        if ok.is_empty() {
            let (_, e) = &failed[0];
            if header_records.contains(key) {
                refused.push(Refused { item: key.clone(), what: "record", kind: e.kind, message: e.message.clone() });
            }
            continue;
        }
        let mut variants = group(ok, shape);
        let everywhere = failed.is_empty() && present == read;
        if let Some(one) = fields_per_family(&variants) {
            variants = vec![one];
        }
        let n = variants.len();
        for v in &mut variants {
            v.families = arch_of(v.families, read, n, everywhere);
        }
        if !failed.is_empty() {
            let fams: FamilySet = failed.iter().fold(FamilySet::EMPTY, |s, (f, _)| s.union(FamilySet::single(*f)));
            changes.push(format!("{key}: not imported on {fams}: {}", failed[0].1.message));
        }
        changes.extend(first_changes.unwrap_or_default());
        records.insert(key.clone(), variants);
    }

    // Macros and enums: variants per name.
    let mut macros: BTreeMap<String, Vec<Variant<MacroKind>>> = BTreeMap::new();
    let mut macro_docs: HashMap<String, Vec<String>> = HashMap::new();
    let mut macro_deps: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (_, e) in order.iter().map(|(a, _, _, e)| (a, e)) {
        let Entity::Macro(name) = e else { continue };
        let mut ok: Vec<(Family, MacroKind)> = Vec::new();
        let mut first_refusal: Option<Refusal> = None;
        let mut flag = FamilySet::EMPTY;
        let mut present = FamilySet::EMPTY;
        let mut first_changes = None;
        for (t, d) in &decls {
            let Some(m) = d.macros.iter().find(|m| m.name == *name) else { continue };
            present = present.union(FamilySet::single(t.family));
            macro_docs.entry(name.clone()).or_insert_with(|| m.docs.clone());
            macro_deps.entry(name.clone()).or_default().extend(m.deps.iter().cloned());
            match &m.kind {
                MacroKind::Flag => flag = flag.union(FamilySet::single(t.family)),
                MacroKind::Refused(r) => {
                    first_refusal.get_or_insert_with(|| r.clone());
                }
                k => {
                    first_changes.get_or_insert_with(|| m.changes.clone());
                    ok.push((t.family, clone_kind(k)));
                }
            }
        }
        if ok.is_empty() {
            if let (Some(r), true) = (first_refusal, flag.is_empty()) {
                refused.push(Refused { item: name.clone(), what: "macro", kind: r.kind, message: r.message });
            }
            continue;
        }
        changes.extend(first_changes.unwrap_or_default());
        let everywhere = flag.is_empty() && present == read && ok.len() == read.len();
        let mut variants = group(ok, kind_key);
        let n = variants.len();
        for v in &mut variants {
            v.families = arch_of(v.families, read, n, everywhere);
        }
        macros.insert(name.clone(), variants);
    }
    let mut enums: BTreeMap<String, Vec<Variant<plan::Enum>>> = BTreeMap::new();
    let mut enum_docs: HashMap<String, Vec<String>> = HashMap::new();
    for (_, e) in order.iter().map(|(a, _, _, e)| (a, e)) {
        let Entity::Enum(key) = e else { continue };
        let mut ok = Vec::new();
        let mut first_refusal = None;
        let mut present = FamilySet::EMPTY;
        for (t, d) in &decls {
            let Some(en) = d.enums.iter().find(|en| en.key == *key) else { continue };
            present = present.union(FamilySet::single(t.family));
            enum_docs.entry(key.clone()).or_insert_with(|| en.docs.clone());
            match &en.result {
                Ok(v) => {
                    if ok.is_empty() {
                        changes.extend(en.changes.iter().cloned());
                    }
                    ok.push((t.family, v.clone()));
                }
                Err(r) => {
                    first_refusal.get_or_insert_with(|| r.clone());
                }
            }
        }
        if ok.is_empty() {
            if let Some(r) = first_refusal {
                refused.push(Refused { item: key.clone(), what: "enum", kind: r.kind, message: r.message });
            }
            continue;
        }
        let everywhere = present == read && ok.len() == read.len();
        let mut variants = group(ok, |v| {
            let mut v = v.clone();
            v.variants.iter_mut().for_each(|x| x.docs.clear());
            v
        });
        let n = variants.len();
        for v in &mut variants {
            v.families = arch_of(v.families, read, n, everywhere);
        }
        enums.insert(key.clone(), variants);
    }

    // Where each record, enum and constant exists; an item is limited to where what it names
    // does, until nothing changes.
    let mut emptied_by: HashMap<String, String> = HashMap::new();
    loop {
        let mut exists: HashMap<String, FamilySet> = HashMap::new();
        for (k, vs) in &records {
            exists.insert(k.clone(), vs.iter().fold(FamilySet::EMPTY, |s, v| s.union(v.families)));
        }
        for (k, vs) in &macros {
            exists.insert(k.clone(), vs.iter().fold(FamilySet::EMPTY, |s, v| s.union(v.families)));
        }
        let mut changed = false;
        for (key, vs) in records.iter_mut() {
            for v in vs.iter_mut() {
                for dep in &v.value.deps {
                    let e = exists.get(dep).copied().unwrap_or(FamilySet::EMPTY);
                    let narrowed = v.families.intersection(e);
                    if narrowed != v.families {
                        if narrowed.is_empty() {
                            changes.push(format!("{key}: not imported on {}: it uses `{dep}`, which is not imported there", v.families));
                        }
                        v.families = narrowed;
                        changed = true;
                    }
                }
            }
            vs.retain(|v| !v.families.is_empty());
        }
        let emptied: Vec<String> = records.iter().filter(|(_, vs)| vs.is_empty()).map(|(k, _)| k.clone()).collect();
        for k in emptied {
            records.remove(&k);
            if header_records.contains(&k) {
                refused.push(Refused { item: k.clone(), what: "record", kind: "depends", message: format!("{k} uses a record that is not imported (see above)") });
            }
        }
        for (name, vs) in macros.iter_mut() {
            let deps = macro_deps.get(name).cloned().unwrap_or_default();
            for v in vs.iter_mut() {
                let mut names: Vec<String> = deps.iter().filter(|d| *d != name).cloned().collect();
                if let MacroKind::Ioctl(io) = &v.value {
                    if let Some(Ty::Named(n)) = io.arg.as_ref().map(|t| t.element().clone()) {
                        if let Ref::Key(k) = parse_ref(&n) {
                            names.push(k.to_string());
                        }
                    }
                }
                for dep in names {
                    // A record that is not imported exists nowhere; a name that is no item of
                    // the module (a macro of another header, a refused one) is left to the
                    // model, which writes the value instead.
                    let unknown = if dep.starts_with("struct ") || dep.starts_with("union ") { FamilySet::EMPTY } else { FamilySet::ALL };
                    let e = exists.get(&dep).copied().unwrap_or(unknown);
                    let narrowed = v.families.intersection(e);
                    if narrowed != v.families {
                        if narrowed.is_empty() {
                            emptied_by.insert(name.clone(), dep.clone());
                        }
                        v.families = narrowed;
                        changed = true;
                    }
                }
            }
            vs.retain(|v| !v.families.is_empty());
        }
        let emptied: Vec<String> = macros.iter().filter(|(_, vs)| vs.is_empty()).map(|(k, _)| k.clone()).collect();
        for k in emptied {
            macros.remove(&k);
            let dep = emptied_by.get(&k).map_or("an item".to_string(), |d| format!("`{d}`"));
            refused.push(Refused { item: k.clone(), what: "macro", kind: "depends", message: format!("`{k}` names {dep}, which is not imported where it is") });
        }
        if !changed {
            break;
        }
    }

    // Rust names.
    let mut taken: HashSet<String> = HashSet::new();
    let fresh = |base: String, taken: &mut HashSet<String>| -> String {
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    };
    let mut rust_of: HashMap<String, String> = HashMap::new();
    for (_, _, _, e) in &order {
        let key = match e {
            Entity::Record(k) if records.contains_key(k) => k,
            Entity::Enum(k) if enums.contains_key(k) => k,
            _ => continue,
        };
        let tag = key.split_once(' ').map_or(key.as_str(), |(_, t)| t);
        let name = fresh(rust_type_name(tag), &mut taken);
        rust_of.insert(key.clone(), name);
    }

    // Items, in source order.
    let mut items: Vec<Item> = Vec::new();
    let mut next_id = 0;
    let mut push = |items: &mut Vec<Item>, origin: &str, auxiliary: bool, arch: FamilySet, docs: Vec<String>, kind: Kind| {
        items.push(Item { id: next_id, origin: origin.to_string(), auxiliary, arch, docs, kind });
        next_id += 1;
    };
    // Enums a field may name: those imported once, for every family.
    let enum_rust: HashMap<String, String> = enums
        .iter()
        .filter(|(_, vs)| vs.len() == 1 && vs[0].families.is_all())
        .filter_map(|(k, _)| Some((rust_type_name(k.strip_prefix("enum ")?), rust_of.get(k)?.clone())))
        .collect();
    for (_, _, _, e) in &order {
        match e {
            Entity::Record(key) => {
                let Some(vs) = records.get(key) else { continue };
                let rust = rust_of[key].clone();
                let (_, docs) = record_info.get(key).cloned().unwrap_or_default();
                for v in vs {
                    let auxiliary = v.value.records[0].defined_in.is_some() || !header_records.contains(key);
                    let suffix = if vs.len() > 1 { v.families.iter().next().map(|f| convert::rust_type_name(f.name())).unwrap_or_default() } else { String::new() };
                    // The untagged members' types first: Rust names, then references.
                    let mut names = vec![rust.clone()];
                    for (i, r) in v.value.records.iter().enumerate().skip(1) {
                        let base = if !r.anonymous {
                            rust_type_name(&r.c_name)
                        } else {
                            let path = &v.value.paths[i];
                            let stem = if path.is_empty() { format!("Anon{i}") } else { rust_type_name(&path.replace('.', "_")) };
                            format!("{rust}{stem}{suffix}")
                        };
                        names.push(fresh(base, &mut taken));
                    }
                    let resolve = |t: &Ty| -> Ty { rename(t, &names, &rust_of) };
                    for (i, r) in v.value.records.iter().enumerate().rev() {
                        let mut r = r.clone();
                        r.rust = names[i].clone();
                        for f in &mut r.fields {
                            f.ty = resolve(&f.ty);
                            f.enum_name = f.enum_name.as_ref().and_then(|e| enum_rust.get(e).cloned());
                        }
                        let docs = if i == 0 { docs.clone() } else { Vec::new() };
                        push(&mut items, key, auxiliary || i > 0, v.families, docs, Kind::Record(r));
                    }
                }
            }
            Entity::Enum(key) => {
                let Some(vs) = enums.get(key) else { continue };
                for v in vs {
                    let mut en = v.value.clone();
                    en.rust = rust_of[key].clone();
                    push(&mut items, key, false, v.families, enum_docs.get(key).cloned().unwrap_or_default(), Kind::Enum(en));
                }
            }
            Entity::Macro(name) => {
                let Some(vs) = macros.get(name) else { continue };
                for v in vs {
                    let kind = match &v.value {
                        MacroKind::Const(c) => Kind::Const(c.clone()),
                        MacroKind::Str(s) => Kind::Str { name: name.clone(), value: s.clone() },
                        MacroKind::CMacro(c) => Kind::CMacro(c.clone()),
                        MacroKind::Ioctl(io) => {
                            let mut io = io.clone();
                            io.arg = io.arg.as_ref().map(|t| rename(t, &[], &rust_of));
                            Kind::Ioctl(io)
                        }
                        MacroKind::Flag | MacroKind::Refused(_) => continue,
                    };
                    push(&mut items, name, false, v.families, macro_docs.get(name).cloned().unwrap_or_default(), kind);
                }
            }
        }
    }
    // Ioctls that share a number each get a namespace of their own: uabi keeps numbers unique
    // per namespace (Linux reuses a number on different file descriptors).
    let mut by_number: HashMap<(plan::Dir, u8, u8, Option<Ty>), String> = HashMap::new();
    for item in &mut items {
        if let Kind::Ioctl(io) = &mut item.kind {
            let k = (io.dir, io.ty_value, io.nr_value, io.arg.clone());
            match by_number.get(&k) {
                Some(first) => {
                    changes.push(format!("{}: has the number of `{first}`: in its own namespace `{}` (uabi keeps numbers unique per namespace)", io.name, io.name.to_ascii_lowercase()));
                    io.namespace = Some(io.name.to_ascii_lowercase());
                }
                None => {
                    by_number.insert(k, io.name.clone());
                }
            }
        }
    }
    Merged { plan: Plan { module, header: header.to_string(), guard, includes, docs: Vec::new(), items }, refused, changes, header_records }
}

/// The variants of a record as one record whose fields differ per family
/// (`#[uabi(arch(..))]` on a field: `kvm_run`'s PSW words on s390), when they differ only so:
/// the same untagged members' types, and field lists that interleave, every field name having
/// one definition. The fields in every variant exist wherever the record does.
fn fields_per_family(variants: &[Variant<Tree>]) -> Option<Variant<Tree>> {
    if variants.len() < 2 {
        return None;
    }
    let first = shape(&variants[0].value);
    if variants.iter().any(|v| shape(&v.value).records[1..] != first.records[1..]) {
        return None;
    }
    let strip = |f: &plan::Field| {
        let mut f = f.clone();
        f.docs.clear();
        f.bits.iter_mut().for_each(|b| b.docs.clear());
        f.flags.iter_mut().for_each(|fl| fl.docs.clear());
        f
    };
    // The merged list: each field with the families that have it, by a longest common
    // subsequence against each variant in turn.
    let mut merged: Vec<(plan::Field, FamilySet)> = variants[0].value.records[0].fields.iter().map(|f| (f.clone(), variants[0].families)).collect();
    for v in &variants[1..] {
        let theirs = &v.value.records[0].fields;
        let (n, m) = (merged.len(), theirs.len());
        let mut lcs = vec![vec![0usize; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if strip(&merged[i].0) == strip(&theirs[j]) { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < n || j < m {
            if i < n && j < m && strip(&merged[i].0) == strip(&theirs[j]) {
                out.push((merged[i].0.clone(), merged[i].1.union(v.families)));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.push(merged[i].clone());
                i += 1;
            } else {
                out.push((theirs[j].clone(), v.families));
                j += 1;
            }
        }
        merged = out;
    }
    let names: BTreeSet<&str> = merged.iter().map(|(f, _)| f.c_name.as_str()).collect();
    if names.len() != merged.len() {
        return None;
    }
    let all = variants.iter().fold(FamilySet::EMPTY, |s, v| s.union(v.families));
    // Records that are mostly alike only: x86's and arm64's `kvm_regs`, which share nothing,
    // read better as a record each.
    let common = merged.iter().filter(|(_, f)| *f == all).count();
    let largest = variants.iter().map(|v| v.value.records[0].fields.len()).max().unwrap_or(0);
    if common * 2 < largest {
        return None;
    }
    let mut tree = variants[0].value.clone();
    tree.records[0].fields = merged.into_iter().map(|(mut f, fams)| {
        f.arch = if fams == all { FamilySet::ALL } else { fams };
        f
    }).collect();
    for v in &variants[1..] {
        tree.deps.extend(v.value.deps.iter().cloned());
    }
    Some(Variant { families: all, value: tree })
}

fn clone_kind(k: &MacroKind) -> MacroKind {
    k.clone()
}

/// What two families must agree on for a macro to be one item.
fn kind_key(k: &MacroKind) -> String {
    match k {
        MacroKind::Const(c) => format!("const {} {} {:?}", c.ty.rust_name(), c.expr, c.c_suffix),
        MacroKind::Str(s) => format!("str {s:?}"),
        MacroKind::CMacro(c) => format!("c_macro {:?} {}", c.params, c.body),
        MacroKind::Ioctl(i) => format!("ioctl {:?} {} {} {:?}", i.dir, i.ty_expr, i.nr_expr, i.arg),
        MacroKind::Flag | MacroKind::Refused(_) => String::new(),
    }
}

/// A field type with its references to records (by key, or untagged by index) as Rust names.
fn rename(t: &Ty, anon: &[String], keys: &HashMap<String, String>) -> Ty {
    match t {
        Ty::Prim(p) => Ty::Prim(*p),
        Ty::Array(e, n) => Ty::Array(Box::new(rename(e, anon, keys)), *n),
        Ty::Flex(e) => Ty::Flex(Box::new(rename(e, anon, keys))),
        Ty::Named(n) => Ty::Named(match parse_ref(n) {
            Ref::Key(k) => keys.get(k).cloned().unwrap_or_else(|| k.to_string()),
            Ref::Anon(i) => anon.get(i).cloned().unwrap_or_default(),
            Ref::Rust(r) => r.to_string(),
        }),
    }
}
