//! Linux's architectures as an ioctl ABI sees them: the one table of facts that uabi's runtime,
//! its model (layout, C header, description, lock) and its tests all read.
//!
//! A Linux ABI differs between architectures in four ways, and each is a column here:
//!
//! - how a C compiler aligns integers ([`LayoutClass`]): i386 aligns 64-bit integers to 4 and
//!   m68k aligns nothing above 2, while every other architecture aligns an integer to its size;
//! - byte order ([`Endian`]), which decides where C places a bitfield inside its storage unit:
//!   Linux's psABIs allocate bitfields from the least significant bit on little-endian machines
//!   and from the most significant bit on big-endian ones;
//! - how the ioctl request number is packed ([`Encoding`], module [`ioctl`]);
//! - which predefined C macro and which Rust `target_arch` name it, so that one header and one
//!   Rust crate can select an architecture's own items ([`Family`]).
//!
//! Architectures are grouped into [`Family`]s the way Linux groups `arch/` directories (x86 is
//! i386 and x86_64): a UAPI item that differs between architectures differs between families,
//! and one family shares one layout of it (the portable rules keep i386's equal to x86_64's).
//!
//! ```
//! use uabi_arch::{Family, FamilySet, LayoutClass, ARCHES};
//! let x86 = Family::X86;
//! assert_eq!(x86.c_condition(), "defined(__x86_64__) || defined(__i386__)");
//! assert_eq!(x86.classes(), &[LayoutClass::Natural, LayoutClass::I386]);
//! assert!(ARCHES.iter().any(|a| a.name == "m68k" && a.class == LayoutClass::M68k));
//! assert_eq!(FamilySet::of(&[Family::X86, Family::Arm64]).to_string(), "x86, arm64");
//! ```

#![no_std]

pub mod ioctl;

pub use ioctl::{decode, Dir, Encoding, ALL_ENCODINGS, HOST, MAX_PORTABLE_SIZE};

/// Byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endian {
    Little,
    Big,
}

impl Endian {
    /// The byte order of the target this crate is compiled for.
    pub const HOST: Endian = if cfg!(target_endian = "big") { Endian::Big } else { Endian::Little };

    pub const fn name(self) -> &'static str {
        match self {
            Endian::Little => "little",
            Endian::Big => "big",
        }
    }
}

/// How the C compilers of a group of architectures align integer types. For a struct made of
/// fixed-width integers this is the only layout rule that differs between Linux
/// architectures; `__aligned_u64` (alignment 8 everywhere) exists because of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LayoutClass {
    /// Every integer aligned to its size (x86_64, arm, arm64, riscv64, powerpc, mips, s390x, ...).
    Natural,
    /// 64-bit integers aligned to 4 (i386).
    I386,
    /// Nothing aligned above 2 (m68k).
    M68k,
}

impl LayoutClass {
    /// Every class, in the order of [`LayoutClass::index`].
    pub const ALL: [LayoutClass; 3] = [LayoutClass::Natural, LayoutClass::I386, LayoutClass::M68k];

    /// The class of the target this crate is compiled for.
    pub const HOST: LayoutClass = if cfg!(target_arch = "x86") {
        LayoutClass::I386
    } else if cfg!(target_arch = "m68k") {
        LayoutClass::M68k
    } else {
        LayoutClass::Natural
    };

    /// The position in [`LayoutClass::ALL`]: per-class values travel as arrays in this order.
    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn name(self) -> &'static str {
        match self {
            LayoutClass::Natural => "natural",
            LayoutClass::I386 => "i386",
            LayoutClass::M68k => "m68k",
        }
    }

    pub fn from_name(name: &str) -> Option<LayoutClass> {
        LayoutClass::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The alignment C gives an integer of `size` bytes (1, 2, 4, 8 or 16).
    pub const fn int_align(self, size: u64) -> u64 {
        let cap = match self {
            LayoutClass::Natural => 16,
            LayoutClass::I386 => 4,
            LayoutClass::M68k => 2,
        };
        if size < cap {
            size
        } else {
            cap
        }
    }

    /// The C condition that holds on the architectures of this class, for a header that
    /// selects per-class values; `None` for [`LayoutClass::Natural`], the `#else`.
    pub const fn c_condition(self) -> Option<&'static str> {
        match self {
            LayoutClass::Natural => None,
            LayoutClass::I386 => Some("defined(__i386__)"),
            LayoutClass::M68k => Some("defined(__m68k__)"),
        }
    }
}

/// A group of Linux architectures that share one `arch/<dir>/include/uapi` (i386 and x86_64
/// share x86's): the unit in which a UAPI item can differ between architectures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    X86,
    Arm64,
    Arm,
    Riscv,
    S390,
    PowerPc,
    Mips,
    LoongArch,
    Sparc,
    Alpha,
    Parisc,
    M68k,
}

