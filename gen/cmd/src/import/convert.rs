//! One target's IR ([`HeaderIr`]) as items of the definition language ([`Decls`]), before
//! the families are merged.
//!
//! Records are laid out as the language lays them out: every field at its natural offset,
//! explicit padding where C has a hole, 8 bytes for `long` and pointers. On a 64-bit target
//! the target's own offsets are kept: a hole becomes a padding field, a field C placed below
//! its natural offset makes the record `#[uabi(packed)]` (a packed union, which the language
//! cannot pack, has its integers as bytes). On a 32-bit-only family the record is laid out
//! naturally as on 64-bit (tightly, when packed). Every change from what C declares is noted,
//! as is every refusal, with the reason. Macros that are no integer constant, string or
//! ioctl (function-like, empty, or C's own expression) are C macros (`c_macro`) where their
//! tokens allow ([`super::cmacro`]).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use uabi_model::ast::Prim;

use super::cexpr::{self, CValue, Env};
use super::plan::{self, Bit, Dir, Field, Flag, Ty};
use super::targets::FamilyTarget;
use crate::cheader::{self, HeaderIr, Int, RecordId, TypeKind};

/// Why something was not imported: a short kind, for counting, and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub kind: &'static str,
    pub message: String,
}

fn refuse<T>(kind: &'static str, message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal { kind, message: message.into() })
}

/// A named record of one target: itself and the untagged records it contains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    /// `[0]` is the record; the others are its untagged members' types, named by
    /// [`anon_ref`] in field types.
    pub records: Vec<plan::Record>,
    /// For each record of `records`, where in C it is (field path from the record), for
    /// names: `mmio`, `u.ext`.
    pub paths: Vec<String>,
    /// The named records it uses, by key.
    pub deps: BTreeSet<String>,
    pub size: u64,
    pub align: u64,
}

/// A record of one target.
pub struct RecDecl {
    /// `struct foo` / `union foo`.
    pub key: String,
    /// Byte offset in the header (records of other headers: after everything).
    pub order: u32,
    /// The header that defines a record of another file.
    pub defined_in: Option<String>,
    pub result: Result<Tree, Refusal>,
    pub changes: Vec<String>,
    pub docs: Vec<String>,
}

#[derive(Clone)]
pub enum MacroKind {
    Const(plan::Const),
    Str(String),
    Ioctl(plan::Ioctl),
    CMacro(super::cmacro::CMacro),
    /// Written as a flag of a record's field.
    Flag,
    Refused(Refusal),
}

pub struct MacroDecl {
    pub name: String,
    pub order: u32,
    pub docs: Vec<String>,
    pub kind: MacroKind,
    /// Records and constants it names (keys and names).
    pub deps: BTreeSet<String>,
    pub changes: Vec<String>,
}

pub struct EnumDecl {
    pub key: String,
    pub order: u32,
    pub docs: Vec<String>,
    pub result: Result<plan::Enum, Refusal>,
    pub changes: Vec<String>,
}

/// Everything one target's IR gives.
pub struct Decls {
    pub records: Vec<RecDecl>,
    pub enums: Vec<EnumDecl>,
    pub macros: Vec<MacroDecl>,
}

/// A field type naming the record of key `key`, before Rust names are given.
pub fn key_ref(key: &str) -> Ty {
    Ty::Named(format!("\u{1}{key}"))
}

/// A field type naming the untagged record `i` of its tree.
pub fn anon_ref(i: usize) -> Ty {
    Ty::Named(format!("\u{2}{i}"))
}

pub enum Ref<'a> {
    Key(&'a str),
    Anon(usize),
    Rust(&'a str),
}

pub fn parse_ref(name: &str) -> Ref<'_> {
    if let Some(k) = name.strip_prefix('\u{1}') {
        Ref::Key(k)
    } else if let Some(i) = name.strip_prefix('\u{2}') {
        Ref::Anon(i.parse().unwrap_or(usize::MAX))
    } else {
        Ref::Rust(name)
    }
}

/// `vfio_device_info` -> `VfioDeviceInfo`.
pub fn rust_type_name(tag: &str) -> String {
    let mut out = String::new();
    for part in tag.split('_').filter(|p| !p.is_empty()) {
        let mut c = part.chars();
        if let Some(f) = c.next() {
            out.push(f.to_ascii_uppercase());
            out.push_str(c.as_str());
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert(0, 'C');
    }
    out
}

pub const RUST_KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
    "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override",
    "priv", "typeof", "unsized", "virtual", "yield", "try", "gen", "union",
];

/// A C name as a Rust identifier: itself, raw when it is a keyword, with a `_` after it where
/// a raw identifier is not allowed (`self`), and away from names the expansion reserves.
pub fn rust_ident(c: &str) -> String {
    if matches!(c, "self" | "Self" | "super" | "crate" | "_") || c.starts_with("__uabi_") {
        format!("{c}_")
    } else if RUST_KEYWORDS.contains(&c) {
        format!("r#{c}")
    } else {
        c.to_string()
    }
}

/// `UPPER_SNAKE` remainder of an enumerator as a Rust variant name.
fn camel(s: &str) -> String {
    s.split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_ascii_lowercase();
            let mut c = lower.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// A C comment as doc lines: indentation capped at three spaces, so that rustdoc never
/// reads a line as an indented code block (and runs it as a doctest).
pub fn doc_lines(comment: Option<&str>) -> Vec<String> {
    let Some(c) = comment else { return Vec::new() };
    c.lines()
        .map(|l| {
            let l = l.replace('\t', "  ");
            let body = l.trim_start();
            let indent = (l.len() - body.len()).min(3);
            format!("{}{}", " ".repeat(indent), body.trim_end())
        })
        .collect()
}

/// Typedefs of the machine word that 32-bit ABIs define as `int`: 8 bytes in the 64-bit
/// layout import writes.
const WORD_TYPEDEFS: &[&str] =
    &["size_t", "ssize_t", "ptrdiff_t", "intptr_t", "uintptr_t", "__kernel_size_t", "__kernel_ssize_t", "__kernel_ptrdiff_t"];

const ALIGNED_TYPEDEFS: &[&str] = &["__aligned_u64", "__aligned_s64", "__aligned_be64", "__aligned_le64"];

/// A converted field type with its layout in the language.
struct FieldConv {
    ty: Ty,
    size: u64,
    align: u64,
    aligned: bool,
    char: bool,
    c_pointer: Option<String>,
    enum_name: Option<String>,
    note: Option<String>,
    /// Can be `Default` (no array longer than 32, records that are).
    default: bool,
}

impl FieldConv {
    fn prim(p: Prim) -> FieldConv {
        FieldConv {
            ty: Ty::Prim(p),
            size: p.size(),
            align: p.size(),
            aligned: false,
            char: false,
            c_pointer: None,
            enum_name: None,
            note: None,
            default: true,
        }
    }
}

/// IR field `(record, index)` to the tree's `(record, field)`.
type FieldMap = Vec<((RecordId, usize), (usize, usize))>;

/// A record being converted: the records of its tree, their layouts, what it uses.
#[derive(Clone)]
struct Builder {
    /// The named record's C name, for messages.
    top: String,
    /// A packed record: every multi-byte integer is an array of its bytes (alignment 1, so
    /// that it can sit where C puts it); `byte_fields` lists them.
    bytes: bool,
    byte_fields: Vec<String>,
    /// Spare bits named so far (`__pad_bits<n>`); padding fields, storage units and
    /// anonymous members likewise: the members of untagged members share the record's
    /// namespace in C, so every name import makes up is unique in the whole tree.
    spare_bits: usize,
    pads: usize,
    units: usize,
    anons: usize,
    /// Every member name of the IR's records: what made-up names must avoid.
    taken: Rc<BTreeSet<String>>,
    records: Vec<plan::Record>,
    paths: Vec<String>,
    layouts: Vec<(u64, u64)>,
    deps: BTreeSet<String>,
    changes: Vec<String>,
    /// IR field `(record, index)` to the tree's `(record, field)`: where flags go.
    field_map: FieldMap,
}

pub struct Converter<'a> {
    ir: &'a HeaderIr,
    ft: &'static FamilyTarget,
    roots: &'a [PathBuf],
    /// Named records converted: their layout, or why not.
    done: HashMap<RecordId, Result<(u64, u64, bool), Refusal>>,
    records: Vec<RecDecl>,
    /// Where a named record's fields went: IR field to the field of the plan's tree.
    field_maps: HashMap<RecordId, FieldMap>,
    pub guard: Option<String>,
    /// The headers the generated header will include (besides `<linux/types.h>` and
    /// `<linux/ioctl.h>`).
    includes: Vec<String>,
}

