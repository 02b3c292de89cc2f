//! The compatibility check of an ABI lock: a pure comparison of the locked description with the
//! current one, giving every change with its class.
//!
//! The classes follow who breaks:
//! - [`Class::Incompatible`]: a binary built against the locked ABI (kernel or user) misreads
//!   the bytes, the number or the rules: refused.
//! - [`Class::SourceOnly`]: the bytes are the same but code that names the old spelling no
//!   longer compiles (a renamed field, constant or ioctl): refused unless the lock records the
//!   rename (a `renamed_from` note, written by `uabi lock --rename OLD=NEW`).
//! - [`Class::Compatible`]: additions an old binary cannot notice: listed, accepted.
//!
//! Items are matched by their C name (fields by name inside their record), so a rename is seen
//! as a removal plus an addition with the same bytes, and reported as a rename.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use crate::describe::{AbiDescription, ConstDescription, Description, FieldDescription, IoctlDescription, RecordDescription};
use crate::lock::RenameNote;

/// How a change affects the users of the locked ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Breaks binaries built against the lock.
    Incompatible,
    /// Same bytes, but source naming the old spelling breaks.
    SourceOnly,
    /// An addition nothing built against the lock can notice.
    Compatible,
}

/// A rename seen by the check, in the spelling `uabi lock --rename OLD=NEW` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// `NAME`, or `record.field` for a field.
    pub old: String,
    pub new: String,
    /// The lock carries a `renamed_from` note for it: the rename is deliberate.
    pub recorded: bool,
}

/// One difference between the lock and the definitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub class: Class,
    /// The Rust module name of the ABI.
    pub module: String,
    /// `struct vfio_device_info`, `constant VFIO_API_VERSION`, `ioctl VFIO_GET_API_VERSION`,
    /// `enum vfio_device_mig_state`, `module vfio`.
    pub item: String,
    /// The field (or flag's owning field), when the change is inside one.
    pub field: Option<String>,
    /// What changed, `old -> new` where there is an old and a new.
    pub what: String,
    /// Set for source-only renames.
    pub rename: Option<Rename>,
}

impl Change {
    /// Whether the check refuses it.
    pub fn refused(&self) -> bool {
        match self.class {
            Class::Incompatible => true,
            Class::SourceOnly => !self.rename.as_ref().is_some_and(|r| r.recorded),
            Class::Compatible => false,
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = match (self.class, &self.rename) {
            (Class::Incompatible, _) => "incompatible",
            (Class::SourceOnly, Some(r)) if r.recorded => "source-only, recorded rename",
            (Class::SourceOnly, _) => "source-only",
            (Class::Compatible, _) => "compatible",
        };
        write!(f, "{class}: {}: {}", self.module, self.item)?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.what)?;
        if let Some(r) = &self.rename {
            if !r.recorded {
                write!(f, "\n  help: if the rename is deliberate, record it: `uabi lock --rename {}={}`", r.old, r.new)?;
            }
        } else if self.class == Class::SourceOnly {
            write!(f, "\n  help: restore the old spelling; only a rename can be recorded as deliberate (a source-only change of another kind is accepted only by `uabi lock --allow-incompatible`)")?;
        }
        Ok(())
    }
}

/// Every change between a lock and the current definitions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompatReport {
    pub changes: Vec<Change>,
}

impl CompatReport {
    /// True when the check passes: no incompatible change and no unrecorded source-only change.
    pub fn is_compatible(&self) -> bool {
        !self.changes.iter().any(Change::refused)
    }

    /// The changes the check refuses.
    pub fn refused(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.refused())
    }

    /// The changes the check accepts: additions and recorded renames.
    pub fn accepted(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| !c.refused())
    }

    /// What to do about the refused changes, as one `help:` line naming only the ways out that
    /// apply to them; `None` when nothing is refused.
    pub fn refusal_help(&self) -> Option<String> {
        let refused: Vec<&Change> = self.refused().collect();
        if refused.is_empty() {
            return None;
        }
        let renames = refused.iter().any(|c| c.rename.is_some());
        let breaks = refused.iter().any(|c| c.rename.is_none());
        let mut help = String::from("help: restore the locked ABI");
        if renames {
            help.push_str("; record a deliberate rename with `uabi lock --rename OLD=NEW`, as shown above");
        }
        if breaks {
            help.push_str("; if breaking the locked ABI is deliberate, record it with `uabi lock --allow-incompatible`");
        }
        Some(help)
    }
}

