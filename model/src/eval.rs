//! Constant expressions, evaluated once, as rustc evaluates them.
//!
//! The model needs every constant's value (array lengths, ioctl numbers, ranges, uniqueness,
//! the header, the lock), and the Rust expansion hands the same expression to rustc. So the
//! model follows rustc's rules, not C's: every sub-expression has an integer type (a literal
//! takes its suffix, else the type its context expects, else `i32`), `as` truncates or
//! sign-extends, arithmetic that overflows its type is an error (as it is in a Rust `const`),
//! `<<` drops the bits shifted out, and `!` flips the bits of the type. The expansion then
//! asserts every value against rustc's (`__private::check_values`). How the header spells
//! the value is the C writer's business: it keeps the expression only where C computes the
//! same value from it.
//!
//! A constant may be defined once per family of architectures (`#[uabi(arch(..))]`); a name is
//! looked up on the families of the item that uses it, and must have one value on all of them.

use std::cell::RefCell;
use std::collections::HashMap;

use syn::{BinOp, Expr, Lit, UnOp};
use uabi_arch::FamilySet;

use crate::ast::Prim;

const HINT: &str = "help: use integer or byte literals, names of constants of this module, `as` casts to integer types, parentheses and `+ - * / % << >> | & ^ !`";

/// A typed value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub value: i128,
    pub ty: Prim,
}

struct Def {
    expr: Expr,
    ty: Option<Prim>,
    arch: FamilySet,
}

/// Named expressions of one module, evaluated on demand (C `#define`s may refer forwards).
#[derive(Default)]
pub struct Env {
    defs: HashMap<String, Vec<Def>>,
    values: RefCell<HashMap<(String, usize), Result<Value, String>>>,
    active: RefCell<Vec<(String, usize)>>,
}

type EvalResult<'e, T> = Result<T, (&'e Expr, String)>;

impl Env {
    /// Names `expr` on the families `arch`; `ty` is the constant's declared type.
    pub fn define(&mut self, name: String, expr: Expr, ty: Option<Prim>, arch: FamilySet) {
        self.defs.entry(name).or_default().push(Def { expr, ty, arch });
    }

    /// The definitions of `name` that an item on `arch` sees, which must cover `arch`.
    fn visible(&self, name: &str, arch: FamilySet) -> Result<Vec<usize>, String> {
        let Some(defs) = self.defs.get(name) else {
            return Err(format!("`{name}` is not a constant of this module\n{HINT}"));
        };
        let seen: Vec<usize> = (0..defs.len()).filter(|i| !defs[*i].arch.intersection(arch).is_empty()).collect();
        let covered = seen.iter().fold(FamilySet::EMPTY, |s, i| s.union(defs[*i].arch));
        let missing = arch.difference(covered);
        if !missing.is_empty() {
            return Err(format!(
                "`{name}` is not defined on {missing}, where this item exists\nhelp: define `{name}` for {missing} too, or limit this item with `#[uabi(arch(..))]`"
            ));
        }
        Ok(seen)
    }

    /// The declared type of `name` as seen from `arch`.
    fn type_of(&self, name: &str, arch: FamilySet) -> Result<Prim, String> {
        let seen = self.visible(name, arch)?;
        let defs = &self.defs[name];
        let mut ty: Option<Prim> = None;
        for i in seen {
            let Some(t) = defs[i].ty else { return Err(format!("`{name}` has no integer type")) };
            match ty {
                Some(u) if u != t => return Err(format!("`{name}` has different types on different architectures ({} and {})", u.rust_name(), t.rust_name())),
                _ => ty = Some(t),
            }
        }
        ty.ok_or_else(|| format!("`{name}` is not a constant of this module"))
    }

    /// The value of `name` as an item on `arch` sees it: one value on all of `arch`.
    pub fn value_of(&self, name: &str, arch: FamilySet) -> Result<Value, String> {
        let seen = self.visible(name, arch)?;
        let mut found: Option<(Value, FamilySet)> = None;
        for i in seen {
            let v = self.def_value(name, i)?;
            let here = self.defs[name][i].arch.intersection(arch);
            match found {
                Some((w, there)) if w != v => {
                    return Err(format!(
                        "`{name}` is {} on {there} but {} on {here}: an item on both cannot use it\nhelp: limit the item with `#[uabi(arch(..))]` to families where `{name}` has one value",
                        w.value, v.value
                    ))
                }
                _ => found = Some((v, here)),
            }
        }
        found.map(|(v, _)| v).ok_or_else(|| format!("`{name}` is not a constant of this module"))
    }

