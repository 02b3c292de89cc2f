//! The KVM definition (`linux/src/kvm.rs`) against Linux's own `<linux/kvm.h>` and `<asm/kvm.h>`
//! as installed on this machine (Debian's linux-libc-dev, Linux 6.1, and the cross compilers'
//! copies), compiled by gcc for x86_64, i686 and aarch64: each architecture's register structs
//! (`kvm_regs` is x86's on x86 and arm64's on arm64) against that architecture's header.
//!
//! From the uabi model (not from the Rust types, so the probe cannot copy what it checks) a C
//! file of `_Static_assert`s is written per architecture: the size, alignment and every field
//! offset of each struct Linux also declares (members of `kvm_run`'s untagged exit structs
//! through their member, `offsetof(struct kvm_run, mmio.len)`), the value of every constant
//! and flag, and every ioctl number as `uabi::ioctl` encodes it for that architecture. A
//! `__pad` member uabi names where Linux leaves tail padding is not declared by Linux, and a
//! member newer than the installed Linux (the hypercall's `flags`) not yet: neither is compared;
//! the struct's size still is. Every name the module defines must exist in the
//! installed header (the module defines a subset), so a misspelt name fails as surely as a
//! wrong number.

mod common;

use common::installed::*;

use std::fmt::Write;

use uabi::arch::{Family, LayoutClass};
use uabi::ioctl::Encoding;
use uabi_model::ast::{Abi, Item};

/// A compiler for one architecture.
struct Target {
    name: &'static str,
    cc: &'static str,
    args: &'static [&'static str],
    family: Family,
    class: LayoutClass,
}

const X86_64: Target = Target { name: "x86_64", cc: "gcc", args: &[], family: Family::X86, class: LayoutClass::Natural };

/// The i686 compilers, in order of preference. The host gcc's `-m32` finds no `<asm/*.h>` of its
/// own on Debian (they live under the x86_64 multiarch directory): x86 has one set of UAPI
/// `asm` headers for both word sizes (`arch/x86/include/uapi/asm`, which tests `__i386__`
/// where they differ), so searching that directory last is what the i686 cross compiler's own
/// copy would give.
const I686: &[Target] = &[
    Target { name: "i686", cc: "i686-linux-gnu-gcc", args: &[], family: Family::X86, class: LayoutClass::I386 },
    Target { name: "i686", cc: "gcc", args: &["-m32", "-idirafter", "/usr/include/x86_64-linux-gnu"], family: Family::X86, class: LayoutClass::I386 },
];

const AARCH64: Target = Target { name: "aarch64", cc: "aarch64-linux-gnu-gcc", args: &[], family: Family::Arm64, class: LayoutClass::Natural };

/// The targets that can compile `<linux/kvm.h>` here; a line on stderr for each that cannot.
fn targets() -> Vec<&'static Target> {
    let mut out = Vec::new();
    for t in [&X86_64, &AARCH64] {
        match available(t) {
            Ok(()) => out.push(t),
            Err(why) => eprintln!("skipping {}: {why}", t.name),
        }
    }
    let mut why_not = Vec::new();
    match I686.iter().find(|t| available(t).map_err(|e| why_not.push(e)).is_ok()) {
        Some(t) => out.push(t),
        None => eprintln!("skipping i686: {}", why_not.join("; ")),
    }
    out
}

fn kvm_model() -> Abi {
    common::definitions().into_iter().flat_map(|s| s.abis).find(|a| a.header() == "linux/kvm.h").expect("a module writes linux/kvm.h")
}

struct Probe {
    c: String,
    structs: usize,
    fields: usize,
    values: usize,
}

