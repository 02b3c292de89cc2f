//! The portable layout: one computation, checked by rustc and by every C compiler.
//!
//! The rule that makes a layout the same on every Linux architecture: every field sits at a
//! multiple of its natural alignment (a `u64` at a multiple of 8), no gap is left implicit, and
//! the size is a multiple of the largest natural alignment. Under that rule C's and Rust's
//! `repr(C)` place every field at the same offset on i386 (64-bit integers 4-aligned), m68k
//! (nothing aligned above 2) and everywhere else; only the struct's own alignment differs, which
//! `Layout` records per family.

use std::collections::HashMap;

use crate::ast::*;
use crate::ctxt::Ctxt;

/// Size and the three alignments of a field type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeLayout {
    pub size: u64,
    pub align: u64,
    pub align_i386: u64,
    pub align_m68k: u64,
}

impl TypeLayout {
    fn prim(p: Prim, aligned: bool) -> TypeLayout {
        let n = p.size();
        if aligned {
            return TypeLayout { size: n, align: 8, align_i386: 8, align_m68k: 8 };
        }
        TypeLayout { size: n, align: n, align_i386: n.min(4), align_m68k: n.min(2) }
    }

    fn max(self, o: TypeLayout) -> TypeLayout {
        TypeLayout {
            size: self.size.max(o.size),
            align: self.align.max(o.align),
            align_i386: self.align_i386.max(o.align_i386),
            align_m68k: self.align_m68k.max(o.align_m68k),
        }
    }
}

/// A record's layout and the place of each of its fields, while the module is being laid out;
/// stored into the record and its fields at the end.
#[derive(Clone)]
struct Laid {
    record: Layout,
    fields: Vec<FieldLayout>,
}

/// Lays out every record of the module, reporting every non-portable layout.
pub fn lay_out(cx: &Ctxt, abi: &mut Abi) {
    let index: HashMap<String, usize> = abi
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| if let Item::Struct(r) = it { Some((r.name.to_string(), i)) } else { None })
        .collect();
    let mut done: HashMap<usize, Option<Laid>> = HashMap::new();
    // In item order, so errors come out in source order on every compile.
    let mut order: Vec<usize> = index.values().copied().collect();
    order.sort_unstable();
    for i in order {
        compute(cx, abi, &index, &mut done, &mut Vec::new(), i);
    }
    for (i, l) in done {
        if let (Item::Struct(r), Some(l)) = (&mut abi.items[i], l) {
            r.layout = l.record;
            for (f, fl) in r.fields.iter_mut().zip(l.fields) {
                f.layout = fl;
            }
        }
    }
}

fn compute(
    cx: &Ctxt,
    abi: &Abi,
    index: &HashMap<String, usize>,
    done: &mut HashMap<usize, Option<Laid>>,
    stack: &mut Vec<usize>,
    i: usize,
) -> Option<Laid> {
    if let Some(l) = done.get(&i) {
        return l.clone();
    }
    let Item::Struct(r) = &abi.items[i] else { return None };
    if stack.contains(&i) {
        cx.error(&r.name, format!("`{}` contains itself", r.name));
        return None;
    }
    stack.push(i);
    let mut field_types = Vec::new();
    for f in &r.fields {
        field_types.push(type_layout(cx, abi, index, done, stack, &f.ty, f.aligned));
    }
    stack.pop();
    let layout = if field_types.iter().all(Option::is_some) {
        let tys: Vec<TypeLayout> = field_types.into_iter().map(Option::unwrap).collect();
        Some(match r.kind {
            RecordKind::Struct => struct_layout(cx, r, &tys),
            RecordKind::Union => union_layout(cx, r, &tys),
        })
    } else {
        None
    };
    done.insert(i, layout.clone());
    layout
}