impl<'a> Converter<'a> {
    pub fn new(ir: &'a HeaderIr, ft: &'static FamilyTarget, roots: &'a [PathBuf], guard: Option<String>, includes: Vec<String>) -> Self {
        Converter { ir, ft, roots, done: HashMap::new(), records: Vec::new(), field_maps: HashMap::new(), guard, includes }
    }

    pub fn convert(mut self) -> Decls {
        let ir = self.ir;
        // Every named record of the header, in source order (and the records of other
        // headers they use, as they come).
        for (id, r) in ir.records.iter().enumerate() {
            if r.file.is_none() && r.tag.is_some() {
                let _ = self.named(id);
            }
        }
        let typedef_records: Vec<(RecordId, String)> =
            ir.records.iter().enumerate().filter(|(_, r)| r.file.is_none() && r.tag.is_none() && r.parent.is_none()).filter_map(|(i, r)| Some((i, r.typedef_name.clone()?))).collect();
        for (id, name) in typedef_records {
            let r = &ir.records[id];
            self.records.push(RecDecl {
                key: name.clone(),
                order: r.loc.offset,
                defined_in: None,
                result: refuse("typedef-record", format!("`{name}` is a typedef of an untagged {}: the language names a record by its tag (a field of this type is imported as an untagged member)", r.kind.keyword())),
                changes: Vec::new(),
                docs: doc_lines(r.comment.as_deref()),
            });
        }
        let mut enums = Vec::new();
        let mut macros = Vec::new();
        for e in &ir.enums {
            self.enumeration(e, &mut enums, &mut macros);
        }
        self.macros(&mut macros, &mut enums);
        // The flags found their fields: put them there.
        Decls { records: self.records, enums, macros }
    }

    /// Converts the named record `id` (once), recording it; its layout or why not.
    fn named(&mut self, id: RecordId) -> Result<(u64, u64, bool), Refusal> {
        if let Some(d) = self.done.get(&id) {
            return d.clone();
        }
        let r = &self.ir.records[id];
        let key = r.c_name().unwrap_or_default();
        // A record containing itself cannot be laid out; the marker stops the recursion.
        self.done.insert(id, refuse("incomplete", format!("`{key}` contains itself")));
        let defined_in = match &r.file {
            None => Ok(None),
            Some(f) => self.defined_in(f, r.included_as.as_deref()).map(Some),
        };
        let taken: Rc<BTreeSet<String>> = Rc::new(self.ir.records.iter().flat_map(|r| r.fields.iter().filter_map(|f| f.name.clone())).collect());
        let builder = |bytes: bool| Builder {
            top: key.clone(),
            bytes,
            byte_fields: Vec::new(),
            spare_bits: 0,
            pads: 0,
            units: 0,
            anons: 0,
            taken: taken.clone(),
            records: Vec::new(),
            paths: Vec::new(),
            layouts: Vec::new(),
            deps: BTreeSet::new(),
            changes: Vec::new(),
            field_map: Vec::new(),
        };
        let mut b = builder(false);
        let result = defined_in.clone().and_then(|_| self.record_into(id, &mut b, String::new(), None));
        let docs = doc_lines(r.comment.as_deref());
        let (result, out) = match result {
            Ok(_) => {
                // Per target: on sparc, linux/time_types.h's `__kernel_old_timeval` is asm's.
                b.records[0].defined_in = defined_in.clone().ok().flatten();
                let (size, align) = b.layouts[0];
                let default = b.records.iter().all(|r| r.default);
                self.field_maps.insert(id, std::mem::take(&mut b.field_map));
                (Ok(Tree { records: b.records, paths: b.paths, deps: b.deps, size, align }), Ok((size, align, default)))
            }
            Err(e) => (Err(e.clone()), Err(e)),
        };
        self.records.push(RecDecl {
            key: key.clone(),
            order: if r.file.is_none() { r.loc.offset } else { u32::MAX },
            defined_in: defined_in.ok().flatten(),
            result,
            changes: b.changes,
            docs,
        });
        self.done.insert(id, out.clone());
        out
    }

    /// The `#include` path of a file of another header, relative to the root that holds it
    /// (an architecture's own `asm/` directory counts as the root).
    /// A file below no root (libc's `bits/socket.h`) is named by the header's own `#include`
    /// that brings it (`sys/socket.h`).
    fn defined_in(&self, file: &Path, included_as: Option<&str>) -> Result<String, Refusal> {
        for root in self.roots {
            if let Ok(rel) = file.strip_prefix(root) {
                let rel = rel.strip_prefix(self.ft.target.multiarch).unwrap_or(rel);
                return Ok(rel.display().to_string());
            }
        }
        match included_as {
            Some(name) => Ok(name.to_string()),
            None => refuse("outside-roots", format!("it is defined in {}, below no -I directory, and the header includes it through no header of its own", file.display())),
        }
    }

    /// Converts record `id` into the tree `b` (as its record `b.records.len()`), with its
    /// untagged members' types after it. `path` is where it sits in the named record; `tag`
    /// names an untagged record that must have a C tag (an array's element).
    ///
    /// A record C packs (a field below its natural offset, a size that is no multiple of its
    /// fields' alignment, or an alignment below theirs) is laid out again as `#[uabi(packed)]`:
    /// its fields where C has them, alignment 1. A packed union, which the language cannot
    /// pack, has its multi-byte integers as arrays of their bytes instead (alignment 1 too).
    fn record_into(&mut self, id: RecordId, b: &mut Builder, path: String, tag: Option<String>) -> Result<usize, Refusal> {
        let snapshot = b.clone();
        let first = self.record_layout(id, b, path.clone(), tag.clone(), false);
        let r = &self.ir.records[id];
        let union = r.kind == cheader::RecordKind::Union;
        let why = match &first {
            Err(e) if e.kind == "packed" => e.message.clone(),
            // A union keeps its members' types, and C's alignment is noted.
            Ok(me) if self.ft.lp64 && !union && r.align.is_some_and(|a| a < b.layouts[*me].1) => {
                format!("aligned to {} in C, its fields to {}", r.align.unwrap_or(0), b.layouts[*me].1)
            }
            // A 32-bit family lays a union out as 64-bit: its own size tells it is packed.
            Ok(me) if union && r.size.is_some_and(|s| s % b.layouts[*me].1 != 0) => {
                format!("{} bytes, not a multiple of its members' alignment {}", r.size.unwrap_or(0), b.layouts[*me].1)
            }
            _ => return first,
        };
        let first_b = std::mem::replace(b, snapshot.clone());
        let packed = if union {
            Err(Refusal { kind: "packed", message: format!("{why}: a packed union, which the language cannot pack") })
        } else {
            self.record_layout(id, b, path.clone(), tag.clone(), true)
        };
        let packed = match packed {
            Ok(me) => {
                let what = self.what(id, &b.top, &path);
                b.changes.push(format!("{what} is packed in C ({}): imported as `#[uabi(packed)]`, its fields where C has them and alignment 1", strip_what(&why, &what)));
                return Ok(me);
            }
            Err(p) => p,
        };
        // A struct whose fields C has at their natural offsets keeps them, and its alignment
        // is noted (`packed` dropped), where the language cannot pack it (an aligned type
        // inside).
        if first.is_ok() && !union {
            *b = first_b;
            return first;
        }
        // A union: its bytes, where they are (`#pragma pack(2)` as batman-adv's packets have
        // it, or `__attribute__((packed))`).
        *b = snapshot;
        let was = std::mem::replace(&mut b.bytes, true);
        let bytes = self.record_layout(id, b, path.clone(), tag, false);
        b.bytes = was;
        match bytes {
            Ok(me) => {
                let what = self.what(id, &b.top, &path);
                let shown: Vec<String> = b.byte_fields.iter().take(4).map(|f| format!("`{f}`")).collect();
                let more = b.byte_fields.len().saturating_sub(4);
                b.changes.push(format!(
                    "{what} is packed ({}), and the language packs no union: its {} multi-byte field(s) ({}{}) are imported as arrays of their bytes, where C has them",
                    strip_what(&why, &what),
                    b.byte_fields.len(),
                    shown.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                ));
                Ok(me)
            }
            // Not even its bytes fit: the first layout stands, or the packed one's reason.
            Err(e) => match first {
                Ok(me) => {
                    *b = first_b;
                    Ok(me)
                }
                Err(_) if !union => Err(packed),
                Err(_) => Err(e),
            },
        }
    }

    /// The aligned field (`__aligned_u64`, `#[uabi(aligned)]`) a field of type `ty` holds, in
    /// an untagged record of the tree `b` or a named record converted before, if any.
    fn aligned_inside(&self, ty: &Ty, b: &Builder) -> Option<String> {
        let Ty::Named(n) = ty.element() else { return None };
        match parse_ref(n) {
            Ref::Anon(i) => b.records.get(i)?.fields.iter().find_map(|f| if f.aligned { Some(f.c_name.clone()) } else { self.aligned_inside(&f.ty, b) }),
            Ref::Key(k) => self.aligned_in_named(k),
            Ref::Rust(_) => None,
        }
    }

