//! A machine-readable description of ABI modules: every number a binary depends on (sizes per
//! version, alignments per architecture family, field offsets, flag bits, constant values,
//! ioctl numbers per encoding). `uabi report --format json` prints it, and the ABI lock records
//! it.
//!
//! Every type is named as C names it (`struct vfio_device_info`, `__u32`, `__u8[]`); where a
//! Rust spelling helps a tool (an ioctl's argument, for typed calls) it is beside, under a key
//! ending in `_rust`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uabi_arch::{Endian, FamilySet, LayoutClass};
use uabi_model::ast::{Abi, CSpelling, Const, FieldType, Item, Prim, Record, RecordKind};
use uabi_model::layout::{self, RecordLayout};

use crate::source::Source;

/// The format of the description, its `format` key. It changes when a key changes meaning or
/// goes away; a new key leaves it as is, so a reader ignores keys it does not know.
///
/// 1: the first numbered format. Before it (ABI locks of lock format 1), a `_IO` ioctl's `arg`
/// was the Rust spelling of its declared type.
pub const DESCRIPTION_FORMAT: u32 = 1;

/// Every module of a set of sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    /// [`DESCRIPTION_FORMAT`] when described; 0 in the description of a lock of lock format 1,
    /// which had no number (a lock of that format is migrated as it is read).
    #[serde(default)]
    pub format: u32,
    pub modules: Vec<AbiDescription>,
}

impl Description {
    /// Pretty-printed JSON, one key per line, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a description is plain data: it always serializes");
        s.push('\n');
        s
    }
}

/// One ABI module: one C header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbiDescription {
    /// The Rust module name.
    pub module: String,
    /// The header path, e.g. `linux/vfio.h`.
    pub header: String,
    /// The headers of its nested header modules (`asm/kvm.h`), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// A record laid out differently on some families of architectures is listed once per
    /// layout, each with its families (`arch`).
    pub records: Vec<RecordDescription>,
    pub enums: Vec<EnumDescription>,
    /// Module constants (flags are listed with their field, enumerators with their enum).
    pub constants: Vec<ConstDescription>,
    /// String constants (`#define VFIO_DEVICE_API_PCI_STRING "vfio-pci"`): a user compares
    /// what the kernel reports with them, so their text is ABI too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strings: Vec<StringDescription>,
    pub ioctls: Vec<IoctlDescription>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StringDescription {
    /// The C name.
    pub name: String,
    pub value: String,
    /// For a C macro (`#[uabi(c_macro)]`), its parameters (none for one without), and `value`
    /// is its replacement list, not a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDescription {
    /// The C tag (`vfio_device_info`).
    pub name: String,
    /// `struct` or `union`.
    pub kind: String,
    /// The families of architectures this layout is for (`x86`, `arm64`); absent for every
    /// family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<Vec<String>>,
    pub size: u64,
    pub align: Alignments,
    /// Anonymous records exist in C only inlined into another.
    #[serde(default, skip_serializing_if = "is_false")]
    pub anonymous: bool,
    /// Packed (`#[uabi(packed)]`): every field at the next byte, 1-aligned.
    #[serde(default, skip_serializing_if = "is_false")]
    pub packed: bool,
    /// Filled by the kernel (`#[uabi(output)]`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub output: bool,
    /// The field carrying the struct's size, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_field: Option<String>,
    /// How a decoder treats the caller's size (`argsz`, `sized`, `sized_field`, `perf`), for
    /// every struct that declares one or has a size field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<CapabilityDescription>,
    pub versions: Vec<VersionDescription>,
    pub fields: Vec<FieldDescription>,
}

/// The alignment on each layout class among the families of the layout
/// (`uabi_arch::LayoutClass`): an arm64-only record has no i386 or m68k alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignments {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub natural: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub i386: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m68k: Option<u64>,
}