fn type_layout(
    cx: &Ctxt,
    abi: &Abi,
    index: &HashMap<String, usize>,
    done: &mut HashMap<usize, Option<Laid>>,
    stack: &mut Vec<usize>,
    ty: &FieldType,
    aligned: bool,
) -> Option<TypeLayout> {
    Some(match ty {
        FieldType::Prim(p) => TypeLayout::prim(*p, aligned),
        FieldType::Array(t, n) => {
            let e = type_layout(cx, abi, index, done, stack, t, aligned)?;
            TypeLayout { size: e.size.checked_mul(*n)?, ..e }
        }
        FieldType::Flex(t) => TypeLayout { size: 0, ..type_layout(cx, abi, index, done, stack, t, aligned)? },
        FieldType::Named(n) => {
            let l = compute(cx, abi, index, done, stack, *index.get(&n.to_string())?)?.record;
            TypeLayout { size: l.size, align: l.align, align_i386: l.align_i386, align_m68k: l.align_m68k }
        }
    })
}

/// The explicit field that fills `gap` bytes, for error messages.
fn filler(gap: u64) -> String {
    match gap {
        1 => "u8".into(),
        2 => "u16".into(),
        4 => "u32".into(),
        n => format!("[u8; {n}]"),
    }
}

fn struct_layout(cx: &Ctxt, r: &Record, tys: &[TypeLayout]) -> Laid {
    let mut all = TypeLayout { size: 0, align: 1, align_i386: 1, align_m68k: 1 };
    let mut off = 0u64;
    let mut fields = Vec::new();
    for (k, (f, t)) in r.fields.iter().zip(tys).enumerate() {
        if matches!(f.ty, FieldType::Flex(_)) && k + 1 != r.fields.len() {
            cx.error(
                &f.ty_tokens,
                format!("the flexible array `{}` must be the last field\nhelp: move it after every other field", f.name),
            );
        }
        if !off.is_multiple_of(t.align) {
            let at = off.next_multiple_of(t.align);
            let gap = at - off;
            let pad = filler(gap);
            if t.align == 8 && t.align_i386 < 8 {
                cx.error(&f.ty_tokens, format!(
                    "`{}` is 64-bit aligned but sits at offset {off}, not a multiple of 8: i386 would place it at {off} and other architectures at {at}\nhelp: add `pub __pad{k}: {pad}` (zero) before `{}`",
                    f.name, f.name
                ));
            } else {
                cx.error(&f.ty_tokens, format!(
                    "implicit padding: {gap} byte(s) at offset {off} before `{}`, which needs {}-byte alignment\nhelp: add `pub __pad{k}: {pad}` (zero) before `{}`",
                    f.name, t.align, f.name
                ));
            }
            off = at;
        }
        fields.push(FieldLayout { offset: off, size: t.size });
        off += t.size;
        all = all.max(*t);
    }
    if !off.is_multiple_of(all.align) {
        let at = off.next_multiple_of(all.align);
        // Where i386's smaller alignment leaves no tail, the size itself differs by target.
        let where_ = if off.is_multiple_of(all.align_i386) { format!(", except on i386 where it stays {off}") } else { String::new() };
        cx.error(&r.name, format!(
            "`{}` is {off} bytes, not a multiple of its alignment {}: C would add {} byte(s) of implicit tail padding{where_}\nhelp: add `pub __pad: {}` (zero) at the end, or a field that uses those bytes",
            r.name, all.align, at - off, filler(at - off)
        ));
        off = at;
    }
    Laid { record: Layout { size: off, align: all.align, align_i386: all.align_i386, align_m68k: all.align_m68k }, fields }
}

