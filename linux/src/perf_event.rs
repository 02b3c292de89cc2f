//! `struct perf_event_attr` of perf_event_open(2), to its newest version (VER8, 136 bytes), and
//! the ioctls of a perf event descriptor. perf_event_open reads the struct with its own size
//! convention (`policy = perf`, [`crate::decode_perf`]): the `size` field at offset 4, 0 for
//! the first version, E2BIG with the kernel's size written back. uabi's differential test runs
//! the real syscall against the decoder generated from this definition.
//!
//! Deviations from Linux's `<linux/perf_event.h>`:
//! - the bitfields after `read_format` are Linux's, by name and position (C code setting
//!   `attr.disabled = 1` compiles unchanged); Rust keeps their storage unit as the `u64` field
//!   `flags` and reads and writes each through `disabled()`, `set_disabled(..)` and
//!   `with_disabled(..)`, at the bit the target's C compiler gives it (from the least
//!   significant bit on little-endian architectures, from the most significant on big-endian
//!   ones). `__reserved_1` and `__reserved_3` are reserved bits: a decoder refuses a set one
//!   with EINVAL, as `perf_copy_attr` does.
//! - the anonymous unions keep their members, but the union types need Rust names
//!   (`PerfEventAttrPeriod`, ...), and the Rust field of each anonymous member a name
//!   (`attr.period.sample_period`); C sees them inlined as Linux writes them.
//! - the struct stops at `config3` (`PERF_ATTR_SIZE_VER8`, 136 bytes), the newest version the
//!   kernels this is tested on know; Linux 7.2's `config4` (VER9) is not defined yet.
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

    /// The bits of `aux_action` (Linux 6.13): what an overflow does to AUX area tracing.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct PerfEventAttrAuxBits {
        #[bits {
            /// Start AUX area tracing paused.
            aux_start_paused: 1,
            /// On overflow, pause AUX area tracing.
            aux_pause: 1,
            /// On overflow, resume AUX area tracing.
            aux_resume: 1,
            #[uabi(reserved)]
            __reserved_3: 29,
        }]
        pub bits: u32,
    }

    /// `aux_action`, as a whole or bit by bit.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventAttrAux {
        pub aux_action: u32,
        #[uabi(anonymous)]
        pub aux: PerfEventAttrAuxBits,
    }

    /// What to count or sample, passed to perf_event_open(2). `size` is the caller's version
    /// of the struct (0 for the first); on E2BIG the kernel writes its own size there.
    #[derive(Clone, Copy, Default)]
    #[uabi(first_version = 0, policy = perf, macro_stem = "PERF_ATTR")]
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
        /// The switches of the event, as Linux's bitfields.
        #[bits {
            /// Off by default.
            disabled: 1,
            /// Children inherit it.
            inherit: 1,
            /// Must always be on the PMU.
            pinned: 1,
            /// The only group on the PMU.
            exclusive: 1,
            /// Do not count user space.
            exclude_user: 1,
            /// Do not count the kernel.
            exclude_kernel: 1,
            /// Do not count the hypervisor.
            exclude_hv: 1,
            /// Do not count when idle.
            exclude_idle: 1,
            /// Include mmap records.
            mmap: 1,
            /// Include comm records.
            comm: 1,
            /// `sample_freq`, not `sample_period`.
            freq: 1,
            /// Per-task counts.
            inherit_stat: 1,
            /// The next exec enables it.
            enable_on_exec: 1,
            /// Trace fork and exit.
            task: 1,
            /// `wakeup_watermark`, not `wakeup_events`.
            watermark: 1,
            /// The skid constraint: 0 arbitrary, 1 constant, 2 requested zero, 3 zero.
            precise_ip: 2,
            /// Non-exec mmap records.
            mmap_data: 1,
            /// `sample_type` on every record.
            sample_id_all: 1,
            /// Do not count in the host.
            exclude_host: 1,
            /// Do not count in guests.
            exclude_guest: 1,
            /// Leave kernel callchains out.
            exclude_callchain_kernel: 1,
            /// Leave user callchains out.
            exclude_callchain_user: 1,
            /// Include mmap records with inode data.
            mmap2: 1,
            /// Mark comm records that are due to an exec.
            comm_exec: 1,
            /// Time fields use `clockid`.
            use_clockid: 1,
            /// Include context switch records.
            context_switch: 1,
            /// Write the ring buffer from its end backwards.
            write_backward: 1,
            /// Include namespace records.
            namespaces: 1,
            /// Include ksymbol records.
            ksymbol: 1,
            /// Include BPF records.
            bpf_event: 1,
            /// Make AUX records instead of events.
            aux_output: 1,
            /// Include cgroup records.
            cgroup: 1,
            /// Include text poke records.
            text_poke: 1,
            /// Use build IDs in mmap2 records.
            build_id: 1,
            /// Children inherit it only when cloned with `CLONE_THREAD`.
            inherit_thread: 1,
            /// The event is removed from the task on exec.
            remove_on_exec: 1,
            /// Send a synchronous SIGTRAP on the event.
            sigtrap: 1,
            /// Request deferred user callchain records.
            defer_callchain: 1,
            /// Write deferred user callchain records.
            defer_output: 1,
            #[uabi(reserved)]
            __reserved_1: 24,
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
        /// Clock of the timestamps (`use_clockid`).
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
        #[uabi(since = 6, anonymous)]
        pub aux_action: PerfEventAttrAux,
        /// User data passed in `siginfo_t::si_perf_data` with `sigtrap`.
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
