//! The layout IR: where every record lies, per family of architectures, computed once from the
//! parsed items and read by every back end (the Rust expansion's `const` assertions, the C
//! header's `_Static_assert`s and bit probes, the report, the description and the lock).
//!
//! A record is laid out for each family it exists on ([`uabi_arch::Family`]), with that
//! family's fields (a field may be limited to some families) and the family's variant of every
//! record it names (x86's `kvm_regs` is not arm64's). Families that give the same layout share
//! one [`RecordLayout`]. Inside a family the layout must be the same on every architecture, and
//! it must have no implicit padding: every field sits at a multiple of its alignment under the
//! family's strictest layout class ([`uabi_arch::LayoutClass`]), so the other classes (i386's
//! 4-aligned `u64`, m68k's 2-aligned everything) place it at the same offset, and the size is a
//! multiple of the alignment, so no class adds tail padding. Only the record's own alignment
//! differs between classes, and it is recorded per class. A packed record (`#[uabi(packed)]`)
//! places every member at the next byte and is 1-aligned on every class: it has no padding to
//! differ by.
//!
//! Slots are bytes ([`FieldSlot`]) or bits ([`BitSlot`]): a bitfield's storage unit is a field
//! at a byte offset, and each of its bit ranges has a position that depends only on byte order.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use uabi_arch::{Endian, Family, FamilySet, LayoutClass};

use crate::ast::*;
use crate::ctxt::{Ctxt, Fix};

/// Every record's layouts, by [`RecordId`].
#[derive(Default, Debug)]
pub struct Layouts {
    records: Vec<Vec<RecordLayout>>,
}

impl Layouts {
    /// The layouts of a record: one per group of families that lay it out alike, in the order
    /// of their first family.
    pub fn groups(&self, id: RecordId) -> &[RecordLayout] {
        self.records.get(id.0).map_or(&[], Vec::as_slice)
    }

    /// The record's layout on `family`.
    pub fn on(&self, id: RecordId, family: Family) -> Option<&RecordLayout> {
        self.groups(id).iter().find(|l| l.families.contains(family))
    }

    /// The layout of a record that has one layout wherever it exists (every record whose
    /// fields and field types do not depend on the family). Tools that handle every case use
    /// [`Layouts::groups`].
    pub fn single(&self, id: RecordId) -> &RecordLayout {
        let g = self.groups(id);
        assert!(g.len() == 1, "record {id:?} has {} layouts: use Layouts::groups", g.len());
        &g[0]
    }

    /// Whether the record is aligned more than its fields' types are on a class of some
    /// family: 8 on i386 (or on m68k where the family has no i386), which only a
    /// `#[uabi(aligned)]` field, here or in a record it contains, asks for. Rust spells it
    /// `#[repr(C, align(8))]`.
    pub fn over_aligned(&self, id: RecordId) -> bool {
        self.groups(id).iter().any(|l| match l.align.get(LayoutClass::I386) {
            Some(a) => a == 8,
            None => l.align.get(LayoutClass::M68k) == Some(8),
        })
    }
}

/// One alignment per layout class, for the classes the families of a layout have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ClassAlign([Option<u64>; 3]);

impl ClassAlign {
    pub fn get(&self, c: LayoutClass) -> Option<u64> {
        self.0[c.index()]
    }

    fn set(&mut self, c: LayoutClass, a: u64) {
        self.0[c.index()] = Some(a);
    }

    /// `(class, alignment)` for every class the layout has.
    pub fn iter(&self) -> impl Iterator<Item = (LayoutClass, u64)> + '_ {
        LayoutClass::ALL.into_iter().filter_map(|c| Some((c, self.get(c)?)))
    }

    /// The largest alignment of any class: the one a size must be a multiple of.
    pub fn max(&self) -> u64 {
        self.iter().map(|(_, a)| a).max().unwrap_or(1)
    }

    /// One alignment per class in [`LayoutClass::ALL`] order, a missing class taking the
    /// largest (a target of that class never compiles the item, so any value does).
    pub fn by_class(&self) -> [u64; 3] {
        LayoutClass::ALL.map(|c| self.get(c).unwrap_or(self.max()))
    }

    fn agrees(&self, o: &ClassAlign) -> bool {
        LayoutClass::ALL.iter().all(|c| match (self.get(*c), o.get(*c)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        })
    }

    fn merge(&mut self, o: &ClassAlign) {
        for (c, a) in o.iter() {
            self.set(c, a);
        }
    }
}

