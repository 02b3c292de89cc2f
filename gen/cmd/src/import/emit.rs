//! A [`Plan`] as Rust source: one `#[uabi::abi]` module, and for every line the item it
//! belongs to, so that an error of the model is traced back to what import wrote.

use uabi_arch::FamilySet;
use uabi_model::snake_case;

use super::plan::*;

/// What a line of the source belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Module,
    Item(usize),
    /// Field `field` of the record of item `item`.
    Field(usize, usize),
    /// Flag `flag` of that field.
    Flag(usize, usize, usize),
}

pub struct Source {
    pub text: String,
    /// The owner of each line (index 0 is line 1).
    pub lines: Vec<Owner>,
}

impl Source {
    pub fn owner(&self, line: usize) -> Owner {
        line.checked_sub(1).and_then(|l| self.lines.get(l)).copied().unwrap_or(Owner::Module)
    }
}

struct Out {
    text: String,
    lines: Vec<Owner>,
}

impl Out {
    fn line(&mut self, owner: Owner, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
        self.lines.push(owner);
    }

    fn docs(&mut self, owner: Owner, indent: &str, docs: &[String]) {
        for d in docs {
            if d.is_empty() {
                self.line(owner, &format!("{indent}///"));
            } else {
                self.line(owner, &format!("{indent}/// {d}"));
            }
        }
    }
}

/// `"text"` as a Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn uabi_attr(parts: &[String]) -> Option<String> {
    (!parts.is_empty()).then(|| format!("#[uabi({})]", parts.join(", ")))
}

fn arch_part(set: FamilySet) -> Option<String> {
    (!set.is_all()).then(|| {
        if set.len() == 1 {
            format!("arch = {}", arch_list(set))
        } else {
            format!("arch({})", arch_list(set))
        }
    })
}

pub fn emit(plan: &Plan, banner: &[String]) -> Source {
    let mut o = Out { text: String::new(), lines: Vec::new() };
    let m = Owner::Module;
    for b in banner {
        o.line(m, format!("//! {b}").trim_end());
    }
    o.line(m, "");
    let mut args = vec![format!("header = {}", lit(&plan.header))];
    if let Some(g) = &plan.guard {
        args.push(format!("guard = {}", lit(g)));
    }
    if !plan.includes.is_empty() {
        args.push(format!("includes = [{}]", plan.includes.iter().map(|i| lit(i)).collect::<Vec<_>>().join(", ")));
    }
    o.docs(m, "", &plan.docs);
    o.line(m, &format!("#[uabi::abi({})]", args.join(", ")));
    // C's names, kept: constants and fields in lower case, tags that are not camel case; and
    // C's expressions, kept: `VFIO_BASE + 0`.
    o.line(m, "#[allow(non_upper_case_globals, non_camel_case_types, non_snake_case, clippy::identity_op)]");
    o.line(m, &format!("pub mod {} {{", plan.module));
    let mut first = true;
    for item in &plan.items {
        let owner = Owner::Item(item.id);
        let is_define = matches!(item.kind, Kind::Const(_) | Kind::Ioctl(_) | Kind::Str { .. } | Kind::CMacro(_));
        if !(first || is_define && item.docs.is_empty()) {
            o.line(m, "");
        }
        first = false;
        o.docs(owner, "    ", &item.docs);
        let arch = arch_part(item.arch);
        match &item.kind {
            Kind::Const(c) => {
                let mut parts: Vec<String> = arch.into_iter().collect();
                if let Some(s) = &c.c_suffix {
                    parts.push(format!("c_suffix = {}", lit(s)));
                }
                if let Some(a) = uabi_attr(&parts) {
                    o.line(owner, &format!("    {a}"));
                }
                o.line(owner, &format!("    pub const {}: {} = {};", c.name, c.ty.rust_name(), c.expr));
            }
            Kind::Str { name, value } => {
                if let Some(a) = uabi_attr(&arch.into_iter().collect::<Vec<_>>()) {
                    o.line(owner, &format!("    {a}"));
                }
                o.line(owner, &format!("    pub const {name}: &str = {};", lit(value)));
            }
            Kind::CMacro(cm) => {
                let mut parts = vec!["c_macro".to_string()];
                parts.extend(arch);
                if let Some(a) = uabi_attr(&parts) {
                    o.line(owner, &format!("    {a}"));
                }
                o.line(owner, &format!("    macro_rules! {} {{", cm.name));
                let params = cm.params.as_deref().unwrap_or_default().join(", ");
                if cm.body.is_empty() {
                    o.line(owner, &format!("        ({params}) => {{}};"));
                } else {
                    o.line(owner, &format!("        ({params}) => {{ {} }};", cm.body));
                }
                o.line(owner, "    }");
            }
            Kind::Ioctl(io) => {
                let mut parts: Vec<String> = Vec::new();
                if let Some(n) = &io.namespace {
                    parts.push(format!("namespace = {n}"));
                }
                parts.extend(arch);
                if let Some(a) = uabi_attr(&parts) {
                    o.line(owner, &format!("    {a}"));
                }
                let (decl, call) = match &io.arg {
                    None => ("Ioctl".to_string(), format!("{}!({}, {})", io.dir.uabi_macro(), io.ty_expr, io.nr_expr)),
                    Some(t) => {
                        let t = t.rust();
                        (format!("Ioctl<{t}>"), format!("{}!({}, {}, {t})", io.dir.uabi_macro(), io.ty_expr, io.nr_expr))
                    }
                };
                o.line(owner, &format!("    pub const {}: {decl} = {call};", io.name));
            }
            Kind::Enum(e) => {
                let mut parts: Vec<String> = Vec::new();
                if !e.prefix.is_empty() {
                    parts.push(format!("prefix = {}", lit(&e.prefix)));
                }
                if crate::import::convert::rust_type_name(&e.c_name) != e.rust || !snake_matches(&e.rust, &e.c_name) {
                    parts.push(format!("c_name = {}", lit(&e.c_name)));
                }
                if e.c_defines {
                    parts.push("c_defines".into());
                }
                parts.extend(arch);
                o.line(owner, "    #[derive(Debug, Clone, Copy, PartialEq, Eq)]");
                o.line(owner, &format!("    #[repr({})]", e.repr.rust_name()));
                if let Some(a) = uabi_attr(&parts) {
                    o.line(owner, &format!("    {a}"));
                }
                o.line(owner, &format!("    pub enum {} {{", e.rust));
                for v in &e.variants {
                    o.docs(owner, "        ", &v.docs);
                    if let Some(c) = &v.c_name {
                        o.line(owner, &format!("        #[uabi(c_name = {})]", lit(c)));
                    }
                    o.line(owner, &format!("        {} = {},", v.rust, v.value));
                }
                o.line(owner, "    }");
            }
            Kind::Record(r) => record(&mut o, item, r, arch),
        }
    }
    o.line(m, "}");
    Source { text: o.text, lines: o.lines }
}

