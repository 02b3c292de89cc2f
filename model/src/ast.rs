//! The ABI model: what one `#[uabi::abi]` module defines, after parsing and evaluation.
//!
//! Both back ends read only this: the Rust expansion (`expand`) and the C header writer (`c`).
//! Layouts are computed once (`layout`) and stored here, so the numbers the Rust `const`
//! assertions check and the numbers the C `_Static_assert`s check are the same numbers.

use proc_macro2::Ident;
use syn::{Attribute, Expr, Path, Type, Visibility};

/// One ABI module: one C header.
pub struct Abi {
    pub module: Ident,
    pub vis: Visibility,
    /// Header path under `headers/`, e.g. `linux/vfio.h`.
    pub header: String,
    /// Include guard macro, in the form an installed header has (`VFIO_H`,
    /// `_LINUX_OPENAT2_H`): `headers_install.sh` strips the `_UAPI` prefix of the source tree.
    pub guard: String,
    /// Headers included after `<linux/types.h>` and `<linux/ioctl.h>` (`includes = [..]`), as
    /// Linux's own header includes them (`linux/stddef.h`).
    pub includes: Vec<String>,
    /// The path of the `uabi` crate in the user's crate (`crate = ".."`), `::uabi` by default:
    /// every path of the expansion starts with it, so a renamed dependency works.
    pub krate: syn::Path,
    pub docs: Vec<String>,
    /// Attributes of the module other than docs (kept on the Rust side).
    pub attrs: Vec<Attribute>,
    pub items: Vec<Item>,
}

impl Abi {
    /// The struct or union with Rust name `name`.
    pub fn record(&self, name: &Ident) -> Option<&Record> {
        self.items.iter().find_map(|i| match i {
            Item::Struct(r) if r.name == *name => Some(r),
            _ => None,
        })
    }

    /// The enum with Rust name `name`.
    pub fn enumeration(&self, name: &Ident) -> Option<&Enum> {
        self.items.iter().find_map(|i| match i {
            Item::Enum(e) if e.name == *name => Some(e),
            _ => None,
        })
    }

    /// The size in bytes of the argument type of a sized ioctl (`_IOR`, `_IOW`, `_IOWR`).
    pub fn arg_size(&self, ty: &FieldType) -> Option<u64> {
        match ty {
            FieldType::Prim(p) => Some(p.size()),
            FieldType::Named(n) => self.record(n).map(|r| r.layout.size),
            _ => None,
        }
    }

    /// The C type of a field or sized ioctl argument as a header spells it, without the
    /// declarator's name: `__u32`, `__aligned_u64`, `__u8[16]`, `__u64[]`, `struct foo`.
    pub fn c_type(&self, t: &FieldType, aligned: bool) -> String {
        match t {
            FieldType::Prim(p) => p.c_name(aligned).to_string(),
            FieldType::Array(e, n) => format!("{}[{n}]", self.c_type(e, aligned)),
            FieldType::Flex(e) => format!("{}[]", self.c_type(e, aligned)),
            FieldType::Named(n) => self.record(n).map_or_else(|| n.to_string(), |r| format!("{} {}", r.kind.c_keyword(), r.c_name)),
        }
    }

    /// The request number of `io` in the layout `enc`, as that architecture's `<asm/ioctl.h>`
    /// computes it.
    pub fn ioctl_number(&self, io: &Ioctl, enc: uabi_ioctl::Encoding) -> u32 {
        let size = io.size_arg.as_ref().and_then(|t| self.arg_size(t)).unwrap_or(0);
        enc.encode(io.dir, io.ty as u8, io.nr as u8, size as u32)
    }

    /// The constant, flag or enum value with Rust name `name`.
    pub fn constant(&self, name: &str) -> Option<&Const> {
        self.items.iter().find_map(|i| match i {
            Item::Const(c) if c.name == name => Some(c),
            Item::Struct(r) => r.fields.iter().flat_map(|f| &f.flags).find(|f| f.name == name),
            Item::Enum(e) => e.variants.iter().find(|v| v.name == name),
            _ => None,
        })
    }
}