impl Alignments {
    /// `(class name, alignment)` of each class present.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> {
        [(LayoutClass::Natural, self.natural), (LayoutClass::I386, self.i386), (LayoutClass::M68k, self.m68k)]
            .into_iter()
            .filter_map(|(c, a)| Some((c.name(), a?)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapabilityDescription {
    pub id: u16,
    pub version: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDescription {
    pub number: u32,
    pub size: u64,
    /// Every flag bit a reader of this version knows, as hex.
    pub known_flags: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDescription {
    pub name: String,
    pub offset: u64,
    pub size: u64,
    /// The C type: `__u32`, `__aligned_u64`, `__u8[16]`, `struct vfio_info_cap_header`, `__u64[]`.
    #[serde(rename = "type")]
    pub ty: String,
    pub since: u32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reserved: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<ConstDescription>,
    /// The bitfields of a storage unit, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bits: Vec<BitDescription>,
}

/// One bitfield: its width and the position of its least significant bit in the unit read as
/// an integer, on little- and on big-endian architectures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BitDescription {
    pub name: String,
    pub width: u32,
    pub lsb_little: u32,
    pub lsb_big: u32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reserved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConstDescription {
    /// The C name.
    pub name: String,
    /// The value in decimal: an integer of the constant's type (up to 64 bits, signed or not).
    pub value: i128,
    /// The C type (`__u32`).
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub since: u32,
    /// The families it is defined for; absent for every family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumDescription {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<Vec<String>>,
    pub values: Vec<ConstDescription>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IoctlDescription {
    pub name: String,
    /// The kind of file descriptor it is issued on; numbers are unique inside one.
    pub namespace: String,
    /// `_IO`, `_IOR`, `_IOW` or `_IOWR`.
    pub dir: String,
    #[serde(rename = "type")]
    pub ty: u8,
    pub nr: u8,
    /// The argument's C type (`struct vfio_device_info`, `__u32`, `__u8[]`): the one the
    /// number's size describes (sized ioctls), or else the declared `Ioctl<Arg>`. Absent when
    /// there is none, or the declared type has no C spelling (a type of another module).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arg: Option<String>,
    /// The argument's Rust type as declared (`VfioDeviceInfo`, `[u8]`), for typed calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arg_rust: Option<String>,
    pub size: u64,
    /// The families of architectures with this argument size (an ioctl whose argument is laid
    /// out per family is listed once per size); absent for every family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<Vec<String>>,
    /// The request number per encoding family (`asm-generic`, `powerpc/mips/alpha`, `sparc`,
    /// `parisc`) of those families, as hex.
    pub numbers: BTreeMap<String, String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The description of every module of `sources`.
pub fn describe(sources: &[Source]) -> Description {
    Description { format: DESCRIPTION_FORMAT, modules: sources.iter().flat_map(|s| &s.abis).map(describe_abi).collect() }
}

/// The families of `arch` by name, or `None` for every family.
fn arch_names(arch: FamilySet) -> Option<Vec<String>> {
    (!arch.is_all()).then(|| arch.iter().map(|f| f.name().to_string()).collect())
}

/// The description of one module.
pub fn describe_abi(abi: &Abi) -> AbiDescription {
    let mut d = AbiDescription {
        module: abi.module.to_string(),
        header: abi.header().to_string(),
        headers: abi.headers[1..].iter().map(|h| h.path.clone()).collect(),
        records: Vec::new(),
        enums: Vec::new(),
        constants: Vec::new(),
        strings: Vec::new(),
        ioctls: Vec::new(),
    };
    for item in &abi.items {
        match item {
            Item::Const(c) => d.constants.push(constant(c)),
            Item::Str(c) => d.strings.push(StringDescription { name: c.c_name.clone(), value: c.value.clone(), params: None }),
            Item::Macro(m) => d.strings.push(StringDescription {
                name: m.name.to_string(),
                value: uabi_model::c::macro_text(abi, m),
                params: Some(m.params.clone().unwrap_or_default()),
            }),
            Item::Struct(r) => d.records.extend(abi.layouts.groups(r.id).iter().map(|l| record(abi, r, l))),
            Item::Enum(e) => {
                d.enums.push(EnumDescription { name: e.c_name.clone(), arch: arch_names(e.place.arch), values: e.variants.iter().map(constant).collect() })
            }
            Item::Ioctl(io) => {
                let arg = match (&io.size_arg, &io.arg) {
                    (Some(t), _) => Some(abi.c_type(t, CSpelling::default())),
                    (None, Some(t)) => c_arg(abi, t),
                    (None, None) => None,
                };
                for (families, size) in layout::ioctl_groups(abi, io) {
                    let mut numbers = BTreeMap::new();
                    for f in families.iter() {
                        numbers.insert(f.encoding().name().to_string(), format!("{:#010x}", layout::ioctl_number(abi, io, f)));
                    }
                    d.ioctls.push(IoctlDescription {
                        name: io.name.to_string(),
                        namespace: io.namespace.clone(),
                        dir: io.dir.c_macro().to_string(),
                        ty: io.ty as u8,
                        nr: io.nr as u8,
                        arg: arg.clone(),
                        arg_rust: io.arg.as_ref().map(quote_type),
                        size,
                        arch: arch_names(families),
                        numbers,
                    });
                }
            }
            Item::Rust(..) => {}
        }
    }
    d
}

/// A Rust type as written, without spaces (`VfioDeviceInfo`, `[u8; 4]` -> `[u8;4]`).
fn quote_type(t: &syn::Type) -> String {
    quote::ToTokens::to_token_stream(t).to_string().replace(' ', "")
}

/// The C spelling of an `_IO` ioctl's declared argument, as a header would name it: a struct
/// or union of the module, a fixed-width integer, or an array or slice of those. The model
/// checks only sized arguments, so anything else (a path to another module) has none.
fn c_arg(abi: &Abi, t: &syn::Type) -> Option<String> {
    match t {
        syn::Type::Paren(p) => c_arg(abi, &p.elem),
        syn::Type::Group(g) => c_arg(abi, &g.elem),
        syn::Type::Slice(s) => Some(format!("{}[]", c_arg(abi, &s.elem)?)),
        syn::Type::Array(a) => match &a.len {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) => Some(format!("{}[{}]", c_arg(abi, &a.elem)?, n.base10_digits())),
            _ => None,
        },
        syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 && p.path.segments[0].arguments.is_none() => {
            let ident = &p.path.segments[0].ident;
            match abi.record(ident) {
                Some(_) => Some(abi.c_type(&FieldType::Named(ident.clone()), CSpelling::default())),
                None => Prim::from_name(&ident.to_string()).map(|p| p.c_name().to_string()),
            }
        }
        _ => None,
    }
}

fn constant(c: &Const) -> ConstDescription {
    ConstDescription { name: c.c_name.clone(), value: c.value, ty: c.ty.c_name().to_string(), since: c.since, arch: arch_names(c.place.arch) }
}

fn record(abi: &Abi, r: &Record, l: &RecordLayout) -> RecordDescription {
    RecordDescription {
        name: r.c_name.clone(),
        kind: r.kind.c_keyword().to_string(),
        arch: arch_names(l.families),
        size: l.size,
        align: Alignments { natural: l.align.get(LayoutClass::Natural), i386: l.align.get(LayoutClass::I386), m68k: l.align.get(LayoutClass::M68k) },
        anonymous: r.anonymous,
        packed: r.packed.is_some(),
        output: r.output,
        size_field: r.size_field().map(|f| f.c_name.clone()),
        size_policy: r.policy_sentence().map(|_| r.policy().name().to_string()),
        capability: r.capability.as_ref().map(|(_, id, version)| CapabilityDescription { id: *id, version: *version }),
        versions: if r.kind == RecordKind::Union {
            Vec::new()
        } else {
            l.versions.iter().map(|(v, size)| VersionDescription { number: *v, size: *size, known_flags: format!("{:#x}", r.known_flags(*v)) }).collect()
        },
        fields: r
            .fields
            .iter()
            .enumerate()
            .filter_map(|(k, f)| {
                let slot = l.slot(k)?;
                Some(FieldDescription {
                    name: f.c_name.clone(),
                    offset: slot.offset,
                    size: slot.size,
                    ty: abi.c_type(&f.ty, CSpelling::of(f)),
                    since: f.since,
                    reserved: f.reserved,
                    flags: f.flags.iter().map(constant).collect(),
                    bits: f
                        .bits
                        .iter()
                        .zip(&slot.bits)
                        .map(|(b, s)| BitDescription {
                            name: b.c_name.clone(),
                            width: b.width,
                            lsb_little: s.lsb(Endian::Little),
                            lsb_big: s.lsb(Endian::Big),
                            reserved: b.reserved,
                        })
                        .collect(),
                })
            })
            .collect(),
    }
}