impl fmt::Display for CompatReport {
    /// One line per change (refused first), then a summary line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.refused().chain(self.accepted()) {
            writeln!(f, "{c}")?;
        }
        let refused = self.refused().count();
        let accepted = self.changes.len() - refused;
        if refused > 0 {
            write!(f, "the ABI lock refuses {refused} change{} ({accepted} accepted)", plural(refused))
        } else if accepted > 0 {
            write!(f, "the definitions keep the locked ABI: {accepted} accepted change{}", plural(accepted))
        } else {
            write!(f, "the definitions match the ABI lock")
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Compares the locked description `old` (with the lock's rename notes) with the current
/// description `new`.
pub fn compare(old: &Description, notes: &[RenameNote], new: &Description) -> CompatReport {
    let mut cx = Cx { changes: Vec::new(), notes, module: String::new() };
    for o in &old.modules {
        cx.module = o.module.clone();
        match new.modules.iter().find(|n| n.module == o.module) {
            Some(n) => cx.module_changes(o, n),
            None => cx.push(Class::Incompatible, format!("module {}", o.module), None, "removed".into()),
        }
    }
    for n in &new.modules {
        if !old.modules.iter().any(|o| o.module == n.module) {
            cx.module = n.module.clone();
            cx.push(Class::Compatible, format!("module {}", n.module), None, format!("new module (header {})", n.header));
        }
    }
    CompatReport { changes: cx.changes }
}

struct Cx<'a> {
    changes: Vec<Change>,
    notes: &'a [RenameNote],
    module: String,
}

/// What kind of named value a [`ConstDescription`] list holds, for messages.
#[derive(Clone, Copy)]
enum ValueKind {
    Constant,
    Flag,
    EnumValue,
}

impl ValueKind {
    fn noun(self) -> &'static str {
        match self {
            ValueKind::Constant => "constant",
            ValueKind::Flag => "flag",
            ValueKind::EnumValue => "enum value",
        }
    }
}

