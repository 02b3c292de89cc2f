//! `<linux/perf_event.h>` as Linux 7.2 has it: `struct perf_event_attr` to its newest version
//! (VER9, `config4`, 144 bytes) with Linux's bitfields, the mmap'ed control page
//! (`perf_event_mmap_page`) with its capability bits, the records a sample or event carries
//! (`perf_event_header`, `perf_branch_entry`, `perf_mem_data_src`, `perf_sample_weight`,
//! `perf_ns_link_info`), `perf_event_query_bpf`, every enumerator and macro, and the ioctls of
//! a perf event descriptor.
//!
//! perf_event_open reads `perf_event_attr` with its own size convention (`policy = perf`,
//! [`uabi::decode_perf`]): the `size` field at offset 4, 0 for the first version, E2BIG with
//! the kernel's size written back. uabi's differential test runs the real syscall against the
//! decoder generated from this definition, and another test opens and counts a software event
//! with the bitfields set through the Rust accessors.
//!
//! Deviations from Linux's header:
//! - bitfields: C sees Linux's, by name and position (`attr.disabled = 1` compiles unchanged);
//!   Rust keeps each storage unit as a field (`flags`, `bits`) and reads and writes each
//!   bitfield through `disabled()`, `set_disabled(..)` and `with_disabled(..)`, at the bit the
//!   target's C compiler gives it. `__reserved_1` and `__reserved_3` are reserved bits: a
//!   decoder refuses a set one with EINVAL, as `perf_copy_attr` does.
//! - anonymous unions and structs keep their members, but their types need Rust names
//!   (`PerfEventAttrPeriod`, ...), and the Rust field of each anonymous member a name
//!   (`attr.period.sample_period`); C sees them inlined as Linux writes them.
//! - `PERF_EVENT_IOC_SET_FILTER`, `_ID`, `_QUERY_BPF` and `_MODIFY_ATTRIBUTES` are not defined:
//!   Linux encodes the size of a *pointer* in their numbers (`_IOW('$', 6, char *)`), so a
//!   32-bit and a 64-bit process on one architecture use different numbers (the kernel's
//!   `perf_compat_ioctl` rewrites them); an ioctl of uabi has one number per architecture.
//! - `perf_mem_data_src` and `perf_sample_weight` declare their bits and halves in the
//!   opposite order on big-endian machines, so that `val`/`full` reads the same on both. uabi
//!   has no byte-order condition, only architecture families: the little-endian view is
//!   declared for the families that are all little-endian (x86, arm64, arm, riscv, loongarch,
//!   alpha), the big-endian one for those that are all big-endian (s390, sparc, m68k,
//!   parisc), and powerpc and mips, which have both, get `val` and `full` only.
//! - enumerators of Linux's unnamed enums (`PERF_BR_*`, `PERF_TXN_*`, `NET_NS_INDEX`, ...) are
//!   constants (`#define`s in C, with Linux's values): a Rust enum needs a name, and
//!   `PERF_TXN_*` repeats a value. The named enums are C enums and Rust enums.

#[uabi::abi(header = "linux/perf_event.h", includes = ["asm/byteorder.h"])]
// `7 << 0`, `(1 << 0)`: written as Linux writes them, so that the header spells them alike.
#[allow(clippy::identity_op)]
pub mod perf_event {
    /// `perf_event_attr.type`: the PMU of the event (a dynamic PMU has a number of its own).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_TYPE_")]
    pub enum PerfTypeId {
        Hardware = 0,
        Software = 1,
        Tracepoint = 2,
        HwCache = 3,
        Raw = 4,
        Breakpoint = 5,
        /// Not ABI: one past the last.
        Max = 6,
    }

    /// Where `config` of `PERF_TYPE_HARDWARE` and `PERF_TYPE_HW_CACHE` carries the PMU type.
    pub const PERF_PMU_TYPE_SHIFT: u32 = 32;
    /// The event part of such a `config`.
    #[uabi(c_suffix = "")]
    pub const PERF_HW_EVENT_MASK: u64 = 0xffffffff;

    /// `config` of a `PERF_TYPE_HARDWARE` event: the generalized hardware events.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_COUNT_HW_")]
    pub enum PerfHwId {
        CpuCycles = 0,
        Instructions = 1,
        CacheReferences = 2,
        CacheMisses = 3,
        BranchInstructions = 4,
        BranchMisses = 5,
        BusCycles = 6,
        StalledCyclesFrontend = 7,
        StalledCyclesBackend = 8,
        RefCpuCycles = 9,
        /// Not ABI.
        Max = 10,
    }

    /// The cache of a `PERF_TYPE_HW_CACHE` event (`config` bits 0-7).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_COUNT_HW_CACHE_")]
    pub enum PerfHwCacheId {
        L1d = 0,
        L1i = 1,
        Ll = 2,
        Dtlb = 3,
        Itlb = 4,
        Bpu = 5,
        Node = 6,
        /// Not ABI.
        Max = 7,
    }

    /// The operation of a `PERF_TYPE_HW_CACHE` event (`config` bits 8-15).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_COUNT_HW_CACHE_OP_")]
    pub enum PerfHwCacheOpId {
        Read = 0,
        Write = 1,
        Prefetch = 2,
        /// Not ABI.
        Max = 3,
    }

