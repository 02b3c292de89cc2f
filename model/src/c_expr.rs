//! How the header spells a constant: its expression, when C computes the model's value from it,
//! else the value itself.
//!
//! The model's value is rustc's (see `eval`), and C computes differently: a literal's type
//! comes from its value and suffix (`1 << 31` overflows C's `int` but not a Rust `u32`), casts
//! have no spelling in the header, `long` is 32 or 64 bits depending on the architecture, and
//! signed overflow is undefined. So each expression is evaluated here as C would evaluate it,
//! under both of Linux's data models (ILP32 and LP64), with each candidate literal suffix; the
//! first spelling that gives the model's value on both wins, and a constant no spelling of its
//! expression gets right is written as its value.

use std::collections::HashMap;

use syn::{BinOp, Expr, Lit, UnOp};

use crate::ast::{Abi, CSuffix, Const};

/// C's integer types from `int` up (everything narrower is promoted to `int` first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CTy {
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
}

/// Linux's two data models: `long` is 32 bits on 32-bit architectures and 64 on 64-bit ones.
const MODELS: [u32; 2] = [32, 64];

impl CTy {
    fn bits(self, long_bits: u32) -> u32 {
        match self {
            CTy::Int | CTy::UInt => 32,
            CTy::Long | CTy::ULong => long_bits,
            CTy::LongLong | CTy::ULongLong => 64,
        }
    }

    fn signed(self) -> bool {
        matches!(self, CTy::Int | CTy::Long | CTy::LongLong)
    }

    fn rank(self) -> u8 {
        match self {
            CTy::Int | CTy::UInt => 0,
            CTy::Long | CTy::ULong => 1,
            CTy::LongLong | CTy::ULongLong => 2,
        }
    }

    fn unsigned(self) -> CTy {
        match self {
            CTy::Int | CTy::UInt => CTy::UInt,
            CTy::Long | CTy::ULong => CTy::ULong,
            CTy::LongLong | CTy::ULongLong => CTy::ULongLong,
        }
    }

    fn range(self, long_bits: u32) -> (i128, i128) {
        let bits = self.bits(long_bits);
        if self.signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }

    fn fits(self, v: i128, long_bits: u32) -> bool {
        let (lo, hi) = self.range(long_bits);
        (lo..=hi).contains(&v)
    }

    /// `v` converted to this type: modulo 2^n for unsigned types; a signed type must hold it.
    fn convert(self, v: i128, long_bits: u32) -> Option<i128> {
        if self.signed() {
            self.fits(v, long_bits).then_some(v)
        } else {
            Some(v.rem_euclid(1i128 << self.bits(long_bits)))
        }
    }
}

/// The type of an integer literal with value `v`: the first of its ladder that holds it
/// (C11 6.4.4.1). Hexadecimal and octal literals may become unsigned, decimal ones may not.
fn literal_type(v: i128, decimal: bool, suffix: &str, long_bits: u32) -> Option<CTy> {
    use CTy::*;
    let ladder: &[CTy] = match (suffix, decimal) {
        ("", true) => &[Int, Long, LongLong],
        ("", false) => &[Int, UInt, Long, ULong, LongLong, ULongLong],
        ("U", _) => &[UInt, ULong, ULongLong],
        ("L", true) => &[Long, LongLong],
        ("L", false) => &[Long, ULong, LongLong, ULongLong],
        ("UL", _) => &[ULong, ULongLong],
        ("LL", true) => &[LongLong],
        ("LL", false) => &[LongLong, ULongLong],
        _ => &[ULongLong],
    };
    ladder.iter().copied().find(|t| t.fits(v, long_bits))
}

/// The usual arithmetic conversions of two promoted operands.
fn common(a: CTy, b: CTy, long_bits: u32) -> CTy {
    if a == b {
        return a;
    }
    if a.signed() == b.signed() {
        return if a.rank() >= b.rank() { a } else { b };
    }
    let (u, s) = if a.signed() { (b, a) } else { (a, b) };
    if u.rank() >= s.rank() {
        u
    } else if s.bits(long_bits) > u.bits(long_bits) {
        s
    } else {
        s.unsigned()
    }
}

