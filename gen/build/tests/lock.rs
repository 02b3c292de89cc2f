//! The ABI lock through the build API: every refusal and acceptance of the check, each from a
//! pair of small definitions (the locked one and a changed one) written to a temporary
//! directory, and the lock file's own bad inputs.
//!
//! Each changed definition is the base below with one edit; the expected messages are written
//! here from the rules, not copied from the check's output.

mod common;

use common::TempDir;
use uabi_build::{Builder, Class, CompatReport, Error};

/// The locked ABI: an argsz struct with flags and two versions, a plain struct, a union, an
/// enum, constants and ioctls in two namespaces.
const BASE: &str = include_str!("fixtures/demo.rs");

/// The base with `from` replaced by `to` (which must occur once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(BASE.matches(from).count(), 1, "the edit `{from}` must match the base once");
    BASE.replace(from, to)
}

/// Locks `old` (recording `renames`), then checks `new` against that lock.
fn check_with(old: &str, new: &str, renames: &[(&str, &str)]) -> CompatReport {
    let dir = TempDir::new("lock");
    let (old_rs, new_rs, lock) = (dir.join("old.rs"), dir.join("new.rs"), dir.join("abi.lock.json"));
    std::fs::write(&old_rs, old).unwrap();
    std::fs::write(&new_rs, new).unwrap();
    let builder = renames.iter().fold(Builder::new().file(&old_rs), |b, (o, n)| b.rename(*o, *n));
    builder.write_lock(&lock).unwrap();
    let before = std::fs::read(&lock).unwrap();
    let report = Builder::new().file(&new_rs).check_lock(&lock).unwrap();
    assert_eq!(std::fs::read(&lock).unwrap(), before, "the check wrote the lock");
    report
}

fn check(new: &str) -> CompatReport {
    check_with(BASE, new, &[])
}

/// Every line of the report, for failure messages.
fn lines(r: &CompatReport) -> String {
    r.changes.iter().map(|c| format!("  {c}\n")).collect()
}

/// Asserts the check refuses and that one refused change reads `expected` (class, module,
/// item, field and what changed, as `Display` writes them).
#[track_caller]
fn refuses(r: &CompatReport, expected: &str) {
    assert!(!r.is_compatible(), "the check accepted the change:\n{}", lines(r));
    assert!(r.refused().any(|c| c.to_string().lines().next() == Some(expected)), "no refused change reads\n  {expected}\nthe report:\n{}", lines(r));
}

/// Asserts the check accepts and lists `expected` among its changes.
#[track_caller]
fn accepts(r: &CompatReport, expected: &str) {
    assert!(r.is_compatible(), "the check refused:\n{}", lines(r));
    assert!(r.changes.iter().any(|c| c.to_string() == expected), "no change reads\n  {expected}\nthe report:\n{}", lines(r));
}

// ---------------------------------------------------------------------------------------------
// Refused: incompatible
// ---------------------------------------------------------------------------------------------

#[test]
fn field_removed() {
    // `label` takes the byte so that the struct keeps a size the model accepts.
    let r = check(&edit("        pub devfn: u8,\n        pub label: [u8; 8],", "        pub label: [u8; 9],"));
    refuses(&r, "incompatible: demo: struct demo_dep, field `devfn`: removed (was offset 7, size 1, __u8)");
}

#[test]
fn field_moved() {
    let r = check(&edit("        pub bus: u8,\n        pub devfn: u8,\n", "        pub devfn: u8,\n        pub bus: u8,\n"));
    refuses(&r, "incompatible: demo: struct demo_dep, field `bus`: moved: offset 6 -> 7");
    refuses(&r, "incompatible: demo: struct demo_dep, field `devfn`: moved: offset 7 -> 6");
}

#[test]
fn field_resized_and_struct_grows_without_version() {
    let r = check(&edit("pub label: [u8; 8],", "pub label: [u8; 16],"));
    refuses(&r, "incompatible: demo: struct demo_dep, field `label`: resized: 8 -> 16 bytes");
    refuses(&r, "incompatible: demo: struct demo_dep: version 1 size 16 -> 24");
}

