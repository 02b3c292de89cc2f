//! The part of the KVM UAPI (`<linux/kvm.h>`, with the register structs of `<asm/kvm.h>` for
//! x86 and arm64) that a minimal virtual machine monitor needs, defined with uabi. The module's
//! documentation (also the banner of the generated C header) says what is covered, what is per
//! architecture, and where the definition deviates from Linux's header.

/// KVM, the kernel's virtual machine interface (`<linux/kvm.h>`): the subset a small VMM uses
/// to create a VM, give it memory, create a vCPU, set its registers and run it until it
/// exits for port I/O, MMIO, `hlt` or a failure.
///
/// KVM has three kinds of file descriptor, and every ioctl names the one it is issued on:
///
/// - `system`: `/dev/kvm` itself (`KVM_GET_API_VERSION`, `KVM_CREATE_VM`,
///   `KVM_CHECK_EXTENSION`, `KVM_GET_VCPU_MMAP_SIZE`, `KVM_GET_MSR_INDEX_LIST`);
/// - `vm`: the file `KVM_CREATE_VM` returns (`KVM_SET_USER_MEMORY_REGION`, `KVM_CREATE_VCPU`,
///   `KVM_GET_CLOCK`);
/// - `vcpu`: the file `KVM_CREATE_VCPU` returns (`KVM_RUN`, the register ioctls). Mapping its
///   first `KVM_GET_VCPU_MMAP_SIZE` bytes gives the shared `struct kvm_run`.
///
/// Unlike VFIO, KVM encodes the argument size in the request number (`_IOR`, `_IOW`,
/// `_IOWR`), so a struct that changes size is a new ioctl.
///
/// # Items per architecture
///
/// `<asm/kvm.h>` (the nested module `asm`) holds each architecture's registers: for x86
/// `kvm_regs`, `kvm_segment`, `kvm_dtable`, `kvm_sregs`, `kvm_msr_list`, `kvm_vcpu_events`
/// and `kvm_sync_regs`; for arm64 `kvm_regs` (with `user_pt_regs` and `user_fpsimd_state`,
/// which it takes from `<asm/ptrace.h>` as Linux's does) and `kvm_sync_regs`. The register
/// ioctls (`KVM_GET_REGS` ...) exist where their struct does, each with the number its
/// architecture's struct size gives. One generated header serves every architecture: each
/// part sits in an `#if` on the compiler's own macros (`__x86_64__`, `__aarch64__`).
///
/// # Where this definition deviates from Linux, and why
///
/// 1. Only the exits a small VMM reads are members of `kvm_run`'s exit union: `hw`,
///    `fail_entry`, `ex`, `io`, `mmio`, `hypercall`, `internal` and `system_event`; the others
///    are reached through `padding`. Each is Linux's untagged struct member (`run->mmio.len`
///    compiles unchanged); Rust names their types (`KvmRunMmio`) and the anonymous union
///    (`run.exit.mmio`).
/// 2. `mmio` and `fail_entry` end in an explicit `__pad` member where Linux's struct has 3
///    and 4 bytes of implicit tail padding: the same bytes, named.
/// 3. `kvm_run`'s `s` union has the register member `regs` on x86 and arm64 only, its
///    `padding` everywhere.
/// 4. `<asm/kvm.h>` has one include guard for all architectures (`_ASM_KVM_H`), not Linux's
///    per-architecture guards, so it does not combine with an installed `<asm/kvm.h>`.
/// 5. The generated header defines only what is listed here, far fewer names than Linux's.
#[uabi::abi(header = "linux/kvm.h", guard = "__LINUX_KVM_H", includes = ["linux/const.h", "linux/stddef.h"])]
#[allow(non_upper_case_globals)]
pub mod kvm {
    /// The version `KVM_GET_API_VERSION` returns; it has not changed since Linux 2.6.22, and a
    /// VMM refuses any other.
    pub const KVM_API_VERSION: i32 = 12;

    /// The ioctl type byte of every KVM request.
    pub const KVMIO: u8 = 0xAE;

    // ---------------------------------------------------------------------------------------
    // /dev/kvm
    // ---------------------------------------------------------------------------------------

    /// `_IO(KVMIO, 0x00)`: returns `KVM_API_VERSION`.
    #[uabi(namespace = system)]
    pub const KVM_GET_API_VERSION: Ioctl = io!(KVMIO, 0x00);