    fn def_value(&self, name: &str, i: usize) -> Result<Value, String> {
        let key = (name.to_string(), i);
        if let Some(v) = self.values.borrow().get(&key) {
            return v.clone();
        }
        if self.active.borrow().contains(&key) {
            return Err(format!("`{name}` is defined in terms of itself"));
        }
        let def = &self.defs[name][i];
        self.active.borrow_mut().push(key.clone());
        let v = self.evaluate(&def.expr, def.ty, def.arch).map_err(|(_, m)| m);
        self.active.borrow_mut().pop();
        self.values.borrow_mut().insert(key, v.clone());
        v
    }

    /// Evaluates `expr` where a value of type `expected` is wanted (a constant's declared
    /// type), on the families `arch`.
    pub fn evaluate<'e>(&self, expr: &'e Expr, expected: Option<Prim>, arch: FamilySet) -> EvalResult<'e, Value> {
        let inferred = self.infer(expr, arch)?;
        if let (Some(i), Some(e)) = (inferred, expected) {
            if i != e {
                return Err((expr, format!("mismatched types: expected `{}`, found `{}`\nhelp: write the value as a `{}`, or cast it with `as {}`", e.rust_name(), i.rust_name(), e.rust_name(), e.rust_name())));
            }
        }
        let ty = inferred.or(expected).unwrap_or(Prim::I32);
        Ok(Value { value: self.eval(expr, ty, arch)?, ty })
    }

    /// The type rustc gives `expr` from its own parts, `None` when only its context decides
    /// (an unsuffixed literal, and operations on such literals).
    fn infer<'e>(&self, expr: &'e Expr, arch: FamilySet) -> EvalResult<'e, Option<Prim>> {
        Ok(match expr {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) if i.suffix().is_empty() => None,
                Lit::Int(i) => Some(int_type(i.suffix()).ok_or_else(|| (expr, format!("`{}` is not a fixed-width integer type of at most 64 bits\n{HINT}", i.suffix())))?),
                Lit::Byte(_) => Some(Prim::U8),
                _ => return Err((expr, format!("only integer and byte literals are ABI constants\n{HINT}"))),
            },
            Expr::Paren(p) => self.infer(&p.expr, arch)?,
            Expr::Group(g) => self.infer(&g.expr, arch)?,
            Expr::Path(p) => match p.path.get_ident() {
                Some(id) => Some(self.type_of(&id.to_string(), arch).map_err(|m| (expr, m))?),
                None => return Err((expr, format!("write the constant's plain name\n{HINT}"))),
            },
            Expr::Cast(c) => Some(cast_target(&c.ty).ok_or_else(|| (expr, format!("a constant is cast to a fixed-width integer type (`as u32`, `as usize` for an array length)\n{HINT}")))?),
            Expr::Unary(u) => self.infer(&u.expr, arch)?,
            Expr::Binary(b) => {
                let l = self.infer(&b.left, arch)?;
                if matches!(b.op, BinOp::Shl(_) | BinOp::Shr(_)) {
                    self.infer(&b.right, arch)?;
                    l
                } else {
                    let r = self.infer(&b.right, arch)?;
                    match (l, r) {
                        (Some(a), Some(b2)) if a != b2 => {
                            return Err((expr, format!("mismatched types: `{}` and `{}`\nhelp: cast one side with `as`", a.rust_name(), b2.rust_name())))
                        }
                        _ => l.or(r),
                    }
                }
            }
            _ => return Err((expr, format!("unsupported constant expression\n{HINT}"))),
        })
    }

    /// The value of `expr`, which has type `ty`.
    fn eval<'e>(&self, expr: &'e Expr, ty: Prim, arch: FamilySet) -> EvalResult<'e, i128> {
        let (lo, hi) = ty.range();
        let fits = |v: i128| (lo..=hi).contains(&v);
        let overflow = || (expr, format!("this arithmetic overflows `{}`, which rustc refuses in a constant\n{HINT}", ty.rust_name()));
        match expr {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) => {
                    let v = i.base10_parse::<u128>().map_err(|e| (expr, e.to_string()))?;
                    match i128::try_from(v) {
                        Ok(v) if fits(v) => Ok(v),
                        _ => Err((expr, format!("the literal `{}` does not fit `{}`\nhelp: write a value in {lo}..={hi}, or give the literal a wider type and cast it", i, ty.rust_name()))),
                    }
                }
                Lit::Byte(b) => Ok(b.value() as i128),
                _ => Err((expr, format!("only integer and byte literals are ABI constants\n{HINT}"))),
            },
            Expr::Paren(p) => self.eval(&p.expr, ty, arch),
            Expr::Group(g) => self.eval(&g.expr, ty, arch),
            Expr::Path(p) => {
                let name = p.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
                let v = self.value_of(&name, arch).map_err(|m| (expr, m))?;
                Ok(v.value)
            }
            Expr::Cast(c) => {
                // rustc types an unsuffixed literal under `as` (through parentheses, `-` and
                // `!`) as the cast's target, and refuses it there if it does not fit
                // (`0x1ff as u8`); any other operand it leaves to default to `i32`
                // (`(0x1ff + 1) as u8` is 512 as an `i32`, then 0).
                let inner = match self.infer(&c.expr, arch)? {
                    Some(t) => t,
                    None if literal_like(&c.expr) => ty,
                    None => Prim::I32,
                };
                let v = self.eval(&c.expr, inner, arch)?;
                Ok(ty.wrap(v))
            }
            Expr::Unary(u) => match u.op {
                UnOp::Neg(_) => {
                    if !ty.signed() {
                        return Err((expr, format!("cannot negate a value of the unsigned type `{}`\nhelp: write the value itself, or `!x` for the bitwise complement", ty.rust_name())));
                    }
                    // `-128i8` is one literal to rustc: negate before the range check.
                    let v = match &*u.expr {
                        Expr::Lit(syn::ExprLit { lit: Lit::Int(i), .. }) => -(i.base10_parse::<u128>().map_err(|e| (expr, e.to_string()))? as i128),
                        e => -self.eval(e, ty, arch)?,
                    };
                    if fits(v) {
                        Ok(v)
                    } else {
                        Err(overflow())
                    }
                }
                UnOp::Not(_) => Ok(ty.wrap(!self.eval(&u.expr, ty, arch)?)),
                _ => Err((expr, format!("unsupported operator\n{HINT}"))),
            },
            Expr::Binary(b) => {
                let l = self.eval(&b.left, ty, arch)?;
                if let BinOp::Shl(_) | BinOp::Shr(_) = b.op {
                    let rty = self.infer(&b.right, arch)?.unwrap_or(Prim::I32);
                    let r = self.eval(&b.right, rty, arch)?;
                    if r < 0 || r >= ty.bits() as i128 {
                        return Err((expr, format!("a shift by {r} overflows `{}`, which has {} bits\n{HINT}", ty.rust_name(), ty.bits())));
                    }
                    return Ok(match b.op {
                        BinOp::Shl(_) => ty.wrap(l << r),
                        _ => l >> r,
                    });
                }
                let r = self.eval(&b.right, ty, arch)?;
                let v = match b.op {
                    BinOp::Add(_) => l.checked_add(r),
                    BinOp::Sub(_) => l.checked_sub(r),
                    BinOp::Mul(_) => l.checked_mul(r),
                    BinOp::Div(_) if r == 0 => return Err((expr, "division by zero".to_string())),
                    BinOp::Rem(_) if r == 0 => return Err((expr, "remainder by zero".to_string())),
                    BinOp::Div(_) => l.checked_div(r),
                    BinOp::Rem(_) => l.checked_rem(r),
                    BinOp::BitOr(_) => Some(l | r),
                    BinOp::BitAnd(_) => Some(l & r),
                    BinOp::BitXor(_) => Some(l ^ r),
                    _ => return Err((expr, format!("unsupported operator\n{HINT}"))),
                };
                v.filter(|v| fits(*v)).ok_or_else(overflow)
            }
            _ => Err((expr, format!("unsupported constant expression\n{HINT}"))),
        }
    }
}

