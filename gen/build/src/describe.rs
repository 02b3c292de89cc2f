//! A machine-readable description of ABI modules: every number a binary depends on (sizes per
//! version, alignments per architecture family, field offsets, flag bits, constant values,
//! ioctl numbers per encoding). `uabi report --format json` prints it, and the ABI lock records
//! it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uabi_arch::ALL_ENCODINGS;
use uabi_model::ast::{Abi, Const, Item, Record, RecordKind};

use crate::source::Source;

/// Every module of a set of sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDescription {
    /// The C tag (`vfio_device_info`).
    pub name: String,
    /// `struct` or `union`.
    pub kind: String,
    pub size: u64,
    pub align: Alignments,
    /// Anonymous records exist in C only inlined into another.
    #[serde(default, skip_serializing_if = "is_false")]
    pub anonymous: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignments {
    pub natural: u64,
    pub i386: u64,
    pub m68k: u64,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumDescription {
    pub name: String,
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
    /// The argument the number's size describes (sized ioctls), or the declared argument type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arg: Option<String>,
    pub size: u64,
    /// The request number per encoding family (`asm-generic`, `powerpc/mips/alpha`, `sparc`,
    /// `parisc`), as hex.
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
    Description { modules: sources.iter().flat_map(|s| &s.abis).map(describe_abi).collect() }
}

/// The description of one module.
pub fn describe_abi(abi: &Abi) -> AbiDescription {
    let mut d = AbiDescription {
        module: abi.module.to_string(),
        header: abi.header.clone(),
        records: Vec::new(),
        enums: Vec::new(),
        constants: Vec::new(),
        strings: Vec::new(),
        ioctls: Vec::new(),
    };
    for item in &abi.items {
        match item {
            Item::Const(c) => d.constants.push(constant(c)),
            Item::Str(c) => d.strings.push(StringDescription { name: c.c_name.clone(), value: c.value.clone() }),
            Item::Struct(r) => d.records.push(record(abi, r)),
            Item::Enum(e) => d.enums.push(EnumDescription { name: e.c_name.clone(), values: e.variants.iter().map(constant).collect() }),
            Item::Ioctl(io) => {
                let size = io.size_arg.as_ref().and_then(|t| abi.arg_size(t)).unwrap_or(0);
                let arg = match &io.size_arg {
                    Some(t) => Some(abi.c_type(t, false)),
                    None => io.arg.as_ref().map(quote_type),
                };
                d.ioctls.push(IoctlDescription {
                    name: io.name.to_string(),
                    namespace: io.namespace.clone(),
                    dir: io.dir.c_macro().to_string(),
                    ty: io.ty as u8,
                    nr: io.nr as u8,
                    arg,
                    size,
                    numbers: ALL_ENCODINGS.iter().map(|e| (e.name().to_string(), format!("{:#010x}", abi.ioctl_number(io, *e)))).collect(),
                });
            }
            Item::Rust(_) => {}
        }
    }
    d
}

/// A Rust type as written, without spaces (`VfioDeviceInfo`, `[u8; 4]` -> `[u8;4]`).
fn quote_type(t: &syn::Type) -> String {
    quote::ToTokens::to_token_stream(t).to_string().replace(' ', "")
}

fn constant(c: &Const) -> ConstDescription {
    ConstDescription { name: c.c_name.clone(), value: c.value, ty: c.ty.c_name(false).to_string(), since: c.since }
}

fn record(abi: &Abi, r: &Record) -> RecordDescription {
    let l = &r.layout;
    RecordDescription {
        name: r.c_name.clone(),
        kind: r.kind.c_keyword().to_string(),
        size: l.size,
        align: Alignments { natural: l.align, i386: l.align_i386, m68k: l.align_m68k },
        anonymous: r.anonymous,
        output: r.output,
        size_field: r.size_field().map(|f| f.c_name.clone()),
        size_policy: r.policy_sentence().map(|_| r.policy().name().to_string()),
        capability: r.capability.as_ref().map(|(_, id, version)| CapabilityDescription { id: *id, version: *version }),
        versions: if r.kind == RecordKind::Union {
            Vec::new()
        } else {
            r.versions()
                .into_iter()
                .map(|v| VersionDescription { number: v, size: r.version_size(v), known_flags: format!("{:#x}", r.known_flags(v)) })
                .collect()
        },
        fields: r
            .fields
            .iter()
            .map(|f| FieldDescription {
                name: f.c_name.clone(),
                offset: f.layout.offset,
                size: f.layout.size,
                ty: abi.c_type(&f.ty, f.aligned),
                since: f.since,
                reserved: f.reserved,
                flags: f.flags.iter().map(constant).collect(),
            })
            .collect(),
    }
}
