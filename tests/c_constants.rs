//! Constant expressions mean in C what they mean in Rust.
//!
//! The header keeps each constant's expression as written (`VFIO_BASE + 7`), so C evaluates
//! it with C's rules: `int` arithmetic unless a literal says otherwise. A module of expressions
//! that differ under those rules (a shift into the sign bit, a 64-bit intermediate, a negative
//! 64-bit value, `INT_MIN`) is rendered by the model and compiled by the host compilers in C90,
//! C11 and C++ and by every cross compiler (32-bit `long` included), each asserting that every
//! macro has the model's value. Every macro of every header is also checked to expand to one
//! primary expression (a token, a fully parenthesized expression or a macro call), so that
//! `NAME * 2` or `~NAME` mean what they say.

mod common;

use uabi::arch::Family;

use std::fmt::Write as _;

use common::{c_equals, compile_source, installed, installed_cross, integer_names, subjects, TempDir};
use uabi_model::ast::Abi;

const TRICKY: &str = r#"
#[uabi::abi(header = "test/tricky.h")]
pub mod tricky {
    pub const T_SIGN_BIT: u32 = 1 << 31;
    pub const T_THROUGH_SIGN_BIT: u32 = (1 << 31) >> 4;
    pub const T_THROUGH_64_BITS: u64 = (1 << 40) >> 20;
    pub const T_NEG_64: i64 = -(1 << 40);
    pub const T_INT_MIN: i32 = -2147483648;
    pub const T_MINUS_ONE: i32 = -1;
    pub const T_LOW_BYTE: u32 = !0 & 0xff;
    pub const T_HIGH_OR: u32 = 0x8000_0000 | 1;
    pub const T_U64_MAX: u64 = 0xffff_ffff_ffff_ffff;
    pub const T_BIG_DIV: u32 = 3000000000 / 2;
    pub const T_BYTE: u8 = b'\\';
    pub const T_REF: u64 = T_SIGN_BIT as u64 * 4;
    // Casts have no C spelling: the header gets the value rustc computes (255, 44, -1).
    pub const T_CAST_TRUNCATES: u32 = (0x1ff + 0) as u8 as u32;
    pub const T_CAST_WRAPS: u32 = (300u32 as u8) as u32;
    pub const T_CAST_SIGN: i64 = 0xffu8 as i8 as i64;
    // Binary literals are hexadecimal in C (C has `0b` only since C23).
    pub const T_BINARY: u32 = 0b1010_0000;
    pub const T_NEG_REF: i64 = T_NEG_64 / 2;

    pub struct TrickyFlags {
        #[flags {
            T_FLAG_LOW = 1 << 0,
            T_FLAG_TOP = 1 << 31,
            T_FLAG_MASK = T_FLAG_LOW | T_FLAG_TOP,
        }]
        pub flags: u32,
        pub pad: u32,
        #[flags {
            T_WIDE_TOP = 1 << 63,
            T_WIDE_MID = (1 << 40) | (1 << 2),
        }]
        pub wide: u64,
    }
}
"#;

fn tricky() -> (Abi, TempDir) {
    let mut abis = uabi_model::abis_in_file(TRICKY).unwrap_or_else(|e| panic!("the tricky module is valid: {e}"));
    let abi = abis.remove(0);
    let tmp = TempDir::new("tricky");
    tmp.write(abi.header(), &uabi_model::c::header(&abi, &uabi_model::c::Source { path: "tests/c_constants.rs" }));
    (abi, tmp)
}

/// `_Static_assert`s (C11) or `static_assert`s (C++) that every integer name has the model's
/// value, or a negative-size array for C90, which has neither.
fn probe(abi: &Abi, style: &str) -> String {
    let mut s = format!("#include <{}>\n", abi.header());
    for (i, (name, value, _)) in integer_names(abi, Family::X86).into_iter().enumerate() {
        let cond = c_equals(&name, value);
        match style {
            "c90" => writeln!(s, "typedef char uabi_check_{i}_{name}[({cond}) ? 1 : -1];").unwrap(),
            "c++" => writeln!(s, "static_assert({cond}, \"{name} is {value}\");").unwrap(),
            _ => writeln!(s, "_Static_assert({cond}, \"{name} is {value}\");").unwrap(),
        }
    }
    s
}