    /// The result of a `PERF_TYPE_HW_CACHE` event (`config` bits 16-23).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_COUNT_HW_CACHE_RESULT_")]
    pub enum PerfHwCacheOpResultId {
        Access = 0,
        Miss = 1,
        /// Not ABI.
        Max = 2,
    }

    /// `config` of a `PERF_TYPE_SOFTWARE` event: what the kernel counts itself.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_COUNT_SW_")]
    pub enum PerfSwIds {
        CpuClock = 0,
        TaskClock = 1,
        PageFaults = 2,
        ContextSwitches = 3,
        CpuMigrations = 4,
        PageFaultsMin = 5,
        PageFaultsMaj = 6,
        AlignmentFaults = 7,
        EmulationFaults = 8,
        /// Counts nothing: an event that only carries side-band records.
        Dummy = 9,
        BpfOutput = 10,
        CgroupSwitches = 11,
        /// Not ABI.
        Max = 12,
    }

    /// `sample_type` bits: what a `PERF_RECORD_SAMPLE` holds.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_SAMPLE_")]
    pub enum PerfEventSampleFormat {
        Ip = 1 << 0,
        Tid = 1 << 1,
        Time = 1 << 2,
        Addr = 1 << 3,
        Read = 1 << 4,
        Callchain = 1 << 5,
        Id = 1 << 6,
        Cpu = 1 << 7,
        Period = 1 << 8,
        StreamId = 1 << 9,
        Raw = 1 << 10,
        BranchStack = 1 << 11,
        RegsUser = 1 << 12,
        StackUser = 1 << 13,
        Weight = 1 << 14,
        DataSrc = 1 << 15,
        Identifier = 1 << 16,
        Transaction = 1 << 17,
        RegsIntr = 1 << 18,
        PhysAddr = 1 << 19,
        Aux = 1 << 20,
        Cgroup = 1 << 21,
        DataPageSize = 1 << 22,
        CodePageSize = 1 << 23,
        WeightStruct = 1 << 24,
        /// Not ABI.
        Max = 1 << 25,
    }

    /// Either form of the sample weight.
    pub const PERF_SAMPLE_WEIGHT_TYPE: u64 = (1 << 14) | (1 << 24);

    /// The bit numbers of `enum perf_branch_sample_type`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_SAMPLE_BRANCH_")]
    pub enum PerfBranchSampleTypeShift {
        /// User branches.
        UserShift = 0,
        /// Kernel branches.
        KernelShift = 1,
        /// Hypervisor branches.
        HvShift = 2,
        /// Any branch type.
        AnyShift = 3,
        /// Any call.
        AnyCallShift = 4,
        /// Any return.
        AnyReturnShift = 5,
        /// Indirect calls.
        IndCallShift = 6,
        /// Transaction aborts.
        AbortTxShift = 7,
        /// In a transaction.
        InTxShift = 8,
        /// Not in a transaction.
        NoTxShift = 9,
        /// Conditional branches.
        CondShift = 10,
        /// The call/return stack.
        CallStackShift = 11,
        /// Indirect jumps.
        IndJumpShift = 12,
        /// Direct calls.
        CallShift = 13,
        /// No flags.
        NoFlagsShift = 14,
        /// No cycles.
        NoCyclesShift = 15,
        /// Save the branch type.
        TypeSaveShift = 16,
        /// Save the hardware index of the raw branch records.
        HwIndexShift = 17,
        /// Save the privilege mode.
        PrivSaveShift = 18,
        /// Save the occurrences of events on a branch.
        CountersShift = 19,
        /// Not ABI.
        MaxShift = 20,
    }

    /// `branch_sample_type` bits, with `PERF_SAMPLE_BRANCH_STACK`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_SAMPLE_BRANCH_")]
    pub enum PerfBranchSampleType {
        User = 1 << 0,
        Kernel = 1 << 1,
        Hv = 1 << 2,
        Any = 1 << 3,
        AnyCall = 1 << 4,
        AnyReturn = 1 << 5,
        IndCall = 1 << 6,
        AbortTx = 1 << 7,
        InTx = 1 << 8,
        NoTx = 1 << 9,
        Cond = 1 << 10,
        CallStack = 1 << 11,
        IndJump = 1 << 12,
        Call = 1 << 13,
        NoFlags = 1 << 14,
        NoCycles = 1 << 15,
        TypeSave = 1 << 16,
        HwIndex = 1 << 17,
        PrivSave = 1 << 18,
        Counters = 1 << 19,
        /// Not ABI.
        Max = 1 << 20,
    }

    /// `perf_branch_entry.type`: the kind of control-flow change (Linux's unnamed enum).
    pub const PERF_BR_UNKNOWN: u32 = 0;
    /// Conditional.
    pub const PERF_BR_COND: u32 = 1;
    /// Unconditional.
    pub const PERF_BR_UNCOND: u32 = 2;
    /// Indirect.
    pub const PERF_BR_IND: u32 = 3;
    /// Function call.
    pub const PERF_BR_CALL: u32 = 4;
    /// Indirect function call.
    pub const PERF_BR_IND_CALL: u32 = 5;
    /// Function return.
    pub const PERF_BR_RET: u32 = 6;
    /// System call.
    pub const PERF_BR_SYSCALL: u32 = 7;
    /// System call return.
    pub const PERF_BR_SYSRET: u32 = 8;
    /// Conditional function call.
    pub const PERF_BR_COND_CALL: u32 = 9;
    /// Conditional function return.
    pub const PERF_BR_COND_RET: u32 = 10;
    /// Exception return.
    pub const PERF_BR_ERET: u32 = 11;
    /// Interrupt.
    pub const PERF_BR_IRQ: u32 = 12;
    /// System error.
    pub const PERF_BR_SERROR: u32 = 13;
    /// Not in a transaction.
    pub const PERF_BR_NO_TX: u32 = 14;
    /// The type is in `new_type`.
    pub const PERF_BR_EXTEND_ABI: u32 = 15;
    pub const PERF_BR_MAX: u32 = 16;

