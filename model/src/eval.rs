//! Constant expressions: the small integer language shared by Rust and C.
//!
//! The model evaluates each expression itself (to lay out arrays, encode ioctls, check ranges
//! and uniqueness) and renders it to C as written, so the header keeps `VFIO_BASE + 7` rather
//! than a bare number and the C compiler computes the value on its own.

use std::cell::RefCell;
use std::collections::HashMap;

use syn::{BinOp, Expr, Lit, UnOp};

const HINT: &str = "help: use integer or byte literals, names of constants of this module, parentheses and `+ - * / % << >> | & ^ !`";

/// Named expressions of one module, evaluated on demand (C `#define`s may refer forwards).
#[derive(Default)]
pub struct Env {
    exprs: HashMap<String, Expr>,
    values: RefCell<HashMap<String, Result<i128, String>>>,
    active: RefCell<Vec<String>>,
}

impl Env {
    pub fn define(&mut self, name: String, expr: Expr) {
        self.exprs.insert(name, expr);
    }

    pub fn is_defined(&self, name: &str) -> bool {
        self.exprs.contains_key(name)
    }

    pub fn value_of(&self, name: &str) -> Result<i128, String> {
        if let Some(v) = self.values.borrow().get(name) {
            return v.clone();
        }
        let Some(expr) = self.exprs.get(name) else {
            return Err(format!("`{name}` is not a constant of this module\n{HINT}"));
        };
        if self.active.borrow().iter().any(|n| n == name) {
            return Err(format!("`{name}` is defined in terms of itself"));
        }
        self.active.borrow_mut().push(name.to_string());
        let v = self.eval(expr).map_err(|(_, m)| m);
        self.active.borrow_mut().pop();
        self.values.borrow_mut().insert(name.to_string(), v.clone());
        v
    }

    /// Evaluates `expr`; the error carries the sub-expression at fault.
    pub fn eval<'e>(&self, expr: &'e Expr) -> Result<i128, (&'e Expr, String)> {
        let overflow = |e| (e, format!("the constant expression overflows\n{HINT}"));
        match expr {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) => i.base10_parse::<i128>().map_err(|e| (expr, e.to_string())),
                Lit::Byte(b) => Ok(b.value() as i128),
                _ => Err((expr, format!("only integer and byte literals are ABI constants\n{HINT}"))),
            },
            Expr::Paren(p) => self.eval(&p.expr),
            Expr::Group(g) => self.eval(&g.expr),
            Expr::Cast(c) => self.eval(&c.expr),
            Expr::Path(p) => match p.path.get_ident() {
                Some(id) => self.value_of(&id.to_string()).map_err(|m| (expr, m)),
                None => Err((expr, format!("write the constant's plain name\n{HINT}"))),
            },
            Expr::Unary(u) => {
                let v = self.eval(&u.expr)?;
                match u.op {
                    UnOp::Neg(_) => Ok(-v),
                    UnOp::Not(_) => Ok(!v),
                    _ => Err((expr, format!("unsupported operator\n{HINT}"))),
                }
            }
            Expr::Binary(b) => {
                let (l, r) = (self.eval(&b.left)?, self.eval(&b.right)?);
                let v = match b.op {
                    BinOp::Add(_) => l.checked_add(r),
                    BinOp::Sub(_) => l.checked_sub(r),
                    BinOp::Mul(_) => l.checked_mul(r),
                    BinOp::Div(_) => l.checked_div(r),
                    BinOp::Rem(_) => l.checked_rem(r),
                    BinOp::Shl(_) => u32::try_from(r).ok().filter(|s| *s < 64).map(|s| l << s),
                    BinOp::Shr(_) => u32::try_from(r).ok().filter(|s| *s < 128).map(|s| l >> s),
                    BinOp::BitOr(_) => Some(l | r),
                    BinOp::BitAnd(_) => Some(l & r),
                    BinOp::BitXor(_) => Some(l ^ r),
                    _ => return Err((expr, format!("unsupported operator\n{HINT}"))),
                };
                v.ok_or_else(|| overflow(expr))
            }
            _ => Err((expr, format!("unsupported constant expression\n{HINT}"))),
        }
    }
}

/// Renders `expr` as C. `names` maps a Rust constant name to its C name. `suffix` is appended
/// to integer literals (`U`, `ULL`) when the value does not fit a C `int`.
pub fn to_c(expr: &Expr, names: &dyn Fn(&str) -> String, suffix: &str) -> String {
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => {
                let digits = i.to_string();
                let digits = digits.trim_end_matches(i.suffix()).replace('_', "");
                format!("{digits}{suffix}")
            }
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
            // A shift count never needs widening: only the shifted operand does.
            let right_suffix = if matches!(b.op, BinOp::Shl(_) | BinOp::Shr(_)) { "" } else { suffix };
            format!("{} {op} {}", to_c(&b.left, names, suffix), to_c(&b.right, names, right_suffix))
        }
        _ => String::from("/* unsupported */"),
    }
}

/// True when the rendered expression needs parentheses to be used safely inside other macros.
pub fn needs_parens(expr: &Expr) -> bool {
    matches!(expr, Expr::Binary(_) | Expr::Unary(_) | Expr::Cast(_))
}

fn c_char_literal(b: u8) -> String {
    match b {
        b'\'' => "'\\''".into(),
        b'\\' => "'\\\\'".into(),
        0x20..=0x7e => format!("'{}'", b as char),
        _ => format!("'\\x{b:02x}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(defs: &[(&str, &str)]) -> Env {
        let mut e = Env::default();
        for (n, x) in defs {
            e.define(n.to_string(), syn::parse_str(x).unwrap());
        }
        e
    }

    #[test]
    fn evaluates_forward_references_and_operators() {
        let e = env(&[("A", "B + 7"), ("B", "100"), ("C", "(1 << 3) | A"), ("D", "b';'"), ("E", "!0u32 as u32 & 0xff")]);
        assert_eq!(e.value_of("A"), Ok(107));
        assert_eq!(e.value_of("C"), Ok(8 | 107));
        assert_eq!(e.value_of("D"), Ok(0x3b));
        assert_eq!(e.value_of("E"), Ok(0xff));
    }

    #[test]
    fn refuses_cycles_unknown_names_and_overflow() {
        let e = env(&[("A", "B"), ("B", "A"), ("C", "NOPE + 1"), ("D", "1 << 200"), ("F", "1.5")]);
        assert!(e.value_of("A").unwrap_err().contains("itself"));
        assert!(e.value_of("C").unwrap_err().contains("`NOPE` is not a constant"));
        assert!(e.value_of("D").unwrap_err().contains("overflows"));
        assert!(e.value_of("F").unwrap_err().contains("integer and byte literals"));
    }

    #[test]
    fn renders_c_as_written() {
        let names = |n: &str| format!("C_{n}");
        let x: Expr = syn::parse_str("(1 << 31) | BASE + 0x1_0").unwrap();
        assert_eq!(to_c(&x, &names, "U"), "(1U << 31) | C_BASE + 0x10U");
        let y: Expr = syn::parse_str("b'\\''").unwrap();
        assert_eq!(to_c(&y, &names, ""), "'\\''");
        let z: Expr = syn::parse_str("!FLAG").unwrap();
        assert_eq!(to_c(&z, &names, ""), "~C_FLAG");
    }
}