impl Family {
    /// Every family, in the order of [`FamilySet`]'s bits.
    pub const ALL: [Family; 12] = [
        Family::X86,
        Family::Arm64,
        Family::Arm,
        Family::Riscv,
        Family::S390,
        Family::PowerPc,
        Family::Mips,
        Family::LoongArch,
        Family::Sparc,
        Family::Alpha,
        Family::Parisc,
        Family::M68k,
    ];

    /// The family of the target this crate is compiled for, if it is a Linux architecture of
    /// the table.
    pub const HOST: Option<Family> = if cfg!(any(target_arch = "x86", target_arch = "x86_64")) {
        Some(Family::X86)
    } else if cfg!(target_arch = "aarch64") {
        Some(Family::Arm64)
    } else if cfg!(target_arch = "arm") {
        Some(Family::Arm)
    } else if cfg!(target_arch = "riscv64") {
        Some(Family::Riscv)
    } else if cfg!(target_arch = "s390x") {
        Some(Family::S390)
    } else if cfg!(any(target_arch = "powerpc", target_arch = "powerpc64")) {
        Some(Family::PowerPc)
    } else if cfg!(any(target_arch = "mips", target_arch = "mips64", target_arch = "mips32r6", target_arch = "mips64r6")) {
        Some(Family::Mips)
    } else if cfg!(target_arch = "loongarch64") {
        Some(Family::LoongArch)
    } else if cfg!(any(target_arch = "sparc", target_arch = "sparc64")) {
        Some(Family::Sparc)
    } else if cfg!(target_arch = "m68k") {
        Some(Family::M68k)
    } else {
        None
    };