    /// The aligned field the named record `key` holds (its untagged members' included).
    fn aligned_in_named(&self, key: &str) -> Option<String> {
        let tree = self.records.iter().find(|d| d.key == key)?.result.as_ref().ok()?;
        tree.records.iter().flat_map(|r| &r.fields).find_map(|f| match f.ty.element() {
            _ if f.aligned => Some(f.c_name.clone()),
            Ty::Named(m) => match parse_ref(m) {
                Ref::Key(k) => self.aligned_in_named(k),
                _ => None,
            },
            _ => None,
        })
    }

    /// How messages name record `id` of the tree of `top` at `path`.
    fn what(&self, id: RecordId, top: &str, path: &str) -> String {
        match (self.ir.records[id].c_name(), path.is_empty()) {
            (Some(n), true) => n,
            (_, false) => format!("`{path}` of {top}"),
            (None, true) => format!("an untagged member of {top}"),
        }
    }

    /// Lays out record `id` (see [`Self::record_into`]); `packed`: as `#[uabi(packed)]`.
    fn record_layout(&mut self, id: RecordId, b: &mut Builder, path: String, tag: Option<String>, packed: bool) -> Result<usize, Refusal> {
        let ir = self.ir;
        let r = &ir.records[id];
        let top = b.top.clone();
        let me = b.records.len();
        let c_name = tag.clone().or_else(|| r.tag.clone()).unwrap_or_default();
        b.records.push(plan::Record {
            rust: String::new(),
            c_name: c_name.clone(),
            union: r.kind == cheader::RecordKind::Union,
            anonymous: r.tag.is_none() && tag.is_none(),
            packed,
            defined_in: None,
            fields: Vec::new(),
            default: true,
        });
        b.paths.push(path.clone());
        b.layouts.push((0, 1));
        let what = match (r.c_name(), path.is_empty()) {
            (Some(n), true) => n,
            (_, false) => format!("`{path}` of {top}"),
            (None, true) => format!("an untagged member of {top}"),
        };
        let Some(size) = r.size else {
            return refuse("incomplete", format!("{what}: the target's compiler cannot lay it out"));
        };
        let union = r.kind == cheader::RecordKind::Union;
        if r.fields.is_empty() || size == 0 {
            return refuse("empty-record", format!("{what} has no bytes (an empty {} is a GNU extension the language has no equivalent for)", r.kind.keyword()));
        }
        let mut fields: Vec<Field> = Vec::new();
        let mut cursor = 0u64;
        let mut align = 1u64;
        let mut default = true;
        let (mut pads, mut units) = (b.pads, b.units);
        let names = b.taken.clone();
        // The record as the target's own compiler lays out its C types (32-bit families only).
        let (mut shadow, mut shadow_align) = (0u64, 1u64);
        let mut fresh = |stem: &str, n: &mut usize| loop {
            let name = if stem == "_bitfield_" { format!("{stem}{}", *n + 1) } else { format!("{stem}{}", *n) };
            *n += 1;
            if !names.contains(&name) {
                break name;
            }
        };
        let lp64 = self.ft.lp64;
        let mut i = 0;
        while i < r.fields.len() {
            let f = &r.fields[i];
            if f.bit_width.is_some() {
                let end = if union { i + 1 } else { (i..r.fields.len()).find(|&j| r.fields[j].bit_width.is_none()).unwrap_or(r.fields.len()) };
                let next = if union || end == r.fields.len() { size * 8 } else { r.fields[end].offset_bits.unwrap_or(size * 8) };
                let run: Vec<&cheader::Field> = r.fields[i..end].iter().collect();
                b.pads = pads;
                let allocated = self.bit_units(&run, next, &what, b, packed)?;
                for (off_bits, unit, bits) in allocated {
                    let name = fresh("_bitfield_", &mut units);
                    let mut field = Field::new(name.clone(), name, Ty::Prim(unit));
                    field.bits = bits;
                    let falign = if packed { 1 } else { unit.size() };
                    let at = if lp64 { off_bits / 8 } else if union { 0 } else { cursor.next_multiple_of(falign) };
                    b.changes.extend(place(&mut fields, &mut cursor, &mut align, field, at, unit.size(), falign, union, lp64, &what, &mut pads, &mut fresh)?);
                }
                i = end;
                continue;
            }
            let last = i + 1 == r.fields.len() && !union;
            // `__DECLARE_FLEX_ARRAY(T, name)` last in a struct: an untagged struct of an empty
            // struct and `T name[]`, which lays out as `T name[]` itself.
            if let (true, Some(flex)) = (last, declared_flex_array(ir, f)) {
                let conv = self.field_type(&flex.ty, true, b, &path, &c_name, flex.name.as_deref(), &what)?;
                let name = flex.name.clone().unwrap_or_default();
                b.changes.push(format!("{what}: `__DECLARE_FLEX_ARRAY(.., {name})` written as the flexible array `{name}[]` it lays out as (without its empty `__empty_{name}` member)"));
                let mut field = Field::new(rust_ident(&name), name, conv.ty);
                field.char = conv.char;
                field.docs = doc_lines(f.comment.as_deref());
                let off = f.offset_bits.unwrap_or(0) / 8;
                let falign = if packed { 1 } else { conv.align };
                let at = if lp64 { off } else { cursor.next_multiple_of(falign) };
                b.changes.extend(place(&mut fields, &mut cursor, &mut align, field, at, 0, falign, union, lp64, &what, &mut pads, &mut fresh)?);
                i += 1;
                continue;
            }
            let fname = f.name.clone();
            let child_path = match (&fname, path.is_empty()) {
                (Some(n), true) => n.clone(),
                (Some(n), false) => format!("{path}.{n}"),
                (None, _) => path.clone(),
            };
            (b.pads, b.units) = (pads, units);
            let conv = self.field_type(&f.ty, last, b, &child_path, &c_name, fname.as_deref(), &what)?;
            (pads, units) = (b.pads, b.units);
            let (rust, c, anonymous) = match &fname {
                Some(n) => (rust_ident(n), n.clone(), false),
                None => {
                    let n = loop {
                        b.anons += 1;
                        let n = format!("anon{}", b.anons);
                        if !b.taken.contains(&n) {
                            break n;
                        }
                    };
                    (n.clone(), n, true)
                }
            };
            if anonymous && !matches!(&conv.ty, Ty::Named(n) if matches!(parse_ref(n), Ref::Anon(_))) {
                return refuse("anonymous-member", format!("{what}: an unnamed member that is not an untagged record"));
            }
            if packed {
                if let Some(inner) = self.aligned_inside(&conv.ty, b) {
                    return refuse(
                        "packed",
                        format!("{what}: packed in C, and `{}` holds `{inner}`, an aligned type (`#[uabi(aligned)]`): the language packs no record holding one (Rust forbids an over-aligned type inside a packed one)", f.name.as_deref().unwrap_or("(unnamed)")),
                    );
                }
            }
            let mut field = Field::new(rust, c, conv.ty);
            field.anonymous = anonymous;
            field.aligned = conv.aligned && !packed;
            if conv.aligned && packed {
                b.changes.push(format!("{what}: `{}` is an aligned type (`{}`), written without `aligned` in the packed record: C packs it too", field.c_name, f.ty.spelling));
            }
            field.char = conv.char;
            field.c_pointer = conv.c_pointer;
            field.enum_name = conv.enum_name;
            field.docs = doc_lines(f.comment.as_deref());
            default &= conv.default;
            if let Some(n) = conv.note {
                b.changes.push(format!("{what}: {n}"));
            }
            let off = match f.offset_bits {
                Some(o) if o % 8 == 0 => o / 8,
                _ => return refuse("incomplete", format!("{what}: `{}` has no byte offset", fname.unwrap_or_default())),
            };
            if !lp64 && !union && !b.bytes && !packed {
                // A 32-bit family is laid out as 64-bit, not from its own offsets; but a record
                // its compiler packs (a field below its natural offset there) is packed.
                let a = f.ty.align.unwrap_or(1);
                let natural = shadow.next_multiple_of(a);
                if off < natural {
                    return refuse("packed", format!("{what}: `{}` is at offset {off}, but its type is aligned to {a} (natural offset {natural}): a packed record", fname.unwrap_or_default()));
                }
                shadow = off + f.ty.size.unwrap_or(0);
                shadow_align = shadow_align.max(a);
            }
            b.field_map.push(((id, i), (me, fields.len())));
            let falign = if packed { 1 } else { conv.align };
            let at = if lp64 { off } else if union { 0 } else { cursor.next_multiple_of(falign) };
            b.changes.extend(place(&mut fields, &mut cursor, &mut align, field, at, conv.size, falign, union, lp64, &what, &mut pads, &mut fresh)?);
            // place() may have put a pad first: the field is the last one.
            if let Some(m) = b.field_map.last_mut() {
                m.1 .1 = fields.len() - 1;
            }
            i += 1;
        }
        if !lp64 && !union && !b.bytes && !packed && r.align.is_some_and(|a| a < shadow_align) {
            return refuse("packed", format!("{what} is aligned to {} while its fields are aligned to {shadow_align}: a packed record", r.align.unwrap_or(0)));
        }
        // The tail: C rounds the size up to the alignment; the language wants the bytes named.
        let natural = cursor.next_multiple_of(align);
        let want = if lp64 { size } else { natural };
        if want < cursor {
            return refuse("packed", format!("{what} is {size} bytes, less than its fields need at their natural offsets ({natural}): a packed record"));
        }
        if want % align != 0 {
            return refuse("packed", format!("{what} is {size} bytes, not a multiple of its fields' alignment {align}: a packed record"));
        }
        if want > cursor && fields.last().is_some_and(|f| matches!(f.ty, Ty::Flex(_))) {
            return refuse(
                "flexible-array",
                format!("{what}: the flexible array `{}` starts at offset {cursor}, inside the {} byte(s) of tail padding C adds to the {want}-byte record: the language's flexible array ends the record", fields.last().map(|f| f.c_name.as_str()).unwrap_or_default(), want - cursor),
            );
        }
        if want > cursor {
            if union {
                let name = fresh("__pad", &mut pads);
                fields.push(Field::new(name.clone(), name, Ty::Array(Box::new(Ty::Prim(Prim::U8)), want)));
                b.changes.push(format!("{what}: member `{}: [u8; {want}]` added: C pads the union to {want} bytes", fields.last().map(|f| f.rust.as_str()).unwrap_or_default()));
                default &= want <= 32;
            } else {
                let gap = want - cursor;
                let name = fresh("__pad", &mut pads);
                let ty = pad_type(cursor, gap);
                default &= !matches!(&ty, Ty::Array(_, n) if *n > 32);
                b.changes.push(format!("{what}: `{name}: {}` added at the end: {gap} byte(s) of tail padding in C", ty.rust()));
                fields.push(Field::new(name.clone(), name, ty));
            }
            cursor = want;
        }
        if lp64 {
            if let Some(a) = r.align {
                if a > align {
                    b.changes.push(format!("{what}: aligned to {a} in C, to {align} here (the language has no alignment attribute; the size and offsets are kept)"));
                } else if a < align && r.packed {
                    b.changes.push(format!("{what}: `packed` dropped: every field is at its natural offset, so only the record's alignment changes ({a} in C, {align} here)"));
                }
            }
        }
        (b.pads, b.units) = (pads, units);
        // The size field conventions: `argsz` first and `size` first are read as the struct's
        // size by the language; import claims no such meaning, so any other `argsz` and every
        // `size` keep only their C name.
        if !union {
            for (k, f) in fields.iter_mut().enumerate() {
                let first_u32 = k == 0 && f.ty == Ty::Prim(Prim::U32);
                if (f.c_name == "argsz" && !first_u32) || (f.c_name == "size" && first_u32) {
                    f.rust = format!("{}_", f.c_name);
                    b.changes.push(format!("{what}: the Rust field of `{}` is `{}_`: a `{}` first is the language's size field, which import does not claim (mark it `#[uabi(size)]` if it is one)", f.c_name, f.c_name, f.c_name));
                }
            }
        }
        let rec = &mut b.records[me];
        rec.fields = fields;
        rec.default = default;
        b.layouts[me] = (cursor, align);
        Ok(me)
    }