#[test]
fn field_retyped() {
    let r = check(&edit("pub segment: u16,", "pub segment: i16,"));
    refuses(&r, "incompatible: demo: struct demo_dep, field `segment`: retyped: __u16 -> __s16");
}

#[test]
fn struct_shrinks() {
    let r = check(&edit("pub label: [u8; 8],", "pub label: [u8; 4],"));
    refuses(&r, "incompatible: demo: struct demo_dep: size 16 -> 12 (shrinks)");
}

#[test]
fn alignment_changes_on_i386_and_m68k() {
    // Without `aligned`, a u64 is 4-aligned on i386 and 2-aligned on m68k.
    let r = check(&edit("#[uabi(since = 2, aligned)]", "#[uabi(since = 2)]"));
    refuses(&r, "incompatible: demo: struct demo_info: alignment (i386) 8 -> 4");
    refuses(&r, "incompatible: demo: struct demo_info: alignment (m68k) 8 -> 2");
    refuses(&r, "incompatible: demo: struct demo_info, field `base`: retyped: __aligned_u64 -> __u64");
}

#[test]
fn struct_packed() {
    // Same offsets and size (u32 then u16, u8, u8): only the alignment, 4 -> 1, and the key.
    let r = check(&edit("    pub struct DemoDep {", "    #[uabi(packed)]\n    pub struct DemoDep {"));
    refuses(&r, "incompatible: demo: struct demo_dep: alignment (natural) 4 -> 1");
    refuses(&r, "incompatible: demo: struct demo_dep: packed false -> true");
}

#[test]
fn union_grows() {
    let r = check(&edit("        pub group_id: u32,\n        pub devid: u32,\n", "        pub group_id: [u32; 2],\n        pub devid: [u32; 2],\n"));
    refuses(&r, "incompatible: demo: union demo_owner: size 4 -> 8 (a union does not grow)");
    refuses(&r, "incompatible: demo: struct demo_dep, field `owner`: resized: 4 -> 8 bytes");
}

#[test]
fn field_inserted_before_the_end() {
    let r = check(&edit("        pub num_regions: u32,\n", "        pub num_regions: u32,\n        pub num_irqs: u32,\n        pub num_dmas: u32,\n"));
    refuses(&r, "incompatible: demo: struct demo_info, field `num_irqs`: inserted at offset 12, inside the locked 24 bytes (fields are only appended)");
    refuses(&r, "incompatible: demo: struct demo_info, field `cap_offset`: moved: offset 12 -> 20");
}

#[test]
fn field_appended_without_new_version() {
    let r = check(&edit("        pub base: u64,\n", "        pub base: u64,\n        #[uabi(since = 2, aligned)]\n        pub limit: u64,\n"));
    refuses(
        &r,
        "incompatible: demo: struct demo_info, field `limit`: added at the end in version 2, which the lock already has (newest locked version 2): add it with `#[uabi(since = 3)]`",
    );
    refuses(&r, "incompatible: demo: struct demo_info: version 2 size 24 -> 32");
}

#[test]
fn existing_version_size_changed() {
    // `cap_offset` moved into version 1: version 1 grows from 12 to 16 bytes.
    let r = check(&edit("        #[uabi(since = 2)]\n        pub cap_offset: u32,", "        pub cap_offset: u32,"));
    refuses(&r, "incompatible: demo: struct demo_info: version 1 size 12 -> 16");
    refuses(&r, "incompatible: demo: struct demo_info, field `cap_offset`: version 2 -> 1");
}

#[test]
fn version_number_lowered() {
    let r = check(&edit("    pub struct DemoInfo {", "    #[uabi(first_version = 0)]\n    pub struct DemoInfo {"));
    refuses(&r, "incompatible: demo: struct demo_info: version 0 added below the newest locked version 2 (version numbers only ascend)");
    refuses(&r, "incompatible: demo: struct demo_info: version 1 (size 12) removed");
}