#[allow(clippy::large_enum_variant)] // a handful of items per module: boxing buys nothing
pub enum Item {
    Const(Const),
    Struct(Record),
    Enum(Enum),
    Ioctl(Ioctl),
    /// `pub const NAME: &str = "..";`: a string macro of the header.
    Str(StrConst),
    /// Anything else (`use`, `impl`, functions): Rust only, passed through untouched.
    Rust(syn::Item),
}

/// The eight fixed-width integer types of a UAPI header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prim {
    U8,
    U16,
    U32,
    U64,
    I8,
    I16,
    I32,
    I64,
}

impl Prim {
    pub fn from_name(name: &str) -> Option<Prim> {
        Some(match name {
            "u8" => Prim::U8,
            "u16" => Prim::U16,
            "u32" => Prim::U32,
            "u64" => Prim::U64,
            "i8" => Prim::I8,
            "i16" => Prim::I16,
            "i32" => Prim::I32,
            "i64" => Prim::I64,
            _ => return None,
        })
    }

    pub fn size(self) -> u64 {
        match self {
            Prim::U8 | Prim::I8 => 1,
            Prim::U16 | Prim::I16 => 2,
            Prim::U32 | Prim::I32 => 4,
            Prim::U64 | Prim::I64 => 8,
        }
    }

    pub fn signed(self) -> bool {
        matches!(self, Prim::I8 | Prim::I16 | Prim::I32 | Prim::I64)
    }

    pub fn rust_name(self) -> &'static str {
        match self {
            Prim::U8 => "u8",
            Prim::U16 => "u16",
            Prim::U32 => "u32",
            Prim::U64 => "u64",
            Prim::I8 => "i8",
            Prim::I16 => "i16",
            Prim::I32 => "i32",
            Prim::I64 => "i64",
        }
    }

    /// The Linux UAPI type name (`__u32`), or `__aligned_u64` when asked for.
    pub fn c_name(self, aligned: bool) -> &'static str {
        match (self, aligned) {
            (Prim::U64, true) => "__aligned_u64",
            (Prim::I64, true) => "__aligned_s64",
            (Prim::U8, _) => "__u8",
            (Prim::U16, _) => "__u16",
            (Prim::U32, _) => "__u32",
            (Prim::U64, _) => "__u64",
            (Prim::I8, _) => "__s8",
            (Prim::I16, _) => "__s16",
            (Prim::I32, _) => "__s32",
            (Prim::I64, _) => "__s64",
        }
    }

    /// Smallest and largest value of the type.
    pub fn range(self) -> (i128, i128) {
        let bits = self.size() * 8;
        if self.signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }
}

/// A `#define` the header adds after a versioned struct ([`Record::version_macros`]).
pub struct VersionMacro {
    pub name: String,
    pub value: i128,
    pub definition: MacroDefinition,
}

/// How a version macro is defined, for the C writer to spell.
pub enum MacroDefinition {
    /// A size in bytes.
    Number(u64),
    /// Another macro of the header (`_SIZE_LATEST` is the newest `_SIZE_VER<n>`).
    Alias(String),
    /// The flags a version knows, or'ed together (`0` when none).
    Flags(Vec<String>),
}

/// `pub const NAME: u32 = expr;`, a flag, or an enum variant: a named integer.
pub struct Const {
    pub name: Ident,
    pub c_name: String,
    pub ty: Prim,
    pub expr: Expr,
    pub value: i128,
    /// The smallest and largest value any part of `expr` takes. C computes every intermediate
    /// value in the type of its literals, so the header writer chooses literal suffixes from
    /// these.
    pub extremes: (i128, i128),
    pub docs: Vec<String>,
    /// Version that introduced it (flags only; 0 elsewhere).
    pub since: u32,
}

/// `pub const NAME: &str = "..";`: Rust keeps the `&str` const, C gets `#define NAME ".."`.
pub struct StrConst {
    pub name: Ident,
    pub c_name: String,
    pub vis: Visibility,
    /// The literal as written, for the Rust expansion and error spans.
    pub lit: syn::LitStr,
    pub value: String,
    pub docs: Vec<String>,
    /// Attributes other than ours and docs (kept on the Rust const).
    pub attrs: Vec<Attribute>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Struct,
    Union,
}