    /// The storage units of a run of bit-fields (`run`, in declaration order, which is
    /// allocation order), up to bit `next` where the next field starts: each unit a
    /// fixed-width integer at an offset aligned to its size, holding whole bit-fields and
    /// named spare bits.
    /// In a packed record (`packed`) a unit may sit at any byte, as C packs bit-fields there.
    fn bit_units(&self, run: &[&cheader::Field], next: u64, what: &str, b: &mut Builder, packed: bool) -> Result<Vec<(u64, Prim, Vec<Bit>)>, Refusal> {
        struct B<'f> {
            start: u64,
            width: u64,
            f: &'f cheader::Field,
        }
        let items: Vec<B> = run
            .iter()
            .filter(|f| f.bit_width != Some(0))
            .map(|f| Ok(B { start: f.offset_bits.ok_or_else(|| Refusal { kind: "incomplete", message: format!("{what}: a bit-field without an offset") })?, width: f.bit_width.unwrap_or(0) as u64, f }))
            .collect::<Result<_, Refusal>>()?;
        let mut out = Vec::new();
        // Spare bits are named across the whole record: the members of its untagged members
        // share its namespace in C.
        let mut spare = b.spare_bits;
        let taken: BTreeSet<&str> = self.ir.records.iter().flat_map(|r| r.fields.iter().filter_map(|f| f.name.as_deref())).collect();
        let mut k = 0;
        while k < items.len() {
            let p = items[k].start / 8 * 8;
            let declared = items[k].f.ty.size.unwrap_or(4) * 8;
            let mut candidates = if b.bytes { Vec::new() } else { vec![declared] };
            candidates.extend([64, 32, 16, 8].into_iter().filter(|c| *c != declared && (!b.bytes || *c == 8)));
            let unit = candidates.into_iter().find(|&u| {
                u <= 64
                    && (packed || p.is_multiple_of(u))
                    && p + u <= next
                    && items[k].start + items[k].width <= p + u
                    && items[k..].iter().all(|x| x.start + x.width <= p + u || x.start >= p + u)
            });
            let Some(u) = unit else {
                let name = items[k].f.name.as_deref().unwrap_or("(unnamed)");
                return refuse("bitfield", format!("{what}: bit-field `{name}` at bit {} cannot be given a storage unit (an integer at an offset aligned to its size, holding whole bit-fields) that leaves the next field where C puts it", items[k].start));
            };
            let mut bits = Vec::new();
            let mut cur = p;
            let fill = |width: u64, bits: &mut Vec<Bit>, spare: &mut usize| loop {
                let name = format!("__pad_bits{}", *spare);
                *spare += 1;
                if !taken.contains(name.as_str()) {
                    bits.push(Bit { name, width: width as u32, docs: Vec::new() });
                    break;
                }
            };
            while k < items.len() && items[k].start < p + u {
                let it = &items[k];
                if it.start > cur {
                    fill(it.start - cur, &mut bits, &mut spare);
                }
                let name = match &it.f.name {
                    Some(n) => n.clone(),
                    None => {
                        let before = bits.len();
                        fill(it.width, &mut bits, &mut spare);
                        let n = bits[before].name.clone();
                        b.changes.push(format!("{what}: unnamed bit-field `:{}` named `{n}`", it.width));
                        bits.pop();
                        n
                    }
                };
                if matches!(&it.f.ty.kind, TypeKind::Int(i) if i.is_signed()) {
                    b.changes.push(format!("{what}: bit-field `{name}` is signed in C (`{}`), unsigned here: the language's bit-fields live in an unsigned unit", it.f.ty.spelling));
                }
                bits.push(Bit { name: rust_ident(&name), width: it.width as u32, docs: doc_lines(it.f.comment.as_deref()) });
                cur = it.start + it.width;
                k += 1;
            }
            if cur < p + u {
                fill(p + u - cur, &mut bits, &mut spare);
            }
            let prim = match u {
                8 => Prim::U8,
                16 => Prim::U16,
                32 => Prim::U32,
                _ => Prim::U64,
            };
            if u != declared {
                b.changes.push(format!("{what}: bit-fields from `{}` stored in a `{}` unit (declared `{}` in C)", bits[0].name, prim.c_name(), run[0].ty.spelling));
            }
            out.push((p, prim, bits));
        }
        b.spare_bits = spare;
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn field_type(&mut self, ty: &cheader::Type, flex_ok: bool, b: &mut Builder, path: &str, parent_tag: &str, name: Option<&str>, what: &str) -> Result<FieldConv, Refusal> {
        let ir = self.ir;
        let fname = name.unwrap_or("(unnamed)");
        match &ty.kind {
            TypeKind::Int(_) | TypeKind::Enum { .. } | TypeKind::Pointer { .. } if b.bytes && ty.size.is_some_and(|s| s > 1) => {
                let size = ty.size.unwrap_or(1);
                b.byte_fields.push(format!("{fname}: [u8; {size}]"));
                let mut c = FieldConv::prim(Prim::U8);
                c.ty = Ty::Array(Box::new(Ty::Prim(Prim::U8)), size);
                c.size = size;
                c.default = size <= 32;
                Ok(c)
            }
            TypeKind::Int(i) => {
                let (p, note) = int_prim(*i, ty, self.ft.lp64, fname)?;
                let mut c = FieldConv::prim(p);
                c.note = note;
                c.char = *i == Int::Char;
                c.aligned = matches!(p, Prim::U64 | Prim::I64) && ty.typedefs.iter().any(|t| ALIGNED_TYPEDEFS.contains(&t.as_str()));
                Ok(c)
            }
            TypeKind::Enum { tag, def } => {
                let int = def.and_then(|d| ir.enums.get(d)).and_then(|e| e.int);
                let size = ty.size.unwrap_or(4);
                let p = match (size, int.is_some_and(|i| i.is_signed())) {
                    (4, false) => Prim::U32,
                    (4, true) => Prim::I32,
                    (8, false) => Prim::U64,
                    (8, true) => Prim::I64,
                    (2, _) => Prim::U16,
                    (1, _) => Prim::U8,
                    _ => return refuse("type", format!("{what}: `{fname}` is an enum of {size} bytes")),
                };
                let mut c = FieldConv::prim(p);
                let in_header = def.is_some() && tag.is_some();
                if in_header && size == 4 {
                    c.enum_name = tag.as_deref().map(rust_type_name);
                }
                c.note = Some(format!("`{fname}` has an enum type (`{}`): imported as `{}`, the size C gives it", ty.spelling, p.rust_name()));
                Ok(c)
            }
            TypeKind::Pointer { pointee, pointee_via } => {
                let mut c = FieldConv::prim(Prim::U64);
                let clean = pointee_is_declared(pointee, pointee_via.as_deref(), ir, &self.includes);
                if clean {
                    c.c_pointer = Some(pointee.clone());
                }
                c.note = Some(format!(
                    "`{fname}` is a pointer (`{}`): imported as a `u64`{}, its size on 64-bit (4 bytes on 32-bit architectures, where Linux's layout differs)",
                    ty.spelling,
                    if clean { " that C still declares as the pointer (`c_pointer`)" } else { "" }
                ));
                Ok(c)
            }
            TypeKind::Array { elem, len } => {
                let e = match elem.kind {
                    // An array of an untagged record: C has no name for its element, so it
                    // gets a tag.
                    TypeKind::Record { def: Some(d), .. } if ir.records[d].tag.is_none() => {
                        let tag = format!("{parent_tag}_{fname}");
                        let child = self.record_into(d, b, path.to_string(), Some(tag.clone()))?;
                        let (size, align) = b.layouts[child];
                        b.changes.push(format!("{what}: the untagged element type of the array `{fname}` gets the tag `{tag}` (the language declares an array's element type by name)"));
                        FieldConv { ty: anon_ref(child), size, align, aligned: false, char: false, c_pointer: None, enum_name: None, note: None, default: b.records[child].default }
                    }
                    _ => self.field_type(elem, false, b, path, parent_tag, name, what)?,
                };
                // `c_pointer` and `enum` apply to a scalar field: an array keeps the integers.
                match len {
                    Some(n) if *n > 0 => Ok(FieldConv {
                        ty: Ty::Array(Box::new(e.ty), *n),
                        size: e.size * n,
                        align: e.align,
                        aligned: e.aligned,
                        char: e.char,
                        c_pointer: None,
                        enum_name: None,
                        note: e.note,
                        default: e.default && *n <= 32,
                    }),
                    _ if flex_ok => {
                        let note = if *len == Some(0) { Some(format!("`{fname}[0]` (a zero-length array) written as the flexible array `{fname}[]`")) } else { e.note };
                        Ok(FieldConv { ty: Ty::Flex(Box::new(e.ty)), size: 0, align: e.align, aligned: e.aligned, char: e.char, c_pointer: None, enum_name: None, note, default: e.default })
                    }
                    _ => refuse("flexible-array", format!("{what}: `{fname}` is a flexible or zero-length array that is not the last member of a struct (the language has a flexible array only there)")),
                }
            }
            TypeKind::Record { def: Some(d), .. } => {
                let rr = &ir.records[*d];
                if rr.tag.is_none() {
                    let typedef = rr.typedef_name.clone();
                    let child = self.record_into(*d, b, path.to_string(), None)?;
                    let (size, align) = b.layouts[child];
                    let note = typedef.map(|t| format!("`{fname}` has the type `{t}`, a typedef of an untagged {}: written as an untagged member of the same layout", rr.kind.keyword()));
                    return Ok(FieldConv { ty: anon_ref(child), size, align, aligned: false, char: false, c_pointer: None, enum_name: None, note, default: b.records[child].default });
                }
                let key = rr.c_name().unwrap_or_default();
                let (size, align, default) = self.named(*d).map_err(|e| Refusal {
                    kind: "depends",
                    message: format!("{what}: `{fname}` is a `{key}`, which is not imported: {}", e.message),
                })?;
                b.deps.insert(key.clone());
                Ok(FieldConv { ty: key_ref(&key), size, align, aligned: false, char: false, c_pointer: None, enum_name: None, note: None, default })
            }
            TypeKind::Record { def: None, .. } => refuse("incomplete", format!("{what}: `{fname}` has a record type whose definition is not available (`{}`)", ty.spelling)),
            TypeKind::Float(f) => refuse("float", format!("{what}: `{fname}` is a `{f}`: the language has no floating point (a kernel ABI carries the bits in an integer)")),
            TypeKind::Other(s) => refuse("type", format!("{what}: `{fname}` has the type `{s}`, which the language cannot express")),
        }
    }

