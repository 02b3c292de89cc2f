//! `struct open_how` of openat2(2): the smallest real extensible struct, decoded by the kernel
//! with `copy_struct_from_user`. uabi's differential test runs the real syscall against the
//! decoder generated from this definition.

#[uabi::abi(header = "linux/openat2.h")]
pub mod openat2 {
    /// How to open a path with openat2(2). The caller passes its size, and the kernel accepts
    /// any size from version 0 up to a page, as long as the bytes it does not know are zero.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = sized)]
    pub struct OpenHow {
        /// `O_*` flags, as for open(2).
        pub flags: u64,
        /// Permission bits of a created file; must be zero unless `O_CREAT` or `O_TMPFILE`.
        pub mode: u64,
        /// `RESOLVE_*` flags restricting how the path is walked.
        #[flags {
            /// Stay on the mount of the starting point (no bind mounts, no mount crossings).
            RESOLVE_NO_XDEV = 0x01,
            /// Refuse "magic links" such as `/proc/self/fd/N`.
            RESOLVE_NO_MAGICLINKS = 0x02,
            /// Refuse every symbolic link (implies `RESOLVE_NO_MAGICLINKS`).
            RESOLVE_NO_SYMLINKS = 0x04,
            /// Refuse to leave the directory tree of the starting point.
            RESOLVE_BENEATH = 0x08,
            /// Treat the starting point as the root: `..` and absolute links stay inside it.
            RESOLVE_IN_ROOT = 0x10,
            /// Complete the lookup from the dentry cache only, or fail with EAGAIN.
            RESOLVE_CACHED = 0x20,
        }]
        pub resolve: u64,
    }
}
