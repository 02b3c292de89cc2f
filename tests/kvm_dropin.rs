//! uabi's `<linux/kvm.h>` and `<asm/kvm.h>` (`headers/`, generated from `linux/src/kvm.rs`)
//! against Linux 7.2's own (Debian sid's linux-libc-dev, fetched into target/ by
//! scripts/sid-headers.sh, never committed), as each architecture's C compiler sees them:
//! x86_64, i386, aarch64 and riscv64.
//!
//! Everything is driven by *Linux's* headers (`linux/kvm.h` and the target's `asm/kvm.h`):
//! every object-like macro, every enumerator, every struct and union with every member
//! (anonymous members flattened, named untagged ones by path, an array's untagged element
//! through `[0]`, bitfields included), and whether each macro name (function-like and empty
//! ones too) is defined. For each, a probe file gets an object whose bytes are the number: a
//! macro's or enumerator's value, the size of its C type and whether that type is signed; a
//! record's size and alignment; a member's offset and size; for a bitfield, the record with
//! that bitfield set to all ones (C has no `offsetof` for bits). The same probe file is
//! compiled twice by the target's gcc, once against Linux's headers and once against uabi's
//! (`-I headers` first), and the two objects must hold the same bytes. A probe Linux's own
//! header refuses on a target (an ioctl of another architecture whose argument type is not
//! defined there, a macro that needs a kernel-only header) is not compared. A name uabi lacks
//! fails the second compile: each such line is reported by name and dropped, and the file
//! compiled again.
//!
//! The deviations `linux/src/kvm.rs` documents are listed in [`ALLOWED`], each with its reason;
//! any other difference fails the test, and so does an allowed one that no longer happens.
//! Skips, saying why, when sid cannot be reached and nothing was fetched before, or a compiler
//! is missing.
//!
//! The machinery is `tests/common/dropin.rs`, shared with `tests/sid_dropin.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::dropin::{allowed, compile, declared, missing_label, probes, show};
use common::{sid_headers, TempDir};

