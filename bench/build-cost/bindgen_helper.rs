//! The bindgen side of `bench/build-cost.sh`: prints bindgen's output for a C header, as bindgen
//! emits it (`plain`) or with zerocopy's four derives added to every struct and union
//! (`zerocopy`), the form a bindgen user who wants byte-safe types writes.
//!
//! Built by the script in a temporary crate (bindgen 0.72 with libclang loaded at run time, the
//! version the workspace's bindgen test uses).
//!
//!   bindgen_helper plain|zerocopy HEADER INCLUDE_DIR

use bindgen::callbacks::{DeriveInfo, ParseCallbacks, TypeKind};

#[derive(Debug, Default)]
struct Zerocopy {
    unions: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl ParseCallbacks for Zerocopy {
    fn add_derives(&self, info: &DeriveInfo<'_>) -> Vec<String> {
        let mut d = vec!["zerocopy::FromBytes", "zerocopy::KnownLayout", "zerocopy::Immutable"];
        // zerocopy refuses `derive(IntoBytes)` on a union without
        // `--cfg zerocopy_derive_union_into_bytes`: implemented below instead, as uabi does
        // (VFIO's unions have members of equal size).
        if info.kind == TypeKind::Union {
            self.unions.lock().unwrap().push(info.name.to_string());
        } else {
            d.push("zerocopy::IntoBytes");
        }
        d.into_iter().map(String::from).collect()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, mode, header, include] = &args[..] else {
        eprintln!("usage: bindgen_helper plain|zerocopy HEADER INCLUDE_DIR");
        std::process::exit(2);
    };
    let mut b = bindgen::Builder::default()
        .header(header)
        .clang_arg(format!("-I{include}"))
        .layout_tests(true)
        .formatter(bindgen::Formatter::None);
    let zc = Zerocopy::default();
    let unions = zc.unions.clone();
    if mode == "zerocopy" {
        b = b.parse_callbacks(Box::new(zc));
    }
    let mut out = b.generate().expect("bindgen").to_string();
    if mode == "zerocopy" {
        // bindgen's `__IncompleteArrayField<T>` (flexible array members) is a generic wrapper
        // that zerocopy cannot derive for; `[T; 0]`, what uabi emits, is the same layout.
        out = flex_as_zero_arrays(&out);
        out = pointers_as_u64(&out);
        for u in unions.lock().unwrap().iter() {
            out.push_str(&format!(
                "\n// SAFETY: VFIO's unions have members of equal size, without padding.\n\
                 unsafe impl zerocopy::IntoBytes for {u} {{ fn only_derive_is_allowed_to_implement_this_trait() {{}} }}\n"
            ));
        }
    }
    print!("{out}");
}

/// The header's pointer members (`__u64 *data`, beside `__u64 data_u64` in an anonymous union)
/// come out as `*mut __u64`, which no zerocopy trait covers; a bindgen user who wants
/// byte-safe types keeps the integer, which is what uabi's Rust side holds. Same layout on the
/// 64-bit machines this benchmark runs on.
fn pointers_as_u64(src: &str) -> String {
    let mut out = src.to_string();
    for (pointer, int) in [("* mut __u64", "__u64"), ("*mut __u64", "__u64"), ("* mut u64", "u64"), ("*mut u64", "u64")] {
        out = out.replace(&format!(": {pointer}"), &format!(": {int}"));
    }
    out
}

/// Replaces every field of type `__IncompleteArrayField < T >` by `[T ; 0]`; the wrapper's own
/// definition and impls stay (unused).
fn flex_as_zero_arrays(src: &str) -> String {
    let key = "__IncompleteArrayField";
    let mut out = String::new();
    let mut rest = src;
    while let Some(i) = rest.find(key) {
        let before = rest[..i].trim_end();
        let is_field = before.ends_with(':') && !before.ends_with("::");
        let after = &rest[i + key.len()..];
        if !is_field {
            out.push_str(&rest[..i + key.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..i]);
        let open = after.find('<').expect("generic argument");
        let mut depth = 0;
        let mut end = open;
        for (j, c) in after.char_indices().skip(open) {
            match c {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        end = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push_str(&format!("[{} ; 0]", &after[open + 1..end]));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
