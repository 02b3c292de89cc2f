//! The headers read back by libclang (through bindgen) have the model's layout, target by target.
//!
//! For each target, bindgen parses every header with that target's `<linux/types.h>` and
//! `<asm/..>` (Debian's cross sysroots under `/usr/<triple>/include`) and emits its layout tests;
//! this test reads the size, alignment and field offsets out of those tests and compares them
//! with the model: size and offsets are the same everywhere, alignment is the model's for the
//! target's family (i386 aligns 64-bit integers to 4). Anonymous unions and structs, which
//! bindgen names `parent__bindgen_ty_N`, are checked by their size, alignment and members.
//! Integer macros that bindgen evaluates must have the model's value.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use common::{integer_names, IntKind, Subject, TempDir};
use uabi::arch::{Family, LayoutClass};
use uabi_model::ast::{Abi, FieldType, Record};

/// A target: clang's triple, Debian's multiarch directory, and the architecture in
/// `uabi::arch::ARCHES` (its family and layout class).
struct Target {
    triple: &'static str,
    multiarch: &'static str,
    arch: &'static str,
}

impl Target {
    fn family(&self) -> Family {
        uabi::arch::arch_named(self.arch).expect("an architecture of the table").family
    }

    fn class(&self) -> LayoutClass {
        uabi::arch::arch_named(self.arch).expect("an architecture of the table").class
    }
}

const TARGETS: &[Target] = &[
    Target { triple: "x86_64-unknown-linux-gnu", multiarch: "x86_64-linux-gnu", arch: "x86_64" },
    Target { triple: "i686-unknown-linux-gnu", multiarch: "i686-linux-gnu", arch: "i386" },
    Target { triple: "aarch64-unknown-linux-gnu", multiarch: "aarch64-linux-gnu", arch: "aarch64" },
    Target { triple: "armv7-unknown-linux-gnueabihf", multiarch: "arm-linux-gnueabihf", arch: "arm" },
    Target { triple: "s390x-unknown-linux-gnu", multiarch: "s390x-linux-gnu", arch: "s390x" },
];

/// The include directory holding the target's `<asm/..>`: the cross sysroot, or none needed
/// when the host's multiarch directory is the target's. `None`: the target cannot be parsed.
fn sysroot(t: &Target) -> Option<Option<PathBuf>> {
    let cross = PathBuf::from(format!("/usr/{}/include", t.multiarch));
    if cross.join("asm/ioctl.h").exists() {
        return Some(Some(cross));
    }
    if Path::new(&format!("/usr/include/{}/asm/ioctl.h", t.multiarch)).exists() {
        return Some(None);
    }
    None
}

/// Whether libclang can be loaded; bindgen panics when it cannot.
fn libclang_available() -> bool {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ok = std::panic::catch_unwind(bindgen::clang_version).is_ok();
    std::panic::set_hook(hook);
    ok
}

/// bindgen's output for `header` on `target`.
fn bindgen(header: &Path, includes: &[&Path], target: &Target, sysroot: Option<&Path>) -> Result<String, String> {
    // libclang is loaded per thread by bindgen; one parse at a time keeps it simple.
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let mut b = bindgen::Builder::default()
        .header(header.display().to_string())
        .clang_arg(format!("--target={}", target.triple))
        .layout_tests(true)
        .formatter(bindgen::Formatter::None);
    if let Some(s) = sysroot {
        b = b.clang_arg(format!("-I{}", s.display()));
    }
    for i in includes {
        b = b.clang_arg(format!("-I{}", i.display()));
    }
    b.generate().map(|g| g.to_string()).map_err(|e| format!("bindgen on {} for {}: {e}", header.display(), target.triple))
}

/// What bindgen's layout tests say.
#[derive(Default, Debug)]
struct Bound {
    /// Type -> size.
    size: BTreeMap<String, u64>,
    /// Type -> alignment.
    align: BTreeMap<String, u64>,
    /// (Type, field) -> offset.
    offset: BTreeMap<(String, String), u64>,
    /// `pub const NAME: T = V;` with integer V.
    consts: BTreeMap<String, i128>,
}

