//! What import writes: a module of the definition language, item by item, before it is Rust
//! text. [`super::emit`] writes it, and [`super::convert`] and [`super::merge`] make it from
//! the C front end's IR.

use uabi_arch::{Family, FamilySet};
use uabi_model::ast::Prim;

pub struct Plan {
    /// The Rust module's name (`vfio`).
    pub module: String,
    /// Where the header is included from (`linux/vfio.h`).
    pub header: String,
    /// The original's include guard, when it has one.
    pub guard: Option<String>,
    /// What the original includes, besides `<linux/types.h>` and `<linux/ioctl.h>`.
    pub includes: Vec<String>,
    pub docs: Vec<String>,
    pub items: Vec<Item>,
}

pub struct Item {
    /// Unique in the plan: what the model's errors are traced back to.
    pub id: usize,
    /// The C item it comes from (`struct foo`, `FOO_FLAG`), for the report.
    pub origin: String,
    /// A record of another header (`defined_in`), or a part of a record (an untagged member's
    /// type): not counted as an item of the header.
    pub auxiliary: bool,
    /// `ALL`: no `arch` attribute.
    pub arch: FamilySet,
    pub docs: Vec<String>,
    pub kind: Kind,
}

pub enum Kind {
    Record(Record),
    Enum(Enum),
    Const(Const),
    Ioctl(Ioctl),
    Str { name: String, value: String },
    /// A macro for C alone: `#[uabi(c_macro)] macro_rules!`.
    CMacro(super::cmacro::CMacro),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub rust: String,
    pub c_name: String,
    pub union: bool,
    pub anonymous: bool,
    /// `#[uabi(packed)]`: C's `__attribute__((packed))`.
    pub packed: bool,
    pub defined_in: Option<String>,
    pub fields: Vec<Field>,
    /// Every field type is `Default` (arrays of at most 32 elements, records that are).
    pub default: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub rust: String,
    pub c_name: String,
    pub ty: Ty,
    pub aligned: bool,
    pub char: bool,
    pub c_pointer: Option<String>,
    pub anonymous: bool,
    pub enum_name: Option<String>,
    /// `ALL`: the field exists wherever its record does.
    pub arch: FamilySet,
    pub bits: Vec<Bit>,
    pub flags: Vec<Flag>,
    pub docs: Vec<String>,
}

impl Field {
    pub fn new(rust: String, c_name: String, ty: Ty) -> Field {
        Field {
            rust,
            c_name,
            ty,
            aligned: false,
            char: false,
            c_pointer: None,
            anonymous: false,
            enum_name: None,
            arch: FamilySet::ALL,
            bits: Vec::new(),
            flags: Vec::new(),
            docs: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bit {
    pub name: String,
    pub width: u32,
    pub docs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    pub expr: String,
    /// The value, in the field's type: the literal written when the expression is refused.
    pub value: i128,
    pub c_suffix: Option<String>,
    pub docs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Prim(Prim),
    Array(Box<Ty>, u64),
    Flex(Box<Ty>),
    /// A record by its Rust name.
    Named(String),
}

impl Ty {
    pub fn rust(&self) -> String {
        match self {
            Ty::Prim(p) => p.rust_name().to_string(),
            Ty::Array(e, n) => format!("[{}; {n}]", e.rust()),
            Ty::Flex(e) => format!("[{}]", e.rust()),
            Ty::Named(n) => n.clone(),
        }
    }

    pub fn element(&self) -> &Ty {
        match self {
            Ty::Array(e, _) | Ty::Flex(e) => e.element(),
            t => t,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Const {
    pub name: String,
    pub ty: Prim,
    pub expr: String,
    pub value: i128,
    pub c_suffix: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enum {
    pub rust: String,
    pub c_name: String,
    pub repr: Prim,
    pub prefix: String,
    pub variants: Vec<Variant>,
    /// `#[uabi(c_defines)]`: each enumerator is also `#define`d by its own name, as the
    /// original defines (some of) them.
    pub c_defines: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub rust: String,
    /// When the prefix and the Rust name do not spell it.
    pub c_name: Option<String>,
    pub value: String,
    pub docs: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    None,
    Read,
    Write,
    ReadWrite,
}

impl Dir {
    pub fn uabi_macro(self) -> &'static str {
        match self {
            Dir::None => "io",
            Dir::Read => "ior",
            Dir::Write => "iow",
            Dir::ReadWrite => "iowr",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ioctl {
    pub name: String,
    pub dir: Dir,
    pub ty_expr: String,
    pub nr_expr: String,
    /// The type and number, for literals and for finding ioctls that share a number.
    pub ty_value: u8,
    pub nr_value: u8,
    /// The sized argument.
    pub arg: Option<Ty>,
    /// Set when another ioctl of the header has the same number: uabi keeps numbers unique
    /// per namespace.
    pub namespace: Option<String>,
}

/// `arch(x86, arm64)` for a set of families.
pub fn arch_list(set: FamilySet) -> String {
    set.iter().map(Family::name).collect::<Vec<_>>().join(", ")
}