    /// `_IO(KVMIO, 0x01)`: creates a VM and returns its file descriptor. The argument, passed
    /// by value, is the machine type (0 on x86).
    #[uabi(namespace = system)]
    pub const KVM_CREATE_VM: Ioctl = io!(KVMIO, 0x01);

    /// `_IOWR(KVMIO, 0x02, struct kvm_msr_list)` (x86): lists the MSRs that KVM saves and
    /// restores for a vCPU.
    #[uabi(namespace = system, arch = x86)]
    pub const KVM_GET_MSR_INDEX_LIST: Ioctl<KvmMsrList> = iowr!(KVMIO, 0x02, KvmMsrList);

    /// `_IO(KVMIO, 0x03)`: the argument, passed by value, is a `KVM_CAP_*` number; returns 0
    /// when the capability is absent, a positive value (often a limit) when present. Also
    /// valid on a VM file, where the answer may be specific to that VM.
    #[uabi(namespace = system)]
    pub const KVM_CHECK_EXTENSION: Ioctl = io!(KVMIO, 0x03);

    /// `_IO(KVMIO, 0x04)`: returns how many bytes of a vCPU file to mmap for its `kvm_run`
    /// (the struct plus the pages the kernel places after it, such as port I/O data).
    #[uabi(namespace = system)]
    pub const KVM_GET_VCPU_MMAP_SIZE: Ioctl = io!(KVMIO, 0x04);

    /// Capability: guest memory is provided by `KVM_SET_USER_MEMORY_REGION`.
    pub const KVM_CAP_USER_MEMORY: u32 = 3;
    /// Capability: the recommended number of vCPUs per VM.
    pub const KVM_CAP_NR_VCPUS: u32 = 9;
    /// Capability: the largest number of vCPUs per VM.
    pub const KVM_CAP_MAX_VCPUS: u32 = 66;
    /// Capability: `kvm_run.immediate_exit` is honoured.
    pub const KVM_CAP_IMMEDIATE_EXIT: u32 = 136;

    // ---------------------------------------------------------------------------------------
    // The VM file
    // ---------------------------------------------------------------------------------------

