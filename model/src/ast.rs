//! The ABI model as parsed: what one `#[uabi::abi]` module defines, with every constant
//! evaluated. Layouts are not here: `layout` computes them from this into [`crate::layout`]'s
//! IR, stored beside the items in [`Abi::layouts`], and every back end (Rust, C, report,
//! description, lock) reads both and computes no layout of its own.

use proc_macro2::{Ident, Span};
use syn::{Attribute, Expr, Path, Type, Visibility};
use uabi_arch::{Family, FamilySet};

use crate::layout::Layouts;

/// One ABI module: one C header, plus the headers of its nested header modules.
pub struct Abi {
    pub module: Ident,
    pub vis: Visibility,
    /// The main header, [`HeaderId::MAIN`]; nested `#[uabi(header = "..")] mod` blocks add
    /// more (`asm/kvm.h` beside `linux/kvm.h`).
    pub headers: Vec<Header>,
    /// The path of the `uabi` crate in the user's crate (`crate = ".."`), `::uabi` by default:
    /// every path of the expansion starts with it, so a renamed dependency works.
    pub krate: syn::Path,
    /// Attributes of the module other than docs (kept on the Rust side).
    pub attrs: Vec<Attribute>,
    pub items: Vec<Item>,
    /// Where every record lies, per family of architectures: filled by `layout`.
    pub layouts: Layouts,
}

/// A header the module writes.
pub struct Header {
    /// Where C includes it from and the tools write it under their output directory
    /// (`linux/vfio.h`).
    pub path: String,
    /// Include guard macro, in the form an installed header has (`VFIO_H`,
    /// `_LINUX_OPENAT2_H`): `headers_install.sh` strips the `_UAPI` prefix of the source tree.
    pub guard: String,
    /// Headers included after `<linux/types.h>` and `<linux/ioctl.h>` (`includes = [..]`), as
    /// Linux's own header includes them (`linux/stddef.h`).
    pub includes: Vec<String>,
    pub docs: Vec<String>,
    /// The nested Rust module that holds the header's items (`None` for the main header,
    /// whose items are the module's own).
    pub module: Option<NestedModule>,
}

/// A nested module of an ABI module that writes a header of its own.
pub struct NestedModule {
    pub name: Ident,
    pub vis: Visibility,
    pub attrs: Vec<Attribute>,
}

/// Which of [`Abi::headers`] an item goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct HeaderId(pub usize);

impl HeaderId {
    pub const MAIN: HeaderId = HeaderId(0);
}

/// Where an item exists: its header, and the architecture families it is defined for
/// (`#[uabi(arch(..))]`, every family by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub header: HeaderId,
    pub arch: FamilySet,
}

impl Abi {
    /// The main header's path (`linux/vfio.h`).
    pub fn header(&self) -> &str {
        &self.headers[0].path
    }

    pub fn guard(&self) -> &str {
        &self.headers[0].guard
    }

    pub fn docs(&self) -> &[String] {
        &self.headers[0].docs
    }

    /// Every struct and union.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.items.iter().filter_map(|i| if let Item::Struct(r) = i { Some(r) } else { None })
    }

    /// The record with id `id`.
    pub fn record_by_id(&self, id: RecordId) -> &Record {
        self.records().find(|r| r.id == id).expect("record ids come from this module")
    }

    /// The struct or union with Rust name `name` that exists on `family`.
    pub fn record_on(&self, name: &Ident, family: Family) -> Option<&Record> {
        self.records().find(|r| r.name == *name && r.place.arch.contains(family))
    }

    /// The first struct or union with Rust name `name` (the only one, unless it is defined per
    /// architecture: then each has its own families).
    pub fn record(&self, name: &Ident) -> Option<&Record> {
        self.records().find(|r| r.name == *name)
    }

    /// The enum with Rust name `name`.
    pub fn enumeration(&self, name: &Ident) -> Option<&Enum> {
        self.items.iter().find_map(|i| match i {
            Item::Enum(e) if e.name == *name => Some(e),
            _ => None,
        })
    }

    /// The C type of a field or sized ioctl argument as a header spells it, without the
    /// declarator's name: `__u32`, `__aligned_u64`, `__u8[16]`, `__u64[]`, `struct foo`.
    pub fn c_type(&self, f: &FieldType, spelling: CSpelling) -> String {
        match f {
            FieldType::Prim(p) => spelling.prim(*p).to_string(),
            FieldType::Array(e, n) => format!("{}[{n}]", self.c_type(e, spelling)),
            FieldType::Flex(e) => format!("{}[]", self.c_type(e, spelling)),
            FieldType::Named(n) => {
                self.record(n).map_or_else(|| n.to_string(), |r| format!("{} {}", r.kind.c_keyword(), r.c_name))
            }
        }
    }

    /// The constant, flag or enum value with Rust name `name` (the first, when it is defined
    /// per architecture).
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
    /// Anything else (`use`, `impl`, functions): Rust only, passed through untouched, in the
    /// module of its header.
    Rust(syn::Item, HeaderId),
}