#[test]
fn size_policy_changed() {
    let r = check(&edit("    pub struct DemoInfo {", "    #[uabi(output)]\n    pub struct DemoInfo {"));
    refuses(&r, "incompatible: demo: struct demo_info: size policy `output` none -> true");
    // The size field is policy too: a struct that stops being argsz-tagged.
    let r = check(&edit("        pub argsz: u32,\n", "        pub length: u32,\n"));
    refuses(&r, "incompatible: demo: struct demo_info: size policy `size_field` `argsz` -> none");
    // The same size field read with copy_struct_from_user's rules instead of VFIO's.
    let r = check(&edit("    pub struct DemoInfo {", "    #[uabi(policy = sized_field)]\n    pub struct DemoInfo {"));
    refuses(&r, "incompatible: demo: struct demo_info: size policy `size_policy` `argsz` -> `sized_field`");
}

#[test]
fn field_becomes_reserved() {
    let r = check(&edit("        pub num_regions: u32,", "        #[uabi(reserved)]\n        pub num_regions: u32,"));
    refuses(&r, "incompatible: demo: struct demo_info, field `num_regions`: now reserved: decoders refuse a non-zero value that they accepted");
}

#[test]
fn ioctl_number_changed_per_encoding() {
    let r = check(&edit("io!(DEMO_TYPE, 1)", "io!(DEMO_TYPE, 3)"));
    // _IO(D, 1): asm-generic 0x4401; powerpc, mips, alpha and sparc set their NONE bit
    // (0x20000000); parisc is asm-generic's layout.
    refuses(&r, "incompatible: demo: ioctl DEMO_RESET: number (asm-generic) 0x00004401 -> 0x00004403");
    refuses(&r, "incompatible: demo: ioctl DEMO_RESET: number (powerpc/mips/alpha) 0x20004401 -> 0x20004403");
    assert_eq!(r.refused().filter(|c| c.item == "ioctl DEMO_RESET").count(), 4, "one message per encoding family:\n{}", lines(&r));
}

#[test]
fn ioctl_direction_changed() {
    let r = check(&edit("ior!(DEMO_TYPE, 2, u32)", "iow!(DEMO_TYPE, 2, u32)"));
    refuses(&r, "incompatible: demo: ioctl DEMO_GET_STATE: direction _IOR -> _IOW");
}

#[test]
fn ioctl_argument_changed() {
    let r = check(&edit("Ioctl<DemoInfo> = io!(DEMO_TYPE, 0)", "Ioctl<DemoDep> = io!(DEMO_TYPE, 0)"));
    refuses(&r, "incompatible: demo: ioctl DEMO_GET_INFO: argument type struct demo_info -> struct demo_dep");
    // A sized argument changes the number too.
    let r = check(&edit("ior!(DEMO_TYPE, 2, u32)", "ior!(DEMO_TYPE, 2, u64)"));
    refuses(&r, "incompatible: demo: ioctl DEMO_GET_STATE: argument type __u32 -> __u64");
    refuses(&r, "incompatible: demo: ioctl DEMO_GET_STATE: number (asm-generic) 0x80044402 -> 0x80084402");
}

#[test]
fn ioctl_namespace_changed() {
    let r = check(&edit("    #[uabi(namespace = device)]\n    pub const DEMO_RESET", "    #[uabi(namespace = group)]\n    pub const DEMO_RESET"));
    refuses(&r, "incompatible: demo: ioctl DEMO_RESET: namespace `device` -> `group`");
}

#[test]
fn ioctl_number_reused_after_removal() {
    let r = check(&edit("pub const DEMO_RESET: Ioctl = io!(DEMO_TYPE, 1);", "pub const DEMO_STOP: Ioctl<DemoDep> = io!(DEMO_TYPE, 1);"));
    refuses(&r, "incompatible: demo: ioctl DEMO_RESET: removed (was _IO 0x44/1 (0x00004401) in namespace `device`)");
    refuses(&r, "incompatible: demo: ioctl DEMO_STOP: number _IO 0x44/1 (0x00004401) reused in namespace `device`: the lock gives it to the removed DEMO_RESET");
}