/// A record laid out for a group of families.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordLayout {
    pub families: FamilySet,
    pub size: u64,
    pub align: ClassAlign,
    /// One slot per field of the record, `None` where the field does not exist on these
    /// families.
    pub fields: Vec<Option<FieldSlot>>,
    /// `(version, size)` of a struct, ascending: the end of the version's last field
    /// (Linux's `offsetofend`), the newest one's the whole size.
    pub versions: Vec<(u32, u64)>,
}

/// Where a field lies: a byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSlot {
    pub offset: u64,
    /// A flexible array has size 0.
    pub size: u64,
    /// For a union member: the bytes between its end and the union's. C leaves them to
    /// whichever member is larger; the Rust union pads the member so that every byte of the
    /// union stays defined whichever member was written.
    pub union_tail: u64,
    /// The record the field's type (or its array element) names on these families.
    pub record: Option<RecordId>,
    /// The bit ranges of a bitfield storage unit, in declaration order.
    pub bits: Vec<BitSlot>,
}

/// Where a bit range lies inside its storage unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BitSlot {
    /// The number of bits allocated before it in the unit, in declaration order.
    pub start: u32,
    pub width: u32,
    /// The width of the storage unit in bits.
    pub unit_bits: u32,
}

impl BitSlot {
    /// The position of the range's least significant bit in the unit read as an integer: C
    /// allocates bitfields from the least significant bit on little-endian Linux
    /// architectures and from the most significant bit on big-endian ones.
    pub fn lsb(&self, e: Endian) -> u32 {
        match e {
            Endian::Little => self.start,
            Endian::Big => self.unit_bits - self.start - self.width,
        }
    }

    /// The range's bits in the unit read as an integer.
    pub fn mask(&self, e: Endian) -> u128 {
        let ones = if self.width >= 128 { u128::MAX } else { (1u128 << self.width) - 1 };
        ones << self.lsb(e)
    }
}

impl RecordLayout {
    /// The slot of field `k`, if the field exists on these families.
    pub fn slot(&self, k: usize) -> Option<&FieldSlot> {
        self.fields.get(k).and_then(Option::as_ref)
    }

    /// The slot of the field named `name` (Rust name) of `r`.
    pub fn slot_of(&self, r: &Record, name: &proc_macro2::Ident) -> Option<&FieldSlot> {
        let k = r.fields.iter().position(|f| f.name == *name)?;
        self.slot(k)
    }

    /// The size of version `v`.
    pub fn version_size(&self, v: u32) -> u64 {
        self.versions.iter().rev().find(|(n, _)| *n <= v).map_or(self.size, |(_, s)| *s)
    }

    /// The `#define`s the header adds after a versioned struct: the size of each version, the
    /// latest size, `minsz` (the first version's size) and the flags each version knows
    /// (`OPEN_HOW_SIZE_VER0`, `VFIO_DEVICE_INFO_MINSZ`, `VFIO_DEVICE_INFO_FLAGS_VER2`), named
    /// as [`Record::version_macro_names`] names them.
    pub fn version_macros(&self, r: &Record) -> Vec<VersionMacro> {
        let mut out = Vec::new();
        if !r.is_versioned() {
            return out;
        }
        let stem = &r.macro_stem;
        for (v, size) in &self.versions {
            out.push(VersionMacro { name: format!("{stem}_SIZE_VER{v}"), value: *size as i128, definition: MacroDefinition::Number(*size) });
        }
        let (first, last) = (self.versions[0], self.versions[self.versions.len() - 1]);
        let alias = |name: String, (v, size): (u32, u64)| VersionMacro {
            name,
            value: size as i128,
            definition: MacroDefinition::Alias(format!("{stem}_SIZE_VER{v}")),
        };
        out.push(alias(format!("{stem}_SIZE_LATEST"), last));
        out.push(alias(format!("{stem}_MINSZ"), first));
        if let Some(field) = r.flag_field() {
            for (v, _) in &self.versions {
                let names = field.flags.iter().filter(|f| f.since <= *v).map(|f| f.c_name.clone()).collect();
                out.push(VersionMacro {
                    name: format!("{stem}_FLAGS_VER{v}"),
                    value: r.known_flags(*v) as i128,
                    definition: MacroDefinition::Flags(names),
                });
            }
        }
        out
    }
}

