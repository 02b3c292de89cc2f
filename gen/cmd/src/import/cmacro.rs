//! A C macro the language keeps for C alone: `#[uabi(c_macro)] macro_rules! NAME { (a, b) =>
//! { C tokens }; }`. Its tokens are written into Rust source, so each must be one Rust's lexer
//! takes (rustc lexes them even where nothing expands them), and the model writes them back
//! with `c_tokens`, a body of several tokens in parentheses unless it already is: a body that
//! parentheses would change (a statement, a declaration, a type, a member path, a string C
//! would join with its neighbours) is refused, as is a token Rust cannot lex, each with the
//! reason.

use super::convert::Refusal;

/// A C token of a macro's replacement list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    /// A preprocessing number (`1UL`, `0x1f`, `1.5`).
    Num(String),
    Str(String),
    Char(String),
    Punct(&'static str),
}

impl Tok {
    pub fn text(&self) -> &str {
        match self {
            Tok::Ident(s) | Tok::Num(s) | Tok::Str(s) | Tok::Char(s) => s,
            Tok::Punct(p) => p,
        }
    }
}

/// C's punctuators, longest first (digraphs are refused: Rust would lex `<:` apart).
const PUNCTS: &[&str] = &[
    "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "[", "]", "(",
    ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?", ":", ";", "=", ",", "#",
];

/// The tokens of a C replacement list, or why one is none Rust's lexer takes as C means it.
pub fn tokenize(body: &str) -> Result<Vec<Tok>, String> {
    // libclang's spelling of a token after a line splice keeps the splice (`\` and the
    // newline), which C deletes before it reads tokens.
    let body = &body.replace("\\\r\n", "").replace("\\\n", "");
    let b = body.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            if i < b.len() && matches!(b[i], b'"' | b'\'' | b'$') {
                return Err(format!("`{}{}` is a prefixed literal or a `$` identifier, which Rust's lexer reads otherwise", &body[start..i], b[i] as char));
            }
            out.push(Tok::Ident(body[start..i].to_string()));
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let start = i;
            while i < b.len() {
                let x = b[i];
                // A sign belongs to the number after an exponent's `e` or `p`.
                let sign = matches!(x, b'+' | b'-') && matches!(b[i - 1], b'e' | b'E' | b'p' | b'P');
                if !(x.is_ascii_alphanumeric() || x == b'_' || x == b'.' || sign) {
                    break;
                }
                i += 1;
            }
            let n = &body[start..i];
            if !number_lexes(n) {
                return Err(format!("the number `{n}` is not one Rust's lexer reads as one token (a C integer with `u`/`l` suffixes, or a decimal float)"));
            }
            out.push(Tok::Num(n.to_string()));
            continue;
        }
        if c == b'"' || c == b'\'' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            if i >= b.len() {
                return Err(format!("`{}` is an unterminated literal", &body[start..]));
            }
            i += 1;
            let lit = &body[start..i];
            literal_lexes(lit)?;
            out.push(if c == b'"' { Tok::Str(lit.to_string()) } else { Tok::Char(lit.to_string()) });
            continue;
        }
        match PUNCTS.iter().find(|p| body[i..].starts_with(**p)) {
            Some(p) if !body[i..].starts_with("<:") && !body[i..].starts_with("<%") && !body[i..].starts_with("%:") && !body[i..].starts_with("%>") && !body[i..].starts_with(":>") => {
                out.push(Tok::Punct(p));
                i += p.len();
            }
            _ => {
                let ch = body[i..].chars().next().unwrap_or('?');
                return Err(format!("`{ch}` is not a C token Rust's lexer takes (a digraph, `\\`, `@`, `$`, a backquote or a character outside ASCII)"));
            }
        }
    }
    // Rust's token trees nest: every bracket closes, in order.
    let mut stack = Vec::new();
    for t in &out {
        match t {
            Tok::Punct(p @ ("(" | "[" | "{")) => stack.push(*p),
            Tok::Punct(p @ (")" | "]" | "}")) => {
                let open = match *p {
                    ")" => "(",
                    "]" => "[",
                    _ => "{",
                };
                if stack.pop() != Some(open) {
                    return Err(format!("its brackets do not balance (`{p}`): Rust's token trees nest"));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = stack.last() {
        return Err(format!("its brackets do not balance (`{p}` is not closed): Rust's token trees nest"));
    }
    Ok(out)
}

fn number_lexes(n: &str) -> bool {
    let b = n.as_bytes();
    let digits = |s: &[u8], hex: bool| !s.is_empty() && s.iter().all(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() });
    let int_suffix = |s: &[u8]| s.iter().all(|c| matches!(c, b'u' | b'U' | b'l' | b'L'));
    // Integers: 0x.., 0b.., decimal or octal, with C's suffixes.
    if let Some(rest) = n.strip_prefix("0x").or_else(|| n.strip_prefix("0X")) {
        let end = rest.bytes().position(|c| !c.is_ascii_hexdigit()).unwrap_or(rest.len());
        return digits(&rest.as_bytes()[..end], true) && int_suffix(&rest.as_bytes()[end..]);
    }
    if let Some(rest) = n.strip_prefix("0b").or_else(|| n.strip_prefix("0B")) {
        let end = rest.bytes().position(|c| !matches!(c, b'0' | b'1')).unwrap_or(rest.len());
        return end > 0 && int_suffix(&rest.as_bytes()[end..]);
    }
    let end = b.iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len());
    if int_suffix(&b[end..]) {
        return end > 0;
    }
    // Decimal floats: digits, `.`, digits, an exponent, `f`/`l`.
    let mut i = end;
    let mut mantissa = end;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        mantissa += i - s;
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    matches!(&b[i..], [] | [b'f' | b'F' | b'l' | b'L'])
}

/// A string or character literal whose escapes Rust's lexer takes (`\x` up to 0x7f with two
/// digits, no octal escape but `\0` alone, no `\e`, `\?`, `\u1234`); a character literal of
/// one character.
fn literal_lexes(lit: &str) -> Result<(), String> {
    let quote = lit.as_bytes()[0];
    let inner = &lit[1..lit.len() - 1];
    let b = inner.as_bytes();
    let mut i = 0;
    let mut chars = 0;
    while i < b.len() {
        if !b[i].is_ascii() || b[i].is_ascii_control() {
            return Err(format!("the literal {lit} holds a byte outside printable ASCII"));
        }
        if b[i] == b'\\' {
            let ok = match b.get(i + 1) {
                Some(b'n' | b'r' | b't' | b'\\' | b'\'' | b'"') => {
                    i += 2;
                    true
                }
                Some(b'0') => {
                    // `\0` alone: in a character literal, no digit may follow.
                    i += 2;
                    quote == b'"' || !b.get(i).is_some_and(u8::is_ascii_digit)
                }
                Some(b'x') => {
                    let h = b.get(i + 2..i + 4).filter(|h| h.iter().all(u8::is_ascii_hexdigit) && h[0] <= b'7');
                    let more = b.get(i + 4).is_some_and(u8::is_ascii_hexdigit);
                    i += 4;
                    h.is_some() && (quote == b'"' || !more)
                }
                _ => false,
            };
            if !ok {
                return Err(format!("the literal {lit} has an escape Rust's lexer refuses (an octal escape, `\\x` above 0x7f, `\\e`, `\\?`, ..)"));
            }
        } else {
            i += 1;
        }
        chars += 1;
    }
    if quote == b'\'' && chars != 1 {
        return Err(format!("{lit} is a character literal of {chars} characters: Rust's lexer takes one"));
    }
    Ok(())
}

/// Words that make a body a statement, a declaration or an attribute.
const NOT_EXPRESSION: &[&str] = &[
    "do", "while", "for", "if", "else", "return", "switch", "case", "default", "goto", "break", "continue", "typedef", "static", "extern", "inline",
    "__inline__", "__inline", "register", "auto", "__attribute__", "__attribute", "asm", "__asm__", "__asm", "_Static_assert", "__declspec",
];

/// Words that begin a type.
const TYPE_WORDS: &[&str] = &[
    "struct", "union", "enum", "unsigned", "signed", "int", "long", "short", "char", "void", "const", "volatile", "_Bool", "float", "double", "__signed__",
    "__const", "restrict", "__restrict",
];

/// Whether the tokens are `( .. )` as a whole.
fn fully_parenthesized(toks: &[Tok]) -> bool {
    if toks.first() != Some(&Tok::Punct("(")) || toks.last() != Some(&Tok::Punct(")")) {
        return false;
    }
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Punct("(") => depth += 1,
            Tok::Punct(")") => {
                depth -= 1;
                if depth == 0 && i + 1 != toks.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Why parentheses around the body would change what the macro means, if they would.
fn parenthesized_changes(toks: &[Tok]) -> Option<String> {
    // One identifier or number is written as it is, and `( .. )` too.
    if toks.len() <= 1 && toks.iter().all(|t| matches!(t, Tok::Ident(_) | Tok::Num(_)) && t.text().bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')) {
        return None;
    }
    if fully_parenthesized(toks) {
        return None;
    }
    if let Some(t) = toks.iter().find(|t| matches!(t, Tok::Punct(";" | "{" | "}")) || matches!(t, Tok::Ident(w) if NOT_EXPRESSION.contains(&w.as_str()))) {
        return Some(format!("`{}` makes it a statement, a declaration or an attribute", t.text()));
    }
    if let Some(Tok::Ident(w)) = toks.first().filter(|t| matches!(t, Tok::Ident(w) if TYPE_WORDS.contains(&w.as_str()))) {
        return Some(format!("it begins with `{w}`: a type"));
    }
    if toks.iter().any(|t| matches!(t, Tok::Str(_))) {
        return Some("it holds a string, which C would no longer join with the strings beside it".to_string());
    }
    if toks.iter().any(|t| matches!(t, Tok::Punct("#"))) {
        return Some("it makes a string (`#`), which C would no longer join with the strings beside it".to_string());
    }
    // `_u._sa_handler`: a member path, used after `.` (`act.sa_handler`).
    if toks.len() >= 3 && toks.iter().enumerate().all(|(i, t)| if i % 2 == 0 { matches!(t, Tok::Ident(_)) } else { matches!(t, Tok::Punct("." | "->")) }) {
        return Some("it is a member path, which C uses after `.` or `->`".to_string());
    }
    None
}

/// The Rust text of the tokens: one space between tokens (so that Rust's lexer sees C's
/// tokens, `a ## b` included), each multi-character punctuator whole.
fn rust_text(toks: &[Tok]) -> String {
    let mut out = String::new();
    for (i, t) in toks.iter().enumerate() {
        // C's own spacing where Rust's lexer cannot join tokens across it: none inside
        // brackets, before a comma, or between a name and its call's parenthesis.
        let tight = matches!(
            (i.checked_sub(1).map(|p| &toks[p]), t),
            (None, _) | (Some(Tok::Punct("(" | "[")), _) | (_, Tok::Punct(")" | "]" | ",")) | (Some(Tok::Ident(_)), Tok::Punct("("))
        );
        if !tight {
            out.push(' ');
        }
        out.push_str(t.text());
    }
    out
}

/// Names that `syn` does not take as a parameter name (keywords), renamed with a `_`.
fn needs_rename(p: &str) -> bool {
    super::convert::RUST_KEYWORDS.contains(&p) || matches!(p, "_" | "self" | "Self" | "super" | "crate" | "macro_rules")
}

/// A C-only macro, as the language writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CMacro {
    pub name: String,
    /// `None`: object-like. The last may be `...`.
    pub params: Option<Vec<String>>,
    /// The replacement list as Rust tokens (empty: defined without a value).
    pub body: String,
    /// The replacement list as C tokens, for the round trip.
    pub c_tokens: Vec<String>,
}

/// `#define name(params) body` as a C-only macro, or why not.
pub fn convert(name: &str, params: Option<&[String]>, body: &str) -> Result<CMacro, Refusal> {
    let refuse = |kind: &'static str, why: String| Err(Refusal { kind, message: format!("`{name}`: {why}") });
    if needs_rename(name) || name.starts_with("__uabi_") {
        return refuse("c-macro-name", format!("`{name}` is a Rust keyword or a name uabi reserves: a `macro_rules!` cannot have it"));
    }
    let mut toks = match tokenize(body) {
        Ok(t) => t,
        Err(why) => return refuse("c-macro-tokens", format!("the body `{body}` cannot be written as Rust tokens: {why}")),
    };
    let params = match params {
        None => None,
        Some([]) => return refuse("c-macro-params", format!("`{name}()` takes no arguments, and a `macro_rules!` arm `()` is an object-like macro")),
        Some(ps) => {
            let mut out: Vec<String> = Vec::new();
            for (i, p) in ps.iter().enumerate() {
                if p == "..." {
                    if i + 1 != ps.len() {
                        return refuse("c-macro-params", "`...` is not its last parameter".to_string());
                    }
                    out.push(p.clone());
                    continue;
                }
                if !(p.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')) {
                    return refuse("c-macro-params", format!("the parameter `{p}` is not a name"));
                }
                let mut q = p.clone();
                if needs_rename(p) {
                    // A keyword: renamed, in the parameters and the body alike (a rename the
                    // macro cannot see, since `#` bodies are refused).
                    while needs_rename(&q) || ps.contains(&q) || out.contains(&q) {
                        q.push('_');
                    }
                    for t in &mut toks {
                        if *t == Tok::Ident(p.clone()) {
                            *t = Tok::Ident(q.clone());
                        }
                    }
                }
                out.push(q);
            }
            Some(out)
        }
    };
    if let Some(why) = parenthesized_changes(&toks) {
        return refuse("c-macro-form", format!("the body `{body}` is not an expression uabi can write: {why}, and uabi writes a body of several tokens in parentheses"));
    }
    Ok(CMacro { name: name.to_string(), params, body: rust_text(&toks), c_tokens: toks.iter().map(|t| t.text().to_string()).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rust_lexes() {
        let m = convert("PERF_MEM_S", Some(&["a".into(), "s".into()]), "(((__u64)PERF_MEM_##a##_##s) << PERF_MEM_##a##_SHIFT)").unwrap();
        assert_eq!(m.body, "(((__u64) PERF_MEM_ ## a ## _ ## s) << PERF_MEM_ ## a ## _SHIFT)");
        assert!(convert("A", None, "(1UL << 3) + 0x1fULL + 'a' + 1.5f + .5 + 1e-3").is_ok(), "an expression of several tokens");
        assert_eq!(convert("E", None, "").unwrap().body, "");
        assert_eq!(convert("S", Some(&["x".into()]), "\\\n( (x) + 1 \\\n)").unwrap().body, "((x) + 1)", "line splices are C's, gone before tokens");
        assert_eq!(convert("F", Some(&["type".into()]), "((type)0)").unwrap().params, Some(vec!["type_".to_string()]));
        for (body, kind) in [
            ("'\\xff'", "c-macro-tokens"),
            ("'ab'", "c-macro-tokens"),
            ("L\"x\"", "c-macro-tokens"),
            ("a @ b", "c-macro-tokens"),
            ("((a)", "c-macro-tokens"),
            ("0x1p-3", "c-macro-tokens"),
            ("do { } while (0)", "c-macro-form"),
            ("__attribute__((packed))", "c-macro-form"),
            ("struct foo", "c-macro-form"),
            ("_u._sa_handler", "c-macro-form"),
            ("PREFIX \"x\"", "c-macro-form"),
        ] {
            assert_eq!(convert("M", None, body).map_err(|e| e.kind), Err(kind), "{body}");
        }
        assert_eq!(convert("F", Some(&[]), "1").map_err(|e| e.kind), Err("c-macro-params"));
    }
}
