//! A macro's C expression as a Rust constant expression.
//!
//! The model evaluates a constant as rustc does and the C writer then writes the expression
//! back when C computes the same value from it. So import keeps a macro's expression where
//! Rust can say the same thing (`(1U << 3)` becomes `1 << 3`, `VFIO_BASE + 1` stays), and
//! otherwise writes the value the target's compiler computed. Every translation is checked
//! here: it is evaluated with Rust's rules in the constant's type and must give the value
//! libclang gave the macro, or the literal is used instead.

use std::collections::HashMap;

use uabi_model::ast::Prim;

/// A C integer value with its signedness, as libclang evaluates a macro.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CValue {
    pub value: i128,
    pub unsigned: bool,
}

impl CValue {
    /// The width of the C type that holds it: 32 bits when it fits `int` (or `unsigned int`
    /// for an unsigned value), else 64.
    fn width(self) -> u32 {
        let fits32 = if self.unsigned { self.value <= u32::MAX as i128 } else { i32::MIN as i128 <= self.value && self.value <= i32::MAX as i128 };
        if fits32 {
            32
        } else {
            64
        }
    }

    /// Whether C's `==` holds between the two after the usual arithmetic conversions: equal
    /// values, or equal bits in the wider type when either is unsigned (`-1 == 0xffffffffU`).
    pub fn c_equal(self, other: CValue) -> bool {
        if !self.unsigned && !other.unsigned {
            return self.value == other.value;
        }
        let w = self.width().max(other.width());
        let mask = (1i128 << w) - 1;
        self.value & mask == other.value & mask
    }
}

/// The Rust type a constant of this C value gets: C's own type where it is a fixed-width
/// one (`int` is `i32`, `unsigned long` 64 bits on the 64-bit ABIs this mirrors), with
/// `unsigned` from the C type.
pub fn prim_for(v: CValue, wide: bool) -> Prim {
    match (v.unsigned, wide || CValue::width(v) == 64) {
        (true, false) => Prim::U32,
        (true, true) => Prim::U64,
        (false, false) => Prim::I32,
        (false, true) => Prim::I64,
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// An integer literal: value, the suffix (`U`, `UL`, `ULL`, ...) upper-cased, and its
    /// digits as written (`0x01`), which Rust spells alike.
    Int(u128, String, Radix, String),
    Char(u8),
    Str,
    Punct(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Radix {
    Dec,
    Hex,
    Oct,
    Bin,
}

const PUNCTS: &[&str] = &[
    "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "->", "++", "--", "(", ")", "[", "]", "+", "-", "*", "/", "%", "&", "|", "^", "~",
    "!", "<", ">", "?", ":", ",", ".", "#",
];

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(s[start..i].to_string()));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            out.push(int_literal(&s[start..i])?);
        } else if c == b'\'' {
            let (v, len) = char_literal(&b[i..])?;
            out.push(Tok::Char(v));
            i += len;
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(Tok::Str);
        } else {
            let p = PUNCTS.iter().find(|p| s[i..].starts_with(**p))?;
            out.push(Tok::Punct(p));
            i += p.len();
        }
    }
    Some(out)
}

fn int_literal(t: &str) -> Option<Tok> {
    let lower = t.to_ascii_lowercase();
    let digits_end = lower.trim_end_matches(['u', 'l']).len();
    let (digits, suffix) = lower.split_at(digits_end);
    let suffix = suffix.to_ascii_uppercase();
    if !matches!(suffix.as_str(), "" | "U" | "L" | "UL" | "LU" | "LL" | "ULL" | "LLU") {
        return None;
    }
    let (radix, v) = if let Some(h) = digits.strip_prefix("0x") {
        (Radix::Hex, u128::from_str_radix(h, 16).ok()?)
    } else if let Some(bn) = digits.strip_prefix("0b") {
        (Radix::Bin, u128::from_str_radix(bn, 2).ok()?)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (Radix::Oct, u128::from_str_radix(&digits[1..], 8).ok()?)
    } else {
        (Radix::Dec, digits.parse().ok()?)
    };
    let written = t[..digits_end].to_string();
    Some(Tok::Int(v, suffix, radix, written))
}

