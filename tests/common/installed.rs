//! Reading Linux's installed UAPI headers, for the tests that compare uabi's definitions with
//! them (`vfio_vs_linux`, `perf_clone3_vs_linux`).

use std::collections::BTreeSet;

use uabi::arch::Family;
use uabi_model::ast::{Abi, FieldType, Record};

/// The text of the installed `include` as `cc` sees it.
pub fn installed_header(cc: &str, include: &str) -> Result<(String, String), String> {
    installed_header_with(&[cc.to_string()], include)
}

/// [`installed_header`] with a compiler command of several words (`gcc -m32 ..`).
pub fn installed_header_with(cc_args: &[String], include: &str) -> Result<(String, String), String> {
    let cc = cc_args[0].as_str();
    let out = std::process::Command::new(cc)
        .args(&cc_args[1..])
        .args(["-E", "-H", "-x", "c", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin.take().unwrap().write_all(format!("#include <{include}>\n").as_bytes())?;
            c.wait_with_output()
        })
        .map_err(|e| format!("{cc} is not installed ({e})"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let path = stderr
        .lines()
        .find_map(|l| l.strip_prefix(". ").filter(|p| p.ends_with(include)))
        .ok_or_else(|| format!("{cc} finds no <{include}>: {stderr}"))?
        .to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    Ok((path, text))
}

/// Names declared in a struct body of the installed header: `struct NAME {` .. `};`.
pub fn struct_body<'a>(header: &'a str, kind: &str, name: &str) -> Option<&'a str> {
    let open = format!("{kind} {name} {{");
    let start = header.find(&open)? + open.len();
    let mut depth = 1;
    for (i, c) in header[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&header[start..start + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// Field names declared in a C struct body (members of anonymous unions included).
pub fn declared_fields(body: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let without_comments = strip_comments(body);
    // `__u64 cr0, cr2;` and `__u64 a : 1, b : 1;` declare several names.
    for decl in without_comments.split(';').flat_map(|d| d.split(',')) {
        let decl = decl.split('[').next().unwrap_or("");
        let decl = decl.split(':').next().unwrap_or("");
        if let Some(last) = decl.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).rfind(|w| !w.is_empty()) {
            names.insert(last.to_string());
        }
    }
    names
}

pub fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n")
}

/// `(C field name, offset)` of every field of `r` on `family`, as C's `offsetof` names them:
/// anonymous members flattened into their parent, members of an untagged struct type reached
/// through the member (`mmio.len`).
pub fn flat_fields(abi: &Abi, r: &Record, family: Family, base: u64, out: &mut Vec<(String, u64)>) {
    flat_fields_in(abi, r, family, "", base, out);
}

fn flat_fields_in(abi: &Abi, r: &Record, family: Family, prefix: &str, base: u64, out: &mut Vec<(String, u64)>) {
    let l = abi.layouts.on(r.id, family).expect("a record is laid out on its families");
    for (k, f) in r.fields.iter().enumerate() {
        let Some(slot) = l.slot(k) else { continue };
        if !f.bits.is_empty() {
            continue; // no offset in C
        }
        let untagged = match (&f.ty, slot.record) {
            (FieldType::Named(_), Some(id)) => Some(abi.record_by_id(id)).filter(|t| t.anonymous),
            _ => None,
        };
        match untagged {
            Some(inner) if f.anonymous => flat_fields_in(abi, inner, family, prefix, base + slot.offset, out),
            Some(inner) => {
                let name = format!("{prefix}{}", f.c_name);
                out.push((name.clone(), base + slot.offset));
                flat_fields_in(abi, inner, family, &format!("{name}."), base + slot.offset, out);
            }
            None => out.push((format!("{prefix}{}", f.c_name), base + slot.offset)),
        }
    }
}

/// The body of the member `member` of an untagged struct or union type in `body`:
/// `struct { .. } member;`.
fn member_body<'a>(body: &'a str, member: &str) -> Option<&'a str> {
    let code = body;
    let mut search = 0;
    while let Some(i) = code[search..].find('}') {
        let close = search + i;
        let after = code[close + 1..].trim_start();
        let name_end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        if &after[..name_end] == member && after[name_end..].trim_start().starts_with(';') {
            let mut depth = 0;
            for (j, c) in code[..close].char_indices().rev() {
                match c {
                    '}' => depth += 1,
                    '{' if depth == 0 => return Some(&code[j + 1..close]),
                    '{' => depth -= 1,
                    _ => {}
                }
            }
        }
        search = close + 1;
    }
    None
}

/// Whether the struct `body` declares the member at `path` (`mmio.len`: `len` inside the
/// untagged member `mmio`).
pub fn declares(body: &str, path: &str) -> bool {
    match path.split_once('.') {
        None => declared_fields(body).contains(path),
        Some((first, rest)) => member_body(body, first).is_some_and(|inner| declares(inner, rest)),
    }
}