/// A literal as the header writes it: `0b` has no C spelling before C23, so binary literals
/// become hexadecimal; `0o17` is C's `017`; digit separators go.
fn literal_text(i: &syn::LitInt) -> (String, bool) {
    let digits = i.to_string();
    let digits = digits.trim_end_matches(i.suffix()).replace('_', "");
    if let Some(bin) = digits.strip_prefix("0b") {
        let v = u128::from_str_radix(bin, 2).unwrap_or(0);
        (format!("{v:#x}"), false)
    } else if let Some(oct) = digits.strip_prefix("0o") {
        (format!("0{oct}"), false)
    } else {
        let octal = digits.len() > 1 && digits.starts_with('0');
        let decimal = !digits.starts_with("0x") && !octal;
        (digits, decimal)
    }
}

/// A C character literal for a byte.
pub fn c_char_literal(b: u8) -> String {
    match b {
        b'\'' => "'\\''".into(),
        b'\\' => "'\\\\'".into(),
        0x20..=0x7e => format!("'{}'", b as char),
        _ => format!("'\\x{b:02x}'"),
    }
}

/// `expr` as C text: literals with `suffix` (not shift counts, which never need widening),
/// casts dropped, names through `names`.
pub fn to_c(expr: &Expr, names: &dyn Fn(&str) -> String, suffix: &str) -> String {
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => format!("{}{suffix}", literal_text(i).0),
            Lit::Byte(b) => c_char_literal(b.value()),
            _ => String::from("/* unsupported */"),
        },
        Expr::Paren(p) => format!("({})", to_c(&p.expr, names, suffix)),
        Expr::Group(g) => to_c(&g.expr, names, suffix),
        Expr::Cast(c) => to_c(&c.expr, names, suffix),
        Expr::Path(p) => names(&p.path.get_ident().map(|i| i.to_string()).unwrap_or_default()),
        Expr::Unary(u) => {
            let op = match u.op {
                UnOp::Neg(_) => "-",
                _ => "~",
            };
            format!("{op}{}", to_c(&u.expr, names, suffix))
        }
        Expr::Binary(b) => {
            let op = quote::ToTokens::to_token_stream(&b.op).to_string();
            let right_suffix = if matches!(b.op, BinOp::Shl(_) | BinOp::Shr(_)) { "" } else { suffix };
            format!("{} {op} {}", to_c(&b.left, names, suffix), to_c(&b.right, names, right_suffix))
        }
        _ => String::from("/* unsupported */"),
    }
}

/// A macro's value and C type on each data model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CValue([(i128, CTy); 2]);

/// C's value and type of `expr` written with `suffix`, on the data model with `long_bits`
/// bits of `long`; `None` where C's behaviour is undefined (signed overflow, a shift past the
/// width) or the expression has no C spelling.
fn eval(expr: &Expr, suffix: &str, long_bits: u32, names: &dyn Fn(&str) -> Option<(i128, CTy)>) -> Option<(i128, CTy)> {
    let m = long_bits;
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => {
                let v = i128::try_from(i.base10_parse::<u128>().ok()?).ok()?;
                let (_, decimal) = literal_text(i);
                Some((v, literal_type(v, decimal, suffix, m)?))
            }
            Lit::Byte(b) => Some((b.value() as i128, CTy::Int)),
            _ => None,
        },
        Expr::Paren(p) => eval(&p.expr, suffix, m, names),
        Expr::Group(g) => eval(&g.expr, suffix, m, names),
        Expr::Cast(c) => eval(&c.expr, suffix, m, names),
        Expr::Path(p) => names(&p.path.get_ident()?.to_string()),
        Expr::Unary(u) => {
            let (v, t) = eval(&u.expr, suffix, m, names)?;
            match u.op {
                UnOp::Neg(_) if t.signed() => Some((-v, t)).filter(|(v, t)| t.fits(*v, m)),
                UnOp::Neg(_) => Some((t.convert(-v, m)?, t)),
                UnOp::Not(_) if t.signed() => Some((!v, t)),
                UnOp::Not(_) => Some((t.convert(!v, m)?, t)),
                _ => None,
            }
        }
        Expr::Binary(b) => {
            let (l, lt) = eval(&b.left, suffix, m, names)?;
            let right_suffix = if matches!(b.op, BinOp::Shl(_) | BinOp::Shr(_)) { "" } else { suffix };
            let (r, rt) = eval(&b.right, right_suffix, m, names)?;
            if let BinOp::Shl(_) | BinOp::Shr(_) = b.op {
                if r < 0 || r >= lt.bits(m) as i128 {
                    return None;
                }
                return match b.op {
                    BinOp::Shl(_) if lt.signed() => (l >= 0).then(|| l << r).filter(|v| lt.fits(*v, m)).map(|v| (v, lt)),
                    BinOp::Shl(_) => Some((lt.convert(l << r, m)?, lt)),
                    _ => Some((l >> r, lt)),
                };
            }
            let t = common(lt, rt, m);
            let (l, r) = (t.convert(l, m)?, t.convert(r, m)?);
            let v = match b.op {
                BinOp::Add(_) => l + r,
                BinOp::Sub(_) => l - r,
                BinOp::Mul(_) => l.checked_mul(r)?,
                BinOp::Div(_) => l.checked_div(r)?,
                BinOp::Rem(_) => l.checked_rem(r)?,
                BinOp::BitOr(_) => l | r,
                BinOp::BitAnd(_) => l & r,
                BinOp::BitXor(_) => l ^ r,
                _ => return None,
            };
            if t.signed() {
                t.fits(v, m).then_some((v, t))
            } else {
                Some((t.convert(v, m)?, t))
            }
        }
        _ => None,
    }
}

