//! The KVM definition (`linux/src/kvm.rs`) against Linux's own `<linux/kvm.h>` as installed
//! on this machine (Debian's linux-libc-dev, Linux 6.1), compiled by gcc for x86_64 and for
//! i686 (`-m32`): KVM's register structs are x86's, so x86 is where every one of them exists.
//!
//! From the uabi model (not from the Rust types, so the probe cannot copy what it checks) a C
//! file of `_Static_assert`s is written: the size, alignment and every field offset of each
//! struct, the value of every constant and flag, and every ioctl number as `uabi::ioctl`
//! encodes it. Every name the module defines must exist in the installed header (the module
//! defines a subset), so a misspelt name fails as surely as a wrong number.
//!
//! Linux declares the exit structs of `kvm_run` (`hw`, `io` ...) and its `s` union inline and
//! anonymously; uabi names them and pads each to the union's size (see the module's
//! documentation). Their fields are compared through the member of `struct kvm_run`
//! (`offsetof(struct kvm_run, io.port)`), and each trailing `__pad` is checked to start at or
//! after the end of Linux's member (up to its tail padding), so the padding hides nothing Linux declares.

mod common;

use common::installed::*;

use std::fmt::Write;

use uabi::arch::{Family, LayoutClass};
use uabi::ioctl::Encoding;
use uabi_model::ast::{Abi, Item};

/// The exit structs uabi names and Linux inlines in `struct kvm_run`, with the member name
/// that reaches them there.
const INLINED: &[(&str, &str)] = &[
    ("kvm_run_exit_hw", "hw"),
    ("kvm_run_exit_fail_entry", "fail_entry"),
    ("kvm_run_exit_io", "io"),
    ("kvm_run_exit_internal", "internal"),
    ("kvm_run_sync", "s"),
];

/// The field uabi adds at the end of each inlined struct to give union members one size.
const UABI_PAD: &str = "__pad";

/// An x86 compiler: gcc for x86_64, and for i686 (64-bit integers 4-aligned) Debian's cross
/// compiler or, without it, the host gcc with `-m32`.
struct Target {
    name: &'static str,
    cc: &'static str,
    args: &'static [&'static str],
    i386: bool,
}

const X86_64: Target = Target { name: "x86_64", cc: "gcc", args: &[], i386: false };

/// The i686 compilers, in order of preference. The host gcc's `-m32` finds no `<asm/*.h>` of its
/// own on Debian (they live under the x86_64 multiarch directory): x86 has one set of UAPI
/// `asm` headers for both word sizes (`arch/x86/include/uapi/asm`, which tests `__i386__`
/// where they differ), so searching that directory last is what the i686 cross compiler's own
/// copy would give.
const I686: &[Target] = &[
    Target { name: "i686", cc: "i686-linux-gnu-gcc", args: &[], i386: true },
    Target { name: "i686", cc: "gcc", args: &["-m32", "-idirafter", "/usr/include/x86_64-linux-gnu"], i386: true },
];

/// The targets that can compile `<linux/kvm.h>` here; a line on stderr for each that cannot.
fn targets() -> Vec<&'static Target> {
    let mut out = Vec::new();
    match available(&X86_64) {
        Ok(()) => out.push(&X86_64),
        Err(why) => eprintln!("skipping x86_64: {why}"),
    }
    let mut why_not = Vec::new();
    match I686.iter().find(|t| available(t).map_err(|e| why_not.push(e)).is_ok()) {
        Some(t) => out.push(t),
        None => eprintln!("skipping i686: {}", why_not.join("; ")),
    }
    out
}

fn kvm_model() -> Abi {
    common::definitions()
        .into_iter()
        .flat_map(|s| s.abis)
        .find(|a| a.header() == "linux/kvm.h")
        .expect("a module writes linux/kvm.h")
}


