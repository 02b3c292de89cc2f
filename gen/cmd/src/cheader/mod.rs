//! What a C header declares, as each target's C front end (libclang) sees it: the layer shared
//! by `uabi lint` and `uabi import`.
//!
//! A header is parsed once per [`Target`] ([`Parser::extract`]), and each parse gives one
//! [`HeaderIr`]: every struct, union, enum, typedef and macro *defined in that header* (not in
//! the headers it includes), in source order, with every number as that target's compiler
//! computes it. Nothing here is uabi's own layout model: sizes, alignments and offsets are
//! libclang's answers for the target triple, so that lint is an independent witness of uabi's
//! model, and import starts from what the C compiler does rather than from a second guess.
//!
//! # The IR
//!
//! - [`HeaderIr`]: one header on one target: [`Record`]s, [`Enum`]s, [`Typedef`]s, [`Macro`]s,
//!   and the front end's [`Problem`]s (errors and fatal errors; warnings are dropped). A record
//!   or macro may be present on one target and absent on another (`#ifdef __x86_64__`): match
//!   items across targets by name.
//! - [`Record`]: a struct or union *definition*, named by its tag, by the typedef that names an
//!   anonymous one (`typedef struct { .. } foo_t;`), or by neither (an anonymous member, or a
//!   member of an unnamed type such as `union { .. } u;`). Records are stored flat in
//!   [`HeaderIr::records`] and refer to each other by [`RecordId`] (an index there): an
//!   anonymous record has `parent`, and a field of record type has `def` when the definition is
//!   in this header. `size` and `align` are in bytes; `None` when the target's compiler could
//!   not lay the record out (an error inside it, an incomplete type).
//! - [`Field`]: in declaration order, as C's layout sees them: anonymous members are fields
//!   with `name: None` whose type is an anonymous record; unnamed bit-fields (`__u32 :3;`) are
//!   fields with `name: None` and a `bit_width`. `offset_bits` is the offset from the start of
//!   the record that declares the field, in bits (libclang's `clang_Cursor_getOffsetOfField`);
//!   for a bit-field it is the first bit *in allocation order*: big-endian ABIs allocate from the
//!   most significant bit of the storage unit, so the same declaration gives the same number on
//!   both byte orders while the bits it covers differ.
//! - [`Type`]: the spelling as written (`__u32`, `struct vfio_info_cap_header`, `char [16]`),
//!   the typedef names crossed on the way to the canonical type (`["__u32"]`,
//!   `["__kernel_size_t", "__kernel_ulong_t"]`), its size and alignment on the target, its
//!   [`TypeKind`] (builtin integer by C name, float, pointer, array with length or flexible,
//!   record, enum), and the file that declares it (`declared_in`: a type of `asm/` is each
//!   architecture's own). A typedef with an alignment attribute (`__aligned_u64`) keeps its name in
//!   `typedefs` and its alignment in `align`.
//! - [`Enum`]: tag (or typedef name), underlying integer, enumerators with values.
//! - [`Macro`]: every object-like and function-like `#define` of the header (the include guard
//!   too, with an empty body; not the compiler's builtins): parameters, the body as written (tokens with single spaces where the source
//!   had whitespace), the integer value the target's front end gives an object-like macro when
//!   asked (`value`, only with [`Options::macro_values`]), and for `_IO`, `_IOR`, `_IOW`,
//!   `_IOWR` (and `_IOC`, `*_BAD`) bodies the macro's name and arguments as text ([`IoctlMacro`]).
//!   The ioctl number itself is `value`, computed by the target's own `<asm/ioctl.h>`, and
//!   the argument's type is resolved by the front end ([`IoctlMacro::arg`]).
//! - Comments: every item and field has `comment`, the C comment (markers and leading `*`
//!   stripped) directly above it or trailing on its last line, found by scanning the header's
//!   text ([`comments`]), so that plain `/* */` comments count, as Linux writes them.
//! - [`Loc`]: line, column (1-based) and byte offset in the header of where the item is
//!   declared (its name), as the header's text has it (the expansion point when a macro
//!   produced the declaration).
//!
//! # How a header is parsed
//!
//! A virtual main file `#include`s the header by its absolute path; include directories are, in
//! order, each `-I` root and, for a root laid out as Debian's multiarch tree (its
//! `<multiarch triple>/asm/` directories beside `linux/`), the target's own triple directory
//! right after it, then the target's system directories as the clang driver finds them (a cross
//! libc under `/usr/<triple>/include` when Debian's cross compilers are installed). The
//! language is GNU C11 (`-std=gnu11`), hosted: UAPI headers that include libc headers get the
//! target's libc. Function bodies (static inline helpers) are skipped, as they lay nothing out.
//!
//! Macro values are asked of the compiler itself: each candidate object-like macro gets a probe
//! declaration `static const __typeof__((NAME)) __uabi_macro_N = (NAME);` appended to the main
//! file, and libclang evaluates its initializer on the target, so `sizeof` inside `_IOWR` and
//! each architecture's ioctl encoding are the target's; a sized `_IO*` macro's argument gets
//! `static __typeof__(ARG) *__uabi_ioarg_N;`, whose pointee is the argument's type. That second
//! parse is the one read into the IR.
//!
//! With [`Options::external_records`], a record of another header that this header uses by
//! value (a field's type, an ioctl's argument) is read too, with [`Record::file`] naming its
//! file: import needs its layout to name it.
//!
//! libclang is opened at run time ([`Parser::new`]); the IR itself does not depend on it.
//!
//! # Not in the IR (yet)
//!
//! An alignment or `packed` attribute on a *field* (rather than on a typedef or the record) is
//! not recorded, only its effect on offsets; the spelling of an unnamed type is libclang's
//! description (`union demo::(anonymous at demo.h:20:2)`), so match unnamed records by
//! [`RecordId`]; macros defined under an `#if` that is false on the target are absent from that
//! target's IR, as the preprocessor never sees them; an object-like macro's value is evaluated
//! only when its body looks like an expression (balanced brackets, no braces, semicolons or
//! strings, not starting with a type keyword).

