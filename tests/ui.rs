//! Every refusal of `#[uabi::abi]` has a compile-fail case here, one file per refusal, grouped
//! by kind in the folders of [`CATEGORIES`], with the compiler output reviewed in the
//! `.stderr` next to it: the error sits on the offending tokens, names the field or item, and
//! says what to write instead (`help: ...`), with no follow-on errors. `tests/ui/pass/` holds
//! definitions that look close to a refusal, or that use a feature the refusals fence, and are
//! accepted.
//!
//! The toolchain is pinned (rust-toolchain.toml) so the snapshots stay byte-stable. After an
//! intended change to a message, regenerate with `TRYBUILD=overwrite cargo test --test ui` and
//! review the diff.

use std::path::Path;

/// The folders of compile-fail cases.
const CATEGORIES: &[&str] = &["arch", "bits", "constants", "field_type", "flags", "ioctls", "layout", "macros", "module", "names", "records", "versions"];

#[test]
fn ui() {
    let fixed = fixed_cases();
    let t = trybuild::TestCases::new();
    for c in CATEGORIES {
        t.compile_fail(format!("tests/ui/{c}/*.rs"));
    }
    t.pass("tests/ui/pass/*.rs");
    // Every case whose errors all come with a mechanical fix compiles once the fixes are
    // applied: the help says what to write, and what it says is right (a pad among version 2
    // fields is itself version 2, a pad of a field on some families is on those families).
    assert!(fixed >= 5, "only {fixed} cases have fixes");
    t.pass("target/ui-fixed/*.rs");
}

/// Applies the fixes of every compile-fail case whose errors all have one, checks with the
/// model that nothing is left to refuse, and writes the fixed sources to `target/ui-fixed/`
/// for rustc to build; returns how many there are.
fn fixed_cases() -> usize {
    let out = Path::new("target/ui-fixed");
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).unwrap();
    let mut n = 0;
    for c in CATEGORIES {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new("tests/ui").join(c)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
            let source = std::fs::read_to_string(&path).unwrap();
            let (result, fixes) = uabi_model::abis_in_file_with_fixes(&source);
            let Err(errors) = result else { continue };
            if fixes.is_empty() || fixes.len() != errors.into_iter().count() {
                continue;
            }
            let fixed = apply(&source, &fixes);
            if let Err(e) = uabi_model::abis_in_file(&fixed) {
                panic!("{}: the fixes leave errors:\n{e}\n\n{fixed}", path.display());
            }
            std::fs::write(out.join(path.file_name().unwrap()), fixed).unwrap();
            n += 1;
        }
    }
    n
}

/// `source` with every fix's text inserted before its token, last first so that earlier
/// positions stay valid.
fn apply(source: &str, fixes: &[uabi_model::Fix]) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut at: Vec<(usize, &str)> = fixes
        .iter()
        .map(|f| {
            let (line, column) = f.line_column();
            let start: usize = lines[..line - 1].iter().map(|l| l.len()).sum();
            let byte = lines[line - 1].char_indices().nth(column).map_or(lines[line - 1].len(), |(b, _)| b);
            (start + byte, f.insert.as_str())
        })
        .collect();
    at.sort_by_key(|(b, _)| std::cmp::Reverse(*b));
    let mut out = source.to_string();
    for (b, text) in at {
        out.insert_str(b, text);
    }
    out
}

/// A folder of cases that [`ui`] does not run would be cases that never fail.
#[test]
fn every_folder_of_cases_runs() {
    for entry in std::fs::read_dir("tests/ui").unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            assert!(name == "pass" || CATEGORIES.contains(&name.as_str()), "tests/ui/{name}/ is not in CATEGORIES");
        }
    }
}

/// Every error message the model can give appears in some case's reviewed output: the model's
/// sources are read for the text of each message (the longest piece of it between
/// placeholders), and each must be in a `.stderr`.
#[test]
fn every_refusal_has_a_case() {
    let mut stderr = String::new();
    for c in CATEGORIES {
        for entry in std::fs::read_dir(Path::new("tests/ui").join(c)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "stderr") {
                stderr += &std::fs::read_to_string(&path).unwrap();
            }
        }
    }
    let mut missing = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir("model/src").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for message in messages(&text) {
            seen += 1;
            if !stderr.contains(&message) {
                missing.push(format!("{}: {message:?}", path.display()));
            }
        }
    }
    assert!(seen > 100, "the message reader found only {seen} messages");
    assert!(missing.is_empty(), "{} refusal(s) without a compile-fail case:\n{}", missing.len(), missing.join("\n"));
}

/// The literal text of every error the model reports in `source`: string literals that follow
/// an error call (`cx.error(at, format!("..`, `Err((expr, format!("..`, `meta.error("..`),
/// each reduced to its longest piece without a `{placeholder}` and before any `\n`.
fn messages(source: &str) -> Vec<String> {
    const CALLS: &[&str] = &["error(", "error_with_fix(", "report(", "Err((expr, ", "Err((", "meta.error(", "Err(format!(", "return Err(format!(", "(expr, format!("];
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = CALLS.iter().filter_map(|c| rest.find(c).map(|i| i + c.len())).min() {
        rest = &rest[i..];
        // The first string literal of the call, within the call's first lines.
        let window = &rest[..rest.len().min(300)];
        let Some(q) = window.find('"') else { continue };
        if window[..q].contains(';') {
            continue;
        }
        let lit = &rest[q + 1..];
        let mut end = 0;
        let bytes = lit.as_bytes();
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let text = lit[..end].split("\\n").next().unwrap_or("");
        let piece = split_placeholders(text).into_iter().max_by_key(|p| p.len()).unwrap_or_default();
        if piece.trim().len() >= 12 {
            out.push(piece.replace("\\\"", "\"").replace("{{", "{").replace("}}", "}"));
        }
        rest = &rest[end.min(rest.len())..];
    }
    out
}

fn split_placeholders(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                cur.push_str("{{");
            }
            '{' => {
                pieces.push(std::mem::take(&mut cur));
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                }
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                cur.push_str("}}");
            }
            c => cur.push(c),
        }
    }
    pieces.push(cur);
    pieces
}
