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