pub mod comments;
pub(crate) mod extract;
pub mod targets;
#[cfg(test)]
mod tests;

pub use extract::{Options, Parser};
pub use targets::{Target, TARGETS};

use std::path::PathBuf;

/// A header to read: where it is on disk and how its users name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Header {
    /// The name users include it by, relative to the `-I` root that holds it (`linux/vfio.h`),
    /// or the path as given when it is below no root.
    pub name: String,
    /// The file, absolute.
    pub path: PathBuf,
    /// Whether `name` is relative to an include root (so `#include <name>` finds it).
    pub below_root: bool,
}

/// One header as one target's C front end sees it.
#[derive(Clone, Debug)]
pub struct HeaderIr {
    pub target: &'static Target,
    pub header: Header,
    /// The header's text, as read by the front end.
    pub text: String,
    /// Every struct and union definition of the header, anonymous ones included, in source
    /// order of their opening.
    pub records: Vec<Record>,
    pub enums: Vec<Enum>,
    pub typedefs: Vec<Typedef>,
    pub macros: Vec<Macro>,
    /// Errors of the front end, in this header or in anything it includes.
    pub problems: Vec<Problem>,
}

/// An index into [`HeaderIr::records`].
pub type RecordId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Struct,
    Union,
}

impl RecordKind {
    pub fn keyword(self) -> &'static str {
        match self {
            RecordKind::Struct => "struct",
            RecordKind::Union => "union",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Record {
    pub kind: RecordKind,
    /// The tag (`vfio_device_info` of `struct vfio_device_info`); `None` when anonymous.
    pub tag: Option<String>,
    /// The typedef that names an anonymous record (`typedef struct { .. } foo_t;`).
    pub typedef_name: Option<String>,
    /// For an anonymous record, the record it is declared in.
    pub parent: Option<RecordId>,
    /// `None` for a record of the header; the file that defines it for a record of another
    /// header, read because this header uses it by value ([`Options::external_records`]).
    pub file: Option<PathBuf>,
    /// For a record of another file: the name the header's own `#include` spells for the file
    /// that brings it (`sys/socket.h` for glibc's `bits/socket.h`, which only libc includes).
    pub included_as: Option<String>,
    /// Byte offset in the header's text where the definition ends (its closing brace): a
    /// macro defined between a field and this offset is written inside the record, as Linux
    /// writes a field's flags. 0 for a record of another file.
    pub end: u32,
    /// Bytes; `None` when the target could not lay it out.
    pub size: Option<u64>,
    pub align: Option<u64>,
    /// `__attribute__((packed))`.
    pub packed: bool,
    /// `__attribute__((aligned(N)))` on the record itself (N in bytes as written, when it is a
    /// plain number; 0 when the attribute has no argument or an expression libclang does not
    /// fold).
    pub aligned_attr: Option<u64>,
    pub fields: Vec<Field>,
    pub loc: Loc,
    pub comment: Option<String>,
}

impl Record {
    /// How C names it: `struct vfio_device_info`, `foo_t`, or `None` for an anonymous record.
    pub fn c_name(&self) -> Option<String> {
        match (&self.tag, &self.typedef_name) {
            (Some(tag), _) => Some(format!("{} {tag}", self.kind.keyword())),
            (None, Some(t)) => Some(t.clone()),
            (None, None) => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Field {
    /// `None` for an anonymous member (its type is an anonymous record) or an unnamed
    /// bit-field.
    pub name: Option<String>,
    pub ty: Type,
    /// From the start of the record that declares the field, in bits; for a bit-field, the
    /// first bit in allocation order (see the module docs). `None` when the target could not
    /// lay the record out.
    pub offset_bits: Option<u64>,
    /// The width of a bit-field.
    pub bit_width: Option<u32>,
    pub loc: Loc,
    pub comment: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Type {
    /// As written in the declaration: `__u32`, `struct vfio_region_info`, `char [16]`.
    pub spelling: String,
    /// The typedef names crossed on the way to the canonical type, outermost first (for an
    /// array, the array type's own typedefs; the element has its own).
    pub typedefs: Vec<String>,
    /// Bytes on the target; `None` for an incomplete type (a flexible array) or an error.
    pub size: Option<u64>,
    pub align: Option<u64>,
    pub kind: TypeKind,
    /// The file declaring the outermost named type (the first typedef, else the struct, union
    /// or enum): tells a type of the target's own `asm/` headers from a shared one. `None` for
    /// builtin and derived types.
    pub declared_in: Option<PathBuf>,
}

#[derive(Clone, Debug)]
pub enum TypeKind {
    Int(Int),
    /// `float`, `double`, `long double`, `_Float128`, .. by C name.
    Float(String),
    /// A pointer, to data or to a function; `pointee` as written. `pointee_via` is, for a
    /// pointee named by a typedef or tag of another file, the name of the header's own
    /// `#include` that brings that file (with [`Options::external_records`]): whether C can
    /// still name the pointee after a change of includes.
    Pointer { pointee: String, pointee_via: Option<String> },
    /// `len: None` is a flexible array member (`[]`).
    Array { elem: Box<Type>, len: Option<u64> },
    /// `def` is the definition when this header has it.
    Record { kind: RecordKind, tag: Option<String>, def: Option<RecordId> },
    Enum { tag: Option<String>, def: Option<usize> },
    /// Anything else (a vector type, `_Complex`, an invalid type), by libclang's spelling.
    Other(String),
}

/// C's builtin integer types, and the `char` family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // C's names: `int`, `unsigned int`.
pub enum Int {
    Bool,
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
    Int128,
    UInt128,
    /// `wchar_t`, `char16_t`, `char32_t` when builtin.
    WideChar,
}

impl Int {
    pub fn c_name(self) -> &'static str {
        match self {
            Int::Bool => "_Bool",
            Int::Char => "char",
            Int::SChar => "signed char",
            Int::UChar => "unsigned char",
            Int::Short => "short",
            Int::UShort => "unsigned short",
            Int::Int => "int",
            Int::UInt => "unsigned int",
            Int::Long => "long",
            Int::ULong => "unsigned long",
            Int::LongLong => "long long",
            Int::ULongLong => "unsigned long long",
            Int::Int128 => "__int128",
            Int::UInt128 => "unsigned __int128",
            Int::WideChar => "wchar_t",
        }
    }

    pub fn is_signed(self) -> bool {
        matches!(self, Int::SChar | Int::Short | Int::Int | Int::Long | Int::LongLong | Int::Int128)
    }
}

#[derive(Clone, Debug)]
pub struct Enum {
    pub tag: Option<String>,
    pub typedef_name: Option<String>,
    /// The integer type the target gives it.
    pub int: Option<Int>,
    pub size: Option<u64>,
    pub values: Vec<Enumerator>,
    pub loc: Loc,
    pub comment: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Enumerator {
    pub name: String,
    pub value: i128,
    pub loc: Loc,
    pub comment: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Typedef {
    pub name: String,
    pub ty: Type,
    pub loc: Loc,
    pub comment: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Macro {
    pub name: String,
    /// `Some` for a function-like macro (possibly empty: `#define F() ..`).
    pub params: Option<Vec<String>>,
    /// The replacement list as written: tokens, one space where the source had whitespace.
    pub body: String,
    /// The value of an object-like macro as an integer constant expression on this target,
    /// when [`Options::macro_values`] asked for it and the body is one.
    pub value: Option<MacroValue>,
    /// `#define VFIO_GET_API_VERSION _IO(VFIO_TYPE, VFIO_BASE + 0)`.
    pub ioctl: Option<IoctlMacro>,
    pub loc: Loc,
    pub comment: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MacroValue {
    pub value: i128,
    /// The expression's type is unsigned (`_IOWR(..)`, `1U << 3`).
    pub unsigned: bool,
}

#[derive(Clone, Debug)]
pub struct IoctlMacro {
    /// `_IO`, `_IOR`, `_IOW`, `_IOWR`, `_IOC`, `_IOR_BAD`, ..
    pub op: String,
    /// The arguments as written, top-level commas split: `["VFIO_TYPE", "VFIO_BASE + 0"]`.
    pub args: Vec<String>,
    /// The type of a sized macro's argument (`struct vfio_region_info`, `int`, `char [16]`)
    /// as the target's front end resolves it, with [`Options::macro_values`].
    pub arg: Option<Type>,
}

/// Where an item is declared in the header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    /// 1-based.
    pub line: u32,
    /// 1-based, in bytes.
    pub column: u32,
    /// Byte offset in the header's text.
    pub offset: u32,
}

/// An error of the front end.
#[derive(Clone, Debug)]
pub struct Problem {
    /// `path:line:col: error: message`, as clang formats it.
    pub message: String,
    /// In the header itself (not in a header it includes).
    pub in_header: bool,
}