/// An unsuffixed literal, maybe in parentheses or under `-` or `!`: the operand whose type a
/// cast decides.
fn literal_like(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Paren(p) => literal_like(&p.expr),
        Expr::Group(g) => literal_like(&g.expr),
        Expr::Unary(u) => matches!(u.op, UnOp::Neg(_) | UnOp::Not(_)) && literal_like(&u.expr),
        _ => false,
    }
}

/// The integer type of a literal suffix or cast target; `usize` counts as `u64` (array
/// lengths are written `N as usize`; values that differ between 32-bit and 64-bit `usize`
/// are refused where lengths are read).
fn int_type(name: &str) -> Option<Prim> {
    match name {
        "usize" => Some(Prim::U64),
        "u128" | "i128" => None,
        n => Prim::from_name(n),
    }
}

fn cast_target(ty: &syn::Type) -> Option<Prim> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => int_type(&p.path.get_ident()?.to_string()),
        syn::Type::Paren(p) => cast_target(&p.elem),
        syn::Type::Group(g) => cast_target(&g.elem),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(defs: &[(&str, &str, Prim)]) -> Env {
        let mut e = Env::default();
        for (n, x, t) in defs {
            e.define(n.to_string(), syn::parse_str(x).unwrap(), Some(*t), FamilySet::ALL);
        }
        e
    }

    fn value(e: &Env, name: &str) -> Result<i128, String> {
        e.value_of(name, FamilySet::ALL).map(|v| v.value)
    }

    fn eval(e: &Env, x: &str, ty: Prim) -> Result<i128, String> {
        let x: Expr = syn::parse_str(x).unwrap();
        e.evaluate(&x, Some(ty), FamilySet::ALL).map(|v| v.value).map_err(|(_, m)| m)
    }

    #[test]
    fn evaluates_forward_references_and_operators() {
        use Prim::*;
        let e = env(&[("A", "B + 7", U32), ("B", "100", U32), ("C", "(1 << 3) | A", U32), ("D", "b';'", U8), ("E", "!0u32 & 0xff", U32)]);
        assert_eq!(value(&e, "A"), Ok(107));
        assert_eq!(value(&e, "C"), Ok(8 | 107));
        assert_eq!(value(&e, "D"), Ok(0x3b));
        assert_eq!(value(&e, "E"), Ok(0xff));
        assert_eq!(eval(&e, "!0", U32), Ok(0xffff_ffff));
        assert_eq!(eval(&e, "!(1 << 3)", U8), Ok(0xf7));
        assert_eq!(eval(&e, "!0", I32), Ok(-1));
        assert_eq!(eval(&e, "-128", I8), Ok(-128));
        assert_eq!(eval(&e, "1 << 31", I32), Ok(i32::MIN as i128));
        assert_eq!(eval(&e, "3 << 7", U8), Ok(0x80));
        assert_eq!(eval(&e, "-7 / 2", I32), Ok(-3));
        assert_eq!(eval(&e, "-7 % 2", I32), Ok(-1));
        assert_eq!(eval(&e, "-16 >> 2", I64), Ok(-4));
    }

    #[test]
    fn casts_truncate_and_sign_extend_as_rustc_does() {
        use Prim::*;
        let e = env(&[]);
        // An unsuffixed literal under a cast takes the cast's type, as rustc infers it; any
        // other unsuffixed operand is an `i32`.
        assert!(eval(&e, "0x1ff as u8 as u32", U32).unwrap_err().contains("does not fit `u8`"));
        assert!(eval(&e, "-1 as u32", U32).unwrap_err().contains("cannot negate"));
        assert_eq!(eval(&e, "(0x1ff + 1) as u8 as u32", U32), Ok(0));
        assert_eq!(eval(&e, "(100 * 3) as u8 as u32", U32), Ok(44));
        assert_eq!(eval(&e, "!0 as u32", U32), Ok(0xffff_ffff));
        assert_eq!(eval(&e, "(300u32 as u8) as u32", U32), Ok(44));
        assert_eq!(eval(&e, "-1i32 as u32", U32), Ok(0xffff_ffff));
        assert_eq!(eval(&e, "0xffu8 as i8 as i64", I64), Ok(-1));
        assert_eq!(eval(&e, "(1u64 << 40) as u32", U32), Ok(0));
    }

    #[test]
    fn refuses_what_rustc_refuses() {
        use Prim::*;
        let e = env(&[("A", "B", U32), ("B", "A", U32), ("C", "NOPE + 1", U32), ("F", "1.5", U32), ("W", "1", U64)]);
        assert!(value(&e, "A").unwrap_err().contains("itself"));
        assert!(value(&e, "C").unwrap_err().contains("`NOPE` is not a constant"));
        assert!(value(&e, "F").unwrap_err().contains("integer and byte literals"));
        assert!(eval(&e, "1 << 32", U32).unwrap_err().contains("a shift by 32 overflows"));
        assert!(eval(&e, "255 + 1", U8).unwrap_err().contains("overflows `u8`"));
        assert!(eval(&e, "256", U8).unwrap_err().contains("does not fit `u8`"));
        assert!(eval(&e, "-1", U32).unwrap_err().contains("cannot negate"));
        assert!(eval(&e, "W + 1", U32).unwrap_err().contains("mismatched types: expected `u32`, found `u64`"));
        assert!(eval(&e, "1u8 + 1u16", U8).unwrap_err().contains("mismatched types"));
        assert!(eval(&e, "1 / 0", U32).unwrap_err().contains("division by zero"));
        assert!(eval(&e, "i32::MIN", I32).is_err());
    }

    #[test]
    fn per_family_definitions_must_agree_where_used() {
        use uabi_arch::Family;
        let mut e = Env::default();
        let x86 = FamilySet::single(Family::X86);
        let arm64 = FamilySet::single(Family::Arm64);
        e.define("N".into(), syn::parse_str("3").unwrap(), Some(Prim::U32), x86);
        e.define("N".into(), syn::parse_str("5").unwrap(), Some(Prim::U32), arm64);
        assert_eq!(e.value_of("N", x86).map(|v| v.value), Ok(3));
        assert_eq!(e.value_of("N", arm64).map(|v| v.value), Ok(5));
        assert!(e.value_of("N", x86.union(arm64)).unwrap_err().contains("is 3 on x86 but 5 on arm64"));
        assert!(e.value_of("N", FamilySet::ALL).unwrap_err().contains("is not defined on arm, riscv"));
    }
}
