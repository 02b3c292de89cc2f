//! Sampled modules of the fuzz generator (`fuzz/src/abi_gen.rs`, included below): the model
//! accepts every module the generator lays out by the language's rules, with the generator's
//! own layout; their C headers compile cleanly (`-Wall -Wextra -Wpadded -Werror`) and their
//! `_Static_assert`s of the model's layout hold under the host's gcc and the i386 and m68k cross
//! compilers (where alignment differs); and their Rust, compiled by rustc, passes the `const`
//! assertions of the same numbers. So the header and the Rust agree with each other on modules
//! nobody wrote by hand.
//!
//! The fuzz target `model_generated` runs the generator on millions of inputs without a
//! compiler; this test compiles a sample. `UABI_GEN_SEED=<n>` draws another sample.

#[path = "../fuzz/src/abi_gen.rs"]
#[allow(dead_code)]
mod abi_gen;
mod common;

use std::fmt::Write;

use common::{compile_file, installed, TempDir};
use uabi_model::ast::Item;

/// Modules per sample: enough to reach every kind of struct, few enough for one compiler call.
const MODULES: usize = 40;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64: deterministic, no dependency.
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// `MODULES` valid generated modules, their analyzed ABIs checked against the generator.
fn sample() -> Vec<(abi_gen::Generated, uabi_model::Abi)> {
    let seed = std::env::var("UABI_GEN_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_u64);
    eprintln!("UABI_GEN_SEED={seed}");
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    let mut refused = 0;
    while out.len() < MODULES {
        let tag = format!("g{}", out.len() + refused);
        let g = abi_gen::generate(&rng.bytes(200), &tag);
        match uabi_model::abis_in_file(&g.source) {
            Ok(mut abis) => {
                assert!(g.valid, "accepted a module the generator broke:\n{}", g.source);
                let abi = abis.remove(0);
                check_layout(&g, &abi);
                out.push((g, abi));
            }
            Err(e) => {
                let errors: Vec<String> = e.into_iter().map(|e| e.to_string()).collect();
                assert!(!g.valid, "refused a valid module:\n{}\n{}", g.source, errors.join("\n"));
                refused += 1;
            }
        }
    }
    out
}

fn check_layout(g: &abi_gen::Generated, abi: &uabi_model::Abi) {
    let records: Vec<_> = abi
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Struct(r) if !r.anonymous => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(records.len(), g.expected.len(), "{}", g.source);
    for (r, e) in records.iter().zip(&g.expected) {
        assert_eq!(format!("{} {}", r.kind.c_keyword(), r.c_name), e.c_type);
        let l = abi.layouts.single(r.id);
        assert_eq!((l.size, l.align.get(uabi::arch::LayoutClass::Natural).unwrap()), (e.size, e.align), "{}:\n{}", e.rust, g.source);
        let offsets: Vec<_> = r.fields.iter().zip(&l.fields).map(|(f, s)| (f.c_name.clone(), s.as_ref().unwrap().offset)).collect();
        assert_eq!(offsets, e.fields, "{}:\n{}", e.rust, g.source);
    }
}

#[test]
fn generated_headers_compile_and_their_layout_asserts_hold() {
    let sample = sample();
    let tmp = TempDir::new("generated-abis");
    let include = tmp.path().join("include");
    let mut tu = String::new();
    for (_, abi) in &sample {
        let header = uabi_model::c::header(abi, &uabi_model::c::Source { path: "tests/generated_abis.rs" });
        tmp.write(format!("include/{}", abi.header()), &header);
        // Each assert file includes its header; all of them in one translation unit also
        // proves the headers' names do not collide and each guard works.
        let checks = format!("checks/{}.c", abi.module);
        tmp.write(format!("include/{checks}"), &uabi_model::c::layout_asserts(abi));
        writeln!(tu, "#include <{checks}>").unwrap();
    }
    let file = tmp.write("all.c", &tu);
    let warnings = ["-std=c11", "-Wall", "-Wextra", "-Wpadded", "-Werror", "-fsyntax-only"];
    let mut compilers = vec!["gcc", "i686-linux-gnu-gcc", "m68k-linux-gnu-gcc"];
    compilers.retain(|cc| {
        let ok = installed(cc);
        if !ok {
            eprintln!("skipping {cc}: not installed (scripts/test.sh installs it)");
        }
        ok
    });
    assert!(!compilers.is_empty() || std::env::var_os("CI").is_none(), "no C compiler in CI");
    for cc in compilers {
        if let Err(e) = compile_file(cc, &warnings, &[&include], &file) {
            panic!("{cc} refused the generated headers:\n{e}");
        }
    }
}

#[test]
fn generated_rust_compiles_with_the_models_layout() {
    // The expansion asserts size, alignment and every offset the model computed; rustc checks
    // them, so the Rust types agree with the numbers the C assertions check.
    let sample = sample();
    let mut src = String::from("//! Generated by tests/generated_abis.rs.\n#![allow(dead_code)]\n\n");
    for (g, _) in &sample {
        src.push_str(&g.source);
        src.push('\n');
    }
    src.push_str("fn main() {\n");
    for (g, abi) in &sample {
        for e in &g.expected {
            writeln!(
                src,
                "    assert_eq!((core::mem::size_of::<{m}::{t}>(), core::mem::align_of::<{m}::{t}>() >= 1), ({}, true));",
                e.size,
                m = abi.module,
                t = e.rust
            )
            .unwrap();
        }
    }
    src.push_str("}\n");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-abis");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("generated_abis.rs");
    std::fs::write(&file, src).unwrap();
    trybuild::TestCases::new().pass(&file);
}
