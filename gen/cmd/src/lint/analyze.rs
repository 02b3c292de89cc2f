//! Findings from the IR of one header on every target.
//!
//! - `layout`: the record's size or a field's offset differs from x86_64's on some target. An
//!   alignment that differs while every byte is in the same place (`struct { __u64 a; }` is
//!   8-aligned on x86_64 and 4-aligned on i386) is not a finding on its own: the record's bytes
//!   are the same, and where the alignment does move bytes (the record inside another, or
//!   followed by tail padding) that other record's size or offsets differ and it is reported.
//!   This is also uabi's own rule, so its generated headers lint clean.
//! - `type`: a field whose type is not a fixed-width integer (`int`, `long`, pointers, `_Bool`,
//!   `size_t`, enums, floats). `char` and its signed and unsigned forms are one byte on every
//!   ABI and are accepted. A union member overlaid by a fixed-width sibling at least as large
//!   on every target (the pointer union of `uabi`'s `c_pointer`: `union { __u64 *data; __u64
//!   data_u64; }`) does not decide the layout and is accepted.
//! - `padding`: bytes (or bits) no field covers, between fields or at the end, on x86_64.
//!
//! A record x86_64 does not define (under an `#ifdef` of other architectures), or cannot lay
//! out there, is compared with the first target that does instead, and its messages name that
//! target. A target on which the header does not compile is left out of the comparison.

use std::collections::HashMap;

use crate::cheader::{Field, HeaderIr, Int, Loc, Record, RecordId, RecordKind, Target, Type, TypeKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Layout,
    Type,
    Padding,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Layout => "layout",
            Kind::Type => "type",
            Kind::Padding => "padding",
        }
    }
}

/// One finding: the JSON contract's fields, and where to point in the header.
#[derive(Clone, Debug)]
pub struct Finding {
    pub header: String,
    pub record: String,
    pub kind: Kind,
    pub targets: Vec<&'static str>,
    pub field: Option<String>,
    pub message: String,
    pub fix: String,
    /// The caret's place and its label.
    pub loc: Loc,
    pub label: String,
    /// A second place worth pointing at (the field whose size moves the one at `loc`).
    pub secondary: Option<(Loc, String)>,
}

/// What linting one header found.
#[derive(Debug, Default)]
pub struct HeaderReport {
    /// Named structs and unions the header defines (on any target).
    pub records: usize,
    /// Of them, those whose alignment alone differs on some target (not findings).
    pub alignment_only: usize,
    pub findings: Vec<Finding>,
    /// `_Static_assert` probes of every laid-out record, per target (index into `TARGETS`).
    pub probes: Vec<(usize, String)>,
}

/// Fixed-width integer typedefs of Linux's `<linux/types.h>` and of C99.
const FIXED: &[&str] = &[
    "__u8", "__s8", "__u16", "__s16", "__u32", "__s32", "__u64", "__s64", "__le16", "__le32", "__le64", "__be16",
    "__be32", "__be64", "__aligned_u64", "__aligned_s64", "__aligned_be64", "__aligned_le64", "__sum16", "__wsum",
    "__poll_t", "uint8_t", "int8_t", "uint16_t", "int16_t", "uint32_t", "int32_t", "uint64_t", "int64_t", "__uint8_t",
    "__int8_t", "__uint16_t", "__int16_t", "__uint32_t", "__int32_t", "__uint64_t", "__int64_t",
];

/// `irs[i]` is the header on `TARGETS[i]` (x86_64 first); `None` where it was not read.
pub fn analyze(irs: &[Option<HeaderIr>], targets: &'static [Target], probes: bool) -> HeaderReport {
    let mut report = HeaderReport::default();
    // Named records, by C name, in the order of the first target that has them.
    let mut names: Vec<String> = Vec::new();
    let mut by_name: Vec<HashMap<String, RecordId>> = Vec::new();
    for ir in irs {
        let mut map = HashMap::new();
        if let Some(ir) = ir {
            for (id, r) in ir.records.iter().enumerate() {
                if let Some(name) = r.c_name() {
                    if !map.contains_key(&name) && !by_name.iter().any(|m: &HashMap<String, RecordId>| m.contains_key(&name)) {
                        names.push(name.clone());
                    }
                    map.entry(name).or_insert(id);
                }
            }
        }
        by_name.push(map);
    }
    report.records = names.len();
    let mut probe_text: Vec<String> = irs.iter().map(|ir| ir.as_ref().map(probe_prologue).unwrap_or_default()).collect();
    for name in &names {
        let views: Vec<Option<View>> =
            irs.iter().zip(&by_name).map(|(ir, map)| View::new(ir.as_ref()?, *map.get(name)?)).collect();
        if probes {
            for (t, v) in views.iter().enumerate() {
                if let Some(v) = v {
                    probe_record(&mut probe_text[t], name, v);
                }
            }
        }
        let Some(reference) = views.iter().position(Option::is_some) else { continue };
        let mut record = RecordLint { name, views: &views, reference, targets, findings: Vec::new() };
        if record.layout() {
            report.alignment_only += 1;
        }
        record.types();
        record.padding();
        report.findings.append(&mut record.findings);
    }
    if probes {
        report.probes = probe_text.into_iter().enumerate().filter(|(t, text)| irs[*t].is_some() && !text.is_empty()).collect();
    }
    if let Some(ir) = irs.iter().flatten().next() {
        for f in &mut report.findings {
            f.header = ir.header.name.clone();
        }
    }
    report
}

/// A field reached from a named record, anonymous members flattened.
struct Leaf<'a> {
    /// As C code names it from the record (`x`, `u.x`); `None` for an unnamed bit-field.
    path: Option<String>,
    /// Bits from the start of the named record.
    offset: u64,
    field: &'a Field,
    /// The anonymous records around the field, innermost last; `None` for the named one.
    parent: Option<RecordId>,
    containers: Vec<RecordId>,
}

impl Leaf<'_> {
    fn bits(&self) -> Option<u64> {
        match self.field.bit_width {
            Some(w) => Some(u64::from(w)),
            None => match (&self.field.ty.kind, self.field.ty.size) {
                (TypeKind::Array { len: None, .. }, _) => Some(0),
                (_, size) => size.map(|s| s * 8),
            },
        }
    }
}

