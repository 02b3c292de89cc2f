//! Imported by `uabi import` from `<demo/import.h>`: its structs, unions, enums, constants and ioctls
//! as a uabi module, from which `uabi header` writes the header again. Review it, then edit it
//! as the definition it now is.

#[uabi::abi(header = "demo/import.h", guard = "_DEMO_IMPORT_H", includes = ["asm/demo.h"])]
#[allow(non_upper_case_globals, non_camel_case_types, non_snake_case, clippy::identity_op)]
pub mod import {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(defined_in = "asm/demo.h", arch = x86)]
    pub struct DemoRegs {
        pub rip: u64,
        pub rflags: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(defined_in = "asm/demo.h", arch = arm64)]
    pub struct DemoRegs {
        pub regs: [u64; 31],
        pub sp: u64,
        pub pc: u64,
        pub pstate: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(defined_in = "asm/demo.h", arch(arm, riscv, s390, powerpc, mips, sparc, m68k))]
    pub struct DemoRegs {
        pub pc: u64,
    }
    pub const DEMO_TYPE: u8 = b';';
    pub const DEMO_BASE: i32 = 100;
    pub const DEMO_NAME: &str = "demo-device";

    /// A 64-bit flag.
    pub const DEMO_BIG_FLAG: u64 = 1 << 40;
    #[uabi(c_suffix = "U")]
    pub const DEMO_MASK: u32 = !0x3;
    #[uabi(c_macro)]
    macro_rules! DEMO_MAX {
        (a, b) => { ((a) > (b) ? (a) : (b)) };
    }

    /// C macros the language keeps for C alone: token pasting, a variadic one, a marker.
    #[uabi(c_macro)]
    macro_rules! DEMO_REG {
        (name) => { DEMO_REG_ ## name };
    }
    #[uabi(c_macro)]
    macro_rules! DEMO_LOG {
        (fmt, ...) => { demo_log(fmt, __VA_ARGS__) };
    }
    #[uabi(c_macro)]
    macro_rules! DEMO_HAVE_RESET {
        () => {};
    }

    /// Needs the program's PAGE_SIZE: no value here, C's tokens.
    #[uabi(c_macro)]
    macro_rules! DEMO_REGS_MAX {
        () => { ((PAGE_SIZE - sizeof(struct demo_info)) / sizeof(__u64)) };
    }

    /// struct demo_info - argument of DEMO_GET_INFO
    /// @argsz: the caller's size of the struct
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoInfo {
        pub argsz: u32,
        #[flags {
            /// the device can be reset
            DEMO_INFO_FLAG_RESET = 1 << 0,
            DEMO_INFO_FLAG_CAPS = 1 << 1,
        }]
        pub flags: u32,
        pub num_regions: u32,
        pub __pad0: u32,
        /// a hole of 4 bytes before it
        pub size: u64,
        pub data: [u8],
    }

    /// a mask, written as a number
    pub const DEMO_INFO_FLAG_ALL: u32 = 0x3;

    /// Not portable: `long` and a pointer, 4 bytes on 32-bit architectures.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoLegacy {
        pub offset: i64,
        #[uabi(c_pointer = "__u32")]
        pub buffer: u64,
        pub port: u16,
        pub __pad0: [u8; 6],
    }

    /// Bit-fields, with an unnamed gap.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoBits {
        #[bits {
            enabled: 1,
            mode: 3,
            __pad_bits0: 4,
            level: 8,
            r#type: 16,
        }]
        pub _bitfield_1: u32,
        pub other: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous, arch(x86, arm64, arm, riscv, s390, powerpc, mips, sparc, m68k))]
    pub struct DemoRunMmio {
        pub phys_addr: u64,
        pub len: u32,
        pub is_write: u8,
        pub __pad0: [u8; 3],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous, arch(x86, arm64, arm, riscv, s390, powerpc, mips, sparc, m68k))]
    pub union DemoRunAnon1 {
        pub mmio: DemoRunMmio,
        pub code: u32,
        #[uabi(char)]
        pub padding: [u8; 64],
    }

    /// An exit union with members of different sizes, an untagged member and an anonymous one.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(arch(x86, arm64, arm, riscv, s390, powerpc, mips, sparc, m68k))]
    pub struct DemoRun {
        pub reason: u32,
        pub pad: u32,
        #[uabi(anonymous)]
        pub anon1: DemoRunAnon1,
        pub regs: DemoRegs,
    }

    /// A field of one architecture: s390's status word.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoVcpu {
        pub pc: u64,
        #[uabi(arch = s390)]
        pub psw_mask: u64,
        pub flags: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u32)]
    #[uabi(prefix = "DEMO_STATE_", c_defines)]
    pub enum DemoState {
        Error = 0,
        Stop = 1,
        Running = 2,
        RunningP2p = 5,
    }

    /// Every enumerator defined again, as Linux's KVM_DEV_TYPE_* are.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u32)]
    #[uabi(prefix = "DEMO_DEV_TYPE_", c_defines)]
    pub enum DemoDevType {
        A = 1,
        B = 2,
    }

    /// A function-like macro of an enumerator's name: C tells them apart, the language does not;
    /// and `c_defines` would define DEMO_MODE_B as well: both refused.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u32)]
    #[uabi(prefix = "DEMO_MODE_")]
    pub enum DemoMode {
        A = 0,
        B = 1,
    }
    pub const __DEMO_COLOR_MAX: i32 = 1;
    pub const DEMO_REGION_BAR0: u32 = 0;
    pub const DEMO_REGION_BAR1: u32 = 1;
    pub const DEMO_NUM_REGIONS: u32 = 2;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoStateArg {
        #[uabi(enum = DemoState)]
        pub state: u32,
        pub pad: u32,
    }

    /// A packed wire format: `len` sits at offset 1.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct DemoWire {
        pub kind: u8,
        pub len: u16,
    }

    /// Packed, every field at its natural offset: alignment 1 in C, and here.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed)]
    pub struct DemoEvent {
        pub kind: u32,
        pub len: u32,
        pub value: u64,
    }

    /// A packed record holding an aligned type: the language refuses it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct DemoAligned {
        #[uabi(aligned)]
        pub addr: u64,
    }

    /// The same at natural offsets: imported unpacked (alignment 8 here, 1 in C), and noted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(arch(x86, arm64, riscv, s390, powerpc, mips, sparc))]
    pub struct DemoPackedNatural {
        pub inner: DemoAligned,
        pub more: u64,
    }

    /// The same at natural offsets: imported unpacked (alignment 8 here, 1 in C), and noted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(arch(arm, m68k))]
    pub struct DemoPackedNatural {
        pub inner: DemoAligned,
        pub more: [u8; 8],
    }

    /// A packed union: the language packs no union, so its integers are bytes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub union DemoPackedUnion {
        pub word: [u8; 4],
        pub bytes: [u8; 5],
    }
    pub const DEMO_GET_INFO: Ioctl<DemoInfo> = iowr!(DEMO_TYPE, DEMO_BASE + 0, DemoInfo);
    pub const DEMO_RESET: Ioctl = io!(DEMO_TYPE, DEMO_BASE + 1);

    /// The same number, on another file descriptor.
    #[uabi(namespace = demo_reset_group)]
    pub const DEMO_RESET_GROUP: Ioctl = io!(DEMO_TYPE, DEMO_BASE + 1);
    #[uabi(arch(x86, arm64, arm, riscv, s390, powerpc, mips, sparc, m68k))]
    pub const DEMO_GET_REGS: Ioctl<DemoRegs> = ior!(DEMO_TYPE, DEMO_BASE + 2, DemoRegs);
    pub const DEMO_SET_LEVEL: Ioctl<u32> = iow!(DEMO_TYPE, DEMO_BASE + 3, u32);
}