#[test]
fn flag_bit_changed_and_reused() {
    let r = check(&edit("            DEMO_FLAGS_RESET = 1 << 0,\n", "            DEMO_FLAGS_RESET = 1 << 2,\n            DEMO_FLAGS_WAKE = 1 << 0,\n"));
    refuses(&r, "incompatible: demo: struct demo_info, field `flags`: flag DEMO_FLAGS_RESET: value 1 -> 4");
    refuses(&r, "incompatible: demo: struct demo_info, field `flags`: flag DEMO_FLAGS_WAKE: value 1 reused: the lock gives it to DEMO_FLAGS_RESET");
}

#[test]
fn enum_value_changed() {
    let r = check(&edit("Running = 1,", "Running = 2,"));
    refuses(&r, "incompatible: demo: enum demo_state: value DEMO_STATE_RUNNING: value 1 -> 2");
}

#[test]
fn constant_changed() {
    let r = check(&edit("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX: u32 = 32;"));
    refuses(&r, "incompatible: demo: constant DEMO_MAX: value 0x10 -> 0x20");
}

#[test]
fn items_removed() {
    let r = check(&edit("    pub const DEMO_MAX: u32 = 16;\n", "").replace("        Running = 1,\n", ""));
    refuses(&r, "incompatible: demo: constant DEMO_MAX: removed (value 0x10)");
    refuses(&r, "incompatible: demo: enum demo_state: value DEMO_STATE_RUNNING: removed (value 1)");
    let r = check(&edit("    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]\n    pub struct DemoCapHeader {\n        pub id: u16,\n        pub version: u16,\n        pub next: u32,\n    }\n", ""));
    refuses(&r, "incompatible: demo: struct demo_cap_header: removed (was 8 bytes)");
}

// ---------------------------------------------------------------------------------------------
// Refused unless recorded: source-only renames
// ---------------------------------------------------------------------------------------------

#[test]
fn renamed_field_is_source_only() {
    let new = edit("pub num_regions: u32,", "pub nr_regions: u32,");
    let r = check(&new);
    refuses(&r, "source-only: demo: struct demo_info, field `num_regions`: renamed `num_regions` -> `nr_regions` (same offset, size and type)");
    let c = r.refused().next().unwrap();
    assert_eq!(c.class, Class::SourceOnly);
    assert!(c.to_string().contains("uabi lock --rename demo_info.num_regions=demo_info.nr_regions"), "{c}");
    // Recorded with the lock: accepted.
    let r = check_with(BASE, &new, &[("demo_info.num_regions", "demo_info.nr_regions")]);
    accepts(&r, "source-only, recorded rename: demo: struct demo_info, field `num_regions`: renamed `num_regions` -> `nr_regions` (same offset, size and type)");
}

#[test]
fn renamed_constant_and_ioctl_are_source_only() {
    let new = edit("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX_REGIONS: u32 = 16;").replace("pub const DEMO_RESET:", "pub const DEMO_DEVICE_RESET:");
    let r = check(&new);
    refuses(&r, "source-only: demo: constant DEMO_MAX: constant renamed DEMO_MAX -> DEMO_MAX_REGIONS (same value 0x10)");
    refuses(&r, "source-only: demo: ioctl DEMO_RESET: renamed DEMO_RESET -> DEMO_DEVICE_RESET (same namespace, number and argument)");
    assert!(r.refused().all(|c| c.class == Class::SourceOnly), "a rename is not a binary break:\n{}", lines(&r));
    let r = check_with(BASE, &new, &[("DEMO_MAX", "DEMO_MAX_REGIONS"), ("DEMO_RESET", "DEMO_DEVICE_RESET")]);
    assert!(r.is_compatible(), "{}", lines(&r));
    assert_eq!(r.changes.len(), 2, "{}", lines(&r));
}

#[test]
fn string_changed_or_removed() {
    // A program compares what the kernel reports with the string: its text is ABI.
    let with = |text: &str| edit("    pub const DEMO_CAP_RANGE: u16 = 1;\n", &format!("    pub const DEMO_CAP_RANGE: u16 = 1;\n    pub const DEMO_NAME: &str = \"{text}\";\n"));
    let r = check_with(&with("demo"), &with("demo2"), &[]);
    refuses(&r, "incompatible: demo: string DEMO_NAME: value \"demo\" -> \"demo2\"");
    let r = check_with(&with("demo"), BASE, &[]);
    refuses(&r, "incompatible: demo: string DEMO_NAME: removed (was \"demo\")");
    assert!(check_with(&with("demo"), &with("demo"), &[]).changes.is_empty(), "the same string is no change");
}