/// How the header spells a constant, and the C value it then has.
#[derive(Clone, Debug)]
struct Spelled {
    text: String,
    value: CValue,
}

/// The spellings of a module's constants, each decided once (a constant's spelling decides
/// the C type of every macro that names it).
pub struct Spellings<'a> {
    abi: &'a Abi,
    /// By C name and families: a constant defined per family is spelled per definition.
    done: std::cell::RefCell<HashMap<(String, uabi_arch::FamilySet), Option<Spelled>>>,
}

impl<'a> Spellings<'a> {
    pub fn new(abi: &'a Abi) -> Self {
        Spellings { abi, done: Default::default() }
    }

    /// The C text of constant `c`'s `#define`: its expression, parenthesized when compound,
    /// when C gets the model's value from it, else the value.
    pub fn text(&self, c: &Const) -> String {
        self.spell(c).text
    }

    /// Whether the header can spell `c` with the suffix it asks for at all: its expression or
    /// its value, with every literal `c_suffix`, giving the model's value.
    pub fn suffix_ok(&self, c: &Const) -> bool {
        let Some(s) = c.c_suffix else { return true };
        self.try_suffix(c, s.text()).is_some() || value_literal(c.value, Some(s)).is_some()
    }

    fn spell(&self, c: &Const) -> Spelled {
        // By C name: Rust names are only unique per enum (`PerfHwId::Max` and
        // `PerfSwIds::Max` are two constants), C names per module and family.
        let key = (c.c_name.clone(), c.place.arch);
        if let Some(Some(s)) = self.done.borrow().get(&key) {
            return s.clone();
        }
        // The suffix a value of this size takes in Linux's headers first (`0x80000000U`,
        // `0x100000000ULL`), so that the macro has the C type Linux gives it; then the others.
        let big = c.value.abs().max(largest_literal(&c.expr));
        let candidates: Vec<&str> = match (c.c_suffix, c.ty.signed()) {
            (Some(s), _) => vec![s.text()],
            (None, false) if big > u32::MAX as i128 => vec!["ULL", "", "U", "LL"],
            (None, false) if big > i32::MAX as i128 => vec!["U", "", "ULL", "LL"],
            (None, false) => vec!["", "U", "ULL", "LL"],
            (None, true) if big > i32::MAX as i128 => vec!["LL", "", "U", "ULL"],
            (None, true) => vec!["", "LL", "U", "ULL"],
        };
        let spelled = candidates.iter().find_map(|s| self.try_suffix(c, s)).unwrap_or_else(|| {
            let (text, suffix) = value_literal(c.value, c.c_suffix)
                .map(|t| (t, c.c_suffix.map_or("", CSuffix::text)))
                .unwrap_or_else(|| (value_literal(c.value, None).expect("every 64-bit value has a literal"), ""));
            // The literal's type: that of its digits and suffix (a negative literal is the
            // negation of one, of the same type).
            let plain = c.c_suffix == Some(CSuffix::Plain);
            let value = MODELS.map(|m| {
                let digits_suffix = if suffix.is_empty() && !plain { implied_suffix(c.value) } else { suffix };
                let t = if c.value < 0 && suffix.is_empty() {
                    if c.value >= i32::MIN as i128 { CTy::Int } else { CTy::LongLong }
                } else {
                    literal_type(c.value.abs(), c.value.abs() <= 0xffff, digits_suffix, m).unwrap_or(CTy::ULongLong)
                };
                (c.value, t)
            });
            Spelled { text, value: CValue(value) }
        });
        self.done.borrow_mut().insert(key, Some(spelled.clone()));
        spelled
    }

