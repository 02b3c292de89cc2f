//! The VFIO definition against Linux's own `<linux/vfio.h>` as installed on this machine (the
//! header of each architecture's cross toolchain, Linux 6.1 on Debian 12), compiled by that
//! architecture's C compiler.
//!
//! For every struct the installed header defines: the size and alignment, and the offset of
//! every field that header has, must equal the uabi model's. For every constant, flag, enum
//! value and ioctl of the model that the installed header defines: the same value, with ioctl
//! numbers encoded for that architecture by `uabi::ioctl`. And every `VFIO_*` name of the
//! installed header must be defined by uabi, except the intended differences listed below.
//! The newer release uabi targets is a superset: what 6.1 lacks is counted and skipped.

mod common;

use common::installed::*;

use std::collections::BTreeSet;
use std::fmt::Write;


use uabi::arch::{Family, LayoutClass};
use uabi::ioctl::Encoding;

/// The family of the architecture named `name` in `uabi::arch::ARCHES`.
fn family_of(name: &str) -> Family {
    uabi::arch::arch_named(name).expect("an architecture of the table").family
}
use uabi_model::ast::{Abi, Item};

/// Names of the installed header that uabi does not define, and why.
const INTENDED: &[(&str, &str)] = &[
    ("VFIO_DEVICE_STATE_VALID", "a function-like macro: a const fn in Rust"),
    ("VFIO_DEVICE_STATE_IS_ERROR", "a function-like macro: a const fn in Rust"),
    ("VFIO_DEVICE_STATE_SET_ERROR", "a function-like macro: a const fn in Rust"),
    ("VFIO_TYPE1_NESTING_IOMMU", "withdrawn upstream after 6.1: the newest header names value 6 __VFIO_RESERVED_TYPE1_NESTING_IOMMU"),
];

/// The 64-bit architectures the issue names, each with its compiler and ioctl encoding.
const ARCHES: &[(&str, &str, Encoding)] = &[
    ("x86_64", "gcc", Encoding::Generic),
    ("aarch64", "aarch64-linux-gnu-gcc", Encoding::Generic),
    ("powerpc64le", "powerpc64le-linux-gnu-gcc", Encoding::PowerPc),
    ("s390x", "s390x-linux-gnu-gcc", Encoding::Generic),
];

fn vfio_model() -> Abi {
    common::definitions()
        .into_iter()
        .flat_map(|s| s.abis)
        .find(|a| a.header() == "linux/vfio.h")
        .expect("a module writes linux/vfio.h")
}





fn defines(header: &str) -> BTreeSet<String> {
    header
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("#define"))
        .filter_map(|rest| rest.split(|c: char| c.is_whitespace() || c == '(').find(|w| !w.is_empty()))
        .filter(|n| n.starts_with("VFIO_"))
        .map(str::to_string)
        .collect()
}


struct Probe {
    c: String,
    structs: usize,
    fields: usize,
    values: usize,
    newer: Vec<String>,
}