/// The C probe for one target: `_Static_assert`s of the model's numbers on `t` against
/// Linux's headers; `enc` the ioctl encoding (another one in the negative test).
fn probe(abi: &Abi, t: &Target, enc: Encoding, installed: &str) -> Probe {
    let mut p = Probe { c: String::from("#include <stddef.h>\n#include <linux/types.h>\n#include <linux/kvm.h>\n"), structs: 0, fields: 0, values: 0 };
    // Compared in the width of the model's type: Linux writes `(1UL << 0)` for a flag of a
    // __u32 field, uabi `(1 << 0)`; the stored bits are what must agree.
    let value = |p: &mut Probe, name: &str, v: i128, ty: &str| {
        p.values += 1;
        writeln!(p.c, "_Static_assert(({ty})({name}) == ({ty}){v}LL, \"{name}\");").unwrap();
    };
    for item in abi.items.iter().filter(|i| i.arch().contains(t.family)) {
        match item {
            Item::Const(c) => value(&mut p, &c.c_name, c.value, c.ty.c_name()),
            Item::Enum(e) => e.variants.iter().for_each(|v| value(&mut p, &v.c_name, v.value, v.ty.c_name())),
            Item::Ioctl(io) => value(&mut p, &io.name.to_string(), common::ioctl_number_in(abi, io, t.family, enc) as i128, "__u32"),
            Item::Struct(r) => {
                r.fields.iter().filter(|f| f.arch.contains(t.family)).flat_map(|f| &f.flags).for_each(|f| value(&mut p, &f.c_name, f.value, f.ty.c_name()));
                if r.anonymous {
                    continue;
                }
                let l = abi.layouts.on(r.id, t.family).expect("laid out on its families");
                let kind = r.kind.c_keyword();
                let ty = format!("{kind} {}", r.c_name);
                let body = struct_body(installed, kind, &r.c_name).unwrap_or_else(|| panic!("the installed headers have no {ty}"));
                p.structs += 1;
                writeln!(p.c, "_Static_assert(sizeof({ty}) == {}, \"size of {ty}\");", l.size).unwrap();
                writeln!(p.c, "_Static_assert(__alignof__({ty}) == {}, \"alignment of {ty}\");", l.align.get(t.class).unwrap()).unwrap();
                let mut fields = Vec::new();
                flat_fields(abi, r, t.family, 0, &mut fields);
                for (name, off) in &fields {
                    // A `__pad` uabi names where Linux leaves padding has no Linux name, and a
                    // member newer than the installed Linux is not there yet.
                    if !declares(body, name) {
                        continue;
                    }
                    p.fields += 1;
                    writeln!(p.c, "_Static_assert(offsetof({ty}, {name}) == {off}, \"offset of {ty}.{name}\");").unwrap();
                }
            }
            Item::Str(_) | Item::Macro(_) | Item::Rust(..) => {}
        }
    }
    p
}

/// Compiles against the system's headers only: no `-I headers`, so the headers are Linux's.
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

/// The text of the installed `<linux/kvm.h>` and `<asm/kvm.h>` (and `<asm/ptrace.h>`, where
/// `defined_in` records live) the target's compiler sees.
fn installed_text(t: &Target) -> String {
    let mut text = String::new();
    for h in ["linux/kvm.h", "asm/kvm.h", "asm/ptrace.h"] {
        let cc_args: Vec<String> = std::iter::once(t.cc.to_string()).chain(t.args.iter().map(|a| a.to_string())).collect();
        if let Ok((_, t)) = installed_header_with(&cc_args, h) {
            text.push_str(&t);
        }
    }
    text
}

#[test]
fn kvm_matches_the_installed_linux_headers_on_x86_and_arm64() {
    let abi = kvm_model();
    let targets = targets();
    for target in &targets {
        let p = probe(&abi, target, target.family.encoding(), &installed_text(target));
        assert!(p.structs >= 5 && p.fields >= 50 && p.values >= 40, "{}: the probe compares too little ({} structs, {} fields, {} values)", target.name, p.structs, p.fields, p.values);
        if let Err(errors) = compile(target, &p.c, target.name) {
            panic!("{}: the uabi KVM definition disagrees with <linux/kvm.h>:\n{errors}", target.name);
        }
        eprintln!("{} ({} {:?}): {} structs, {} field offsets, {} values agree with Linux's headers", target.name, target.cc, target.args, p.structs, p.fields, p.values);
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
    let text = installed_text(x86_64);
    let good = probe(&abi, x86_64, Encoding::Generic, &text).c;
    compile(x86_64, &good, "good").expect("the real probe compiles");
    let cases = [
        ("offsetof(struct kvm_sregs, cr0) == 224", "offsetof(struct kvm_sregs, cr0) == 232"),
        ("offsetof(struct kvm_run, io.data_offset) == 40", "offsetof(struct kvm_run, io.data_offset) == 36"),
        ("offsetof(struct kvm_run, mmio.len) == 48", "offsetof(struct kvm_run, mmio.len) == 44"),
        ("(__u32)(KVM_EXIT_HLT) == (__u32)5LL", "(__u32)(KVM_EXIT_HLT) == (__u32)6LL"),
        ("sizeof(struct kvm_run) == 2352", "sizeof(struct kvm_run) == 2336"),
    ];
    for (from, to) in cases {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "the probe no longer contains `{from}`");
        assert!(compile(x86_64, &bad, "bad").is_err(), "`{to}` must fail");
    }
    let wrong_encoding = probe(&abi, x86_64, Encoding::PowerPc, &text).c;
    assert!(compile(x86_64, &wrong_encoding, "wrong_encoding").is_err(), "powerpc numbers must not pass on x86_64");
    // x86_64's alignment (8 for structs of __u64) is wrong on i686, where it is 4.
    match I686.iter().find(|t| available(t).is_ok()) {
        Some(i686) => assert!(compile(i686, &good, "wrong_align").is_err(), "x86_64 alignments must not pass on i686"),
        None => eprintln!("no i686 compiler: the alignment case is not checked"),
    }
    // x86's kvm_regs is not arm64's.
    if available(&AARCH64).is_ok() {
        assert!(compile(&AARCH64, &good, "wrong_arch").is_err(), "x86's register structs must not pass on aarch64");
    }
}