    /// Argument of `KVM_SET_USER_MEMORY_REGION`: maps `memory_size` bytes of the caller's
    /// address space at `userspace_addr` into guest physical memory at `guest_phys_addr`, as
    /// slot `slot`. A `memory_size` of 0 deletes the slot. Addresses and the size must be
    /// page-aligned.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmUserspaceMemoryRegion {
        /// Slot number (address space in bits 16..32 where several exist).
        pub slot: u32,
        /// How the slot behaves.
        #[flags {
            /// Track writes to the slot for `KVM_GET_DIRTY_LOG`.
            #[uabi(c_suffix = "UL")]
            KVM_MEM_LOG_DIRTY_PAGES = 1 << 0,
            /// Guest writes to the slot exit to user space as MMIO instead.
            #[uabi(c_suffix = "UL")]
            KVM_MEM_READONLY = 1 << 1,
        }]
        pub flags: u32,
        /// Guest physical address of the slot's first byte.
        pub guest_phys_addr: u64,
        /// Length of the slot in bytes.
        pub memory_size: u64,
        /// Address of the backing memory in the calling process.
        pub userspace_addr: u64,
    }

    /// `_IO(KVMIO, 0x41)`: creates a vCPU and returns its file descriptor. The argument,
    /// passed by value, is the vCPU id (the APIC id on x86).
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_VCPU: Ioctl = io!(KVMIO, 0x41);

    /// `_IOW(KVMIO, 0x46, struct kvm_userspace_memory_region)`: creates, moves or deletes a
    /// memory slot.
    #[uabi(namespace = vm)]
    pub const KVM_SET_USER_MEMORY_REGION: Ioctl<KvmUserspaceMemoryRegion> =
        iow!(KVMIO, 0x46, KvmUserspaceMemoryRegion);

    /// Argument of `KVM_GET_CLOCK` (x86): the VM's kvmclock, in nanoseconds.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmClockData {
        /// The guest's clock, in nanoseconds.
        pub clock: u64,
        /// Which of the fields below the kernel filled in.
        #[flags {
            /// The clock is stable across vCPUs (1 is skipped: an old answer used it).
            KVM_CLOCK_TSC_STABLE = 2,
            /// `realtime` holds the host's wall clock at the time of `clock`.
            KVM_CLOCK_REALTIME = 1 << 2,
            /// `host_tsc` holds the host's TSC at the time of `clock`.
            KVM_CLOCK_HOST_TSC = 1 << 3,
        }]
        pub flags: u32,
        /// Unused.
        pub pad0: u32,
        /// Host `CLOCK_REALTIME` in nanoseconds, with `KVM_CLOCK_REALTIME`.
        pub realtime: u64,
        /// Host TSC value, with `KVM_CLOCK_HOST_TSC`.
        pub host_tsc: u64,
        /// Unused.
        pub pad: [u32; 4],
    }

    /// `_IOR(KVMIO, 0x7c, struct kvm_clock_data)` (x86): reads the VM's kvmclock.
    #[uabi(namespace = vm)]
    pub const KVM_GET_CLOCK: Ioctl<KvmClockData> = ior!(KVMIO, 0x7c, KvmClockData);

    // ---------------------------------------------------------------------------------------
    // The vCPU file and its shared kvm_run
    // ---------------------------------------------------------------------------------------

    /// Exit reason: none of the others; `hw.hardware_exit_reason` has the hardware's code.
    pub const KVM_EXIT_UNKNOWN: u32 = 0;
    /// Exit reason: the guest raised an exception user space must handle.
    pub const KVM_EXIT_EXCEPTION: u32 = 1;
    /// Exit reason: the guest accessed an I/O port; see `io`.
    pub const KVM_EXIT_IO: u32 = 2;
    /// Exit reason: a hypercall for user space.
    pub const KVM_EXIT_HYPERCALL: u32 = 3;
    /// Exit reason: a debug event (breakpoint, single step).
    pub const KVM_EXIT_DEBUG: u32 = 4;
    /// Exit reason: the guest executed `hlt` and the in-kernel local APIC is not used.
    pub const KVM_EXIT_HLT: u32 = 5;
    /// Exit reason: the guest accessed memory no slot backs.
    pub const KVM_EXIT_MMIO: u32 = 6;
    /// Exit reason: the guest can take an interrupt now (requested with
    /// `request_interrupt_window`).
    pub const KVM_EXIT_IRQ_WINDOW_OPEN: u32 = 7;
    /// Exit reason: the guest triple-faulted or otherwise shut down; the vCPU cannot go on.
    pub const KVM_EXIT_SHUTDOWN: u32 = 8;
    /// Exit reason: the hardware refused to enter the guest (invalid guest state); see
    /// `fail_entry`.
    pub const KVM_EXIT_FAIL_ENTRY: u32 = 9;
    /// Exit reason: a signal interrupted `KVM_RUN`.
    pub const KVM_EXIT_INTR: u32 = 10;
    /// Exit reason: the guest wrote the task priority register.
    pub const KVM_EXIT_SET_TPR: u32 = 11;
    /// Exit reason: the guest accessed the TPR while it was being tracked.
    pub const KVM_EXIT_TPR_ACCESS: u32 = 12;
    /// Exit reason: an s390 SIE intercept.
    pub const KVM_EXIT_S390_SIEIC: u32 = 13;
    /// Exit reason: an s390 reset request.
    pub const KVM_EXIT_S390_RESET: u32 = 14;
    /// Exit reason: a PowerPC DCR access (no longer produced).
    pub const KVM_EXIT_DCR: u32 = 15;
    /// Exit reason: a non-maskable interrupt.
    pub const KVM_EXIT_NMI: u32 = 16;
    /// Exit reason: KVM itself could not go on (for example it failed to emulate an
    /// instruction); see `internal`.
    pub const KVM_EXIT_INTERNAL_ERROR: u32 = 17;
    /// Exit reason: the guest requested a system event (shutdown, reset, crash).
    pub const KVM_EXIT_SYSTEM_EVENT: u32 = 24;

    /// `internal.suberror`: an instruction could not be emulated.
    pub const KVM_INTERNAL_ERROR_EMULATION: u32 = 1;
    /// `internal.suberror`: an exception happened while another was being delivered.
    pub const KVM_INTERNAL_ERROR_SIMUL_EX: u32 = 2;
    /// `internal.suberror`: an event could not be delivered to the guest.
    pub const KVM_INTERNAL_ERROR_DELIVERY_EV: u32 = 3;
    /// `internal.suberror`: the hardware exited for a reason KVM does not handle.
    pub const KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON: u32 = 4;

    /// `kvm_run.hw`, for `KVM_EXIT_UNKNOWN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunHw {
        /// The hardware's exit code (VMX exit reason, SVM exit code ...).
        pub hardware_exit_reason: u64,
    }

    /// `kvm_run.fail_entry`, for `KVM_EXIT_FAIL_ENTRY`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunFailEntry {
        /// The hardware's reason for refusing the entry.
        pub hardware_entry_failure_reason: u64,
        /// The host CPU the entry was tried on.
        pub cpu: u32,
        /// Linux's implicit tail padding, named.
        pub __pad: u32,
    }

    /// `kvm_run.ex`, for `KVM_EXIT_EXCEPTION`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunEx {
        /// The exception vector.
        pub exception: u32,
        /// Its error code.
        pub error_code: u32,
    }

    /// `direction` of `kvm_run.io`: the guest reads the port.
    pub const KVM_EXIT_IO_IN: u8 = 0;
    /// `direction` of `kvm_run.io`: the guest writes the port.
    pub const KVM_EXIT_IO_OUT: u8 = 1;

    /// `kvm_run.io`, for `KVM_EXIT_IO`: the guest executed `in`/`out` (or their string
    /// forms). The data is `count` items of `size` bytes at `data_offset` from the start of
    /// the mapped `kvm_run`; for `in`, user space stores the data there before the next
    /// `KVM_RUN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunIo {
        /// `KVM_EXIT_IO_IN` or `KVM_EXIT_IO_OUT`.
        pub direction: u8,
        /// Width of one access in bytes (1, 2 or 4).
        pub size: u8,
        /// The I/O port.
        pub port: u16,
        /// Number of accesses (more than 1 for `rep ins`/`rep outs`).
        pub count: u32,
        /// Where the data is, in bytes from the start of the mapped `kvm_run`.
        pub data_offset: u64,
    }

    /// `kvm_run.mmio`, for `KVM_EXIT_MMIO`: the guest accessed memory no slot backs. For a
    /// read, user space stores the `len` bytes in `data` before the next `KVM_RUN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunMmio {
        /// The guest physical address accessed.
        pub phys_addr: u64,
        /// The bytes written, or room for the bytes read.
        pub data: [u8; 8],
        /// Bytes accessed (1 to 8).
        pub len: u32,
        /// 1 for a write.
        pub is_write: u8,
        /// Linux's implicit tail padding, named.
        pub __pad: [u8; 3],
    }

    /// `longmode` (the guest was in 64-bit mode) or the `KVM_EXIT_HYPERCALL_*` flags.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union KvmRunHypercallFlags {
        /// Nonzero for a 64-bit guest (the older name of the flags' first bit).
        pub longmode: u32,
        /// `KVM_EXIT_HYPERCALL_LONG_MODE` and others.
        pub flags: u64,
    }

    /// `kvm_run.hypercall`, for `KVM_EXIT_HYPERCALL`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunHypercall {
        /// The hypercall number.
        pub nr: u64,
        /// Its arguments.
        pub args: [u64; 6],
        /// User space's return value.
        pub ret: u64,
        #[uabi(anonymous)]
        pub mode: KvmRunHypercallFlags,
    }

    /// `kvm_run.internal`, for `KVM_EXIT_INTERNAL_ERROR`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunInternal {
        /// What went wrong (`KVM_INTERNAL_ERROR_*`).
        pub suberror: u32,
        /// How many entries of `data` are meaningful (with `KVM_CAP_INTERNAL_ERROR_DATA`).
        pub ndata: u32,
        /// Suberror-specific diagnostics.
        pub data: [u64; 16],
    }

    /// `system_event.type`: the guest shut down.
    pub const KVM_SYSTEM_EVENT_SHUTDOWN: u32 = 1;
    /// `system_event.type`: the guest asked for a reset.
    pub const KVM_SYSTEM_EVENT_RESET: u32 = 2;
    /// `system_event.type`: the guest crashed.
    pub const KVM_SYSTEM_EVENT_CRASH: u32 = 3;

    /// The event's data: the older single `flags` word, or `ndata` words.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union KvmRunSystemEventData {
        /// The first word, under its older name.
        pub flags: u64,
        /// The event's data words.
        pub data: [u64; 16],
    }

    /// `kvm_run.system_event`, for `KVM_EXIT_SYSTEM_EVENT`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub struct KvmRunSystemEvent {
        /// `KVM_SYSTEM_EVENT_*`.
        pub r#type: u32,
        /// How many entries of `data` are meaningful.
        pub ndata: u32,
        #[uabi(anonymous)]
        pub payload: KvmRunSystemEventData,
    }

    /// The exit information of `kvm_run` (an anonymous union in C): which member is valid
    /// depends on `exit_reason`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union KvmRunExit {
        /// `KVM_EXIT_UNKNOWN`.
        pub hw: KvmRunHw,
        /// `KVM_EXIT_FAIL_ENTRY`.
        pub fail_entry: KvmRunFailEntry,
        /// `KVM_EXIT_EXCEPTION`.
        pub ex: KvmRunEx,
        /// `KVM_EXIT_IO`.
        pub io: KvmRunIo,
        /// `KVM_EXIT_MMIO`.
        pub mmio: KvmRunMmio,
        /// `KVM_EXIT_HYPERCALL`.
        pub hypercall: KvmRunHypercall,
        /// `KVM_EXIT_INTERNAL_ERROR`.
        pub internal: KvmRunInternal,
        /// `KVM_EXIT_SYSTEM_EVENT`.
        pub system_event: KvmRunSystemEvent,
        /// The whole union as bytes; fixes its size at 256.
        #[uabi(char)]
        pub padding: [u8; 256],
    }

    /// The size of `kvm_run.s`.
    pub const SYNC_REGS_SIZE_BYTES: u32 = 2048;

    /// The area of `kvm_run` where `KVM_CAP_SYNC_REGS` shares registers with the kernel.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union KvmRunSync {
        /// The shared registers (x86 and arm64 here).
        #[uabi(arch(x86, arm64))]
        pub regs: KvmSyncRegs,
        /// The area as bytes.
        #[uabi(char)]
        pub padding: [u8; SYNC_REGS_SIZE_BYTES as usize],
    }

    /// The shared page of a vCPU, mapped from offset 0 of its file: the inputs of the next
    /// `KVM_RUN` and the outputs of the last one. Reached only through `mmap`, never passed to
    /// an ioctl.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct KvmRun {
        /// In: exit with `KVM_EXIT_IRQ_WINDOW_OPEN` as soon as an interrupt can be injected.
        pub request_interrupt_window: u8,
        /// In: return from `KVM_RUN` with EINTR before entering the guest.
        pub immediate_exit: u8,
        /// Unused.
        pub padding1: [u8; 6],
        /// Out: why `KVM_RUN` returned (`KVM_EXIT_*`).
        pub exit_reason: u32,
        /// Out: an interrupt can be injected now.
        pub ready_for_interrupt_injection: u8,
        /// Out: the guest's interrupt flag.
        pub if_flag: u8,
        /// Out: architecture-specific exit flags.
        pub flags: u16,
        /// In and out: the CR8 (task priority) register.
        pub cr8: u64,
        /// In and out: the APIC base MSR.
        pub apic_base: u64,
        /// s390: the upper half of the processor status word.
        #[uabi(arch = s390)]
        pub psw_mask: u64,
        /// s390: the lower half of the processor status word.
        #[uabi(arch = s390)]
        pub psw_addr: u64,
        /// Out: details of the exit, by `exit_reason`.
        #[uabi(anonymous)]
        pub exit: KvmRunExit,
        /// Which register sets the kernel stored in `s` (`KVM_CAP_SYNC_REGS`).
        pub kvm_valid_regs: u64,
        /// Which register sets in `s` user space changed.
        pub kvm_dirty_regs: u64,
        /// The shared register area.
        pub s: KvmRunSync,
    }

    /// `_IO(KVMIO, 0x80)`: runs the vCPU until it exits; the reason is in the mapped
    /// `kvm_run`.
    #[uabi(namespace = vcpu)]
    pub const KVM_RUN: Ioctl = io!(KVMIO, 0x80);

    /// `_IOR(KVMIO, 0x81, struct kvm_regs)`: reads the vCPU's general registers.
    #[uabi(namespace = vcpu, arch(x86, arm64))]
    pub const KVM_GET_REGS: Ioctl<KvmRegs> = ior!(KVMIO, 0x81, KvmRegs);
    /// `_IOW(KVMIO, 0x82, struct kvm_regs)`: writes the vCPU's general registers.
    #[uabi(namespace = vcpu, arch(x86, arm64))]
    pub const KVM_SET_REGS: Ioctl<KvmRegs> = iow!(KVMIO, 0x82, KvmRegs);
    /// `_IOR(KVMIO, 0x83, struct kvm_sregs)` (x86): reads the special registers.
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_SREGS: Ioctl<KvmSregs> = ior!(KVMIO, 0x83, KvmSregs);
    /// `_IOW(KVMIO, 0x84, struct kvm_sregs)` (x86): writes the special registers.
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_SREGS: Ioctl<KvmSregs> = iow!(KVMIO, 0x84, KvmSregs);

    /// Each architecture's registers, as Linux's `arch/*/include/uapi/asm/kvm.h` defines them.
    #[uabi(header = "asm/kvm.h")]
    pub mod asm {
        // -------------------------------------------------------------------------------
        // x86 (i386 and x86_64 share these)
        // -------------------------------------------------------------------------------

        /// The general-purpose registers of an x86 vCPU.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmRegs {
            pub rax: u64,
            pub rbx: u64,
            pub rcx: u64,
            pub rdx: u64,
            pub rsi: u64,
            pub rdi: u64,
            pub rsp: u64,
            pub rbp: u64,
            pub r8: u64,
            pub r9: u64,
            pub r10: u64,
            pub r11: u64,
            pub r12: u64,
            pub r13: u64,
            pub r14: u64,
            pub r15: u64,
            /// The instruction pointer.
            pub rip: u64,
            /// The flags register; bit 1 always reads as 1.
            pub rflags: u64,
        }

        /// A segment register with its hidden descriptor cache.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSegment {
            /// Linear base address.
            pub base: u64,
            /// Segment limit, in bytes (already scaled when `g` is set).
            pub limit: u32,
            /// The selector value.
            pub selector: u16,
            /// Descriptor type (code/data, accessed, writable ...).
            pub r#type: u8,
            /// Present bit.
            pub present: u8,
            /// Descriptor privilege level.
            pub dpl: u8,
            /// Default operand size (0: 16-bit, 1: 32-bit).
            pub db: u8,
            /// Code or data segment (1) rather than a system segment (0).
            pub s: u8,
            /// 64-bit code segment.
            pub l: u8,
            /// Granularity: the limit counts 4 KiB pages.
            pub g: u8,
            /// Available for system software.
            pub avl: u8,
            /// The segment is unusable (a null selector was loaded).
            pub unusable: u8,
            /// Unused.
            pub padding: u8,
        }

        /// A descriptor-table register (GDTR, IDTR).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmDtable {
            /// Linear base address of the table.
            pub base: u64,
            /// Size of the table minus one.
            pub limit: u16,
            /// Unused.
            pub padding: [u16; 3],
        }

        /// Number of interrupt vectors, the bits of `kvm_sregs.interrupt_bitmap`.
        #[uabi(arch = x86)]
        pub const KVM_NR_INTERRUPTS: u32 = 256;

        /// The special registers of an x86 vCPU: segments, descriptor tables, control
        /// registers, EFER, the APIC base and pending interrupts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSregs {
            pub cs: KvmSegment,
            pub ds: KvmSegment,
            pub es: KvmSegment,
            pub fs: KvmSegment,
            pub gs: KvmSegment,
            pub ss: KvmSegment,
            /// Task register.
            pub tr: KvmSegment,
            /// Local descriptor table register.
            pub ldt: KvmSegment,
            /// Global descriptor table register.
            pub gdt: KvmDtable,
            /// Interrupt descriptor table register.
            pub idt: KvmDtable,
            pub cr0: u64,
            pub cr2: u64,
            pub cr3: u64,
            pub cr4: u64,
            pub cr8: u64,
            /// The EFER MSR (long mode enable ...).
            pub efer: u64,
            /// The APIC base MSR.
            pub apic_base: u64,
            /// One bit per vector (`KVM_NR_INTERRUPTS` of them): an interrupt pending injection.
            pub interrupt_bitmap: [u64; KVM_NR_INTERRUPTS as usize / 64],
        }

        /// Argument of `KVM_GET_MSR_INDEX_LIST`: the caller sets `nmsrs` to the room in
        /// `indices`; the kernel stores the number of MSRs it saves and restores, and fails
        /// with E2BIG if they did not fit.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrList {
            /// Room in `indices` on input, number of MSRs on output.
            pub nmsrs: u32,
            /// The MSR numbers.
            #[uabi(counted_by = nmsrs)]
            pub indices: [u32],
        }

        /// `kvm_vcpu_events.exception`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVcpuEventsException {
            pub injected: u8,
            pub nr: u8,
            pub has_error_code: u8,
            pub pending: u8,
            pub error_code: u32,
        }

        /// `kvm_vcpu_events.interrupt`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVcpuEventsInterrupt {
            pub injected: u8,
            pub nr: u8,
            pub soft: u8,
            pub shadow: u8,
        }

        /// `kvm_vcpu_events.nmi`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVcpuEventsNmi {
            pub injected: u8,
            pub pending: u8,
            pub masked: u8,
            pub pad: u8,
        }

        /// `kvm_vcpu_events.smi`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVcpuEventsSmi {
            pub smm: u8,
            pub pending: u8,
            pub smm_inside_nmi: u8,
            pub latched_init: u8,
        }

        /// `kvm_vcpu_events.triple_fault`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVcpuEventsTripleFault {
            pub pending: u8,
        }

        /// Pending exceptions, interrupts, NMIs and SMIs of an x86 vCPU.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmVcpuEvents {
            pub exception: KvmVcpuEventsException,
            pub interrupt: KvmVcpuEventsInterrupt,
            pub nmi: KvmVcpuEventsNmi,
            pub sipi_vector: u32,
            /// `KVM_VCPUEVENT_VALID_*`.
            pub flags: u32,
            pub smi: KvmVcpuEventsSmi,
            pub triple_fault: KvmVcpuEventsTripleFault,
            pub reserved: [u8; 26],
            pub exception_has_payload: u8,
            pub exception_payload: u64,
        }

        /// The registers `kvm_run.s.regs` shares with the kernel (`KVM_CAP_SYNC_REGS`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSyncRegs {
            pub regs: KvmRegs,
            pub sregs: KvmSregs,
            pub events: KvmVcpuEvents,
        }

        // -------------------------------------------------------------------------------
        // arm64
        // -------------------------------------------------------------------------------

        /// The AArch64 general registers, as `<asm/ptrace.h>` defines them for ptrace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64, defined_in = "asm/ptrace.h")]
        pub struct UserPtRegs {
            /// X0 to X30.
            pub regs: [u64; 31],
            /// SP_EL0.
            pub sp: u64,
            /// The program counter.
            pub pc: u64,
            /// PSTATE.
            pub pstate: u64,
        }

        /// The AArch64 floating-point and SIMD registers, as `<asm/ptrace.h>` defines them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64, defined_in = "asm/ptrace.h")]
        pub struct UserFpsimdState {
            /// V0 to V31.
            pub vregs: [u128; 32],
            pub fpsr: u32,
            pub fpcr: u32,
            pub __reserved: [u32; 2],
        }

        /// The number of banked SPSRs.
        #[uabi(arch = arm64)]
        pub const KVM_NR_SPSR: u32 = 5;

        /// The core registers of an arm64 vCPU, as `KVM_GET_ONE_REG` addresses them by offset
        /// (`KVM_REG_ARM_CORE_REG`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmRegs {
            /// The general registers (`sp` is SP_EL0).
            pub regs: UserPtRegs,
            pub sp_el1: u64,
            pub elr_el1: u64,
            pub spsr: [u64; KVM_NR_SPSR as usize],
            /// Linux's implicit padding before the 16-aligned `fp_regs`, named.
            pub __pad: u64,
            pub fp_regs: UserFpsimdState,
        }

        /// The registers `kvm_run.s.regs` shares with the kernel (`KVM_CAP_SYNC_REGS`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmSyncRegs {
            /// The interrupt lines of the in-kernel devices (with `KVM_CAP_ARM_USER_IRQ`).
            pub device_irq_level: u64,
        }
    }
}