/// One named record on one target, laid out.
struct View<'a> {
    ir: &'a HeaderIr,
    id: RecordId,
    size: u64,
    align: u64,
    leaves: Vec<Leaf<'a>>,
}

impl<'a> View<'a> {
    fn new(ir: &'a HeaderIr, id: RecordId) -> Option<View<'a>> {
        let r = &ir.records[id];
        let mut leaves = Vec::new();
        flatten(ir, id, 0, "", &mut Vec::new(), &mut leaves)?;
        Some(View { ir, id, size: r.size?, align: r.align?, leaves })
    }

    fn record(&self) -> &'a Record {
        &self.ir.records[self.id]
    }

    fn target(&self) -> &'static Target {
        self.ir.target
    }

    fn leaf(&self, path: &str) -> Option<&Leaf<'a>> {
        self.leaves.iter().find(|l| l.path.as_deref() == Some(path))
    }

    /// A leaf's offset in bits, bit-fields of big-endian targets mirrored inside their storage
    /// unit, so that Linux's `#ifdef __BIG_ENDIAN_BITFIELD` reversed declarations compare equal
    /// to the little-endian ones (both put the field at the same bits of the unit's value).
    fn position(&self, leaf: &Leaf) -> u64 {
        match (leaf.field.bit_width, leaf.field.ty.size) {
            (Some(w), Some(size)) if self.target().big_endian && size > 0 => {
                let unit = size * 8;
                let start = leaf.offset / unit * unit;
                let w = u64::from(w);
                if leaf.offset + w <= start + unit {
                    2 * start + unit - leaf.offset - w
                } else {
                    leaf.offset
                }
            }
            _ => leaf.offset,
        }
    }
}

fn is_anonymous_record(ir: &HeaderIr, ty: &Type) -> Option<RecordId> {
    match ty.kind {
        TypeKind::Record { def: Some(d), .. } if ir.records[d].c_name().is_none() => Some(d),
        _ => None,
    }
}

fn flatten<'a>(
    ir: &'a HeaderIr,
    id: RecordId,
    base: u64,
    prefix: &str,
    containers: &mut Vec<RecordId>,
    out: &mut Vec<Leaf<'a>>,
) -> Option<()> {
    for f in &ir.records[id].fields {
        let offset = base + f.offset_bits?;
        match (is_anonymous_record(ir, &f.ty), &f.name) {
            (Some(inner), name) if f.bit_width.is_none() => {
                let prefix = match name {
                    Some(n) => format!("{prefix}{n}."),
                    None => prefix.to_string(),
                };
                containers.push(inner);
                flatten(ir, inner, offset, &prefix, containers, out)?;
                containers.pop();
            }
            _ => out.push(Leaf {
                path: f.name.as_ref().map(|n| format!("{prefix}{n}")),
                offset,
                field: f,
                parent: containers.last().copied(),
                containers: containers.clone(),
            }),
        }
    }
    Some(())
}

/// What a field's type is, for the purpose of a fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Fixed,
    Long { signed: bool },
    Pointer,
    Plain(Int),
    Bool,
    Enum,
    Float,
    Record,
    Other,
}

fn class(ty: &Type) -> Class {
    if ty.typedefs.iter().any(|t| FIXED.contains(&t.as_str())) {
        return Class::Fixed;
    }
    match &ty.kind {
        TypeKind::Array { elem, .. } => class(elem),
        TypeKind::Int(Int::Char | Int::SChar | Int::UChar) => Class::Fixed,
        TypeKind::Int(Int::Bool) => Class::Bool,
        TypeKind::Int(i @ (Int::Long | Int::ULong)) => Class::Long { signed: i.is_signed() },
        TypeKind::Int(i) => Class::Plain(*i),
        TypeKind::Pointer { .. } => Class::Pointer,
        TypeKind::Enum { .. } => Class::Enum,
        TypeKind::Float(_) => Class::Float,
        TypeKind::Record { .. } => Class::Record,
        TypeKind::Other(_) => Class::Other,
    }
}

/// The element type of an array type, else the type.
fn element(ty: &Type) -> &Type {
    match &ty.kind {
        TypeKind::Array { elem, .. } => element(elem),
        _ => ty,
    }
}

/// `` `__kernel_size_t` (`unsigned long`) ``, `` `long` ``, `` `struct foo` ``.
fn describe(ty: &Type) -> String {
    let e = element(ty);
    let canonical = match &e.kind {
        TypeKind::Int(i) => Some(i.c_name().to_string()),
        TypeKind::Float(f) => Some(f.clone()),
        _ => None,
    };
    match canonical {
        Some(c) if !e.typedefs.is_empty() && c != e.spelling => format!("`{}` (`{c}`)", ty.spelling),
        _ => format!("`{}`", ty.spelling),
    }
}

