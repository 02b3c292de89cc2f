//! The model over generated modules (`uabi_fuzz::abi_gen`): a module the generator lays out by
//! the language's rules is accepted, with the generator's layout (size, alignment, every field
//! offset); one it breaks on purpose is refused; and an accepted one gives a well-formed header
//! (`uabi_fuzz::check_accepted`). `tests/generated_abis.rs` compiles such headers with gcc and
//! their Rust with rustc.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi_fuzz::abi_gen::generate;
use uabi_model::ast::Item;

fuzz_target!(|bytes: &[u8]| {
    let g = generate(bytes, "fz");
    match uabi_model::abis_in_file(&g.source) {
        Ok(abis) => {
            assert!(
                g.valid,
                "accepted a module the generator broke:\n{}",
                g.source
            );
            uabi_fuzz::check_accepted(&abis);
            let records: Vec<_> = abis[0]
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Struct(r) if !r.anonymous => Some(r),
                    _ => None,
                })
                .collect();
            assert_eq!(records.len(), g.expected.len());
            for (r, e) in records.iter().zip(&g.expected) {
                assert_eq!(format!("{} {}", r.kind.c_keyword(), r.c_name), e.c_type);
                let l = abis[0].layouts.single(r.id);
                assert_eq!(
                    (l.size, l.align.get(uabi::arch::LayoutClass::Natural).unwrap()),
                    (e.size, e.align),
                    "{}:\n{}",
                    e.rust,
                    g.source
                );
                let offsets: Vec<_> = r
                    .fields
                    .iter()
                    .zip(&l.fields)
                    .map(|(f, s)| (f.c_name.clone(), s.as_ref().unwrap().offset))
                    .collect();
                assert_eq!(offsets, e.fields, "{}:\n{}", e.rust, g.source);
            }
        }
        Err(e) => {
            let errors: Vec<String> = e.into_iter().map(|e| e.to_string()).collect();
            assert!(
                !g.valid,
                "refused a valid module:\n{}\n{}",
                g.source,
                errors.join("\n")
            );
        }
    }
});
