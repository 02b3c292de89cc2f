//! The driver's errors, each the errno Linux answers in the same situation.
//!
//! Malformed arguments (sizes, unknown flags, reserved fields, faults, unknown requests) are
//! found by uabi's decoders and arrive as [`DriverError::Abi`]; the other variants are the
//! driver's own decisions (ownership, state, values out of range).

use core::fmt;

/// Why a request failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriverError {
    /// The runtime refused the argument (EINVAL, EFAULT, ENOTTY, ENOSPC, E2BIG, EOPNOTSUPP).
    Abi(uabi::Error),
    /// EBUSY: the group belongs to another context, or the object is in use.
    Busy,
    /// EPERM: the group is not viable (one of its devices is bound to a host driver), as
    /// `iommu_group_claim_dma_owner` answers when a container claims it.
    NotPermitted,
    /// EINVAL for a well-formed request the driver cannot honour in its state or with these
    /// values (the reason is for humans; the errno is what callers see).
    Invalid(&'static str),
    /// EEXIST: the IOVA range overlaps an existing mapping.
    Exists,
    /// ENOSPC: the container's DMA mapping limit is reached (`dma_avail` is 0).
    NoSpace,
    /// ENODEV: no device of that name in the group.
    NoDevice,
    /// ENOENT: no such file (an unknown `/dev/vfio/` path).
    NoEntry,
    /// EBADF: not an open file descriptor of this context.
    BadFd,
    /// EBADFD: an open descriptor of the wrong kind where a container is expected
    /// (`VFIO_GROUP_SET_CONTAINER` with a group's descriptor), as Linux answers.
    NotAContainer,
}

impl DriverError {
    /// The positive errno (asm-generic numbering: x86, arm, arm64, riscv, s390, powerpc).
    pub const fn errno(self) -> i32 {
        match self {
            DriverError::Abi(e) => e.errno().value(),
            DriverError::NotPermitted => 1,
            DriverError::NoEntry => 2,
            DriverError::BadFd => 9,
            DriverError::Busy => 16,
            DriverError::Exists => 17,
            DriverError::NoDevice => 19,
            DriverError::Invalid(_) => 22,
            DriverError::NoSpace => 28,
            DriverError::NotAContainer => 77,
        }
    }

    /// The symbolic errno name (`"EBUSY"`).
    pub const fn name(self) -> &'static str {
        match self {
            DriverError::Abi(e) => e.errno().name(),
            DriverError::NotPermitted => "EPERM",
            DriverError::NoEntry => "ENOENT",
            DriverError::BadFd => "EBADF",
            DriverError::Busy => "EBUSY",
            DriverError::Exists => "EEXIST",
            DriverError::NoDevice => "ENODEV",
            DriverError::Invalid(_) => "EINVAL",
            DriverError::NoSpace => "ENOSPC",
            DriverError::NotAContainer => "EBADFD",
        }
    }
}

impl From<uabi::Error> for DriverError {
    fn from(e: uabi::Error) -> Self {
        DriverError::Abi(e)
    }
}

impl fmt::Display for DriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriverError::Abi(e) => write!(f, "{e}"),
            DriverError::Invalid(why) => write!(f, "{why} (EINVAL)"),
            other => f.write_str(other.name()),
        }
    }
}

impl std::error::Error for DriverError {}

/// The result of a request: the ioctl's non-negative return value.
pub type Result<T, E = DriverError> = core::result::Result<T, E>;