/// `'a'`, `'\n'`, `'\x1b'`, `'\033'`: the byte and the literal's length. Multi-character
/// constants are refused.
fn char_literal(b: &[u8]) -> Option<(u8, usize)> {
    match b.get(1)? {
        b'\\' => {
            let esc = *b.get(2)?;
            let (v, len) = match esc {
                b'n' => (b'\n', 1),
                b't' => (b'\t', 1),
                b'r' => (b'\r', 1),
                b'0'..=b'7' => {
                    let n = b[2..].iter().take(3).take_while(|c| (b'0'..=b'7').contains(c)).count();
                    (u8::from_str_radix(std::str::from_utf8(&b[2..2 + n]).ok()?, 8).ok()?, n)
                }
                b'x' => {
                    let n = b[3..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
                    (u8::from_str_radix(std::str::from_utf8(&b[3..3 + n]).ok()?, 16).ok()?, n + 1)
                }
                b'\\' | b'\'' | b'"' | b'?' => (esc, 1),
                b'a' => (7, 1),
                b'b' => (8, 1),
                b'f' => (12, 1),
                b'v' => (11, 1),
                _ => return None,
            };
            (*b.get(2 + len)? == b'\'').then_some((v, 3 + len))
        }
        b'\'' => None,
        &c => (*b.get(2)? == b'\'').then_some((c, 3)),
    }
}

/// A parsed C expression: what a Rust constant expression can say.
#[derive(Clone, Debug)]
enum Expr {
    Int(u128, Radix, String),
    Char(u8),
    Name(String),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    /// `(__u64)x`: the cast's type, in Rust.
    Cast(Prim, Box<Expr>),
    Paren(Box<Expr>),
}

struct P<'a> {
    t: &'a [Tok],
    i: usize,
}

/// Binary operators Rust and C share, by C's precedence (higher binds tighter).
fn binary(p: &str) -> Option<(u8, &'static str)> {
    Some(match p {
        "*" => (10, "*"),
        "/" => (10, "/"),
        "%" => (10, "%"),
        "+" => (9, "+"),
        "-" => (9, "-"),
        "<<" => (8, "<<"),
        ">>" => (8, ">>"),
        "&" => (5, "&"),
        "^" => (4, "^"),
        "|" => (3, "|"),
        _ => return None,
    })
}

/// The C spellings of integer types a cast may name, as the 64-bit ABIs size them.
pub fn c_type_prim(words: &[&str]) -> Option<Prim> {
    let joined = words.join(" ");
    Some(match joined.as_str() {
        "__u8" | "unsigned char" | "uint8_t" => Prim::U8,
        "__s8" | "signed char" | "int8_t" => Prim::I8,
        "__u16" | "unsigned short" | "unsigned short int" | "uint16_t" | "__be16" | "__le16" => Prim::U16,
        "__s16" | "short" | "short int" | "int16_t" => Prim::I16,
        "__u32" | "unsigned" | "unsigned int" | "uint32_t" | "__be32" | "__le32" => Prim::U32,
        "__s32" | "int" | "signed" | "signed int" | "int32_t" => Prim::I32,
        "__u64" | "unsigned long" | "unsigned long int" | "unsigned long long" | "unsigned long long int" | "uint64_t" | "__be64"
        | "__le64" | "size_t" | "__kernel_size_t" | "uintptr_t" => Prim::U64,
        "__s64" | "long" | "long int" | "long long" | "long long int" | "int64_t" | "ssize_t" | "__kernel_ssize_t" => Prim::I64,
        _ => return None,
    })
}