fn union_layout(cx: &Ctxt, r: &Record, tys: &[TypeLayout]) -> Laid {
    let mut all = TypeLayout { size: 0, align: 1, align_i386: 1, align_m68k: 1 };
    for t in tys {
        all = all.max(*t);
    }
    for (f, t) in r.fields.iter().zip(tys) {
        if matches!(f.ty, FieldType::Flex(_)) {
            cx.error(&f.ty_tokens, "a union member cannot be a flexible array");
        } else if t.size != all.size {
            cx.error(&f.ty_tokens, format!(
                "union member `{}` is {} bytes but the union is {}: the bytes past it would be padding that leaks kernel memory\nhelp: make every member {} bytes, e.g. a struct with `{}` then an explicit `pad: {}`",
                f.name, t.size, all.size, all.size, f.name, filler(all.size - t.size)
            ));
        }
    }
    if !all.size.is_multiple_of(all.align) {
        cx.error(&r.name, format!("`{}` is {} bytes, not a multiple of its alignment {}", r.name, all.size, all.align));
    }
    let fields = tys.iter().map(|t| FieldLayout { offset: 0, size: t.size }).collect();
    Laid { record: Layout { size: all.size, align: all.align, align_i386: all.align_i386, align_m68k: all.align_m68k }, fields }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's name, layout and the places of its fields.
    type Laid = (String, Layout, Vec<FieldLayout>);

    /// Each record's layout, or the errors joined.
    fn layout_of(src: &str) -> (Option<Vec<Laid>>, String) {
        let module: syn::ItemMod = syn::parse_str(src).unwrap();
        let cx = Ctxt::new();
        let mut abi = crate::parse::parse_module(&cx, Default::default(), &module);
        lay_out(&cx, &mut abi);
        let out = abi
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Struct(r) => Some((r.name.to_string(), r.layout.clone(), r.fields.iter().map(|f| f.layout).collect())),
                _ => None,
            })
            .collect();
        match cx.check() {
            Ok(()) => (Some(out), String::new()),
            Err(e) => (None, e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n---\n")),
        }
    }

    #[test]
    fn natural_layout_and_family_alignments() {
        let (l, _) = layout_of("mod m { struct A { a: u32, b: u32, c: u64 } struct B { a: u8, b: u8, c: u16, d: [u32; 3] } struct C { x: A, y: B, #[uabi(aligned)] z: u64 } }");
        let l = l.unwrap();
        let a = &l[0].1;
        assert_eq!((a.size, a.align, a.align_i386, a.align_m68k), (16, 8, 4, 2));
        assert_eq!(l[0].2.iter().map(|f| f.offset).collect::<Vec<_>>(), [0, 4, 8]);
        let b = &l[1].1;
        assert_eq!((b.size, b.align, b.align_i386, b.align_m68k), (16, 4, 4, 2));
        let c = &l[2].1;
        assert_eq!((c.size, c.align, c.align_i386, c.align_m68k), (40, 8, 8, 8));
        assert_eq!(l[2].2.iter().map(|f| f.offset).collect::<Vec<_>>(), [0, 16, 32]);
    }

    #[test]
    fn flexible_array_adds_no_size_but_its_alignment() {
        let (l, _) = layout_of("mod m { struct F { argsz: u32, count: u32, data: [u64] } }");
        let l = l.unwrap();
        let f = &l[0].1;
        assert_eq!((f.size, f.align), (8, 8));
        assert_eq!(l[0].2[2], FieldLayout { offset: 8, size: 0 });
    }

    #[test]
    fn u64_after_u32_is_refused_with_the_offsets() {
        let (l, e) = layout_of("mod m { struct S { a: u32, b: u64 } }");
        assert!(l.is_none());
        assert!(e.contains("`b` is 64-bit aligned but sits at offset 4"), "{e}");
        assert!(e.contains("i386 would place it at 4 and other architectures at 8"), "{e}");
        assert!(e.contains("add `pub __pad1: u32`"), "{e}");
    }

    #[test]
    fn gaps_tail_padding_and_union_sizes_are_all_reported_at_once() {
        let (_, e) = layout_of("mod m { struct S { a: u8, b: u32, c: u16 } union U { a: u32, b: u16 } }");
        assert!(e.contains("3 byte(s) at offset 1 before `b`"), "{e}");
        assert!(e.contains("`S` is 10 bytes, not a multiple of its alignment 4"), "{e}");
        assert!(e.contains("union member `b` is 2 bytes but the union is 4"), "{e}");
        assert_eq!(e.matches("\n---\n").count(), 2, "{e}");
    }

    #[test]
    fn recursion_is_an_error_not_a_hang() {
        let (_, e) = layout_of("mod m { struct A { b: [B; 1] } struct B { a: A } }");
        assert!(e.contains("contains itself"), "{e}");
    }
}
