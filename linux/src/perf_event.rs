//! `struct perf_event_attr` of perf_event_open(2), to its newest version (VER8, 136 bytes), and
//! the ioctls of a perf event descriptor. perf_event_open reads the struct with its own size
//! convention (`policy = perf`, [`crate::decode_perf`]): the `size` field at offset 4, 0 for
//! the first version, E2BIG with the kernel's size written back. uabi's differential test runs
//! the real syscall against the decoder generated from this definition.
//!
//! Deviations from Linux's `<linux/perf_event.h>`, each because uabi has no way to say it:
//! - the 64 one-bit (and one two-bit) bitfields after `read_format` are one `__u64 flags`
//!   word with the bits as `PERF_ATTR_FLAG_*` constants: C bitfield order is up to the
//!   compiler and differs between big- and little-endian ABIs, which a portable definition
//!   cannot have. The bit numbers are the little-endian ones; `PERF_ATTR_FLAG_PRECISE_IP` is
//!   the two-bit field's mask. Linux's `__reserved_1` is the bits no constant names, which the
//!   decoders refuse as unknown flags (EINVAL, as the kernel does).
//! - the anonymous unions keep their members, but the union types need Rust names
//!   (`PerfEventAttrPeriod`, ...); C sees them inlined as Linux writes them.
//! - `__reserved_3` is kept as Linux 6.1 declares it; Linux 6.13 splits it into the
//!   `aux_action` bits, which this definition does not know (a decoder refuses them).
//! - `PERF_EVENT_IOC_SET_FILTER`, `_ID`, `_QUERY_BPF` and `_MODIFY_ATTRIBUTES` encode the size
//!   of a pointer in their number (4 bytes on 32-bit, 8 on 64-bit), which uabi refuses to
//!   make portable; they are left out.
//! - only the constants a caller of the struct needs are defined: event types, software
//!   counters, read formats and open flags, not the record and sample formats.

#[uabi::abi(header = "linux/perf_event.h", includes = ["asm/byteorder.h"])]
pub mod perf_event {
    /// `perf_event_attr.type`: the PMU of the event.
    pub const PERF_TYPE_HARDWARE: u32 = 0;
    pub const PERF_TYPE_SOFTWARE: u32 = 1;
    pub const PERF_TYPE_TRACEPOINT: u32 = 2;
    pub const PERF_TYPE_HW_CACHE: u32 = 3;
    pub const PERF_TYPE_RAW: u32 = 4;
    pub const PERF_TYPE_BREAKPOINT: u32 = 5;

    /// `config` of a `PERF_TYPE_SOFTWARE` event.
    pub const PERF_COUNT_SW_CPU_CLOCK: u64 = 0;
    pub const PERF_COUNT_SW_TASK_CLOCK: u64 = 1;
    pub const PERF_COUNT_SW_PAGE_FAULTS: u64 = 2;
    pub const PERF_COUNT_SW_CONTEXT_SWITCHES: u64 = 3;
    pub const PERF_COUNT_SW_CPU_MIGRATIONS: u64 = 4;
    pub const PERF_COUNT_SW_PAGE_FAULTS_MIN: u64 = 5;
    pub const PERF_COUNT_SW_PAGE_FAULTS_MAJ: u64 = 6;
    pub const PERF_COUNT_SW_ALIGNMENT_FAULTS: u64 = 7;
    pub const PERF_COUNT_SW_EMULATION_FAULTS: u64 = 8;
    /// Counts nothing: an event that only carries side-band records.
    pub const PERF_COUNT_SW_DUMMY: u64 = 9;
    pub const PERF_COUNT_SW_BPF_OUTPUT: u64 = 10;
    pub const PERF_COUNT_SW_CGROUP_SWITCHES: u64 = 11;

    /// `read_format`: what read(2) on the event returns.
    pub const PERF_FORMAT_TOTAL_TIME_ENABLED: u64 = 1 << 0;
    pub const PERF_FORMAT_TOTAL_TIME_RUNNING: u64 = 1 << 1;
    pub const PERF_FORMAT_ID: u64 = 1 << 2;
    pub const PERF_FORMAT_GROUP: u64 = 1 << 3;
    pub const PERF_FORMAT_LOST: u64 = 1 << 4;