    /// The name the definition language and the tools use (`#[uabi(arch = arm64)]`), Linux's
    /// `arch/` directory name.
    pub const fn name(self) -> &'static str {
        match self {
            Family::X86 => "x86",
            Family::Arm64 => "arm64",
            Family::Arm => "arm",
            Family::Riscv => "riscv",
            Family::S390 => "s390",
            Family::PowerPc => "powerpc",
            Family::Mips => "mips",
            Family::LoongArch => "loongarch",
            Family::Sparc => "sparc",
            Family::Alpha => "alpha",
            Family::Parisc => "parisc",
            Family::M68k => "m68k",
        }
    }

    pub fn from_name(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The ioctl request encoding of every architecture of the family.
    pub const fn encoding(self) -> Encoding {
        match self {
            Family::PowerPc | Family::Mips | Family::Alpha => Encoding::PowerPc,
            Family::Sparc => Encoding::Sparc,
            Family::Parisc => Encoding::Parisc,
            _ => Encoding::Generic,
        }
    }

    /// Rust's `target_arch` values of the family (none for alpha and parisc, which Rust does
    /// not target): `#[cfg(any(target_arch = ..))]` selects the family's items.
    pub const fn rust_target_arches(self) -> &'static [&'static str] {
        match self {
            Family::X86 => &["x86", "x86_64"],
            Family::Arm64 => &["aarch64"],
            Family::Arm => &["arm"],
            Family::Riscv => &["riscv64"],
            Family::S390 => &["s390x"],
            Family::PowerPc => &["powerpc", "powerpc64"],
            Family::Mips => &["mips", "mips64", "mips32r6", "mips64r6"],
            Family::LoongArch => &["loongarch64"],
            Family::Sparc => &["sparc", "sparc64"],
            Family::Alpha | Family::Parisc => &[],
            Family::M68k => &["m68k"],
        }
    }

    /// The C preprocessor condition that holds exactly on the family's architectures, from the
    /// macros every Linux C compiler predefines (gcc and clang alike).
    pub const fn c_condition(self) -> &'static str {
        match self {
            Family::X86 => "defined(__x86_64__) || defined(__i386__)",
            Family::Arm64 => "defined(__aarch64__)",
            Family::Arm => "defined(__arm__)",
            Family::Riscv => "defined(__riscv) && __riscv_xlen == 64",
            Family::S390 => "defined(__s390__)",
            Family::PowerPc => "defined(__powerpc__)",
            Family::Mips => "defined(__mips__)",
            Family::LoongArch => "defined(__loongarch__)",
            Family::Sparc => "defined(__sparc__)",
            Family::Alpha => "defined(__alpha__)",
            Family::Parisc => "defined(__hppa__)",
            Family::M68k => "defined(__m68k__)",
        }
    }

    /// The architectures of the family, from [`ARCHES`].
    pub fn arches(self) -> impl Iterator<Item = &'static Arch> {
        ARCHES.iter().filter(move |a| a.family == self)
    }

    /// The layout classes among the family's architectures, in [`LayoutClass::ALL`] order.
    pub const fn classes(self) -> &'static [LayoutClass] {
        match self {
            Family::X86 => &[LayoutClass::Natural, LayoutClass::I386],
            Family::M68k => &[LayoutClass::M68k],
            _ => &[LayoutClass::Natural],
        }
    }

    /// The alignment of `__int128` on every architecture of the family, when each has one and
    /// they agree; `None` where some architecture has no 128-bit integer (every 32-bit one) or
    /// they disagree (s390x aligns it to 8).
    pub fn int128_align(self) -> Option<u64> {
        let mut found = None;
        for a in self.arches() {
            match (found, a.int128_align) {
                (_, None) => return None,
                (None, Some(x)) => found = Some(x),
                (Some(y), Some(x)) if x != y => return None,
                _ => {}
            }
        }
        found
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of families: where an item of an ABI exists.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FamilySet(u16);

impl FamilySet {
    pub const EMPTY: FamilySet = FamilySet(0);
    pub const ALL: FamilySet = FamilySet((1 << Family::ALL.len()) - 1);

    pub const fn of(families: &[Family]) -> FamilySet {
        let mut bits = 0;
        let mut i = 0;
        while i < families.len() {
            bits |= families[i].bit();
            i += 1;
        }
        FamilySet(bits)
    }

    pub const fn single(f: Family) -> FamilySet {
        FamilySet(f.bit())
    }

    pub const fn contains(self, f: Family) -> bool {
        self.0 & f.bit() != 0
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn is_all(self) -> bool {
        self.0 == FamilySet::ALL.0
    }

    pub const fn union(self, o: FamilySet) -> FamilySet {
        FamilySet(self.0 | o.0)
    }

    pub const fn intersection(self, o: FamilySet) -> FamilySet {
        FamilySet(self.0 & o.0)
    }

    pub const fn difference(self, o: FamilySet) -> FamilySet {
        FamilySet(self.0 & !o.0)
    }

    pub const fn is_subset(self, o: FamilySet) -> bool {
        self.0 & !o.0 == 0
    }

    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The families of the set, in [`Family::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Family> {
        Family::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// The layout classes of the set's architectures, in [`LayoutClass::ALL`] order.
    pub fn classes(self) -> impl Iterator<Item = LayoutClass> {
        LayoutClass::ALL.into_iter().filter(move |c| self.iter().any(|f| f.classes().contains(c)))
    }

    /// The C condition that holds on the set's architectures (`None` for every family: the item
    /// needs no condition).
    pub fn c_condition(self) -> Option<CCondition> {
        (!self.is_all()).then_some(CCondition(self))
    }

    /// Rust's `target_arch` values of the set's families.
    pub fn rust_target_arches(self) -> impl Iterator<Item = &'static str> {
        self.iter().flat_map(|f| f.rust_target_arches().iter().copied())
    }
}

impl core::fmt::Debug for FamilySet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "FamilySet({self})")
    }
}

/// `x86, arm64`, `every architecture` or `no architecture`.
impl core::fmt::Display for FamilySet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_all() {
            return f.write_str("every architecture");
        }
        if self.is_empty() {
            return f.write_str("no architecture");
        }
        for (i, fam) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(fam.name())?;
        }
        Ok(())
    }
}

/// The C condition of a [`FamilySet`], displayed as `#if` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CCondition(FamilySet);

impl core::fmt::Display for CCondition {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let many = self.0.len() > 1;
        for (i, fam) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" || ")?;
            }
            let cond = fam.c_condition();
            if many && cond.contains("&&") {
                write!(f, "({cond})")?;
            } else {
                f.write_str(cond)?;
            }
        }
        if self.0.is_empty() {
            f.write_str("0")?;
        }
        Ok(())
    }
}

/// One Linux architecture (an ABI: one C compiler target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arch {
    /// The name tests and reports use (`x86_64`, `i386`, `powerpc64le`).
    pub name: &'static str,
    pub family: Family,
    /// Rust's `target_arch` value, if Rust targets the architecture.
    pub rust_target_arch: Option<&'static str>,
    pub endian: Endian,
    pub class: LayoutClass,
    /// The width of a pointer and `long`, in bits.
    pub bits: u32,
    /// The alignment of `__int128`, where the architecture has one (64-bit ones).
    pub int128_align: Option<u64>,
    /// The target triple of Debian's cross compiler (`gcc-<triple>`), which brings the
    /// architecture's own `<asm/*.h>`.
    pub debian_triple: &'static str,
}

impl Arch {
    /// The request encoding, which is the family's.
    pub const fn encoding(&self) -> Encoding {
        self.family.encoding()
    }
}

const fn arch(
    name: &'static str,
    family: Family,
    rust_target_arch: Option<&'static str>,
    endian: Endian,
    bits: u32,
    int128_align: Option<u64>,
    debian_triple: &'static str,
) -> Arch {
    let class = match family {
        Family::M68k => LayoutClass::M68k,
        _ if bits == 32 && matches!(family, Family::X86) => LayoutClass::I386,
        _ => LayoutClass::Natural,
    };
    Arch { name, family, rust_target_arch, endian, class, bits, int128_align, debian_triple }
}