    fn try_suffix(&self, c: &Const, suffix: &str) -> Option<Spelled> {
        let names = |m: u32| {
            move |n: &str| -> Option<(i128, CTy)> {
                let other = self.abi.constant(n)?;
                let idx = MODELS.iter().position(|x| *x == m).expect("a model of MODELS");
                Some(self.spell(other).value.0[idx])
            }
        };
        let mut value = [(0i128, CTy::Int); 2];
        for (i, m) in MODELS.into_iter().enumerate() {
            let lookup = names(m);
            let (v, t) = eval(&c.expr, suffix, m, &lookup)?;
            if v != c.value {
                return None;
            }
            value[i] = (v, t);
        }
        let text = to_c(&c.expr, &|n| self.abi.constant(n).map_or_else(|| n.to_string(), |k| k.c_name.clone()), suffix);
        let text = if needs_parens(&c.expr) && !fully_parenthesized(&text) { format!("({text})") } else { text };
        Some(Spelled { text, value: CValue(value) })
    }
}

/// The largest integer literal of `expr`.
fn largest_literal(expr: &Expr) -> i128 {
    match expr {
        Expr::Lit(syn::ExprLit { lit: Lit::Int(i), .. }) => i.base10_parse::<u128>().ok().and_then(|v| i128::try_from(v).ok()).unwrap_or(0),
        Expr::Paren(p) => largest_literal(&p.expr),
        Expr::Group(g) => largest_literal(&g.expr),
        Expr::Cast(c) => largest_literal(&c.expr),
        Expr::Unary(u) => largest_literal(&u.expr),
        Expr::Binary(b) => largest_literal(&b.left).max(largest_literal(&b.right)),
        _ => 0,
    }
}

/// The suffix [`value_literal`] writes on `v` when no suffix is asked for.
fn implied_suffix(v: i128) -> &'static str {
    if v >= 0 {
        if v <= i32::MAX as i128 {
            ""
        } else if v <= u32::MAX as i128 {
            "U"
        } else {
            "ULL"
        }
    } else if v >= i32::MIN as i128 {
        ""
    } else {
        "LL"
    }
}

/// `v` as a C literal that has that value on every data model: hexadecimal for large positive
/// values, a `(-MAX - 1)` form for the most negative ones, whose digits no literal type holds.
/// With `suffix`, the literal carries it, where the value fits its type on both models.
fn value_literal(v: i128, suffix: Option<CSuffix>) -> Option<String> {
    if let Some(s) = suffix {
        let (lo, hi) = match s {
            // An unsuffixed literal holds any non-negative value (its type grows with it); a
            // negative one would be the negation of an unsigned literal above `INT_MAX`.
            CSuffix::Plain => (0, u64::MAX as i128),
            CSuffix::U | CSuffix::UL => (0, u32::MAX as i128),
            CSuffix::L => (i32::MIN as i128, i32::MAX as i128),
            CSuffix::LL => (i64::MIN as i128 + 1, i64::MAX as i128),
            CSuffix::ULL => (0, u64::MAX as i128),
        };
        if !(lo..=hi).contains(&v) {
            return None;
        }
        return Some(if v < 0 { format!("(-{}{})", -v, s.text()) } else { format!("{}{}", digits(v), s.text()) });
    }
    Some(if v >= 0 {
        format!("{}{}", digits(v), implied_suffix(v))
    } else if v == i32::MIN as i128 {
        "(-2147483647 - 1)".to_string()
    } else if v >= i32::MIN as i128 {
        format!("({v})")
    } else if v == i64::MIN as i128 {
        "(-9223372036854775807LL - 1)".to_string()
    } else {
        format!("({v}LL)")
    })
}