/// Offset of the member `member` of `struct kvm_run` in the model (the exit union is anonymous,
/// so its members are flattened into `kvm_run`).
fn kvm_run_member(abi: &Abi, member: &str) -> u64 {
    let run = common::records(abi).find(|r| r.c_name == "kvm_run").expect("the module defines struct kvm_run");
    let mut fields = Vec::new();
    flat_fields(abi, run, Family::X86, 0, &mut fields);
    fields.into_iter().find(|(n, _)| n == member).unwrap_or_else(|| panic!("kvm_run has no member {member}")).1
}

struct Probe {
    c: String,
    structs: usize,
    fields: usize,
    values: usize,
}

/// The C probe for one target: `_Static_assert`s of the model's numbers against Linux's
/// header. `i386` picks the model's i386 alignment; `enc` the ioctl encoding.
fn probe(abi: &Abi, i386: bool, enc: Encoding) -> Probe {
    let mut p = Probe {
        c: String::from("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/kvm.h>\n"),
        structs: 0,
        fields: 0,
        values: 0,
    };
    // Compared in the width of the model's type: Linux writes `(1UL << 0)` for a flag of a
    // __u32 field, uabi `(1 << 0)`; the stored bits are what must agree.
    let value = |p: &mut Probe, name: &str, v: i128, ty: &str| {
        p.values += 1;
        writeln!(p.c, "_Static_assert(({ty})({name}) == ({ty}){v}LL, \"{name}\");").unwrap();
    };
    for item in &abi.items {
        match item {
            Item::Const(c) => value(&mut p, &c.c_name, c.value, c.ty.c_name()),
            Item::Enum(e) => e.variants.iter().for_each(|v| value(&mut p, &v.c_name, v.value, v.ty.c_name())),
            Item::Ioctl(io) => value(&mut p, &io.name.to_string(), common::ioctl_number_in(abi, io, Family::X86, enc) as i128, "__u32"),
            Item::Struct(r) => {
                let Some(l) = abi.layouts.on(r.id, Family::X86) else { continue };
                r.fields.iter().flat_map(|f| &f.flags).for_each(|f| value(&mut p, &f.c_name, f.value, f.ty.c_name()));
                if r.anonymous {
                    continue;
                }
                p.structs += 1;
                let mut fields = Vec::new();
                flat_fields(abi, r, Family::X86, 0, &mut fields);
                if let Some((_, member)) = INLINED.iter().find(|(c, _)| *c == r.c_name) {
                    // Linux has no tag for it: reach it through struct kvm_run.
                    let base = kvm_run_member(abi, member);
                    let linux = format!("((struct kvm_run *)0)->{member}");
                    for (name, off) in &fields {
                        if name == UABI_PAD {
                            // Linux's member may end in tail padding up to its alignment, but
                            // no field of it may reach past where uabi's padding starts.
                            writeln!(
                                p.c,
                                "_Static_assert(sizeof({linux}) <= ({off} + __alignof__({linux}) - 1) / __alignof__({linux}) * __alignof__({linux}), \"{}.{UABI_PAD} covers only bytes Linux leaves unnamed\");",
                                r.c_name
                            )
                            .unwrap();
                        } else {
                            p.fields += 1;
                            writeln!(p.c, "_Static_assert(offsetof(struct kvm_run, {member}.{name}) == {}, \"offset of kvm_run.{member}.{name}\");", base + off).unwrap();
                        }
                    }
                    writeln!(p.c, "_Static_assert(sizeof({linux}) <= {}, \"kvm_run.{member} fits uabi's member\");", l.size).unwrap();
                    continue;
                }
                let ty = format!("{} {}", r.kind.c_keyword(), r.c_name);
                let align = l.align.get(if i386 { LayoutClass::I386 } else { LayoutClass::Natural }).unwrap();
                writeln!(p.c, "_Static_assert(sizeof({ty}) == {}, \"size of {ty}\");", l.size).unwrap();
                writeln!(p.c, "_Static_assert(__alignof__({ty}) == {align}, \"alignment of {ty}\");").unwrap();
                for (name, off) in &fields {
                    p.fields += 1;
                    writeln!(p.c, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
                }
            }
            Item::Str(_) | Item::Rust(..) => {}
        }
    }
    p
}

/// Compiles against the system's headers only: no `-I headers`, so `<linux/kvm.h>` is Linux's.
fn compile(target: &Target, source: &str, tag: &str) -> Result<(), String> {
    let mut args = vec!["-std=gnu11", "-fsyntax-only", "-Werror"];
    args.extend(target.args);
    common::compile_source(target.cc, &args, &[], &format!("{tag}.c"), source)
}

/// Whether gcc can compile for `target` and finds Linux's `<linux/kvm.h>` there; why not
/// otherwise.
fn available(target: &Target) -> Result<(), String> {
    compile(target, "#include <linux/kvm.h>\n", "available").map_err(|e| format!("{} {:?} cannot include <linux/kvm.h>: {e}", target.cc, target.args))
}

#[test]
fn kvm_matches_the_installed_linux_header_on_x86() {
    let abi = kvm_model();
    let targets = targets();
    for target in &targets {
        let p = probe(&abi, target.i386, Encoding::Generic);
        assert!(p.structs >= 13 && p.fields >= 90 && p.values >= 50, "{}: the probe compares too little ({} structs, {} fields, {} values)", target.name, p.structs, p.fields, p.values);
        if let Err(errors) = compile(target, &p.c, target.name) {
            panic!("{}: the uabi KVM definition disagrees with <linux/kvm.h>:\n{errors}", target.name);
        }
        eprintln!("{} ({} {:?}): {} structs, {} field offsets, {} values agree with <linux/kvm.h>", target.name, target.cc, target.args, p.structs, p.fields, p.values);
    }
    if targets.is_empty() {
        eprintln!("skipped: no gcc here includes <linux/kvm.h> (apt-get install gcc linux-libc-dev)");
    }
}

/// The probe is only worth something if a wrong number fails it.
#[test]
fn a_wrong_value_offset_alignment_or_encoding_fails_the_probe() {
    let x86_64 = &X86_64;
    if let Err(why) = available(x86_64) {
        eprintln!("skipped: {why}");
        return;
    }
    let abi = kvm_model();
    let good = probe(&abi, false, Encoding::Generic).c;
    compile(x86_64, &good, "good").expect("the real probe compiles");
    let cases = [
        ("offsetof(struct kvm_sregs, cr0) == 224", "offsetof(struct kvm_sregs, cr0) == 232"),
        ("offsetof(struct kvm_run, io.data_offset) == 40", "offsetof(struct kvm_run, io.data_offset) == 36"),
        ("(__u32)(KVM_EXIT_HLT) == (__u32)5LL", "(__u32)(KVM_EXIT_HLT) == (__u32)6LL"),
        ("sizeof(struct kvm_run) == 2352", "sizeof(struct kvm_run) == 2336"),
    ];
    for (from, to) in cases {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "the probe no longer contains `{from}`");
        assert!(compile(x86_64, &bad, "bad").is_err(), "`{to}` must fail");
    }
    let wrong_encoding = probe(&abi, false, Encoding::PowerPc).c;
    assert!(compile(x86_64, &wrong_encoding, "wrong_encoding").is_err(), "powerpc numbers must not pass on x86_64");
    // x86_64's alignment (8 for structs of __u64) is wrong on i686, where it is 4.
    match I686.iter().find(|t| available(t).is_ok()) {
        Some(i686) => {
            assert!(compile(i686, &good, "wrong_align").is_err(), "x86_64 alignments must not pass on i686");
            compile(i686, &probe(&abi, true, Encoding::Generic).c, "i686").expect("the i686 probe compiles");
        }
        None => eprintln!("no i686 compiler: the alignment case is not checked"),
    }
}