/// `i386, arm and mips`.
fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `8 bytes on x86_64, 4 on i386 and arm`: the reference's value (the first given), then each
/// other value with the targets that have it. Targets not named have the reference's value.
fn per_target<T: std::fmt::Display + PartialEq>(values: &[(&'static str, T)], unit: &str) -> String {
    let Some((reference, first)) = values.first() else { return String::new() };
    let mut groups: Vec<(&T, Vec<&str>)> = Vec::new();
    for (t, v) in &values[1..] {
        if v == first {
            continue;
        }
        match groups.iter_mut().find(|(g, _)| *g == v) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((v, vec![*t])),
        }
    }
    let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
    std::iter::once(format!("{first}{unit} on {reference}"))
        .chain(groups.iter().map(|(v, ts)| format!("{v} on {}", list(ts))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a bit-field is: bits of its storage unit's value, least significant first (the same
/// numbers on both byte orders when the bits are the same). Equal when the bits are.
struct BitPlace {
    unit: u64,
    size: u64,
    lo: u64,
    hi: u64,
    /// Name the unit (the reference's, or one that differs from it).
    show_unit: bool,
}

impl PartialEq for BitPlace {
    fn eq(&self, other: &BitPlace) -> bool {
        (self.unit, self.lo, self.hi) == (other.unit, other.lo, other.hi)
    }
}

impl std::fmt::Display for BitPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "bits {}-{}", self.lo, self.hi)?;
        if self.show_unit {
            match self.size {
                1 => write!(f, " of the byte at offset {}", self.unit)?,
                n => write!(f, " of the {n}-byte unit at offset {}", self.unit)?,
            }
        }
        Ok(())
    }
}

/// A padding field of `bytes` bytes, as a fix would declare it.
fn pad_decl(bytes: u64) -> String {
    match bytes {
        1 => "__u8 __pad;".into(),
        2 => "__u16 __pad;".into(),
        4 => "__u32 __pad;".into(),
        n => format!("__u8 __pad[{n}];"),
    }
}

/// The fixed-width type of a size and signedness.
fn fixed_name(bytes: u64, signed: bool) -> String {
    format!("__{}{}", if signed { 's' } else { 'u' }, bytes * 8)
}

fn quote(path: &Option<String>) -> String {
    match path {
        Some(p) => format!("`{p}`"),
        None => "an unnamed bit-field".into(),
    }
}

/// Why a target lays the record out differently from the reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Cause {
    /// A field (index into the reference's leaves) has another size.
    Size(usize),
    /// The anonymous member (a record id of the reference) holding that field has another
    /// size (its tail padding follows its alignment).
    MemberSize(usize, RecordId),
    /// Fields only some targets declare: (only on the target, only on the reference).
    Fields(Vec<String>, Vec<String>),
    /// A field, or the anonymous record around it, is aligned differently.
    Align(usize, Option<RecordId>),
    /// The record's alignment differs, and with it the tail padding.
    Tail,
    /// A bit-field covers other bits.
    Bits(usize),
    /// `__attribute__((packed))` on some targets only.
    Packed,
    /// The fields are declared in another order (an `#if` on the byte order).
    Order,
    Other(Option<usize>),
}

struct RecordLint<'a, 'v> {
    name: &'a str,
    views: &'a [Option<View<'v>>],
    reference: usize,
    targets: &'static [Target],
    findings: Vec<Finding>,
}