impl Cx<'_> {
    fn push(&mut self, class: Class, item: String, field: Option<&str>, what: String) {
        self.changes.push(Change { class, module: self.module.clone(), item, field: field.map(str::to_string), what, rename: None });
    }

    fn push_rename(&mut self, item: String, field: Option<&str>, what: String, old: String, new: String) {
        let recorded = self.is_noted(&old, &new);
        self.changes.push(Change {
            class: Class::SourceOnly,
            module: self.module.clone(),
            item,
            field: field.map(str::to_string),
            what,
            rename: Some(Rename { old, new, recorded }),
        });
    }

    fn is_noted(&self, old: &str, new: &str) -> bool {
        self.notes.iter().any(|n| n.module == self.module && n.renamed_from == old && n.name == new)
    }

    /// Of several rename candidates for `old`, the one a note names, else the only one.
    fn pick<'c>(&self, old: &str, candidates: &[&'c str], key: impl Fn(&str) -> String) -> Option<&'c str> {
        let old_key = key(old);
        if let Some(c) = candidates.iter().find(|c| self.is_noted(&old_key, &key(c))) {
            return Some(c);
        }
        match candidates {
            [one] => Some(one),
            _ => None,
        }
    }

    fn module_changes(&mut self, o: &AbiDescription, n: &AbiDescription) {
        if o.header != n.header {
            self.push(Class::SourceOnly, format!("module {}", o.module), None, format!("header path {} -> {} (C sources include the old path)", o.header, n.header));
        }
        self.records(o, n);
        self.values(ValueKind::Constant, "", None, &o.constants, &n.constants);
        self.strings(o, n);
        for oe in &o.enums {
            match n.enums.iter().find(|e| e.name == oe.name) {
                Some(ne) => self.values(ValueKind::EnumValue, &format!("enum {}", oe.name), None, &oe.values, &ne.values),
                None => self.push(Class::Incompatible, format!("enum {}", oe.name), None, "removed".into()),
            }
        }
        for ne in &n.enums {
            if !o.enums.iter().any(|e| e.name == ne.name) {
                self.push(Class::Compatible, format!("enum {}", ne.name), None, format!("new enum ({} values)", ne.values.len()));
            }
        }
        self.ioctls(&o.ioctls, &n.ioctls);
    }

    /// A string constant is compared by its text: a program compares what the kernel reports
    /// with it, so a changed or removed string breaks it; a new one is an addition. A C macro
    /// (`#[uabi(c_macro)]`) likewise, by its parameters and replacement: C code built with it
    /// computes what the replacement says.
    fn strings(&mut self, o: &AbiDescription, n: &AbiDescription) {
        for os in &o.strings {
            let item = format!("string {}", os.name);
            match n.strings.iter().find(|s| s.name == os.name) {
                Some(ns) if ns.params != os.params => self.push(Class::Incompatible, item, None, format!("macro parameters {:?} -> {:?}", os.params, ns.params)),
                Some(ns) if ns.value != os.value => self.push(Class::Incompatible, item, None, format!("value {:?} -> {:?}", os.value, ns.value)),
                Some(_) => {}
                None => self.push(Class::Incompatible, item, None, format!("removed (was {:?})", os.value)),
            }
        }
        for ns in &n.strings {
            if !o.strings.iter().any(|s| s.name == ns.name) {
                let what = match &ns.params {
                    Some(params) if params.is_empty() && ns.value.is_empty() => format!("new macro {} (defined, no value)", ns.name),
                    Some(params) if params.is_empty() => format!("new macro {} {}", ns.name, ns.value),
                    Some(params) => format!("new macro {}({}) {}", ns.name, params.join(", "), ns.value),
                    None => format!("new string {:?}", ns.value),
                };
                self.push(Class::Compatible, format!("string {}", ns.name), None, what);
            }
        }
    }

    /// Records are matched by name and, for a record laid out per family of architectures,
    /// by the families of each layout: every locked family must keep a layout that reads the
    /// locked bytes alike.
    fn records(&mut self, o: &AbiDescription, n: &AbiDescription) {
        for or in &o.records {
            let fams = families(&or.arch);
            let item = match &or.arch {
                Some(a) => format!("{} {} ({})", or.kind, or.name, a.join(", ")),
                None => format!("{} {}", or.kind, or.name),
            };
            let same_name: Vec<&RecordDescription> = n.records.iter().filter(|r| r.name == or.name).collect();
            let overlapping: Vec<&&RecordDescription> = same_name.iter().filter(|r| !families(&r.arch).intersection(fams).is_empty()).collect();
            if overlapping.is_empty() {
                self.push(Class::Incompatible, item, None, format!("removed (was {} bytes)", or.size));
                continue;
            }
            let covered = overlapping.iter().fold(uabi_arch::FamilySet::EMPTY, |s, r| s.union(families(&r.arch)));
            let lost = fams.difference(covered);
            if !lost.is_empty() {
                self.push(Class::Incompatible, item.clone(), None, format!("no longer defined on {lost}"));
            }
            for nr in overlapping {
                self.record(&item, or, nr, n);
            }
        }
        for nr in &n.records {
            let fams = families(&nr.arch);
            let old_fams = o.records.iter().filter(|r| r.name == nr.name).fold(uabi_arch::FamilySet::EMPTY, |s, r| s.union(families(&r.arch)));
            if !old_fams.is_empty() && !fams.difference(old_fams).is_empty() {
                self.push(Class::Compatible, format!("{} {}", nr.kind, nr.name), None, format!("now also defined on {}", fams.difference(old_fams)));
            }
            if !o.records.iter().any(|r| r.name == nr.name) {
                let what = match &nr.capability {
                    Some(c) => format!("new capability (id {}, version {}), {} bytes", c.id, c.version, nr.size),
                    None => format!("new {}, {} bytes", nr.kind, nr.size),
                };
                self.push(Class::Compatible, format!("{} {}", nr.kind, nr.name), None, what);
            }
        }
    }

    fn record(&mut self, item: &str, o: &RecordDescription, n: &RecordDescription, new_abi: &AbiDescription) {
        let item = item.to_string();
        if o.kind != n.kind {
            self.push(Class::Incompatible, item.clone(), None, format!("kind {} -> {}", o.kind, n.kind));
        }
        for (class, a) in o.align.iter() {
            if let Some((_, b)) = n.align.iter().find(|(c, _)| *c == class) {
                if a != b {
                    self.push(Class::Incompatible, item.clone(), None, format!("alignment ({class}) {a} -> {b}"));
                }
            }
        }
        if n.size < o.size {
            self.push(Class::Incompatible, item.clone(), None, format!("size {} -> {} (shrinks)", o.size, n.size));
        } else if n.size > o.size && o.kind == "union" {
            self.push(Class::Incompatible, item.clone(), None, format!("size {} -> {} (a union does not grow)", o.size, n.size));
        }
        if o.capability != n.capability {
            let show = |c: &Option<crate::describe::CapabilityDescription>| c.map_or("none".to_string(), |c| format!("id {} version {}", c.id, c.version));
            self.push(Class::Incompatible, item.clone(), None, format!("capability {} -> {}", show(&o.capability), show(&n.capability)));
        }
        self.policy(&item, o, n);
        self.versions(&item, o, n);
        self.fields(&item, o, n, new_abi);
    }

    /// Every attribute of the record's description that is not its shape is a rule decoders
    /// apply (the size field, `output`, and any size policy the description gains later):
    /// compared generically, so a new policy key is checked without touching this code.
    fn policy(&mut self, item: &str, o: &RecordDescription, n: &RecordDescription) {
        const SHAPE: &[&str] = &["name", "kind", "arch", "size", "align", "capability", "versions", "fields"];
        let (ov, nv) = (extra_keys(o, SHAPE), extra_keys(n, SHAPE));
        for key in ov.keys().chain(nv.keys()).collect::<BTreeSet<_>>() {
            let (a, b) = (ov.get(key), nv.get(key));
            if a == b {
                continue;
            }
            if key == "anonymous" {
                // Whether C names the record: bytes and numbers are the same.
                self.push(Class::SourceOnly, item.to_string(), None, format!("anonymous {} -> {} (C spells it differently)", show_value(a), show_value(b)));
            } else if key == "packed" {
                // The alignment changes with it, and with it every record that holds this one.
                self.push(Class::Incompatible, item.to_string(), None, format!("packed {} -> {}", a.is_some(), b.is_some()));
            } else {
                self.push(Class::Incompatible, item.to_string(), None, format!("size policy `{key}` {} -> {}", show_value(a), show_value(b)));
            }
        }
    }

    fn versions(&mut self, item: &str, o: &RecordDescription, n: &RecordDescription) {
        let newest = o.versions.iter().map(|v| v.number).max();
        for ov in &o.versions {
            match n.versions.iter().find(|v| v.number == ov.number) {
                Some(nv) if nv.size != ov.size => {
                    self.push(Class::Incompatible, item.to_string(), None, format!("version {} size {} -> {}", ov.number, ov.size, nv.size))
                }
                Some(_) => {}
                None => self.push(Class::Incompatible, item.to_string(), None, format!("version {} (size {}) removed", ov.number, ov.size)),
            }
        }
        for nv in &n.versions {
            if o.versions.iter().any(|v| v.number == nv.number) {
                continue;
            }
            match newest {
                Some(m) if nv.number < m => self.push(
                    Class::Incompatible,
                    item.to_string(),
                    None,
                    format!("version {} added below the newest locked version {m} (version numbers only ascend)", nv.number),
                ),
                _ => self.push(Class::Compatible, item.to_string(), None, format!("new version {}, size {}", nv.number, nv.size)),
            }
        }
    }

    fn fields(&mut self, item: &str, o: &RecordDescription, n: &RecordDescription, new_abi: &AbiDescription) {
        let newest = o.versions.iter().map(|v| v.number).max().unwrap_or(0);
        let old_names: BTreeSet<&str> = o.fields.iter().map(|f| f.name.as_str()).collect();
        let added: Vec<&FieldDescription> = n.fields.iter().filter(|f| !old_names.contains(f.name.as_str())).collect();
        // Added fields explained as the new spelling of a removed one.
        let mut renamed_to: BTreeSet<&str> = BTreeSet::new();
        let path = |f: &str| format!("{}.{f}", o.name);
        for of in &o.fields {
            if let Some(nf) = n.fields.iter().find(|f| f.name == of.name) {
                self.field(item, of, nf);
                continue;
            }
            // The same bytes under another name.
            let same: Vec<&str> = added
                .iter()
                .filter(|f| !renamed_to.contains(f.name.as_str()) && f.offset == of.offset && f.size == of.size && f.ty == of.ty)
                .map(|f| f.name.as_str())
                .collect();
            if let Some(to) = self.pick(&of.name, &same, path) {
                renamed_to.insert(to);
                let nf = n.fields.iter().find(|f| f.name == to).expect("picked among the new fields");
                self.push_rename(item.to_string(), Some(&of.name), format!("renamed `{}` -> `{to}` (same offset, size and type)", of.name), path(&of.name), path(to));
                self.field(item, of, &FieldDescription { name: of.name.clone(), ..nf.clone() });
                continue;
            }
            // C's anonymous union: `group_id` becomes a member of `union { group_id; devid; }`,
            // still spelled `x.group_id` in C, but `x.owner.group_id` in Rust.
            if let Some(host) = added.iter().find(|f| !renamed_to.contains(f.name.as_str()) && f.offset == of.offset && anonymous_member(new_abi, f, of)) {
                renamed_to.insert(&host.name);
                self.push_rename(
                    item.to_string(),
                    Some(&of.name),
                    format!("`{}` moved into the anonymous {} `{}` (same bytes; C still names it `{}`, Rust names it `{}.{}`)", of.name, host.ty, host.name, of.name, host.name, of.name),
                    path(&of.name),
                    path(&host.name),
                );
                continue;
            }
            self.push(Class::Incompatible, item.to_string(), Some(&of.name), format!("removed (was offset {}, size {}, {})", of.offset, of.size, of.ty));
        }
        for nf in added {
            if renamed_to.contains(nf.name.as_str()) {
                continue;
            }
            let what = if o.kind == "union" {
                if n.size == o.size {
                    self.push(Class::Compatible, item.to_string(), Some(&nf.name), format!("new member, {} ({} bytes)", nf.ty, nf.size));
                }
                // A union that grows is reported once, by its size.
                continue;
            } else if nf.offset < o.size {
                (Class::Incompatible, format!("inserted at offset {}, inside the locked {} bytes (fields are only appended)", nf.offset, o.size))
            } else if nf.since <= newest {
                (
                    Class::Incompatible,
                    format!("added at the end in version {}, which the lock already has (newest locked version {newest}): add it with `#[uabi(since = {})]`", nf.since, newest + 1),
                )
            } else {
                (Class::Compatible, format!("new trailing field in version {}: offset {}, {}", nf.since, nf.offset, nf.ty))
            };
            self.push(what.0, item.to_string(), Some(&nf.name), what.1);
        }
    }

    fn field(&mut self, item: &str, o: &FieldDescription, n: &FieldDescription) {
        let name = Some(o.name.as_str());
        if o.offset != n.offset {
            self.push(Class::Incompatible, item.to_string(), name, format!("moved: offset {} -> {}", o.offset, n.offset));
        }
        if o.size != n.size {
            self.push(Class::Incompatible, item.to_string(), name, format!("resized: {} -> {} bytes", o.size, n.size));
        }
        if o.ty != n.ty {
            self.push(Class::Incompatible, item.to_string(), name, format!("retyped: {} -> {}", o.ty, n.ty));
        }
        if o.since != n.since {
            self.push(Class::Incompatible, item.to_string(), name, format!("version {} -> {}", o.since, n.since));
        }
        if o.reserved != n.reserved {
            if o.reserved {
                // Old callers leave it zero, which the new rules still accept.
                self.push(Class::Compatible, item.to_string(), name, "no longer reserved (must-be-zero lifted)".into());
            } else {
                self.push(Class::Incompatible, item.to_string(), name, "now reserved: decoders refuse a non-zero value that they accepted".into());
            }
        }
        const SHAPE: &[&str] = &["name", "offset", "size", "type", "since", "reserved", "flags", "bits"];
        let (ov, nv) = (extra_keys(o, SHAPE), extra_keys(n, SHAPE));
        for key in ov.keys().chain(nv.keys()).collect::<BTreeSet<_>>() {
            let (a, b) = (ov.get(key), nv.get(key));
            if a != b {
                self.push(Class::Incompatible, item.to_string(), name, format!("`{key}` {} -> {}", show_value(a), show_value(b)));
            }
        }
        self.values(ValueKind::Flag, item, Some(&o.name), &o.flags, &n.flags);
        self.bits(item, o, n);
    }

    /// Bitfields keep their name, width and position; a new one may take bits that were
    /// reserved (old callers leave them zero, which reads as the new feature off), as Linux
    /// carves new `perf_event_attr` bits out of `__reserved_1`.
    fn bits(&mut self, item: &str, o: &FieldDescription, n: &FieldDescription) {
        let name = Some(o.name.as_str());
        let mask = |b: &crate::describe::BitDescription| -> u128 { ((1u128 << b.width) - 1) << b.lsb_little };
        let reserved: u128 = o.bits.iter().filter(|b| b.reserved).map(mask).fold(0, |m, x| m | x);
        for ob in o.bits.iter().filter(|b| !b.reserved) {
            match n.bits.iter().find(|b| b.name == ob.name) {
                Some(nb) if (nb.width, nb.lsb_little, nb.lsb_big) != (ob.width, ob.lsb_little, ob.lsb_big) => self.push(
                    Class::Incompatible,
                    item.to_string(),
                    name,
                    format!("bitfield {} moved or resized: {} bit(s) at {}/{} -> {} at {}/{} (little/big-endian)", ob.name, ob.width, ob.lsb_little, ob.lsb_big, nb.width, nb.lsb_little, nb.lsb_big),
                ),
                Some(nb) if nb.reserved => self.push(Class::Incompatible, item.to_string(), name, format!("bitfield {} is now reserved: decoders refuse what they accepted", ob.name)),
                Some(_) => {}
                None => self.push(Class::Incompatible, item.to_string(), name, format!("bitfield {} removed", ob.name)),
            }
        }
        for nb in &n.bits {
            if o.bits.iter().any(|b| b.name == nb.name) || nb.reserved {
                continue;
            }
            if mask(nb) & !reserved == 0 {
                self.push(Class::Compatible, item.to_string(), name, format!("new bitfield {} in formerly reserved bits", nb.name));
            } else {
                self.push(Class::Incompatible, item.to_string(), name, format!("new bitfield {} over bits that were not reserved", nb.name));
            }
        }
    }

    /// Named values (constants, a field's flags, an enum's values) matched by name. `item` is
    /// the owning record or enum (unused for constants, each its own item).
    fn values(&mut self, kind: ValueKind, item: &str, field: Option<&str>, old: &[ConstDescription], new: &[ConstDescription]) {
        let noun = kind.noun();
        // Where a message about `name` points: a constant is an item of its own; a flag is
        // inside its field and an enum value inside its enum, and the message names it.
        let place = |name: &str| -> (String, Option<&str>, String) {
            match kind {
                ValueKind::Constant => (format!("constant {name}"), None, String::new()),
                ValueKind::Flag => (item.to_string(), field, format!("flag {name}: ")),
                ValueKind::EnumValue => (item.to_string(), None, format!("value {name}: ")),
            }
        };
        let old_names: BTreeSet<&str> = old.iter().map(|c| c.name.as_str()).collect();
        let added: Vec<&ConstDescription> = new.iter().filter(|c| !old_names.contains(c.name.as_str())).collect();
        let mut renamed_to: BTreeSet<&str> = BTreeSet::new();
        // Values whose old owner changed or disappeared: a new name taking one reuses it.
        let mut freed: BTreeMap<i128, &str> = BTreeMap::new();
        for oc in old {
            let (item_s, field_s, prefix) = place(&oc.name);
            let same_arch = new.iter().find(|c| c.name == oc.name && c.arch == oc.arch);
            if let Some(nc) = same_arch.or_else(|| new.iter().find(|c| c.name == oc.name)) {
                if nc.value != oc.value {
                    self.push(Class::Incompatible, item_s.clone(), field_s, format!("{prefix}value {} -> {}", show_int(oc.value), show_int(nc.value)));
                    freed.insert(oc.value, &oc.name);
                }
                if nc.ty != oc.ty {
                    self.push(Class::SourceOnly, item_s.clone(), field_s, format!("{prefix}type {} -> {}", oc.ty, nc.ty));
                }
                if nc.since != oc.since {
                    self.push(Class::Incompatible, item_s, field_s, format!("{prefix}version {} -> {} (changes what readers of a version accept)", oc.since, nc.since));
                }
                continue;
            }
            let same: Vec<&str> = added
                .iter()
                .filter(|c| !renamed_to.contains(c.name.as_str()) && c.value == oc.value && c.ty == oc.ty)
                .map(|c| c.name.as_str())
                .collect();
            if let Some(to) = self.pick(&oc.name, &same, str::to_string) {
                renamed_to.insert(to);
                let what = format!("{noun} renamed {} -> {to} (same value {})", oc.name, show_int(oc.value));
                self.push_rename(item_s, field_s, what, oc.name.clone(), to.to_string());
                continue;
            }
            let hint = if same.len() > 1 { format!("; it may have been renamed to one of {}", same.join(", ")) } else { String::new() };
            self.push(Class::Incompatible, item_s, field_s, format!("{prefix}removed (value {}){hint}", show_int(oc.value)));
            freed.insert(oc.value, &oc.name);
        }
        for nc in added {
            if renamed_to.contains(nc.name.as_str()) {
                continue;
            }
            let (item_s, field_s, prefix) = place(&nc.name);
            match freed.get(&nc.value) {
                Some(owner) => self.push(Class::Incompatible, item_s, field_s, format!("{prefix}value {} reused: the lock gives it to {owner}", show_int(nc.value))),
                None => self.push(Class::Compatible, item_s, field_s, format!("{prefix}new {noun} = {}", show_int(nc.value))),
            }
        }
    }

    fn ioctls(&mut self, old: &[IoctlDescription], new: &[IoctlDescription]) {
        let old_names: BTreeSet<&str> = old.iter().map(|i| i.name.as_str()).collect();
        let added: Vec<&IoctlDescription> = new.iter().filter(|i| !old_names.contains(i.name.as_str())).collect();
        let mut renamed_to: BTreeSet<&str> = BTreeSet::new();
        let mut reused: BTreeSet<&str> = BTreeSet::new();
        for oi in old {
            let item = format!("ioctl {}", oi.name);
            let same_arch = new.iter().find(|i| i.name == oi.name && i.arch == oi.arch);
            if let Some(ni) = same_arch.or_else(|| new.iter().find(|i| i.name == oi.name)) {
                self.ioctl(&item, oi, ni);
                continue;
            }
            let same: Vec<&str> = added
                .iter()
                .filter(|i| {
                    let (a, b) = args(oi, i);
                    !renamed_to.contains(i.name.as_str()) && i.namespace == oi.namespace && i.numbers == oi.numbers && a == b && i.dir == oi.dir
                })
                .map(|i| i.name.as_str())
                .collect();
            if let Some(to) = self.pick(&oi.name, &same, str::to_string) {
                renamed_to.insert(to);
                self.push_rename(item, None, format!("renamed {} -> {to} (same namespace, number and argument)", oi.name), oi.name.clone(), to.to_string());
                continue;
            }
            self.push(Class::Incompatible, item, None, format!("removed (was {} in namespace `{}`)", generic_number(oi), oi.namespace));
            // A new ioctl answering the removed one's number would be called by old binaries
            // with the old argument.
            for ni in &added {
                if ni.namespace == oi.namespace && shares_number(oi, ni) && !renamed_to.contains(ni.name.as_str()) {
                    reused.insert(&ni.name);
                    self.push(
                        Class::Incompatible,
                        format!("ioctl {}", ni.name),
                        None,
                        format!("number {} reused in namespace `{}`: the lock gives it to the removed {}", generic_number(ni), ni.namespace, oi.name),
                    );
                }
            }
        }
        for ni in added {
            if renamed_to.contains(ni.name.as_str()) || reused.contains(ni.name.as_str()) {
                continue;
            }
            self.push(Class::Compatible, format!("ioctl {}", ni.name), None, format!("new ioctl {} in namespace `{}`", generic_number(ni), ni.namespace));
        }
    }

    fn ioctl(&mut self, item: &str, o: &IoctlDescription, n: &IoctlDescription) {
        if o.namespace != n.namespace {
            self.push(Class::Incompatible, item.to_string(), None, format!("namespace `{}` -> `{}`", o.namespace, n.namespace));
        }
        if o.dir != n.dir {
            self.push(Class::Incompatible, item.to_string(), None, format!("direction {} -> {}", o.dir, n.dir));
        }
        let (a, b) = args(o, n);
        if a != b {
            self.push(Class::Incompatible, item.to_string(), None, format!("argument type {} -> {}", a.unwrap_or("none"), b.unwrap_or("none")));
        }
        for enc in o.numbers.keys().chain(n.numbers.keys()).collect::<BTreeSet<_>>() {
            let (a, b) = (o.numbers.get(enc), n.numbers.get(enc));
            if a != b {
                let show = |x: Option<&String>| x.cloned().unwrap_or_else(|| "none".into());
                self.push(Class::Incompatible, item.to_string(), None, format!("number ({enc}) {} -> {}", show(a), show(b)));
            }
        }
    }
}

