//! `<linux/perf_event.h>`, `<linux/sched.h>` and `<linux/sched/types.h>` against Linux's own as
//! installed here (Linux 6.1 on Debian 12), an older release than the one they mirror (7.2,
//! checked item by item by tests/sid_dropin.rs), compiled by each 64-bit
//! architecture's C compiler: the size and alignment of each struct, the offset of every field
//! the installed header has (anonymous union members included), every constant and flag it
//! defines, the ioctl numbers encoded for that architecture, and the size of each version.
//!
//! What differs by design is left out: bitfields have no `offsetof` (tests/sid_dropin.rs
//! probes their bits), the non-ABI `_MAX` enumerators grow with every release, and the installed
//! 6.1 header stops at `PERF_ATTR_SIZE_VER7` (no `config3`), so its `sizeof` is compared with
//! the newest version it names.

mod common;

use common::installed::*;


use std::fmt::Write;

use uabi::arch::{Family, LayoutClass};
use uabi::ioctl::Encoding;

/// The family of the architecture named `name` in `uabi::arch::ARCHES`.
fn family_of(name: &str) -> Family {
    uabi::arch::arch_named(name).expect("an architecture of the table").family
}
use uabi_model::ast::{Abi, Item};

const ARCHES: &[(&str, &str, Encoding)] = &[
    ("x86_64", "gcc", Encoding::Generic),
    ("aarch64", "aarch64-linux-gnu-gcc", Encoding::Generic),
    ("powerpc64le", "powerpc64le-linux-gnu-gcc", Encoding::PowerPc),
    ("s390x", "s390x-linux-gnu-gcc", Encoding::Generic),
];

/// (header uabi writes, installed header it mirrors)
const SUBJECTS: &[(&str, &str)] = &[("linux/perf_event.h", "linux/perf_event.h"), ("linux/sched.h", "linux/sched.h"), ("linux/sched/types.h", "linux/sched/types.h")];

fn model(header: &str) -> Abi {
    common::definitions().into_iter().flat_map(|s| s.abis).find(|a| a.header() == header).expect("a module writes the header")
}






#[derive(Default)]
struct Probe {
    c: String,
    fields: usize,
    values: usize,
}