/// Parses bindgen's layout tests: `["Size of T"][::std::mem::size_of::<T>() - 16usize];`,
/// `["Alignment of T"][..]` and `["Offset of field: T::f"][::std::mem::offset_of!(T, f) - 8usize];`
/// (unformatted, so with whitespace anywhere between tokens), and its integer constants.
fn parse_bindgen(text: &str) -> Bound {
    let mut b = Bound::default();
    let mut rest = text;
    while let Some(i) = rest.find("[\"") {
        rest = &rest[i + 2..];
        let Some(end) = rest.find("\"]") else { break };
        let label = &rest[..end];
        rest = &rest[end + 2..];
        // `[::std::mem::size_of::<T>() - 16usize]`: the index expression holds no brackets.
        let Some(body) = rest.trim_start().strip_prefix('[') else { continue };
        let Some(stop) = body.find(']') else { break };
        let expr: String = body[..stop].split_whitespace().collect();
        let value = expr.rsplit_once('-').and_then(|(_, n)| n.strip_suffix("usize")).and_then(|n| n.parse::<u64>().ok());
        let Some(value) = value else { continue };
        if let Some(ty) = label.strip_prefix("Size of ") {
            b.size.insert(ty.to_string(), value);
        } else if let Some(ty) = label.strip_prefix("Alignment of ") {
            b.align.insert(ty.to_string(), value);
        } else if let Some(tf) = label.strip_prefix("Offset of field: ") {
            if let Some((ty, f)) = tf.split_once("::") {
                b.offset.insert((ty.to_string(), f.to_string()), value);
            }
        }
    }
    for decl in text.split("pub const ").skip(1) {
        let decl = decl.split(';').next().unwrap_or("");
        let Some((name, rest)) = decl.split_once(':') else { continue };
        let Some((_, value)) = rest.split_once('=') else { continue };
        let value: String = value.split_whitespace().collect(); // `- 1` unformatted
        // `59u8`, `1099511627776`, `-1`: digits then an optional type suffix.
        let numeric: String = value.chars().enumerate().take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '-')).map(|(_, c)| c).collect();
        if let Ok(v) = numeric.parse::<i128>() {
            b.consts.insert(name.trim().to_string(), v);
        }
    }
    b
}

/// The name bindgen gives a C field: Rust keywords get a trailing `_`.
fn field_names(c_name: &str) -> [String; 2] {
    [c_name.to_string(), format!("{c_name}_")]
}

/// Compares record `r` (bindgen type `ty`) on target `t` with what bindgen says; one line
/// per mismatch.
fn compare_record(abi: &Abi, r: &Record, ty: &str, t: &Target, b: &Bound, out: &mut Vec<String>) {
    let Some(l) = abi.layouts.on(r.id, t.family()) else { return };
    match b.size.get(ty) {
        Some(&s) if s == l.size => {}
        Some(&s) => out.push(format!("size of {ty}: bindgen {s}, model {}", l.size)),
        None => out.push(format!("size of {ty}: no layout test from bindgen")),
    }
    let want = l.align.get(t.class()).expect("a layout has the classes of its families");
    match b.align.get(ty) {
        Some(&a) if a == want => {}
        Some(&a) => out.push(format!("alignment of {ty}: bindgen {a}, model {want} ({:?})", t.class())),
        None => out.push(format!("alignment of {ty}: no layout test from bindgen")),
    }
    let mut anon = 0;
    for (k, f) in r.fields.iter().enumerate() {
        let Some(fl) = l.slot(k) else { continue };
        if !f.bits.is_empty() {
            // bindgen keeps a bitfield unit as an opaque `_bitfield_N`; the bit probes of the
            // layout-check files test every position under each C compiler.
            continue;
        }
        let untagged = match (&f.ty, fl.record) {
            (FieldType::Named(_), Some(id)) => Some(abi.record_by_id(id)).filter(|inner| inner.anonymous),
            _ => None,
        };
        if let Some(inner) = untagged {
            // bindgen names the C type `{ty}__bindgen_ty_N`; an anonymous member's field is
            // `__bindgen_anon_N`, whose offset bindgen does not test (the C layout asserts do).
            anon += 1;
            if !f.anonymous {
                offset(ty, &f.c_name, fl.offset, b, out);
            }
            compare_record(abi, inner, &format!("{ty}__bindgen_ty_{anon}"), t, b, out);
            continue;
        }
        if let Some(int) = f.pointer_int_name() {
            // A `c_pointer` field is an anonymous union of the pointer and the integer: both
            // at its start, and the union as large as the field on every target.
            anon += 1;
            let union = format!("{ty}__bindgen_ty_{anon}");
            match b.size.get(&union) {
                Some(&s) if s == fl.size => {}
                other => out.push(format!("size of {union} (`{}`): bindgen {other:?}, model {}", f.c_name, fl.size)),
            }
            for member in [f.c_name.clone(), int] {
                let got = field_names(&member).iter().find_map(|n| b.offset.get(&(union.clone(), n.clone())).copied());
                if got != Some(0) {
                    out.push(format!("offset of {union}.{member}: bindgen {got:?}, model 0"));
                }
            }
            continue;
        }
        offset(ty, &f.c_name, fl.offset, b, out);
    }
}

