//! `<linux/sched.h>` and `<linux/sched/types.h>`, as Linux 7.2 has them: `struct clone_args`
//! of clone3(2) with every `CLONE_*` flag, the scheduling policies `SCHED_*` and the
//! `SCHED_FLAG_*` of sched_setattr(2), and `struct sched_attr`.
//!
//! Two ABI modules, because Linux has two headers and keeps them apart: `<linux/sched.h>` does
//! not include `<linux/sched/types.h>`, and programs that include the first often define their
//! own `struct sched_attr` (glibc had none before 2.41). [`sched`] re-exports the items of
//! [`sched_types`], so Rust code finds everything in one place.
//!
//! Living beside glibc: `<sched.h>` (with `_GNU_SOURCE`) defines `CSIGNAL`, most `CLONE_*`,
//! `CLONE_NEWTIME` and several `SCHED_*` itself, and Linux's header coexists with it in either
//! order only because every one of those macros is spelled with the same tokens as glibc's
//! (`0x00000100`, `0x80000000` without a suffix), which C allows as a redefinition. The
//! definitions below keep Linux's spellings for that reason (`c_suffix = ""` on `CLONE_IO`).
//!
//! Both structs are read by the kernel with their own size conventions, and uabi's
//! differential tests run the real syscalls against the decoders generated from these
//! definitions: clone3 with `policy = sized` (`copy_struct_from_user`, the size beside the
//! pointer), sched_setattr with `policy = perf` (`sched_copy_attr` is perf's `perf_copy_attr`:
//! a size of 0 is the first version, too small or too large is E2BIG with the kernel's size
//! written back).
//!
//! Deviations from Linux's headers: the `CLONE_*` flags clone3 accepts are declared on
//! `clone_args.flags`, so in Rust they are `u64` constants (in C they are Linux's literals,
//! `int` where Linux's are); `CSIGNAL`, `CLONE_DETACHED` and `UNSHARE_EMPTY_MNTNS` are plain
//! constants, because clone3 refuses them.

#[uabi::abi(header = "linux/sched.h")]
pub mod sched {
    /// The exit signal of clone(2), in the low byte of its flags (clone3 refuses it).
    #[uabi(c_suffix = "")]
    pub const CSIGNAL: u64 = 0x000000ff;
    /// Unused and ignored by clone(2); clone3 refuses it.
    pub const CLONE_DETACHED: u64 = 0x00400000;
    /// unshare(2) only, on the bit of `CLONE_PARENT_SETTID`: unshare into an empty mount
    /// namespace.
    pub const UNSHARE_EMPTY_MNTNS: u64 = 0x00100000;

