//! A pahole-style report of every ABI struct: offset, size, field and version per line, the
//! holes (there must be none: the model refuses them), and the size of each version.

use std::fmt::Write;

use crate::ast::*;

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
    // An anonymous member is inlined in C: only its kind is shown.
    match (&f.ty, f.anonymous) {
        (FieldType::Named(n), true) => abi.record(n).map(|r| format!("{} {{..}}", r.kind.c_keyword())).unwrap_or_default(),
        (t, _) => abi.c_type(t, f.aligned),
    }
}

/// Writes the report of one module and adds to `totals`.
fn module(out: &mut String, src: &str, abi: &Abi, totals: &mut Totals) {
    totals.modules += 1;
    writeln!(out, "=== <{}> from {src} ===", abi.header).unwrap();
    for item in &abi.items {
        match item {
            Item::Const(_) | Item::Str(_) => totals.constants += 1,
            Item::Enum(e) => {
                totals.enums += 1;
                totals.constants += e.variants.len();
            }
            Item::Ioctl(_) => totals.ioctls += 1,
            Item::Rust(_) => {}
            Item::Struct(r) => {
                match r.kind {
                    RecordKind::Struct => totals.structs += 1,
                    RecordKind::Union => totals.unions += 1,
                }
                totals.constants += r.fields.iter().map(|f| f.flags.len()).sum::<usize>();
                record(out, abi, r, totals);
            }
        }
    }
    out.push('\n');
}

fn record(out: &mut String, abi: &Abi, r: &Record, totals: &mut Totals) {
    let l = &r.layout;
    let anon = if r.anonymous { " /* anonymous */" } else { "" };
    writeln!(out, "\n{} {} {{{anon}", r.kind.c_keyword(), r.c_name).unwrap();
    let mut end = 0;
    let mut holes = 0;
    for f in &r.fields {
        let fl = &f.layout;
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
        writeln!(out, "\t{decl:<48} /* {:>5} {:>5} */ {notes}", fl.offset, fl.size).unwrap();
    }
    let versions: Vec<String> = r.versions().iter().map(|v| format!("v{v}={}", r.version_size(*v))).collect();
    writeln!(
        out,
        "\t/* size: {}, align: {} (i386 {}, m68k {}), holes: {holes}, versions: {} */",
        l.size,
        l.align,
        l.align_i386,
        l.align_m68k,
        versions.join(" ")
    )
    .unwrap();
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
