//! `struct clone_args` of clone3(2): an extensible struct whose size is passed beside the
//! pointer and read with `copy_struct_from_user`, like `open_how`. uabi's differential test
//! runs the real syscall against the decoder generated from this definition.
//!
//! Deviations from Linux's `<linux/sched.h>`: only `struct clone_args`, its size macros and the
//! `CLONE_*` flags clone3 accepts are defined here (not the scheduling policies, and not
//! `CLONE_DETACHED` or the exit-signal byte `CSIGNAL`, which clone3 refuses). The flags are
//! declared on `flags` and so are `__u64` constants, where Linux's legacy ones are `int`
//! literals.

#[uabi::abi(header = "linux/clone3.h")]
pub mod clone3 {
    /// Arguments of clone3(2). The caller passes the struct's size; the kernel accepts any size
    /// from version 0 up to a page, as long as the bytes it does not know are zero. Every field
    /// is a 64-bit integer, pointers included, so the layout is one on every architecture.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = sized)]
    pub struct CloneArgs {
        /// `CLONE_*` flags.
        #[flags {
            /// New time namespace (the one `CSIGNAL` bit clone3 accepts).
            CLONE_NEWTIME = 0x80,
            /// Share the address space.
            CLONE_VM = 0x100,
            /// Share the filesystem information (root, cwd, umask).
            CLONE_FS = 0x200,
            /// Share the file descriptor table.
            CLONE_FILES = 0x400,
            /// Share the signal handlers.
            CLONE_SIGHAND = 0x800,
            /// Store a pidfd of the child at `pidfd`.
            CLONE_PIDFD = 0x1000,
            /// Trace the child if the parent is traced.
            CLONE_PTRACE = 0x2000,
            /// Suspend the parent until the child execs or exits.
            CLONE_VFORK = 0x4000,
            /// The child's parent is the caller's parent.
            CLONE_PARENT = 0x8000,
            /// Same thread group.
            CLONE_THREAD = 0x10000,
            /// New mount namespace.
            CLONE_NEWNS = 0x20000,
            /// Share System V semaphore adjustments.
            CLONE_SYSVSEM = 0x40000,
            /// Set the thread pointer to `tls`.
            CLONE_SETTLS = 0x80000,
            /// Store the child's TID at `parent_tid` in the parent.
            CLONE_PARENT_SETTID = 0x100000,
            /// Clear the child's TID at `child_tid` when it exits, and wake a futex there.
            CLONE_CHILD_CLEARTID = 0x200000,
            /// A tracer cannot force `CLONE_PTRACE` on the child.
            CLONE_UNTRACED = 0x800000,
            /// Store the child's TID at `child_tid` in the child.
            CLONE_CHILD_SETTID = 0x1000000,
            /// New cgroup namespace.
            CLONE_NEWCGROUP = 0x2000000,
            /// New UTS namespace.
            CLONE_NEWUTS = 0x4000000,
            /// New IPC namespace.
            CLONE_NEWIPC = 0x8000000,
            /// New user namespace.
            CLONE_NEWUSER = 0x10000000,
            /// New PID namespace.
            CLONE_NEWPID = 0x20000000,
            /// New network namespace.
            CLONE_NEWNET = 0x40000000,
            /// Share the I/O context.
            CLONE_IO = 0x80000000,
            /// Reset every signal handler of the child to the default.
            #[uabi(since = 1)]
            CLONE_CLEAR_SIGHAND = 0x100000000,
            /// Start the child in the cgroup whose directory descriptor is `cgroup`.
            #[uabi(since = 2)]
            CLONE_INTO_CGROUP = 0x200000000,
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
}
