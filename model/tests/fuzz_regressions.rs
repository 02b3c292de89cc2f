//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found, kept as regression tests.

/// `model_source`: a `guard` that is not a C identifier was written into `#ifndef` as it was,
/// and the header did not compile. It is refused now, on the guard's tokens.
#[test]
fn guard_must_be_a_c_identifier() {
    let module = |guard: &str| {
        format!(
            "#[uabi::abi(header = \"linux/g.h\", guard = \"{guard}\")]\npub mod g {{\n    pub struct G {{ pub a: u32 }}\n}}\n"
        )
    };
    for bad in ["_UAPstruc]tI_LINUX_OPENAT2_H", "", "1_H", "A B", "A-B", "int", "_G_H */"] {
        let Err(err) = uabi_model::abis_in_file(&module(bad)) else { panic!("accepted guard `{bad}`") };
        assert!(err.to_string().contains("is not a C identifier"), "{bad}: {err}");
    }
    for good in ["_UAPI_LINUX_G_H", "G", "_g1"] {
        let abis = uabi_model::abis_in_file(&module(good)).expect(good);
        let h = uabi_model::c::header(&abis[0], &uabi_model::c::Source { path: "g.rs" });
        assert!(h.contains(&format!("#ifndef {good}\n#define {good}\n")));
    }
}

/// `tests/generated_abis.rs` (the generator of the `model_generated` fuzz target, compiled with
/// the i386 cross compiler): an `aligned` i64 is `__aligned_s64`, which <linux/types.h> has
/// only since Linux 6.x, so the header did not compile against older kernel headers. The header
/// now defines it, as Linux does, where it is missing, and only when a field needs it.
#[test]
fn aligned_s64_is_defined_where_linux_types_lacks_it() {
    let module = |ty: &str| {
        format!("#[uabi::abi(header = \"linux/s.h\")]\npub mod s {{\n    pub struct S {{ #[uabi(aligned)] pub v: {ty} }}\n}}\n")
    };
    let fallback = "#ifndef __aligned_s64\n#define __aligned_s64 __s64 __attribute__((aligned(8)))\n#endif\n";
    for (ty, wanted) in [("i64", true), ("[i64; 2]", true), ("u64", false)] {
        let abis = uabi_model::abis_in_file(&module(ty)).unwrap_or_else(|e| panic!("{ty}: {e}"));
        let h = uabi_model::c::header(&abis[0], &uabi_model::c::Source { path: "s.rs" });
        assert_eq!(h.contains(fallback), wanted, "{ty}:\n{h}");
        // After <linux/types.h>, before the first use.
        if wanted {
            assert!(h.find("#include <linux/types.h>") < h.find(fallback) && h.find(fallback) < h.find("__aligned_s64 v"));
        }
    }
}

/// `model_source`: `#[uabi(flags = ..)]` on a field passed the check of allowed keys (`flags` is
/// allowed there, as `#[flags { .. }]`) and reached an `unreachable!`: a panic in the user's
/// compiler. It is an error on the key now.
#[test]
fn flags_inside_uabi_is_an_error_not_a_panic() {
    for attr in ["#[uabi(flags = 1)]", "#[uabi(flags)]", "#[uabi(since = 2, flags)]"] {
        let src = format!(
            "#[uabi::abi(header = \"linux/f.h\")]\npub mod f {{\n    pub struct F {{\n        pub argsz: u32,\n        {attr}\n        pub flags: u32,\n    }}\n}}\n"
        );
        let Err(err) = uabi_model::abis_in_file(&src) else { panic!("accepted {attr}") };
        assert!(err.to_string().contains("`flags` is not a uabi attribute key"), "{attr}: {err}");
    }
}