impl<'v> RecordLint<'_, 'v> {
    fn reference(&self) -> &View<'v> {
        self.views[self.reference].as_ref().expect("the reference is laid out")
    }

    fn finding(&self, kind: Kind, field: Option<String>, loc: Loc) -> Finding {
        Finding {
            header: String::new(),
            record: self.name.to_string(),
            kind,
            targets: Vec::new(),
            field,
            message: String::new(),
            fix: String::new(),
            loc,
            label: String::new(),
            secondary: None,
        }
    }

    /// The size of the reference's leaf `i` on each laid-out target, by path.
    fn leaf_sizes(&self, i: usize) -> Vec<(&'static str, u64)> {
        let r = self.reference();
        let Some(path) = &r.leaves[i].path else { return Vec::new() };
        self.views
            .iter()
            .flatten()
            .filter_map(|v| Some((v.target().name, v.leaf(path)?.field.ty.size?)))
            .collect()
    }

    /// Reports a `layout` finding when size or offsets differ; returns whether only the
    /// alignment differs somewhere (not a finding, counted).
    fn layout(&mut self) -> bool {
        let r = self.reference();
        let mut differing: Vec<usize> = Vec::new();
        let mut first_moved: Option<usize> = None;
        let mut alignment_only = false;
        for (t, v) in self.views.iter().enumerate() {
            let Some(v) = v else { continue };
            if t == self.reference {
                continue;
            }
            let moved = self.moved(v);
            if v.size != r.size || moved.is_some() {
                differing.push(t);
                if let Some(m) = moved {
                    first_moved = Some(first_moved.map_or(m, |f| f.min(m)));
                }
            } else if v.align != r.align {
                alignment_only = true;
            }
        }
        if differing.is_empty() {
            return alignment_only;
        }
        // The cause on each differing target, and the targets of each cause.
        let mut causes: Vec<(Cause, Vec<usize>)> = Vec::new();
        for &t in &differing {
            let cause = self.cause(t);
            match causes.iter_mut().find(|(c, _)| *c == cause) {
                Some((_, ts)) => ts.push(t),
                None => causes.push((cause, vec![t])),
            }
        }
        let tnames = |ts: &[usize]| ts.iter().map(|&t| self.targets[t].name).collect::<Vec<_>>();
        let rname = self.targets[self.reference].name;
        let record = r.record();
        let mut f = self.finding(Kind::Layout, None, record.loc);
        f.targets = tnames(&differing);
        let mut sentences = Vec::new();
        // What differs: the size, and the first field that moves.
        let sizes: Vec<(&str, u64)> = self.views.iter().flatten().map(|v| (v.target().name, v.size)).collect();
        if sizes.iter().any(|&(_, s)| s != r.size) {
            sentences.push(format!("size {}", per_target(&sizes, "bytes")));
        }
        if let Some(m) = first_moved {
            let leaf = &r.leaves[m];
            let path = leaf.path.clone().unwrap_or_default();
            let offsets: Vec<(&str, u64)> = self
                .views
                .iter()
                .flatten()
                .filter_map(|v| {
                    let l = v.leaf(&path)?;
                    Some((v.target().name, v.position(l)))
                })
                .collect();
            let place = match (leaf.field.bit_width, leaf.field.ty.size) {
                (Some(w), Some(size)) if size > 0 => {
                    // Bits of the storage unit's value, least significant first: the same numbers
                    // on both byte orders when the bits are the same.
                    let unit_of = |p: u64| p / (size * 8) * size;
                    let first_unit = offsets.first().map_or(0, |&(_, p)| unit_of(p));
                    let shown: Vec<(&str, BitPlace)> = offsets
                        .iter()
                        .enumerate()
                        .map(|(i, &(t, p))| {
                            let unit = unit_of(p);
                            let lo = p - unit * 8;
                            (t, BitPlace { unit, size, lo, hi: lo + u64::from(w) - 1, show_unit: i == 0 || unit != first_unit })
                        })
                        .collect();
                    per_target(&shown, "")
                }
                _ if offsets.iter().any(|&(_, o)| o % 8 != 0) => format!("bit offset {}", per_target(&offsets, "")),
                _ => {
                    let shown: Vec<(&str, u64)> = offsets.iter().map(|&(t, o)| (t, o / 8)).collect();
                    format!("offset {}", per_target(&shown, ""))
                }
            };
            sentences.push(format!("`{path}` is the first field that moves: {place}"));
            f.field = leaf.path.clone();
            f.loc = leaf.field.loc;
            let moved_on: Vec<&str> = differing
                .iter()
                .filter(|&&t| self.views[t].as_ref().and_then(|v| v.leaf(&path).map(|l| v.position(l) != r.position(leaf))).unwrap_or(false))
                .map(|&t| self.targets[t].name)
                .collect();
            f.label = format!("moves on {}", list(&moved_on));
        } else {
            f.label = format!("{} bytes on {rname}, other sizes on {}", r.size, list(&f.targets));
        }
        let mut fixes = Vec::new();
        for (cause, ts) in &causes {
            let (why, fix) = self.explain(cause.clone(), &tnames(ts), &mut f);
            sentences.push(why);
            if !fixes.contains(&fix) {
                fixes.push(fix);
            }
        }
        f.message = sentences.join("; ");
        f.fix = fixes.join("; ");
        self.findings.push(f);
        false
    }

    /// The index (in the reference's leaves) of the first named field whose place differs on `v`.
    fn moved(&self, v: &View) -> Option<usize> {
        let r = self.reference();
        r.leaves.iter().enumerate().position(|(_, l)| {
            let Some(path) = &l.path else { return false };
            v.leaf(path).is_some_and(|o| v.position(o) != r.position(l) || o.field.bit_width != l.field.bit_width)
        })
    }

    fn cause(&self, t: usize) -> Cause {
        let r = self.reference();
        let v = self.views[t].as_ref().expect("a differing target is laid out");
        if v.record().packed != r.record().packed {
            return Cause::Packed;
        }
        // The named fields both have, in each one's declaration order.
        let order = |a: &View, b: &View| -> Vec<String> {
            a.leaves.iter().filter_map(|l| l.path.clone()).filter(|p| b.leaf(p).is_some()).collect()
        };
        if order(r, v) != order(v, r) {
            return Cause::Order;
        }
        let size_differs = |i: usize| {
            let l = &r.leaves[i];
            l.path.as_ref().and_then(|p| v.leaf(p)).is_some_and(|o| o.field.ty.size != l.field.ty.size && l.field.bit_width.is_none())
        };
        // An anonymous member of the reference's leaf `i` (at depth `d`) of another size on `v`.
        let member_differs = |i: usize| -> Option<RecordId> {
            let l = &r.leaves[i];
            let o = v.leaf(l.path.as_deref()?)?;
            l.containers.iter().zip(&o.containers).find(|(&a, &b)| r.ir.records[a].size != v.ir.records[b].size).map(|(&a, _)| a)
        };
        let moved = self.moved(v);
        // Fields one side declares and the other does not, before the first that moves.
        let before = |view: &View, other: &View, limit: Option<u64>| -> Vec<String> {
            view.leaves
                .iter()
                .filter(|l| limit.is_none_or(|lim| l.offset < lim))
                .filter_map(|l| l.path.clone())
                .filter(|p| other.leaf(p).is_none())
                .collect()
        };
        let limit_r = moved.map(|m| r.leaves[m].offset);
        let limit_v = moved.and_then(|m| Some(v.leaf(r.leaves[m].path.as_deref()?)?.offset));
        let (extra, missing) = (before(v, r, limit_v), before(r, v, limit_r));
        if !extra.is_empty() || !missing.is_empty() {
            return Cause::Fields(extra, missing);
        }
        match moved {
            Some(m) => {
                // A field before it changed size; or it is itself of another type there (its
                // alignment then differs with its size).
                if let Some(j) = (0..=m).find(|&j| size_differs(j) && (j == m || self.precedes(j, m))) {
                    return Cause::Size(j);
                }
                let leaf = &r.leaves[m];
                // An anonymous member before it (not around it) of another size.
                for j in (0..m).filter(|&j| self.precedes(j, m)) {
                    if let Some(c) = member_differs(j).filter(|c| !leaf.containers.contains(c)) {
                        return Cause::MemberSize(j, c);
                    }
                }
                let other = leaf.path.as_ref().and_then(|p| v.leaf(p)).expect("a moved leaf is on both");
                if leaf.field.bit_width.is_some() {
                    return Cause::Bits(m);
                }
                if other.field.ty.align != leaf.field.ty.align {
                    return Cause::Align(m, None);
                }
                // An anonymous member around it aligned differently.
                for (&c, &oc) in leaf.containers.iter().zip(&other.containers) {
                    if r.ir.records[c].align != v.ir.records[oc].align {
                        return Cause::Align(m, Some(c));
                    }
                }
                Cause::Other(Some(m))
            }
            None => {
                if let Some(j) = (0..r.leaves.len()).find(|&j| size_differs(j)) {
                    return Cause::Size(j);
                }
                if let Some((j, c)) = (0..r.leaves.len()).find_map(|j| Some((j, member_differs(j)?))) {
                    return Cause::MemberSize(j, c);
                }
                if v.align != r.align {
                    return Cause::Tail;
                }
                Cause::Other(None)
            }
        }
    }

    /// The reason (a sentence) and the fix for a cause on targets `ts`.
    fn explain(&self, cause: Cause, ts: &[&'static str], f: &mut Finding) -> (String, String) {
        let r = self.reference();
        let rname = r.target().name;
        let on = list(ts);
        match cause {
            Cause::Size(j) => {
                let leaf = &r.leaves[j];
                let sizes = per_target(&self.leaf_sizes(j), "bytes");
                let what = describe(&leaf.field.ty);
                let path = quote(&leaf.path);
                let asm = asm_header(&leaf.field.ty);
                let why = match (class(&leaf.field.ty), &asm) {
                    (_, Some(h)) => format!("{path} is {what}, which each architecture's <{h}> declares: {sizes}"),
                    (Class::Pointer, _) => format!("{path} is a pointer ({what}), {sizes}"),
                    _ => format!("{path} is {what}, {sizes}"),
                };
                if f.field != leaf.path {
                    f.secondary = Some((leaf.field.loc, format!("{what}: {sizes}")));
                }
                let fix = match class(&leaf.field.ty) {
                    _ if asm.is_some() => format!(
                        "a record shared by every architecture cannot hold {what}: keep `{}` in each architecture's own header, or give {path} one fixed-width layout",
                        self.name
                    ),
                    Class::Long { signed } => format!(
                        "declare {path} `{}`: 8 bytes and 8-aligned everywhere, as it is on 64-bit architectures",
                        if signed { "__aligned_s64" } else { "__aligned_u64" }
                    ),
                    Class::Pointer => format!("carry the address in `__aligned_u64` ({path} as `(__u64)(uintptr_t)ptr`), as Linux's newer ioctls do"),
                    Class::Record => format!("make {} the same on every architecture first (see its own finding)", what),
                    _ => {
                        let bytes = element(&leaf.field.ty).size.unwrap_or(0);
                        format!("declare {path} with a fixed-width type of {rname}'s size (`{}`)", fixed_name(bytes, false))
                    }
                };
                (why, fix)
            }
            Cause::Align(m, container) => {
                let leaf = &r.leaves[m];
                let path = quote(&leaf.path);
                let hole = self.hole_before(m);
                let v_align = |t: &str| -> Option<u64> {
                    let v = self.views.iter().flatten().find(|v| v.target().name == t)?;
                    match container {
                        None => v.leaf(leaf.path.as_deref()?)?.field.ty.align,
                        Some(c) => {
                            // The same anonymous record on the other target: the leaf's container at
                            // the same depth.
                            let depth = leaf.containers.iter().position(|&x| x == c)?;
                            let other = v.leaf(leaf.path.as_deref()?)?;
                            v.ir.records[*other.containers.get(depth)?].align
                        }
                    }
                };
                let ref_align = match container {
                    None => leaf.field.ty.align,
                    Some(c) => r.ir.records[c].align,
                };
                let aligns: Vec<(&str, u64)> =
                    std::iter::once((rname, ref_align.unwrap_or(0))).chain(ts.iter().filter_map(|&t| Some((t, v_align(t)?)))).collect();
                let subject = match container {
                    None => format!("{path} is {}", describe(&leaf.field.ty)),
                    Some(c) => format!("{path} is inside an anonymous {}", r.ir.records[c].kind.keyword()),
                };
                let why = format!("{subject}, aligned to {}", per_target(&aligns, "bytes"));
                // Without the hole the field would not move; or the type could carry x86_64's
                // alignment itself.
                let aligned = match (class(&leaf.field.ty), container) {
                    (Class::Record, None) => format!("give {} 64-bit members `__aligned_u64`", describe(&leaf.field.ty)),
                    (_, Some(_)) => "make the 64-bit members of that anonymous member `__aligned_u64`".to_string(),
                    _ => format!("declare {path} `{}`", aligned_name(&leaf.field.ty)),
                };
                let fix = match (hole, container) {
                    (Some(bytes), None) if bytes > 0 => {
                        format!("add the padding explicitly before {path} (`{}`, zero), or {aligned}", pad_decl(bytes))
                    }
                    (Some(bytes), Some(_)) if bytes > 0 => format!(
                        "add the padding explicitly before the anonymous member holding {path} (`{}`, zero), or {aligned}",
                        pad_decl(bytes)
                    ),
                    _ => aligned,
                };
                (why, fix)
            }
            Cause::Tail => {
                let aligns: Vec<(&str, u64)> = self
                    .views
                    .iter()
                    .flatten()
                    .filter(|v| v.target().name == rname || ts.contains(&v.target().name))
                    .map(|v| (v.target().name, v.align))
                    .collect();
                let (tail, last) = self.tail();
                let why = format!("the {} is aligned to {}, so its tail padding differs", r.record().kind.keyword(), per_target(&aligns, "bytes"));
                let fix = match (tail, last) {
                    (t, Some(last)) if t > 0 => format!(
                        "add the tail padding explicitly after {} (`{}`, zero), so that the size is {} everywhere",
                        quote(&last),
                        pad_decl(t),
                        r.size
                    ),
                    _ => format!("pad `{}` explicitly to {} bytes", self.name, r.size),
                };
                (why, fix)
            }
            Cause::Bits(m) => {
                let leaf = &r.leaves[m];
                let why = format!(
                    "bit-field {} covers other bits on {on}{}",
                    quote(&leaf.path),
                    if ts.iter().all(|t| self.targets.iter().any(|x| x.name == *t && x.big_endian)) {
                        " (big-endian ABIs allocate bit-fields from the most significant bit)"
                    } else {
                        ""
                    }
                );
                let fix = "declare the bit-fields of each storage unit in reverse order under `#if defined(__BIG_ENDIAN_BITFIELD)`, as Linux does, or use an integer and masks".to_string();
                (why, fix)
            }
            Cause::MemberSize(j, c) => {
                let leaf = &r.leaves[j];
                let depth = leaf.containers.iter().position(|&x| x == c).unwrap_or(0);
                let sizes: Vec<(&str, u64)> = self
                    .views
                    .iter()
                    .flatten()
                    .filter_map(|v| {
                        let o = v.leaf(leaf.path.as_deref()?)?;
                        Some((v.target().name, v.ir.records[*o.containers.get(depth)?].size?))
                    })
                    .collect();
                let record = &r.ir.records[c];
                let member = self.member_name(j, depth);
                let why = format!(
                    "{member} is {}: its size follows its alignment, which differs",
                    per_target(&sizes, "bytes")
                );
                let fix = format!(
                    "give the anonymous {} a member that covers it whole on every architecture (`__u8 __pad[{}];`), or make its 64-bit members `__aligned_u64`",
                    record.kind.keyword(),
                    record.size.unwrap_or(0)
                );
                (why, fix)
            }
            Cause::Fields(extra, missing) => {
                let names = |v: &[String]| v.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
                let mut parts = Vec::new();
                if !extra.is_empty() {
                    parts.push(format!("{on} declare{} fields {rname} does not ({})", if ts.len() == 1 { "s" } else { "" }, names(&extra)));
                }
                if !missing.is_empty() {
                    parts.push(format!("{rname} declares fields {on} do{} not ({})", if ts.len() == 1 { "es" } else { "" }, names(&missing)));
                }
                (parts.join(", and "), "declare the same fields on every architecture (reserved space where an architecture has no use for them)".to_string())
            }
            Cause::Packed => {
                let (packed, not): (Vec<&View>, Vec<&View>) = self.views.iter().flatten().partition(|v| v.record().packed);
                let names = |vs: &[&View]| list(&vs.iter().map(|v| v.target().name).collect::<Vec<_>>());
                let why = format!("`{}` is packed on {} and not on {}", self.name, names(&packed), names(&not));
                let fix = "give it one layout everywhere: explicit padding fields instead of a per-architecture `packed`".to_string();
                (why, fix)
            }
            Cause::Order => (
                format!("its fields are declared in another order on {on} (an `#if` on the byte order or the architecture)"),
                "declare the fields in one order on every architecture".to_string(),
            ),
            Cause::Other(m) => {
                let why = match m {
                    Some(m) => format!("the C ABI of {on} places {} elsewhere", quote(&r.leaves[m].path)),
                    None => format!("the C ABI of {on} gives `{}` another size", self.name),
                };
                (why, "put every field at its natural offset, with explicit padding, and pad the size to a multiple of the largest member".to_string())
            }
        }
    }

    /// Whether the reference's leaf `j` comes before leaf `m` in a struct, so that its size can
    /// move `m` (not when they are in different members of one union).
    fn precedes(&self, j: usize, m: usize) -> bool {
        let r = self.reference();
        let (a, b) = (&r.leaves[j], &r.leaves[m]);
        let common = a.containers.iter().zip(&b.containers).take_while(|(x, y)| x == y).count();
        let parent = if common == 0 { r.record() } else { &r.ir.records[a.containers[common - 1]] };
        parent.kind == RecordKind::Struct && a.offset <= b.offset
    }

    /// How to name the anonymous member at `depth` around the reference's leaf `j`: `u` for a
    /// named member of an unnamed type, else "the anonymous union holding `x`".
    fn member_name(&self, j: usize, depth: usize) -> String {
        let r = self.reference();
        let leaf = &r.leaves[j];
        let path = leaf.path.clone().unwrap_or_default();
        let prefix: Vec<&str> = path.split('.').collect();
        let record = &r.ir.records[leaf.containers[depth]];
        // A named member contributes a path segment; count the named ones down to `depth`.
        let named = leaf.containers[..=depth]
            .iter()
            .zip(std::iter::once(r.id).chain(leaf.containers.iter().copied()))
            .filter(|&(&inner, outer)| {
                r.ir.records[outer].fields.iter().any(|f| f.name.is_some() && matches!(f.ty.kind, TypeKind::Record { def: Some(d), .. } if d == inner))
            })
            .count();
        if named > 0 && named < prefix.len() && r.ir.records[leaf.containers[depth]].c_name().is_none() {
            let outer = if depth == 0 { r.id } else { leaf.containers[depth - 1] };
            let is_named = r.ir.records[outer]
                .fields
                .iter()
                .any(|f| f.name.is_some() && matches!(f.ty.kind, TypeKind::Record { def: Some(d), .. } if d == leaf.containers[depth]));
            if is_named {
                return format!("`{}`", prefix[..named].join("."));
            }
        }
        format!("the anonymous {} holding `{path}`", record.kind.keyword())
    }

    /// Bytes of implicit padding right before the reference's leaf `m` (from the end of the
    /// field before it), when that is a whole number of bytes.
    fn hole_before(&self, m: usize) -> Option<u64> {
        let r = self.reference();
        let leaf = &r.leaves[m];
        let end = r.leaves[..m].iter().filter(|l| l.offset <= leaf.offset).filter_map(|l| Some(l.offset + l.bits()?)).max().unwrap_or(0);
        let start = leaf.offset;
        (start >= end && (start - end).trailing_zeros() >= 3).then(|| (start - end) / 8)
    }

    /// Tail padding in bytes on the reference, and the record's last member (an anonymous
    /// one by its first field).
    fn tail(&self) -> (u64, Option<Option<String>>) {
        let r = self.reference();
        let end = r.leaves.iter().filter_map(|l| Some(l.offset + l.bits()?)).max().unwrap_or(0);
        let last = r.record().fields.last().map(|f| f.name.clone().or_else(|| first_name(r.ir, f, "")));
        ((r.size * 8).saturating_sub(end) / 8, last)
    }

    fn types(&mut self) {
        let r = self.reference();
        let rname = r.target().name;
        let mut out = Vec::new();
        for (i, leaf) in r.leaves.iter().enumerate() {
            let Some(path) = &leaf.path else { continue };
            let c = class(&leaf.field.ty);
            if matches!(c, Class::Fixed | Class::Record) || self.overlaid(i) {
                continue;
            }
            let sizes = self.leaf_sizes(i);
            let ref_size = leaf.field.ty.size.unwrap_or(0);
            let elem_size = element(&leaf.field.ty).size.unwrap_or(0);
            let mut f = self.finding(Kind::Type, Some(path.clone()), leaf.field.loc);
            f.targets = sizes.iter().filter(|&&(t, s)| t != rname && s != ref_size).map(|&(t, _)| t).collect();
            let what = describe(&leaf.field.ty);
            let varies = if f.targets.is_empty() { String::new() } else { format!(": {}", per_target(&sizes, "bytes")) };
            let (message, fix, label) = match c {
                Class::Long { signed } => (
                    format!("`{path}` is {what}, whose size depends on the architecture{varies}"),
                    format!("declare it `{}` (`__aligned_{}` to keep 64-bit alignment on i386)", fixed_name(8, signed), fixed_name(8, signed).trim_start_matches("__")),
                    "`long`-sized: not fixed-width".to_string(),
                ),
                Class::Pointer => (
                    format!("`{path}` is a pointer ({what}){varies}"),
                    "carry the address in an `__aligned_u64` (`(__u64)(uintptr_t)ptr`)".to_string(),
                    "a pointer: its size depends on the architecture".to_string(),
                ),
                Class::Plain(int) => (
                    format!("`{path}` is {what}, not a fixed-width type{varies}"),
                    match int {
                        Int::Int128 | Int::UInt128 => "declare it as two `__u64`".to_string(),
                        _ => format!("declare it `{}`", fixed_name(elem_size, int.is_signed())),
                    },
                    "not fixed-width".to_string(),
                ),
                Class::Bool => (
                    format!("`{path}` is {what}: its size and valid values are the compiler's choice"),
                    "declare it `__u8` (0 or 1)".to_string(),
                    "not fixed-width".to_string(),
                ),
                Class::Enum => (
                    format!("`{path}` is {what}: the compiler chooses its size from its values{varies}"),
                    format!("declare it `{}` and keep the enum for the values", fixed_name(elem_size.max(4), false)),
                    "an enum: not fixed-width".to_string(),
                ),
                Class::Float => (
                    format!("`{path}` is {what}: floating point has no place in a kernel ABI"),
                    format!("carry it as an integer (`{}` holding a fixed-point value or the bits)", fixed_name(elem_size, false)),
                    "floating point".to_string(),
                ),
                _ => (
                    format!("`{path}` is {what}, not a fixed-width integer{varies}"),
                    "declare it with a fixed-width type (`__u8` .. `__u64`, `__s8` .. `__s64`)".to_string(),
                    "not fixed-width".to_string(),
                ),
            };
            f.message = message;
            f.fix = fix;
            f.label = label;
            out.push(f);
        }
        self.findings.extend(out);
    }

    /// Whether leaf `i` is a union member overlaid by a fixed-width sibling at least as large on
    /// every target, so that it does not decide the union's size.
    fn overlaid(&self, i: usize) -> bool {
        let r = self.reference();
        let leaf = &r.leaves[i];
        let parent = match leaf.parent {
            Some(p) => &r.ir.records[p],
            None => r.record(),
        };
        if parent.kind != RecordKind::Union {
            return false;
        }
        let Some(path) = &leaf.path else { return false };
        r.leaves.iter().any(|s| {
            s.parent == leaf.parent
                && s.containers == leaf.containers
                && s.offset == leaf.offset
                && s.path.is_some()
                && s.path != leaf.path
                && class(&s.field.ty) == Class::Fixed
                && self.views.iter().flatten().all(|v| match (v.leaf(path), s.path.as_deref().and_then(|p| v.leaf(p))) {
                    (Some(a), Some(b)) => a.field.ty.size.unwrap_or(u64::MAX) <= b.field.ty.size.unwrap_or(0),
                    _ => false,
                })
        })
    }

    fn padding(&mut self) {
        let r = self.reference();
        let mut holes = Vec::new();
        holes_in(r.ir, r.id, 0, "", &mut holes);
        let rname = r.target().name;
        for h in holes {
            let amount = if h.bits % 8 == 0 && h.start % 8 == 0 {
                let n = h.bits / 8;
                format!("{n} byte{}", if n == 1 { "" } else { "s" })
            } else {
                format!("{} bit{}", h.bits, if h.bits == 1 { "" } else { "s" })
            };
            let at = if h.start % 8 == 0 { format!("offset {}", h.start / 8) } else { format!("bit offset {}", h.start) };
            let mut f = self.finding(Kind::Padding, h.field.clone(), h.loc);
            let whole = h.bits % 8 == 0 && h.start % 8 == 0;
            let decl = if whole { format!("`{}`", pad_decl(h.bits / 8)) } else { format!("an unnamed bit-field (`:{}`)", h.bits) };
            match h.place {
                Place::Before => {
                    f.message = format!("{amount} of implicit padding before {} (at {at} on {rname})", quote(&h.field));
                    f.fix = format!("declare them before {}: {decl}, and require zero", quote(&h.field));
                    f.label = format!("{amount} of padding before this field");
                }
                Place::After => {
                    f.message = format!(
                        "{amount} of implicit padding at the end of {}, after {} (from {at} on {rname})",
                        h.what,
                        quote(&h.field)
                    );
                    f.fix = format!("declare them after {}: {decl}, and require zero", quote(&h.field));
                    f.label = format!("{amount} of padding after this field");
                }
                Place::Union => {
                    f.message = format!("{amount} of implicit padding at the end of {}: no member covers them (at {at} on {rname})", h.what);
                    f.fix = format!("add a member that covers the whole union (`__u8 __pad[{}]`), and require zero", (h.start + h.bits) / 8);
                    f.label = format!("{amount} of padding in this union");
                }
            }
            self.findings.push(f);
        }
    }
}

