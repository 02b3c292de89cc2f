//! `<linux/userfaultfd.h>` as Linux 7.2 has it: the message a userfaultfd reads
//! (`struct uffd_msg`), the arguments of every `UFFDIO_*` ioctl, every feature, mode and event
//! bit, and `USERFAULTFD_IOC_NEW` of `/dev/userfaultfd`.
//!
//! A userfaultfd comes from userfaultfd(2) or from `USERFAULTFD_IOC_NEW` on
//! `/dev/userfaultfd`. `UFFDIO_API` is the handshake (the caller asks for `UFFD_API` and the
//! features it wants, the kernel answers with what it supports); `UFFDIO_REGISTER` hands a range
//! to the descriptor; a thread touching a missing page then blocks, the descriptor reads an
//! `uffd_msg` of `UFFD_EVENT_PAGEFAULT`, and `UFFDIO_COPY` (or `ZEROPAGE`, `CONTINUE`, `MOVE`,
//! `POISON`) fills the page and wakes it. uabi's kernel test does exactly that on the running
//! kernel.
//!
//! Deviations from Linux's header:
//! - `arg.pagefault` ends with `__u32 __pad` where Linux leaves 4 bytes of implicit tail padding
//!   (its `flags`, `address` and `feat` are 20 bytes in a struct aligned to 8): uabi names every
//!   byte.
//! - The `(__u64)1 << n` mode bits are written `(1ULL << n)`, the same value and type.

#[uabi::abi(header = "linux/userfaultfd.h")]
pub mod userfaultfd {
    /// The ioctl type of `/dev/userfaultfd`.
    pub const USERFAULTFD_IOC: u8 = 0xAA;
    /// On `/dev/userfaultfd`: a new userfaultfd; the argument is the flags of userfaultfd(2)
    /// (`O_CLOEXEC`, `O_NONBLOCK`, `UFFD_USER_MODE_ONLY`).
    #[uabi(namespace = userfaultfd_dev)]
    pub const USERFAULTFD_IOC_NEW: Ioctl = io!(USERFAULTFD_IOC, 0x00);

    /// The API number `UFFDIO_API` asks for.
    #[uabi(c_suffix = "ULL")]
    pub const UFFD_API: u64 = 0xAA;
    /// The numbers of the ioctls, also their bits in `ioctls` (`UFFDIO_API` is fixed; the others
    /// may change with a new `UFFD_API`).
    pub const _UFFDIO_REGISTER: u32 = 0x00;
    pub const _UFFDIO_UNREGISTER: u32 = 0x01;
    pub const _UFFDIO_WAKE: u32 = 0x02;
    pub const _UFFDIO_COPY: u32 = 0x03;
    pub const _UFFDIO_ZEROPAGE: u32 = 0x04;
    pub const _UFFDIO_MOVE: u32 = 0x05;
    pub const _UFFDIO_WRITEPROTECT: u32 = 0x06;
    pub const _UFFDIO_CONTINUE: u32 = 0x07;
    pub const _UFFDIO_POISON: u32 = 0x08;
    pub const _UFFDIO_API: u32 = 0x3F;

    /// The ioctls `UFFDIO_API` reports for the descriptor itself, one bit per `_UFFDIO_*`.
    #[uabi(c_suffix = "ULL")]
    pub const UFFD_API_IOCTLS: u64 = 1 << _UFFDIO_REGISTER | 1 << _UFFDIO_UNREGISTER | 1 << _UFFDIO_API;
    /// The ioctls `UFFDIO_REGISTER` may report for a range.
    #[uabi(c_suffix = "ULL")]
    pub const UFFD_API_RANGE_IOCTLS: u64 = 1 << _UFFDIO_WAKE
        | 1 << _UFFDIO_COPY
        | 1 << _UFFDIO_ZEROPAGE
        | 1 << _UFFDIO_MOVE
        | 1 << _UFFDIO_WRITEPROTECT
        | 1 << _UFFDIO_CONTINUE
        | 1 << _UFFDIO_POISON;
    /// The range ioctls of a range that cannot take `UFFDIO_ZEROPAGE` or `UFFDIO_MOVE`.
    #[uabi(c_suffix = "ULL")]
    pub const UFFD_API_RANGE_IOCTLS_BASIC: u64 =
        1 << _UFFDIO_WAKE | 1 << _UFFDIO_COPY | 1 << _UFFDIO_WRITEPROTECT | 1 << _UFFDIO_CONTINUE | 1 << _UFFDIO_POISON;