fn offset(ty: &str, field: &str, want: u64, b: &Bound, out: &mut Vec<String>) {
    let got = field_names(field).iter().find_map(|n| b.offset.get(&(ty.to_string(), n.clone())).copied());
    match got {
        Some(o) if o == want => {}
        Some(o) => out.push(format!("offset of {ty}.{field}: bindgen {o}, model {want}")),
        None => out.push(format!("offset of {ty}.{field}: no layout test from bindgen")),
    }
}

/// Every mismatch between bindgen's reading of `s`'s header on `target` and the model.
fn compare(abi: &Abi, b: &Bound, t: &Target) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut records = 0;
    for r in common::records(abi).filter(|r| r.place.arch.contains(t.family())) {
        compare_record(abi, r, &r.c_name, t, b, &mut out);
        records += 1;
    }
    for (name, value, kind) in integer_names(abi, t.family()) {
        if kind == IntKind::Enumerator {
            continue; // bindgen names them `enum_NAME`; the cross-compiler probes check them
        }
        match b.consts.get(&name) {
            Some(&got) if got == value => {}
            // bindgen's evaluator (cexpr) computes `~0U` in a signed 64-bit integer (-1): accept
            // it when the bits of the model's 32-bit value agree.
            Some(&got) if got < 0 && (0..=u32::MAX as i128).contains(&value) && got & u32::MAX as i128 == value => {}
            // ... and a 64-bit unsigned value above `i64::MAX` (`0xffffffffULL << 32`) as its
            // two's complement.
            Some(&got) if got < 0 && value > i64::MAX as i128 && got + (1i128 << 64) == value => {}
            Some(&got) => out.push(format!("{name}: bindgen {got}, model {value}")),
            None => out.push(format!("{name}: bindgen did not evaluate it")),
        }
    }
    (out, records)
}

fn run(subject: &Subject, header: &Path, extra_include: Option<&Path>, target: &Target, sysroot: Option<&Path>) -> Result<(Vec<String>, usize), String> {
    let mut includes: Vec<&Path> = extra_include.into_iter().collect();
    includes.push(&subject.include_dir);
    let text = bindgen(header, &includes, target, sysroot)?;
    Ok(compare(&subject.abi, &parse_bindgen(&text), target))
}

fn ready() -> bool {
    if !libclang_available() {
        eprintln!("skipping: libclang is not found (install libclang-dev, or set LIBCLANG_PATH)");
        return false;
    }
    true
}