/// The C probe for one architecture: `_Static_assert`s of the model's numbers against the
/// installed header.
fn probe(abi: &Abi, header: &str, family: Family, enc: Encoding) -> Probe {
    let mut p = Probe {
        c: String::from("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/vfio.h>\n"),
        structs: 0,
        fields: 0,
        values: 0,
        newer: vec![],
    };
    let defined = defines(header);
    // Values compare in the width of their type: Linux writes `(1 << 31)` for a __u32 flag,
    // an int that C makes negative, where uabi writes `(1U << 31)`; both set the same bit.
    let value = |p: &mut Probe, name: &str, v: i128, ty: &str| {
        let is_define = defined.contains(name);
        let is_enumerator = !is_define && strip_comments(header).contains(&format!("{name} "));
        if is_define || is_enumerator {
            p.values += 1;
            writeln!(p.c, "_Static_assert(({ty})({name}) == ({ty}){v}LL, \"{name}\");").unwrap();
        } else {
            p.newer.push(name.to_string());
        }
    };
    for item in &abi.items {
        match item {
            Item::Const(c) => value(&mut p, &c.c_name, c.value, c.ty.c_name()),
            Item::Enum(e) => e.variants.iter().for_each(|v| value(&mut p, &v.c_name, v.value, v.ty.c_name())),
            Item::Ioctl(io) => value(&mut p, &io.name.to_string(), common::ioctl_number_in(abi, io, family, enc) as i128, "__u32"),
            Item::Struct(r) => {
                let l = abi.layouts.on(r.id, family).expect("laid out on every family");
                r.fields.iter().flat_map(|f| &f.flags).for_each(|f| value(&mut p, &f.c_name, f.value, f.ty.c_name()));
                if r.anonymous {
                    continue;
                }
                let kind = r.kind.c_keyword();
                let Some(body) = struct_body(header, kind, &r.c_name) else {
                    p.newer.push(format!("{kind} {}", r.c_name));
                    continue;
                };
                p.structs += 1;
                let ty = format!("{kind} {}", r.c_name);
                let declared = declared_fields(body);
                let mut fields = Vec::new();
                flat_fields(abi, r, family, 0, &mut fields);
                let all_known = fields.iter().all(|(n, _)| declared.contains(n));
                // A struct that grew since the installed release is compared as far as it goes.
                if all_known {
                    writeln!(p.c, "_Static_assert(sizeof({ty}) == {}, \"size of {ty}\");", l.size).unwrap();
                }
                writeln!(p.c, "_Static_assert(_Alignof({ty}) == {}, \"alignment of {ty}\");", l.align.get(LayoutClass::Natural).unwrap()).unwrap();
                for (name, off) in fields.iter().filter(|(n, _)| declared.contains(n)) {
                    p.fields += 1;
                    writeln!(p.c, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
                }
            }
            Item::Str(_) | Item::Macro(_) | Item::Rust(..) => {}
        }
    }
    p
}

fn compile(cc: &str, source: &str, tag: &str) -> Result<(), String> {
    common::compile_source(cc, &["-std=gnu11", "-fsyntax-only", "-Werror"], &[], &format!("{tag}.c"), source)
}

#[test]
fn vfio_matches_the_installed_linux_header_on_64_bit_architectures() {
    let abi = vfio_model();
    let mut ran = 0;
    for (arch, cc, enc) in ARCHES {
        let (path, header) = match installed_header(cc, "linux/vfio.h") {
            Ok(h) => h,
            Err(why) => {
                eprintln!("skipping {arch}: {why}");
                continue;
            }
        };
        let p = probe(&abi, &header, family_of(arch), *enc);
        assert!(p.structs >= 30 && p.fields >= 150 && p.values >= 150, "{arch}: the probe compares too little ({} structs, {} fields, {} values)", p.structs, p.fields, p.values);
        if let Err(errors) = compile(cc, &p.c, arch) {
            panic!("{arch}: the uabi VFIO definition disagrees with {path}:\n{errors}");
        }
        eprintln!(
            "{arch}: {path}: {} structs, {} field offsets, {} values agree; {} names are newer than this header",
            p.structs,
            p.fields,
            p.values,
            p.newer.len()
        );
        ran += 1;
    }
    if ran == 0 {
        eprintln!("skipping: none of the four compilers is installed (scripts/test.sh installs them)");
    }
}

#[test]
fn every_vfio_name_of_the_installed_header_is_defined() {
    let Ok((path, header)) = installed_header("gcc", "linux/vfio.h") else {
        eprintln!("skipping: gcc finds no <linux/vfio.h> (install linux-libc-dev)");
        return;
    };
    let abi = vfio_model();
    // The include guard is the installed one, so that a program including both headers gets
    // one set of definitions.
    let mut ours = BTreeSet::from([abi.guard().to_string()]);
    let guard = header.lines().find_map(|l| l.strip_prefix("#ifndef ")).map(str::trim);
    assert_eq!(guard, Some(abi.guard()), "{path} has another include guard than the generated header");
    for item in &abi.items {
        match item {
            Item::Const(c) => ours.extend([c.c_name.clone()]),
            Item::Str(c) => ours.extend([c.c_name.clone()]),
            Item::Ioctl(io) => ours.extend([io.name.to_string()]),
            Item::Enum(e) => ours.extend(e.variants.iter().map(|v| v.c_name.clone())),
            Item::Struct(r) => ours.extend(r.fields.iter().flat_map(|f| &f.flags).map(|f| f.c_name.clone())),
            Item::Macro(m) => ours.extend([m.name.to_string()]),
            Item::Rust(..) => {}
        }
    }
    let missing: Vec<_> = defines(&header)
        .into_iter()
        .filter(|n| !ours.contains(n) && !INTENDED.iter().any(|(i, _)| i == n))
        .collect();
    assert!(missing.is_empty(), "{path} defines names uabi does not: {missing:?}");
    for (name, why) in INTENDED {
        assert!(!ours.contains(*name), "{name} is listed as an intended difference but is defined: remove it from INTENDED");
        eprintln!("intended difference: {name}: {why}");
    }
}

/// Every string macro of the installed header has the model's text: the header is read as
/// text, since C cannot compare strings at compile time.
#[test]
fn string_constants_match_the_installed_header() {
    let Ok((path, header)) = installed_header("gcc", "linux/vfio.h") else {
        eprintln!("skipping: gcc finds no <linux/vfio.h> (install linux-libc-dev)");
        return;
    };
    let abi = vfio_model();
    let mut compared = 0;
    for item in &abi.items {
        let Item::Str(c) = item else { continue };
        let linux = header.lines().find_map(|l| {
            let rest = l.trim_start().strip_prefix("#define")?.trim_start().strip_prefix(c.c_name.as_str())?;
            let rest = rest.trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        });
        let Some(linux) = linux else { continue };
        assert_eq!(linux, c.value, "{} in {path}", c.c_name);
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} string macros compared");
}

/// The probe is only worth something if a wrong number fails it.
#[test]
fn a_wrong_value_or_offset_fails_the_probe() {
    let Ok((_, header)) = installed_header("gcc", "linux/vfio.h") else {
        eprintln!("skipping: gcc finds no <linux/vfio.h>");
        return;
    };
    let abi = vfio_model();
    let good = probe(&abi, &header, Family::X86, Encoding::Generic).c;
    compile("gcc", &good, "good").expect("the real probe compiles");
    let wrong_offset = good.replacen("offsetof(struct vfio_device_info, flags) == 4", "offsetof(struct vfio_device_info, flags) == 8", 1);
    assert_ne!(wrong_offset, good);
    assert!(compile("gcc", &wrong_offset, "wrong_offset").is_err());
    let wrong_encoding = probe(&abi, &header, Family::X86, Encoding::PowerPc).c;
    assert!(compile("gcc", &wrong_encoding, "wrong_encoding").is_err(), "powerpc numbers must not pass on x86_64");
}