    fn enumeration(&mut self, e: &cheader::Enum, enums: &mut Vec<EnumDecl>, macros: &mut Vec<MacroDecl>) {
        let repr = match (e.size.unwrap_or(4), e.int.is_some_and(|i| i.is_signed())) {
            (4, false) => Prim::U32,
            (4, true) => Prim::I32,
            (8, false) => Prim::U64,
            (8, true) => Prim::I64,
            (2, false) => Prim::U16,
            (2, true) => Prim::I16,
            (1, false) => Prim::U8,
            _ => Prim::I8,
        };
        let anonymous = e.tag.is_none();
        if anonymous || e.values.is_empty() {
            // `enum { A, B };`: the enumerators are the header's constants.
            for (i, v) in e.values.iter().enumerate() {
                let changes = if i == 0 {
                    let what = match &e.typedef_name {
                        Some(t) => format!("`{t}`, a typedef of an anonymous enum"),
                        None => "an anonymous enum".to_string(),
                    };
                    let last = e.values.last().map_or(String::new(), |l| format!("..{}", l.name));
                    vec![format!("{}{last}: the {} enumerators of {what}, imported as constants (`#define`s)", v.name, e.values.len())]
                } else {
                    Vec::new()
                };
                macros.push(MacroDecl {
                    name: v.name.clone(),
                    order: v.loc.offset,
                    docs: doc_lines(v.comment.as_deref()),
                    kind: MacroKind::Const(plan::Const { name: v.name.clone(), ty: repr, expr: cexpr::literal(v.value, repr, false), value: v.value, c_suffix: None }),
                    deps: BTreeSet::new(),
                    changes,
                });
            }
            return;
        }
        let tag = e.tag.clone().unwrap_or_default();
        let names: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
        let mut prefix = common_prefix(&names);
        let mut variants = Vec::new();
        let mut changes = Vec::new();
        let mut seen_values: HashMap<i128, String> = HashMap::new();
        let mut used: BTreeSet<String> = BTreeSet::new();
        // A remainder that is no Rust name (`0`, `SELF`) shortens the prefix for all.
        while !prefix.is_empty() && names.iter().any(|n| !is_variant_ident(&camel(&n[prefix.len()..]))) {
            prefix = prefix[..prefix[..prefix.len() - 1].rfind('_').map_or(0, |i| i + 1)].to_string();
        }
        for v in &e.values {
            if let Some(first) = seen_values.get(&v.value) {
                changes.push(format!("enum {tag}: `{}` has the value of `{first}`: a Rust enum has one variant per value, so it is a constant", v.name));
                macros.push(MacroDecl {
                    name: v.name.clone(),
                    order: v.loc.offset,
                    docs: doc_lines(v.comment.as_deref()),
                    kind: MacroKind::Const(plan::Const { name: v.name.clone(), ty: repr, expr: cexpr::literal(v.value, repr, false), value: v.value, c_suffix: None }),
                    deps: BTreeSet::new(),
                    changes: Vec::new(),
                });
                continue;
            }
            seen_values.insert(v.value, v.name.clone());
            let mut rust = camel(&v.name[prefix.len()..]);
            if !is_variant_ident(&rust) {
                rust = format!("V{rust}");
            }
            while !used.insert(rust.clone()) {
                rust.push('_');
            }
            let derived = format!("{prefix}{}", uabi_model::snake_case(&rust).to_ascii_uppercase());
            let (lo, hi) = repr.range();
            if v.value < lo || v.value > hi {
                enums.push(EnumDecl {
                    key: format!("enum {tag}"),
                    order: e.loc.offset,
                    docs: doc_lines(e.comment.as_deref()),
                    result: refuse("enum", format!("enum {tag}: `{}` = {} does not fit its type `{}`", v.name, v.value, repr.rust_name())),
                    changes: Vec::new(),
                });
                return;
            }
            variants.push(plan::Variant {
                rust,
                c_name: (derived != v.name).then(|| v.name.clone()),
                value: cexpr::literal(v.value, repr, false),
                docs: doc_lines(v.comment.as_deref()),
            });
        }
        enums.push(EnumDecl {
            key: format!("enum {tag}"),
            order: e.loc.offset,
            docs: doc_lines(e.comment.as_deref()),
            result: Ok(plan::Enum { rust: rust_type_name(&tag), c_name: tag, repr, prefix, variants, c_defines: false }),
            changes,
        });
    }

