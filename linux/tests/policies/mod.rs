//! One struct per size policy, shared by `policy_props.rs` and the fuzzers' seed writer
//! (`fuzz/examples/seeds.rs`).

#[uabi::abi(header = "test/policies.h")]
pub mod policies {
    /// perf-style: the size field at offset 4, versions of 16 and 24 bytes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = perf)]
    pub struct Attr {
        pub kind: u32,
        #[uabi(size)]
        pub size: u32,
        pub config: u64,
        #[uabi(since = 1)]
        pub config2: u64,
    }

    /// iommufd-style with the size field at offset 8.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct Cmd {
        pub id: u64,
        #[uabi(size)]
        pub len: u32,
        pub flags: u32,
        #[uabi(since = 2)]
        pub extra: u64,
    }

    /// VFIO-style.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Info {
        pub argsz: u32,
        pub flags: u32,
        #[uabi(since = 2)]
        pub more: u64,
    }

    /// openat2-style.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = sized)]
    pub struct How {
        pub a: u64,
        #[uabi(since = 1)]
        pub b: u64,
    }
}