impl RecordKind {
    pub fn c_keyword(self) -> &'static str {
        match self {
            RecordKind::Struct => "struct",
            RecordKind::Union => "union",
        }
    }
}

/// A struct or a union.
pub struct Record {
    pub kind: RecordKind,
    pub name: Ident,
    pub c_name: String,
    pub vis: Visibility,
    pub docs: Vec<String>,
    /// `#[derive(..)]` paths the user wrote.
    pub derives: Vec<Path>,
    /// Other attributes the user wrote (kept on the Rust item).
    pub attrs: Vec<Attribute>,
    pub fields: Vec<Field>,
    pub first_version: u32,
    /// `#[uabi(capability(id = .., version = ..))]`, evaluated.
    pub capability: Option<(Expr, u16, u16)>,
    /// Only ever inlined without a name in C.
    pub anonymous: bool,
    /// Filled by the kernel: callers pass only `argsz`, so decoders do not check `flags`.
    pub output: bool,
    /// Index of the size field: the one marked `#[uabi(size)]`, or an `argsz: u32` first field.
    pub size_field: Option<usize>,
    /// `#[uabi(policy = ..)]` as declared; [`Record::policy`] gives the one that applies.
    pub declared_policy: Option<Policy>,
    /// Filled by `layout`.
    pub layout: Layout,
}

/// How a kernel reads a struct from user memory: the runtime's `uabi::SizePolicy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// VFIO: size field >= minsz else EINVAL; bytes past the known size ignored.
    Argsz,
    /// `copy_struct_from_user` with the size beside the pointer (openat2, clone3).
    Sized,
    /// A size field, then `copy_struct_from_user` without a page bound (iommufd).
    SizedField,
    /// perf_event_open: 0 is the first version, E2BIG with the size written back.
    Perf,
}

impl Policy {
    pub const ALL: [Policy; 4] = [Policy::Argsz, Policy::Sized, Policy::SizedField, Policy::Perf];

    /// The name `#[uabi(policy = ..)]` takes.
    pub fn name(self) -> &'static str {
        match self {
            Policy::Argsz => "argsz",
            Policy::Sized => "sized",
            Policy::SizedField => "sized_field",
            Policy::Perf => "perf",
        }
    }

    /// The variant of `uabi::SizePolicy`.
    pub fn rust_variant(self) -> &'static str {
        match self {
            Policy::Argsz => "Argsz",
            Policy::Sized => "Sized",
            Policy::SizedField => "SizedField",
            Policy::Perf => "Perf",
        }
    }

    /// One line for the C header and the report: what the kernel does with the size.
    pub fn describe(self) -> &'static str {
        match self {
            Policy::Argsz => "the size field must reach the first version (else EINVAL); bytes past the known size are ignored",
            Policy::Sized => "copy_struct_from_user with the size passed beside the pointer: below the first version EINVAL, above a page E2BIG, non-zero unknown bytes E2BIG",
            Policy::SizedField => "copy_struct_from_user with the size read from the size field: below the first version EINVAL, non-zero unknown bytes E2BIG",
            Policy::Perf => "0 in the size field means the first version; below it, above a page or non-zero unknown bytes E2BIG, and the kernel's size is written back into the size field",
        }
    }
}

impl Record {
    pub fn flex(&self) -> Option<&Field> {
        self.fields.last().filter(|f| matches!(f.ty, FieldType::Flex(_)))
    }

    /// Whether the struct carries its size in a field (`#[uabi(size)]` or the `argsz` first
    /// field): its `Default` sets it, and the decoders read it.
    pub fn has_argsz(&self) -> bool {
        self.size_field.is_some()
    }

    /// The size field, if any.
    pub fn size_field(&self) -> Option<&Field> {
        self.size_field.map(|i| &self.fields[i])
    }