    /// Every macro of the header, classified: constants (with their flags found), ioctls,
    /// strings, and the refused.
    fn macros(&mut self, out: &mut Vec<MacroDecl>, enums: &mut [EnumDecl]) {
        let ir = self.ir;
        // Flags first: a macro defined inside a record, after an unsigned integer field whose
        // type holds its value, belongs to that field.
        let mut flag_of: HashMap<usize, (RecordId, usize, Prim)> = HashMap::new();
        for (mi, m) in ir.macros.iter().enumerate() {
            let (Some(v), None, None) = (m.value, &m.params, &m.ioctl) else { continue };
            let Some((rid, fi)) = self.enclosing_field(m.loc.offset) else { continue };
            let f = &ir.records[rid].fields[fi];
            if f.bit_width.is_some() {
                continue;
            }
            let p = match &f.ty.kind {
                TypeKind::Int(i) => int_prim(*i, &f.ty, self.ft.lp64, "").ok().map(|(p, _)| p),
                _ => None,
            };
            let Some(p) = p.filter(|p| !p.signed()) else { continue };
            let (lo, hi) = p.range();
            let fits = (lo..=hi).contains(&v.value) || CValue { value: p.wrap(v.value), unsigned: true }.c_equal(CValue { value: v.value, unsigned: v.unsigned });
            // The field as imported must still be that integer (a packed record's is bytes).
            if fits && self.plan_field(rid, fi).is_some_and(|f| f.ty == Ty::Prim(p) && f.bits.is_empty()) {
                flag_of.insert(mi, (rid, fi, p));
            }
        }
        // The type of every integer constant, and its value: what expressions may name.
        let mut env = Env::new();
        let mut types: HashMap<usize, (Prim, i128)> = HashMap::new();
        for (mi, m) in ir.macros.iter().enumerate() {
            let (Some(v), None, None) = (m.value, &m.params, &m.ioctl) else { continue };
            let (ty, value) = match flag_of.get(&mi) {
                Some(&(_, _, p)) => (p, p.wrap(v.value)),
                None if cexpr::char_only(&m.body).is_some_and(|c| c < 0x80) => (Prim::U8, v.value),
                None => {
                    let wide = cexpr::common_suffix(&m.body).is_some_and(|s| s.contains('L'));
                    let p = cexpr::prim_for(CValue { value: v.value, unsigned: v.unsigned }, wide);
                    (p, v.value)
                }
            };
            env.insert(m.name.clone(), (ty, value));
            types.insert(mi, (ty, value));
        }
        let guard = self.guard.clone();
        let enumerators: HashMap<&str, i128> = ir.enums.iter().flat_map(|e| e.values.iter().map(|v| (v.name.as_str(), v.value))).collect();
        for (mi, m) in ir.macros.iter().enumerate() {
            if Some(&m.name) == guard.as_ref() {
                continue;
            }
            let same = |e: i128| m.value.is_none_or(|v| CValue { value: v.value, unsigned: v.unsigned }.c_equal(CValue { value: e, unsigned: false }));
            // A function-like macro of an enumerator's name (pisp_common.h's
            // `PISP_IMAGE_FORMAT_BPS_10(fmt)`) is a macro of its own: C expands it before `(` only.
            let enumerator = enumerators.get(m.name.as_str()).filter(|_| m.params.is_none());
            if let Some(&e) = enumerator.filter(|&&e| !same(e)) {
                // `#define __TC_MQPRIO_MODE_MAX (__TC_MQPRIO_MODE_MAX - 1)`: the macro is what
                // the name means after the header; the enumerator of that name is refused.
                let refusal = Refusal {
                    kind: "enumerator-macro",
                    message: format!("the enumerator `{}` = {e} is redefined by `#define {} {}`, which is imported: the language defines a name once", m.name, m.name, m.body),
                };
                if let Some(d) = out.iter_mut().find(|d| d.name == m.name) {
                    d.kind = MacroKind::Refused(refusal);
                } else if let Some(d) = enums.iter_mut().find(|d| d.result.as_ref().is_ok_and(|e| variant_names(e).any(|n| n == m.name))) {
                    // A variant of a named enum: the enum, whose value of the name C no longer
                    // sees after the header.
                    let tag = d.key.clone();
                    d.result = Err(Refusal { kind: refusal.kind, message: format!("{tag}: {}", refusal.message) });
                }
            } else if enumerator.is_some() {
                // `#define IFF_UP IFF_UP`: the enumerator again, so that `#ifdef IFF_UP` works.
                // An enumerator imported as a constant is a `#define` already; one imported as
                // a variant is defined by `#[uabi(c_defines)]` on its enum, which defines every
                // enumerator so (one more macro is harmless where `#ifdef` tests it).
                if out.iter().any(|d| d.name == m.name && matches!(d.kind, MacroKind::Const(_))) {
                    continue;
                }
                let enum_of = enums.iter_mut().find(|d| d.result.as_ref().is_ok_and(|e| variant_names(e).any(|n| n == m.name)));
                let mut clash = None;
                if let Some(d) = enum_of {
                    let Ok(e) = &mut d.result else { unreachable!("found among the imported enums") };
                    // The enumerators the original does not `#define`: `c_defines` defines
                    // them too, unless the header defines one of those names as another macro
                    // (a function-like one of the enumerator's name).
                    let defined: BTreeSet<&str> = ir.macros.iter().filter(|x| x.params.is_none() && enumerators.contains_key(x.name.as_str())).map(|x| x.name.as_str()).collect();
                    let missing: Vec<String> = variant_names(e).filter(|n| !defined.contains(n.as_str())).collect();
                    clash = missing.iter().find(|n| ir.macros.iter().any(|x| x.name == **n)).cloned();
                    if clash.is_none() {
                        if !e.c_defines {
                            e.c_defines = true;
                            let change = if missing.is_empty() {
                                format!("enum {}: each enumerator is also `#define`d by its own name (`#define {} {}`): `#[uabi(c_defines)]`", e.c_name, m.name, m.body)
                            } else {
                                format!(
                                    "enum {}: enumerators are also `#define`d by their own names (`#define {} {}`): `#[uabi(c_defines)]`, which defines every one, also the {} the original does not ({})",
                                    e.c_name,
                                    m.name,
                                    m.body,
                                    missing.len(),
                                    missing.iter().take(4).map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ") + if missing.len() > 4 { ", .." } else { "" }
                                )
                            };
                            d.changes.push(change);
                        }
                        continue;
                    }
                }
                let message = match &clash {
                    Some(c) => format!(
                        "`#define {} {}` names the enumerator again (for `#ifdef`), and `#[uabi(c_defines)]` would define every enumerator of its enum so, `{c}` too, which the header defines as another macro",
                        m.name, m.body
                    ),
                    None => format!("`#define {} {}` names the enumerator again (for `#ifdef`): the enumerator is imported, and the language defines a name once", m.name, m.body),
                };
                out.push(MacroDecl {
                    name: m.name.clone(),
                    order: m.loc.offset,
                    docs: Vec::new(),
                    kind: MacroKind::Refused(Refusal { kind: "enumerator-macro", message }),
                    deps: BTreeSet::new(),
                    changes: Vec::new(),
                });
                continue;
            }
            let docs = doc_lines(m.comment.as_deref());
            let mut decl = MacroDecl { name: m.name.clone(), order: m.loc.offset, docs, kind: MacroKind::Flag, deps: BTreeSet::new(), changes: Vec::new() };
            decl.kind = if let Some(io) = &m.ioctl {
                match self.ioctl(m, io, &env, &mut decl) {
                    Ok(i) => MacroKind::Ioctl(i),
                    Err(e) => MacroKind::Refused(e),
                }
            } else if m.params.is_some() || m.body.trim().is_empty() {
                // `#define KVM_REG_SIZE(id) ..`, `#define __KVM_HAVE_PIT`: a macro for C alone.
                match super::cmacro::convert(&m.name, m.params.as_deref(), &m.body) {
                    Ok(c) => MacroKind::CMacro(c),
                    Err(e) => MacroKind::Refused(e),
                }
            } else if let (Some(v), Some(&(ty, value))) = (m.value, types.get(&mi)) {
                let c_value = CValue { value: v.value, unsigned: v.unsigned };
                let expr = if ty == Prim::U8 && cexpr::char_only(&m.body).is_some() && !flag_of.contains_key(&mi) {
                    let c = value as u8 as char;
                    Some(format!("b'{}'", c.escape_default()))
                } else {
                    cexpr::translate(&m.body, ty, c_value, &env)
                };
                let kept = expr.is_some();
                let expr = expr.unwrap_or_else(|| cexpr::literal(value, ty, cexpr::prefers_hex(&m.body)));
                if kept {
                    decl.deps.extend(cexpr::names(&m.body).into_iter().filter(|n| env.contains_key(n)));
                }
                let c_suffix = if kept { cexpr::common_suffix(&m.body).filter(|s| suffix_fits(s, ty, value)) } else { None };
                match flag_of.get(&mi) {
                    Some(&(rid, fi, _)) => {
                        self.attach_flag(rid, fi, Flag { name: m.name.clone(), expr, value, c_suffix, docs: decl.docs.clone() });
                        MacroKind::Flag
                    }
                    None => MacroKind::Const(plan::Const { name: m.name.clone(), ty, expr, value, c_suffix }),
                }
            } else if let Some(s) = cexpr::c_string(&m.body) {
                MacroKind::Str(s)
            } else {
                // Not an integer the target's compiler evaluates (`PAGE_SIZE - ..`): C's tokens.
                match super::cmacro::convert(&m.name, None, &m.body) {
                    Ok(c) => MacroKind::CMacro(c),
                    Err(e) => MacroKind::Refused(Refusal {
                        kind: e.kind,
                        message: format!("`{}` is `{}`, not an integer constant expression or string the target's compiler can evaluate, nor a C macro uabi can write: {}", m.name, m.body, strip_what(&e.message, &format!("`{}`", m.name))),
                    }),
                }
            };
            out.push(decl);
        }
    }

