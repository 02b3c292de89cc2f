//! Every header under the real compiler of twelve architectures.
//!
//! For each Debian cross compiler (each brings its architecture's own `<asm/ioctl.h>`,
//! `<linux/types.h>` and alignment rules):
//! - the layout-assert file of every module holds (size, alignment per family, every offset);
//! - a probe that includes the header holds: every ioctl macro equals the number uabi's
//!   `Ioctl::encode` computes for that architecture's encoding from the model (direction, type,
//!   number, model size of the argument), and every integer macro and enumerator equals the
//!   model's value.
//!
//! The negative tests prove the probes can fail: the wrong encoding, swapped numbers, a wrong
//! constant, a wrong offset, a wrong alignment for i386 or m68k are each refused.

mod common;

use std::fmt::Write as _;

use common::{c_equals, check_bit_probes, compile_source, installed_cross, integer_names, ioctl_number_in, ioctls_on, subjects, Arch, Subject};
use uabi::arch::{Encoding, Family, LayoutClass, ALL_ENCODINGS};
use uabi_model::ast::Abi;

const FLAGS: &[&str] = &["-std=gnu11", "-fsyntax-only", "-Wall", "-Wextra", "-Werror"];

/// The expected values a probe asserts.
struct Expect {
    ioctls: Vec<(String, u32)>,
    ints: Vec<(String, i128)>,
}

/// What `abi`'s header defines on `family`, its ioctl numbers in the encoding `enc`.
fn expect(abi: &Abi, family: Family, enc: Encoding) -> Expect {
    Expect {
        ioctls: ioctls_on(abi, family).map(|io| (io.name.to_string(), ioctl_number_in(abi, io, family, enc))).collect(),
        ints: integer_names(abi, family).into_iter().map(|(n, v, _)| (n, v)).collect(),
    }
}

/// A C file of `_Static_assert`s that `header`'s macros have the values of `e`.
fn probe(header: &str, what: &str, e: &Expect) -> String {
    let mut s = String::new();
    writeln!(s, "/* <{header}> as uabi computes it for {what}. */\n#include <{header}>\n").unwrap();
    for (name, value) in &e.ioctls {
        writeln!(s, "_Static_assert(({name}) == {value:#010x}u, \"{name} is {value:#010x} ({what})\");").unwrap();
    }
    for (name, value) in &e.ints {
        writeln!(s, "_Static_assert({}, \"{name} is {value}\");", c_equals(name, *value)).unwrap();
    }
    s
}

fn compile_probe(arch: &Arch, s: &Subject, e: &Expect, what: &str) -> Result<(), String> {
    compile_source(&arch.cc, FLAGS, &[&s.include_dir], "probe.c", &probe(s.name(), what, e))
}

