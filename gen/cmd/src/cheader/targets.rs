//! The Linux ABIs a header is read for.

/// One Linux ABI: how clang names it, and where Debian keeps its `asm/`.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    /// Short name in findings: `x86_64`, `i386`, `arm`, ..
    pub name: &'static str,
    /// The triple libclang is given. It selects the psABI's layout rules (i386's 4-aligned
    /// 64-bit integers, arm EABI's 8-aligned ones, mips o32, ..).
    pub clang_triple: &'static str,
    /// Debian's multiarch directory (`/usr/include/<multiarch>/asm`), which also names the
    /// directory of the target's `asm/` in sid's linux-libc-dev.
    pub multiarch: &'static str,
    pub big_endian: bool,
}

/// The targets, the reference first: layouts are compared with x86_64's, and padding is
/// reported as x86_64 has it.
///
/// m68k, alpha and hppa are not here: clang has no alpha or hppa back end, and clang 14's m68k
/// target does not follow the m68k psABI's 2-byte alignment, so its numbers would be false.
pub const TARGETS: &[Target] = &[
    Target { name: "x86_64", clang_triple: "x86_64-linux-gnu", multiarch: "x86_64-linux-gnu", big_endian: false },
    Target { name: "i386", clang_triple: "i686-linux-gnu", multiarch: "i386-linux-gnu", big_endian: false },
    Target { name: "aarch64", clang_triple: "aarch64-linux-gnu", multiarch: "aarch64-linux-gnu", big_endian: false },
    // Hard-float EABI, as Debian's armhf; `armv7` because the EABI is what matters for layout.
    Target { name: "arm", clang_triple: "armv7-linux-gnueabihf", multiarch: "arm-linux-gnueabihf", big_endian: false },
    Target { name: "powerpc64le", clang_triple: "powerpc64le-linux-gnu", multiarch: "powerpc64le-linux-gnu", big_endian: false },
    Target { name: "powerpc", clang_triple: "powerpc-linux-gnu", multiarch: "powerpc-linux-gnu", big_endian: true },
    Target { name: "s390x", clang_triple: "s390x-linux-gnu", multiarch: "s390x-linux-gnu", big_endian: true },
    Target { name: "riscv64", clang_triple: "riscv64-linux-gnu", multiarch: "riscv64-linux-gnu", big_endian: false },
    // o32, the ABI of Debian's mips and mipsel.
    Target { name: "mips", clang_triple: "mips-linux-gnu", multiarch: "mips-linux-gnu", big_endian: true },
];
