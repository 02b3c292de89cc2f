//! The IR of `tests/lint/include/demo/ir.h` as libclang gives it: what `uabi import` will read.
//! Needs libclang (the test command installs it).

use std::path::{Path, PathBuf};

use super::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint/include")
}

fn header(name: &str) -> Header {
    Header { name: name.into(), path: root().join(name), below_root: true }
}

fn target(name: &str) -> &'static Target {
    TARGETS.iter().find(|t| t.name == name).unwrap()
}

fn ir(t: &str, macro_values: bool) -> HeaderIr {
    let parser = Parser::new().expect("libclang (scripts/test.sh installs libclang-dev)");
    parser.extract(&header("demo/ir.h"), &[root()], target(t), Options { macro_values, ..Options::default() }).unwrap()
}

fn record<'a>(ir: &'a HeaderIr, name: &str) -> (RecordId, &'a Record) {
    ir.records.iter().enumerate().find(|(_, r)| r.c_name().as_deref() == Some(name)).unwrap_or_else(|| panic!("no {name}"))
}

fn def(f: &Field) -> RecordId {
    match f.ty.kind {
        TypeKind::Record { def: Some(d), .. } => d,
        ref k => panic!("{:?}: not a record defined here: {k:?}", f.name),
    }
}

#[test]
fn records_fields_offsets_and_comments() {
    let ir = ir("x86_64", false);
    assert!(ir.problems.is_empty(), "{:?}", ir.problems);
    let (id, args) = record(&ir, "struct demo_ir_args");
    assert_eq!((args.size, args.align, args.kind), (Some(24), Some(8), RecordKind::Struct));
    assert_eq!(args.comment.as_deref(), Some("An ioctl's argument.\nSecond line."));
    assert_eq!(args.loc.line, 17);
    let names: Vec<Option<&str>> = args.fields.iter().map(|f| f.name.as_deref()).collect();
    assert_eq!(names, [Some("argsz"), Some("flags"), None, Some("bits"), Some("data")]);
    let offsets: Vec<Option<u64>> = args.fields.iter().map(|f| f.offset_bits).collect();
    assert_eq!(offsets, [Some(0), Some(32), Some(64), Some(128), Some(144)]);
    let flags = &args.fields[1];
    assert_eq!(flags.comment.as_deref(), Some("DEMO_IR_FLAG_*"), "a trailing comment");
    assert_eq!(flags.ty.typedefs, ["__u32"]);
    assert!(matches!(flags.ty.kind, TypeKind::Int(Int::UInt)));
    assert_eq!((flags.loc.line, flags.loc.column), (19, 8));

    // The anonymous union: a field without a name, whose record is this one's child.
    let u = &ir.records[def(&args.fields[2])];
    assert_eq!((u.kind, u.tag.as_deref(), u.parent, u.size), (RecordKind::Union, None, Some(id), Some(8)));
    assert_eq!(u.fields[0].name.as_deref(), Some("addr"));
    let inner = &ir.records[def(&u.fields[1])];
    let inner_names: Vec<_> = inner.fields.iter().map(|f| (f.name.as_deref(), f.offset_bits)).collect();
    assert_eq!(inner_names, [(Some("lo"), Some(0)), (Some("hi"), Some(32))], "offsets are from the record declaring them");

    // A named member of an unnamed type, with bit-fields and an unnamed one.
    let bits = &ir.records[def(&args.fields[3])];
    let widths: Vec<_> = bits.fields.iter().map(|f| (f.name.as_deref(), f.bit_width, f.offset_bits)).collect();
    assert_eq!(widths, [(Some("a"), Some(3), Some(0)), (None, Some(5), Some(3)), (Some("b"), Some(8), Some(8))]);

    // A flexible array member.
    match &args.fields[4].ty.kind {
        TypeKind::Array { elem, len: None } => assert_eq!(elem.typedefs, ["__u8"]),
        k => panic!("{k:?}"),
    }

    let (_, pair) = record(&ir, "demo_ir_pair_t");
    assert_eq!((pair.tag.as_deref(), pair.typedef_name.as_deref()), (None, Some("demo_ir_pair_t")));
    assert!(ir.typedefs.iter().any(|t| t.name == "demo_ir_pair_t"));
}