/// The layout-check file of every header compiles to an object under each cross compiler
/// (every size, alignment and offset assert holds), and every bit probe in the object holds:
/// the compiler put each bitfield where the model says, on that architecture's byte order.
#[test]
fn layout_asserts_and_bit_probes_hold_on_every_architecture() {
    let arches = installed_cross();
    let subjects = subjects();
    let mut failures = Vec::new();
    let mut probes = 0;
    let object_flags: Vec<&str> = FLAGS.iter().copied().filter(|f| *f != "-fsyntax-only").collect();
    for arch in &arches {
        for s in &subjects {
            for file in s.layout_files() {
                match check_bit_probes(&arch.cc, &object_flags, &[&s.include_dir], file) {
                    Ok(n) => probes += n,
                    Err(e) => failures.push(format!("{} on {}:\n{e}", file.display(), arch.name)),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("layout asserts of {} modules and {probes} bit probes hold on: {}", subjects.len(), names(&arches));
}

#[test]
fn ioctl_numbers_and_constants_on_every_architecture() {
    let arches = installed_cross();
    let subjects = subjects();
    let mut failures = Vec::new();
    let mut asserted = 0;
    for arch in &arches {
        for s in &subjects {
            let e = expect(&s.abi, arch.family, arch.encoding);
            asserted += e.ioctls.len() + e.ints.len();
            if let Err(err) = compile_probe(arch, s, &e, &format!("{} ({})", arch.name, arch.encoding.name())) {
                failures.push(format!("<{}> on {}:\n{err}", s.name(), arch.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("{asserted} values asserted on: {}", names(&arches));
}

fn names(arches: &[Arch]) -> String {
    arches.iter().map(|a| a.name).collect::<Vec<_>>().join(", ")
}

/// The golden module, which has `_IO` and `_IOWR` ioctls.
fn golden(subjects: &[Subject]) -> &Subject {
    subjects.iter().find(|s| s.origin == common::GOLDEN).unwrap()
}

#[test]
fn a_probe_with_another_architectures_encoding_fails() {
    let arches = installed_cross();
    let subjects = subjects();
    let mut checked = 0;
    for arch in &arches {
        for s in &subjects {
            let right = expect(&s.abi, arch.family, arch.encoding);
            // The first other encoding that gives at least one ioctl of this module another
            // number (parisc and asm-generic agree on `_IO` and `_IOWR`, for example).
            let Some((enc, wrong)) = ALL_ENCODINGS
                .iter()
                .filter(|e| **e != arch.encoding)
                .map(|e| (*e, expect(&s.abi, arch.family, *e)))
                .find(|(_, w)| w.ioctls != right.ioctls)
            else {
                continue;
            };
            let what = format!("{} but with the {} encoding", arch.name, enc.name());
            let err = compile_probe(arch, s, &wrong, &what).expect_err(&format!("<{}> on {}: {what} must fail", s.name(), arch.name));
            let differing = wrong.ioctls.iter().zip(&right.ioctls).filter(|(w, r)| w != r);
            for ((name, _), _) in differing {
                assert!(err.contains(&format!("\"{name} is")), "{name} not reported on {}:\n{err}", arch.name);
            }
            checked += 1;
        }
    }
    if !arches.is_empty() {
        assert!(checked >= arches.len(), "each architecture should refuse at least one module's wrong numbers");
    }
}

#[test]
fn a_probe_with_swapped_numbers_or_a_wrong_constant_fails() {
    let arches = installed_cross();
    let Some(arch) = arches.first() else { return };
    let subjects = subjects();
    let s = golden(&subjects);
    let mut e = expect(&s.abi, arch.family, arch.encoding);
    compile_probe(arch, s, &e, arch.name).expect("the right numbers hold");

    // Swap the numbers of the _IO and the _IOWR ioctl.
    let io = e.ioctls.iter().position(|(n, _)| n == "EV_GET_INFO").unwrap();
    let iowr = e.ioctls.iter().position(|(n, _)| n == "EV_SET").unwrap();
    let (a, b) = (e.ioctls[io].1, e.ioctls[iowr].1);
    assert_ne!(a, b);
    (e.ioctls[io].1, e.ioctls[iowr].1) = (b, a);
    let err = compile_probe(arch, s, &e, "swapped").expect_err("swapped numbers must fail");
    assert!(err.contains("\"EV_GET_INFO is") && err.contains("\"EV_SET is"), "{err}");
    (e.ioctls[io].1, e.ioctls[iowr].1) = (a, b);

    // Each kind of integer name: a constant, a flag, a version size, an enumerator.
    for name in ["EV_BIG", "EV_FLAGS_HIGH", "EV_INFO_SIZE_VER1", "EV_STATE_RUNNING_P2P"] {
        let i = e.ints.iter().position(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is in the model"));
        e.ints[i].1 += 1;
        let err = compile_probe(arch, s, &e, "wrong constant").expect_err(&format!("a wrong {name} must fail"));
        assert!(err.contains(&format!("\"{name} is")), "{err}");
        e.ints[i].1 -= 1;
    }
}

#[test]
fn a_layout_file_with_one_number_changed_fails() {
    let arches = installed_cross();
    let subjects = subjects();
    let s = golden(&subjects);
    let text = std::fs::read_to_string(&s.layout_file).unwrap();

    // struct ev_info.state is at 12 everywhere.
    let offset = "offsetof(struct ev_info, state) == 12";
    assert!(text.contains(offset), "{}", s.layout_file.display());
    let wrong_offset = text.replace(offset, "offsetof(struct ev_info, state) == 16");
    // struct ev_set is 8-aligned, 4 on i386 and 2 on m68k (its __u64 flexible array).
    let align = "_Alignof(struct ev_set) == UABI_ALIGN(8, 4, 2)";
    assert!(text.contains(align), "{}", s.layout_file.display());
    let wrong_i386 = text.replace(align, "_Alignof(struct ev_set) == UABI_ALIGN(8, 8, 2)");
    let wrong_m68k = text.replace(align, "_Alignof(struct ev_set) == UABI_ALIGN(8, 4, 4)");

    for arch in &arches {
        let run = |src: &str| compile_source(&arch.cc, FLAGS, &[&s.include_dir], "layout.c", src);
        let err = run(&wrong_offset).expect_err(&format!("a wrong offset must fail on {}", arch.name));
        assert!(err.contains("offset of struct ev_info.state"), "{err}");
        assert_eq!(run(&wrong_i386).is_err(), arch.class == LayoutClass::I386, "i386 alignment on {}", arch.name);
        assert_eq!(run(&wrong_m68k).is_err(), arch.class == LayoutClass::M68k, "m68k alignment on {}", arch.name);
    }
}

/// A bit probe whose model bytes are wrong fails, on a little- and on a big-endian compiler:
/// the probes compare the compiler's bytes, so a wrong position cannot pass.
#[test]
fn a_wrong_bit_position_fails_the_probe() {
    let arches = installed_cross();
    let subjects = subjects();
    let s = golden(&subjects);
    let text = std::fs::read_to_string(&s.layout_file).unwrap();
    let start = text.find("uabi_bits_ev_bits_enabled").expect("the golden module has the probe");
    let end = start + text[start..].find("} };").unwrap();
    // `enabled` is bit 0 of the unit at offset 0: 0x80 on big-endian, 0x01 on little-endian.
    let probe = &text[start..end];
    assert!(probe.contains("[0] = 0x80") && probe.contains("[0] = 0x01"), "{probe}");
    let wrong = format!("{}{}{}", &text[..start], probe.replace("[0] = 0x80", "[0] = 0x40").replace("[0] = 0x01", "[0] = 0x02"), &text[end..]);
    let tmp = common::TempDir::new("wrong-bits");
    let file = tmp.write("wrong_layout.c", &wrong);
    let object_flags: Vec<&str> = FLAGS.iter().copied().filter(|f| *f != "-fsyntax-only").collect();
    let mut checked = Vec::new();
    for arch in arches.iter().filter(|a| matches!(a.name, "aarch64" | "s390x")) {
        let err = check_bit_probes(&arch.cc, &object_flags, &[&s.include_dir], &file).expect_err(&format!("a wrong bit position must fail on {}", arch.name));
        assert!(err.contains("uabi_bits_ev_bits_enabled"), "{}: {err}", arch.name);
        checked.push(arch.name);
    }
    eprintln!("a wrong bit position fails on: {}", checked.join(", "));
}