/// Whether the model's C name of Rust name `rust` is `c`.
pub fn snake_matches(rust: &str, c: &str) -> bool {
    snake_case(rust) == c
}

fn record(o: &mut Out, item: &Item, r: &Record, arch: Option<String>) {
    let owner = Owner::Item(item.id);
    let mut parts: Vec<String> = Vec::new();
    if r.anonymous {
        parts.push("anonymous".into());
    } else if !snake_matches(&r.rust, &r.c_name) {
        parts.push(format!("c_name = {}", lit(&r.c_name)));
    }
    if r.packed {
        parts.push("packed".into());
    }
    if let Some(d) = &r.defined_in {
        parts.push(format!("defined_in = {}", lit(d)));
    }
    parts.extend(arch);
    let derives = if r.default { "Debug, Clone, Copy, PartialEq, Eq, Default" } else { "Debug, Clone, Copy, PartialEq, Eq" };
    o.line(owner, &format!("    #[derive({derives})]"));
    if let Some(a) = uabi_attr(&parts) {
        o.line(owner, &format!("    {a}"));
    }
    o.line(owner, &format!("    pub {} {} {{", if r.union { "union" } else { "struct" }, r.rust));
    for (k, f) in r.fields.iter().enumerate() {
        let fo = Owner::Field(item.id, k);
        o.docs(fo, "        ", &f.docs);
        let mut parts: Vec<String> = Vec::new();
        if f.rust.trim_start_matches("r#") != f.c_name && !f.anonymous && f.bits.is_empty() {
            parts.push(format!("c_name = {}", lit(&f.c_name)));
        }
        if f.anonymous {
            parts.push("anonymous".into());
        }
        if f.aligned {
            parts.push("aligned".into());
        }
        if f.char {
            parts.push("char".into());
        }
        if let Some(p) = &f.c_pointer {
            parts.push(format!("c_pointer = {}", lit(p)));
        }
        if let Some(e) = &f.enum_name {
            parts.push(format!("enum = {e}"));
        }
        parts.extend(arch_part(f.arch));
        if let Some(a) = uabi_attr(&parts) {
            o.line(fo, &format!("        {a}"));
        }
        if !f.bits.is_empty() {
            o.line(fo, "        #[bits {");
            for b in &f.bits {
                o.docs(fo, "            ", &b.docs);
                o.line(fo, &format!("            {}: {},", b.name, b.width));
            }
            o.line(fo, "        }]");
        }
        if !f.flags.is_empty() {
            o.line(fo, "        #[flags {");
            for (j, flag) in f.flags.iter().enumerate() {
                let fl = Owner::Flag(item.id, k, j);
                o.docs(fl, "            ", &flag.docs);
                if let Some(s) = &flag.c_suffix {
                    o.line(fl, &format!("            #[uabi(c_suffix = {})]", lit(s)));
                }
                o.line(fl, &format!("            {} = {},", flag.name, flag.expr));
            }
            o.line(fo, "        }]");
        }
        o.line(fo, &format!("        pub {}: {},", f.rust, f.ty.rust()));
    }
    o.line(owner, "    }");
}