fn probe(abi: &Abi, include: &str, header: &str, family: Family, enc: Encoding) -> Probe {
    let mut p = Probe { c: format!("#include <stddef.h>\n#include <linux/types.h>\n#include <{include}>\n"), ..Default::default() };
    let text = strip_comments(header);
    // `#define`s (strip_comments drops preprocessor lines) or enumerators.
    let known = |name: &str| header.contains(&format!("define {name}\t")) || header.contains(&format!("define {name} ")) || text.contains(&format!("{name} ")) || text.contains(&format!("{name}\t")) || text.contains(&format!("{name},"));
    let value = |p: &mut Probe, name: &str, v: i128, ty: &str| {
        if known(name) {
            p.values += 1;
            let lit = if v < 0 { format!("{v}LL") } else { format!("{v}ULL") };
            writeln!(p.c, "_Static_assert(({ty})({name}) == ({ty}){lit}, \"{name}\");").unwrap();
        }
    };
    for item in &abi.items {
        match item {
            // The `_MAX` enumerators are not ABI: they grow with every release.
            Item::Const(c) if c.c_name.ends_with("_MAX") => {}
            Item::Const(c) => value(&mut p, &c.c_name, c.value, c.ty.c_name()),
            Item::Enum(e) => e.variants.iter().filter(|v| !v.c_name.ends_with("MAX") && !v.c_name.ends_with("MAX_SHIFT")).for_each(|v| value(&mut p, &v.c_name, v.value, v.ty.c_name())),
            Item::Ioctl(io) => value(&mut p, &io.name.to_string(), common::ioctl_number_in(abi, io, family, enc) as i128, "__u32"),
            Item::Struct(r) if !r.anonymous => {
                let Some(l) = abi.layouts.on(r.id, family) else { continue };
                r.fields.iter().flat_map(|f| &f.flags).for_each(|f| value(&mut p, &f.c_name, f.value, f.ty.c_name()));
                let kind = r.kind.c_keyword();
                let ty = format!("{kind} {}", r.c_name);
                let Some(body) = struct_body(header, kind, &r.c_name) else {
                    eprintln!("{include} has no {ty}: newer than the installed header");
                    continue;
                };
                let declared = declared_fields(body);
                writeln!(p.c, "_Static_assert(_Alignof({ty}) == {}, \"alignment of {ty}\");", l.align.get(LayoutClass::Natural).unwrap()).unwrap();
                let mut fields = Vec::new();
                flat_fields(abi, r, family, 0, &mut fields);
                for (name, off) in fields.iter().filter(|(n, _)| declared.contains(n)) {
                    p.fields += 1;
                    writeln!(p.c, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
                }
                // Each version's size, under Linux's macro names where uabi's differ.
                let linux_prefix = if r.c_name == "perf_event_attr" { "PERF_ATTR".to_string() } else { r.c_name.to_uppercase() };
                let mut newest_known = None;
                for v in r.versions() {
                    let name = format!("{linux_prefix}_SIZE_VER{v}");
                    if known(&name) {
                        newest_known = Some(l.version_size(v));
                        value(&mut p, &name, l.version_size(v) as i128, "__u32");
                    }
                }
                // The installed struct is as large as the newest version it knows, or the
                // definition's one version.
                let size = newest_known.unwrap_or(l.size);
                writeln!(p.c, "_Static_assert(sizeof({ty}) == {size}, \"size of {ty}\");").unwrap();
            }
            _ => {}
        }
    }
    p
}

fn compile(cc: &str, source: &str, tag: &str) -> Result<(), String> {
    common::compile_source(cc, &["-std=gnu11", "-fsyntax-only", "-Werror"], &[], &format!("{tag}.c"), source)
}

#[test]
fn perf_event_attr_and_clone_args_match_the_installed_linux_headers() {
    let mut ran = 0;
    for (ours, include) in SUBJECTS {
        let abi = model(ours);
        for (arch, cc, enc) in ARCHES {
            let (path, header) = match installed_header(cc, include) {
                Ok(h) => h,
                Err(why) => {
                    eprintln!("skipping {arch}: {why}");
                    continue;
                }
            };
            let p = probe(&abi, include, &header, family_of(arch), *enc);
            assert!(p.fields >= 10 && p.values >= 2, "{arch} {include}: the probe compares too little ({} fields, {} values)", p.fields, p.values);
            if let Err(errors) = compile(cc, &p.c, &format!("{arch}_{}", include.replace('/', "_"))) {
                panic!("{arch}: {ours} disagrees with {path}:\n{errors}");
            }
            eprintln!("{arch}: {path}: {} field offsets and {} values agree", p.fields, p.values);
            ran += 1;
        }
    }
    if ran == 0 {
        eprintln!("skipping: no compiler is installed (scripts/test.sh installs them)");
    }
}

/// The probe is only worth something if a wrong number fails it.
#[test]
fn a_wrong_offset_fails_the_probe() {
    let Ok((_, header)) = installed_header("gcc", "linux/perf_event.h") else {
        eprintln!("skipping: gcc finds no <linux/perf_event.h>");
        return;
    };
    let good = probe(&model("linux/perf_event.h"), "linux/perf_event.h", &header, Family::X86, Encoding::Generic).c;
    compile("gcc", &good, "good").expect("the real probe compiles");
    let wrong = good.replacen("offsetof(struct perf_event_attr, size) == 4", "offsetof(struct perf_event_attr, size) == 8", 1);
    assert_ne!(wrong, good);
    assert!(compile("gcc", &wrong, "wrong").is_err());
}