#[test]
fn enums_and_macros() {
    let ir = ir("x86_64", true);
    let e = ir.enums.iter().find(|e| e.tag.as_deref() == Some("demo_ir_kind")).unwrap();
    let values: Vec<_> = e.values.iter().map(|v| (v.name.as_str(), v.value, v.comment.as_deref())).collect();
    assert_eq!(values, [("DEMO_IR_KIND_A", 1, None), ("DEMO_IR_KIND_B", -1, Some("negative"))]);

    let m = |name: &str| ir.macros.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no {name}"));
    assert_eq!(m("DEMO_IR_TYPE").value, Some(MacroValue { value: 'I' as i128, unsigned: false }));
    let a = m("DEMO_IR_FLAG_A");
    assert_eq!((a.body.as_str(), a.value, a.comment.as_deref()), ("(1U << 0)", Some(MacroValue { value: 1, unsigned: true }), Some("The first flag.")));
    assert_eq!(m("DEMO_IR_FLAG_B").comment.as_deref(), Some("the second flag"));
    assert_eq!(m("DEMO_IR_NEG").value, Some(MacroValue { value: -2, unsigned: false }));
    let max = m("DEMO_IR_MAX");
    assert_eq!((max.params.as_deref(), max.value), (Some(&["a".to_string(), "b".to_string()][..]), None));
    assert_eq!(m("_DEMO_IR_H").body, "");

    let get = m("DEMO_IR_GET");
    let io = get.ioctl.as_ref().unwrap();
    assert_eq!((io.op.as_str(), io.args.as_slice()), ("_IOR", ["DEMO_IR_TYPE".to_string(), "1".into(), "struct demo_ir_args".into()].as_slice()));
    // asm-generic: read is 2 << 30, the size (24) at bit 16.
    assert_eq!(get.value, Some(MacroValue { value: 0x8018_4901, unsigned: true }));
    assert_eq!(m("DEMO_IR_SET").ioctl.as_ref().map(|i| i.op.as_str()), Some("_IOW"));
}

#[test]
fn macro_values_are_the_targets_own() {
    // powerpc encodes ioctls with 3 direction bits (read is 2 << 29); its <asm/ioctl.h> comes
    // with Debian's cross libc, which the test command installs.
    if !Path::new("/usr/powerpc-linux-gnu/include/asm/ioctl.h").exists() {
        eprintln!("skipping: powerpc's <asm/ioctl.h> is not installed (scripts/test.sh installs gcc-powerpc-linux-gnu)");
        return;
    }
    let ir = ir("powerpc", true);
    let get = ir.macros.iter().find(|m| m.name == "DEMO_IR_GET").unwrap();
    assert_eq!(get.value, Some(MacroValue { value: 0x4018_4901, unsigned: true }));
}

#[test]
fn macro_values_only_when_asked() {
    let ir = ir("x86_64", false);
    assert!(ir.macros.iter().all(|m| m.value.is_none()));
}