    /// Arguments of clone3(2). The caller passes the struct's size; the kernel accepts any size
    /// from version 0 up to a page, as long as the bytes it does not know are zero. Every field
    /// is a 64-bit integer, pointers included, so the layout is one on every architecture.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = sized)]
    pub struct CloneArgs {
        /// `CLONE_*` flags.
        #[flags {
            /// New time namespace (the one `CSIGNAL` bit clone3 accepts).
            CLONE_NEWTIME = 0x00000080,
            /// Share the address space.
            CLONE_VM = 0x00000100,
            /// Share the filesystem information (root, cwd, umask).
            CLONE_FS = 0x00000200,
            /// Share the file descriptor table.
            CLONE_FILES = 0x00000400,
            /// Share the signal handlers.
            CLONE_SIGHAND = 0x00000800,
            /// Store a pidfd of the child at `pidfd`.
            CLONE_PIDFD = 0x00001000,
            /// Trace the child if the parent is traced.
            CLONE_PTRACE = 0x00002000,
            /// Suspend the parent until the child execs or exits.
            CLONE_VFORK = 0x00004000,
            /// The child's parent is the caller's parent.
            CLONE_PARENT = 0x00008000,
            /// Same thread group.
            CLONE_THREAD = 0x00010000,
            /// New mount namespace.
            CLONE_NEWNS = 0x00020000,
            /// Share System V semaphore adjustments.
            CLONE_SYSVSEM = 0x00040000,
            /// Set the thread pointer to `tls`.
            CLONE_SETTLS = 0x00080000,
            /// Store the child's TID at `parent_tid` in the parent.
            CLONE_PARENT_SETTID = 0x00100000,
            /// Clear the child's TID at `child_tid` when it exits, and wake a futex there.
            CLONE_CHILD_CLEARTID = 0x00200000,
            /// A tracer cannot force `CLONE_PTRACE` on the child.
            CLONE_UNTRACED = 0x00800000,
            /// Store the child's TID at `child_tid` in the child.
            CLONE_CHILD_SETTID = 0x01000000,
            /// New cgroup namespace.
            CLONE_NEWCGROUP = 0x02000000,
            /// New UTS namespace.
            CLONE_NEWUTS = 0x04000000,
            /// New IPC namespace.
            CLONE_NEWIPC = 0x08000000,
            /// New user namespace.
            CLONE_NEWUSER = 0x10000000,
            /// New PID namespace.
            CLONE_NEWPID = 0x20000000,
            /// New network namespace.
            CLONE_NEWNET = 0x40000000,
            /// Share the I/O context. Written without a suffix, as glibc writes it.
            #[uabi(c_suffix = "")]
            CLONE_IO = 0x80000000,
            /// Reset every signal handler of the child to the default.
            #[uabi(since = 1)]
            CLONE_CLEAR_SIGHAND = 1 << 32,
            /// Start the child in the cgroup whose directory descriptor is `cgroup`.
            #[uabi(since = 2)]
            CLONE_INTO_CGROUP = 1 << 33,
            /// Reap the child automatically when it exits (Linux 7.1).
            #[uabi(since = 2)]
            CLONE_AUTOREAP = 1 << 34,
            /// Set `no_new_privs` on the child (Linux 7.1).
            #[uabi(since = 2)]
            CLONE_NNP = 1 << 35,
            /// Kill the child when the pidfd clone3 returned is closed (Linux 7.1).
            #[uabi(since = 2)]
            CLONE_PIDFD_AUTOKILL = 1 << 36,
            /// Create an empty mount namespace (Linux 7.1).
            #[uabi(since = 2)]
            CLONE_EMPTY_MNTNS = 1 << 37,
        }]
        #[uabi(aligned)]
        pub flags: u64,
        /// Where to store the pidfd (`CLONE_PIDFD`): a user pointer to an `int`.
        #[uabi(aligned)]
        pub pidfd: u64,
        /// Where to store the child's TID in the child (`CLONE_CHILD_SETTID`).
        #[uabi(aligned)]
        pub child_tid: u64,
        /// Where to store the child's TID in the parent (`CLONE_PARENT_SETTID`).
        #[uabi(aligned)]
        pub parent_tid: u64,
        /// The signal sent to the parent when the child exits (low byte only).
        #[uabi(aligned)]
        pub exit_signal: u64,
        /// Lowest byte of the child's stack, a user pointer.
        #[uabi(aligned)]
        pub stack: u64,
        /// Size of the child's stack.
        #[uabi(aligned)]
        pub stack_size: u64,
        /// Thread pointer of the child (`CLONE_SETTLS`).
        #[uabi(aligned)]
        pub tls: u64,
        /// A user pointer to an array of TIDs to give the child, one per PID namespace level.
        #[uabi(since = 1, aligned)]
        pub set_tid: u64,
        /// Number of entries at `set_tid`.
        #[uabi(since = 1, aligned)]
        pub set_tid_size: u64,
        /// Directory descriptor of the child's cgroup (`CLONE_INTO_CGROUP`).
        #[uabi(since = 2, aligned, gated_by = CLONE_INTO_CGROUP)]
        pub cgroup: u64,
    }

    /// `sched_policy`: the default time-sharing policy (glibc's `SCHED_OTHER`).
    pub const SCHED_NORMAL: u32 = 0;
    /// First-in first-out real-time policy.
    pub const SCHED_FIFO: u32 = 1;
    /// Round-robin real-time policy.
    pub const SCHED_RR: u32 = 2;
    /// Time-sharing for CPU-bound batch work.
    pub const SCHED_BATCH: u32 = 3;
    /// Very low priority background work (4, `SCHED_ISO`, is reserved and not implemented).
    pub const SCHED_IDLE: u32 = 5;
    /// Earliest-deadline-first with `sched_runtime`, `sched_deadline` and `sched_period`.
    pub const SCHED_DEADLINE: u32 = 6;
    /// A scheduler loaded as a BPF program (sched_ext).
    pub const SCHED_EXT: u32 = 7;
    /// Or'ed into the policy of sched_setscheduler(2): children go back to `SCHED_NORMAL`.
    pub const SCHED_RESET_ON_FORK: u32 = 0x40000000;

    /// `sched_attr.sched_flags`: children go back to the default policy.
    pub const SCHED_FLAG_RESET_ON_FORK: u64 = 0x01;
    /// `SCHED_DEADLINE`: reclaim bandwidth other tasks leave unused (GRUB).
    pub const SCHED_FLAG_RECLAIM: u64 = 0x02;
    /// `SCHED_DEADLINE`: send SIGXCPU on a runtime overrun.
    pub const SCHED_FLAG_DL_OVERRUN: u64 = 0x04;
    /// Keep the current policy.
    pub const SCHED_FLAG_KEEP_POLICY: u64 = 0x08;
    /// Keep the current parameters.
    pub const SCHED_FLAG_KEEP_PARAMS: u64 = 0x10;
    /// `sched_util_min` is set (needs `SCHED_ATTR_SIZE_VER1`).
    pub const SCHED_FLAG_UTIL_CLAMP_MIN: u64 = 0x20;
    /// `sched_util_max` is set (needs `SCHED_ATTR_SIZE_VER1`).
    pub const SCHED_FLAG_UTIL_CLAMP_MAX: u64 = 0x40;
    /// Keep policy and parameters.
    pub const SCHED_FLAG_KEEP_ALL: u64 = SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS;
    /// Both utilization clamps.
    pub const SCHED_FLAG_UTIL_CLAMP: u64 = SCHED_FLAG_UTIL_CLAMP_MIN | SCHED_FLAG_UTIL_CLAMP_MAX;
    /// Every flag sched_setattr(2) accepts.
    pub const SCHED_FLAG_ALL: u64 = SCHED_FLAG_RESET_ON_FORK
        | SCHED_FLAG_RECLAIM
        | SCHED_FLAG_DL_OVERRUN
        | SCHED_FLAG_KEEP_ALL
        | SCHED_FLAG_UTIL_CLAMP;

    /// The `flags` argument of sched_getattr(2): report a `SCHED_DEADLINE` task's current
    /// runtime and deadline rather than its parameters.
    pub const SCHED_GETATTR_FLAG_DL_DYNAMIC: u32 = 0x01;

    // `struct sched_attr` lives in <linux/sched/types.h>, as in Linux; Rust finds it here too.
    pub use super::sched_types::*;
}