#[test]
fn constant_expressions_have_the_model_value_in_every_dialect_and_architecture() {
    let (abi, tmp) = tricky();
    let include = [tmp.path()];
    let warn = ["-Wall", "-Wextra", "-Werror", "-Wno-unused-local-typedefs", "-fsyntax-only"];
    let mut runs: Vec<(String, &str, Vec<&str>, &str)> = vec![
        ("gcc -std=c90".into(), "gcc", vec!["-std=c90", "-x", "c"], "c90"),
        ("gcc -std=c11".into(), "gcc", vec!["-std=c11", "-x", "c"], "c11"),
        ("g++ -std=c++17".into(), "g++", vec!["-std=c++17", "-x", "c++"], "c++"),
        ("clang -std=c11".into(), "clang", vec!["-std=c11", "-x", "c"], "c11"),
    ];
    runs.retain(|(label, program, _, _)| {
        installed(program) || {
            eprintln!("skipping {label}: {program} is not installed");
            false
        }
    });
    for arch in installed_cross() {
        let cc: &'static str = Box::leak(arch.cc.clone().into_boxed_str());
        runs.push((format!("{cc} -std=c90"), cc, vec!["-std=c90", "-x", "c"], "c90"));
        runs.push((format!("{cc} -std=gnu11"), cc, vec!["-std=gnu11", "-x", "c"], "c11"));
    }
    let mut failures = Vec::new();
    for (label, program, args, style) in &runs {
        let args: Vec<&str> = args.iter().chain(&warn).copied().collect();
        if let Err(e) = compile_source(program, &args, &include, "probe.c", &probe(&abi, style)) {
            failures.push(format!("{label}:\n{e}"));
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("{} constants hold under {} compilers", integer_names(&abi, Family::X86).len(), runs.len());
}

/// Whether a macro body is one primary expression: a single token, `( .. )` around everything,
/// or `NAME( .. )` (a macro call such as `_IOR(..)`).
fn is_primary(body: &str) -> bool {
    let body = body.trim();
    let rest = body.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    if rest.is_empty() {
        return true; // identifier or number
    }
    if body.len() >= 3 && body.starts_with('\'') && body.ends_with('\'') && !body[1..body.len() - 1].contains(' ') {
        return true; // character literal
    }
    if is_string_literal(body) {
        return true;
    }
    let Some(inner) = rest.strip_prefix('(') else { return false };
    let mut depth = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i == inner.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// One C string literal: `"` .. `"` with every inner `"` escaped.
fn is_string_literal(body: &str) -> bool {
    let Some(inner) = body.strip_prefix('"').and_then(|b| b.strip_suffix('"')) else { return false };
    let mut escaped = false;
    for c in inner.chars() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '"') => return false,
            _ => escaped = false,
        }
    }
    !escaped
}

/// `NAME body` of every object-like `#define` of `header` after its include guard.
fn defines(header: &str) -> Vec<(String, String)> {
    header
        .lines()
        .filter_map(|l| l.strip_prefix("#define "))
        .filter_map(|d| d.split_once(char::is_whitespace))
        .filter(|(name, _)| !name.contains('('))
        .map(|(n, b)| (n.to_string(), b.trim().to_string()))
        .collect()
}

#[test]
fn every_macro_expands_to_one_primary_expression() {
    let (abi, tmp) = tricky();
    let mut headers: Vec<(String, String)> = subjects().iter().map(|s| (s.name().to_string(), std::fs::read_to_string(&s.header_path).unwrap())).collect();
    headers.push((abi.header().to_string(), std::fs::read_to_string(tmp.path().join(abi.header())).unwrap()));
    let mut bad = Vec::new();
    let mut checked = 0;
    for (name, text) in &headers {
        for (m, body) in defines(text) {
            // Linux's alignment type macros, defined where a program's <linux/types.h> lacks
            // them: a type, not a value.
            if m == "__aligned_u64" || m == "__aligned_s64" {
                continue;
            }
            checked += 1;
            if !is_primary(&body) {
                bad.push(format!("<{name}> #define {m} {body}"));
            }
        }
    }
    assert!(bad.is_empty(), "macros that are not one primary expression (`NAME * 2` would not mean what it says):\n{}", bad.join("\n"));
    assert!(checked > 0);
}

#[test]
fn the_primary_expression_check_refuses_bare_operators() {
    for ok in ["100", "EV_TYPE", "';'", "'\\\\'", "(1 << 0)", "(-(1LL << 40))", "_IO(EV_TYPE, EV_BASE + 0)", "((1U << 31) >> 4)", "\"vfio-pci\"", "\"a \\\" b\""] {
        assert!(is_primary(ok), "{ok}");
    }
    for bad in ["(1 << 31) >> 4", "1 << 0", "-1", "(a) | (b)", "_IO(a, b) + 1", "' ' + 1", "\"a\" \"b\"", "\"a\\\""] {
        assert!(!is_primary(bad), "{bad}");
    }
}