#[test]
fn bindgen_reads_the_model_layout_on_every_target() {
    if !ready() {
        return;
    }
    let subjects = common::subjects();
    let mut failures = Vec::new();
    let mut ran = Vec::new();
    for t in TARGETS {
        let Some(sysroot) = sysroot(t) else {
            eprintln!("skipping {}: no <asm/ioctl.h> under /usr/{}/include (install its cross compiler's libc dev package)", t.triple, t.multiarch);
            continue;
        };
        let mut records = 0;
        for s in &subjects {
            match run(s, &s.header_path, None, t, sysroot.as_deref()) {
                Ok((mismatches, n)) => {
                    records += n;
                    failures.extend(mismatches.into_iter().map(|m| format!("{} <{}>: {m}", t.triple, s.name())));
                }
                Err(e) => failures.push(e),
            }
        }
        ran.push(format!("{} ({records} records)", t.triple));
    }
    assert!(failures.is_empty(), "{} mismatch(es):\n{}", failures.len(), failures.join("\n"));
    eprintln!("bindgen agrees with the model on: {}", ran.join(", "));
}

/// A copy of `subject`'s header with `edit` applied, in a directory searched first.
fn edited(subject: &Subject, edit: impl Fn(&str) -> String) -> (TempDir, PathBuf) {
    let text = std::fs::read_to_string(&subject.header_path).unwrap();
    let new = edit(&text);
    assert_ne!(new, text, "the edit changed nothing");
    let tmp = TempDir::new("bindgen-edit");
    let path = tmp.write(subject.abi.header(), &new);
    (tmp, path)
}

#[test]
fn a_changed_header_is_reported() {
    if !ready() {
        return;
    }
    let subjects = common::subjects();
    let golden = subjects.iter().find(|s| s.origin == common::GOLDEN).unwrap();
    let x86_64 = &TARGETS[0];
    let i686 = &TARGETS[1];

    // A field grown: the offset of the next field and the size change, everywhere; the size
    // differently on i386, where the struct stays 4-aligned and so gets no tail padding.
    let (tmp, header) = edited(golden, |t| t.replacen("__u32 cap_offset;", "__u64 cap_offset;", 1));
    for (t, size) in [(x86_64, 40), (i686, 36)] {
        let Some(sysroot) = sysroot(t) else { continue };
        let (m, _) = run(golden, &header, Some(tmp.path()), t, sysroot.as_deref()).unwrap();
        assert!(m.iter().any(|m| m == &format!("size of ev_info: bindgen {size}, model 32")), "{}: {m:#?}", t.triple);
        assert!(m.iter().any(|m| m.contains("offset of ev_info.pad")), "{}: {m:#?}", t.triple);
    }

    // A union member grown: caught through the anonymous union's own layout.
    let (tmp, header) = edited(golden, |t| t.replacen("__u32 devid;", "__u64 devid;", 1));
    let Some(host) = sysroot(x86_64) else { return };
    let (m, _) = run(golden, &header, Some(tmp.path()), x86_64, host.as_deref()).unwrap();
    assert!(m.iter().any(|m| m.contains("size of ev_info__bindgen_ty_1: bindgen 8, model 4")), "{m:#?}");

    // `__aligned_u64` where the model has `__u64`: only i386 changes (alignment 8, model 4).
    let (tmp, header) = edited(golden, |t| t.replacen("__u64 data[];", "__aligned_u64 data[];", 1));
    let (m, _) = run(golden, &header, Some(tmp.path()), x86_64, host.as_deref()).unwrap();
    assert_eq!(m, Vec::<String>::new(), "x86_64 aligns __u64 to 8 either way");
    if let Some(sysroot) = sysroot(i686) {
        let (m, _) = run(golden, &header, Some(tmp.path()), i686, sysroot.as_deref()).unwrap();
        assert_eq!(m, vec!["alignment of ev_set: bindgen 8, model 4 (I386)".to_string()]);
    }

    // A wrong constant.
    let (tmp, header) = edited(golden, |t| t.replacen("(1ULL << 40)", "(1ULL << 41)", 1));
    let (m, _) = run(golden, &header, Some(tmp.path()), x86_64, host.as_deref()).unwrap();
    assert_eq!(m, vec![format!("EV_BIG: bindgen {}, model {}", 1u64 << 41, 1u64 << 40)]);
}