    /// `perf_branch_entry.spec`: the speculation outcome (Linux's unnamed enum).
    pub const PERF_BR_SPEC_NA: u32 = 0;
    /// Speculative, on the wrong path.
    pub const PERF_BR_SPEC_WRONG_PATH: u32 = 1;
    /// Not speculative, on the correct path.
    pub const PERF_BR_NON_SPEC_CORRECT_PATH: u32 = 2;
    /// Speculative, on the correct path.
    pub const PERF_BR_SPEC_CORRECT_PATH: u32 = 3;
    pub const PERF_BR_SPEC_MAX: u32 = 4;

    /// `perf_branch_entry.new_type` with `PERF_BR_EXTEND_ABI` (Linux's unnamed enum).
    pub const PERF_BR_NEW_FAULT_ALGN: u32 = 0;
    pub const PERF_BR_NEW_FAULT_DATA: u32 = 1;
    pub const PERF_BR_NEW_FAULT_INST: u32 = 2;
    /// Architecture specific.
    pub const PERF_BR_NEW_ARCH_1: u32 = 3;
    pub const PERF_BR_NEW_ARCH_2: u32 = 4;
    pub const PERF_BR_NEW_ARCH_3: u32 = 5;
    pub const PERF_BR_NEW_ARCH_4: u32 = 6;
    pub const PERF_BR_NEW_ARCH_5: u32 = 7;
    pub const PERF_BR_NEW_MAX: u32 = 8;

    /// `perf_branch_entry.priv` (Linux's unnamed enum).
    pub const PERF_BR_PRIV_UNKNOWN: u32 = 0;
    pub const PERF_BR_PRIV_USER: u32 = 1;
    pub const PERF_BR_PRIV_KERNEL: u32 = 2;
    pub const PERF_BR_PRIV_HV: u32 = 3;

    /// arm64's names for the architecture-specific branch types.
    pub const PERF_BR_ARM64_FIQ: u32 = PERF_BR_NEW_ARCH_1;
    pub const PERF_BR_ARM64_DEBUG_HALT: u32 = PERF_BR_NEW_ARCH_2;
    pub const PERF_BR_ARM64_DEBUG_EXIT: u32 = PERF_BR_NEW_ARCH_3;
    pub const PERF_BR_ARM64_DEBUG_INST: u32 = PERF_BR_NEW_ARCH_4;
    pub const PERF_BR_ARM64_DEBUG_DATA: u32 = PERF_BR_NEW_ARCH_5;

    /// User, kernel and hypervisor branches.
    pub const PERF_SAMPLE_BRANCH_PLM_ALL: u32 = (1 << 0) | (1 << 1) | (1 << 2);

    /// The `abi` word before a register dump.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_SAMPLE_REGS_ABI_")]
    pub enum PerfSampleRegsAbi {
        None = 0,
        #[uabi(c_name = "PERF_SAMPLE_REGS_ABI_32")]
        Abi32 = 1,
        #[uabi(c_name = "PERF_SAMPLE_REGS_ABI_64")]
        Abi64 = 2,
    }

    /// `PERF_SAMPLE_TRANSACTION` bits (Linux's unnamed enum); bits 32-63 are the abort code.
    pub const PERF_TXN_ELISION: u64 = 1 << 0;
    /// From a transaction.
    pub const PERF_TXN_TRANSACTION: u64 = 1 << 1;
    /// The instruction is related.
    pub const PERF_TXN_SYNC: u64 = 1 << 2;
    /// The instruction is not related.
    pub const PERF_TXN_ASYNC: u64 = 1 << 3;
    /// A retry is possible.
    pub const PERF_TXN_RETRY: u64 = 1 << 4;
    /// Conflict abort.
    pub const PERF_TXN_CONFLICT: u64 = 1 << 5;
    /// Capacity write abort.
    pub const PERF_TXN_CAPACITY_WRITE: u64 = 1 << 6;
    /// Capacity read abort.
    pub const PERF_TXN_CAPACITY_READ: u64 = 1 << 7;
    /// Not ABI.
    pub const PERF_TXN_MAX: u64 = 1 << 8;
    /// The abort code.
    #[uabi(c_suffix = "ULL")]
    pub const PERF_TXN_ABORT_MASK: u64 = 0xffffffff << 32;
    pub const PERF_TXN_ABORT_SHIFT: u64 = 32;