    /// The policy that applies: as declared, else VFIO's for a struct with a size field and
    /// `copy_struct_from_user`'s with an external size otherwise (the runtime's default too).
    pub fn policy(&self) -> Policy {
        self.declared_policy.unwrap_or(self.implied_policy())
    }

    /// The policy without a declaration: VFIO's with a size field, `copy_struct_from_user`'s
    /// with the size beside the pointer otherwise (also the runtime's `Extensible::POLICY`
    /// default, so the expansion emits `POLICY` only when the applied one differs).
    pub fn implied_policy(&self) -> Policy {
        if self.size_field.is_some() { Policy::Argsz } else { Policy::Sized }
    }

    /// Distinct version numbers, ascending.
    pub fn versions(&self) -> Vec<u32> {
        let mut v: Vec<u32> = vec![self.first_version];
        for f in &self.fields {
            if !v.contains(&f.since) {
                v.push(f.since);
            }
            for flag in &f.flags {
                if !v.contains(&flag.since) {
                    v.push(flag.since);
                }
            }
        }
        v.sort_unstable();
        v
    }

    /// True when the header should carry `<NAME>_SIZE_VER<n>` macros.
    pub fn is_versioned(&self) -> bool {
        self.versions().len() > 1 || self.first_version == 0
    }

    /// Size of version `v`: the end of its last field (Linux's `offsetofend`, VFIO's `minsz`).
    pub fn version_size(&self, v: u32) -> u64 {
        let mut end = 0;
        for f in &self.fields {
            if f.since <= v {
                end = end.max(f.layout.offset + f.layout.size);
            }
        }
        if v == *self.versions().last().unwrap() {
            end = self.layout.size;
        }
        end
    }

    /// The `#define`s the header adds after a versioned struct: the size of each version, the
    /// latest size, `minsz` (the first version's size) and the flags each version knows
    /// (`OPEN_HOW_SIZE_VER0`, `VFIO_DEVICE_INFO_MINSZ`, `VFIO_DEVICE_INFO_FLAGS_VER2`).
    /// Unversioned structs get none: their size is `sizeof`. The checks claim these names, so
    /// no item of the module can clash with them.
    pub fn version_macros(&self) -> Vec<VersionMacro> {
        let mut out = Vec::new();
        if self.anonymous || !self.is_versioned() {
            return out;
        }
        let upper = self.c_name.to_ascii_uppercase();
        let versions = self.versions();
        let size = |v: u32| VersionMacro {
            name: format!("{upper}_SIZE_VER{v}"),
            value: self.version_size(v) as i128,
            definition: MacroDefinition::Number(self.version_size(v)),
        };
        out.extend(versions.iter().map(|v| size(*v)));
        let (first, last) = (versions[0], versions[versions.len() - 1]);
        let alias = |name: String, v: u32| VersionMacro {
            name,
            value: self.version_size(v) as i128,
            definition: MacroDefinition::Alias(format!("{upper}_SIZE_VER{v}")),
        };
        out.push(alias(format!("{upper}_SIZE_LATEST"), last));
        out.push(alias(format!("{upper}_MINSZ"), first));
        if let Some(field) = self.flag_field() {
            for v in &versions {
                let names = field.flags.iter().filter(|f| f.since <= *v).map(|f| f.c_name.clone()).collect();
                out.push(VersionMacro {
                    name: format!("{upper}_FLAGS_VER{v}"),
                    value: self.known_flags(*v) as i128,
                    definition: MacroDefinition::Flags(names),
                });
            }
        }
        out
    }

    /// The sentence on the struct's size convention, for the header and the report: every
    /// struct that declares a policy or has a size field (a plain payload struct gets none).
    pub fn policy_sentence(&self) -> Option<String> {
        if self.kind != RecordKind::Struct || (self.declared_policy.is_none() && self.size_field.is_none()) {
            return None;
        }
        let p = self.policy();
        let field = self.size_field().map(|f| format!(" (size field `{}`)", f.c_name)).unwrap_or_default();
        Some(format!("Size policy `{}`{field}: {}.", p.name(), p.describe()))
    }