/// (name, gcc, Debian multiarch triple of sid's `asm/`)
const TARGETS: &[(&str, &str, &str)] = &[
    ("x86_64", "gcc", "x86_64-linux-gnu"),
    ("i386", "i686-linux-gnu-gcc", "i386-linux-gnu"),
    ("aarch64", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
    ("riscv64", "riscv64-linux-gnu-gcc", "riscv64-linux-gnu"),
];

/// The documented deviations: (target or `*`, probe label, why). A probe label is what the
/// test prints: `value of NAME`, `type of NAME`, `defined NAME`, `size of struct x`,
/// `alignment of struct x`, `offset of struct x.f`, `size of struct x.f`, `bits of struct x.f`,
/// `missing NAME` (uabi's header does not declare it). A label matches every probe label it is
/// a prefix of.
const ALLOWED: &[(&str, &str, &str)] = &[
    // Records Linux leaves non-portable: uabi's x86 layout is x86_64's on i386 too.
    ("i386", "offset of struct kvm_msr_filter", "kvm_msr_filter_range.bitmap is a pointer in Linux (4 bytes on i386); here a u64 address, 8 bytes everywhere"),
    ("i386", "size of struct kvm_msr_filter", "kvm_msr_filter_range.bitmap is a u64 address here"),
    ("i386", "value of KVM_X86_SET_MSR_FILTER", "its argument, kvm_msr_filter, has x86_64's size"),
    ("i386", "offset of struct kvm_xen_exit.u", "Linux pads 4 bytes after `type` on x86_64 only; here the padding is a member everywhere"),
    ("i386", "size of struct kvm_xen_exit", "the same padding"),
    ("i386", "size of struct kvm_run.xen", "kvm_run.xen is a kvm_xen_exit"),
    ("i386", "size of struct kvm_dirty_tlb", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "value of KVM_DIRTY_TLB", "its argument, kvm_dirty_tlb, has x86_64's size"),
    ("i386", "size of struct kvm_run.fail_entry", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "size of struct kvm_run.s390_ucontrol", "Linux's tail padding exists on x86_64 only; here it is a member"),
    ("i386", "offset of struct kvm_run.riscv_", "riscv_sbi and riscv_csr are `unsigned long` in Linux (4 bytes on i386); __u64 here"),
    ("i386", "size of struct kvm_run.riscv_", "riscv_sbi and riscv_csr are `unsigned long` in Linux; __u64 here"),
    // `unsigned long` in a number: 4 bytes on i386 in Linux, 8 here.
    ("i386", "value of KVM_MEMORY_ENCRYPT_OP", "its argument is an `unsigned long` in Linux; a u64 here"),
    ("i386", "value of KVM_S390_VCPU_FAULT", "its argument is an `unsigned long` in Linux; a u64 here"),
    ("i386", "value of KVM_S390_STORE_STATUS", "the argument of KVM_S390_STORE_STATUS and the values (-1ul) and (-2ul) are `unsigned long` in Linux; u64 here"),
    ("i386", "type of KVM_S390_STORE_STATUS_", "(-1ul) and (-2ul) are `unsigned long` in Linux; u64 here"),
];

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// What one target compared, for the summary.
#[derive(Default)]
struct Counts {
    records: usize,
    members: usize,
    macros: usize,
    enumerators: usize,
    names: usize,
    numbers: usize,
    not_linux: usize,
}

#[test]
fn the_kvm_headers_are_drop_ins_for_linux_7_2() {
    let sid = match sid_headers() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIP: Linux's newest headers cannot be had: {why}");
            return;
        }
    };
    let ours = common::headers_dir();
    let mut failures = Vec::new();
    let mut used = BTreeSet::new();
    let mut compared = 0;
    let mut summary = Vec::new();
    for &(target, cc, triple) in TARGETS {
        if !common::installed(cc) {
            assert!(cc != "gcc", "gcc is missing");
            eprintln!("skipping {target}: {cc} is not installed (scripts/test.sh installs it)");
            continue;
        }
        let arch = sid.join(triple);
        let mut text = std::fs::read_to_string(sid.join("linux/kvm.h")).expect("sid's linux/kvm.h");
        text.push('\n');
        text.push_str(&std::fs::read_to_string(arch.join("asm/kvm.h")).expect("sid's asm/kvm.h"));
        let d = declared(&text);
        let probes = probes(&d);
        let ((linux, dropped), linux_defined) = compile(cc, &[&sid, &arch], &["linux/kvm.h"], &probes, &d.names).unwrap_or_else(|e| panic!("{target}: Linux's own {e}"));
        let ((uabi, refused), uabi_defined) = compile(cc, &[&ours, &sid, &arch], &["linux/kvm.h"], &probes, &d.names).unwrap_or_else(|e| panic!("{target}: uabi's {e}"));
        let mut report = |label: String, detail: String| {
            let what = format!("{target}: {label}{detail}");
            match allowed(ALLOWED, target, &label) {
                Some(_) => {
                    used.insert((target, label));
                }
                None => failures.push(what),
            }
        };
        // A name uabi lacks fails each of its probes (value and type, offset and size): one
        // line per name. What Linux's own header refuses on this target is not compared.
        let missing: BTreeSet<String> = refused.difference(&dropped).map(|i| missing_label(&probes[*i].label)).collect();
        for label in missing {
            report(label, String::new());
        }
        let mut c = Counts { not_linux: dropped.len(), ..Counts::default() };
        for (i, p) in probes.iter().enumerate() {
            if refused.contains(&i) || dropped.contains(&i) {
                continue;
            }
            let (l, u) = (&linux[&i], &uabi[&i]);
            c.numbers += 1;
            if l != u {
                report(p.label.clone(), format!(": Linux {}, uabi {}", show(l), show(u)));
            }
        }
        // Whether a name is defined is compared where its value is not: function-like and
        // empty macros, and macros whose value probes work on this target (Linux defines other
        // architectures' ioctls everywhere, with argument types only their own `<asm/kvm.h>`
        // declares: unusable here, and not defined by uabi).
        let unusable: BTreeSet<&str> = dropped.iter().filter_map(|i| probes[*i].label.strip_prefix("value of ")).collect();
        for (k, name) in d.names.iter().enumerate() {
            if unusable.contains(name.as_str()) {
                continue;
            }
            let (l, u) = (linux_defined[k], uabi_defined[k]);
            c.names += 1;
            if l != u {
                let (l, u) = (["undefined", "defined"][l as usize], ["undefined", "defined"][u as usize]);
                report(format!("defined {name}"), format!(": Linux {l}, uabi {u}"));
            }
        }
        let compared_here = |label: &str| probes.iter().enumerate().any(|(i, p)| p.label == label && !dropped.contains(&i));
        c.records = d.records.iter().filter(|(r, _)| compared_here(&format!("size of {r}"))).count();
        c.members = d.records.iter().map(|(r, f)| f.iter().filter(|(p, _)| compared_here(&format!("offset of {r}.{p}")) || compared_here(&format!("bits of {r}.{p}"))).count()).sum();
        c.macros = d.macros.iter().filter(|m| compared_here(&format!("value of {m}"))).count();
        c.enumerators = d.enumerators.iter().filter(|m| compared_here(&format!("value of {m}"))).count();
        compared += c.numbers + c.names;
        summary.push(format!(
            "{target}: {} records ({} members), {} macros, {} enumerators, {} macro names defined alike ({} function-like); {} numbers compared; {} probes Linux's own header refuses here",
            c.records,
            c.members,
            c.macros,
            c.enumerators,
            c.names,
            d.function_macros.len(),
            c.numbers,
            c.not_linux
        ));
    }
    eprintln!("compared with Linux {}:\n  {}", sid.display(), summary.join("\n  "));
    // An allowed deviation that no longer happens anywhere is stale: say so by failing, so that
    // the list (and the module's documentation) stays true.
    for (t, label, why) in ALLOWED {
        let checked = TARGETS.iter().any(|(n, cc, _)| (*t == "*" || t == n) && common::installed(cc));
        if compared > 0 && checked && !used.iter().any(|(ut, ul)| (*t == "*" || t == ut) && ul.starts_with(label)) {
            failures.push(format!("the allowed deviation `{label}` ({why}) does not happen: remove it from ALLOWED and from kvm.rs's documentation"));
        }
    }
    assert!(failures.is_empty(), "{} differences from Linux 7.2:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{compared} numbers and names agree; documented deviations: {}", used.len());
}