impl P<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.t.get(self.i)
    }

    fn punct(&mut self, p: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Punct(q)) if *q == p) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expr(&mut self, min: u8) -> Option<Expr> {
        let mut lhs = self.unary()?;
        while let Some(Tok::Punct(p)) = self.peek() {
            let Some((prec, op)) = binary(p) else { break };
            if prec < min {
                break;
            }
            self.i += 1;
            let rhs = self.expr(prec + 1)?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        Some(lhs)
    }

    fn unary(&mut self) -> Option<Expr> {
        if self.punct("-") {
            return Some(Expr::Neg(Box::new(self.unary()?)));
        }
        if self.punct("~") {
            return Some(Expr::Not(Box::new(self.unary()?)));
        }
        if self.punct("+") {
            return self.unary();
        }
        self.primary()
    }

    fn primary(&mut self) -> Option<Expr> {
        match self.peek()?.clone() {
            Tok::Int(v, _, r, written) => {
                self.i += 1;
                Some(Expr::Int(v, r, written))
            }
            Tok::Char(c) => {
                self.i += 1;
                Some(Expr::Char(c))
            }
            Tok::Ident(n) => {
                self.i += 1;
                Some(Expr::Name(n))
            }
            Tok::Punct("(") => {
                self.i += 1;
                // A cast: `(` type words `)`.
                let start = self.i;
                let mut words: Vec<String> = Vec::new();
                while let Some(Tok::Ident(w)) = self.peek() {
                    words.push(w.clone());
                    self.i += 1;
                }
                if !words.is_empty() && self.punct(")") {
                    let words: Vec<&str> = words.iter().map(String::as_str).collect();
                    if let Some(p) = c_type_prim(&words) {
                        return Some(Expr::Cast(p, Box::new(self.unary()?)));
                    }
                    if words.len() > 1 {
                        return None;
                    }
                }
                self.i = start;
                let e = self.expr(0)?;
                self.punct(")").then(|| Expr::Paren(Box::new(e)))
            }
            _ => None,
        }
    }
}

fn parse(body: &str) -> Option<Expr> {
    let t = tokenize(body)?;
    let mut p = P { t: &t, i: 0 };
    let e = p.expr(0)?;
    (p.i == t.len()).then_some(e)
}

/// The integer literal suffix every literal of the body has (`UL` of `(1UL << 2)`), if they
/// all have the same non-empty one.
pub fn common_suffix(body: &str) -> Option<String> {
    let toks = tokenize(body)?;
    // Unsuffixed literals do not count: Linux writes `(1UL << 2)`.
    let mut found: Option<String> = None;
    for t in toks {
        if let Tok::Int(_, s, ..) = t {
            if s.is_empty() {
                continue;
            }
            let s = match s.as_str() {
                "LU" => "UL".to_string(),
                "LLU" => "ULL".to_string(),
                _ => s,
            };
            match &found {
                None => found = Some(s),
                Some(f) if *f == s => {}
                Some(_) => return None,
            }
        }
    }
    found.filter(|s| !s.is_empty())
}

/// Whether the body is a character constant alone, maybe parenthesized: `'V'`, `(';')`.
pub fn char_only(body: &str) -> Option<u8> {
    let mut e = parse(body)?;
    while let Expr::Paren(inner) = e {
        e = *inner;
    }
    match e {
        Expr::Char(c) => Some(c),
        _ => None,
    }
}

/// Whether the body's first integer literal is hexadecimal: the value is then written in hex.
pub fn prefers_hex(body: &str) -> bool {
    tokenize(body).is_some_and(|t| t.iter().find_map(|t| if let Tok::Int(_, _, r, _) = t { Some(*r == Radix::Hex) } else { None }) == Some(true))
}

/// The constants a translation may name: Rust name to its type and value.
pub type Env = HashMap<String, (Prim, i128)>;

/// The Rust expression of `body` in type `ty`, when its value by Rust's rules is `want` as
/// C compares values; `None` when Rust cannot say it or says something else.
pub fn translate(body: &str, ty: Prim, want: CValue, env: &Env) -> Option<String> {
    let e = parse(body)?;
    let (text, value) = rust(&e, ty, env, true)?;
    CValue { value, unsigned: !ty.signed() }.c_equal(want).then_some(text)
}