#[test]
fn c_macro_changed_or_removed() {
    // C code built with a macro computes what its replacement says: parameters and text are ABI.
    let with = |f: &str| {
        edit(
            "    pub const DEMO_CAP_RANGE: u16 = 1;\n",
            &format!("    pub const DEMO_CAP_RANGE: u16 = 1;\n    #[uabi(c_macro)]\n    pub const fn DEMO_NTH({f}) -> u32 {{\n        1 << n\n    }}\n"),
        )
    };
    let r = check_with(&with("n: u32"), &with("n: u32, _m: u32"), &[]);
    refuses(&r, "incompatible: demo: string DEMO_NTH: macro parameters Some([\"n\"]) -> Some([\"n\", \"_m\"])");
    let r = check_with(&with("n: u32"), BASE, &[]);
    refuses(&r, "incompatible: demo: string DEMO_NTH: removed (was \"(1 << (n))\")");
    let r = check(&with("n: u32"));
    accepts(&r, "compatible: demo: string DEMO_NTH: new macro DEMO_NTH(n) (1 << (n))");
    // A feature macro defined without a value (`#define __KVM_HAVE_PIT`) is a C macro too.
    let feature = edit(
        "    pub const DEMO_CAP_RANGE: u16 = 1;\n",
        "    pub const DEMO_CAP_RANGE: u16 = 1;\n    #[uabi(c_macro)]\n    macro_rules! DEMO_HAVE_X {\n        () => {};\n    }\n",
    );
    accepts(&check(&feature), "compatible: demo: string DEMO_HAVE_X: new macro DEMO_HAVE_X (defined, no value)");
    refuses(&check_with(&feature, BASE, &[]), "incompatible: demo: string DEMO_HAVE_X: removed (was \"\")");
}

// ---------------------------------------------------------------------------------------------
// Accepted: compatible additions
// ---------------------------------------------------------------------------------------------
#[test]
fn string_added() {
    let r = check(&edit("    pub const DEMO_CAP_RANGE: u16 = 1;\n", "    pub const DEMO_CAP_RANGE: u16 = 1;\n    pub const DEMO_NAME: &str = \"demo\";\n"));
    accepts(&r, "compatible: demo: string DEMO_NAME: new string \"demo\"");
}


#[test]
fn new_trailing_field_in_new_version() {
    let r = check(&edit("        pub base: u64,\n", "        pub base: u64,\n        #[uabi(since = 3, aligned)]\n        pub limit: u64,\n"));
    accepts(&r, "compatible: demo: struct demo_info, field `limit`: new trailing field in version 3: offset 24, __aligned_u64");
    accepts(&r, "compatible: demo: struct demo_info: new version 3, size 32");
}

#[test]
fn new_flag_bit() {
    let r = check(&edit("            DEMO_FLAGS_CAPS = 1 << 1,\n", "            DEMO_FLAGS_CAPS = 1 << 1,\n            #[uabi(since = 2)]\n            DEMO_FLAGS_WAKE = 1 << 2,\n"));
    accepts(&r, "compatible: demo: struct demo_info, field `flags`: flag DEMO_FLAGS_WAKE: new flag = 4");
}

#[test]
fn new_enum_value() {
    let r = check(&edit("Running = 1,", "Running = 1,\n        Error = 2,"));
    accepts(&r, "compatible: demo: enum demo_state: value DEMO_STATE_ERROR: new enum value = 2");
}

#[test]
fn new_constant() {
    let r = check(&edit("pub const DEMO_MAX: u32 = 16;", "pub const DEMO_MAX: u32 = 16;\n    pub const DEMO_MIN: u32 = 1;"));
    accepts(&r, "compatible: demo: constant DEMO_MIN: new constant = 1");
}