impl Item {
    /// The header the item goes to.
    pub fn header(&self) -> HeaderId {
        match self {
            Item::Const(c) => c.place.header,
            Item::Struct(r) => r.place.header,
            Item::Enum(e) => e.place.header,
            Item::Ioctl(i) => i.place.header,
            Item::Str(s) => s.place.header,
            Item::Rust(_, h) => *h,
        }
    }

    /// The families the item exists on (Rust pass-through items: every family).
    pub fn arch(&self) -> FamilySet {
        match self {
            Item::Const(c) => c.place.arch,
            Item::Struct(r) => r.place.arch,
            Item::Enum(e) => e.place.arch,
            Item::Ioctl(i) => i.place.arch,
            Item::Str(s) => s.place.arch,
            Item::Rust(..) => FamilySet::ALL,
        }
    }
}

/// The fixed-width integer types of a UAPI header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prim {
    U8,
    U16,
    U32,
    U64,
    I8,
    I16,
    I32,
    I64,
    /// `__uint128_t`: only on families where every architecture has it with one alignment
    /// (arm64's `user_fpsimd_state`).
    U128,
    I128,
}

impl Prim {
    pub const ALL: [Prim; 10] =
        [Prim::U8, Prim::U16, Prim::U32, Prim::U64, Prim::I8, Prim::I16, Prim::I32, Prim::I64, Prim::U128, Prim::I128];

    pub fn from_name(name: &str) -> Option<Prim> {
        Prim::ALL.into_iter().find(|p| p.rust_name() == name)
    }

    pub fn size(self) -> u64 {
        match self {
            Prim::U8 | Prim::I8 => 1,
            Prim::U16 | Prim::I16 => 2,
            Prim::U32 | Prim::I32 => 4,
            Prim::U64 | Prim::I64 => 8,
            Prim::U128 | Prim::I128 => 16,
        }
    }

    pub fn bits(self) -> u32 {
        self.size() as u32 * 8
    }

    pub fn signed(self) -> bool {
        matches!(self, Prim::I8 | Prim::I16 | Prim::I32 | Prim::I64 | Prim::I128)
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
            Prim::U128 => "u128",
            Prim::I128 => "i128",
        }
    }

    /// The Linux UAPI type name (`__u32`).
    pub fn c_name(self) -> &'static str {
        match self {
            Prim::U8 => "__u8",
            Prim::U16 => "__u16",
            Prim::U32 => "__u32",
            Prim::U64 => "__u64",
            Prim::I8 => "__s8",
            Prim::I16 => "__s16",
            Prim::I32 => "__s32",
            Prim::I64 => "__s64",
            Prim::U128 => "__uint128_t",
            Prim::I128 => "__int128_t",
        }
    }

    /// Smallest and largest value of the type.
    pub fn range(self) -> (i128, i128) {
        match self {
            Prim::U128 => (0, i128::MAX),
            Prim::I128 => (i128::MIN, i128::MAX),
            _ => {
                let bits = self.bits();
                if self.signed() {
                    (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
                } else {
                    (0, (1i128 << bits) - 1)
                }
            }
        }
    }

    /// `v` reduced to this type as an `as` cast does: the low bits, sign-extended when signed.
    pub fn wrap(self, v: i128) -> i128 {
        match self {
            Prim::U128 | Prim::I128 => v,
            _ => {
                let bits = self.bits();
                let low = v & ((1i128 << bits) - 1);
                if self.signed() && low >= 1i128 << (bits - 1) {
                    low - (1i128 << bits)
                } else {
                    low
                }
            }
        }
    }
}

/// How a field's integer type is spelled in C: Linux's fixed-width name, `__aligned_u64`, or
/// `char` for the byte arrays Linux declares `char` (`kvm_run`'s `padding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CSpelling {
    pub aligned: bool,
    pub char: bool,
}

impl CSpelling {
    pub fn of(f: &Field) -> CSpelling {
        CSpelling { aligned: f.aligned, char: f.char }
    }