/// The Rust text of `e` in type `ty` and its value; `top` drops the outer parentheses.
fn rust(e: &Expr, ty: Prim, env: &Env, top: bool) -> Option<(String, i128)> {
    let (lo, hi) = ty.range();
    let fits = |v: i128| (lo..=hi).contains(&v);
    Some(match e {
        Expr::Int(v, r, written) => {
            let v = i128::try_from(*v).ok()?;
            if !fits(v) {
                return None;
            }
            // As written (`0x01`, `0xAE`), but C's octal `010` is Rust's `0o10`.
            let text = match r {
                Radix::Oct => format!("{v:#o}"),
                _ => written.clone(),
            };
            (text, v)
        }
        // A character in a wider expression is its code: `b'x'` is a `u8` in Rust.
        Expr::Char(c) if ty == Prim::U8 => (format!("b'{}'", (*c as char).escape_default()), *c as i128),
        Expr::Char(c) => (c.to_string(), *c as i128),
        Expr::Name(n) => {
            let &(t, v) = env.get(n)?;
            if t == ty {
                (n.clone(), v)
            } else {
                let v = ty.wrap(v);
                (format!("({n} as {})", ty.rust_name()), v)
            }
        }
        Expr::Neg(inner) => {
            if !ty.signed() {
                return None;
            }
            let (t, v) = rust(inner, ty, env, false)?;
            let v = v.checked_neg().filter(|v| fits(*v))?;
            (format!("-{t}"), v)
        }
        Expr::Not(inner) => {
            let (t, v) = rust(inner, ty, env, false)?;
            (format!("!{t}"), ty.wrap(!v))
        }
        Expr::Cast(p, inner) => {
            if *p == ty {
                rust(inner, *p, env, false)?
            } else {
                // rustc does not type the operand of `as` from the cast: its literals say it.
                let (t, v) = rust(inner, *p, env, false)?;
                (format!("({} as {})", suffixed(&t, *p), ty.rust_name()), ty.wrap(v))
            }
        }
        // A binary operation parenthesizes itself where it is not the whole expression, and
        // nothing else needs parentheses: C's own are not kept.
        Expr::Paren(inner) => rust(inner, ty, env, top)?,
        Expr::Bin(op, a, b) => {
            let (ta, va) = rust(a, ty, env, false)?;
            let (tb, vb) = if matches!(*op, "<<" | ">>") {
                // Rust types a shift's right side on its own (an unsuffixed literal is `i32`).
                rust(b, shift_type(b, env), env, false)?
            } else {
                rust(b, ty, env, false)?
            };
            let v = match *op {
                "+" => va.checked_add(vb).filter(|v| fits(*v))?,
                "-" => va.checked_sub(vb).filter(|v| fits(*v))?,
                "*" => va.checked_mul(vb).filter(|v| fits(*v))?,
                "/" if vb != 0 => va.checked_div(vb).filter(|v| fits(*v))?,
                "%" if vb != 0 => va.checked_rem(vb)?,
                "<<" if (0..ty.bits() as i128).contains(&vb) => ty.wrap(va << vb),
                ">>" if (0..ty.bits() as i128).contains(&vb) => va >> vb,
                "&" => va & vb,
                "|" => va | vb,
                "^" => va ^ vb,
                _ => return None,
            };
            let text = format!("{ta} {op} {tb}");
            (if top { text } else { format!("({text})") }, v)
        }
    })
}