/// The probes must be able to fail: a header that gets one offset, bit or value wrong, or
/// lacks a macro, is caught.
#[test]
fn a_wrong_member_value_or_name_is_caught() {
    let text = "struct s {\n\t__u32 a;\n\tunion {\n\t\t__u32 b;\n\t\tstruct { __u16 c : 3, d : 13; };\n\t} u[2];\n\t__u64 e[2];\n\t__DECLARE_FLEX_ARRAY(__u8, f);\n};\n#define S_X (1 << 3)\n#define S_F(x) (x)\n#define S_E\nenum { S_Y = 4, S_Z };\n";
    let d = declared(text);
    assert_eq!(d.macros, ["S_X"]);
    assert_eq!(d.names, ["S_X", "S_F", "S_E"]);
    assert_eq!(d.enumerators, ["S_Y", "S_Z"]);
    let fields: Vec<&str> = d.records[0].1.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(fields, ["a", "u", "u[0].b", "u[0].c", "u[0].d", "e", "f"]);
    assert_eq!(d.records[0].1[3].1, Some(3));
    assert_eq!(d.records[0].1[6].1, Some(0));
    if !common::installed("gcc") {
        eprintln!("skipping the compile: gcc is not installed");
        return;
    }
    let tmp = TempDir::new("kvm-dropin-wrong");
    let good = tmp.write("good/linux/kvm.h", text);
    let bad = tmp.write(
        "bad/linux/kvm.h",
        &text.replace("__u16 c : 3, d : 13", "__u16 d : 13, c : 3").replace("(1 << 3)", "(1UL << 4)").replace("#define S_F(x) (x)\n", ""),
    );
    let p = probes(&d);
    let root = |h: &Path| h.parent().unwrap().parent().unwrap().to_path_buf();
    let ((a, _), da) = compile("gcc", &[&root(&good)], &["linux/kvm.h"], &p, &d.names).unwrap();
    let ((b, _), db) = compile("gcc", &[&root(&bad)], &["linux/kvm.h"], &p, &d.names).unwrap();
    let differ: Vec<&str> = p.iter().enumerate().filter(|(i, _)| a[i] != b[i]).map(|(_, p)| p.label.as_str()).collect();
    assert_eq!(differ, ["value of S_X", "type of S_X", "bits of struct s.u[0].c", "bits of struct s.u[0].d"]);
    assert_eq!((&da[..3], &db[..3]), (&[1, 1, 1][..], &[1, 0, 1][..]), "S_F is defined in one and not the other");
}

/// A program may include Linux's own `<asm/kvm.h>` or `<linux/kvm.h>` and uabi's in either
/// order, as it may include two copies of one Linux header: the guards (`__LINUX_KVM_H`, and
/// `<asm/kvm.h>`'s per architecture, `_ASM_X86_KVM_H` ..) make the second a no-op.
#[test]
fn the_kvm_headers_include_together_with_linuxs() {
    let sid = match sid_headers() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIP: Linux's newest headers cannot be had: {why}");
            return;
        }
    };
    let ours = common::headers_dir();
    for &(target, cc, triple) in TARGETS {
        if !common::installed(cc) {
            eprintln!("skipping {target}: {cc} is not installed");
            continue;
        }
        let arch = sid.join(triple);
        let linux_asm = arch.join("asm/kvm.h");
        let linux_kvm = sid.join("linux/kvm.h");
        let orders = [
            format!("#include \"{}\"\n#include <linux/kvm.h>\n", linux_asm.display()),
            format!("#include <linux/kvm.h>\n#include \"{}\"\n", linux_asm.display()),
            format!("#include \"{}\"\n#include <linux/kvm.h>\n", linux_kvm.display()),
            format!("#include <linux/kvm.h>\n#include \"{}\"\n", linux_kvm.display()),
        ];
        for (k, src) in orders.iter().enumerate() {
            // Something from each header, so that a skipped body would not compile.
            let src = format!("{src}struct kvm_run r;\nstruct kvm_regs g;\nint x = KVM_RUN + KVM_API_VERSION;\n");
            let args = ["-std=gnu11", "-fsyntax-only", "-Wall", "-Werror", "-I"];
            let includes = [ours.as_path(), sid.as_path(), arch.as_path()];
            let mut cmd = Command::new(cc);
            cmd.args(&args[..4]);
            for i in includes {
                cmd.arg(format!("-I{}", i.display()));
            }
            let tmp = TempDir::new("kvm-together");
            let file = tmp.write("t.c", &src);
            let out = cmd.arg(&file).output().expect("the compiler runs");
            assert!(out.status.success(), "{target}, order {k}:\n{src}\n{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
