//! Constant expressions: the small integer language shared by Rust and C.
//!
//! The model evaluates each expression once, here, while parsing (to lay out arrays, encode
//! ioctls, check ranges and uniqueness), and stores the value and the extremes of its parts; the
//! C writer renders the expression as written, so the header keeps `VFIO_BASE + 7` rather than a
//! bare number and the C compiler computes the value on its own.

use std::cell::RefCell;
use std::collections::HashMap;

use syn::{BinOp, Expr, Lit, UnOp};

use crate::ast::Prim;

const HINT: &str = "help: use integer or byte literals, names of constants of this module, parentheses and `+ - * / % << >> | & ^ !`";

/// Named expressions of one module, evaluated on demand (C `#define`s may refer forwards).
#[derive(Default)]
pub struct Env {
    exprs: HashMap<String, (Expr, Option<Prim>)>,
    values: RefCell<HashMap<String, Result<i128, String>>>,
    active: RefCell<Vec<String>>,
}

impl Env {
    /// Names `expr`; `ty` is the constant's declared type, in which `!` is evaluated.
    pub fn define(&mut self, name: String, expr: Expr, ty: Option<Prim>) {
        self.exprs.insert(name, (expr, ty));
    }

    pub fn value_of(&self, name: &str) -> Result<i128, String> {
        if let Some(v) = self.values.borrow().get(name) {
            return v.clone();
        }
        let Some((expr, ty)) = self.exprs.get(name) else {
            return Err(format!("`{name}` is not a constant of this module\n{HINT}"));
        };
        if self.active.borrow().iter().any(|n| n == name) {
            return Err(format!("`{name}` is defined in terms of itself"));
        }
        self.active.borrow_mut().push(name.to_string());
        let v = self.evaluate(expr, *ty).map(|e| e.value).map_err(|(_, m)| m);
        self.active.borrow_mut().pop();
        self.values.borrow_mut().insert(name.to_string(), v.clone());
        v
    }

    /// Evaluates `expr` as a constant of type `ty`: `!x` flips the bits of that type, as Rust
    /// does (`!0` as a `u32` is `0xffff_ffff`, not -1).
    pub fn evaluate<'e>(&self, expr: &'e Expr, ty: Option<Prim>) -> Result<Evaluated, (&'e Expr, String)> {
        evaluate(expr, ty, &|name| self.value_of(name))
    }
}

/// The value of an expression, and the smallest and largest value any part of it takes: C
/// computes every intermediate value in the type of its literals, so the header writer needs
/// them to choose a literal suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evaluated {
    pub value: i128,
    pub lo: i128,
    pub hi: i128,
}

impl Evaluated {
    fn new(value: i128, parts: &[Evaluated]) -> Evaluated {
        let lo = parts.iter().map(|p| p.lo).fold(value, i128::min);
        let hi = parts.iter().map(|p| p.hi).fold(value, i128::max);
        Evaluated { value, lo, hi }
    }
}

/// Evaluates `expr` in type `ty`, resolving constant names with `lookup`.
pub fn evaluate<'e>(
    expr: &'e Expr,
    ty: Option<Prim>,
    lookup: &dyn Fn(&str) -> Result<i128, String>,
) -> Result<Evaluated, (&'e Expr, String)> {
    let overflow = |e| (e, format!("the constant expression overflows\n{HINT}"));
    let leaf = |v: i128| Evaluated { value: v, lo: v, hi: v };
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => i.base10_parse::<i128>().map(leaf).map_err(|e| (expr, e.to_string())),
            Lit::Byte(b) => Ok(leaf(b.value() as i128)),
            _ => Err((expr, format!("only integer and byte literals are ABI constants\n{HINT}"))),
        },
        Expr::Paren(p) => evaluate(&p.expr, ty, lookup),
        Expr::Group(g) => evaluate(&g.expr, ty, lookup),
        Expr::Cast(c) => evaluate(&c.expr, ty, lookup),
        Expr::Path(p) => match p.path.get_ident() {
            // A name is its own C macro, with its own suffixes: only its value matters here.
            Some(id) => lookup(&id.to_string()).map(leaf).map_err(|m| (expr, m)),
            None => Err((expr, format!("write the constant's plain name\n{HINT}"))),
        },
        Expr::Unary(u) => {
            let x = evaluate(&u.expr, ty, lookup)?;
            let v = match u.op {
                UnOp::Neg(_) => -x.value,
                UnOp::Not(_) => match ty {
                    Some(p) if !p.signed() => !x.value & p.range().1,
                    _ => !x.value,
                },
                _ => return Err((expr, format!("unsupported operator\n{HINT}"))),
            };
            Ok(Evaluated::new(v, &[x]))
        }
        Expr::Binary(b) => {
            let (l, r) = (evaluate(&b.left, ty, lookup)?, evaluate(&b.right, ty, lookup)?);
            let (lv, rv) = (l.value, r.value);
            let v = match b.op {
                BinOp::Add(_) => lv.checked_add(rv),
                BinOp::Sub(_) => lv.checked_sub(rv),
                BinOp::Mul(_) => lv.checked_mul(rv),
                BinOp::Div(_) => lv.checked_div(rv),
                BinOp::Rem(_) => lv.checked_rem(rv),
                BinOp::Shl(_) => u32::try_from(rv).ok().filter(|s| *s < 64).map(|s| lv << s),
                BinOp::Shr(_) => u32::try_from(rv).ok().filter(|s| *s < 128).map(|s| lv >> s),
                BinOp::BitOr(_) => Some(lv | rv),
                BinOp::BitAnd(_) => Some(lv & rv),
                BinOp::BitXor(_) => Some(lv ^ rv),
                _ => return Err((expr, format!("unsupported operator\n{HINT}"))),
            };
            v.map(|v| Evaluated::new(v, &[l, r])).ok_or_else(|| overflow(expr))
        }
        _ => Err((expr, format!("unsupported constant expression\n{HINT}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(defs: &[(&str, &str)]) -> Env {
        let mut e = Env::default();
        for (n, x) in defs {
            e.define(n.to_string(), syn::parse_str(x).unwrap(), Some(Prim::U32));
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
        assert_eq!(e.evaluate(&syn::parse_str("!0").unwrap(), Some(Prim::U32)).map(|x| x.value).map_err(|(_, m)| m), Ok(0xffff_ffff));
        assert_eq!(e.evaluate(&syn::parse_str("!(1 << 3)").unwrap(), Some(Prim::U8)).map(|x| x.value).map_err(|(_, m)| m), Ok(0xf7));
        assert_eq!(e.evaluate(&syn::parse_str("!0").unwrap(), Some(Prim::I32)).map(|x| x.value).map_err(|(_, m)| m), Ok(-1));
    }

    #[test]
    fn refuses_cycles_unknown_names_and_overflow() {
        let e = env(&[("A", "B"), ("B", "A"), ("C", "NOPE + 1"), ("D", "1 << 200"), ("F", "1.5")]);
        assert!(e.value_of("A").unwrap_err().contains("itself"));
        assert!(e.value_of("C").unwrap_err().contains("`NOPE` is not a constant"));
        assert!(e.value_of("D").unwrap_err().contains("overflows"));
        assert!(e.value_of("F").unwrap_err().contains("integer and byte literals"));
    }
}