    /// The record and field a macro at `offset` is defined after, inside the record's braces.
    fn enclosing_field(&self, offset: u32) -> Option<(RecordId, usize)> {
        let ir = self.ir;
        let mut best: Option<(RecordId, u32)> = None;
        for (id, r) in ir.records.iter().enumerate() {
            if r.file.is_some() || !(r.loc.offset < offset && offset < r.end) {
                continue;
            }
            // The innermost: the one that starts last.
            if best.is_none_or(|(_, start)| r.loc.offset > start) {
                best = Some((id, r.loc.offset));
            }
        }
        let (id, _) = best?;
        let fi = ir.records[id].fields.iter().rposition(|f| f.loc.offset < offset)?;
        Some((id, fi))
    }

    /// The imported field of IR field `fi` of record `rid`.
    fn plan_field(&self, rid: RecordId, fi: usize) -> Option<&Field> {
        let (top, (ri, fj)) = self.field_maps.iter().find_map(|(top, map)| map.iter().find(|(k, _)| *k == (rid, fi)).map(|(_, at)| (*top, *at)))?;
        let key = self.ir.records[top].c_name()?;
        let tree = self.records.iter().find(|d| d.key == key)?.result.as_ref().ok()?;
        tree.records.get(ri)?.fields.get(fj)
    }

    fn attach_flag(&mut self, rid: RecordId, fi: usize, flag: Flag) {
        let target = self.field_maps.iter().find_map(|(top, map)| map.iter().find(|(k, _)| *k == (rid, fi)).map(|(_, at)| (*top, *at)));
        let Some((top, (ri, fj))) = target else { return };
        for d in &mut self.records {
            if d.key == self.ir.records[top].c_name().unwrap_or_default() {
                if let Ok(t) = &mut d.result {
                    if let Some(f) = t.records.get_mut(ri).and_then(|r| r.fields.get_mut(fj)) {
                        f.flags.push(flag);
                        return;
                    }
                }
            }
        }
    }

    fn ioctl(&mut self, m: &cheader::Macro, io: &cheader::IoctlMacro, env: &Env, decl: &mut MacroDecl) -> Result<plan::Ioctl, Refusal> {
        let dir = match io.op.as_str() {
            "_IO" => Dir::None,
            "_IOR" => Dir::Read,
            "_IOW" => Dir::Write,
            "_IOWR" => Dir::ReadWrite,
            op => {
                return refuse(
                    "ioctl-form",
                    format!("`{}` is `{op}(..)`: uabi's ioctls are `_IO`, `_IOR`, `_IOW` and `_IOWR` with the argument's own size", m.name),
                )
            }
        };
        let Some(v) = m.value else {
            return refuse("ioctl-value", format!("`{}`: the target's compiler cannot compute its number", m.name));
        };
        let want = if dir == Dir::None { 2 } else { 3 };
        if io.args.len() != want {
            return refuse("ioctl-form", format!("`{}`: `{}` takes {want} arguments", m.name, io.op));
        }
        let number = v.value as u64;
        let (ty_v, nr_v) = (((number >> 8) & 0xff) as i128, (number & 0xff) as i128);
        let arg_expr = |text: &str, value: i128, decl: &mut MacroDecl| -> String {
            let text = text.trim();
            if let Some(c) = cexpr::char_only(text).filter(|c| *c as i128 == value && *c < 0x80) {
                return format!("b'{}'", (c as char).escape_default());
            }
            let ty = cexpr::names(text).iter().find_map(|n| env.get(n).map(|(t, _)| *t)).unwrap_or(Prim::I32);
            match cexpr::translate(text, ty, CValue { value, unsigned: false }, env) {
                Some(e) => {
                    decl.deps.extend(cexpr::names(text).into_iter().filter(|n| env.contains_key(n)));
                    e
                }
                None => cexpr::literal(value, Prim::I32, true),
            }
        };
        let ty_expr = arg_expr(&io.args[0], ty_v, decl);
        let nr_expr = arg_expr(&io.args[1], nr_v, decl);
        let arg = if dir == Dir::None {
            None
        } else {
            let Some(t) = &io.arg else {
                return refuse("ioctl-arg", format!("`{}`: the argument type `{}` is not one the target's compiler resolves", m.name, io.args[2]));
            };
            let (ty, size) = self.ioctl_arg(t, &m.name, decl)?;
            let encoded = if self.ft.family.encoding() == uabi_arch::Encoding::Generic || self.ft.family.encoding() == uabi_arch::Encoding::Parisc { (number >> 16) & 0x3fff } else { (number >> 16) & 0x1fff };
            if self.ft.lp64 && size != encoded {
                return refuse("ioctl-size", format!("`{}` encodes {encoded} bytes, but its argument `{}` is {size} bytes as imported", m.name, io.args[2]));
            }
            Some(ty)
        };
        Ok(plan::Ioctl { name: m.name.clone(), dir, ty_expr, nr_expr, ty_value: ty_v as u8, nr_value: nr_v as u8, arg, namespace: None })
    }

    fn ioctl_arg(&mut self, t: &cheader::Type, name: &str, decl: &mut MacroDecl) -> Result<(Ty, u64), Refusal> {
        let ir = self.ir;
        match &t.kind {
            TypeKind::Int(i) => {
                let (p, note) = int_prim(*i, t, self.ft.lp64, "the argument")?;
                if let Some(n) = note {
                    decl.changes.push(format!("{name}: {n}"));
                }
                Ok((Ty::Prim(p), p.size()))
            }
            TypeKind::Enum { .. } => Ok((Ty::Prim(Prim::U32), 4)),
            TypeKind::Pointer { .. } => {
                decl.changes.push(format!("{name}: the argument is a pointer (`{}`): the number encodes 8 bytes (`u64`), as on 64-bit (4 on 32-bit architectures)", t.spelling));
                Ok((Ty::Prim(Prim::U64), 8))
            }
            TypeKind::Record { def: Some(d), .. } if ir.records[*d].tag.is_some() => {
                let key = ir.records[*d].c_name().unwrap_or_default();
                let (size, _, _) = self.named(*d).map_err(|e| Refusal { kind: "depends", message: format!("`{name}` takes a `{key}`, which is not imported: {}", e.message) })?;
                decl.deps.insert(key.clone());
                Ok((key_ref(&key), size))
            }
            TypeKind::Array { .. } => refuse("ioctl-arg", format!("`{name}`: the argument is an array (`{}`): uabi's sized ioctls take an integer or a record", t.spelling)),
            _ => refuse("ioctl-arg", format!("`{name}`: the argument `{}` is not an integer or a tagged record", t.spelling)),
        }
    }
}