/// `asm/ptrace.h` when a record type is declared in an `asm/` or `asm-generic/` directory:
/// each architecture's own (an architecture without its own gets the generic one).
fn asm_header(ty: &Type) -> Option<String> {
    let e = element(ty);
    if !matches!(e.kind, TypeKind::Record { .. } | TypeKind::Other(_)) {
        return None;
    }
    let path = e.declared_in.as_ref().or(ty.declared_in.as_ref())?;
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let at = parts.iter().rposition(|c| c == "asm" || c == "asm-generic")?;
    Some(format!("asm/{}", parts[at + 1..].join("/")))
}

fn aligned_name(ty: &Type) -> String {
    match class(element(ty)) {
        Class::Long { signed: true } | Class::Plain(Int::LongLong) => "__aligned_s64".into(),
        _ if element(ty).typedefs.iter().any(|t| t == "__s64" || t == "__aligned_s64") => "__aligned_s64".into(),
        _ if element(ty).typedefs.iter().any(|t| t == "__be64") => "__aligned_be64".into(),
        _ if element(ty).typedefs.iter().any(|t| t == "__le64") => "__aligned_le64".into(),
        _ => "__aligned_u64".into(),
    }
}

enum Place {
    Before,
    After,
    Union,
}

struct Hole {
    /// Bits, from the start of the named record.
    start: u64,
    bits: u64,
    place: Place,
    /// The field after the hole (before), the last field (after), the union (union).
    field: Option<String>,
    loc: Loc,
    /// What ends with the hole: `the struct`, or `` `bits` `` for a member of an unnamed type.
    what: String,
}

