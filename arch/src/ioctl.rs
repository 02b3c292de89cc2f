//! ioctl request numbers: how each Linux architecture packs an ioctl's direction, type, number
//! and argument size into 32 bits. Which encoding an architecture uses is a column of the
//! table in the crate root ([`crate::ARCHES`]).
//!
//! The four layouts ([`Encoding`]), from each architecture's `asm/ioctl.h`:
//!
//! | encoding | bits 0-7 | bits 8-15 | size | direction | none | read | write |
//! |---|---|---|---|---|---|---|---|
//! | [`Generic`](Encoding::Generic) | nr | type | 14 bits at 16 | 2 bits at 30 | 0 | 2 | 1 |
//! | [`PowerPc`](Encoding::PowerPc) | nr | type | 13 bits at 16 | 3 bits at 29 | 1 | 2 | 4 |
//! | [`Sparc`](Encoding::Sparc) | nr | type | 13 bits at 16 (14 when read or write is set) | 3 bits at 29 | 1 | 2 | 4 |
//! | [`Parisc`](Encoding::Parisc) | nr | type | 14 bits at 16 | 2 bits at 30 | 0 | 1 | 2 |
//!
//! A portable argument is at most [`MAX_PORTABLE_SIZE`] (8191) bytes: the largest size all four
//! layouts can carry.
//!
//! ```
//! use uabi_arch::{Dir, Encoding};
//! // _IOW(0xAE, 0x46, struct kvm_userspace_memory_region), 32 bytes
//! assert_eq!(Encoding::Generic.encode(Dir::Write, 0xae, 0x46, 32), 0x4020_ae46);
//! assert_eq!(Encoding::PowerPc.encode(Dir::Write, 0xae, 0x46, 32), 0x8020_ae46);
//! assert_eq!(uabi_arch::decode(0x4020_ae46, Encoding::Generic), (Dir::Write, 0xae, 0x46, 32));
//! ```

/// Which way the argument of an ioctl travels, as recorded in the request number.
///
/// The names follow the caller's point of view, as Linux's `_IOR`/`_IOW` do: [`Dir::Read`]
/// means the kernel writes the argument and userspace reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    /// `_IO`: the number carries no size; any argument is passed by value or its size travels
    /// inside it (VFIO's `argsz`).
    None,
    /// `_IOR`: the kernel fills the argument.
    Read,
    /// `_IOW`: the kernel reads the argument.
    Write,
    /// `_IOWR`: the kernel reads the argument and writes it back.
    ReadWrite,
}

impl Dir {
    /// Whether the kernel copies the argument out to userspace.
    pub const fn reads(self) -> bool {
        matches!(self, Dir::Read | Dir::ReadWrite)
    }

    /// Whether the kernel copies the argument in from userspace.
    pub const fn writes(self) -> bool {
        matches!(self, Dir::Write | Dir::ReadWrite)
    }

    /// The C macro that builds a request with this direction (`"_IOWR"`).
    pub const fn c_macro(self) -> &'static str {
        match self {
            Dir::None => "_IO",
            Dir::Read => "_IOR",
            Dir::Write => "_IOW",
            Dir::ReadWrite => "_IOWR",
        }
    }

    /// The macro of uabi's definition language for this direction (`iowr!`), which is also the
    /// name of `uabi::Ioctl`'s constructor (`Ioctl::iowr`).
    pub const fn uabi_macro(self) -> &'static str {
        match self {
            Dir::None => "io",
            Dir::Read => "ior",
            Dir::Write => "iow",
            Dir::ReadWrite => "iowr",
        }
    }

    /// The direction whose [`uabi_macro`](Self::uabi_macro) is `name`.
    pub fn from_uabi_macro(name: &str) -> Option<Dir> {
        Some(match name {
            "io" => Dir::None,
            "ior" => Dir::Read,
            "iow" => Dir::Write,
            "iowr" => Dir::ReadWrite,
            _ => return None,
        })
    }
}

/// A layout of the ioctl request number; which one applies depends on the architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// The layout of `asm-generic/ioctl.h`, used by x86, x86-64, arm, arm64, riscv, s390,
    /// loongarch, m68k, csky, arc, openrisc, nios2, xtensa, microblaze, sh and hexagon:
    /// 14 size bits, 2 direction bits, no-direction 0, write 1, read 2.
    Generic,
    /// powerpc, mips and alpha: 13 size bits, 3 direction bits, no-direction 1, read 2,
    /// write 4.
    PowerPc,
    /// sparc and sparc64: encoded as [`PowerPc`](Encoding::PowerPc), but when the read or
    /// write bit is set the no-direction bit (bit 29) is read back as a 14th size bit, and
    /// a request without read or write has size 0.
    Sparc,
    /// parisc: the generic layout with read and write swapped (read 1, write 2).
    Parisc,
}