    /// `read_format` bits: what read(2) on the event returns.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_FORMAT_")]
    pub enum PerfEventReadFormat {
        TotalTimeEnabled = 1 << 0,
        TotalTimeRunning = 1 << 1,
        Id = 1 << 2,
        Group = 1 << 3,
        Lost = 1 << 4,
        /// Not ABI.
        Max = 1 << 5,
    }

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
        #[uabi(enum = PerfTypeId)]
        pub r#type: u32,
        /// Size of this struct as the caller knows it.
        #[uabi(size)]
        pub size: u32,
        /// The event, by type (`PERF_COUNT_SW_*` for software events).
        pub config: u64,
        #[uabi(anonymous)]
        pub period: PerfEventAttrPeriod,
        /// `PERF_SAMPLE_*` bits (`enum perf_event_sample_format`): what a sample record holds.
        pub sample_type: u64,
        /// `PERF_FORMAT_*` bits (`enum perf_event_read_format`): what read(2) returns.
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
        /// A fourth PMU-specific configuration word (Linux 7.2).
        #[uabi(since = 9)]
        pub config4: u64,
    }

    /// Argument of `PERF_EVENT_IOC_QUERY_BPF`: the BPF programs attached to the event's
    /// tracepoint.
    #[derive(Clone, Copy, Default)]
    pub struct PerfEventQueryBpf {
        /// Entries at `ids`.
        pub ids_len: u32,
        /// Out: how many programs there are.
        pub prog_cnt: u32,
        /// Out: their IDs.
        #[uabi(counted_by = ids_len)]
        pub ids: [u32],
    }

    /// Enables the event (or its group, with `PERF_IOC_FLAG_GROUP`).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_ENABLE: Ioctl = io!(b'$', 0);
    /// Disables the event.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_DISABLE: Ioctl = io!(b'$', 1);
    /// Allows the given number of overflows (the argument is a plain integer).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_REFRESH: Ioctl = io!(b'$', 2);
    /// Resets the count to zero.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_RESET: Ioctl = io!(b'$', 3);
    /// Sets a new sample period.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_PERIOD: Ioctl<u64> = iow!(b'$', 4, u64);
    /// Sends this event's output to another event's buffer (the argument is a descriptor).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_SET_OUTPUT: Ioctl = io!(b'$', 5);
    /// Attaches a BPF program (the argument is its descriptor).
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_SET_BPF: Ioctl<u32> = iow!(b'$', 8, u32);
    /// Pauses or resumes writing to the ring buffer.
    #[uabi(namespace = perf_event)]
    pub const PERF_EVENT_IOC_PAUSE_OUTPUT: Ioctl<u32> = iow!(b'$', 9, u32);

    /// The argument of `PERF_EVENT_IOC_ENABLE`, `_DISABLE`, `_RESET` and `_REFRESH`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_IOC_FLAG_")]
    pub enum PerfEventIocFlags {
        /// The whole group of the event.
        Group = 1 << 0,
    }

    /// The capability bits of the control page.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub struct PerfEventMmapPageCapBits {
        #[bits {
            /// Always 0 (deprecated).
            cap_bit0: 1,
            /// Always 1: bit 0 means nothing.
            cap_bit0_is_deprecated: 1,
            /// The counter can be read with RDPMC (or its equivalent).
            cap_user_rdpmc: 1,
            /// `time_shift`, `time_mult` and `time_offset` are valid.
            cap_user_time: 1,
            /// `time_zero` is valid.
            cap_user_time_zero: 1,
            /// `time_cycles` and `time_mask` are valid.
            cap_user_time_short: 1,
            /// Linux's `cap_____res` (a name rustc would warn about in Rust).
            #[uabi(c_name = "cap_____res")]
            cap_res: 58,
        }]
        pub bits: u64,
    }

    /// `capabilities`, as a whole or bit by bit.
    #[uabi(anonymous)]
    #[derive(Clone, Copy, Default)]
    pub union PerfEventMmapPageCaps {
        pub capabilities: u64,
        #[uabi(anonymous)]
        pub cap: PerfEventMmapPageCapBits,
    }

    /// The first page of an event's mmap: how to read the counter from user space
    /// (self-monitoring, with the `lock` sequence count), then the ring buffer's control
    /// words.
    #[derive(Clone, Copy)]
    pub struct PerfEventMmapPage {
        /// The version of this struct.
        pub version: u32,
        /// The oldest version it is compatible with.
        pub compat_version: u32,
        /// Sequence count: read it before and after the fields, retry when it changed.
        pub lock: u32,
        /// The hardware counter plus one, 0 when it cannot be read directly.
        pub index: u32,
        /// Add to the hardware counter's value.
        pub offset: i64,
        /// Time the event was active.
        pub time_enabled: u64,
        /// Time the event ran on a CPU.
        pub time_running: u64,
        #[uabi(anonymous)]
        pub caps: PerfEventMmapPageCaps,
        /// Width of the value RDPMC returns, to sign-extend it.
        pub pmc_width: u16,
        /// Converting cycles to time: `time_offset + (cyc * time_mult) >> time_shift`.
        pub time_shift: u16,
        pub time_mult: u32,
        pub time_offset: u64,
        /// `cap_user_time_zero`: converting sample timestamps back to cycles.
        pub time_zero: u64,
        /// Size of the header up to `__reserved`.
        pub size: u32,
        pub __reserved_1: u32,
        /// `cap_user_time_short`: a counter narrower than 64 bits.
        pub time_cycles: u64,
        pub time_mask: u64,
        /// Room for more self-monitoring fields, up to 1 KiB.
        pub __reserved: [u8; 928],
        /// Head of the data ring (read it, then a read barrier).
        pub data_head: u64,
        /// Tail of the data ring, written by user space in a writable mapping.
        pub data_tail: u64,
        /// Where the data ring starts in the mapping.
        pub data_offset: u64,
        /// Size of the data ring.
        pub data_size: u64,
        /// The AUX ring, as the data ring.
        pub aux_head: u64,
        pub aux_tail: u64,
        pub aux_offset: u64,
        pub aux_size: u64,
    }

    /// `perf_event_header.misc`: the CPU mode (bits 0-2).
    pub const PERF_RECORD_MISC_CPUMODE_MASK: u16 = 7 << 0;
    pub const PERF_RECORD_MISC_CPUMODE_UNKNOWN: u16 = 0 << 0;
    pub const PERF_RECORD_MISC_KERNEL: u16 = 1 << 0;
    pub const PERF_RECORD_MISC_USER: u16 = 2 << 0;
    pub const PERF_RECORD_MISC_HYPERVISOR: u16 = 3 << 0;
    pub const PERF_RECORD_MISC_GUEST_KERNEL: u16 = 4 << 0;
    pub const PERF_RECORD_MISC_GUEST_USER: u16 = 5 << 0;
    /// Parsing /proc/PID/maps timed out.
    pub const PERF_RECORD_MISC_PROC_MAP_PARSE_TIMEOUT: u16 = 1 << 12;
    /// Bit 13, by record: non-executable mmap.
    pub const PERF_RECORD_MISC_MMAP_DATA: u16 = 1 << 13;
    /// Bit 13: a comm change due to exec.
    pub const PERF_RECORD_MISC_COMM_EXEC: u16 = 1 << 13;
    /// Bit 13: a fork due to exec (perf's own).
    pub const PERF_RECORD_MISC_FORK_EXEC: u16 = 1 << 13;
    /// Bit 13: switching out.
    pub const PERF_RECORD_MISC_SWITCH_OUT: u16 = 1 << 13;
    /// Bit 14, by record: the sample's IP is exact.
    pub const PERF_RECORD_MISC_EXACT_IP: u16 = 1 << 14;
    /// Bit 14: preempted while runnable.
    pub const PERF_RECORD_MISC_SWITCH_OUT_PREEMPT: u16 = 1 << 14;
    /// Bit 14: the mmap2 record carries a build ID.
    pub const PERF_RECORD_MISC_MMAP_BUILD_ID: u16 = 1 << 14;
    /// Reserved for an extended misc field.
    pub const PERF_RECORD_MISC_EXT_RESERVED: u16 = 1 << 15;

    /// The header of every record in the ring buffer.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct PerfEventHeader {
        /// `enum perf_event_type`.
        pub r#type: u32,
        /// `PERF_RECORD_MISC_*`.
        pub misc: u16,
        /// Size of the record, header included.
        pub size: u16,
    }

    /// A namespace of `PERF_RECORD_NAMESPACES`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct PerfNsLinkInfo {
        pub dev: u64,
        pub ino: u64,
    }

    /// Index of each namespace in `PERF_RECORD_NAMESPACES` (Linux's unnamed enum).
    pub const NET_NS_INDEX: u32 = 0;
    pub const UTS_NS_INDEX: u32 = 1;
    pub const IPC_NS_INDEX: u32 = 2;
    pub const PID_NS_INDEX: u32 = 3;
    pub const USER_NS_INDEX: u32 = 4;
    pub const MNT_NS_INDEX: u32 = 5;
    pub const CGROUP_NS_INDEX: u32 = 6;
    /// The number of namespaces.
    pub const NR_NAMESPACES: u32 = 7;

    /// `perf_event_header.type`: the record that follows (the layout of each is in Linux's
    /// comments; every record ends with the `sample_id` fields when `sample_id_all` is set).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_RECORD_")]
    pub enum PerfEventType {
        /// An executable mapping.
        Mmap = 1,
        /// Records were lost.
        Lost = 2,
        /// A task's name.
        Comm = 3,
        Exit = 4,
        Throttle = 5,
        Unthrottle = 6,
        Fork = 7,
        Read = 8,
        /// A sample, laid out by `sample_type`.
        Sample = 9,
        /// An mmap with inode or build ID data.
        Mmap2 = 10,
        /// New data in the AUX buffer.
        Aux = 11,
        ItraceStart = 12,
        LostSamples = 13,
        Switch = 14,
        SwitchCpuWide = 15,
        Namespaces = 16,
        Ksymbol = 17,
        BpfEvent = 18,
        Cgroup = 19,
        TextPoke = 20,
        AuxOutputHwId = 21,
        /// A user callchain captured before the return to user space.
        CallchainDeferred = 22,
        /// Not ABI.
        Max = 23,
    }

    /// `ksym_type` of `PERF_RECORD_KSYMBOL`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_RECORD_KSYMBOL_TYPE_")]
    pub enum PerfRecordKsymbolType {
        Unknown = 0,
        Bpf = 1,
        /// Out-of-line code: kprobe-replaced instructions, optimized kprobes, ftrace trampolines.
        Ool = 2,
        /// Not ABI.
        Max = 3,
    }

    /// `flags` of `PERF_RECORD_KSYMBOL`: the symbol goes away.
    pub const PERF_RECORD_KSYMBOL_FLAGS_UNREGISTER: u16 = 1 << 0;

    /// `type` of `PERF_RECORD_BPF_EVENT`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "PERF_BPF_EVENT_")]
    pub enum PerfBpfEventType {
        Unknown = 0,
        ProgLoad = 1,
        ProgUnload = 2,
        /// Not ABI.
        Max = 3,
    }

    /// Deepest callchain.
    pub const PERF_MAX_STACK_DEPTH: u32 = 127;
    /// Most context markers in one callchain.
    pub const PERF_MAX_CONTEXTS_PER_STACK: u32 = 8;

    /// Markers in a callchain: the frames after one are of that context.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[repr(u64)]
    #[uabi(prefix = "PERF_CONTEXT_")]
    pub enum PerfCallchainContext {
        Hv = (-32i64) as u64,
        Kernel = (-128i64) as u64,
        User = (-512i64) as u64,
        UserDeferred = (-640i64) as u64,
        Guest = (-2048i64) as u64,
        GuestKernel = (-2176i64) as u64,
        GuestUser = (-2560i64) as u64,
        Max = (-4095i64) as u64,
    }

    /// `flags` of `PERF_RECORD_AUX`: the record was truncated to fit.
    pub const PERF_AUX_FLAG_TRUNCATED: u64 = 0x0001;
    /// A snapshot of overwrite mode.
    pub const PERF_AUX_FLAG_OVERWRITE: u64 = 0x0002;
    /// The record has gaps.
    pub const PERF_AUX_FLAG_PARTIAL: u64 = 0x0004;
    /// The sample collided with another.
    pub const PERF_AUX_FLAG_COLLISION: u64 = 0x0008;
    /// The PMU's trace format.
    pub const PERF_AUX_FLAG_PMU_FORMAT_TYPE_MASK: u64 = 0xff00;
    /// CoreSight's formats.
    pub const PERF_AUX_FLAG_CORESIGHT_FORMAT_CORESIGHT: u64 = 0x0000;
    pub const PERF_AUX_FLAG_CORESIGHT_FORMAT_RAW: u64 = 0x0100;

    /// `flags` argument of perf_event_open(2).
    #[uabi(c_suffix = "UL")]
    pub const PERF_FLAG_FD_NO_GROUP: u64 = 1 << 0;
    #[uabi(c_suffix = "UL")]
    pub const PERF_FLAG_FD_OUTPUT: u64 = 1 << 1;
    /// `pid` is a cgroup directory's descriptor (per-CPU events only).
    #[uabi(c_suffix = "UL")]
    pub const PERF_FLAG_PID_CGROUP: u64 = 1 << 2;
    /// The new descriptor is close-on-exec.
    #[uabi(c_suffix = "UL")]
    pub const PERF_FLAG_FD_CLOEXEC: u64 = 1 << 3;

    /// The bits of a data source. Linux declares them from the bottom on little-endian
    /// machines and from the top on big-endian ones, so that each has the same bits of `val`
    /// on both; the storage unit is declared once per byte order.
    #[uabi(anonymous, arch(x86, arm64, arm, riscv, loongarch, alpha, s390, sparc, m68k, parisc))]
    #[derive(Clone, Copy, Default)]
    pub struct PerfMemDataSrcBits {
        #[bits {
            /// The kind of opcode (`PERF_MEM_OP_*`).
            mem_op: 5,
            /// The memory level (`PERF_MEM_LVL_*`).
            mem_lvl: 14,
            /// Snoop mode (`PERF_MEM_SNOOP_*`).
            mem_snoop: 5,
            /// A locked instruction (`PERF_MEM_LOCK_*`).
            mem_lock: 2,
            /// TLB access (`PERF_MEM_TLB_*`).
            mem_dtlb: 7,
            /// The memory level's number (`PERF_MEM_LVLNUM_*`).
            mem_lvl_num: 4,
            /// Remote (`PERF_MEM_REMOTE_*`).
            mem_remote: 1,
            /// Snoop mode, extended (`PERF_MEM_SNOOPX_*`).
            mem_snoopx: 2,
            /// Why the access was blocked (`PERF_MEM_BLK_*`).
            mem_blk: 3,
            /// Hops (`PERF_MEM_HOPS_*`).
            mem_hops: 3,
            /// The cache or memory region (`PERF_MEM_REGION_*`).
            mem_region: 5,
            mem_rsvd: 13,
        }]
        #[uabi(arch(x86, arm64, arm, riscv, loongarch, alpha))]
        pub bits: u64,
        #[bits {
            mem_rsvd: 13,
            mem_region: 5,
            mem_hops: 3,
            mem_blk: 3,
            mem_snoopx: 2,
            mem_remote: 1,
            mem_lvl_num: 4,
            mem_dtlb: 7,
            mem_lock: 2,
            mem_snoop: 5,
            mem_lvl: 14,
            mem_op: 5,
        }]
        #[uabi(arch(s390, sparc, m68k, parisc))]
        pub bits: u64,
    }

    /// `PERF_SAMPLE_DATA_SRC`: where a memory access was served from.
    #[derive(Clone, Copy, Default)]
    pub union PerfMemDataSrc {
        pub val: u64,
        #[uabi(anonymous, arch(x86, arm64, arm, riscv, loongarch, alpha, s390, sparc, m68k, parisc))]
        pub src: PerfMemDataSrcBits,
    }

    /// `mem_op`: the kind of opcode.
    pub const PERF_MEM_OP_NA: u64 = 0x0001;
    pub const PERF_MEM_OP_LOAD: u64 = 0x0002;
    pub const PERF_MEM_OP_STORE: u64 = 0x0004;
    pub const PERF_MEM_OP_PFETCH: u64 = 0x0008;
    pub const PERF_MEM_OP_EXEC: u64 = 0x0010;
    pub const PERF_MEM_OP_SHIFT: u64 = 0;

    /// `mem_lvl`: the memory level, hit or miss (partly superseded by `mem_lvl_num`).
    pub const PERF_MEM_LVL_NA: u64 = 0x0001;
    pub const PERF_MEM_LVL_HIT: u64 = 0x0002;
    pub const PERF_MEM_LVL_MISS: u64 = 0x0004;
    pub const PERF_MEM_LVL_L1: u64 = 0x0008;
    pub const PERF_MEM_LVL_LFB: u64 = 0x0010;
    pub const PERF_MEM_LVL_L2: u64 = 0x0020;
    pub const PERF_MEM_LVL_L3: u64 = 0x0040;
    pub const PERF_MEM_LVL_LOC_RAM: u64 = 0x0080;
    pub const PERF_MEM_LVL_REM_RAM1: u64 = 0x0100;
    pub const PERF_MEM_LVL_REM_RAM2: u64 = 0x0200;
    pub const PERF_MEM_LVL_REM_CCE1: u64 = 0x0400;
    pub const PERF_MEM_LVL_REM_CCE2: u64 = 0x0800;
    pub const PERF_MEM_LVL_IO: u64 = 0x1000;
    pub const PERF_MEM_LVL_UNC: u64 = 0x2000;
    pub const PERF_MEM_LVL_SHIFT: u64 = 5;

    /// `mem_remote`.
    pub const PERF_MEM_REMOTE_REMOTE: u64 = 0x0001;
    pub const PERF_MEM_REMOTE_SHIFT: u64 = 37;

    /// `mem_lvl_num`.
    pub const PERF_MEM_LVLNUM_L1: u64 = 0x0001;
    pub const PERF_MEM_LVLNUM_L2: u64 = 0x0002;
    pub const PERF_MEM_LVLNUM_L3: u64 = 0x0003;
    pub const PERF_MEM_LVLNUM_L4: u64 = 0x0004;
    /// L2 miss handling buffer.
    pub const PERF_MEM_LVLNUM_L2_MHB: u64 = 0x0005;
    /// Memory-side cache.
    pub const PERF_MEM_LVLNUM_MSC: u64 = 0x0006;
    pub const PERF_MEM_LVLNUM_L0: u64 = 0x0007;
    pub const PERF_MEM_LVLNUM_UNC: u64 = 0x0008;
    pub const PERF_MEM_LVLNUM_CXL: u64 = 0x0009;
    pub const PERF_MEM_LVLNUM_IO: u64 = 0x000a;
    pub const PERF_MEM_LVLNUM_ANY_CACHE: u64 = 0x000b;
    /// Line fill buffer, L1 miss handling buffer.
    pub const PERF_MEM_LVLNUM_LFB: u64 = 0x000c;
    pub const PERF_MEM_LVLNUM_RAM: u64 = 0x000d;
    pub const PERF_MEM_LVLNUM_PMEM: u64 = 0x000e;
    pub const PERF_MEM_LVLNUM_NA: u64 = 0x000f;
    pub const PERF_MEM_LVLNUM_SHIFT: u64 = 33;

    /// `mem_snoop`.
    pub const PERF_MEM_SNOOP_NA: u64 = 0x0001;
    pub const PERF_MEM_SNOOP_NONE: u64 = 0x0002;
    pub const PERF_MEM_SNOOP_HIT: u64 = 0x0004;
    pub const PERF_MEM_SNOOP_MISS: u64 = 0x0008;
    /// Hit a modified line.
    pub const PERF_MEM_SNOOP_HITM: u64 = 0x0010;
    pub const PERF_MEM_SNOOP_SHIFT: u64 = 19;

    /// `mem_snoopx`.
    pub const PERF_MEM_SNOOPX_FWD: u64 = 0x0001;
    /// Transferred from a peer.
    pub const PERF_MEM_SNOOPX_PEER: u64 = 0x0002;
    pub const PERF_MEM_SNOOPX_SHIFT: u64 = 38;

    /// `mem_lock`.
    pub const PERF_MEM_LOCK_NA: u64 = 0x0001;
    pub const PERF_MEM_LOCK_LOCKED: u64 = 0x0002;
    pub const PERF_MEM_LOCK_SHIFT: u64 = 24;

    /// `mem_dtlb`.
    pub const PERF_MEM_TLB_NA: u64 = 0x0001;
    pub const PERF_MEM_TLB_HIT: u64 = 0x0002;
    pub const PERF_MEM_TLB_MISS: u64 = 0x0004;
    pub const PERF_MEM_TLB_L1: u64 = 0x0008;
    pub const PERF_MEM_TLB_L2: u64 = 0x0010;
    /// The hardware walker.
    pub const PERF_MEM_TLB_WK: u64 = 0x0020;
    /// The operating system's fault handler.
    pub const PERF_MEM_TLB_OS: u64 = 0x0040;
    pub const PERF_MEM_TLB_SHIFT: u64 = 26;

    /// `mem_blk`.
    pub const PERF_MEM_BLK_NA: u64 = 0x0001;
    /// The data could not be forwarded.
    pub const PERF_MEM_BLK_DATA: u64 = 0x0002;
    /// An address conflict.
    pub const PERF_MEM_BLK_ADDR: u64 = 0x0004;
    pub const PERF_MEM_BLK_SHIFT: u64 = 40;

    /// `mem_hops`.
    pub const PERF_MEM_HOPS_0: u64 = 0x0001;
    pub const PERF_MEM_HOPS_1: u64 = 0x0002;
    pub const PERF_MEM_HOPS_2: u64 = 0x0003;
    pub const PERF_MEM_HOPS_3: u64 = 0x0004;
    pub const PERF_MEM_HOPS_SHIFT: u64 = 43;

    /// `mem_region`.
    pub const PERF_MEM_REGION_NA: u64 = 0x0;
    pub const PERF_MEM_REGION_RSVD: u64 = 0x01;
    pub const PERF_MEM_REGION_L_SHARE: u64 = 0x02;
    pub const PERF_MEM_REGION_L_NON_SHARE: u64 = 0x03;
    pub const PERF_MEM_REGION_O_IO: u64 = 0x04;
    pub const PERF_MEM_REGION_O_SHARE: u64 = 0x05;
    pub const PERF_MEM_REGION_O_NON_SHARE: u64 = 0x06;
    pub const PERF_MEM_REGION_MMIO: u64 = 0x07;
    pub const PERF_MEM_REGION_MEM0: u64 = 0x08;
    pub const PERF_MEM_REGION_MEM1: u64 = 0x09;
    pub const PERF_MEM_REGION_MEM2: u64 = 0x0a;
    pub const PERF_MEM_REGION_MEM3: u64 = 0x0b;
    pub const PERF_MEM_REGION_MEM4: u64 = 0x0c;
    pub const PERF_MEM_REGION_MEM5: u64 = 0x0d;
    pub const PERF_MEM_REGION_MEM6: u64 = 0x0e;
    pub const PERF_MEM_REGION_MEM7: u64 = 0x0f;
    pub const PERF_MEM_REGION_SHIFT: u64 = 46;

    /// `PERF_MEM_S(LVL, HIT)`: a value of one `perf_mem_data_src` field (`PERF_MEM_LVL_HIT`)
    /// shifted into place (`PERF_MEM_LVL_SHIFT`), as a `__u64`. A C macro alone: its field and
    /// value are pasted into names, which Rust has no counterpart of; in Rust write
    /// `PERF_MEM_LVL_HIT << PERF_MEM_LVL_SHIFT`.
    #[uabi(c_macro)]
    macro_rules! PERF_MEM_S {
        (a, s) => { ((__u64)PERF_MEM_ ## a ## _ ## s) << PERF_MEM_ ## a ## _SHIFT };
    }

    /// One taken branch of a `PERF_SAMPLE_BRANCH_STACK`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct PerfBranchEntry {
        /// The source instruction.
        pub from: u64,
        /// The branch target.
        pub to: u64,
        #[bits {
            /// The target was mispredicted.
            mispred: 1,
            /// The target was predicted.
            predicted: 1,
            /// In a transaction.
            in_tx: 1,
            /// A transaction abort.
            abort: 1,
            /// Cycles since the last branch (0 when not supported).
            cycles: 16,
            /// `PERF_BR_*`.
            r#type: 4,
            /// `PERF_BR_SPEC_*`.
            spec: 2,
            /// `PERF_BR_NEW_*`, with `PERF_BR_EXTEND_ABI`.
            new_type: 4,
            /// `PERF_BR_PRIV_*`.
            r#priv: 3,
            reserved: 31,
        }]
        pub flags: u64,
    }

    /// The bits of `perf_branch_entry` that carry information.
    pub const PERF_BRANCH_ENTRY_INFO_BITS_MAX: u32 = 33;

    /// `PERF_SAMPLE_WEIGHT_STRUCT`'s three weights, in the order that makes `var1_dw` the low
    /// half of `full` on both byte orders.
    #[uabi(anonymous, arch(x86, arm64, arm, riscv, loongarch, alpha, s390, sparc, m68k, parisc))]
    #[derive(Clone, Copy, Default)]
    pub struct PerfSampleWeightParts {
        #[uabi(arch(x86, arm64, arm, riscv, loongarch, alpha))]
        pub var1_dw: u32,
        #[uabi(arch(x86, arm64, arm, riscv, loongarch, alpha))]
        pub var2_w: u16,
        #[uabi(arch(x86, arm64, arm, riscv, loongarch, alpha))]
        pub var3_w: u16,
        #[uabi(arch(s390, sparc, m68k, parisc))]
        pub var3_w: u16,
        #[uabi(arch(s390, sparc, m68k, parisc))]
        pub var2_w: u16,
        #[uabi(arch(s390, sparc, m68k, parisc))]
        pub var1_dw: u32,
    }

    /// The weight of a sample: one word (`PERF_SAMPLE_WEIGHT`) or three
    /// (`PERF_SAMPLE_WEIGHT_STRUCT`).
    #[derive(Clone, Copy, Default)]
    pub union PerfSampleWeight {
        pub full: u64,
        #[uabi(anonymous, arch(x86, arm64, arm, riscv, loongarch, alpha, s390, sparc, m68k, parisc))]
        pub parts: PerfSampleWeightParts,
    }
}