#[test]
fn new_struct_and_capability() {
    let cap = "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]\n    #[uabi(capability(id = DEMO_CAP_RANGE, version = 1))]\n    pub struct DemoCapRange {\n        pub header: DemoCapHeader,\n        pub start: u64,\n        pub end: u64,\n    }\n\n    #[uabi(prefix";
    let r = check(&edit("    #[uabi(prefix", cap));
    accepts(&r, "compatible: demo: struct demo_cap_range: new capability (id 1, version 1), 24 bytes");
    assert_eq!(r.changes.len(), 1, "{}", lines(&r));
}

#[test]
fn new_ioctl() {
    let r = check(&edit("ior!(DEMO_TYPE, 2, u32);", "ior!(DEMO_TYPE, 2, u32);\n    #[uabi(namespace = device)]\n    pub const DEMO_STOP: Ioctl = io!(DEMO_TYPE, 3);"));
    accepts(&r, "compatible: demo: ioctl DEMO_STOP: new ioctl _IO 0x44/3 (0x00004403) in namespace `device`");
}

#[test]
fn new_union_member_of_the_same_size() {
    let r = check(&edit("        pub devid: u32,\n", "        pub devid: u32,\n        pub cookie: u32,\n"));
    accepts(&r, "compatible: demo: union demo_owner, field `cookie`: new member, __u32 (4 bytes)");
}

#[test]
fn doc_comment_changed_is_no_change() {
    let r = check(&edit("/// The device can be reset.", "/// The device supports a function-level reset."));
    assert!(r.changes.is_empty(), "{}", lines(&r));
    assert_eq!(r.to_string(), "the definitions match the ABI lock");
}

// ---------------------------------------------------------------------------------------------
// The lock file itself
// ---------------------------------------------------------------------------------------------

/// A directory with the base definition and its lock.
fn locked() -> (TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = TempDir::new("lockfile");
    let (rs, lock) = (dir.join("abi.rs"), dir.join("abi.lock.json"));
    std::fs::write(&rs, BASE).unwrap();
    Builder::new().file(&rs).write_lock(&lock).unwrap();
    (dir, rs, lock)
}

#[test]
fn lock_is_readable_json_with_format_modules_and_renames() {
    let (_dir, rs, lock) = locked();
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&lock).unwrap()).unwrap();
    assert_eq!(v["format"], 2);
    assert_eq!(v["abi"]["format"], 1, "the description inside has its own number");
    assert_eq!(v["modules"], serde_json::json!(["demo"]));
    assert_eq!(v["renames"], serde_json::json!([]));
    let info = &v["abi"]["modules"][0]["records"][0];
    assert_eq!(info["name"], "demo_info");
    assert_eq!(info["size_field"], "argsz");
    assert_eq!(info["align"], serde_json::json!({"natural": 8, "i386": 8, "m68k": 8}));
    assert_eq!(info["versions"][0], serde_json::json!({"number": 1, "size": 12, "known_flags": "0x1"}));
    // Writing again with nothing changed leaves the file alone.
    let update = Builder::new().file(&rs).write_lock(&lock).unwrap();
    assert!(!update.written);
    assert!(update.blessed.unwrap().changes.is_empty());
    // A recorded rename is a note in the lock, kept by later updates.
    Builder::new().file(&rs).rename("DEMO_LIMIT", "DEMO_MAX").write_lock(&lock).unwrap();
    Builder::new().file(&rs).write_lock(&lock).unwrap();
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&lock).unwrap()).unwrap();
    assert_eq!(v["renames"], serde_json::json!([{"module": "demo", "name": "DEMO_MAX", "renamed_from": "DEMO_LIMIT"}]));
}