    /// The ioctl type of a userfaultfd.
    pub const UFFDIO: u8 = 0xAA;

    /// The handshake: the API and features the caller wants in, what the kernel has out.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_API: Ioctl<UffdioApi> = iowr!(UFFDIO, _UFFDIO_API, UffdioApi);
    /// Hands a range to the descriptor, in the modes asked for; answers the range's ioctls.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_REGISTER: Ioctl<UffdioRegister> = iowr!(UFFDIO, _UFFDIO_REGISTER, UffdioRegister);
    /// Takes a range back (read, despite the direction: Linux keeps `_IOR` for the ABI).
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_UNREGISTER: Ioctl<UffdioRange> = ior!(UFFDIO, _UFFDIO_UNREGISTER, UffdioRange);
    /// Wakes the threads waiting on a range.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_WAKE: Ioctl<UffdioRange> = ior!(UFFDIO, _UFFDIO_WAKE, UffdioRange);
    /// Copies pages into a range and wakes the faulting threads.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_COPY: Ioctl<UffdioCopy> = iowr!(UFFDIO, _UFFDIO_COPY, UffdioCopy);
    /// Maps zero pages into a range.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_ZEROPAGE: Ioctl<UffdioZeropage> = iowr!(UFFDIO, _UFFDIO_ZEROPAGE, UffdioZeropage);
    /// Moves pages from one range to another.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_MOVE: Ioctl<UffdioMove> = iowr!(UFFDIO, _UFFDIO_MOVE, UffdioMove);
    /// Write-protects a range, or lifts the protection.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_WRITEPROTECT: Ioctl<UffdioWriteprotect> = iowr!(UFFDIO, _UFFDIO_WRITEPROTECT, UffdioWriteprotect);
    /// Resolves a minor fault with the page already in the page cache.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_CONTINUE: Ioctl<UffdioContinue> = iowr!(UFFDIO, _UFFDIO_CONTINUE, UffdioContinue);
    /// Marks a range poisoned: touching it raises SIGBUS.
    #[uabi(namespace = userfaultfd)]
    pub const UFFDIO_POISON: Ioctl<UffdioPoison> = iowr!(UFFDIO, _UFFDIO_POISON, UffdioPoison);