/// The size in bytes of the argument type of a sized ioctl (`_IOR`, `_IOW`, `_IOWR`) on
/// `family`.
pub fn arg_size(abi: &Abi, ty: &FieldType, family: Family) -> Option<u64> {
    match ty {
        FieldType::Prim(p) => Some(p.size()),
        FieldType::Array(e, n) => arg_size(abi, e, family)?.checked_mul(*n),
        FieldType::Named(n) => abi.layouts.on(abi.record_on(n, family)?.id, family).map(|l| l.size),
        FieldType::Flex(_) => None,
    }
}

/// The request number of `io` on `family`, as that family's `<asm/ioctl.h>` computes it.
pub fn ioctl_number(abi: &Abi, io: &Ioctl, family: Family) -> u32 {
    let size = io.size_arg.as_ref().and_then(|t| arg_size(abi, t, family)).unwrap_or(0);
    family.encoding().encode(io.dir, io.ty as u8, io.nr as u8, size as u32)
}

/// The groups of families on which `io` has one argument size, in family order:
/// `(families, size)`. An ioctl whose argument is laid out alike everywhere has one.
pub fn ioctl_groups(abi: &Abi, io: &Ioctl) -> Vec<(FamilySet, u64)> {
    let mut out: Vec<(FamilySet, u64)> = Vec::new();
    for f in io.place.arch.iter() {
        let size = io.size_arg.as_ref().and_then(|t| arg_size(abi, t, f)).unwrap_or(0);
        match out.iter_mut().find(|(_, s)| *s == size) {
            Some((set, _)) => *set = set.union(FamilySet::single(f)),
            None => out.push((FamilySet::single(f), size)),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The computation
// ---------------------------------------------------------------------------------------------

/// A record laid out on one family.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Laid {
    size: u64,
    align: ClassAlign,
    fields: Vec<Option<FieldSlot>>,
}

/// Size and per-class alignment of a field type on one family.
#[derive(Clone, Copy, Debug)]
struct TypeLayout {
    size: u64,
    align: ClassAlign,
    record: Option<RecordId>,
}

struct Engine<'a> {
    cx: &'a Ctxt,
    by_id: Vec<&'a Record>,
    by_name: HashMap<String, Vec<RecordId>>,
    done: HashMap<(RecordId, Family), Option<Rc<Laid>>>,
    stack: Vec<(RecordId, Family)>,
    /// Errors already reported: one per record and field, whichever families hit it.
    reported: HashSet<(RecordId, usize)>,
    /// Every field's alignment per class, over all the families laid out: what the messages
    /// about misplaced fields and tails compare.
    aligns: HashMap<(RecordId, usize), ClassAlign>,
    /// Fields that sit past a gap, reported once at the end with what every family makes of
    /// them (a field misplaced on x86 is misplaced on m68k too, and the message names both).
    gaps: BTreeMap<(RecordId, usize), Gap>,
    /// Families on which a field's type names no record: reported together at the end.
    unresolved: BTreeMap<(RecordId, usize), FamilySet>,
}

/// Lays out every record of the module on each of its families, reporting every layout that
/// is not the same on all architectures of a family or leaves implicit padding.
pub fn lay_out(cx: &Ctxt, abi: &Abi) -> Layouts {
    let mut by_id: Vec<&Record> = abi.records().collect();
    by_id.sort_by_key(|r| r.id);
    let mut by_name: HashMap<String, Vec<RecordId>> = HashMap::new();
    for r in &by_id {
        by_name.entry(r.name.to_string()).or_default().push(r.id);
    }
    let mut e = Engine {
        cx,
        by_id,
        by_name,
        done: HashMap::new(),
        stack: Vec::new(),
        reported: HashSet::new(),
        aligns: HashMap::new(),
        gaps: BTreeMap::new(),
        unresolved: BTreeMap::new(),
    };
    // In item order, so errors come out in source order on every compile.
    let ids: Vec<RecordId> = abi.records().map(|r| r.id).collect();
    for id in &ids {
        for f in e.by_id[id.0].place.arch.iter() {
            e.compute(*id, f);
        }
    }
    for ((id, k), gap) in std::mem::take(&mut e.gaps) {
        let r = e.by_id[id.0];
        let all = |k: usize| e.aligns.get(&(id, k)).copied().unwrap_or_default();
        if k == usize::MAX {
            let whole = r.fields.iter().enumerate().fold(ClassAlign::default(), |mut m, (i, _)| {
                for (c, a) in all(i).iter() {
                    if m.get(c).is_none_or(|b| a > b) {
                        m.set(c, a);
                    }
                }
                m
            });
            let (msg, fix) = tail_error(r, &gap, &whole);
            cx.error_with_fix(&r.name, msg, fix);
        } else {
            let (msg, fix) = gap_error(r, k, &gap, &all(k));
            cx.error_with_fix(&r.fields[k].ty_tokens, msg, fix);
        }
    }
    for ((id, k), missing) in std::mem::take(&mut e.unresolved) {
        let r = e.by_id[id.0];
        let f = &r.fields[k];
        if let FieldType::Named(n) = f.ty.element() {
            cx.error(&f.ty_tokens, format!(
                "`{n}` is not defined on {missing}, where `{}` has the field `{}`\nhelp: define `{n}` for {missing} too, or limit the field with `#[uabi(arch({}))]`",
                r.name, f.name, f.arch.difference(missing).iter().map(Family::name).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    let mut records = vec![Vec::new(); e.by_id.len()];
    for id in ids {
        records[id.0] = e.groups(id);
    }
    Layouts { records }
}

impl Engine<'_> {
    fn report(&mut self, id: RecordId, k: usize, at: impl quote::ToTokens, msg: String, fix: Option<Fix>) {
        if self.reported.insert((id, k)) {
            match fix {
                Some(fix) => self.cx.error_with_fix(at, msg, fix),
                None => self.cx.error(at, msg),
            }
        }
    }

    /// The record's layouts, families that lay it out alike merged.
    fn groups(&self, id: RecordId) -> Vec<RecordLayout> {
        let r = self.by_id[id.0];
        let mut out: Vec<RecordLayout> = Vec::new();
        for f in r.place.arch.iter() {
            let Some(Some(l)) = self.done.get(&(id, f)) else { continue };
            let same = out.iter_mut().find(|g| g.size == l.size && g.fields == l.fields && g.align.agrees(&l.align));
            match same {
                Some(g) => {
                    g.families = g.families.union(FamilySet::single(f));
                    g.align.merge(&l.align);
                }
                None => out.push(RecordLayout {
                    families: FamilySet::single(f),
                    size: l.size,
                    align: l.align,
                    fields: l.fields.clone(),
                    versions: Vec::new(),
                }),
            }
        }
        for g in &mut out {
            g.versions = versions(r, g);
        }
        out
    }

    fn compute(&mut self, id: RecordId, f: Family) -> Option<Rc<Laid>> {
        if let Some(l) = self.done.get(&(id, f)) {
            return l.clone();
        }
        let r = self.by_id[id.0];
        if self.stack.contains(&(id, f)) {
            self.report(id, usize::MAX, &r.name, format!("`{}` contains itself", r.name), None);
            return None;
        }
        self.stack.push((id, f));
        let mut types = Vec::new();
        let mut complete = true;
        for (k, field) in r.fields.iter().enumerate() {
            if !field.arch.contains(f) {
                types.push(None);
                continue;
            }
            let t = self.type_layout(id, k, &field.ty, CSpelling::of(field).aligned, f);
            complete &= t.is_some();
            types.push(t);
        }
        self.stack.pop();
        let laid = complete.then(|| {
            Rc::new(match r.kind {
                RecordKind::Struct => self.struct_layout(r, &types, f),
                RecordKind::Union => self.union_layout(r, &types, f),
            })
        });
        self.done.insert((id, f), laid.clone());
        laid
    }

    fn type_layout(&mut self, id: RecordId, k: usize, ty: &FieldType, aligned: bool, f: Family) -> Option<TypeLayout> {
        let classes = f.classes();
        let mut align = ClassAlign::default();
        Some(match ty {
            FieldType::Prim(p @ (Prim::U128 | Prim::I128)) => {
                let Some(a) = f.int128_align() else {
                    let r = self.by_id[id.0];
                    let field = &r.fields[k];
                    let why = if f.arches().any(|a| a.int128_align.is_none()) {
                        "has a 32-bit architecture, which has no 128-bit integer"
                    } else {
                        "has architectures that align a 128-bit integer differently"
                    };
                    self.report(id, k, &field.ty_tokens, format!(
                        "`{}` is {} on {}, but {} {why}\nhelp: limit `{}` to families whose architectures are all 64-bit, e.g. `#[uabi(arch(arm64, riscv, loongarch))]`, or use `[u64; 2]`",
                        field.name, p.rust_name(), f.name(), f.name(), r.name
                    ), None);
                    return None;
                };
                for c in classes {
                    align.set(*c, a);
                }
                TypeLayout { size: 16, align, record: None }
            }
            FieldType::Prim(p) => {
                for c in classes {
                    align.set(*c, if aligned { 8 } else { c.int_align(p.size()) });
                }
                TypeLayout { size: p.size(), align, record: None }
            }
            FieldType::Array(t, n) => {
                let e = self.type_layout(id, k, t, aligned, f)?;
                TypeLayout { size: e.size.checked_mul(*n)?, ..e }
            }
            FieldType::Flex(t) => TypeLayout { size: 0, ..self.type_layout(id, k, t, aligned, f)? },
            FieldType::Named(n) => {
                let Some(target) = self.by_name.get(&n.to_string()).and_then(|ids| ids.iter().copied().find(|t| self.by_id[t.0].place.arch.contains(f))) else {
                    let missing = self.unresolved.entry((id, k)).or_default();
                    *missing = missing.union(FamilySet::single(f));
                    return None;
                };
                let l = self.compute(target, f)?;
                TypeLayout { size: l.size, align: l.align, record: Some(target) }
            }
        })
    }

    fn struct_layout(&mut self, r: &Record, tys: &[Option<TypeLayout>], f: Family) -> Laid {
        // The family's strictest class (the natural one, where it has it): a field placed
        // without a gap there is placed at the same offset by every other class.
        let strict = f.classes()[0];
        let mut all = ClassAlign::default();
        for c in f.classes() {
            all.set(*c, 1);
        }
        let mut off = 0u64;
        let mut fields = Vec::new();
        for (k, (field, t)) in r.fields.iter().zip(tys).enumerate() {
            let Some(t) = t else {
                fields.push(None);
                continue;
            };
            // Packed: every member at the next byte, whatever its type's alignment.
            let a = if r.packed.is_some() { 1 } else { t.align.get(strict).unwrap_or(1) };
            if r.packed.is_none() {
                self.aligns.entry((r.id, k)).or_default().merge(&t.align);
            }
            if !off.is_multiple_of(a) {
                let at = off.next_multiple_of(a);
                let gap = self.gaps.entry((r.id, k)).or_insert(Gap { off, at, align: a, size: t.size, since: field.since, families: FamilySet::EMPTY });
                gap.families = gap.families.union(FamilySet::single(f));
                off = at;
            }
            let bits = bit_slots(field);
            fields.push(Some(FieldSlot { offset: off, size: t.size, union_tail: 0, record: t.record, bits }));
            off += t.size;
            if r.packed.is_none() {
                for (c, ta) in t.align.iter() {
                    all.set(c, all.get(c).unwrap_or(1).max(ta));
                }
            }
        }
        let a = all.get(strict).unwrap_or(1);
        if !off.is_multiple_of(a) {
            let at = off.next_multiple_of(a);
            let last = r.fields.iter().zip(tys).filter(|(_, t)| t.is_some()).map(|(g, _)| g.since).max().unwrap_or(r.first_version);
            let gap = self.gaps.entry((r.id, usize::MAX)).or_insert(Gap { off, at, align: a, size: 0, since: last, families: FamilySet::EMPTY });
            gap.families = gap.families.union(FamilySet::single(f));
            off = at;
        }
        Laid { size: off, align: all, fields }
    }

    fn union_layout(&mut self, r: &Record, tys: &[Option<TypeLayout>], f: Family) -> Laid {
        let strict = f.classes()[0];
        let mut all = ClassAlign::default();
        for c in f.classes() {
            all.set(*c, 1);
        }
        let mut size = 0;
        for t in tys.iter().flatten() {
            size = size.max(t.size);
            for (c, ta) in t.align.iter() {
                all.set(c, all.get(c).unwrap_or(1).max(ta));
            }
        }
        let a = all.get(strict).unwrap_or(1);
        if !size.is_multiple_of(a) {
            let at = size.next_multiple_of(a);
            let decl = format!("pub __pad: [u8; {at}]");
            self.report(r.id, usize::MAX, &r.name, format!(
                "`{}` is {size} bytes, not a multiple of its alignment {a}: C would add {} byte(s) of implicit tail padding\nhelp: add the member `{decl}` so that the union covers them",
                r.name,
                at - size
            ), Some(Fix::insert(r.close_brace, format!("{decl},\n"))));
            size = at;
        }
        let fields = tys
            .iter()
            .zip(&r.fields)
            .map(|(t, field)| t.map(|t| FieldSlot { offset: 0, size: t.size, union_tail: size - t.size, record: t.record, bits: bit_slots(field) }))
            .collect();
        Laid { size, align: all, fields }
    }
}

/// A field that sits at `off` where the strictest class of its families puts it at `at`, or
/// (for the field index `usize::MAX`) a struct whose size `off` C rounds up to `at`.
struct Gap {
    off: u64,
    at: u64,
    align: u64,
    size: u64,
    /// The version of the field, or of the last field for a tail.
    since: u32,
    /// The families whose layout has the gap.
    families: FamilySet,
}

impl Gap {
    /// ` on arm64` when only a few of the record's families have the gap (a field whose type
    /// is aligned more there); a gap most families have is not qualified, the message's other
    /// words say which alignments leave none.
    fn on(&self, r: &Record) -> String {
        if self.families.len() * 2 > r.place.arch.len() {
            String::new()
        } else {
            format!(" on {}", self.families)
        }
    }
}

/// The message and fix for a field past a gap; `aligns` are the field's alignments on every
/// class of the record's families.
fn gap_error(r: &Record, k: usize, g: &Gap, aligns: &ClassAlign) -> (String, Fix) {
    let field = &r.fields[k];
    let (off, at) = (g.off, g.at);
    let decl = pad_decl(r, &format!("__pad{k}"), at - off, field.since, field.arch);
    let fix = Fix::insert(field.start, format!("{decl},\n"));
    // Classes that align the field less would place it where it is: the layout would differ
    // between architectures, which is worse than a hole.
    let stays: Vec<&str> = aligns.iter().filter(|(_, a)| off.is_multiple_of(*a)).map(|(c, _)| c.name()).collect();
    let msg = if g.align == 8 && !stays.is_empty() && g.size >= 8 {
        format!(
            "`{}` is 64-bit aligned but sits at offset {off}, not a multiple of 8: {} would place it at {off} and other architectures at {at}\nhelp: add `{decl}` (zero) before `{}`",
            field.name,
            stays.join(" and "),
            field.name
        )
    } else {
        format!(
            "implicit padding{}: {} byte(s) at offset {off} before `{}`, which needs {}-byte alignment\nhelp: add `{decl}` (zero) before `{}`",
            g.on(r),
            at - off,
            field.name,
            g.align,
            field.name
        )
    };
    (msg, fix)
}

/// The message and fix for a struct with tail padding; `aligns` are its alignments on every
/// class of its families.
fn tail_error(r: &Record, g: &Gap, aligns: &ClassAlign) -> (String, Fix) {
    let (off, at) = (g.off, g.at);
    // Where a class's smaller alignment leaves no tail, the size itself differs.
    let stays: Vec<&str> = aligns.iter().filter(|(_, a)| off.is_multiple_of(*a)).map(|(c, _)| c.name()).collect();
    let except = if stays.is_empty() { String::new() } else { format!(", except on {} where it stays {off}", stays.join(" and ")) };
    let decl = pad_decl(r, "__pad", at - off, g.since, r.place.arch);
    let msg = format!(
        "`{}` is {off} bytes{}, not a multiple of its alignment {}: C would add {} byte(s) of implicit tail padding{except}\nhelp: add `{decl}` (zero) at the end, or a field that uses those bytes",
        r.name,
        g.on(r),
        g.align,
        at - off
    );
    (msg, Fix::insert(r.close_brace, format!("{decl},\n")))
}

/// The declaration of an explicit padding field of `n` bytes, with the version and families
/// of the field it stands before (a pad among version 2 fields is version 2 itself).
fn pad_decl(r: &Record, name: &str, n: u64, since: u32, arch: FamilySet) -> String {
    let mut attrs = Vec::new();
    if since != r.first_version {
        attrs.push(format!("since = {since}"));
    }
    if arch != r.place.arch {
        attrs.push(format!("arch({})", arch.iter().map(Family::name).collect::<Vec<_>>().join(", ")));
    }
    let attr = if attrs.is_empty() { String::new() } else { format!("#[uabi({})] ", attrs.join(", ")) };
    let name = unique_name(r, name);
    let ty = match n {
        1 => "u8".to_string(),
        2 => "u16".to_string(),
        4 => "u32".to_string(),
        n => format!("[u8; {n}]"),
    };
    format!("{attr}pub {name}: {ty}")
}

/// `name`, or `name_2`, `name_3`.. if the record already has a field of that name.
fn unique_name(r: &Record, name: &str) -> String {
    let taken = |n: &str| r.fields.iter().any(|f| f.name == n);
    if !taken(name) {
        return name.to_string();
    }
    (2..).map(|i| format!("{name}_{i}")).find(|n| !taken(n)).expect("some suffix is free")
}

fn bit_slots(field: &Field) -> Vec<BitSlot> {
    let unit_bits = match field.ty {
        FieldType::Prim(p) => p.bits(),
        _ => return Vec::new(),
    };
    let mut start = 0;
    field
        .bits
        .iter()
        .map(|b| {
            let s = BitSlot { start, width: b.width, unit_bits };
            start += b.width;
            s
        })
        .collect()
}

/// The size of each version of a struct on the families of `l`.
fn versions(r: &Record, l: &RecordLayout) -> Vec<(u32, u64)> {
    if r.kind != RecordKind::Struct {
        return Vec::new();
    }
    let all = r.versions();
    let last = *all.last().expect("a record has a first version");
    all.into_iter()
        .map(|v| {
            let end = if v == last {
                l.size
            } else {
                r.fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.since <= v)
                    .filter_map(|(k, _)| l.slot(k))
                    .map(|s| s.offset + s.size)
                    .max()
                    .unwrap_or(0)
            };
            (v, end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use uabi_arch::Family;

    /// A record's name, size, natural/i386/m68k alignments and field offsets on x86.
    type Summary = (String, u64, [u64; 3], Vec<u64>);

    /// Each record's layout, or the errors joined.
    fn layout_of(src: &str) -> (Option<Vec<Summary>>, String) {
        let module: syn::ItemMod = syn::parse_str(src).unwrap();
        match crate::analyze(Default::default(), &module) {
            Ok(abi) => {
                let out = abi
                    .records()
                    .map(|r| {
                        let l = abi.layouts.on(r.id, Family::X86).or_else(|| abi.layouts.groups(r.id).first()).unwrap();
                        let offsets = l.fields.iter().flatten().map(|s| s.offset).collect();
                        (r.name.to_string(), l.size, l.align.by_class(), offsets)
                    })
                    .collect();
                (Some(out), String::new())
            }
            Err(e) => (None, e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n---\n")),
        }
    }

    #[test]
    fn natural_layout_and_class_alignments() {
        let (l, e) = layout_of("mod m { struct A { a: u32, b: u32, c: u64 } struct B { a: u8, b: u8, c: u16, d: [u32; 3] } struct C { x: A, y: B, #[uabi(aligned)] z: u64 } }");
        let l = l.unwrap_or_else(|| panic!("{e}"));
        assert_eq!((l[0].1, l[0].2, &l[0].3[..]), (16, [8, 4, 2], &[0, 4, 8][..]));
        assert_eq!((l[1].1, l[1].2), (16, [4, 4, 2]));
        assert_eq!((l[2].1, l[2].2, &l[2].3[..]), (40, [8, 8, 8], &[0, 16, 32][..]));
    }

    #[test]
    fn flexible_array_adds_no_size_but_its_alignment() {
        let (l, e) = layout_of("mod m { struct F { argsz: u32, count: u32, data: [u64] } }");
        let l = l.unwrap_or_else(|| panic!("{e}"));
        assert_eq!((l[0].1, l[0].2[0], &l[0].3[..]), (8, 8, &[0, 4, 8][..]));
    }

    #[test]
    fn u64_after_u32_is_refused_with_the_offsets() {
        let (l, e) = layout_of("mod m { struct S { a: u32, b: u64 } }");
        assert!(l.is_none());
        assert!(e.contains("`b` is 64-bit aligned but sits at offset 4"), "{e}");
        assert!(e.contains("i386 and m68k would place it at 4 and other architectures at 8"), "{e}");
        assert!(e.contains("add `pub __pad1: u32`"), "{e}");
    }

    #[test]
    fn a_pad_among_later_versions_carries_their_version() {
        let (_, e) = layout_of("mod m { struct S { argsz: u32, flags: u32, #[uabi(since = 2)] a: u32, #[uabi(since = 2)] b: u64 } }");
        assert!(e.contains("add `#[uabi(since = 2)] pub __pad3: u32`"), "{e}");
    }

    #[test]
    fn gaps_tail_padding_and_union_tails_are_all_reported_at_once() {
        let (_, e) = layout_of("mod m { struct S { a: u8, b: u32, c: u16 } union U { a: u32, b: [u8; 5] } }");
        assert!(e.contains("3 byte(s) at offset 1 before `b`"), "{e}");
        assert!(e.contains("`S` is 10 bytes, not a multiple of its alignment 4"), "{e}");
        assert!(e.contains("`U` is 5 bytes, not a multiple of its alignment 4"), "{e}");
        assert_eq!(e.matches("\n---\n").count(), 2, "{e}");
    }

    #[test]
    fn union_members_of_different_sizes_and_their_tails() {
        let module: syn::ItemMod = syn::parse_str("mod m { union U { a: u32, b: [u8; 16], c: u64 } }").unwrap();
        let abi = crate::analyze(Default::default(), &module).unwrap_or_else(|e| panic!("{e}"));
        let r = abi.records().next().unwrap();
        let l = abi.layouts.single(r.id);
        assert_eq!(l.size, 16);
        assert_eq!(l.fields.iter().flatten().map(|s| (s.offset, s.size, s.union_tail)).collect::<Vec<_>>(), [(0, 4, 12), (0, 16, 0), (0, 8, 8)]);
    }

    #[test]
    fn recursion_is_an_error_not_a_hang() {
        let (_, e) = layout_of("mod m { struct A { b: [B; 1] } struct B { a: A } }");
        assert!(e.contains("contains itself"), "{e}");
    }
}