#[test]
fn a_header_that_does_not_compile_has_problems() {
    let dir = std::env::temp_dir().join(format!("uabi-ir-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.h"), "struct broken { unknown_t x; };\n").unwrap();
    let h = Header { name: "broken.h".into(), path: dir.join("broken.h"), below_root: true };
    let ir = Parser::new().unwrap().extract(&h, std::slice::from_ref(&dir), target("x86_64"), Options::default()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(ir.problems.len(), 1, "{:?}", ir.problems);
    assert!(ir.problems[0].in_header && ir.problems[0].message.contains("unknown_t"), "{:?}", ir.problems);
}

#[test]
fn a_multiarch_root_gives_each_target_its_asm() {
    let args = extract::arguments(&[root()], target("mips"));
    let expected = format!("-I{}", root().join("mips-linux-gnu").display());
    assert!(args.contains(&expected), "{args:?}");
    assert!(args.iter().any(|a| a == "mips-linux-gnu"), "the clang triple: {args:?}");
    // A root without the target's asm/ adds nothing.
    let plain = std::env::temp_dir();
    assert_eq!(extract::arguments(std::slice::from_ref(&plain), target("mips")).iter().filter(|a| a.starts_with("-I")).count(), 1);
}

/// What import asks beyond lint: each sized ioctl's argument type, where a record ends (so that
/// macros inside it are its field's flags), and records of other headers used by value.
#[test]
fn ioctl_arguments_and_record_ends() {
    let parser = Parser::new().unwrap();
    let ir = parser.extract(&header("demo/ir.h"), &[root()], target("x86_64"), Options { macro_values: true, external_records: true }).unwrap();
    let m = |name: &str| ir.macros.iter().find(|m| m.name == name).unwrap();
    let get = m("DEMO_IR_GET").ioctl.as_ref().and_then(|i| i.arg.as_ref()).expect("the argument's type");
    assert!(matches!(&get.kind, TypeKind::Record { tag: Some(t), def: Some(_), .. } if t == "demo_ir_args"), "{get:?}");
    let set = m("DEMO_IR_SET").ioctl.as_ref().and_then(|i| i.arg.as_ref()).unwrap();
    assert!(matches!(set.kind, TypeKind::Int(Int::UInt)) && set.size == Some(4), "{set:?}");
    let (_, args) = record(&ir, "struct demo_ir_args");
    let body = &ir.text[args.loc.offset as usize..args.end as usize];
    assert!(body.starts_with("demo_ir_args {") && body.trim_end().ends_with('}') && body.contains("__u8 data[];"), "{body}");
    assert!(ir.records.iter().all(|r| r.file.is_none()), "demo/ir.h uses no record of another header");
}

#[test]
fn records_of_other_headers_are_read_only_when_asked_with_the_include_that_brings_them() {
    let dir = std::env::temp_dir().join(format!("uabi-ir-external-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::write(dir.join("x/b.h"), "struct b { unsigned int x; };\ntypedef struct b b_t;\n").unwrap();
    std::fs::write(dir.join("x/c.h"), "#include <x/b.h>\n").unwrap();
    std::fs::write(dir.join("a.h"), "#include <x/c.h>\nstruct a { struct b inner; b_t *p; };\n").unwrap();
    let h = Header { name: "a.h".into(), path: dir.join("a.h"), below_root: true };
    let parser = Parser::new().unwrap();
    let asked = parser.extract(&h, std::slice::from_ref(&dir), target("x86_64"), Options { macro_values: false, external_records: true }).unwrap();
    let plain = parser.extract(&h, std::slice::from_ref(&dir), target("x86_64"), Options::default()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let (_, b) = record(&asked, "struct b");
    assert_eq!((b.file.as_ref().map(|f| f.ends_with("x/b.h")), b.included_as.as_deref()), (Some(true), Some("x/c.h")), "named by a.h's own include");
    let (_, a) = record(&asked, "struct a");
    assert!(matches!(&a.fields[1].ty.kind, TypeKind::Pointer { pointee_via: Some(v), .. } if v == "x/c.h"), "{:?}", a.fields[1].ty);
    assert!(plain.records.iter().all(|r| r.file.is_none()) && plain.records.len() == 1, "lint reads the header's own only");
}

#[test]
fn one_parse_with_another_targets_probes_gives_the_same_values() {
    let parser = Parser::new().unwrap();
    let options = Options { macro_values: true, external_records: true };
    let x86 = parser.extract(&header("demo/ir.h"), &[root()], target("x86_64"), options).unwrap();
    let full = parser.extract(&header("demo/ir.h"), &[root()], target("aarch64"), options).unwrap();
    let like = parser.extract_like(&header("demo/ir.h"), &[root()], target("aarch64"), options, &x86, true).unwrap();
    let values = |ir: &HeaderIr| ir.macros.iter().map(|m| (m.name.clone(), m.value)).collect::<Vec<_>>();
    assert_eq!(values(&like), values(&full));
    assert!(values(&like).iter().filter(|(_, v)| v.is_some()).count() >= 6);
}

#[test]
fn included_files_are_every_file_a_main_file_includes() {
    let files = Parser::new().unwrap().included_files("#include <demo/ir.h>\n", &[root()], target("x86_64")).unwrap();
    for f in ["demo/ir.h", "demo/types.h"] {
        assert!(files.contains(&root().join(f).canonicalize().unwrap()), "{f}: {files:?}");
    }
}
