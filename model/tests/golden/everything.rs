/// A module that uses every construct of the language once.
#[uabi::abi(header = "test/everything.h", includes = ["linux/stddef.h"])]
pub mod everything {
    pub const EV_TYPE: u8 = b';';
    pub const EV_BASE: u32 = 100;
    /// A 64-bit constant that needs a ULL suffix in C.
    pub const EV_BIG: u64 = 1 << 40;
    /// Every bit of a `u32`: `!` works in the constant's own type, as in Rust.
    pub const EV_ALL: u32 = !0;
    /// A string: quotes, a backslash, a trigraph, a tab and a non-ASCII letter need escapes in C.
    pub const EV_NAME: &str = "ev \"q\" \\ ??= \té";

    /// The states of a device.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(prefix = "EV_STATE_")]
    pub enum EvState {
        Error = 0,
        Stop = 1,
        RunningP2p = 5,
    }

    /// Chain header.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct EvCapHeader {
        pub id: u16,
        pub version: u16,
        pub next: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(capability(id = 3, version = 1))]
    pub struct EvCapRange {
        pub header: EvCapHeader,
        #[uabi(aligned)]
        pub start: u64,
        #[uabi(aligned)]
        pub end: u64,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union EvId {
        pub group_id: u32,
        pub devid: u32,
    }

    /// A versioned, argsz-tagged struct.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct EvInfo {
        pub argsz: u32,
        #[flags {
            /// Resettable.
            EV_FLAGS_RESET = 1 << 0,
            #[uabi(since = 2)]
            EV_FLAGS_CAPS = 1 << 1,
            #[uabi(since = 2)]
            EV_FLAGS_HIGH = 1 << 31,
        }]
        pub flags: u32,
        #[uabi(anonymous)]
        pub id: EvId,
        #[uabi(enum = EvState)]
        pub state: u32,
        #[uabi(since = 2, gated_by = EV_FLAGS_CAPS)]
        pub cap_offset: u32,
        #[uabi(since = 2, reserved)]
        pub pad: u32,
        #[uabi(since = 2, c_name = "type")]
        pub r#type: [u16; 4],
    }

    /// A struct with a flexible array.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct EvSet {
        pub argsz: u32,
        pub count: u32,
        #[uabi(counted_by = count)]
        pub data: [u64],
    }

    /// A user buffer: C assigns a pointer to `buf`, Rust and the kernel see the address.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct EvBuf {
        pub len: u64,
        #[uabi(c_pointer = "__u8")]
        pub buf: u64,
    }

    #[uabi(namespace = device)]
    pub const EV_GET_INFO: Ioctl<EvInfo> = io!(EV_TYPE, EV_BASE + 0);
    #[uabi(namespace = container)]
    pub const EV_SAME_NUMBER_OTHER_FD: Ioctl = io!(EV_TYPE, EV_BASE + 0);
    pub const EV_SET: Ioctl<EvCapHeader> = iowr!(EV_TYPE, 0x10, EvCapHeader);
}
