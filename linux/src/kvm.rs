//! The part of the KVM UAPI (`<linux/kvm.h>`, with the x86 structs of `<asm/kvm.h>`) that a
//! minimal virtual machine monitor needs, defined with uabi. The module's documentation (also
//! the banner of the generated C header) says what is covered, what is x86-only, and where the
//! definition deviates from Linux's header.

/// KVM, the kernel's virtual machine interface (`<linux/kvm.h>`): the subset a small VMM uses
/// to create a VM, give it memory, create a vCPU, set its registers and run it until it
/// exits for port I/O, `hlt` or a failure.
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
/// # x86-only items
///
/// `kvm_regs`, `kvm_segment`, `kvm_dtable`, `kvm_sregs`, `kvm_msr_list`, `kvm_clock_data`,
/// `KVM_NR_INTERRUPTS`, the `KVM_CLOCK_*` flags and the ioctls that carry these structs
/// (`KVM_GET_REGS`, `KVM_SET_REGS`, `KVM_GET_SREGS`, `KVM_SET_SREGS`,
/// `KVM_GET_MSR_INDEX_LIST`, `KVM_GET_CLOCK`) are x86's (i386 and x86_64 share them). Other
/// architectures declare structs of the same names with other contents, so there these request
/// numbers differ from Linux's. The definitions still have one layout on every architecture
/// (every field at its natural offset, no implicit padding), so the generated header compiles
/// and its layout checks hold everywhere.
///
/// # Where this definition deviates from Linux, and why
///
/// 1. `struct kvm_run` carries its exit information in an anonymous union of anonymous
///    structs, each as small as its fields, padded to 256 bytes by a `char padding[256]`
///    member. uabi unions hold members of one size only (so every byte of the union is
///    defined whichever member was written), so here each exit struct is a named struct
///    (`struct kvm_run_exit_io` ...) padded to 256 bytes with a trailing `__pad` array. C code
///    reading `run->io.port` compiles unchanged and finds the same offsets.
/// 2. Only the exits a small VMM reads are members: `hw` (`KVM_EXIT_UNKNOWN`), `fail_entry`,
///    `io` and `internal`; the others are reached through `padding`.
/// 3. `struct kvm_run`'s trailing `s` union (registers shared with the kernel under
///    `KVM_CAP_SYNC_REGS`) only has its `padding` member (`union kvm_run_sync`, 2048 bytes):
///    the register block inside it is architecture-specific.
/// 4. `struct kvm_run` has the layout of every architecture but s390, which inserts two
///    `__u64` PSW fields before the exit union.
/// 5. `char` arrays (`padding`) are `__u8`: the bytes are the same; only their C signedness
///    differs.
/// 6. The `KVM_MEM_*` flags are `(1 << n)` where Linux writes `(1UL << n)`: same value for the
///    `__u32` `flags` field they are stored in.
/// 7. The generated header defines only what is listed here, far fewer names than Linux's.
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

    /// Argument of `KVM_GET_MSR_INDEX_LIST` (x86): the caller sets `nmsrs` to the room in
    /// `indices`; the kernel stores the number of MSRs it saves and restores, and fails with
    /// E2BIG if they did not fit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmMsrList {
        /// Room in `indices` on input, number of MSRs on output.
        pub nmsrs: u32,
        /// The MSR numbers.
        #[uabi(counted_by = nmsrs)]
        pub indices: [u32],
    }

    /// `_IOWR(KVMIO, 0x02, struct kvm_msr_list)` (x86): lists the MSRs that KVM saves and
    /// restores for a vCPU.
    #[uabi(namespace = system)]
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
            KVM_MEM_LOG_DIRTY_PAGES = 1 << 0,
            /// Guest writes to the slot exit to user space as MMIO instead.
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
    pub struct KvmRunExitHw {
        /// The hardware's exit code (VMX exit reason, SVM exit code ...).
        pub hardware_exit_reason: u64,
        /// Pads the member to the union's 256 bytes (Linux's member is 8 bytes).
        pub __pad: [u8; 248],
    }

    /// `kvm_run.fail_entry`, for `KVM_EXIT_FAIL_ENTRY`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct KvmRunExitFailEntry {
        /// The hardware's reason for refusing the entry.
        pub hardware_entry_failure_reason: u64,
        /// The host CPU the entry was tried on.
        pub cpu: u32,
        /// Pads the member to the union's 256 bytes (Linux's member ends after `cpu`).
        pub __pad: [u8; 244],
    }

    /// `kvm_run.io`, for `KVM_EXIT_IO`: the guest executed `in`/`out` (or their string
    /// forms). The data is `count` items of `size` bytes at `data_offset` from the start of
    /// the mapped `kvm_run`; for `in`, user space stores the data there before the next
    /// `KVM_RUN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct KvmRunExitIo {
        /// `KVM_EXIT_IO_IN` or `KVM_EXIT_IO_OUT`.
        #[flags {
            /// `direction`: the guest reads the port.
            KVM_EXIT_IO_IN = 0,
            /// `direction`: the guest writes the port.
            KVM_EXIT_IO_OUT = 1,
        }]
        pub direction: u8,
        /// Width of one access in bytes (1, 2 or 4).
        pub size: u8,
        /// The I/O port.
        pub port: u16,
        /// Number of accesses (more than 1 for `rep ins`/`rep outs`).
        pub count: u32,
        /// Where the data is, in bytes from the start of the mapped `kvm_run`.
        pub data_offset: u64,
        /// Pads the member to the union's 256 bytes (Linux's member is 16 bytes).
        pub __pad: [u8; 240],
    }

    /// `kvm_run.internal`, for `KVM_EXIT_INTERNAL_ERROR`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct KvmRunExitInternal {
        /// What went wrong (`KVM_INTERNAL_ERROR_*`).
        pub suberror: u32,
        /// How many entries of `data` are meaningful (with `KVM_CAP_INTERNAL_ERROR_DATA`).
        pub ndata: u32,
        /// Suberror-specific diagnostics.
        pub data: [u64; 16],
        /// Pads the member to the union's 256 bytes (Linux's member is 136 bytes).
        pub __pad: [u8; 120],
    }

    /// The exit information of `kvm_run` (an anonymous union in C): which member is valid
    /// depends on `exit_reason`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(anonymous)]
    pub union KvmRunExit {
        /// `KVM_EXIT_UNKNOWN`.
        pub hw: KvmRunExitHw,
        /// `KVM_EXIT_FAIL_ENTRY`.
        pub fail_entry: KvmRunExitFailEntry,
        /// `KVM_EXIT_IO`.
        pub io: KvmRunExitIo,
        /// `KVM_EXIT_INTERNAL_ERROR`.
        pub internal: KvmRunExitInternal,
        /// The whole union as bytes; fixes its size at 256.
        pub padding: [u8; 256],
    }

    /// The area of `kvm_run` where `KVM_CAP_SYNC_REGS` shares registers with the kernel
    /// (Linux's anonymous union `s`, here with only its byte view).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[uabi(c_name = "kvm_run_sync")]
    pub union KvmRunSync {
        /// The area as bytes.
        pub padding: [u8; 2048],
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

    /// The general-purpose registers of an x86 vCPU (x86).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmRegs {
        /// RAX.
        pub rax: u64,
        /// RBX.
        pub rbx: u64,
        /// RCX.
        pub rcx: u64,
        /// RDX.
        pub rdx: u64,
        /// RSI.
        pub rsi: u64,
        /// RDI.
        pub rdi: u64,
        /// RSP.
        pub rsp: u64,
        /// RBP.
        pub rbp: u64,
        /// R8.
        pub r8: u64,
        /// R9.
        pub r9: u64,
        /// R10.
        pub r10: u64,
        /// R11.
        pub r11: u64,
        /// R12.
        pub r12: u64,
        /// R13.
        pub r13: u64,
        /// R14.
        pub r14: u64,
        /// R15.
        pub r15: u64,
        /// The instruction pointer.
        pub rip: u64,
        /// The flags register; bit 1 always reads as 1.
        pub rflags: u64,
    }

    /// `_IOR(KVMIO, 0x81, struct kvm_regs)` (x86 layout): reads the vCPU's registers.
    #[uabi(namespace = vcpu)]
    pub const KVM_GET_REGS: Ioctl<KvmRegs> = ior!(KVMIO, 0x81, KvmRegs);
    /// `_IOW(KVMIO, 0x82, struct kvm_regs)` (x86 layout): writes the vCPU's registers.
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_REGS: Ioctl<KvmRegs> = iow!(KVMIO, 0x82, KvmRegs);

    /// A segment register with its hidden descriptor cache (x86).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

    /// A descriptor-table register (GDTR, IDTR) (x86).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmDtable {
        /// Linear base address of the table.
        pub base: u64,
        /// Size of the table minus one.
        pub limit: u16,
        /// Unused.
        pub padding: [u16; 3],
    }

    /// Number of interrupt vectors on x86, the bits of `kvm_sregs.interrupt_bitmap` (x86).
    pub const KVM_NR_INTERRUPTS: u32 = 256;

    /// The special registers of an x86 vCPU: segments, descriptor tables, control registers,
    /// EFER, the APIC base and pending interrupts (x86).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmSregs {
        /// Code segment.
        pub cs: KvmSegment,
        /// Data segment.
        pub ds: KvmSegment,
        /// Extra segment.
        pub es: KvmSegment,
        /// FS segment.
        pub fs: KvmSegment,
        /// GS segment.
        pub gs: KvmSegment,
        /// Stack segment.
        pub ss: KvmSegment,
        /// Task register.
        pub tr: KvmSegment,
        /// Local descriptor table register.
        pub ldt: KvmSegment,
        /// Global descriptor table register.
        pub gdt: KvmDtable,
        /// Interrupt descriptor table register.
        pub idt: KvmDtable,
        /// CR0 (protection, paging enables).
        pub cr0: u64,
        /// CR2 (last page-fault address).
        pub cr2: u64,
        /// CR3 (page-table base).
        pub cr3: u64,
        /// CR4 (feature enables).
        pub cr4: u64,
        /// CR8 (task priority).
        pub cr8: u64,
        /// The EFER MSR (long mode enable ...).
        pub efer: u64,
        /// The APIC base MSR.
        pub apic_base: u64,
        /// One bit per vector (`KVM_NR_INTERRUPTS` of them): an interrupt pending injection.
        pub interrupt_bitmap: [u64; 4],
    }

    /// `_IOR(KVMIO, 0x83, struct kvm_sregs)` (x86 layout): reads the special registers.
    #[uabi(namespace = vcpu)]
    pub const KVM_GET_SREGS: Ioctl<KvmSregs> = ior!(KVMIO, 0x83, KvmSregs);
    /// `_IOW(KVMIO, 0x84, struct kvm_sregs)` (x86 layout): writes the special registers.
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_SREGS: Ioctl<KvmSregs> = iow!(KVMIO, 0x84, KvmSregs);
}
