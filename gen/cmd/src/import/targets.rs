//! The architectures import reads a header on: one per family of the definition language
//! that libclang can read, a 64-bit one where the family has it.
//!
//! A family's items are read from its representative: an item that differs between families
//! becomes one item per family (`#[uabi(arch(..))]`). Inside a family the language requires
//! one layout (the portable rule), so the 64-bit member stands for the family and its 32-bit
//! members (i386, powerpc, mips o32) get the same, 64-bit layout, which import reports where
//! it differs from Linux's. arm and m68k are 32-bit only: their declarations are read (field
//! names and types), and laid out as import lays out every record, naturally with `long` and
//! pointers as 8 bytes, since the numbers of their own ABI are not the family's 64-bit ones
//! (clang 14's m68k does not align as the m68k psABI does anyway).
//!
//! loongarch, alpha and parisc have no libclang target here (clang 14 has no back end for
//! them): an item that every family read agrees on is imported for every family, those three
//! included; an item that differs is imported for the families read only.

use uabi_arch::Family;

use crate::cheader::Target;

/// A family's representative.
pub struct FamilyTarget {
    pub family: Family,
    pub target: &'static Target,
    /// The target has 64-bit `long` and pointers: its own offsets are the 64-bit layout.
    pub lp64: bool,
}

macro_rules! target {
    ($name:literal, $triple:literal, $multiarch:literal, $big:literal) => {
        &Target { name: $name, clang_triple: $triple, multiarch: $multiarch, big_endian: $big }
    };
}

/// The reference first: x86_64's items come first in the module, and verification reads x86_64
/// and aarch64.
pub const FAMILY_TARGETS: &[FamilyTarget] = &[
    FamilyTarget { family: Family::X86, target: target!("x86_64", "x86_64-linux-gnu", "x86_64-linux-gnu", false), lp64: true },
    FamilyTarget { family: Family::Arm64, target: target!("aarch64", "aarch64-linux-gnu", "aarch64-linux-gnu", false), lp64: true },
    FamilyTarget { family: Family::Arm, target: target!("arm", "armv7-linux-gnueabihf", "arm-linux-gnueabihf", false), lp64: false },
    FamilyTarget { family: Family::Riscv, target: target!("riscv64", "riscv64-linux-gnu", "riscv64-linux-gnu", false), lp64: true },
    FamilyTarget { family: Family::S390, target: target!("s390x", "s390x-linux-gnu", "s390x-linux-gnu", true), lp64: true },
    FamilyTarget {
        family: Family::PowerPc,
        target: target!("powerpc64le", "powerpc64le-linux-gnu", "powerpc64le-linux-gnu", false),
        lp64: true,
    },
    FamilyTarget {
        family: Family::Mips,
        target: target!("mips64el", "mips64el-linux-gnuabi64", "mips64el-linux-gnuabi64", false),
        lp64: true,
    },
    FamilyTarget { family: Family::Sparc, target: target!("sparc64", "sparc64-linux-gnu", "sparc64-linux-gnu", true), lp64: true },
    FamilyTarget { family: Family::M68k, target: target!("m68k", "m68k-linux-gnu", "m68k-linux-gnu", true), lp64: false },
];

/// The targets the round trip is checked on: the 64-bit ones whose drop-in the import
/// promises.
pub const VERIFY_TARGETS: &[&str] = &["x86_64", "aarch64"];