#[test]
fn write_lock_refuses_what_the_check_refuses_unless_allowed() {
    let (_dir, rs, lock) = locked();
    let before = std::fs::read(&lock).unwrap();
    // One incompatible change and one unrecorded rename.
    std::fs::write(&rs, edit("pub segment: u16,", "pub segment: i16,").replace("pub const DEMO_MAX:", "pub const DEMO_LIMIT:")).unwrap();
    let e = Builder::new().file(&rs).write_lock(&lock).unwrap_err();
    let Error::LockRefused { report, .. } = &e else { panic!("not a refusal: {e}") };
    assert_eq!(report.refused().count(), 2, "{report}");
    assert_eq!(e.exit_code(), 1, "a refusal is a verdict on the ABI, as `uabi check`'s");
    assert_eq!(std::fs::read(&lock).unwrap(), before, "a refused lock was written");
    let shown = e.to_string();
    assert!(shown.starts_with("error: incompatible: demo: struct demo_dep, field `segment`: retyped: __u16 -> __s16\n"), "{shown}");
    assert!(shown.contains("\nerror: source-only: demo: constant DEMO_MAX: constant renamed DEMO_MAX -> DEMO_LIMIT (same value 0x10)\n  help: if the rename is deliberate, record it: `uabi lock --rename DEMO_MAX=DEMO_LIMIT`\n"), "{shown}");
    assert!(shown.ends_with("abi.lock.json: not written: the lock refuses 2 changes\nhelp: restore the locked ABI; record a deliberate rename with `uabi lock --rename OLD=NEW`, as shown above; if breaking the locked ABI is deliberate, record it with `uabi lock --allow-incompatible`"), "{shown}");

    // Recording the rename leaves the incompatible change, still refused.
    let e = Builder::new().file(&rs).rename("DEMO_MAX", "DEMO_LIMIT").write_lock(&lock).unwrap_err();
    let Error::LockRefused { report, .. } = &e else { panic!("not a refusal: {e}") };
    assert_eq!(report.refused().count(), 1, "{report}");
    assert!(!e.to_string().contains("--rename OLD=NEW"), "no rename is left to record: {e}");
    assert_eq!(std::fs::read(&lock).unwrap(), before);

    // Allowed: written, and the update lists what it blessed, refused changes included.
    let update = Builder::new().file(&rs).rename("DEMO_MAX", "DEMO_LIMIT").allow_incompatible(true).write_lock(&lock).unwrap();
    assert!(update.written);
    let blessed = update.blessed.unwrap();
    assert_eq!(blessed.refused().count(), 1, "{blessed}");
    assert!(Builder::new().file(&rs).check_lock(&lock).unwrap().changes.is_empty());
}

#[test]
fn missing_lock() {
    let (dir, rs, _) = locked();
    let e = Builder::new().file(&rs).check_lock(dir.join("nope.json")).unwrap_err();
    assert!(matches!(e, Error::LockMissing { .. }), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("nope.json: no ABI lock here"), "{e}");
}

#[test]
fn malformed_lock() {
    let (_dir, rs, lock) = locked();
    std::fs::write(&lock, "{ \"format\": 1, \"modules\": [\"demo\"] ").unwrap();
    let e = Builder::new().file(&rs).check_lock(&lock).unwrap_err();
    assert!(matches!(e, Error::LockMalformed { .. }), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("abi.lock.json: not a readable ABI lock"), "{e}");
    // The bless step refuses it too, and leaves it as it was.
    let before = std::fs::read(&lock).unwrap();
    assert!(matches!(Builder::new().file(&rs).write_lock(&lock), Err(Error::LockMalformed { .. })));
    assert_eq!(std::fs::read(&lock).unwrap(), before);
    // Valid JSON that is not a lock.
    std::fs::write(&lock, "{\"modules\": []}").unwrap();
    let e = Builder::new().file(&rs).check_lock(&lock).unwrap_err();
    assert!(e.to_string().contains("no `format` number"), "{e}");
}

#[test]
fn newer_lock_format() {
    let (_dir, rs, lock) = locked();
    // A newer format may have another shape: its number alone decides.
    std::fs::write(&lock, "{\"format\": 3, \"something\": \"new\"}").unwrap();
    let e = Builder::new().file(&rs).check_lock(&lock).unwrap_err();
    assert!(matches!(e, Error::LockNewer { found: 3, supported: 2, .. }), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("lock format 3 is newer than this uabi reads (format 2)"), "{e}");
    assert!(matches!(Builder::new().file(&rs).write_lock(&lock), Err(Error::LockNewer { .. })));
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), "{\"format\": 3, \"something\": \"new\"}");
}