/// `text` with a suffix on each integer literal outside a shift's right side: `!0` -> `!0u8`,
/// so that rustc types it as the C cast does.
fn suffixed(text: &str, p: Prim) -> String {
    let mut out = String::new();
    let b = text.as_bytes();
    let mut i = 0;
    let mut after_shift = false;
    while i < b.len() {
        let c = b[i];
        let starts_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'\'');
        if c.is_ascii_digit() && starts_word {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push_str(&text[start..i]);
            if !after_shift {
                out.push_str(p.rust_name());
            }
            after_shift = false;
            continue;
        }
        if text[i..].starts_with("<<") || text[i..].starts_with(">>") {
            after_shift = true;
            out.push_str(&text[i..i + 2]);
            i += 2;
            continue;
        }
        if !c.is_ascii_whitespace() && c != b'(' {
            after_shift = false;
        }
        out.push(c as char);
        i += 1;
    }
    out
}

/// The type of a shift's right side: a named constant's own, else `i32`.
fn shift_type(e: &Expr, env: &Env) -> Prim {
    match e {
        Expr::Name(n) => env.get(n).map_or(Prim::I32, |(t, _)| *t),
        Expr::Paren(inner) => shift_type(inner, env),
        _ => Prim::I32,
    }
}

/// `v` as a Rust literal of type `ty`: hexadecimal when `hex`, and the most negative value
/// of a type as `-MAX - 1` (its literal does not fit the type before the negation).
pub fn literal(v: i128, ty: Prim, hex: bool) -> String {
    if v < 0 {
        let (lo, _) = ty.range();
        if v == lo {
            return format!("-{} - 1", -(v + 1));
        }
        return format!("-{}", -v);
    }
    if hex && v > 9 {
        format!("{v:#x}")
    } else {
        v.to_string()
    }
}

/// The names a body refers to (identifiers that are not type words of a cast).
pub fn names(body: &str) -> Vec<String> {
    let Some(e) = parse(body) else { return Vec::new() };
    let mut out = Vec::new();
    fn walk(e: &Expr, out: &mut Vec<String>) {
        match e {
            Expr::Name(n) => out.push(n.clone()),
            Expr::Neg(i) | Expr::Not(i) | Expr::Cast(_, i) | Expr::Paren(i) => walk(i, out),
            Expr::Bin(_, a, b) => {
                walk(a, out);
                walk(b, out);
            }
            Expr::Int(..) | Expr::Char(_) => {}
        }
    }
    walk(&e, &mut out);
    out
}

