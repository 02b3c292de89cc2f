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

    // ---------------------------------------------------------------------------------------
    // Bitfields, unions of any member size, per-architecture items, Linux's spellings
    // ---------------------------------------------------------------------------------------

    /// A constant Linux writes with `UL`: the header spells it `(1UL << 2)`.
    #[uabi(c_suffix = "UL")]
    pub const EV_UL: u32 = 1 << 2;
    /// A constant another header also defines (glibc's `CLONE_IO`): `c_suffix = ""` keeps the
    /// literal as written, `0x80000000`, where the header would otherwise write `0x80000000U`.
    #[uabi(c_suffix = "")]
    pub const EV_PLAIN: u64 = 0x80000000;
    /// Casts have no C spelling: the header gets rustc's value, 255.
    pub const EV_CAST: u32 = (0x1ff + 0) as u8 as u32;

    /// Bit ranges of two storage units: their C bitfields sit where the model says on every
    /// architecture (the layout checks probe each), and Rust reads them through accessors.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, macro_stem = "EV_BITS")]
    pub struct EvBits {
        #[bits {
            /// The lowest bit.
            enabled: 1,
            mode: 3,
            wide: 12,
            #[uabi(reserved)]
            __reserved_1: 16,
        }]
        pub word: u32,
        pub pad: u32,
        #[bits {
            low: 1,
            middle: 40,
            #[uabi(c_name = "high_bits")]
            high: 7,
            #[uabi(reserved)]
            __reserved_2: 16,
        }]
        pub wide_word: u64,
        #[uabi(since = 1)]
        pub tail: u64,
    }

    /// Untagged members of different sizes, as Linux's exit unions have them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct EvSmall {
        pub code: u32,
        pub pad: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct EvLarge {
        pub words: [u64; 4],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union EvExit {
        pub small: EvSmall,
        pub large: EvLarge,
        pub word: u32,
        #[uabi(char)]
        pub padding: [u8; 64],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct EvRun {
        pub reason: u32,
        pub flags: u32,
        #[uabi(anonymous)]
        pub exit: EvExit,
        /// Only where it exists.
        #[uabi(arch = s390)]
        pub psw: u64,
        #[uabi(arch = s390)]
        pub psw_addr: u64,
        /// arm64's registers are 16-aligned.
        pub __pad5: [u8; 8],
        pub regs: EvArchRegs,
    }

    /// One name, one layout per family.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(arch = x86)]
    pub struct EvArchRegs {
        pub rip: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(arch = arm64)]
    pub struct EvArchRegs {
        pub pc: u64,
        pub __pad1: u64,
        pub vregs: [u128; 2],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(arch(arm, riscv, s390, powerpc, mips, loongarch, sparc, alpha, parisc, m68k))]
    pub struct EvArchRegs {
        pub pc: u64,
    }

    /// Packed, as Linux's `uffd_msg`: one layout on every architecture, a `u64` at offset 1,
    /// bitfields, and an untagged packed member.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct EvPacked {
        pub kind: u8,
        pub value: u64,
        #[bits { low: 3, high: 5 }]
        pub nibbles: u8,
        pub tail: EvPackedTail,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous, packed)]
    pub struct EvPackedTail {
        pub a: u16,
        pub b: u32,
    }

    /// A packed flexible array of 8-byte elements, at offset 4.
    #[uabi(packed)]
    pub struct EvPackedList {
        pub count: u32,
        #[uabi(counted_by = count)]
        pub items: [u64],
    }

    /// A per-family number.
    #[uabi(arch = x86)]
    pub const EV_NR_REGS: u32 = 1;
    #[uabi(arch = arm64)]
    pub const EV_NR_REGS: u32 = 3;

    /// Numbered per family: the size of `ev_arch_regs` differs.
    pub const EV_GET_REGS: Ioctl<EvArchRegs> = ior!(EV_TYPE, 0x20, EvArchRegs);
    /// x86 only.
    #[uabi(arch = x86)]
    pub const EV_X86_ONLY: Ioctl = io!(EV_TYPE, 0x21);
}