    pub fn prim(self, p: Prim) -> &'static str {
        match (p, self) {
            (Prim::U64, CSpelling { aligned: true, .. }) => "__aligned_u64",
            (Prim::I64, CSpelling { aligned: true, .. }) => "__aligned_s64",
            (Prim::U8 | Prim::I8, CSpelling { char: true, .. }) => "char",
            _ => p.c_name(),
        }
    }
}

/// A `#define` the header adds after a versioned struct ([`crate::layout::RecordLayout::version_macros`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionMacro {
    pub name: String,
    pub value: i128,
    pub definition: MacroDefinition,
}

/// How a version macro is defined, for the C writer to spell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MacroDefinition {
    /// A size in bytes.
    Number(u64),
    /// Another macro of the header (`_SIZE_LATEST` is the newest `_SIZE_VER<n>`).
    Alias(String),
    /// The flags a version knows, or'ed together (`0` when none).
    Flags(Vec<String>),
}

/// A C integer literal suffix a constant asks for (`#[uabi(c_suffix = "UL")]`), so that the
/// header gives the macro Linux's C type (`(1UL << 2)`), or none at all (`c_suffix = ""`), so
/// that it is spelled token for token as another header spells it (glibc's `<sched.h>` and
/// Linux's `<linux/sched.h>` both define `CLONE_IO` as `0x80000000`: a second definition is
/// only allowed when it is the same tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CSuffix {
    /// `""`: the literals as written.
    Plain,
    U,
    L,
    UL,
    LL,
    ULL,
}

impl CSuffix {
    pub const ALL: [CSuffix; 5] = [CSuffix::U, CSuffix::L, CSuffix::UL, CSuffix::LL, CSuffix::ULL];

    pub fn text(self) -> &'static str {
        match self {
            CSuffix::Plain => "",
            CSuffix::U => "U",
            CSuffix::L => "L",
            CSuffix::UL => "UL",
            CSuffix::LL => "LL",
            CSuffix::ULL => "ULL",
        }
    }

    /// The suffix `s` names: one of [`CSuffix::ALL`], or `""` for [`CSuffix::Plain`].
    pub fn from_text(s: &str) -> Option<CSuffix> {
        if s.is_empty() {
            return Some(CSuffix::Plain);
        }
        CSuffix::ALL.into_iter().find(|c| c.text() == s)
    }
}

/// `pub const NAME: u32 = expr;`, a flag, or an enum variant: a named integer.
pub struct Const {
    pub name: Ident,
    pub c_name: String,
    pub ty: Prim,
    pub expr: Expr,
    /// The value as rustc computes it (casts, signed arithmetic, literal types).
    pub value: i128,
    pub docs: Vec<String>,
    /// Version that introduced it (flags only; 0 elsewhere).
    pub since: u32,
    /// `#[uabi(c_suffix = "..")]`: the suffix every literal of the C expression takes.
    pub c_suffix: Option<CSuffix>,
    /// Where it exists; a flag or enumerator has its record's or enum's.
    pub place: Place,
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
    pub place: Place,
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

/// A record's identity: its position among the module's records. Two records may share a
/// name when they exist on different families (x86's and arm64's `kvm_regs`); their ids differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub usize);

/// A struct or a union.
pub struct Record {
    pub id: RecordId,
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
    /// No C tag: C only knows it inlined, as an anonymous member or as the type of one member
    /// (`struct { .. } mmio;`).
    pub anonymous: bool,
    /// Filled by the kernel: callers pass only `argsz`, so decoders do not check `flags`.
    pub output: bool,
    /// Index of the size field: the one marked `#[uabi(size)]`, or an `argsz: u32` first field.
    pub size_field: Option<usize>,
    /// `#[uabi(policy = ..)]` as declared; [`Record::policy`] gives the one that applies.
    pub declared_policy: Option<Policy>,
    /// The stem of the version macros: `PERF_ATTR` gives `PERF_ATTR_SIZE_VER0`
    /// (`#[uabi(macro_stem = "..")]`); the C tag in upper case by default.
    pub macro_stem: String,
    /// `#[uabi(defined_in = "asm/ptrace.h")]`: a record another header defines (arm64's
    /// `user_pt_regs`, which `<asm/kvm.h>` takes from `<asm/ptrace.h>`). The model lays it out
    /// and the layout checks assert it against that header; the header includes it instead of
    /// defining it, so the two never clash.
    pub defined_in: Option<String>,
    /// `#[uabi(packed)]` (its key, for errors): every member at the next byte and the record
    /// 1-aligned, as C's `__attribute__((packed))`. The same layout on every architecture, so
    /// no padding rule applies inside it.
    pub packed: Option<Ident>,
    pub place: Place,
    /// The closing brace, where a field added at the end goes (error fixes).
    pub close_brace: Span,
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
        if self.size_field.is_some() {
            Policy::Argsz
        } else {
            Policy::Sized
        }
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