/// `fixtures/demo.format1.lock.json` is the lock of `fixtures/demo.rs` as uabi 0.1.0 wrote it
/// before the lock format 2: no description format, and the Rust spelling as the `arg` of a
/// `_IO` ioctl (`"DemoInfo"`).
const FORMAT_1_LOCK: &str = include_str!("fixtures/demo.format1.lock.json");

#[test]
fn a_format_1_lock_still_checks_and_is_rewritten_as_format_2() {
    assert!(FORMAT_1_LOCK.contains("\"format\": 1,") && FORMAT_1_LOCK.contains("\"arg\": \"DemoInfo\""), "the fixture is a format-1 lock");
    let dir = TempDir::new("format1");
    let (rs, lock) = (dir.join("abi.rs"), dir.join("abi.lock.json"));
    std::fs::write(&rs, BASE).unwrap();
    std::fs::write(&lock, FORMAT_1_LOCK).unwrap();
    // The unchanged definitions match it: no argument reads as changed.
    let r = Builder::new().file(&rs).check_lock(&lock).unwrap();
    assert!(r.changes.is_empty(), "{r}");
    // A changed `_IO` argument is still found, in the Rust spelling the old lock has.
    std::fs::write(&rs, edit("Ioctl<DemoInfo> = io!(DEMO_TYPE, 0)", "Ioctl<DemoDep> = io!(DEMO_TYPE, 0)")).unwrap();
    let r = Builder::new().file(&rs).check_lock(&lock).unwrap();
    refuses(&r, "incompatible: demo: ioctl DEMO_GET_INFO: argument type DemoInfo -> DemoDep");
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), FORMAT_1_LOCK, "the check wrote the lock");
    // Locking the unchanged definitions again blesses nothing and writes format 2, naming
    // the argument in C with the Rust spelling beside it.
    std::fs::write(&rs, BASE).unwrap();
    let update = Builder::new().file(&rs).write_lock(&lock).unwrap();
    assert!(update.written);
    assert!(update.blessed.unwrap().changes.is_empty());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&lock).unwrap()).unwrap();
    assert_eq!((v["format"].as_u64(), v["abi"]["format"].as_u64()), (Some(2), Some(1)));
    let io = &v["abi"]["modules"][0]["ioctls"][0];
    assert_eq!((io["name"].as_str(), io["arg"].as_str(), io["arg_rust"].as_str()), (Some("DEMO_GET_INFO"), Some("struct demo_info"), Some("DemoInfo")));
    assert!(Builder::new().file(&rs).check_lock(&lock).unwrap().changes.is_empty());
}

#[test]
fn a_format_2_lock_needs_a_numbered_description() {
    let (_dir, rs, lock) = locked();
    let text = std::fs::read_to_string(&lock).unwrap();
    std::fs::write(&lock, text.replacen("\"format\": 1,", "\"format\": 5,", 1)).unwrap();
    let e = Builder::new().file(&rs).check_lock(&lock).unwrap_err();
    assert!(e.to_string().contains("lock format 2 holds a description of format 5, not 1"), "{e}");
}

#[test]
fn lock_for_other_modules() {
    let (dir, _rs, lock) = locked();
    let other = dir.join("other.rs");
    std::fs::write(&other, BASE.replace("pub mod demo", "pub mod other").replace("linux/demo.h", "linux/other.h")).unwrap();
    let e = Builder::new().file(&other).check_lock(&lock).unwrap_err();
    assert!(matches!(e, Error::LockModules { .. }), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("the lock covers the modules [demo] but the definitions given define [other]"), "{e}");
    // `uabi lock` will not drop the locked module either.
    let before = std::fs::read(&lock).unwrap();
    assert!(matches!(Builder::new().file(&other).write_lock(&lock), Err(Error::LockModules { .. })));
    assert_eq!(std::fs::read(&lock).unwrap(), before);
}

#[test]
fn rename_must_name_an_item() {
    let (_dir, rs, lock) = locked();
    let e = Builder::new().file(&rs).rename("DEMO_A", "DEMO_B").write_lock(&lock).unwrap_err();
    assert!(matches!(e, Error::BadRename { .. }), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().starts_with("error: --rename DEMO_A=DEMO_B: neither `DEMO_B` nor `DEMO_A` is in the definitions"), "{e}");
}