    /// `feat` of a page fault.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union UffdMsgPagefaultFeat {
        /// The faulting thread (`UFFD_FEATURE_THREAD_ID`).
        pub ptid: u32,
    }

    /// `UFFD_EVENT_PAGEFAULT`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct UffdMsgPagefault {
        /// `UFFD_PAGEFAULT_FLAG_*`.
        pub flags: u64,
        /// The faulting address (page aligned unless `UFFD_FEATURE_EXACT_ADDRESS`).
        pub address: u64,
        pub feat: UffdMsgPagefaultFeat,
        /// Linux's implicit tail padding, named.
        pub __pad: u32,
    }

    /// `UFFD_EVENT_FORK`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct UffdMsgFork {
        /// The child's userfaultfd.
        pub ufd: u32,
    }

    /// `UFFD_EVENT_REMAP`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct UffdMsgRemap {
        pub from: u64,
        pub to: u64,
        pub len: u64,
    }

    /// `UFFD_EVENT_REMOVE` and `UFFD_EVENT_UNMAP`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct UffdMsgRemove {
        pub start: u64,
        pub end: u64,
    }

    /// Unused, reserved.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct UffdMsgReserved {
        pub reserved1: u64,
        pub reserved2: u64,
        pub reserved3: u64,
    }

    /// The event's arguments, by `event`.
    #[uabi(anonymous)]
    #[derive(Clone, Copy)]
    pub union UffdMsgArg {
        pub pagefault: UffdMsgPagefault,
        pub fork: UffdMsgFork,
        pub remap: UffdMsgRemap,
        pub remove: UffdMsgRemove,
        pub reserved: UffdMsgReserved,
    }

    /// What read(2) on a userfaultfd returns, one per event. Packed, as Linux declares it
    /// (every member is at its natural offset; only the alignment, 1, differs from unpacked).
    #[derive(Clone, Copy)]
    #[uabi(packed)]
    pub struct UffdMsg {
        /// `UFFD_EVENT_*`.
        pub event: u8,
        pub reserved1: u8,
        pub reserved2: u16,
        pub reserved3: u32,
        pub arg: UffdMsgArg,
    }

    /// `uffd_msg.event`: a thread faulted on a registered range (starts at 0x12, not 0, to
    /// catch stray zeroes).
    pub const UFFD_EVENT_PAGEFAULT: u8 = 0x12;
    /// The process forked with the range registered (`UFFD_FEATURE_EVENT_FORK`).
    pub const UFFD_EVENT_FORK: u8 = 0x13;
    /// mremap(2) moved a registered range (`UFFD_FEATURE_EVENT_REMAP`).
    pub const UFFD_EVENT_REMAP: u8 = 0x14;
    /// madvise(2) dropped pages (`UFFD_FEATURE_EVENT_REMOVE`).
    pub const UFFD_EVENT_REMOVE: u8 = 0x15;
    /// munmap(2) unmapped a registered range (`UFFD_FEATURE_EVENT_UNMAP`).
    pub const UFFD_EVENT_UNMAP: u8 = 0x16;

    /// `arg.pagefault.flags`: a write fault.
    pub const UFFD_PAGEFAULT_FLAG_WRITE: u64 = 1 << 0;
    /// A fault on a write-protected page (`UFFDIO_REGISTER_MODE_WP`).
    pub const UFFD_PAGEFAULT_FLAG_WP: u64 = 1 << 1;
    /// A minor fault (`UFFDIO_REGISTER_MODE_MINOR`).
    pub const UFFD_PAGEFAULT_FLAG_MINOR: u64 = 1 << 2;

    /// Argument of `UFFDIO_API`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioApi {
        /// `UFFD_API`.
        pub api: u64,
        /// In: the features wanted; out: every feature the kernel has.
        #[flags {
            /// Write-protect faults are reported (`UFFD_PAGEFAULT_FLAG_WP`).
            UFFD_FEATURE_PAGEFAULT_FLAG_WP = 1 << 0,
            /// `UFFD_EVENT_FORK`.
            UFFD_FEATURE_EVENT_FORK = 1 << 1,
            /// `UFFD_EVENT_REMAP`.
            UFFD_FEATURE_EVENT_REMAP = 1 << 2,
            /// `UFFD_EVENT_REMOVE`.
            UFFD_FEATURE_EVENT_REMOVE = 1 << 3,
            /// Missing faults on hugetlbfs.
            UFFD_FEATURE_MISSING_HUGETLBFS = 1 << 4,
            /// Missing faults on shmem.
            UFFD_FEATURE_MISSING_SHMEM = 1 << 5,
            /// `UFFD_EVENT_UNMAP`.
            UFFD_FEATURE_EVENT_UNMAP = 1 << 6,
            /// SIGBUS instead of a fault event.
            UFFD_FEATURE_SIGBUS = 1 << 7,
            /// `arg.pagefault.feat.ptid` is filled.
            UFFD_FEATURE_THREAD_ID = 1 << 8,
            /// Minor faults on hugetlbfs.
            UFFD_FEATURE_MINOR_HUGETLBFS = 1 << 9,
            /// Minor faults on shmem.
            UFFD_FEATURE_MINOR_SHMEM = 1 << 10,
            /// The exact faulting address, not the page's.
            UFFD_FEATURE_EXACT_ADDRESS = 1 << 11,
            /// Write protection on shmem and hugetlbfs.
            UFFD_FEATURE_WP_HUGETLBFS_SHMEM = 1 << 12,
            /// Write protection applies to unpopulated anonymous pages too.
            UFFD_FEATURE_WP_UNPOPULATED = 1 << 13,
            /// `UFFDIO_POISON`.
            UFFD_FEATURE_POISON = 1 << 14,
            /// Write-protect faults are resolved by the kernel, asynchronously.
            UFFD_FEATURE_WP_ASYNC = 1 << 15,
            /// `UFFDIO_MOVE`.
            UFFD_FEATURE_MOVE = 1 << 16,
        }]
        pub features: u64,
        /// Out: one bit per `_UFFDIO_*` ioctl the descriptor takes.
        pub ioctls: u64,
    }

    /// A range of the registering process's memory.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioRange {
        pub start: u64,
        pub len: u64,
    }

    /// Argument of `UFFDIO_REGISTER`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioRegister {
        pub range: UffdioRange,
        /// What to track.
        #[flags {
            /// Faults on missing pages.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_REGISTER_MODE_MISSING = 1 << 0,
            /// Writes to write-protected pages.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_REGISTER_MODE_WP = 1 << 1,
            /// Minor faults (the page is in the page cache but not mapped).
            #[uabi(c_suffix = "ULL")]
            UFFDIO_REGISTER_MODE_MINOR = 1 << 2,
        }]
        pub mode: u64,
        /// Out: one bit per `_UFFDIO_*` ioctl the range takes (the kernel does not read it).
        pub ioctls: u64,
    }

    /// Argument of `UFFDIO_COPY`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioCopy {
        /// Where to copy to: a registered range.
        pub dst: u64,
        /// Where to copy from.
        pub src: u64,
        pub len: u64,
        #[flags {
            /// Do not wake the faulting threads.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_COPY_MODE_DONTWAKE = 1 << 0,
            /// Map the pages write-protected.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_COPY_MODE_WP = 1 << 1,
        }]
        pub mode: u64,
        /// Out: bytes copied, or a negative errno (the kernel does not read it).
        pub copy: i64,
    }

    /// Argument of `UFFDIO_ZEROPAGE`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioZeropage {
        pub range: UffdioRange,
        #[flags {
            /// Do not wake the faulting threads.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_ZEROPAGE_MODE_DONTWAKE = 1 << 0,
        }]
        pub mode: u64,
        /// Out: bytes zeroed, or a negative errno.
        pub zeropage: i64,
    }

    /// Argument of `UFFDIO_WRITEPROTECT`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioWriteprotect {
        pub range: UffdioRange,
        #[flags {
            /// Protect (set) or unprotect (clear) the range.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_WRITEPROTECT_MODE_WP = 1 << 0,
            /// Do not wake the faulting threads when unprotecting.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_WRITEPROTECT_MODE_DONTWAKE = 1 << 1,
        }]
        pub mode: u64,
    }

    /// Argument of `UFFDIO_CONTINUE`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioContinue {
        pub range: UffdioRange,
        #[flags {
            /// Do not wake the faulting threads.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_CONTINUE_MODE_DONTWAKE = 1 << 0,
            /// Map the pages write-protected.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_CONTINUE_MODE_WP = 1 << 1,
        }]
        pub mode: u64,
        /// Out: bytes mapped, or a negative errno.
        pub mapped: i64,
    }

    /// Argument of `UFFDIO_POISON`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioPoison {
        pub range: UffdioRange,
        #[flags {
            /// Do not wake the faulting threads.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_POISON_MODE_DONTWAKE = 1 << 0,
        }]
        pub mode: u64,
        /// Out: bytes poisoned, or a negative errno.
        pub updated: i64,
    }

    /// Argument of `UFFDIO_MOVE`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UffdioMove {
        pub dst: u64,
        pub src: u64,
        pub len: u64,
        #[flags {
            /// Do not wake the faulting threads.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_MOVE_MODE_DONTWAKE = 1 << 0,
            /// Holes in the source are not an error.
            #[uabi(c_suffix = "ULL")]
            UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES = 1 << 1,
        }]
        pub mode: u64,
        /// Out: bytes moved, or a negative errno.
        pub r#move: i64,
    }

    // The masks follow the bits they are made of (Linux defines them first; C does not mind,
    // but bindgen's evaluator reads macros in order).
    /// Every register mode this API has.
    pub const UFFD_API_REGISTER_MODES: u64 =
        UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MINOR;
    /// Every feature bit this API has.
    pub const UFFD_API_FEATURES: u64 = UFFD_FEATURE_PAGEFAULT_FLAG_WP
        | UFFD_FEATURE_EVENT_FORK
        | UFFD_FEATURE_EVENT_REMAP
        | UFFD_FEATURE_EVENT_REMOVE
        | UFFD_FEATURE_EVENT_UNMAP
        | UFFD_FEATURE_MISSING_HUGETLBFS
        | UFFD_FEATURE_MISSING_SHMEM
        | UFFD_FEATURE_SIGBUS
        | UFFD_FEATURE_THREAD_ID
        | UFFD_FEATURE_MINOR_HUGETLBFS
        | UFFD_FEATURE_MINOR_SHMEM
        | UFFD_FEATURE_EXACT_ADDRESS
        | UFFD_FEATURE_WP_HUGETLBFS_SHMEM
        | UFFD_FEATURE_WP_UNPOPULATED
        | UFFD_FEATURE_POISON
        | UFFD_FEATURE_WP_ASYNC
        | UFFD_FEATURE_MOVE;
    /// A flag of userfaultfd(2) itself: handle faults from user mode only (what an unprivileged
    /// caller may ask for when `vm.unprivileged_userfaultfd` is 0).
    pub const UFFD_USER_MODE_ONLY: u32 = 1;
}