    /// True when the header should carry `<STEM>_SIZE_VER<n>` macros.
    pub fn is_versioned(&self) -> bool {
        self.kind == RecordKind::Struct && !self.anonymous && (self.versions().len() > 1 || self.first_version == 0)
    }

    /// The names of the version macros (`<STEM>_SIZE_VER<n>`, `_SIZE_LATEST`, `_MINSZ`,
    /// `_FLAGS_VER<n>`): the checks claim them, the layout gives them values.
    pub fn version_macro_names(&self) -> Vec<String> {
        if !self.is_versioned() {
            return Vec::new();
        }
        let stem = &self.macro_stem;
        let versions = self.versions();
        let mut out: Vec<String> = versions.iter().map(|v| format!("{stem}_SIZE_VER{v}")).collect();
        out.push(format!("{stem}_SIZE_LATEST"));
        out.push(format!("{stem}_MINSZ"));
        if self.flag_field().is_some() {
            out.extend(versions.iter().map(|v| format!("{stem}_FLAGS_VER{v}")));
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
    /// The field's first token (its first attribute, or its visibility or name), where a
    /// field inserted before it goes (error fixes).
    pub start: Span,
    pub since: u32,
    pub aligned: bool,
    /// `#[uabi(char)]`: a byte or byte array that C declares `char` (Linux's `char
    /// padding[256]`); the bytes are the same, only C's name and signedness differ.
    pub char: bool,
    pub reserved: bool,
    pub enum_name: Option<Ident>,
    pub gated_by: Option<Ident>,
    pub counted_by: Option<Ident>,
    /// An anonymous member: C inlines the members of its (untagged) type without a name.
    pub anonymous: bool,
    /// `#[uabi(size)]`: declared the size field (see [`Record::size_field`]).
    pub size: bool,
    /// `#[uabi(c_pointer = "__u64")]` on a `u64`: in C the field is also a pointer to this
    /// type, an anonymous union of `T *name` and the integer [`Field::pointer_int_name`].
    pub c_pointer: Option<String>,
    pub flags: Vec<Const>,
    /// `#[bits { .. }]`: the field is a storage unit that C declares as these bitfields.
    pub bits: Vec<BitRange>,
    /// The families the field exists on: its record's, narrowed by `#[uabi(arch(..))]`.
    pub arch: FamilySet,
}

impl Field {
    /// The C name of the integer member beside the pointer of a `c_pointer` field
    /// (`data_u64` for `data`): what a 32-bit big-endian C user writes the address into.
    pub fn pointer_int_name(&self) -> Option<String> {
        self.c_pointer.as_ref().map(|_| format!("{}_u64", self.c_name))
    }

    /// The C names this field declares in its struct: itself, the integer beside a pointer,
    /// or each of its bitfields.
    pub fn c_members(&self) -> Vec<String> {
        if !self.bits.is_empty() {
            return self.bits.iter().map(|b| b.c_name.clone()).collect();
        }
        let mut out = vec![self.c_name.clone()];
        out.extend(self.pointer_int_name());
        out
    }
}

/// One named bit range of a bitfield storage unit (`disabled : 1`).
pub struct BitRange {
    pub name: Ident,
    pub c_name: String,
    pub width: u32,
    pub docs: Vec<String>,
    /// Must be zero (`__reserved_1 : 26`): decoders refuse a set bit with EINVAL.
    pub reserved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    Prim(Prim),
    Array(Box<FieldType>, u64),
    /// A record of the module (which one can depend on the family: see the layout).
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

pub struct Enum {
    pub name: Ident,
    pub c_name: String,
    pub vis: Visibility,
    pub docs: Vec<String>,
    pub derives: Vec<Path>,
    pub attrs: Vec<Attribute>,
    pub repr: Prim,
    pub variants: Vec<Const>,
    pub place: Place,
}

/// The direction of an ioctl: the one definition shared with the runtime.
pub use uabi_arch::Dir;

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
    pub place: Place,
}