/// The families a description's `arch` names (every family when absent).
fn families(arch: &Option<Vec<String>>) -> uabi_arch::FamilySet {
    match arch {
        None => uabi_arch::FamilySet::ALL,
        Some(names) => names.iter().filter_map(|n| uabi_arch::Family::from_name(n)).fold(uabi_arch::FamilySet::EMPTY, |s, f| s.union(uabi_arch::FamilySet::single(f))),
    }
}

/// The field of `host`'s anonymous record type that is `old`: same name, type and size, at the
/// start (a union member, or the first member of an anonymous struct).
fn anonymous_member(abi: &AbiDescription, host: &FieldDescription, old: &FieldDescription) -> bool {
    abi.records.iter().any(|r| {
        r.anonymous
            && host.ty == format!("{} {}", r.kind, r.name)
            && r.fields.iter().any(|m| m.name == old.name && m.offset == 0 && m.ty == old.ty && m.size == old.size)
    })
}

/// The arguments of two ioctls in one naming: C where both have a C name, else the Rust
/// spellings (an argument from another module, or a lock of format 1, which kept only the Rust
/// spelling of `_IO` arguments).
fn args<'a>(o: &'a IoctlDescription, n: &'a IoctlDescription) -> (Option<&'a str>, Option<&'a str>) {
    match (&o.arg, &n.arg) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (o.arg_rust.as_deref(), n.arg_rust.as_deref()),
    }
}

fn shares_number(a: &IoctlDescription, b: &IoctlDescription) -> bool {
    a.numbers.iter().any(|(enc, n)| b.numbers.get(enc) == Some(n))
}

fn generic_number(i: &IoctlDescription) -> String {
    let n = i.numbers.get(uabi_arch::Encoding::Generic.name()).or_else(|| i.numbers.values().next());
    format!("{} {:#04x}/{} ({})", i.dir, i.ty, i.nr, n.map_or("?", String::as_str))
}

/// The keys of a description's JSON object other than `shape`.
fn extra_keys<T: serde::Serialize>(x: &T, shape: &[&str]) -> BTreeMap<String, Value> {
    match serde_json::to_value(x) {
        Ok(Value::Object(m)) => m.into_iter().filter(|(k, _)| !shape.contains(&k.as_str())).collect(),
        _ => BTreeMap::new(),
    }
}

fn show_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "none".into(),
        Some(Value::String(s)) => format!("`{s}`"),
        Some(v) => v.to_string(),
    }
}

/// Values above 9 in hex (flag bits, masks), the rest in decimal (negative ones included).
fn show_int(v: i128) -> String {
    if v > 9 {
        format!("{v:#x}")
    } else {
        v.to_string()
    }
}