/// The C names of an enum's variants.
fn variant_names(e: &plan::Enum) -> impl Iterator<Item = String> + '_ {
    e.variants.iter().map(|v| v.c_name.clone().unwrap_or_else(|| format!("{}{}", e.prefix, uabi_model::snake_case(&v.rust).to_ascii_uppercase())))
}

/// A message about `what` without its leading `what: `.
fn strip_what<'m>(msg: &'m str, what: &str) -> &'m str {
    msg.strip_prefix(what).and_then(|m| m.strip_prefix(": ")).unwrap_or(msg)
}

/// The flexible array of `__DECLARE_FLEX_ARRAY(T, name)`: an unnamed member whose untagged
/// struct holds an empty struct `__empty_<name>` and `T name[]`, nothing else.
fn declared_flex_array<'i>(ir: &'i HeaderIr, f: &cheader::Field) -> Option<&'i cheader::Field> {
    let TypeKind::Record { def: Some(d), .. } = f.ty.kind else { return None };
    let r = &ir.records[d];
    if f.name.is_some() || r.tag.is_some() || r.kind != cheader::RecordKind::Struct {
        return None;
    }
    let [empty, flex] = r.fields.as_slice() else { return None };
    let name = flex.name.as_deref()?;
    let is_empty = empty.name.as_deref() == Some(&format!("__empty_{name}")) && empty.ty.size == Some(0);
    let is_flex = matches!(flex.ty.kind, TypeKind::Array { len: None | Some(0), .. });
    (is_empty && is_flex).then_some(flex)
}

/// Whether C can still declare a pointer to `pointee` in the generated header: a tagged
/// record (even one never defined), a builtin type, or a typedef of another header. A typedef
/// of this header is not written again (the language has no typedefs), nor is a function type.
fn pointee_is_declared(pointee: &str, via: Option<&str>, ir: &HeaderIr, includes: &[String]) -> bool {
    if pointee.is_empty() || pointee.contains(['(', '[', '*']) {
        return false;
    }
    let builtin = |w: &str| matches!(w, "unsigned" | "signed" | "char" | "short" | "int" | "long" | "void" | "_Bool");
    let words: Vec<&str> = pointee.split_whitespace().filter(|w| !matches!(*w, "const" | "volatile")).collect();
    match words.as_slice() {
        ["struct" | "union" | "enum", _] => true,
        [name] if builtin(name) => true,
        // A typedef: there only if a header the generated one includes brings it.
        [name] => {
            !ir.typedefs.iter().any(|t| t.name == *name)
                && via.is_some_and(|v| matches!(v, "linux/types.h" | "linux/ioctl.h") || includes.iter().any(|i| i == v))
        }
        _ => words.iter().all(|w| builtin(w)),
    }
}

/// Places `field` at offset `at` (a struct) or 0 (a union), with a padding field before it
/// where C leaves a hole.
#[allow(clippy::too_many_arguments)]
fn place(
    fields: &mut Vec<Field>,
    cursor: &mut u64,
    align: &mut u64,
    field: Field,
    at: u64,
    size: u64,
    falign: u64,
    union: bool,
    _lp64: bool,
    what: &str,
    pads: &mut usize,
    fresh: &mut impl FnMut(&str, &mut usize) -> String,
) -> Result<Option<String>, Refusal> {
    *align = (*align).max(falign);
    if union {
        if at != 0 {
            return refuse("packed", format!("{what}: union member `{}` is at offset {at}", field.c_name));
        }
        *cursor = (*cursor).max(size);
        fields.push(field);
        return Ok(None);
    }
    let natural = cursor.next_multiple_of(falign);
    if at < natural {
        return refuse(
            "packed",
            format!("{what}: `{}` is at offset {at}, but its type is aligned to {falign} (natural offset {natural}): a packed record", field.c_name),
        );
    }
    let mut padded = None;
    if at > *cursor {
        let name = fresh("__pad", pads);
        let ty = pad_type(*cursor, at - *cursor);
        padded = Some(format!("{what}: `{name}: {}` added before `{}`: an implicit hole of {} byte(s) in C", ty.rust(), field.c_name, at - *cursor));
        fields.push(Field::new(name.clone(), name, ty));
    }
    fields.push(field);
    *cursor = at + size;
    Ok(padded)
}

/// A padding field of `gap` bytes at `at`: an integer of that size where it is aligned, else
/// bytes.
fn pad_type(at: u64, gap: u64) -> Ty {
    match gap {
        1 => Ty::Prim(Prim::U8),
        2 | 4 if at.is_multiple_of(gap) => Ty::Prim(if gap == 2 { Prim::U16 } else { Prim::U32 }),
        _ => Ty::Array(Box::new(Ty::Prim(Prim::U8)), gap),
    }
}

/// The fixed-width integer of a C integer type, in the 64-bit layout, and what changed.
fn int_prim(i: Int, ty: &cheader::Type, lp64: bool, name: &str) -> Result<(Prim, Option<String>), Refusal> {
    let word = !lp64 && ty.typedefs.iter().any(|t| WORD_TYPEDEFS.contains(&t.as_str()));
    let long_note = |p: Prim| {
        Some(format!(
            "`{name}` is `{}`: imported as `{}`, its size on 64-bit (4 bytes on 32-bit architectures, where Linux's layout differs)",
            ty.spelling,
            p.rust_name()
        ))
    };
    Ok(match i {
        Int::Bool => (Prim::U8, Some(format!("`{name}` is `_Bool`: imported as `u8` (0 or 1)"))),
        Int::Char | Int::UChar => (Prim::U8, None),
        Int::SChar => (Prim::I8, None),
        Int::Short => (Prim::I16, None),
        Int::UShort => (Prim::U16, None),
        Int::Int if word => (Prim::I64, long_note(Prim::I64)),
        Int::UInt if word => (Prim::U64, long_note(Prim::U64)),
        Int::Int => (Prim::I32, None),
        Int::UInt => (Prim::U32, None),
        Int::Long => (Prim::I64, long_note(Prim::I64)),
        Int::ULong => (Prim::U64, long_note(Prim::U64)),
        Int::LongLong => (Prim::I64, None),
        Int::ULongLong => (Prim::U64, None),
        Int::Int128 => (Prim::I128, None),
        Int::UInt128 => (Prim::U128, None),
        Int::WideChar => return refuse("type", format!("`{name}` is a wide character type (`{}`)", ty.spelling)),
    })
}

/// Whether a constant of type `ty` and value `v` can carry the C suffix `s` on every
/// architecture (`UL` is 32 bits on 32-bit ones).
fn suffix_fits(s: &str, ty: Prim, v: i128) -> bool {
    let unsigned = s.contains('U');
    if unsigned == ty.signed() {
        return false;
    }
    let bits = if s.contains("LL") { 64 } else { 32 };
    if unsigned {
        v >= 0 && v < (1i128 << bits)
    } else {
        -(1i128 << (bits - 1)) <= v && v < (1i128 << (bits - 1))
    }
}

fn is_variant_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic()) && s.chars().all(|c| c.is_ascii_alphanumeric()) && !RUST_KEYWORDS.contains(&s)
}

/// The longest common prefix of the names that ends with `_` and leaves each name something.
fn common_prefix(names: &[&str]) -> String {
    let Some(first) = names.first() else { return String::new() };
    let mut len = first.len();
    for n in names {
        len = len.min(first.bytes().zip(n.bytes()).take_while(|(a, b)| a == b).count());
    }
    let p = &first[..len];
    let cut = p.rfind('_').map_or(0, |i| i + 1);
    let p = &first[..cut];
    if names.iter().any(|n| n.len() == p.len()) {
        return String::new();
    }
    p.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(rust_type_name("vfio_device_info"), "VfioDeviceInfo");
        assert_eq!(rust_type_name("__kernel_fsid"), "KernelFsid");
        assert_eq!(rust_type_name("v4l2_buffer"), "V4l2Buffer");
        assert_eq!(rust_ident("type"), "r#type");
        assert_eq!(rust_ident("self"), "self_");
        assert_eq!(rust_ident("len"), "len");
        assert_eq!(camel("RUNNING_P2P"), "RunningP2p");
        assert_eq!(common_prefix(&["VFIO_DEVICE_STATE_ERROR", "VFIO_DEVICE_STATE_STOP"]), "VFIO_DEVICE_STATE_");
        assert_eq!(common_prefix(&["A_B", "A_B_C"]), "A_");
        assert_eq!(common_prefix(&["FOO_", "FOO_BAR"]), "", "a name that is the prefix would leave nothing");
        assert!(suffix_fits("UL", Prim::U64, 4) && !suffix_fits("UL", Prim::U64, 1 << 40) && suffix_fits("ULL", Prim::U64, 1 << 40));
    }

    #[test]
    fn docs_never_make_code_blocks() {
        assert_eq!(doc_lines(Some("a\n\n\tindented code?\n        deep")), ["a", "", "  indented code?", "   deep"]);
    }
}