#[uabi::abi(header = "linux/sched/types.h")]
pub mod sched_types {
    /// The scheduling policy and attributes of a thread: sched_setattr(2) and sched_getattr(2).
    ///
    /// `size` is the caller's version of the struct (0 for the first). sched_setattr reads it
    /// as perf_event_open reads `perf_event_attr` (`sched_copy_attr`): too small or larger than
    /// a page, or a non-zero byte the kernel does not know, is E2BIG, and the kernel writes its
    /// own size into `size`. sched_getattr writes `min(size argument, kernel's size)` bytes and
    /// that size into `size`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = perf)]
    pub struct SchedAttr {
        /// Size of this struct as the caller knows it.
        #[uabi(size)]
        pub size: u32,
        /// `SCHED_*` policy.
        pub sched_policy: u32,
        /// `SCHED_FLAG_*` bits (in <linux/sched.h>).
        pub sched_flags: u64,
        /// Nice value of `SCHED_NORMAL` and `SCHED_BATCH`, -20 to 19.
        pub sched_nice: i32,
        /// Static priority of `SCHED_FIFO` and `SCHED_RR`, 1 to 99.
        pub sched_priority: u32,
        /// `SCHED_DEADLINE`: runtime per period, in nanoseconds.
        pub sched_runtime: u64,
        /// `SCHED_DEADLINE`: relative deadline, in nanoseconds.
        pub sched_deadline: u64,
        /// `SCHED_DEADLINE`: period, in nanoseconds.
        pub sched_period: u64,
        /// Smallest utilization to assume (`SCHED_FLAG_UTIL_CLAMP_MIN`), 0 to 1024.
        #[uabi(since = 1)]
        pub sched_util_min: u32,
        /// Largest utilization to assume (`SCHED_FLAG_UTIL_CLAMP_MAX`), 0 to 1024.
        #[uabi(since = 1)]
        pub sched_util_max: u32,
    }
}
