//! Typed errors of the runtime, each mapped to the errno Linux returns for it.
//!
//! The mapping follows the conventions iommufd documents for extensible ioctls: ENOTTY for an
//! unknown ioctl, E2BIG for non-zero bytes the kernel does not understand, EOPNOTSUPP for an
//! unsupported value of a known field, EINVAL for malformed input, ENOSPC when the caller's buffer
//! is too small, EFAULT for an unreadable or unwritable user address.

use core::fmt;

/// Linux errno values used by the runtime (the same numbers on every architecture uabi targets
/// except where noted in [`Errno::value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Errno {
    /// E2BIG (7)
    TooBig,
    /// EFAULT (14)
    Fault,
    /// EINVAL (22)
    Inval,
    /// ENOTTY (25)
    NotTty,
    /// ENOSPC (28)
    NoSpc,
    /// EOPNOTSUPP (95 on the asm-generic numbering)
    OpNotSupp,
}

impl Errno {
    /// The positive errno value on the asm-generic numbering (x86, arm, arm64, riscv, s390,
    /// powerpc). EOPNOTSUPP differs on mips (122), alpha (45), sparc (45) and parisc (223).
    pub const fn value(self) -> i32 {
        match self {
            Errno::TooBig => 7,
            Errno::Fault => 14,
            Errno::Inval => 22,
            Errno::NotTty => 25,
            Errno::NoSpc => 28,
            Errno::OpNotSupp => 95,
        }
    }

    /// The symbolic name (`"EINVAL"`).
    pub const fn name(self) -> &'static str {
        match self {
            Errno::TooBig => "E2BIG",
            Errno::Fault => "EFAULT",
            Errno::Inval => "EINVAL",
            Errno::NotTty => "ENOTTY",
            Errno::NoSpc => "ENOSPC",
            Errno::OpNotSupp => "EOPNOTSUPP",
        }
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a user buffer was refused. Each variant names the Linux errno it maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `argsz` (or the size argument) is smaller than the struct's first version. EINVAL.
    SizeTooSmall { size: usize, min: usize },
    /// The size is above what the kernel accepts at all (a page for `copy_struct_from_user`
    /// callers). E2BIG.
    SizeTooLarge { size: usize, max: usize },
    /// perf_event_open's size rule: the size is below the first version or above a page, and
    /// Linux answers E2BIG (not EINVAL) so the caller retries with the size written back. E2BIG.
    SizeOutOfRange { size: usize, min: usize, max: usize },
    /// A byte past the size the decoder knows is non-zero. E2BIG.
    UnknownTrailingBytes { offset: usize },
    /// `flags` has bits the decoder does not know. EINVAL.
    UnknownFlags { unknown: u64 },
    /// A reserved or padding field is not zero. EINVAL.
    ReservedNotZero { offset: usize },
    /// A flag announces a field that does not lie inside `argsz`. EINVAL.
    GatedFieldOutsideArgsz { flag: u64, end: usize, argsz: usize },
    /// A count or offset overflows, or points outside the buffer. EINVAL.
    OutOfBounds { offset: usize, len: usize, limit: usize },
    /// The capability chain loops or is malformed. EINVAL.
    BadCapabilityChain { offset: usize },
    /// The user buffer is too small for the result; `needed` is the size that would fit. ENOSPC.
    NoSpace { needed: usize },
    /// A field holds a value outside its declared set (an unknown enum value). EINVAL.
    InvalidValue { value: u64 },
    /// The value of a known field is not supported. EOPNOTSUPP.
    Unsupported,
    /// The ioctl is not known on this file descriptor. ENOTTY.
    UnknownIoctl { request: u32 },
    /// Reading or writing user memory faulted. EFAULT.
    Fault { addr: u64 },
}

impl Error {
    /// The errno Linux returns for this error.
    pub const fn errno(&self) -> Errno {
        match self {
            Error::SizeTooSmall { .. }
            | Error::UnknownFlags { .. }
            | Error::ReservedNotZero { .. }
            | Error::GatedFieldOutsideArgsz { .. }
            | Error::OutOfBounds { .. }
            | Error::BadCapabilityChain { .. }
            | Error::InvalidValue { .. } => Errno::Inval,
            Error::SizeTooLarge { .. } | Error::SizeOutOfRange { .. } | Error::UnknownTrailingBytes { .. } => Errno::TooBig,
            Error::NoSpace { .. } => Errno::NoSpc,
            Error::Unsupported => Errno::OpNotSupp,
            Error::UnknownIoctl { .. } => Errno::NotTty,
            Error::Fault { .. } => Errno::Fault,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::SizeTooSmall { size, min } => write!(f, "size {size} is below the minimum {min}"),
            Error::SizeTooLarge { size, max } => write!(f, "size {size} is above the maximum {max}"),
            Error::SizeOutOfRange { size, min, max } => write!(f, "size {size} is outside {min}..={max}"),
            Error::UnknownTrailingBytes { offset } => {
                write!(f, "non-zero byte at offset {offset}, past the known size")
            }
            Error::UnknownFlags { unknown } => write!(f, "unknown flags {unknown:#x}"),
            Error::ReservedNotZero { offset } => write!(f, "reserved field at offset {offset} is not zero"),
            Error::GatedFieldOutsideArgsz { flag, end, argsz } => write!(
                f,
                "flag {flag:#x} announces a field ending at {end}, beyond argsz {argsz}"
            ),
            Error::OutOfBounds { offset, len, limit } => {
                write!(f, "range {offset}+{len} exceeds the limit {limit}")
            }
            Error::BadCapabilityChain { offset } => {
                write!(f, "malformed capability chain at offset {offset}")
            }
            Error::NoSpace { needed } => write!(f, "buffer too small, {needed} bytes needed"),
            Error::InvalidValue { value } => write!(f, "invalid value {value:#x}"),
            Error::Unsupported => f.write_str("unsupported value"),
            Error::UnknownIoctl { request } => write!(f, "unknown ioctl {request:#x}"),
            Error::Fault { addr } => write!(f, "fault at user address {addr:#x}"),
        }?;
        write!(f, " ({})", self.errno())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}