/// A C string literal (`"vfio-pci"`, maybe parenthesized, maybe several concatenated) as its
/// bytes, when it is text without NUL.
pub fn c_string(body: &str) -> Option<String> {
    let mut s = body.trim();
    while let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        s = inner.trim();
    }
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut any = false;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b[i] != b'"' {
            return None;
        }
        any = true;
        i += 1;
        loop {
            match b.get(i)? {
                b'"' => {
                    i += 1;
                    break;
                }
                b'\\' => {
                    // The escape as a character constant says it: `'\n'`, `'\033'`, `'\x1b'`.
                    let len = match b.get(i + 1)? {
                        b'0'..=b'7' => 1 + b[i + 1..].iter().take(3).take_while(|c| (b'0'..=b'7').contains(c)).count(),
                        b'x' => 2 + b[i + 2..].iter().take_while(|c| c.is_ascii_hexdigit()).count(),
                        _ => 2,
                    };
                    let mut lit = vec![b'\''];
                    lit.extend_from_slice(b.get(i..i + len)?);
                    lit.push(b'\'');
                    let (v, _) = char_literal(&lit)?;
                    out.push(v);
                    i += len;
                }
                &c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }
    if !any || out.contains(&0) {
        return None;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(value: i128, unsigned: bool) -> CValue {
        CValue { value, unsigned }
    }

    #[test]
    fn expressions_rust_can_say_are_kept() {
        let mut env = Env::new();
        env.insert("BASE".into(), (Prim::I32, 100));
        env.insert("WIDE".into(), (Prim::U64, 1 << 40));
        assert_eq!(translate("(1U << 3)", Prim::U32, c(8, true), &env).as_deref(), Some("1 << 3"));
        assert_eq!(translate("BASE + 1", Prim::I32, c(101, false), &env).as_deref(), Some("BASE + 1"));
        assert_eq!(translate("((__u64)1 << 32)", Prim::U64, c(1 << 32, true), &env).as_deref(), Some("1 << 32"));
        assert_eq!(translate("~0x3", Prim::U32, c(0xffff_fffc, true), &env).as_deref(), Some("!0x3"));
        assert_eq!(translate("(BASE | 0x10)", Prim::U32, c(116, true), &env).as_deref(), Some("(BASE as u32) | 0x10"));
        assert_eq!(translate("010", Prim::I32, c(8, false), &env).as_deref(), Some("0o10"));
        assert_eq!(translate("-EINVAL", Prim::I32, c(-22, false), &env), None, "an unknown name");
        assert_eq!(translate("(1 << 31)", Prim::U32, c(i32::MIN as i128, false), &env).as_deref(), Some("1 << 31"), "C's int value, the same bits");
        assert_eq!(translate("sizeof(struct x)", Prim::U32, c(8, true), &env), None);
        assert_eq!(translate("A > B ? A : B", Prim::U32, c(8, true), &env), None);
        assert_eq!(translate("1 << 40", Prim::U32, c(0, false), &env), None, "a shift by more than the width");
        assert_eq!(translate("(WIDE >> 8)", Prim::U64, c(1 << 32, true), &env).as_deref(), Some("WIDE >> 8"));
        // The operand of a cast to another type says its own type, as rustc reads it.
        assert_eq!(translate("((__u8) ~0)", Prim::U32, c(255, true), &env).as_deref(), Some("(!0u8 as u32)"));
        assert_eq!(translate("((__u64)1 << 40)", Prim::U32, c(0, true), &env), None);
        assert_eq!(translate("((__u16)(1 << 3))", Prim::I32, c(8, false), &env).as_deref(), Some("((1u16 << 3) as i32)"));
    }

    #[test]
    fn a_translation_must_give_the_c_value() {
        // In C, 0xffffffff + 1 is 0 as unsigned int; in a u64 it is 2^32.
        assert_eq!(translate("0xffffffffU + 1", Prim::U64, c(0, true), &Env::new()), None);
    }

    #[test]
    fn values_compare_as_c_compares_them() {
        assert!(c(-1, false).c_equal(c(0xffff_ffff, true)));
        assert!(c(-1, false).c_equal(c(-1, false)));
        assert!(!c(-1, false).c_equal(c(0xffff_ffff, false)));
        assert!(c(i32::MIN as i128, false).c_equal(c(0x8000_0000, true)));
        assert!(!c(1 << 32, true).c_equal(c(0, true)));
    }

    #[test]
    fn literals_and_types() {
        assert_eq!(literal(-2147483648, Prim::I32, false), "-2147483647 - 1");
        assert_eq!(literal(255, Prim::U32, true), "0xff");
        assert_eq!(literal(-3, Prim::I64, true), "-3");
        assert_eq!(prim_for(c(-1, false), false), Prim::I32);
        assert_eq!(prim_for(c(0x1_0000_0000, true), false), Prim::U64);
        assert_eq!(char_only("(';')"), Some(b';'));
        assert_eq!(char_only("'\\x1b'"), Some(0x1b));
        assert_eq!(char_only("'a' + 1"), None);
        assert_eq!(common_suffix("(1UL << 2)").as_deref(), Some("UL"));
        assert_eq!(common_suffix("(1UL << 2U)"), None);
        assert_eq!(common_suffix("(1 << 2)"), None);
        assert_eq!(c_string("\"vfio\" \"-pci\"").as_deref(), Some("vfio-pci"));
        assert_eq!(c_string("\"a\\nb\\\\\"").as_deref(), Some("a\nb\\"));
        assert_eq!(c_string("x"), None);
        assert_eq!(names("(A | B) << C"), ["A", "B", "C"]);
    }
}
