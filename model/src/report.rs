//! A pahole-style report of every ABI struct: offset, size, field and version per line, the
//! holes (there must be none: the model refuses them), and the size of each version.

use std::fmt::Write;

use uabi_arch::Endian;

use crate::ast::*;
use crate::layout::RecordLayout;

#[derive(Default, Debug, PartialEq, Eq)]
pub struct Totals {
    pub modules: usize,
    pub structs: usize,
    pub unions: usize,
    pub enums: usize,
    pub constants: usize,
    pub ioctls: usize,
    pub holes: u64,
}

fn type_name(abi: &Abi, f: &Field) -> String {
    // An untagged member is inlined in C: only its kind is shown.
    match &f.ty {
        FieldType::Named(n) => match abi.record(n) {
            Some(r) if r.anonymous => format!("{} {{..}}", r.kind.c_keyword()),
            _ => abi.c_type(&f.ty, CSpelling::of(f)),
        },
        t => abi.c_type(t, CSpelling::of(f)),
    }
}

/// Writes the report of one module and adds to `totals`.
fn module(out: &mut String, src: &str, abi: &Abi, totals: &mut Totals) {
    totals.modules += 1;
    let headers: Vec<String> = abi.headers.iter().map(|h| format!("<{}>", h.path)).collect();
    writeln!(out, "=== {} from {src} ===", headers.join(" ")).unwrap();
    for item in &abi.items {
        match item {
            Item::Const(_) | Item::Str(_) => totals.constants += 1,
            Item::Enum(e) => {
                totals.enums += 1;
                totals.constants += e.variants.len();
            }
            Item::Ioctl(_) => totals.ioctls += 1,
            Item::Rust(..) => {}
            Item::Struct(r) => {
                match r.kind {
                    RecordKind::Struct => totals.structs += 1,
                    RecordKind::Union => totals.unions += 1,
                }
                totals.constants += r.fields.iter().map(|f| f.flags.len()).sum::<usize>();
                for l in abi.layouts.groups(r.id) {
                    record(out, abi, r, l, totals);
                }
            }
        }
    }
    out.push('\n');
}

fn record(out: &mut String, abi: &Abi, r: &Record, l: &RecordLayout, totals: &mut Totals) {
    let mut notes = Vec::new();
    if r.anonymous {
        notes.push("anonymous".to_string());
    }
    if r.packed.is_some() {
        notes.push("packed".to_string());
    }
    if !l.families.is_all() {
        notes.push(format!("on {}", l.families));
    }
    let notes = if notes.is_empty() { String::new() } else { format!(" /* {} */", notes.join(", ")) };
    writeln!(out, "\n{} {} {{{notes}", r.kind.c_keyword(), r.c_name).unwrap();
    let mut end = 0;
    let mut holes = 0;
    for (k, f) in r.fields.iter().enumerate() {
        let Some(fl) = l.slot(k) else { continue };
        if r.kind == RecordKind::Struct && fl.offset > end {
            holes += 1;
            totals.holes += fl.offset - end;
            writeln!(out, "\t/* XXX {} byte hole */", fl.offset - end).unwrap();
        }
        end = end.max(fl.offset + fl.size);
        let decl = format!("{} {};", type_name(abi, f), f.c_name);
        let mut notes = format!("v{}", f.since);
        if f.reserved {
            notes.push_str(" reserved");
        }
        if !f.flags.is_empty() {
            write!(notes, " {} flags", f.flags.len()).unwrap();
        }
        if fl.union_tail > 0 {
            write!(notes, " (+{} to the union's size)", fl.union_tail).unwrap();
        }
        if f.bits.is_empty() {
            writeln!(out, "\t{decl:<48} /* {:>5} {:>5} */ {notes}", fl.offset, fl.size).unwrap();
        } else {
            // The unit has no C name: its bitfields are listed with their least significant
            // bit on little- and big-endian architectures.
            writeln!(out, "\t/* {} bits of {} */{:<25} /* {:>5} {:>5} */ {notes}", fl.size * 8, f.c_name, "", fl.offset, fl.size).unwrap();
            let FieldType::Prim(p) = f.ty else { continue };
            for (b, s) in f.bits.iter().zip(&fl.bits) {
                let decl = format!("{} {}:{};", p.c_name(), b.c_name, b.width);
                let reserved = if b.reserved { " reserved" } else { "" };
                writeln!(out, "\t{decl:<48} /* bit {:>2} le, {:>2} be */{reserved}", s.lsb(Endian::Little), s.lsb(Endian::Big)).unwrap();
            }
        }
    }
    let versions: Vec<String> = l.versions.iter().map(|(v, size)| format!("v{v}={size}")).collect();
    let aligns: Vec<String> = l.align.iter().map(|(c, a)| format!("{} {a}", c.name())).collect();
    writeln!(out, "\t/* size: {}, align: {}, holes: {holes}, versions: {} */", l.size, aligns.join(", "), versions.join(" ")).unwrap();
    if let Some(line) = r.policy_sentence() {
        writeln!(out, "\t/* {line} */").unwrap();
    }
    writeln!(out, "}};").unwrap();
}

/// The whole report: every module with the path of the file that defines it, then one summary
/// line.
pub fn report<'a>(modules: impl IntoIterator<Item = (&'a str, &'a Abi)>) -> (String, Totals) {
    let mut out = String::new();
    let mut t = Totals::default();
    for (path, abi) in modules {
        module(&mut out, path, abi, &mut t);
    }
    writeln!(
        out,
        "summary: {} ABI modules, {} structs, {} unions, {} enums, {} constants, {} ioctls, {} bytes of holes",
        t.modules, t.structs, t.unions, t.enums, t.constants, t.ioctls, t.holes
    )
    .unwrap();
    (out, t)
}