/// Implicit holes of record `id` (at `base` bits in the named record), anonymous members
/// included.
fn holes_in(ir: &HeaderIr, id: RecordId, base: u64, prefix: &str, out: &mut Vec<Hole>) {
    let r = &ir.records[id];
    let Some(size) = r.size else { return };
    let name_of = |f: &Field| f.name.as_ref().map(|n| format!("{prefix}{n}"));
    let inner = |f: &Field| is_anonymous_record(ir, &f.ty).filter(|_| f.bit_width.is_none());
    let prefix_of = |f: &Field| match &f.name {
        Some(n) => format!("{prefix}{n}."),
        None => prefix.to_string(),
    };
    let bits_of = |f: &Field| -> u64 {
        match f.bit_width {
            Some(w) => u64::from(w),
            None => match &f.ty.kind {
                TypeKind::Array { len: None, .. } => 0,
                _ => f.ty.size.unwrap_or(0) * 8,
            },
        }
    };
    match r.kind {
        RecordKind::Struct => {
            let mut cursor = 0;
            let mut last: Option<&Field> = None;
            for f in &r.fields {
                let Some(o) = f.offset_bits else { return };
                if f.bit_width == Some(0) {
                    continue;
                }
                if o > cursor {
                    let (field, loc) = match inner(f) {
                        Some(_) if f.name.is_none() => (first_name(ir, f, prefix), f.loc),
                        _ => (name_of(f), f.loc),
                    };
                    out.push(Hole { start: base + cursor, bits: o - cursor, place: Place::Before, field, loc, what: String::new() });
                }
                if let Some(d) = inner(f) {
                    holes_in(ir, d, base + o, &prefix_of(f), out);
                }
                cursor = cursor.max(o + bits_of(f));
                last = Some(f);
            }
            if size * 8 > cursor {
                let (field, loc) = match last {
                    Some(f) => (name_of(f).or_else(|| first_name(ir, f, prefix)), f.loc),
                    None => (None, r.loc),
                };
                let what = match prefix.strip_suffix('.') {
                    Some(p) => format!("`{p}`"),
                    None if base == 0 => "the struct".to_string(),
                    None => "an anonymous struct".to_string(),
                };
                out.push(Hole { start: base + cursor, bits: size * 8 - cursor, place: Place::After, field, loc, what });
            }
        }
        RecordKind::Union => {
            let mut widest = 0;
            for f in &r.fields {
                if let Some(d) = inner(f) {
                    holes_in(ir, d, base + f.offset_bits.unwrap_or(0), &prefix_of(f), out);
                }
                widest = widest.max(f.offset_bits.unwrap_or(0) + bits_of(f));
            }
            if size * 8 > widest && !r.fields.is_empty() {
                let member = prefix.strip_suffix('.').map(str::to_string);
                let first = r.fields.iter().find_map(|f| name_of(f).or_else(|| first_name(ir, f, prefix)));
                let what = match (&member, &first, base) {
                    (Some(m), ..) => format!("`{m}`"),
                    (None, _, 0) if r.c_name().is_some() => format!("`{}`", r.c_name().unwrap_or_default()),
                    (None, Some(f), _) => format!("the anonymous union holding `{f}`"),
                    (None, None, _) => "an anonymous union".to_string(),
                };
                let field = member.or(first);
                out.push(Hole { start: base + widest, bits: size * 8 - widest, place: Place::Union, field, loc: r.loc, what });
            }
        }
    }
}