/// All four encodings, for tests and tools that check every architecture.
pub const ALL_ENCODINGS: [Encoding; 4] =
    [Encoding::Generic, Encoding::PowerPc, Encoding::Sparc, Encoding::Parisc];

/// The encoding of the architecture this crate is compiled for: its family's, or the generic
/// one on a target that is no Linux architecture of the table (a bare-metal x86_64 kernel
/// target is still x86).
pub const HOST: Encoding = match crate::Family::HOST {
    Some(f) => f.encoding(),
    None => Encoding::Generic,
};

/// The largest argument size a request may carry on every architecture (13 bits).
pub const MAX_PORTABLE_SIZE: usize = (1 << 13) - 1;

impl Encoding {
    /// Number of size bits, as the architecture's `_IOC_SIZEBITS` says. Sparc reports 13,
    /// though read/write requests there can carry 14 (see [`Encoding::Sparc`]).
    pub const fn size_bits(self) -> u32 {
        match self {
            Encoding::Generic | Encoding::Parisc => 14,
            Encoding::PowerPc | Encoding::Sparc => 13,
        }
    }

    /// Number of direction bits (`_IOC_DIRBITS`).
    pub const fn dir_bits(self) -> u32 {
        32 - 16 - self.size_bits()
    }

    /// Bit position of the direction field (`_IOC_DIRSHIFT`).
    pub const fn dir_shift(self) -> u32 {
        16 + self.size_bits()
    }

    /// The `_IOC_NONE`, `_IOC_READ`, `_IOC_WRITE` values of this encoding.
    pub const fn dir_values(self) -> (u32, u32, u32) {
        match self {
            Encoding::Generic => (0, 2, 1),
            Encoding::PowerPc | Encoding::Sparc => (1, 2, 4),
            Encoding::Parisc => (0, 1, 2),
        }
    }

    /// The direction field's value for `dir` in this encoding.
    pub const fn dir_value(self, dir: Dir) -> u32 {
        let (none, read, write) = self.dir_values();
        match dir {
            Dir::None => none,
            Dir::Read => read,
            Dir::Write => write,
            Dir::ReadWrite => read | write,
        }
    }

    /// The largest size a request can carry in this encoding.
    pub const fn max_size(self) -> u32 {
        match self {
            Encoding::Sparc => (1 << 14) - 1,
            _ => (1 << self.size_bits()) - 1,
        }
    }

    /// The request number of (`dir`, `ty`, `nr`, `size`) in this layout. `size` must fit the
    /// layout's size bits (callers check it against [`MAX_PORTABLE_SIZE`] first); for
    /// [`Dir::None`] it is 0.
    pub const fn encode(self, dir: Dir, ty: u8, nr: u8, size: u32) -> u32 {
        (self.dir_value(dir) << self.dir_shift()) | (size << 16) | ((ty as u32) << 8) | nr as u32
    }

    /// The encoding's name, as used in messages (`"powerpc/mips/alpha"`).
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Generic => "asm-generic",
            Encoding::PowerPc => "powerpc/mips/alpha",
            Encoding::Sparc => "sparc",
            Encoding::Parisc => "parisc",
        }
    }
}

/// Splits a request number into (direction, type, number, size) as the kernel of an
/// architecture using `enc` would read it.
///
/// The result is what the kernel's `_IOC_DIR`/`_IOC_TYPE`/`_IOC_NR`/`_IOC_SIZE` would tell a
/// driver: the direction comes from the read and write bits alone, so a malformed number
/// (powerpc's direction field 0, or 3 with the no-direction bit set next to read) still
/// decodes to the nearest direction. (`uabi::Ioctl::from_request` accepts only numbers that some
/// request encodes to exactly.) On sparc the size of a read or write request includes
/// bit 29 (14 bits) and a request with neither bit has size 0, as sparc's `_IOC_SIZE` says.
pub const fn decode(request: u32, enc: Encoding) -> (Dir, u8, u8, u32) {
    let nr = (request & 0xff) as u8;
    let ty = ((request >> 8) & 0xff) as u8;
    let shift = enc.dir_shift();
    let field = request >> shift;
    let (_, read, write) = enc.dir_values();
    let dir = match (field & read != 0, field & write != 0) {
        (false, false) => Dir::None,
        (true, false) => Dir::Read,
        (false, true) => Dir::Write,
        (true, true) => Dir::ReadWrite,
    };
    let size = match enc {
        Encoding::Sparc => {
            if field & (read | write) == 0 {
                0
            } else {
                (request >> 16) & 0x3fff
            }
        }
        _ => (request >> 16) & ((1 << enc.size_bits()) - 1),
    };
    (dir, ty, nr, size)
}