fn digits(v: i128) -> String {
    if v > 0xffff {
        format!("{v:#x}")
    } else {
        v.to_string()
    }
}

/// True when `text` is `( .. )` with the first parenthesis closed by the last character, so
/// that `(1 << 31) >> 4` still gets parentheses of its own.
fn fully_parenthesized(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(') else { return false };
    let mut depth = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1 == inner.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// True when the rendered expression needs parentheses to be used safely inside other macros.
fn needs_parens(expr: &Expr) -> bool {
    match expr {
        Expr::Binary(_) | Expr::Unary(_) => true,
        Expr::Cast(c) => needs_parens(&c.expr),
        Expr::Group(g) => needs_parens(&g.expr),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(expr: &str, suffix: &str, m: u32) -> Option<(i128, CTy)> {
        eval(&syn::parse_str(expr).unwrap(), suffix, m, &|_| None)
    }

    #[test]
    fn literals_take_c_types() {
        assert_eq!(c("2147483647", "", 32), Some((i32::MAX as i128, CTy::Int)));
        assert_eq!(c("2147483648", "", 32), Some((1 << 31, CTy::LongLong)));
        assert_eq!(c("2147483648", "", 64), Some((1 << 31, CTy::Long)));
        assert_eq!(c("0x80000000", "", 32), Some((1 << 31, CTy::UInt)));
        assert_eq!(c("1", "UL", 32), Some((1, CTy::ULong)));
    }

    #[test]
    fn undefined_behaviour_is_no_value() {
        assert_eq!(c("1 << 31", "", 64), None);
        assert_eq!(c("1 << 31", "U", 64), Some((1 << 31, CTy::UInt)));
        assert_eq!(c("1 << 40", "U", 64), None);
        assert_eq!(c("1 << 40", "UL", 32), None);
        assert_eq!(c("1 << 40", "UL", 64), Some((1 << 40, CTy::ULong)));
        assert_eq!(c("2147483647 + 1", "", 32), None);
    }

    #[test]
    fn conversions_follow_c() {
        // -1 converted to unsigned int for the comparison's sake: 0xffffffff.
        assert_eq!(c("!0", "U", 32), Some((0xffff_ffff, CTy::UInt)));
        assert_eq!(c("!0", "", 32), Some((-1, CTy::Int)));
        // int + unsigned long (a hex literal too large for long): the int converts.
        assert_eq!(c("1 + 0xffffffffffffffff", "", 64), Some((0, CTy::ULong)));
        assert_eq!(c("1 + 0xffffffffffffffff", "", 32), Some((0, CTy::ULongLong)));
        // long + unsigned int on ILP32: both 32 bits, so unsigned long.
        assert_eq!(common(CTy::Long, CTy::UInt, 32), CTy::ULong);
        assert_eq!(common(CTy::Long, CTy::UInt, 64), CTy::Long);
    }

    #[test]
    fn value_literals_have_their_value_on_both_models() {
        assert_eq!(value_literal(5, None).unwrap(), "5");
        assert_eq!(value_literal(0xffff_ffff, None).unwrap(), "0xffffffffU");
        assert_eq!(value_literal(1 << 40, None).unwrap(), "0x10000000000ULL");
        assert_eq!(value_literal(-1, None).unwrap(), "(-1)");
        assert_eq!(value_literal(i32::MIN as i128, None).unwrap(), "(-2147483647 - 1)");
        assert_eq!(value_literal(i64::MIN as i128, None).unwrap(), "(-9223372036854775807LL - 1)");
        assert_eq!(value_literal(4, Some(CSuffix::UL)).unwrap(), "4UL");
        assert_eq!(value_literal(1 << 40, Some(CSuffix::UL)), None);
        assert_eq!(value_literal(0x8000_0000, Some(CSuffix::Plain)).unwrap(), "0x80000000");
        assert_eq!(value_literal(-1, Some(CSuffix::Plain)), None);
    }
}