/// The first named field inside an anonymous member, as a name for the member.
fn first_name(ir: &HeaderIr, f: &Field, prefix: &str) -> Option<String> {
    let d = is_anonymous_record(ir, &f.ty)?;
    ir.records[d].fields.iter().find_map(|g| match &g.name {
        Some(n) => Some(format!("{prefix}{n}")),
        None => first_name(ir, g, prefix),
    })
}

fn probe_prologue(ir: &HeaderIr) -> String {
    let include = if ir.header.below_root { format!("<{}>", ir.header.name) } else { format!("\"{}\"", ir.header.path.display()) };
    format!(
        "/* The layout libclang gives the records of {} on {} ({}): each assertion must hold under\n * that target's own C compiler. Written by `uabi lint --probes`. */\n#include {include}\n",
        ir.header.name, ir.target.name, ir.target.clang_triple
    )
}

fn probe_record(out: &mut String, name: &str, v: &View) {
    let quoted = name.replace('"', "");
    out.push_str(&format!("_Static_assert(sizeof({name}) == {}, \"size of {quoted}\");\n", v.size));
    out.push_str(&format!("_Static_assert(_Alignof({name}) == {}, \"alignment of {quoted}\");\n", v.align));
    for l in &v.leaves {
        match (&l.path, l.field.bit_width) {
            (Some(path), None) => out.push_str(&format!(
                "_Static_assert(__builtin_offsetof({name}, {path}) == {}, \"offset of {quoted}.{path}\");\n",
                l.offset / 8
            )),
            (Some(path), Some(w)) if w > 0 => {
                // A bit-field has no offsetof: the object below holds the record with every bit
                // of the field set; `BITS` is the image libclang's allocation predicts, which the
                // compiled object's bytes must equal.
                let mut image = vec![0u8; v.size as usize];
                for b in l.offset..l.offset + u64::from(w) {
                    let (byte, bit) = ((b / 8) as usize, b % 8);
                    if let Some(x) = image.get_mut(byte) {
                        *x |= if v.target().big_endian { 0x80 >> bit } else { 1 << bit };
                    }
                }
                let hex: String = image.iter().map(|b| format!("{b:02x}")).collect();
                let id = out.matches("/* BITS ").count();
                out.push_str(&format!(
                    "/* BITS __uabi_bits_{id} {hex} {quoted}.{path} */\nstatic union {{ {name} r; unsigned char b[sizeof({name})]; }} __uabi_bits_{id} __attribute__((used, section(\".data.__uabi_bits_{id}\"))) = {{ .r = {{ .{path} = -1 }} }};\n"
                ));
            }
            _ => {}
        }
    }
}