    /// Every flag bit a reader of version `v` knows.
    pub fn known_flags(&self, v: u32) -> u64 {
        self.flag_field()
            .map(|f| f.flags.iter().filter(|c| c.since <= v).fold(0u64, |m, c| m | c.value as u64))
            .unwrap_or(0)
    }

    /// The field whose flags the decoders check: `flags` if it declares flags, else the first
    /// field that declares any.
    pub fn flag_field(&self) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.name == "flags" && !f.flags.is_empty())
            .or_else(|| self.fields.iter().find(|f| !f.flags.is_empty()))
    }
}

pub struct Field {
    pub name: Ident,
    pub c_name: String,
    pub vis: Visibility,
    pub docs: Vec<String>,
    /// Attributes other than ours and docs (kept on the Rust field).
    pub attrs: Vec<Attribute>,
    pub ty: FieldType,
    /// The type as written, for error spans.
    pub ty_tokens: Type,
    pub since: u32,
    pub aligned: bool,
    pub reserved: bool,
    pub enum_name: Option<Ident>,
    pub gated_by: Option<Ident>,
    pub counted_by: Option<Ident>,
    pub anonymous: bool,
    /// `#[uabi(size)]`: declared the size field (see [`Record::size_field`]).
    pub size: bool,
    /// `#[uabi(c_pointer = "__u64")]` on a `u64`: in C the field is also a pointer to this
    /// type, an anonymous union of `T *name` and the integer [`Field::pointer_int_name`].
    pub c_pointer: Option<String>,
    pub flags: Vec<Const>,
    /// Filled by `layout`.
    pub layout: FieldLayout,
}

impl Field {
    /// The C name of the integer member beside the pointer of a `c_pointer` field
    /// (`data_u64` for `data`): what a 32-bit big-endian C user writes the address into.
    pub fn pointer_int_name(&self) -> Option<String> {
        self.c_pointer.as_ref().map(|_| format!("{}_u64", self.c_name))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    Prim(Prim),
    Array(Box<FieldType>, u64),
    /// Another record of the same module.
    Named(Ident),
    /// A trailing flexible array member `T name[]`.
    Flex(Box<FieldType>),
}

impl FieldType {
    /// The innermost element type.
    pub fn element(&self) -> &FieldType {
        match self {
            FieldType::Array(t, _) | FieldType::Flex(t) => t.element(),
            t => t,
        }
    }
}

/// Size and alignment of a record under the portable rules, and what i386 and m68k make of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub size: u64,
    /// Alignment where every primitive is aligned to its size (x86_64, arm, aarch64, ppc, ...).
    pub align: u64,
    /// Alignment on i386, where 64-bit integers are 4-aligned unless `__aligned_u64`.
    pub align_i386: u64,
    /// Alignment on m68k, where nothing is aligned above 2 unless `__aligned_u64`.
    pub align_m68k: u64,
}

/// Where a field sits: offset and size in bytes (a flexible array has size 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldLayout {
    pub offset: u64,
    pub size: u64,
}

pub struct Enum {
    pub name: Ident,
    pub c_name: String,
    pub vis: Visibility,
    pub docs: Vec<String>,
    pub derives: Vec<Path>,
    pub attrs: Vec<Attribute>,
    pub repr: Prim,
    pub variants: Vec<Const>,
}

/// The direction of an ioctl: the one definition shared with the runtime.
pub use uabi_ioctl::Dir;

pub struct Ioctl {
    pub name: Ident,
    pub vis: Visibility,
    pub docs: Vec<String>,
    pub attrs: Vec<Attribute>,
    pub dir: Dir,
    pub ty_expr: Expr,
    pub ty: i128,
    pub nr_expr: Expr,
    pub nr: i128,
    /// The sized argument of `_IOR/_IOW/_IOWR`.
    pub size_arg: Option<FieldType>,
    /// The argument type for typed calls: `Ioctl<Arg>` as declared, or the sized argument.
    pub arg: Option<Type>,
    pub namespace: String,
}
