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