    /// `flags` argument of perf_event_open(2).
    pub const PERF_FLAG_FD_NO_GROUP: u64 = 1 << 0;
    pub const PERF_FLAG_FD_OUTPUT: u64 = 1 << 1;
    pub const PERF_FLAG_PID_CGROUP: u64 = 1 << 2;
    pub const PERF_FLAG_FD_CLOEXEC: u64 = 1 << 3;

    /// The ioctl type of a perf event descriptor.
    pub const PERF_EVENT_IOC_MAGIC: u8 = b'$';

    /// `sample_period` or `sample_freq` (with `PERF_ATTR_FLAG_FREQ`).
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventAttrPeriod {
        pub sample_period: u64,
        pub sample_freq: u64,
    }

    /// `wakeup_events` or `wakeup_watermark` (with `PERF_ATTR_FLAG_WATERMARK`).
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventAttrWakeup {
        pub wakeup_events: u32,
        pub wakeup_watermark: u32,
    }

    /// The first extension word: a breakpoint address, a kprobe function, a uprobe path or
    /// `config1`, by event type.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventAttrConfig1 {
        pub bp_addr: u64,
        pub kprobe_func: u64,
        pub uprobe_path: u64,
        pub config1: u64,
    }

    /// The second extension word: a breakpoint length, a kprobe address, a probe offset or
    /// `config2`, by event type.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventAttrConfig2 {
        pub bp_len: u64,
        pub kprobe_addr: u64,
        pub probe_offset: u64,
        pub config2: u64,
    }

    /// What to count or sample, passed to perf_event_open(2). `size` is the caller's version
    /// of the struct (0 for the first); on E2BIG the kernel writes its own size there.
    #[derive(Clone, Copy, Default)]
    #[uabi(first_version = 0, policy = perf)]
    pub struct PerfEventAttr {
        /// `PERF_TYPE_*`, or the type number of a dynamic PMU.
        pub r#type: u32,
        /// Size of this struct as the caller knows it.
        #[uabi(size)]
        pub size: u32,
        /// The event, by type (`PERF_COUNT_SW_*` for software events).
        pub config: u64,
        #[uabi(anonymous)]
        pub period: PerfEventAttrPeriod,
        /// `PERF_SAMPLE_*` bits: what a sample record holds.
        pub sample_type: u64,
        /// `PERF_FORMAT_*` bits: what read(2) returns.
        pub read_format: u64,
        /// Linux's one-bit fields, one bit each (see the module's deviations).
        #[flags {
            /// Start disabled.
            PERF_ATTR_FLAG_DISABLED = 1 << 0,
            /// Children inherit the event.
            PERF_ATTR_FLAG_INHERIT = 1 << 1,
            /// Always on the PMU.
            PERF_ATTR_FLAG_PINNED = 1 << 2,
            /// The only group on the PMU.
            PERF_ATTR_FLAG_EXCLUSIVE = 1 << 3,
            PERF_ATTR_FLAG_EXCLUDE_USER = 1 << 4,
            PERF_ATTR_FLAG_EXCLUDE_KERNEL = 1 << 5,
            PERF_ATTR_FLAG_EXCLUDE_HV = 1 << 6,
            PERF_ATTR_FLAG_EXCLUDE_IDLE = 1 << 7,
            PERF_ATTR_FLAG_MMAP = 1 << 8,
            PERF_ATTR_FLAG_COMM = 1 << 9,
            /// `sample_freq`, not `sample_period`.
            PERF_ATTR_FLAG_FREQ = 1 << 10,
            PERF_ATTR_FLAG_INHERIT_STAT = 1 << 11,
            PERF_ATTR_FLAG_ENABLE_ON_EXEC = 1 << 12,
            PERF_ATTR_FLAG_TASK = 1 << 13,
            /// `wakeup_watermark`, not `wakeup_events`.
            PERF_ATTR_FLAG_WATERMARK = 1 << 14,
            /// The two-bit skid constraint `precise_ip` (0 to 3).
            PERF_ATTR_FLAG_PRECISE_IP = 3 << 15,
            PERF_ATTR_FLAG_MMAP_DATA = 1 << 17,
            PERF_ATTR_FLAG_SAMPLE_ID_ALL = 1 << 18,
            PERF_ATTR_FLAG_EXCLUDE_HOST = 1 << 19,
            PERF_ATTR_FLAG_EXCLUDE_GUEST = 1 << 20,
            PERF_ATTR_FLAG_EXCLUDE_CALLCHAIN_KERNEL = 1 << 21,
            PERF_ATTR_FLAG_EXCLUDE_CALLCHAIN_USER = 1 << 22,
            PERF_ATTR_FLAG_MMAP2 = 1 << 23,
            PERF_ATTR_FLAG_COMM_EXEC = 1 << 24,
            PERF_ATTR_FLAG_USE_CLOCKID = 1 << 25,
            PERF_ATTR_FLAG_CONTEXT_SWITCH = 1 << 26,
            PERF_ATTR_FLAG_WRITE_BACKWARD = 1 << 27,
            PERF_ATTR_FLAG_NAMESPACES = 1 << 28,
            PERF_ATTR_FLAG_KSYMBOL = 1 << 29,
            PERF_ATTR_FLAG_BPF_EVENT = 1 << 30,
            PERF_ATTR_FLAG_AUX_OUTPUT = 1 << 31,
            PERF_ATTR_FLAG_CGROUP = 1 << 32,
            PERF_ATTR_FLAG_TEXT_POKE = 1 << 33,
            PERF_ATTR_FLAG_BUILD_ID = 1 << 34,
            PERF_ATTR_FLAG_INHERIT_THREAD = 1 << 35,
            PERF_ATTR_FLAG_REMOVE_ON_EXEC = 1 << 36,
            PERF_ATTR_FLAG_SIGTRAP = 1 << 37,
        }]
        pub flags: u64,
        #[uabi(anonymous)]
        pub wakeup: PerfEventAttrWakeup,
        /// `HW_BREAKPOINT_*` type of a breakpoint event.
        pub bp_type: u32,
        #[uabi(anonymous)]
        pub config1: PerfEventAttrConfig1,
        #[uabi(since = 1, anonymous)]
        pub config2: PerfEventAttrConfig2,
        /// `PERF_SAMPLE_BRANCH_*` bits.
        #[uabi(since = 2)]
        pub branch_sample_type: u64,
        /// Registers to dump in a sample, by the architecture's numbering.
        #[uabi(since = 3)]
        pub sample_regs_user: u64,
        /// Bytes of user stack to dump in a sample.
        #[uabi(since = 3)]
        pub sample_stack_user: u32,
        /// Clock of the timestamps (`PERF_ATTR_FLAG_USE_CLOCKID`).
        #[uabi(since = 3)]
        pub clockid: i32,
        /// Registers to dump at the interrupt.
        #[uabi(since = 4)]
        pub sample_regs_intr: u64,
        /// Wake-up threshold of the AUX area.
        #[uabi(since = 5)]
        pub aux_watermark: u32,
        /// Largest number of frames in a callchain.
        #[uabi(since = 5)]
        pub sample_max_stack: u16,
        #[uabi(since = 5, reserved)]
        pub __reserved_2: u16,
        /// Bytes of AUX data to put in each sample.
        #[uabi(since = 6)]
        pub aux_sample_size: u32,
        #[uabi(since = 6, reserved)]
        pub __reserved_3: u32,
        /// User data passed in `siginfo_t::si_perf_data` with `PERF_ATTR_FLAG_SIGTRAP`.
        #[uabi(since = 7)]
        pub sig_data: u64,
        /// A third PMU-specific configuration word.
        #[uabi(since = 8)]
        pub config3: u64,
    }

    /// Enables the event (or its group).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_ENABLE: Ioctl = io!(PERF_EVENT_IOC_MAGIC, 0);
    /// Disables the event.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_DISABLE: Ioctl = io!(PERF_EVENT_IOC_MAGIC, 1);
    /// Allows the given number of overflows (the argument is a plain integer).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_REFRESH: Ioctl = io!(PERF_EVENT_IOC_MAGIC, 2);
    /// Resets the count to zero.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_RESET: Ioctl = io!(PERF_EVENT_IOC_MAGIC, 3);
    /// Sets a new sample period.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_PERIOD: Ioctl<u64> = iow!(PERF_EVENT_IOC_MAGIC, 4, u64);
    /// Sends this event's output to another event's buffer (the argument is a descriptor).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_SET_OUTPUT: Ioctl = io!(PERF_EVENT_IOC_MAGIC, 5);
    /// Attaches a BPF program (the argument is its descriptor).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_SET_BPF: Ioctl<u32> = iow!(PERF_EVENT_IOC_MAGIC, 8, u32);
    /// Pauses or resumes writing to the ring buffer.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_PAUSE_OUTPUT: Ioctl<u32> = iow!(PERF_EVENT_IOC_MAGIC, 9, u32);
}