use Endian::{Big, Little};

/// Every Linux architecture uabi checks, with the facts of its psABI.
pub const ARCHES: &[Arch] = &[
    arch("x86_64", Family::X86, Some("x86_64"), Little, 64, Some(16), "x86_64-linux-gnu"),
    arch("i386", Family::X86, Some("x86"), Little, 32, None, "i686-linux-gnu"),
    arch("aarch64", Family::Arm64, Some("aarch64"), Little, 64, Some(16), "aarch64-linux-gnu"),
    arch("arm", Family::Arm, Some("arm"), Little, 32, None, "arm-linux-gnueabihf"),
    arch("riscv64", Family::Riscv, Some("riscv64"), Little, 64, Some(16), "riscv64-linux-gnu"),
    arch("s390x", Family::S390, Some("s390x"), Big, 64, Some(8), "s390x-linux-gnu"),
    arch("powerpc", Family::PowerPc, Some("powerpc"), Big, 32, None, "powerpc-linux-gnu"),
    arch("powerpc64", Family::PowerPc, Some("powerpc64"), Big, 64, Some(16), "powerpc64-linux-gnu"),
    arch("powerpc64le", Family::PowerPc, Some("powerpc64"), Little, 64, Some(16), "powerpc64le-linux-gnu"),
    arch("mips", Family::Mips, Some("mips"), Big, 32, None, "mips-linux-gnu"),
    arch("mipsel", Family::Mips, Some("mips"), Little, 32, None, "mipsel-linux-gnu"),
    arch("mips64", Family::Mips, Some("mips64"), Big, 64, Some(16), "mips64-linux-gnuabi64"),
    arch("loongarch64", Family::LoongArch, Some("loongarch64"), Little, 64, Some(16), "loongarch64-linux-gnu"),
    arch("sparc64", Family::Sparc, Some("sparc64"), Big, 64, Some(16), "sparc64-linux-gnu"),
    arch("alpha", Family::Alpha, None, Little, 64, Some(16), "alpha-linux-gnu"),
    arch("parisc", Family::Parisc, None, Big, 32, None, "hppa-linux-gnu"),
    arch("m68k", Family::M68k, Some("m68k"), Big, 32, None, "m68k-linux-gnu"),
];

/// The architecture named `name` in [`ARCHES`].
pub fn arch_named(name: &str) -> Option<&'static Arch> {
    ARCHES.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_has_architectures_and_its_classes_are_theirs() {
        for f in Family::ALL {
            assert!(f.arches().next().is_some(), "{f:?}");
            for a in f.arches() {
                assert!(f.classes().contains(&a.class), "{}", a.name);
            }
            for c in f.classes() {
                assert!(f.arches().any(|a| a.class == *c), "{f:?} {c:?}");
            }
            assert_eq!(Family::from_name(f.name()), Some(f));
        }
    }

    #[test]
    fn rust_names_belong_to_their_family() {
        for a in ARCHES {
            if let Some(t) = a.rust_target_arch {
                assert!(a.family.rust_target_arches().contains(&t), "{}", a.name);
            }
        }
    }

    #[test]
    fn host_matches_the_table() {
        if let Some(f) = Family::HOST {
            assert!(f.arches().any(|a| a.class == LayoutClass::HOST && a.endian == Endian::HOST));
            assert_eq!(HOST, f.encoding());
        }
        assert_eq!(LayoutClass::HOST.int_align(8), core::mem::align_of::<u64>() as u64);
    }

    #[test]
    fn int128_only_where_every_architecture_agrees() {
        assert_eq!(Family::Arm64.int128_align(), Some(16));
        assert_eq!(Family::X86.int128_align(), None); // i386 has none
        assert_eq!(Family::S390.int128_align(), Some(8));
        assert_eq!(Family::PowerPc.int128_align(), None); // 32-bit powerpc has none
    }

    #[test]
    fn sets_and_conditions() {
        let s = FamilySet::of(&[Family::Riscv, Family::X86]);
        assert_eq!(s.len(), 2);
        extern crate std;
        use std::string::ToString;
        assert_eq!(s.to_string(), "x86, riscv");
        assert_eq!(s.c_condition().unwrap().to_string(), "defined(__x86_64__) || defined(__i386__) || (defined(__riscv) && __riscv_xlen == 64)");
        assert!(FamilySet::ALL.c_condition().is_none());
        assert_eq!(s.classes().collect::<std::vec::Vec<_>>(), [LayoutClass::Natural, LayoutClass::I386]);
        assert!(FamilySet::single(Family::X86).is_subset(s));
    }
}
