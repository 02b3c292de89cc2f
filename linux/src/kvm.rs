//! KVM's user-space interface, `<linux/kvm.h>` and each architecture's `<asm/kvm.h>`, as Linux
//! 7.2 defines them, with uabi. The module's documentation (also the banner of the generated C
//! header) says what is covered, what is per architecture, and where the definition deviates
//! from Linux's header.

/// KVM, the kernel's virtual machine interface, as of Linux 7.2: every record, macro,
/// enumerator and ioctl of `<linux/kvm.h>` and of the x86 (i386 and x86_64), arm64 and riscv64
/// `<asm/kvm.h>` (the nested module `asm`).
///
/// KVM has four kinds of file descriptor, and every ioctl names the one it is issued on:
/// `system` (`/dev/kvm`), `vm` (what `KVM_CREATE_VM` returns), `vcpu` (what `KVM_CREATE_VCPU`
/// returns; mapping its first `KVM_GET_VCPU_MMAP_SIZE` bytes gives the shared `struct kvm_run`)
/// and `device` (what `KVM_CREATE_DEVICE` returns). Unlike VFIO, KVM encodes the argument's
/// size in the request number, so a struct that changes size is a new ioctl.
///
/// # Per architecture
///
/// Each architecture's registers and devices are in `<asm/kvm.h>`: x86's `kvm_regs` is not
/// arm64's or riscv64's, and an item that exists on some architectures only sits in an `#if`
/// on the compiler's own macros, so that one header tree serves every architecture with
/// `-I headers` alone. `<asm/kvm.h>` takes the include guard of each architecture's own header
/// (`_ASM_X86_KVM_H`, `__ARM_KVM_H__`, `__LINUX_KVM_RISCV_H`) and `<linux/kvm.h>` Linux's
/// (`__LINUX_KVM_H`), so that either can be included with Linux's in any order. The ioctls of
/// `<linux/kvm.h>` whose argument only another architecture declares (`KVM_S390_MEM_OP`,
/// `KVM_PPC_GET_PVINFO` ..), which Linux defines everywhere but which compile only there, are
/// defined only where their argument is (so not yet for s390 and powerpc). s390, powerpc,
/// loongarch, mips and arm get
/// `<linux/kvm.h>`'s architecture-independent items; their `<asm/kvm.h>` is not here yet.
///
/// # For code written for Linux's header or for rust-vmm's kvm-bindings
///
/// - C: every name, value, size and offset is Linux's (tests/kvm_dropin.rs compares them all
///   on x86_64, i386, aarch64 and riscv64), and kvmtool builds to the same machine code on
///   either header (scripts/kvmtool-interop.sh, docs/kvmtool.md). The function-like macros are
///   Linux's, as `const fn`s that Rust calls too (`KVM_REG_SIZE`, `KVM_X86_REG_MSR`,
///   `__ARM64_SYS_REG` ..), or as C macros alone where C needs a member name or token pasting
///   (`KVM_REG_ARM_CORE_REG(regs.pc)`, `ARM64_SYS_REG_SHIFT_MASK`, the riscv64 register
///   indices).
/// - Rust: the names are bindgen's where C has none: an anonymous member is `__bindgen_anon_N`
///   (`run.__bindgen_anon_1.mmio`), a member named like a Rust keyword takes a `_`
///   (`system_event.type_`), and each constant has the type bindgen gives its value (`u32`,
///   else `u64`; `i32` when negative). The unions of `kvm_run` and `kvm_irqchip`'s `chip` are
///   `unpadded`: their members are their own types, as bindgen declares them
///   (`run.__bindgen_anon_1.hypercall.__bindgen_anon_1.longmode` is a `u32`), so those records
///   read from bytes but are not `IntoBytes`; every other union's members are padded to the
///   union's size and byte-safe. `compat/kvm-bindings` is kvm-bindings' interface over this
///   module.
///
/// # Where this definition deviates from Linux, and why
///
/// 1. Records Linux leaves non-portable have x86_64's layout on i386 too, with the padding
///    x86_64 has named: `kvm_xen_exit` (4 bytes after `type`), `kvm_dirty_tlb` and
///    `kvm_run`'s `fail_entry` and `s390_ucontrol` (tail padding); so do the ioctls that carry
///    their size (`KVM_DIRTY_TLB`). The other records' implicit padding is named too, on every
///    architecture (`__pad`, `__padN`: the same bytes).
/// 2. A pointer member is a `u64` address (`#[uabi(c_pointer)]`), 8 bytes everywhere: C
///    declares an anonymous union of the pointer and `<name>_u64`, so `log.dirty_bitmap = buf`
///    still compiles (`kvm_dirty_log`, `kvm_clear_dirty_log`, `kvm_msr_filter_range.bitmap`,
///    arm64's `kvm_arm_copy_mte_tags.addr`). On i386, `kvm_msr_filter_range`, `kvm_msr_filter`
///    and `KVM_X86_SET_MSR_FILTER` are therefore x86_64's size.
/// 3. `unsigned long` is a 64-bit integer: C declares it `unsigned long` where every
///    architecture of the family is 64-bit (riscv64's records, `#[uabi(c_long)]`) and `__u64`
///    elsewhere (`kvm_run.riscv_sbi` and `riscv_csr` outside riscv64). So on i386 those two
///    members, `KVM_MEMORY_ENCRYPT_OP`, `KVM_S390_VCPU_FAULT`, `KVM_S390_STORE_STATUS` and the
///    values `KVM_S390_STORE_STATUS_NOADDR`/`_PREFIXED` have x86_64's sizes.
/// 4. `enum kvm_device_type`'s enumerators are also macros of their own names, as Linux's
///    are, and so is `KVM_DEV_TYPE_MAX`, which Linux's is not. The macros Linux defines
///    without a value (`__KVM_HAVE_PIT` ..) are C's alone, as in bindgen's output: Rust has
///    no constant of those names.
/// 5. Macros whose Linux definition needs a kernel-only header have their value
///    (`KVM_ARM_DEVICE_TYPE_MASK` and `KVM_ARM_DEVICE_ID_MASK`, `__GENMASK`'s;
///    `KVM_VGIC_V3_*_SIZE`, the kernel's `SZ_64K`); `KVM_COALESCED_MMIO_MAX` needs the
///    program's `PAGE_SIZE`, as Linux's does. x86's `KVM_X86_REG_*` are expressions where
///    Linux writes GNU statement expressions (the same values).
/// 6. The header carries none of Linux's comments; a flexible array in a union is
///    `__DECLARE_FLEX_ARRAY` in C and a zero-length array in C++, where an empty struct is not
///    empty.
#[uabi::abi(header = "linux/kvm.h", guard = "__LINUX_KVM_H", includes = ["linux/const.h", "linux/stddef.h"])]
#[allow(non_upper_case_globals, non_camel_case_types, clippy::identity_op)]
pub mod kvm {
    /// The version `KVM_GET_API_VERSION` returns; it has not changed since Linux 2.6.22, and a
    /// VMM refuses any other.
    pub const KVM_API_VERSION: u32 = 12;
    #[uabi(c_macro)]
    macro_rules! __KVM_HAVE_GUEST_DEBUG {
        () => {};
    }
    /// Argument of `KVM_SET_USER_MEMORY_REGION`: maps `memory_size` bytes of the caller's
    /// address space at `userspace_addr` into guest physical memory at `guest_phys_addr`, as
    /// slot `slot`. A `memory_size` of 0 deletes the slot. Addresses and the size must be
    /// page-aligned.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmUserspaceMemoryRegion {
        /// Slot number (address space in bits 16..32 where several exist).
        pub slot: u32,
        pub flags: u32,
        /// Guest physical address of the slot's first byte.
        pub guest_phys_addr: u64,
        /// Length of the slot in bytes.
        pub memory_size: u64,
        /// Address of the backing memory in the calling process.
        pub userspace_addr: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmUserspaceMemoryRegion2 {
        pub slot: u32,
        pub flags: u32,
        pub guest_phys_addr: u64,
        pub memory_size: u64,
        pub userspace_addr: u64,
        pub guest_memfd_offset: u64,
        pub guest_memfd: u32,
        pub pad1: u32,
        pub pad2: [u64; 14],
    }

    /// How the slot behaves.
    /// Track writes to the slot for `KVM_GET_DIRTY_LOG`.
    #[uabi(c_suffix = "UL")]
    pub const KVM_MEM_LOG_DIRTY_PAGES: u32 = 1 << 0;
    /// Guest writes to the slot exit to user space as MMIO instead.
    #[uabi(c_suffix = "UL")]
    pub const KVM_MEM_READONLY: u32 = 1 << 1;
    #[uabi(c_suffix = "UL")]
    pub const KVM_MEM_GUEST_MEMFD: u32 = 1 << 2;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmIrqLevelAnon1 {
        pub irq: u32,
        pub status: i32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqLevel {
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmIrqLevelAnon1,
        pub level: u32,
    }

    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmIrqchipChip {
        #[uabi(char)]
        pub dummy: [u8; 512],
        #[uabi(arch = x86)]
        pub pic: KvmPicState,
        #[uabi(arch = x86)]
        pub ioapic: KvmIoapicState,
    }

    #[derive(Debug, Clone, Copy, Default)]
    pub struct KvmIrqchip {
        pub chip_id: u32,
        pub pad: u32,
        pub chip: KvmIrqchipChip,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmPitConfig {
        pub flags: u32,
        pub pad: [u32; 15],
    }

    pub const KVM_PIT_SPEAKER_DUMMY: u32 = 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmHypervExitUSynic {
        pub msr: u32,
        pub pad2: u32,
        pub control: u64,
        pub evt_page: u64,
        pub msg_page: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmHypervExitUHcall {
        pub input: u64,
        pub result: u64,
        pub params: [u64; 2],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmHypervExitUSyndbg {
        pub msr: u32,
        pub pad2: u32,
        pub control: u64,
        pub status: u64,
        pub send_page: u64,
        pub recv_page: u64,
        pub pending_page: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmHypervExitU {
        pub synic: KvmHypervExitUSynic,
        pub hcall: KvmHypervExitUHcall,
        pub syndbg: KvmHypervExitUSyndbg,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmHypervExit {
        #[uabi(c_name = "type")]
        pub type_: u32,
        pub pad1: u32,
        pub u: KvmHypervExitU,
    }

    pub const KVM_EXIT_HYPERV_SYNIC: u32 = 1;
    pub const KVM_EXIT_HYPERV_HCALL: u32 = 2;
    pub const KVM_EXIT_HYPERV_SYNDBG: u32 = 3;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmXenExitUHcall {
        pub longmode: u32,
        pub cpl: u32,
        pub input: u64,
        pub result: u64,
        pub params: [u64; 6],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmXenExitU {
        pub hcall: KvmXenExitUHcall,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmXenExit {
        #[uabi(c_name = "type")]
        pub type_: u32,
        /// Padding that Linux leaves implicit, named.
        pub __pad: [u8; 4],
        pub u: KvmXenExitU,
    }

    pub const KVM_EXIT_XEN_HCALL: u32 = 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmExitSnpReqCerts {
        pub gpa: u64,
        pub npages: u64,
        pub ret: u64,
    }

    pub const KVM_S390_GET_SKEYS_NONE: u32 = 1;
    pub const KVM_S390_SKEYS_MAX: u32 = 1048576;
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
    pub const KVM_EXIT_OSI: u32 = 18;
    pub const KVM_EXIT_PAPR_HCALL: u32 = 19;
    pub const KVM_EXIT_S390_UCONTROL: u32 = 20;
    pub const KVM_EXIT_WATCHDOG: u32 = 21;
    pub const KVM_EXIT_S390_TSCH: u32 = 22;
    pub const KVM_EXIT_EPR: u32 = 23;
    /// Exit reason: the guest requested a system event (shutdown, reset, crash).
    pub const KVM_EXIT_SYSTEM_EVENT: u32 = 24;
    pub const KVM_EXIT_S390_STSI: u32 = 25;
    pub const KVM_EXIT_IOAPIC_EOI: u32 = 26;
    pub const KVM_EXIT_HYPERV: u32 = 27;
    pub const KVM_EXIT_ARM_NISV: u32 = 28;
    pub const KVM_EXIT_X86_RDMSR: u32 = 29;
    pub const KVM_EXIT_X86_WRMSR: u32 = 30;
    pub const KVM_EXIT_DIRTY_RING_FULL: u32 = 31;
    pub const KVM_EXIT_AP_RESET_HOLD: u32 = 32;
    pub const KVM_EXIT_X86_BUS_LOCK: u32 = 33;
    pub const KVM_EXIT_XEN: u32 = 34;
    pub const KVM_EXIT_RISCV_SBI: u32 = 35;
    pub const KVM_EXIT_RISCV_CSR: u32 = 36;
    pub const KVM_EXIT_NOTIFY: u32 = 37;
    pub const KVM_EXIT_LOONGARCH_IOCSR: u32 = 38;
    pub const KVM_EXIT_MEMORY_FAULT: u32 = 39;
    pub const KVM_EXIT_TDX: u32 = 40;
    pub const KVM_EXIT_ARM_SEA: u32 = 41;
    pub const KVM_EXIT_ARM_LDST64B: u32 = 42;
    pub const KVM_EXIT_SNP_REQ_CERTS: u32 = 43;
    /// `internal.suberror`: an instruction could not be emulated.
    pub const KVM_INTERNAL_ERROR_EMULATION: u32 = 1;
    /// `internal.suberror`: an exception happened while another was being delivered.
    pub const KVM_INTERNAL_ERROR_SIMUL_EX: u32 = 2;
    /// `internal.suberror`: an event could not be delivered to the guest.
    pub const KVM_INTERNAL_ERROR_DELIVERY_EV: u32 = 3;
    /// `internal.suberror`: the hardware exited for a reason KVM does not handle.
    pub const KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON: u32 = 4;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_INTERNAL_ERROR_EMULATION_FLAG_INSTRUCTION_BYTES: u32 = 1 << 0;
    /// `kvm_run.hw`, for `KVM_EXIT_UNKNOWN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunHw {
        /// The hardware's exit code (VMX exit reason, SVM exit code ...).
        pub hardware_exit_reason: u64,
    }

    /// `kvm_run.fail_entry`, for `KVM_EXIT_FAIL_ENTRY`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunFailEntry {
        /// The hardware's reason for refusing the entry.
        pub hardware_entry_failure_reason: u64,
        /// The host CPU the entry was tried on.
        pub cpu: u32,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 4],
    }

    /// `kvm_run.ex`, for `KVM_EXIT_EXCEPTION`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunEx {
        /// The exception vector.
        pub exception: u32,
        /// Its error code.
        pub error_code: u32,
    }

    /// `kvm_run.io`, for `KVM_EXIT_IO`: the guest executed `in`/`out` (or their string
    /// forms). The data is `count` items of `size` bytes at `data_offset` from the start of
    /// the mapped `kvm_run`; for `in`, user space stores the data there before the next
    /// `KVM_RUN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunDebug {
        #[uabi(arch(x86, arm64, riscv))]
        pub arch: KvmDebugExitArch,
    }

    /// `kvm_run.mmio`, for `KVM_EXIT_MMIO`: the guest accessed memory no slot backs. For a
    /// read, user space stores the `len` bytes in `data` before the next `KVM_RUN`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 3],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunIocsrIo {
        pub phys_addr: u64,
        pub data: [u8; 8],
        pub len: u32,
        pub is_write: u8,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 3],
    }

    /// `longmode` (the guest was in 64-bit mode) or the `KVM_EXIT_HYPERCALL_*` flags.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunHypercallFlags {
        /// Nonzero for a 64-bit guest (the older name of the flags' first bit).
        pub longmode: u32,
        /// `KVM_EXIT_HYPERCALL_LONG_MODE` and others.
        pub flags: u64,
    }

    /// `kvm_run.hypercall`, for `KVM_EXIT_HYPERCALL`.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunHypercall {
        /// The hypercall number.
        pub nr: u64,
        /// Its arguments.
        pub args: [u64; 6],
        /// User space's return value.
        pub ret: u64,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunHypercallFlags,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTprAccess {
        pub rip: u64,
        pub is_write: u32,
        pub pad: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunS390Sieic {
        pub icptcode: u8,
        /// Padding that Linux leaves implicit, named.
        pub __pad: [u8; 1],
        pub ipa: u16,
        pub ipb: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunS390Ucontrol {
        pub trans_exc_code: u64,
        pub pgm_code: u32,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 4],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunDcr {
        pub dcrn: u32,
        pub data: u32,
        pub is_write: u8,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 3],
    }

    /// `kvm_run.internal`, for `KVM_EXIT_INTERNAL_ERROR`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunInternal {
        /// What went wrong (`KVM_INTERNAL_ERROR_*`).
        pub suberror: u32,
        /// How many entries of `data` are meaningful (with `KVM_CAP_INTERNAL_ERROR_DATA`).
        pub ndata: u32,
        /// Suberror-specific diagnostics.
        pub data: [u64; 16],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunEmulationFailureAnon1Anon1 {
        pub insn_size: u8,
        pub insn_bytes: [u8; 15],
    }

    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunEmulationFailureAnon1 {
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunEmulationFailureAnon1Anon1,
    }

    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunEmulationFailure {
        pub suberror: u32,
        pub ndata: u32,
        pub flags: u64,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunEmulationFailureAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunOsi {
        pub gprs: [u64; 32],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunPaprHcall {
        pub nr: u64,
        pub ret: u64,
        pub args: [u64; 9],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunS390Tsch {
        pub subchannel_id: u16,
        pub subchannel_nr: u16,
        pub io_int_parm: u32,
        pub io_int_word: u32,
        pub ipb: u32,
        pub dequeued: u8,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 3],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunEpr {
        pub epr: u32,
    }

    /// The event's data: the older single `flags` word, or `ndata` words.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunSystemEventData {
        /// The first word, under its older name.
        pub flags: u64,
        /// The event's data words.
        pub data: [u64; 16],
    }

    /// `kvm_run.system_event`, for `KVM_EXIT_SYSTEM_EVENT`.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunSystemEvent {
        #[uabi(c_name = "type")]
        pub type_: u32,
        /// How many entries of `data` are meaningful.
        pub ndata: u32,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunSystemEventData,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunS390Stsi {
        pub addr: u64,
        pub ar: u8,
        pub reserved: u8,
        pub fc: u8,
        pub sel1: u8,
        pub sel2: u16,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 2],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunEoi {
        pub vector: u8,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunArmNisv {
        pub esr_iss: u64,
        pub fault_ipa: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunMsr {
        pub error: u8,
        pub pad: [u8; 7],
        pub reason: u32,
        pub index: u32,
        pub data: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunRiscvSbi {
        pub extension_id: u64,
        pub function_id: u64,
        pub args: [u64; 6],
        pub ret: [u64; 2],
    }

    /// riscv64's variant: Linux declares these members `unsigned long`, 64 bits there.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous, arch = riscv)]
    pub struct KvmRunRiscvSbiRiscv {
        #[uabi(c_long)]
        pub extension_id: u64,
        #[uabi(c_long)]
        pub function_id: u64,
        #[uabi(c_long)]
        pub args: [u64; 6],
        #[uabi(c_long)]
        pub ret: [u64; 2],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunRiscvCsr {
        pub csr_num: u64,
        pub new_value: u64,
        pub write_mask: u64,
        pub ret_value: u64,
    }

    /// riscv64's variant: Linux declares these members `unsigned long`, 64 bits there.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous, arch = riscv)]
    pub struct KvmRunRiscvCsrRiscv {
        #[uabi(c_long)]
        pub csr_num: u64,
        #[uabi(c_long)]
        pub new_value: u64,
        #[uabi(c_long)]
        pub write_mask: u64,
        #[uabi(c_long)]
        pub ret_value: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunNotify {
        pub flags: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunMemoryFault {
        pub flags: u64,
        pub gpa: u64,
        pub size: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTdxAnon1Unknown {
        pub ret: u64,
        pub data: [u64; 5],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTdxAnon1GetQuote {
        pub ret: u64,
        pub gpa: u64,
        pub size: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTdxAnon1GetTdvmcallInfo {
        pub ret: u64,
        pub leaf: u64,
        pub r11: u64,
        pub r12: u64,
        pub r13: u64,
        pub r14: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTdxAnon1SetupEventNotify {
        pub ret: u64,
        pub vector: u64,
    }

    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunTdxAnon1 {
        pub unknown: KvmRunTdxAnon1Unknown,
        pub get_quote: KvmRunTdxAnon1GetQuote,
        pub get_tdvmcall_info: KvmRunTdxAnon1GetTdvmcallInfo,
        pub setup_event_notify: KvmRunTdxAnon1SetupEventNotify,
    }

    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunTdx {
        pub flags: u64,
        pub nr: u64,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunTdxAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub struct KvmRunArmSea {
        pub flags: u64,
        pub esr: u64,
        pub gva: u64,
        pub gpa: u64,
    }

    /// The exit information of `kvm_run` (an anonymous union in C): which member is valid
    /// depends on `exit_reason`.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunExit {
        /// `KVM_EXIT_UNKNOWN`.
        pub hw: KvmRunHw,
        /// `KVM_EXIT_FAIL_ENTRY`.
        pub fail_entry: KvmRunFailEntry,
        /// `KVM_EXIT_EXCEPTION`.
        pub ex: KvmRunEx,
        /// `KVM_EXIT_IO`.
        pub io: KvmRunIo,
        pub debug: KvmRunDebug,
        /// `KVM_EXIT_MMIO`.
        pub mmio: KvmRunMmio,
        pub iocsr_io: KvmRunIocsrIo,
        /// `KVM_EXIT_HYPERCALL`.
        pub hypercall: KvmRunHypercall,
        pub tpr_access: KvmRunTprAccess,
        pub s390_sieic: KvmRunS390Sieic,
        pub s390_reset_flags: u64,
        pub s390_ucontrol: KvmRunS390Ucontrol,
        pub dcr: KvmRunDcr,
        /// `KVM_EXIT_INTERNAL_ERROR`.
        pub internal: KvmRunInternal,
        pub emulation_failure: KvmRunEmulationFailure,
        pub osi: KvmRunOsi,
        pub papr_hcall: KvmRunPaprHcall,
        pub s390_tsch: KvmRunS390Tsch,
        pub epr: KvmRunEpr,
        /// `KVM_EXIT_SYSTEM_EVENT`.
        pub system_event: KvmRunSystemEvent,
        pub s390_stsi: KvmRunS390Stsi,
        pub eoi: KvmRunEoi,
        pub hyperv: KvmHypervExit,
        pub arm_nisv: KvmRunArmNisv,
        pub msr: KvmRunMsr,
        pub xen: KvmXenExit,
        /// On riscv64, with Linux's `unsigned long` members.
        #[uabi(arch = riscv)]
        pub riscv_sbi: KvmRunRiscvSbiRiscv,
        #[uabi(arch(x86, arm64, arm, s390, powerpc, mips, loongarch, sparc, alpha, parisc, m68k))]
        pub riscv_sbi: KvmRunRiscvSbi,
        /// On riscv64, with Linux's `unsigned long` members.
        #[uabi(arch = riscv)]
        pub riscv_csr: KvmRunRiscvCsrRiscv,
        #[uabi(arch(x86, arm64, arm, s390, powerpc, mips, loongarch, sparc, alpha, parisc, m68k))]
        pub riscv_csr: KvmRunRiscvCsr,
        pub notify: KvmRunNotify,
        pub memory_fault: KvmRunMemoryFault,
        pub tdx: KvmRunTdx,
        pub arm_sea: KvmRunArmSea,
        pub snp_req_certs: KvmExitSnpReqCerts,
        /// The whole union as bytes; fixes its size at 256.
        #[uabi(char)]
        pub padding: [u8; 256],
    }

    /// The area of `kvm_run` where `KVM_CAP_SYNC_REGS` shares registers with the kernel.
    #[derive(Debug, Clone, Copy, Default)]
    #[uabi(anonymous, unpadded)]
    pub union KvmRunSync {
        #[uabi(arch(x86, arm64, riscv))]
        /// The shared registers (x86 and arm64 here).
        pub regs: KvmSyncRegs,
        /// The area as bytes.
        #[uabi(char)]
        pub padding: [u8; SYNC_REGS_SIZE_BYTES as usize],
    }

    /// The shared page of a vCPU, mapped from offset 0 of its file: the inputs of the next
    /// `KVM_RUN` and the outputs of the last one. Reached only through `mmap`, never passed to
    /// an ioctl.
    #[derive(Debug, Clone, Copy, Default)]
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
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmRunExit,
        /// Which register sets the kernel stored in `s` (`KVM_CAP_SYNC_REGS`).
        pub kvm_valid_regs: u64,
        /// Which register sets in `s` user space changed.
        pub kvm_dirty_regs: u64,
        /// The shared register area.
        pub s: KvmRunSync,
    }

    /// `direction` of `kvm_run.io`: the guest reads the port.
    pub const KVM_EXIT_IO_IN: u32 = 0;
    /// `direction` of `kvm_run.io`: the guest writes the port.
    pub const KVM_EXIT_IO_OUT: u32 = 1;
    /// `system_event.type`: the guest shut down.
    pub const KVM_SYSTEM_EVENT_SHUTDOWN: u32 = 1;
    /// `system_event.type`: the guest asked for a reset.
    pub const KVM_SYSTEM_EVENT_RESET: u32 = 2;
    /// `system_event.type`: the guest crashed.
    pub const KVM_SYSTEM_EVENT_CRASH: u32 = 3;
    pub const KVM_SYSTEM_EVENT_WAKEUP: u32 = 4;
    pub const KVM_SYSTEM_EVENT_SUSPEND: u32 = 5;
    pub const KVM_SYSTEM_EVENT_SEV_TERM: u32 = 6;
    pub const KVM_SYSTEM_EVENT_TDX_FATAL: u32 = 7;
    pub const KVM_MSR_EXIT_REASON_INVAL: u32 = 1 << 0;
    pub const KVM_MSR_EXIT_REASON_UNKNOWN: u32 = 1 << 1;
    pub const KVM_MSR_EXIT_REASON_FILTER: u32 = 1 << 2;
    pub const KVM_MSR_EXIT_REASON_VALID_MASK: u32 = KVM_MSR_EXIT_REASON_INVAL | KVM_MSR_EXIT_REASON_UNKNOWN | KVM_MSR_EXIT_REASON_FILTER;
    pub const KVM_NOTIFY_CONTEXT_INVALID: u32 = 1 << 0;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_MEMORY_EXIT_FLAG_PRIVATE: u32 = 1 << 3;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_EXIT_ARM_SEA_FLAG_GPA_VALID: u32 = 1 << 0;
    /// The size of `kvm_run.s`.
    pub const SYNC_REGS_SIZE_BYTES: u32 = 2048;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmCoalescedMmioZoneAnon1 {
        pub pad: u32,
        pub pio: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmCoalescedMmioZone {
        pub addr: u64,
        pub size: u32,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmCoalescedMmioZoneAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmCoalescedMmioAnon1 {
        pub pad: u32,
        pub pio: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmCoalescedMmio {
        pub phys_addr: u64,
        pub len: u32,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmCoalescedMmioAnon1,
        pub data: [u8; 8],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmCoalescedMmioRing {
        pub first: u32,
        pub last: u32,
        pub coalesced_mmio: [KvmCoalescedMmio],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmTranslation {
        pub linear_address: u64,
        pub physical_address: u64,
        pub valid: u8,
        pub writeable: u8,
        pub usermode: u8,
        pub pad: [u8; 5],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmInterrupt {
        pub irq: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmDirtyLogAnon1 {
        #[uabi(c_pointer = "void")]
        pub dirty_bitmap: u64,
        pub padding2: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmDirtyLog {
        pub slot: u32,
        pub padding1: u32,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmDirtyLogAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmClearDirtyLogAnon1 {
        #[uabi(c_pointer = "void")]
        pub dirty_bitmap: u64,
        pub padding2: u64,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmClearDirtyLog {
        pub slot: u32,
        pub num_pages: u32,
        pub first_page: u64,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmClearDirtyLogAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmSignalMask {
        pub len: u32,
        #[uabi(counted_by = len)]
        pub sigset: [u8],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmTprAccessCtl {
        pub enabled: u32,
        pub flags: u32,
        pub reserved: [u32; 8],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmVapicAddr {
        pub vapic_addr: u64,
    }

    pub const KVM_MP_STATE_RUNNABLE: u32 = 0;
    pub const KVM_MP_STATE_UNINITIALIZED: u32 = 1;
    pub const KVM_MP_STATE_INIT_RECEIVED: u32 = 2;
    pub const KVM_MP_STATE_HALTED: u32 = 3;
    pub const KVM_MP_STATE_SIPI_RECEIVED: u32 = 4;
    pub const KVM_MP_STATE_STOPPED: u32 = 5;
    pub const KVM_MP_STATE_CHECK_STOP: u32 = 6;
    pub const KVM_MP_STATE_OPERATING: u32 = 7;
    pub const KVM_MP_STATE_LOAD: u32 = 8;
    pub const KVM_MP_STATE_AP_RESET_HOLD: u32 = 9;
    pub const KVM_MP_STATE_SUSPENDED: u32 = 10;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmMpState {
        pub mp_state: u32,
    }

    pub const KVM_GUESTDBG_ENABLE: u32 = 0x00000001;
    pub const KVM_GUESTDBG_SINGLESTEP: u32 = 0x00000002;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmGuestDebug {
        pub control: u32,
        pub pad: u32,
        #[uabi(arch(x86, arm64, riscv))]
        pub arch: KvmGuestDebugArch,
    }

    pub const kvm_ioeventfd_flag_nr_datamatch: u32 = 0;
    pub const kvm_ioeventfd_flag_nr_pio: u32 = 1;
    pub const kvm_ioeventfd_flag_nr_deassign: u32 = 2;
    pub const kvm_ioeventfd_flag_nr_virtio_ccw_notify: u32 = 3;
    pub const kvm_ioeventfd_flag_nr_fast_mmio: u32 = 4;
    pub const kvm_ioeventfd_flag_nr_max: u32 = 5;
    pub const KVM_IOEVENTFD_FLAG_DATAMATCH: u32 = 1 << kvm_ioeventfd_flag_nr_datamatch;
    pub const KVM_IOEVENTFD_FLAG_PIO: u32 = 1 << kvm_ioeventfd_flag_nr_pio;
    pub const KVM_IOEVENTFD_FLAG_DEASSIGN: u32 = 1 << kvm_ioeventfd_flag_nr_deassign;
    pub const KVM_IOEVENTFD_FLAG_VIRTIO_CCW_NOTIFY: u32 = 1 << kvm_ioeventfd_flag_nr_virtio_ccw_notify;
    pub const KVM_IOEVENTFD_VALID_FLAG_MASK: u32 = (1 << kvm_ioeventfd_flag_nr_max) - 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIoeventfd {
        pub datamatch: u64,
        pub addr: u64,
        pub len: u32,
        pub fd: i32,
        pub flags: u32,
        pub pad: [u8; 36],
    }

    pub const KVM_X86_DISABLE_EXITS_MWAIT: u32 = 1 << 0;
    pub const KVM_X86_DISABLE_EXITS_HLT: u32 = 1 << 1;
    pub const KVM_X86_DISABLE_EXITS_PAUSE: u32 = 1 << 2;
    pub const KVM_X86_DISABLE_EXITS_CSTATE: u32 = 1 << 3;
    pub const KVM_X86_DISABLE_EXITS_APERFMPERF: u32 = 1 << 4;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmEnableCap {
        pub cap: u32,
        pub flags: u32,
        pub args: [u64; 4],
        pub pad: [u8; 64],
    }

    /// The ioctl type byte of every KVM request.
    pub const KVMIO: u32 = 0xAE;
    pub const KVM_VM_S390_UCONTROL: u32 = 1;
    pub const KVM_VM_PPC_HV: u32 = 1;
    pub const KVM_VM_PPC_PR: u32 = 2;
    pub const KVM_VM_MIPS_AUTO: u32 = 0;
    pub const KVM_VM_MIPS_VZ: u32 = 1;
    pub const KVM_VM_MIPS_TE: u32 = 2;
    pub const KVM_S390_SIE_PAGE_OFFSET: u32 = 1;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_VM_TYPE_ARM_IPA_SIZE_MASK: u32 = 0xff;
    #[uabi(c_suffix = "UL")]
    pub const KVM_VM_TYPE_ARM_PROTECTED: u32 = 1 << 31;
    pub const KVM_VM_TYPE_ARM_MASK: u32 = KVM_VM_TYPE_ARM_IPA_SIZE_MASK | KVM_VM_TYPE_ARM_PROTECTED;
    #[uabi(namespace = system)]
    pub const KVM_GET_API_VERSION: Ioctl = io!(KVMIO, 0x00);
    #[uabi(namespace = system)]
    pub const KVM_CREATE_VM: Ioctl = io!(KVMIO, 0x01);
    #[uabi(namespace = system, arch = x86)]
    pub const KVM_GET_MSR_INDEX_LIST: Ioctl<KvmMsrList> = iowr!(KVMIO, 0x02, KvmMsrList);
    #[uabi(namespace = system)]
    pub const KVM_S390_ENABLE_SIE: Ioctl = io!(KVMIO, 0x06);
    #[uabi(namespace = system)]
    pub const KVM_CHECK_EXTENSION: Ioctl = io!(KVMIO, 0x03);
    #[uabi(namespace = system)]
    pub const KVM_GET_VCPU_MMAP_SIZE: Ioctl = io!(KVMIO, 0x04);
    #[uabi(namespace = system, arch = x86)]
    pub const KVM_GET_SUPPORTED_CPUID: Ioctl<KvmCpuid2> = iowr!(KVMIO, 0x05, KvmCpuid2);
    #[uabi(namespace = system, arch = x86)]
    pub const KVM_GET_EMULATED_CPUID: Ioctl<KvmCpuid2> = iowr!(KVMIO, 0x09, KvmCpuid2);
    #[uabi(namespace = system, arch = x86)]
    pub const KVM_GET_MSR_FEATURE_INDEX_LIST: Ioctl<KvmMsrList> = iowr!(KVMIO, 0x0a, KvmMsrList);
    pub const KVM_CAP_IRQCHIP: u32 = 0;
    pub const KVM_CAP_HLT: u32 = 1;
    pub const KVM_CAP_MMU_SHADOW_CACHE_CONTROL: u32 = 2;
    /// Capability: guest memory is provided by `KVM_SET_USER_MEMORY_REGION`.
    pub const KVM_CAP_USER_MEMORY: u32 = 3;
    pub const KVM_CAP_SET_TSS_ADDR: u32 = 4;
    pub const KVM_CAP_VAPIC: u32 = 6;
    pub const KVM_CAP_EXT_CPUID: u32 = 7;
    pub const KVM_CAP_CLOCKSOURCE: u32 = 8;
    /// Capability: the recommended number of vCPUs per VM.
    pub const KVM_CAP_NR_VCPUS: u32 = 9;
    pub const KVM_CAP_NR_MEMSLOTS: u32 = 10;
    pub const KVM_CAP_PIT: u32 = 11;
    pub const KVM_CAP_NOP_IO_DELAY: u32 = 12;
    pub const KVM_CAP_PV_MMU: u32 = 13;
    pub const KVM_CAP_MP_STATE: u32 = 14;
    pub const KVM_CAP_COALESCED_MMIO: u32 = 15;
    pub const KVM_CAP_SYNC_MMU: u32 = 16;
    pub const KVM_CAP_IOMMU: u32 = 18;
    pub const KVM_CAP_DESTROY_MEMORY_REGION_WORKS: u32 = 21;
    pub const KVM_CAP_USER_NMI: u32 = 22;
    pub const KVM_CAP_SET_GUEST_DEBUG: u32 = 23;
    #[uabi(arch = x86)]
    pub const KVM_CAP_REINJECT_CONTROL: u32 = 24;
    pub const KVM_CAP_IRQ_ROUTING: u32 = 25;
    pub const KVM_CAP_IRQ_INJECT_STATUS: u32 = 26;
    pub const KVM_CAP_ASSIGN_DEV_IRQ: u32 = 29;
    pub const KVM_CAP_JOIN_MEMORY_REGIONS_WORKS: u32 = 30;
    #[uabi(arch = x86)]
    pub const KVM_CAP_MCE: u32 = 31;
    pub const KVM_CAP_IRQFD: u32 = 32;
    #[uabi(arch = x86)]
    pub const KVM_CAP_PIT2: u32 = 33;
    pub const KVM_CAP_SET_BOOT_CPU_ID: u32 = 34;
    #[uabi(arch = x86)]
    pub const KVM_CAP_PIT_STATE2: u32 = 35;
    pub const KVM_CAP_IOEVENTFD: u32 = 36;
    pub const KVM_CAP_SET_IDENTITY_MAP_ADDR: u32 = 37;
    #[uabi(arch = x86)]
    pub const KVM_CAP_XEN_HVM: u32 = 38;
    pub const KVM_CAP_ADJUST_CLOCK: u32 = 39;
    pub const KVM_CAP_INTERNAL_ERROR_DATA: u32 = 40;
    #[uabi(arch(x86, arm64))]
    pub const KVM_CAP_VCPU_EVENTS: u32 = 41;
    pub const KVM_CAP_S390_PSW: u32 = 42;
    pub const KVM_CAP_PPC_SEGSTATE: u32 = 43;
    pub const KVM_CAP_HYPERV: u32 = 44;
    pub const KVM_CAP_HYPERV_VAPIC: u32 = 45;
    pub const KVM_CAP_HYPERV_SPIN: u32 = 46;
    pub const KVM_CAP_PCI_SEGMENT: u32 = 47;
    pub const KVM_CAP_PPC_PAIRED_SINGLES: u32 = 48;
    pub const KVM_CAP_INTR_SHADOW: u32 = 49;
    #[uabi(arch = x86)]
    pub const KVM_CAP_DEBUGREGS: u32 = 50;
    pub const KVM_CAP_X86_ROBUST_SINGLESTEP: u32 = 51;
    pub const KVM_CAP_PPC_OSI: u32 = 52;
    pub const KVM_CAP_PPC_UNSET_IRQ: u32 = 53;
    pub const KVM_CAP_ENABLE_CAP: u32 = 54;
    #[uabi(arch = x86)]
    pub const KVM_CAP_XSAVE: u32 = 55;
    #[uabi(arch = x86)]
    pub const KVM_CAP_XCRS: u32 = 56;
    pub const KVM_CAP_PPC_GET_PVINFO: u32 = 57;
    pub const KVM_CAP_PPC_IRQ_LEVEL: u32 = 58;
    pub const KVM_CAP_ASYNC_PF: u32 = 59;
    pub const KVM_CAP_TSC_CONTROL: u32 = 60;
    pub const KVM_CAP_GET_TSC_KHZ: u32 = 61;
    pub const KVM_CAP_PPC_BOOKE_SREGS: u32 = 62;
    pub const KVM_CAP_SPAPR_TCE: u32 = 63;
    pub const KVM_CAP_PPC_SMT: u32 = 64;
    pub const KVM_CAP_PPC_RMA: u32 = 65;
    /// Capability: the largest number of vCPUs per VM.
    pub const KVM_CAP_MAX_VCPUS: u32 = 66;
    pub const KVM_CAP_PPC_HIOR: u32 = 67;
    pub const KVM_CAP_PPC_PAPR: u32 = 68;
    pub const KVM_CAP_SW_TLB: u32 = 69;
    pub const KVM_CAP_ONE_REG: u32 = 70;
    pub const KVM_CAP_S390_GMAP: u32 = 71;
    pub const KVM_CAP_TSC_DEADLINE_TIMER: u32 = 72;
    pub const KVM_CAP_S390_UCONTROL: u32 = 73;
    pub const KVM_CAP_SYNC_REGS: u32 = 74;
    pub const KVM_CAP_PCI_2_3: u32 = 75;
    pub const KVM_CAP_KVMCLOCK_CTRL: u32 = 76;
    pub const KVM_CAP_SIGNAL_MSI: u32 = 77;
    pub const KVM_CAP_PPC_GET_SMMU_INFO: u32 = 78;
    pub const KVM_CAP_S390_COW: u32 = 79;
    pub const KVM_CAP_PPC_ALLOC_HTAB: u32 = 80;
    pub const KVM_CAP_READONLY_MEM: u32 = 81;
    pub const KVM_CAP_IRQFD_RESAMPLE: u32 = 82;
    pub const KVM_CAP_PPC_BOOKE_WATCHDOG: u32 = 83;
    pub const KVM_CAP_PPC_HTAB_FD: u32 = 84;
    pub const KVM_CAP_S390_CSS_SUPPORT: u32 = 85;
    pub const KVM_CAP_PPC_EPR: u32 = 86;
    pub const KVM_CAP_ARM_PSCI: u32 = 87;
    pub const KVM_CAP_ARM_SET_DEVICE_ADDR: u32 = 88;
    pub const KVM_CAP_DEVICE_CTRL: u32 = 89;
    pub const KVM_CAP_IRQ_MPIC: u32 = 90;
    pub const KVM_CAP_PPC_RTAS: u32 = 91;
    pub const KVM_CAP_IRQ_XICS: u32 = 92;
    pub const KVM_CAP_ARM_EL1_32BIT: u32 = 93;
    pub const KVM_CAP_SPAPR_MULTITCE: u32 = 94;
    pub const KVM_CAP_EXT_EMUL_CPUID: u32 = 95;
    pub const KVM_CAP_HYPERV_TIME: u32 = 96;
    pub const KVM_CAP_IOAPIC_POLARITY_IGNORED: u32 = 97;
    pub const KVM_CAP_ENABLE_CAP_VM: u32 = 98;
    pub const KVM_CAP_S390_IRQCHIP: u32 = 99;
    pub const KVM_CAP_IOEVENTFD_NO_LENGTH: u32 = 100;
    pub const KVM_CAP_VM_ATTRIBUTES: u32 = 101;
    pub const KVM_CAP_ARM_PSCI_0_2: u32 = 102;
    pub const KVM_CAP_PPC_FIXUP_HCALL: u32 = 103;
    pub const KVM_CAP_PPC_ENABLE_HCALL: u32 = 104;
    pub const KVM_CAP_CHECK_EXTENSION_VM: u32 = 105;
    pub const KVM_CAP_S390_USER_SIGP: u32 = 106;
    pub const KVM_CAP_S390_VECTOR_REGISTERS: u32 = 107;
    pub const KVM_CAP_S390_MEM_OP: u32 = 108;
    pub const KVM_CAP_S390_USER_STSI: u32 = 109;
    pub const KVM_CAP_S390_SKEYS: u32 = 110;
    pub const KVM_CAP_MIPS_FPU: u32 = 111;
    pub const KVM_CAP_MIPS_MSA: u32 = 112;
    pub const KVM_CAP_S390_INJECT_IRQ: u32 = 113;
    pub const KVM_CAP_S390_IRQ_STATE: u32 = 114;
    pub const KVM_CAP_PPC_HWRNG: u32 = 115;
    pub const KVM_CAP_DISABLE_QUIRKS: u32 = 116;
    pub const KVM_CAP_X86_SMM: u32 = 117;
    pub const KVM_CAP_MULTI_ADDRESS_SPACE: u32 = 118;
    pub const KVM_CAP_GUEST_DEBUG_HW_BPS: u32 = 119;
    pub const KVM_CAP_GUEST_DEBUG_HW_WPS: u32 = 120;
    pub const KVM_CAP_SPLIT_IRQCHIP: u32 = 121;
    pub const KVM_CAP_IOEVENTFD_ANY_LENGTH: u32 = 122;
    pub const KVM_CAP_HYPERV_SYNIC: u32 = 123;
    pub const KVM_CAP_S390_RI: u32 = 124;
    pub const KVM_CAP_SPAPR_TCE_64: u32 = 125;
    pub const KVM_CAP_ARM_PMU_V3: u32 = 126;
    pub const KVM_CAP_VCPU_ATTRIBUTES: u32 = 127;
    pub const KVM_CAP_MAX_VCPU_ID: u32 = 128;
    pub const KVM_CAP_X2APIC_API: u32 = 129;
    pub const KVM_CAP_S390_USER_INSTR0: u32 = 130;
    pub const KVM_CAP_MSI_DEVID: u32 = 131;
    pub const KVM_CAP_PPC_HTM: u32 = 132;
    pub const KVM_CAP_SPAPR_RESIZE_HPT: u32 = 133;
    pub const KVM_CAP_PPC_MMU_RADIX: u32 = 134;
    pub const KVM_CAP_PPC_MMU_HASH_V3: u32 = 135;
    /// Capability: `kvm_run.immediate_exit` is honoured.
    pub const KVM_CAP_IMMEDIATE_EXIT: u32 = 136;
    pub const KVM_CAP_MIPS_VZ: u32 = 137;
    pub const KVM_CAP_MIPS_TE: u32 = 138;
    pub const KVM_CAP_MIPS_64BIT: u32 = 139;
    pub const KVM_CAP_S390_GS: u32 = 140;
    pub const KVM_CAP_S390_AIS: u32 = 141;
    pub const KVM_CAP_SPAPR_TCE_VFIO: u32 = 142;
    pub const KVM_CAP_X86_DISABLE_EXITS: u32 = 143;
    pub const KVM_CAP_ARM_USER_IRQ: u32 = 144;
    pub const KVM_CAP_S390_CMMA_MIGRATION: u32 = 145;
    pub const KVM_CAP_PPC_FWNMI: u32 = 146;
    pub const KVM_CAP_PPC_SMT_POSSIBLE: u32 = 147;
    pub const KVM_CAP_HYPERV_SYNIC2: u32 = 148;
    pub const KVM_CAP_HYPERV_VP_INDEX: u32 = 149;
    pub const KVM_CAP_S390_AIS_MIGRATION: u32 = 150;
    pub const KVM_CAP_PPC_GET_CPU_CHAR: u32 = 151;
    pub const KVM_CAP_S390_BPB: u32 = 152;
    pub const KVM_CAP_GET_MSR_FEATURES: u32 = 153;
    pub const KVM_CAP_HYPERV_EVENTFD: u32 = 154;
    pub const KVM_CAP_HYPERV_TLBFLUSH: u32 = 155;
    pub const KVM_CAP_S390_HPAGE_1M: u32 = 156;
    pub const KVM_CAP_NESTED_STATE: u32 = 157;
    pub const KVM_CAP_ARM_INJECT_SERROR_ESR: u32 = 158;
    pub const KVM_CAP_MSR_PLATFORM_INFO: u32 = 159;
    pub const KVM_CAP_PPC_NESTED_HV: u32 = 160;
    pub const KVM_CAP_HYPERV_SEND_IPI: u32 = 161;
    pub const KVM_CAP_COALESCED_PIO: u32 = 162;
    pub const KVM_CAP_HYPERV_ENLIGHTENED_VMCS: u32 = 163;
    pub const KVM_CAP_EXCEPTION_PAYLOAD: u32 = 164;
    pub const KVM_CAP_ARM_VM_IPA_SIZE: u32 = 165;
    pub const KVM_CAP_MANUAL_DIRTY_LOG_PROTECT: u32 = 166;
    pub const KVM_CAP_HYPERV_CPUID: u32 = 167;
    pub const KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2: u32 = 168;
    pub const KVM_CAP_PPC_IRQ_XIVE: u32 = 169;
    pub const KVM_CAP_ARM_SVE: u32 = 170;
    pub const KVM_CAP_ARM_PTRAUTH_ADDRESS: u32 = 171;
    pub const KVM_CAP_ARM_PTRAUTH_GENERIC: u32 = 172;
    pub const KVM_CAP_PMU_EVENT_FILTER: u32 = 173;
    pub const KVM_CAP_ARM_IRQ_LINE_LAYOUT_2: u32 = 174;
    pub const KVM_CAP_HYPERV_DIRECT_TLBFLUSH: u32 = 175;
    pub const KVM_CAP_PPC_GUEST_DEBUG_SSTEP: u32 = 176;
    pub const KVM_CAP_ARM_NISV_TO_USER: u32 = 177;
    pub const KVM_CAP_ARM_INJECT_EXT_DABT: u32 = 178;
    pub const KVM_CAP_S390_VCPU_RESETS: u32 = 179;
    pub const KVM_CAP_S390_PROTECTED: u32 = 180;
    pub const KVM_CAP_PPC_SECURE_GUEST: u32 = 181;
    pub const KVM_CAP_HALT_POLL: u32 = 182;
    pub const KVM_CAP_ASYNC_PF_INT: u32 = 183;
    pub const KVM_CAP_LAST_CPU: u32 = 184;
    pub const KVM_CAP_SMALLER_MAXPHYADDR: u32 = 185;
    pub const KVM_CAP_S390_DIAG318: u32 = 186;
    pub const KVM_CAP_STEAL_TIME: u32 = 187;
    pub const KVM_CAP_X86_USER_SPACE_MSR: u32 = 188;
    pub const KVM_CAP_X86_MSR_FILTER: u32 = 189;
    pub const KVM_CAP_ENFORCE_PV_FEATURE_CPUID: u32 = 190;
    pub const KVM_CAP_SYS_HYPERV_CPUID: u32 = 191;
    pub const KVM_CAP_DIRTY_LOG_RING: u32 = 192;
    pub const KVM_CAP_X86_BUS_LOCK_EXIT: u32 = 193;
    pub const KVM_CAP_PPC_DAWR1: u32 = 194;
    pub const KVM_CAP_SET_GUEST_DEBUG2: u32 = 195;
    pub const KVM_CAP_SGX_ATTRIBUTE: u32 = 196;
    pub const KVM_CAP_VM_COPY_ENC_CONTEXT_FROM: u32 = 197;
    pub const KVM_CAP_PTP_KVM: u32 = 198;
    pub const KVM_CAP_HYPERV_ENFORCE_CPUID: u32 = 199;
    pub const KVM_CAP_SREGS2: u32 = 200;
    pub const KVM_CAP_EXIT_HYPERCALL: u32 = 201;
    pub const KVM_CAP_PPC_RPT_INVALIDATE: u32 = 202;
    pub const KVM_CAP_BINARY_STATS_FD: u32 = 203;
    pub const KVM_CAP_EXIT_ON_EMULATION_FAILURE: u32 = 204;
    pub const KVM_CAP_ARM_MTE: u32 = 205;
    pub const KVM_CAP_VM_MOVE_ENC_CONTEXT_FROM: u32 = 206;
    pub const KVM_CAP_VM_GPA_BITS: u32 = 207;
    pub const KVM_CAP_XSAVE2: u32 = 208;
    pub const KVM_CAP_SYS_ATTRIBUTES: u32 = 209;
    pub const KVM_CAP_PPC_AIL_MODE_3: u32 = 210;
    pub const KVM_CAP_S390_MEM_OP_EXTENSION: u32 = 211;
    pub const KVM_CAP_PMU_CAPABILITY: u32 = 212;
    pub const KVM_CAP_DISABLE_QUIRKS2: u32 = 213;
    pub const KVM_CAP_VM_TSC_CONTROL: u32 = 214;
    pub const KVM_CAP_SYSTEM_EVENT_DATA: u32 = 215;
    pub const KVM_CAP_ARM_SYSTEM_SUSPEND: u32 = 216;
    pub const KVM_CAP_S390_PROTECTED_DUMP: u32 = 217;
    pub const KVM_CAP_X86_TRIPLE_FAULT_EVENT: u32 = 218;
    pub const KVM_CAP_X86_NOTIFY_VMEXIT: u32 = 219;
    pub const KVM_CAP_VM_DISABLE_NX_HUGE_PAGES: u32 = 220;
    pub const KVM_CAP_S390_ZPCI_OP: u32 = 221;
    pub const KVM_CAP_S390_CPU_TOPOLOGY: u32 = 222;
    pub const KVM_CAP_DIRTY_LOG_RING_ACQ_REL: u32 = 223;
    pub const KVM_CAP_S390_PROTECTED_ASYNC_DISABLE: u32 = 224;
    pub const KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP: u32 = 225;
    pub const KVM_CAP_PMU_EVENT_MASKED_EVENTS: u32 = 226;
    pub const KVM_CAP_COUNTER_OFFSET: u32 = 227;
    pub const KVM_CAP_ARM_EAGER_SPLIT_CHUNK_SIZE: u32 = 228;
    pub const KVM_CAP_ARM_SUPPORTED_BLOCK_SIZES: u32 = 229;
    pub const KVM_CAP_ARM_SUPPORTED_REG_MASK_RANGES: u32 = 230;
    pub const KVM_CAP_USER_MEMORY2: u32 = 231;
    pub const KVM_CAP_MEMORY_FAULT_INFO: u32 = 232;
    pub const KVM_CAP_MEMORY_ATTRIBUTES: u32 = 233;
    pub const KVM_CAP_GUEST_MEMFD: u32 = 234;
    pub const KVM_CAP_VM_TYPES: u32 = 235;
    pub const KVM_CAP_PRE_FAULT_MEMORY: u32 = 236;
    pub const KVM_CAP_X86_APIC_BUS_CYCLES_NS: u32 = 237;
    pub const KVM_CAP_X86_GUEST_MODE: u32 = 238;
    pub const KVM_CAP_ARM_WRITABLE_IMP_ID_REGS: u32 = 239;
    pub const KVM_CAP_ARM_EL2: u32 = 240;
    pub const KVM_CAP_ARM_EL2_E2H0: u32 = 241;
    pub const KVM_CAP_RISCV_MP_STATE_RESET: u32 = 242;
    pub const KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED: u32 = 243;
    pub const KVM_CAP_GUEST_MEMFD_FLAGS: u32 = 244;
    pub const KVM_CAP_ARM_SEA_TO_USER: u32 = 245;
    pub const KVM_CAP_S390_USER_OPEREXEC: u32 = 246;
    pub const KVM_CAP_S390_KEYOP: u32 = 247;
    pub const KVM_CAP_S390_VSIE_ESAMODE: u32 = 248;
    pub const KVM_CAP_S390_HPAGE_2G: u32 = 249;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingIrqchip {
        pub irqchip: u32,
        pub pin: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmIrqRoutingMsiAnon1 {
        pub pad: u32,
        pub devid: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingMsi {
        pub address_lo: u32,
        pub address_hi: u32,
        pub data: u32,
        #[uabi(anonymous)]
        pub __bindgen_anon_1: KvmIrqRoutingMsiAnon1,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingS390Adapter {
        pub ind_addr: u64,
        pub summary_addr: u64,
        pub ind_offset: u64,
        pub summary_offset: u32,
        pub adapter_id: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingHvSint {
        pub vcpu: u32,
        pub sint: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingXenEvtchn {
        pub port: u32,
        pub vcpu: u32,
        pub priority: u32,
    }

    pub const KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL: u32 = 0xffffffff;
    pub const KVM_IRQ_ROUTING_IRQCHIP: u32 = 1;
    pub const KVM_IRQ_ROUTING_MSI: u32 = 2;
    pub const KVM_IRQ_ROUTING_S390_ADAPTER: u32 = 3;
    pub const KVM_IRQ_ROUTING_HV_SINT: u32 = 4;
    pub const KVM_IRQ_ROUTING_XEN_EVTCHN: u32 = 5;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(anonymous)]
    pub union KvmIrqRoutingEntryU {
        pub irqchip: KvmIrqRoutingIrqchip,
        pub msi: KvmIrqRoutingMsi,
        pub adapter: KvmIrqRoutingS390Adapter,
        pub hv_sint: KvmIrqRoutingHvSint,
        pub xen_evtchn: KvmIrqRoutingXenEvtchn,
        pub pad: [u32; 8],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRoutingEntry {
        pub gsi: u32,
        #[uabi(c_name = "type")]
        pub type_: u32,
        pub flags: u32,
        pub pad: u32,
        pub u: KvmIrqRoutingEntryU,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqRouting {
        pub nr: u32,
        pub flags: u32,
        #[uabi(counted_by = nr)]
        pub entries: [KvmIrqRoutingEntry],
    }

    pub const KVM_IRQFD_FLAG_DEASSIGN: u32 = 1 << 0;
    pub const KVM_IRQFD_FLAG_RESAMPLE: u32 = 1 << 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmIrqfd {
        pub fd: u32,
        pub gsi: u32,
        pub flags: u32,
        pub resamplefd: u32,
        pub pad: [u8; 16],
    }

    /// Which of the fields below the kernel filled in.
    /// The clock is stable across vCPUs (1 is skipped: an old answer used it).
    pub const KVM_CLOCK_TSC_STABLE: u32 = 2;
    /// `realtime` holds the host's wall clock at the time of `clock`.
    pub const KVM_CLOCK_REALTIME: u32 = 1 << 2;
    /// `host_tsc` holds the host's TSC at the time of `clock`.
    pub const KVM_CLOCK_HOST_TSC: u32 = 1 << 3;
    /// Argument of `KVM_GET_CLOCK` (x86): the VM's kvmclock, in nanoseconds.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmClockData {
        /// The guest's clock, in nanoseconds.
        pub clock: u64,
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

    pub const KVM_MMU_FSL_BOOKE_NOHV: u32 = 0;
    pub const KVM_MMU_FSL_BOOKE_HV: u32 = 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmConfigTlb {
        pub params: u64,
        pub array: u64,
        pub mmu_type: u32,
        pub array_len: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmDirtyTlb {
        pub bitmap: u64,
        pub num_dirty: u32,
        /// Tail padding that Linux leaves implicit, named.
        pub __pad: [u8; 4],
    }

    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_ARCH_MASK: u64 = 0xff00000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_GENERIC: u32 = 0x0000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_PPC: u64 = 0x1000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_X86: u64 = 0x2000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_IA64: u64 = 0x3000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_ARM: u64 = 0x4000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_S390: u64 = 0x5000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_ARM64: u64 = 0x6000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_MIPS: u64 = 0x7000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_RISCV: u64 = 0x8000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_LOONGARCH: u64 = 0x9000000000000000;
    pub const KVM_REG_SIZE_SHIFT: u32 = 52;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_MASK: u64 = 0x00f0000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U8: u32 = 0x0000000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U16: u64 = 0x0010000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U32: u64 = 0x0020000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U64: u64 = 0x0030000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U128: u64 = 0x0040000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U256: u64 = 0x0050000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U512: u64 = 0x0060000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U1024: u64 = 0x0070000000000000;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_REG_SIZE_U2048: u64 = 0x0080000000000000;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmRegList {
        pub n: u64,
        #[uabi(counted_by = n)]
        pub reg: [u64],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmOneReg {
        pub id: u64,
        pub addr: u64,
    }

    #[uabi(c_suffix = "U")]
    pub const KVM_MSI_VALID_DEVID: u32 = 1 << 0;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmMsi {
        pub address_lo: u32,
        pub address_hi: u32,
        pub data: u32,
        pub flags: u32,
        pub devid: u32,
        pub pad: [u8; 12],
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmArmDeviceAddr {
        pub id: u64,
        pub addr: u64,
    }

    pub const KVM_CREATE_DEVICE_TEST: u32 = 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmCreateDevice {
        #[uabi(c_name = "type")]
        pub type_: u32,
        pub fd: u32,
        pub flags: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmDeviceAttr {
        pub flags: u32,
        pub group: u32,
        pub attr: u64,
        pub addr: u64,
    }

    pub const KVM_DEV_VFIO_FILE: u32 = 1;
    pub const KVM_DEV_VFIO_FILE_ADD: u32 = 1;
    pub const KVM_DEV_VFIO_FILE_DEL: u32 = 2;
    pub const KVM_DEV_VFIO_GROUP: u32 = KVM_DEV_VFIO_FILE;
    pub const KVM_DEV_VFIO_GROUP_ADD: u32 = KVM_DEV_VFIO_FILE_ADD;
    pub const KVM_DEV_VFIO_GROUP_DEL: u32 = KVM_DEV_VFIO_FILE_DEL;
    pub const KVM_DEV_VFIO_GROUP_SET_SPAPR_TCE: u32 = 3;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[uabi(prefix = "KVM_DEV_TYPE_", c_defines)]
    pub enum KvmDeviceType {
        #[uabi(c_name = "KVM_DEV_TYPE_FSL_MPIC_20")] FslMpic20 = 1,
        #[uabi(c_name = "KVM_DEV_TYPE_FSL_MPIC_42")] FslMpic42 = 2,
        Xics = 3,
        Vfio = 4,
        ArmVgicV2 = 5,
        Flic = 6,
        ArmVgicV3 = 7,
        ArmVgicIts = 8,
        Xive = 9,
        ArmPvTime = 10,
        RiscvAia = 11,
        LoongarchIpi = 12,
        LoongarchEiointc = 13,
        LoongarchPchpic = 14,
        LoongarchDmsintc = 15,
        ArmVgicV5 = 16,
        Max = 17,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmVfioSpaprTce {
        pub groupfd: i32,
        pub tablefd: i32,
    }

    pub const KVM_S390_KEYOP_ISKE: u32 = 0x01;
    pub const KVM_S390_KEYOP_RRBE: u32 = 0x02;
    pub const KVM_S390_KEYOP_SSKE: u32 = 0x03;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmS390Keyop {
        pub guest_addr: u64,
        pub key: u8,
        pub operation: u8,
        pub pad: [u8; 6],
    }

    #[uabi(namespace = vm)]
    pub const KVM_CREATE_VCPU: Ioctl = io!(KVMIO, 0x41);
    #[uabi(namespace = vm)]
    pub const KVM_GET_DIRTY_LOG: Ioctl<KvmDirtyLog> = iow!(KVMIO, 0x42, KvmDirtyLog);
    #[uabi(namespace = vm)]
    pub const KVM_SET_NR_MMU_PAGES: Ioctl = io!(KVMIO, 0x44);
    #[uabi(namespace = vm)]
    pub const KVM_GET_NR_MMU_PAGES: Ioctl = io!(KVMIO, 0x45);
    #[uabi(namespace = vm)]
    pub const KVM_SET_USER_MEMORY_REGION: Ioctl<KvmUserspaceMemoryRegion> = iow!(KVMIO, 0x46, KvmUserspaceMemoryRegion);
    #[uabi(namespace = vm)]
    pub const KVM_SET_TSS_ADDR: Ioctl = io!(KVMIO, 0x47);
    #[uabi(namespace = vm)]
    pub const KVM_SET_IDENTITY_MAP_ADDR: Ioctl<u64> = iow!(KVMIO, 0x48, u64);
    #[uabi(namespace = vm)]
    pub const KVM_SET_USER_MEMORY_REGION2: Ioctl<KvmUserspaceMemoryRegion2> = iow!(KVMIO, 0x49, KvmUserspaceMemoryRegion2);
    #[uabi(namespace = vm)]
    pub const KVM_S390_VCPU_FAULT: Ioctl<u64> = iow!(KVMIO, 0x52, u64);
    #[uabi(namespace = vm)]
    pub const KVM_S390_KEYOP: Ioctl<KvmS390Keyop> = iowr!(KVMIO, 0x53, KvmS390Keyop);
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_IRQCHIP: Ioctl = io!(KVMIO, 0x60);
    #[uabi(namespace = vm)]
    pub const KVM_IRQ_LINE: Ioctl<KvmIrqLevel> = iow!(KVMIO, 0x61, KvmIrqLevel);
    #[uabi(namespace = vm)]
    pub const KVM_GET_IRQCHIP: Ioctl<KvmIrqchip> = iowr!(KVMIO, 0x62, KvmIrqchip);
    #[uabi(namespace = vm)]
    pub const KVM_SET_IRQCHIP: Ioctl<KvmIrqchip> = ior!(KVMIO, 0x63, KvmIrqchip);
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_PIT: Ioctl = io!(KVMIO, 0x64);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_GET_PIT: Ioctl<KvmPitState> = iowr!(KVMIO, 0x65, KvmPitState);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_SET_PIT: Ioctl<KvmPitState> = ior!(KVMIO, 0x66, KvmPitState);
    #[uabi(namespace = vm)]
    pub const KVM_IRQ_LINE_STATUS: Ioctl<KvmIrqLevel> = iowr!(KVMIO, 0x67, KvmIrqLevel);
    #[uabi(namespace = vm)]
    pub const KVM_REGISTER_COALESCED_MMIO: Ioctl<KvmCoalescedMmioZone> = iow!(KVMIO, 0x67, KvmCoalescedMmioZone);
    #[uabi(namespace = vm)]
    pub const KVM_UNREGISTER_COALESCED_MMIO: Ioctl<KvmCoalescedMmioZone> = iow!(KVMIO, 0x68, KvmCoalescedMmioZone);
    #[uabi(namespace = vm)]
    pub const KVM_SET_GSI_ROUTING: Ioctl<KvmIrqRouting> = iow!(KVMIO, 0x6a, KvmIrqRouting);
    #[uabi(namespace = vm)]
    pub const KVM_REINJECT_CONTROL: Ioctl = io!(KVMIO, 0x71);
    #[uabi(namespace = vm)]
    pub const KVM_IRQFD: Ioctl<KvmIrqfd> = iow!(KVMIO, 0x76, KvmIrqfd);
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_PIT2: Ioctl<KvmPitConfig> = iow!(KVMIO, 0x77, KvmPitConfig);
    #[uabi(namespace = vm)]
    pub const KVM_SET_BOOT_CPU_ID: Ioctl = io!(KVMIO, 0x78);
    #[uabi(namespace = vm)]
    pub const KVM_IOEVENTFD: Ioctl<KvmIoeventfd> = iow!(KVMIO, 0x79, KvmIoeventfd);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_XEN_HVM_CONFIG: Ioctl<KvmXenHvmConfig> = iow!(KVMIO, 0x7a, KvmXenHvmConfig);
    #[uabi(namespace = vm)]
    pub const KVM_SET_CLOCK: Ioctl<KvmClockData> = iow!(KVMIO, 0x7b, KvmClockData);
    #[uabi(namespace = vm)]
    pub const KVM_GET_CLOCK: Ioctl<KvmClockData> = ior!(KVMIO, 0x7c, KvmClockData);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_GET_PIT2: Ioctl<KvmPitState2> = ior!(KVMIO, 0x9f, KvmPitState2);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_SET_PIT2: Ioctl<KvmPitState2> = iow!(KVMIO, 0xa0, KvmPitState2);
    #[uabi(namespace = vm)]
    pub const KVM_SET_TSC_KHZ: Ioctl = io!(KVMIO, 0xa2);
    #[uabi(namespace = vm)]
    pub const KVM_GET_TSC_KHZ: Ioctl = io!(KVMIO, 0xa3);
    #[uabi(namespace = vm)]
    pub const KVM_SIGNAL_MSI: Ioctl<KvmMsi> = iow!(KVMIO, 0xa5, KvmMsi);
    #[uabi(namespace = vm)]
    pub const KVM_PPC_ALLOCATE_HTAB: Ioctl<u32> = iowr!(KVMIO, 0xa7, u32);
    #[uabi(namespace = vm)]
    pub const KVM_ARM_SET_DEVICE_ADDR: Ioctl<KvmArmDeviceAddr> = iow!(KVMIO, 0xab, KvmArmDeviceAddr);
    #[uabi(namespace = vm, arch(x86, arm64))]
    pub const KVM_SET_PMU_EVENT_FILTER: Ioctl<KvmPmuEventFilter> = iow!(KVMIO, 0xb2, KvmPmuEventFilter);
    #[uabi(namespace = vm)]
    pub const KVM_PPC_SVM_OFF: Ioctl = io!(KVMIO, 0xb3);
    #[uabi(namespace = vm, arch = arm64)]
    pub const KVM_ARM_MTE_COPY_TAGS: Ioctl<KvmArmCopyMteTags> = ior!(KVMIO, 0xb4, KvmArmCopyMteTags);
    #[uabi(namespace = vm, arch = arm64)]
    pub const KVM_ARM_SET_COUNTER_OFFSET: Ioctl<KvmArmCounterOffset> = iow!(KVMIO, 0xb5, KvmArmCounterOffset);
    #[uabi(namespace = vm, arch = arm64)]
    pub const KVM_ARM_GET_REG_WRITABLE_MASKS: Ioctl<RegMaskRange> = ior!(KVMIO, 0xb6, RegMaskRange);
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_DEVICE: Ioctl<KvmCreateDevice> = iowr!(KVMIO, 0xe0, KvmCreateDevice);
    #[uabi(namespace = device)]
    pub const KVM_SET_DEVICE_ATTR: Ioctl<KvmDeviceAttr> = iow!(KVMIO, 0xe1, KvmDeviceAttr);
    #[uabi(namespace = device)]
    pub const KVM_GET_DEVICE_ATTR: Ioctl<KvmDeviceAttr> = iow!(KVMIO, 0xe2, KvmDeviceAttr);
    #[uabi(namespace = device)]
    pub const KVM_HAS_DEVICE_ATTR: Ioctl<KvmDeviceAttr> = iow!(KVMIO, 0xe3, KvmDeviceAttr);
    #[uabi(namespace = vcpu)]
    pub const KVM_RUN: Ioctl = io!(KVMIO, 0x80);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_GET_REGS: Ioctl<KvmRegs> = ior!(KVMIO, 0x81, KvmRegs);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_SET_REGS: Ioctl<KvmRegs> = iow!(KVMIO, 0x82, KvmRegs);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_GET_SREGS: Ioctl<KvmSregs> = ior!(KVMIO, 0x83, KvmSregs);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_SET_SREGS: Ioctl<KvmSregs> = iow!(KVMIO, 0x84, KvmSregs);
    #[uabi(namespace = vcpu)]
    pub const KVM_TRANSLATE: Ioctl<KvmTranslation> = iowr!(KVMIO, 0x85, KvmTranslation);
    #[uabi(namespace = vcpu)]
    pub const KVM_INTERRUPT: Ioctl<KvmInterrupt> = iow!(KVMIO, 0x86, KvmInterrupt);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_MSRS: Ioctl<KvmMsrs> = iowr!(KVMIO, 0x88, KvmMsrs);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_MSRS: Ioctl<KvmMsrs> = iow!(KVMIO, 0x89, KvmMsrs);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_CPUID: Ioctl<KvmCpuid> = iow!(KVMIO, 0x8a, KvmCpuid);
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_SIGNAL_MASK: Ioctl<KvmSignalMask> = iow!(KVMIO, 0x8b, KvmSignalMask);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_GET_FPU: Ioctl<KvmFpu> = ior!(KVMIO, 0x8c, KvmFpu);
    #[uabi(namespace = vcpu, arch(x86, arm64, riscv))]
    pub const KVM_SET_FPU: Ioctl<KvmFpu> = iow!(KVMIO, 0x8d, KvmFpu);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_LAPIC: Ioctl<KvmLapicState> = ior!(KVMIO, 0x8e, KvmLapicState);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_LAPIC: Ioctl<KvmLapicState> = iow!(KVMIO, 0x8f, KvmLapicState);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_CPUID2: Ioctl<KvmCpuid2> = iow!(KVMIO, 0x90, KvmCpuid2);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_CPUID2: Ioctl<KvmCpuid2> = iowr!(KVMIO, 0x91, KvmCpuid2);
    #[uabi(namespace = vcpu)]
    pub const KVM_TPR_ACCESS_REPORTING: Ioctl<KvmTprAccessCtl> = iowr!(KVMIO, 0x92, KvmTprAccessCtl);
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_VAPIC_ADDR: Ioctl<KvmVapicAddr> = iow!(KVMIO, 0x93, KvmVapicAddr);
    #[uabi(c_suffix = "UL")]
    pub const KVM_S390_STORE_STATUS_NOADDR: u64 = 0xffffffffffffffff;
    #[uabi(c_suffix = "UL")]
    pub const KVM_S390_STORE_STATUS_PREFIXED: u64 = 0xfffffffffffffffe;
    #[uabi(namespace = vcpu)]
    pub const KVM_S390_STORE_STATUS: Ioctl<u64> = iow!(KVMIO, 0x95, u64);
    #[uabi(namespace = vcpu)]
    pub const KVM_S390_INITIAL_RESET: Ioctl = io!(KVMIO, 0x97);
    #[uabi(namespace = vcpu)]
    pub const KVM_GET_MP_STATE: Ioctl<KvmMpState> = ior!(KVMIO, 0x98, KvmMpState);
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_MP_STATE: Ioctl<KvmMpState> = iow!(KVMIO, 0x99, KvmMpState);
    #[uabi(namespace = vcpu)]
    pub const KVM_NMI: Ioctl = io!(KVMIO, 0x9a);
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_GUEST_DEBUG: Ioctl<KvmGuestDebug> = iow!(KVMIO, 0x9b, KvmGuestDebug);
    #[uabi(namespace = vcpu)]
    pub const KVM_X86_SETUP_MCE: Ioctl<u64> = iow!(KVMIO, 0x9c, u64);
    #[uabi(namespace = vcpu)]
    pub const KVM_X86_GET_MCE_CAP_SUPPORTED: Ioctl<u64> = ior!(KVMIO, 0x9d, u64);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_X86_SET_MCE: Ioctl<KvmX86Mce> = iow!(KVMIO, 0x9e, KvmX86Mce);
    #[uabi(namespace = vcpu, arch(x86, arm64))]
    pub const KVM_GET_VCPU_EVENTS: Ioctl<KvmVcpuEvents> = ior!(KVMIO, 0x9f, KvmVcpuEvents);
    #[uabi(namespace = vcpu, arch(x86, arm64))]
    pub const KVM_SET_VCPU_EVENTS: Ioctl<KvmVcpuEvents> = iow!(KVMIO, 0xa0, KvmVcpuEvents);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_DEBUGREGS: Ioctl<KvmDebugregs> = ior!(KVMIO, 0xa1, KvmDebugregs);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_DEBUGREGS: Ioctl<KvmDebugregs> = iow!(KVMIO, 0xa2, KvmDebugregs);
    #[uabi(namespace = vcpu)]
    pub const KVM_ENABLE_CAP: Ioctl<KvmEnableCap> = iow!(KVMIO, 0xa3, KvmEnableCap);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_XSAVE: Ioctl<KvmXsave> = ior!(KVMIO, 0xa4, KvmXsave);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_XSAVE: Ioctl<KvmXsave> = iow!(KVMIO, 0xa5, KvmXsave);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_XCRS: Ioctl<KvmXcrs> = ior!(KVMIO, 0xa6, KvmXcrs);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_XCRS: Ioctl<KvmXcrs> = iow!(KVMIO, 0xa7, KvmXcrs);
    #[uabi(namespace = vcpu)]
    pub const KVM_DIRTY_TLB: Ioctl<KvmDirtyTlb> = iow!(KVMIO, 0xaa, KvmDirtyTlb);
    #[uabi(namespace = vcpu)]
    pub const KVM_GET_ONE_REG: Ioctl<KvmOneReg> = iow!(KVMIO, 0xab, KvmOneReg);
    #[uabi(namespace = vcpu)]
    pub const KVM_SET_ONE_REG: Ioctl<KvmOneReg> = iow!(KVMIO, 0xac, KvmOneReg);
    #[uabi(namespace = vcpu)]
    pub const KVM_KVMCLOCK_CTRL: Ioctl = io!(KVMIO, 0xad);
    #[uabi(namespace = vcpu, arch = arm64)]
    pub const KVM_ARM_VCPU_INIT: Ioctl<KvmVcpuInit> = iow!(KVMIO, 0xae, KvmVcpuInit);
    #[uabi(namespace = vcpu, arch = arm64)]
    pub const KVM_ARM_PREFERRED_TARGET: Ioctl<KvmVcpuInit> = ior!(KVMIO, 0xaf, KvmVcpuInit);
    #[uabi(namespace = vcpu)]
    pub const KVM_GET_REG_LIST: Ioctl<KvmRegList> = iowr!(KVMIO, 0xb0, KvmRegList);
    #[uabi(namespace = vcpu)]
    pub const KVM_SMI: Ioctl = io!(KVMIO, 0xb7);
    #[uabi(namespace = vm)]
    pub const KVM_MEMORY_ENCRYPT_OP: Ioctl<u64> = iowr!(KVMIO, 0xba, u64);
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmEncRegion {
        pub addr: u64,
        pub size: u64,
    }

    #[uabi(namespace = vm)]
    pub const KVM_MEMORY_ENCRYPT_REG_REGION: Ioctl<KvmEncRegion> = ior!(KVMIO, 0xbb, KvmEncRegion);
    #[uabi(namespace = vm)]
    pub const KVM_MEMORY_ENCRYPT_UNREG_REGION: Ioctl<KvmEncRegion> = ior!(KVMIO, 0xbc, KvmEncRegion);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_HYPERV_EVENTFD: Ioctl<KvmHypervEventfd> = iow!(KVMIO, 0xbd, KvmHypervEventfd);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_NESTED_STATE: Ioctl<KvmNestedState> = iowr!(KVMIO, 0xbe, KvmNestedState);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_NESTED_STATE: Ioctl<KvmNestedState> = iow!(KVMIO, 0xbf, KvmNestedState);
    #[uabi(namespace = vm)]
    pub const KVM_CLEAR_DIRTY_LOG: Ioctl<KvmClearDirtyLog> = iowr!(KVMIO, 0xc0, KvmClearDirtyLog);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_SUPPORTED_HV_CPUID: Ioctl<KvmCpuid2> = iowr!(KVMIO, 0xc1, KvmCpuid2);
    #[uabi(namespace = vcpu)]
    pub const KVM_ARM_VCPU_FINALIZE: Ioctl<i32> = iow!(KVMIO, 0xc2, i32);
    #[uabi(namespace = vm)]
    pub const KVM_S390_NORMAL_RESET: Ioctl = io!(KVMIO, 0xc3);
    #[uabi(namespace = vm)]
    pub const KVM_S390_CLEAR_RESET: Ioctl = io!(KVMIO, 0xc4);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_X86_SET_MSR_FILTER: Ioctl<KvmMsrFilter> = iow!(KVMIO, 0xc6, KvmMsrFilter);
    #[uabi(namespace = vm)]
    pub const KVM_RESET_DIRTY_RINGS: Ioctl = io!(KVMIO, 0xc7);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_XEN_HVM_GET_ATTR: Ioctl<KvmXenHvmAttr> = iowr!(KVMIO, 0xc8, KvmXenHvmAttr);
    #[uabi(namespace = vm, arch = x86)]
    pub const KVM_XEN_HVM_SET_ATTR: Ioctl<KvmXenHvmAttr> = iow!(KVMIO, 0xc9, KvmXenHvmAttr);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_XEN_VCPU_GET_ATTR: Ioctl<KvmXenVcpuAttr> = iowr!(KVMIO, 0xca, KvmXenVcpuAttr);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_XEN_VCPU_SET_ATTR: Ioctl<KvmXenVcpuAttr> = iow!(KVMIO, 0xcb, KvmXenVcpuAttr);
    #[uabi(namespace = vm)]
    pub const KVM_XEN_HVM_EVTCHN_SEND: Ioctl<KvmIrqRoutingXenEvtchn> = iow!(KVMIO, 0xd0, KvmIrqRoutingXenEvtchn);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_SREGS2: Ioctl<KvmSregs2> = ior!(KVMIO, 0xcc, KvmSregs2);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_SET_SREGS2: Ioctl<KvmSregs2> = iow!(KVMIO, 0xcd, KvmSregs2);
    pub const KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE: u32 = 1 << 0;
    pub const KVM_DIRTY_LOG_INITIALLY_SET: u32 = 1 << 1;
    #[uabi(c_suffix = "UL")]
    pub const KVM_DIRTY_GFN_F_DIRTY: u32 = 1 << 0;
    #[uabi(c_suffix = "UL")]
    pub const KVM_DIRTY_GFN_F_RESET: u32 = 1 << 1;
    pub const KVM_DIRTY_GFN_F_MASK: u32 = 0x3;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmDirtyGfn {
        pub flags: u32,
        pub slot: u32,
        pub offset: u64,
    }

    pub const KVM_BUS_LOCK_DETECTION_OFF: u32 = 1 << 0;
    pub const KVM_BUS_LOCK_DETECTION_EXIT: u32 = 1 << 1;
    pub const KVM_PMU_CAP_DISABLE: u32 = 1 << 0;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmStatsHeader {
        pub flags: u32,
        pub name_size: u32,
        pub num_desc: u32,
        pub id_offset: u32,
        pub desc_offset: u32,
        pub data_offset: u32,
    }

    pub const KVM_STATS_TYPE_SHIFT: u32 = 0;
    pub const KVM_STATS_TYPE_MASK: u32 = 0xF << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_CUMULATIVE: u32 = 0x0 << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_INSTANT: u32 = 0x1 << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_PEAK: u32 = 0x2 << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_LINEAR_HIST: u32 = 0x3 << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_LOG_HIST: u32 = 0x4 << KVM_STATS_TYPE_SHIFT;
    pub const KVM_STATS_TYPE_MAX: u32 = KVM_STATS_TYPE_LOG_HIST;
    pub const KVM_STATS_UNIT_SHIFT: u32 = 4;
    pub const KVM_STATS_UNIT_MASK: u32 = 0xF << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_NONE: u32 = 0x0 << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_BYTES: u32 = 0x1 << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_SECONDS: u32 = 0x2 << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_CYCLES: u32 = 0x3 << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_BOOLEAN: u32 = 0x4 << KVM_STATS_UNIT_SHIFT;
    pub const KVM_STATS_UNIT_MAX: u32 = KVM_STATS_UNIT_BOOLEAN;
    pub const KVM_STATS_BASE_SHIFT: u32 = 8;
    pub const KVM_STATS_BASE_MASK: u32 = 0xF << KVM_STATS_BASE_SHIFT;
    pub const KVM_STATS_BASE_POW10: u32 = 0x0 << KVM_STATS_BASE_SHIFT;
    pub const KVM_STATS_BASE_POW2: u32 = 0x1 << KVM_STATS_BASE_SHIFT;
    pub const KVM_STATS_BASE_MAX: u32 = KVM_STATS_BASE_POW2;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmStatsDesc {
        pub flags: u32,
        pub exponent: i16,
        pub size: u16,
        pub offset: u32,
        pub bucket_size: u32,
        pub name: [u8],
    }

    #[uabi(namespace = vm)]
    pub const KVM_GET_STATS_FD: Ioctl = io!(KVMIO, 0xce);
    #[uabi(namespace = vcpu, arch = x86)]
    pub const KVM_GET_XSAVE2: Ioctl<KvmXsave> = ior!(KVMIO, 0xcf, KvmXsave);
    #[uabi(c_suffix = "ULL")]
    pub const KVM_X86_NOTIFY_VMEXIT_ENABLED: u32 = 1 << 0;
    #[uabi(c_suffix = "ULL")]
    pub const KVM_X86_NOTIFY_VMEXIT_USER: u32 = 1 << 1;
    #[uabi(namespace = vm)]
    pub const KVM_SET_MEMORY_ATTRIBUTES: Ioctl<KvmMemoryAttributes> = iow!(KVMIO, 0xd2, KvmMemoryAttributes);
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmMemoryAttributes {
        pub address: u64,
        pub size: u64,
        pub attributes: u64,
        pub flags: u64,
    }

    #[uabi(c_suffix = "ULL")]
    pub const KVM_MEMORY_ATTRIBUTE_PRIVATE: u32 = 1 << 3;
    #[uabi(namespace = vm)]
    pub const KVM_CREATE_GUEST_MEMFD: Ioctl<KvmCreateGuestMemfd> = iowr!(KVMIO, 0xd4, KvmCreateGuestMemfd);
    #[uabi(c_suffix = "ULL")]
    pub const GUEST_MEMFD_FLAG_MMAP: u32 = 1 << 0;
    #[uabi(c_suffix = "ULL")]
    pub const GUEST_MEMFD_FLAG_INIT_SHARED: u32 = 1 << 1;
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmCreateGuestMemfd {
        pub size: u64,
        pub flags: u64,
        pub reserved: [u64; 6],
    }

    #[uabi(namespace = vcpu)]
    pub const KVM_PRE_FAULT_MEMORY: Ioctl<KvmPreFaultMemory> = iowr!(KVMIO, 0xd5, KvmPreFaultMemory);
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct KvmPreFaultMemory {
        pub gpa: u64,
        pub size: u64,
        pub flags: u64,
        pub padding: [u64; 5],
    }

    /// Marks a member of `kvm_run` that user space may change while the vCPU runs, so that the
    /// kernel reads it once: the member's name itself.
    #[uabi(c_macro)]
    macro_rules! HINT_UNSAFE_IN_KVM {
        (symbol) => { symbol };
    }
    /// The IPA size field of an arm64 machine type (`KVM_CREATE_VM`'s argument).
    #[uabi(c_macro)]
    pub const fn KVM_VM_TYPE_ARM_IPA_SIZE(x: u32) -> u32 {
        x & KVM_VM_TYPE_ARM_IPA_SIZE_MASK
    }
    /// The size in bytes of the register a `KVM_GET_ONE_REG` id names (its `KVM_REG_SIZE_*`
    /// field, a power of two).
    #[uabi(c_macro, c_suffix = "U")]
    pub const fn KVM_REG_SIZE(id: u64) -> u32 {
        1 << ((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT)
    }
    /// How many `kvm_coalesced_mmio` entries the ring page holds after its header (C only: it
    /// needs the program's own `PAGE_SIZE`, as Linux's does).
    #[uabi(c_macro)]
    macro_rules! KVM_COALESCED_MMIO_MAX {
        () => { (PAGE_SIZE - sizeof(struct kvm_coalesced_mmio_ring)) / sizeof(struct kvm_coalesced_mmio) };
    }

    /// Each architecture's part of the interface, as Linux's `<asm/kvm.h>` of x86, arm64 and
    /// riscv64 has it: registers, in-kernel devices and their attributes.
    #[uabi(
        header = "asm/kvm.h",
        guard = "_ASM_KVM_H",
        arch_guard(x86 = "_ASM_X86_KVM_H", arm64 = "__ARM_KVM_H__", riscv = "__LINUX_KVM_RISCV_H"),
        arch_includes(x86 = ["linux/const.h", "linux/stddef.h"], arm64 = ["linux/psci.h", "asm/ptrace.h", "asm/sve_context.h"], riscv = ["asm/bitsperlong.h", "asm/ptrace.h"])
    )]
    pub mod asm {
        #[uabi(arch = x86)]
        pub const KVM_PIO_PAGE_OFFSET: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_COALESCED_MMIO_PAGE_OFFSET: u32 = 2;
        #[uabi(arch(x86, arm64, riscv))]
        pub const KVM_DIRTY_LOG_PAGE_OFFSET: u32 = 64;
        #[uabi(arch = x86)]
        pub const DE_VECTOR: u32 = 0;
        #[uabi(arch = x86)]
        pub const DB_VECTOR: u32 = 1;
        #[uabi(arch = x86)]
        pub const BP_VECTOR: u32 = 3;
        #[uabi(arch = x86)]
        pub const OF_VECTOR: u32 = 4;
        #[uabi(arch = x86)]
        pub const BR_VECTOR: u32 = 5;
        #[uabi(arch = x86)]
        pub const UD_VECTOR: u32 = 6;
        #[uabi(arch = x86)]
        pub const NM_VECTOR: u32 = 7;
        #[uabi(arch = x86)]
        pub const DF_VECTOR: u32 = 8;
        #[uabi(arch = x86)]
        pub const TS_VECTOR: u32 = 10;
        #[uabi(arch = x86)]
        pub const NP_VECTOR: u32 = 11;
        #[uabi(arch = x86)]
        pub const SS_VECTOR: u32 = 12;
        #[uabi(arch = x86)]
        pub const GP_VECTOR: u32 = 13;
        #[uabi(arch = x86)]
        pub const PF_VECTOR: u32 = 14;
        #[uabi(arch = x86)]
        pub const MF_VECTOR: u32 = 16;
        #[uabi(arch = x86)]
        pub const AC_VECTOR: u32 = 17;
        #[uabi(arch = x86)]
        pub const MC_VECTOR: u32 = 18;
        #[uabi(arch = x86)]
        pub const XM_VECTOR: u32 = 19;
        #[uabi(arch = x86)]
        pub const VE_VECTOR: u32 = 20;
        #[uabi(arch = x86)]
        pub const CP_VECTOR: u32 = 21;
        #[uabi(arch = x86)]
        pub const HV_VECTOR: u32 = 28;
        #[uabi(arch = x86)]
        pub const VC_VECTOR: u32 = 29;
        #[uabi(arch = x86)]
        pub const SX_VECTOR: u32 = 30;
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_PIT {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_IOAPIC {
            () => {};
        }
        #[uabi(c_macro, arch(x86, arm64, riscv))]
        macro_rules! __KVM_HAVE_IRQ_LINE {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_MSI {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_USER_NMI {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_MSIX {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_MCE {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_PIT_STATE2 {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_XEN_HVM {
            () => {};
        }
        #[uabi(c_macro, arch(x86, arm64))]
        macro_rules! __KVM_HAVE_VCPU_EVENTS {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_DEBUGREGS {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_XSAVE {
            () => {};
        }
        #[uabi(c_macro, arch = x86)]
        macro_rules! __KVM_HAVE_XCRS {
            () => {};
        }
        #[uabi(arch = x86)]
        /// Number of interrupt vectors, the bits of `kvm_sregs.interrupt_bitmap`.
        pub const KVM_NR_INTERRUPTS: u32 = 256;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmPicState {
            pub last_irr: u8,
            pub irr: u8,
            pub imr: u8,
            pub isr: u8,
            pub priority_add: u8,
            pub irq_base: u8,
            pub read_reg_select: u8,
            pub poll: u8,
            pub special_mask: u8,
            pub init_state: u8,
            pub auto_eoi: u8,
            pub rotate_on_auto_eoi: u8,
            pub special_fully_nested_mode: u8,
            pub init4: u8,
            pub elcr: u8,
            pub elcr_mask: u8,
        }

        #[uabi(arch = x86)]
        pub const KVM_IOAPIC_NUM_PINS: u32 = 24;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmIoapicStateRedirtblFields {
            pub vector: u8,
            #[bits {
                delivery_mode: 3,
                dest_mode: 1,
                delivery_status: 1,
                polarity: 1,
                remote_irr: 1,
                trig_mode: 1,
            }]
            pub _bitfield_1: u8,
            #[bits {
                mask: 1,
                reserve: 7,
            }]
            pub _bitfield_2: u8,
            pub reserved: [u8; 4],
            pub dest_id: u8,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmIoapicStateRedirtbl {
            pub bits: u64,
            pub fields: KvmIoapicStateRedirtblFields,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmIoapicState {
            pub base_address: u64,
            pub ioregsel: u32,
            pub id: u32,
            pub irr: u32,
            pub pad: u32,
            pub redirtbl: [KvmIoapicStateRedirtbl; KVM_IOAPIC_NUM_PINS as usize],
        }

        #[uabi(arch = x86)]
        pub const KVM_IRQCHIP_PIC_MASTER: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_IRQCHIP_PIC_SLAVE: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_IRQCHIP_IOAPIC: u32 = 2;
        #[uabi(arch = x86)]
        pub const KVM_NR_IRQCHIPS: u32 = 3;
        #[uabi(arch = x86)]
        pub const KVM_RUN_X86_SMM: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_RUN_X86_BUS_LOCK: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_RUN_X86_GUEST_MODE: u32 = 1 << 2;
        /// The general-purpose registers of an x86 vCPU.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmRegs {
            #[uabi(arch = arm64)]
            /// The general registers (`sp` is SP_EL0).
            pub regs: UserPtRegs,
            #[uabi(arch = arm64)]
            pub sp_el1: u64,
            #[uabi(arch = arm64)]
            pub elr_el1: u64,
            #[uabi(arch = arm64)]
            pub spsr: [u64; KVM_NR_SPSR as usize],
            #[uabi(arch = arm64)]
            /// Padding that Linux leaves implicit, named.
            pub __pad: [u8; 8],
            #[uabi(arch = arm64)]
            pub fp_regs: UserFpsimdState,
            #[uabi(arch = x86)]
            pub rax: u64,
            #[uabi(arch = x86)]
            pub rbx: u64,
            #[uabi(arch = x86)]
            pub rcx: u64,
            #[uabi(arch = x86)]
            pub rdx: u64,
            #[uabi(arch = x86)]
            pub rsi: u64,
            #[uabi(arch = x86)]
            pub rdi: u64,
            #[uabi(arch = x86)]
            pub rsp: u64,
            #[uabi(arch = x86)]
            pub rbp: u64,
            #[uabi(arch = x86)]
            pub r8: u64,
            #[uabi(arch = x86)]
            pub r9: u64,
            #[uabi(arch = x86)]
            pub r10: u64,
            #[uabi(arch = x86)]
            pub r11: u64,
            #[uabi(arch = x86)]
            pub r12: u64,
            #[uabi(arch = x86)]
            pub r13: u64,
            #[uabi(arch = x86)]
            pub r14: u64,
            #[uabi(arch = x86)]
            pub r15: u64,
            #[uabi(arch = x86)]
            /// The instruction pointer.
            pub rip: u64,
            #[uabi(arch = x86)]
            /// The flags register; bit 1 always reads as 1.
            pub rflags: u64,
        }

        #[uabi(arch = x86)]
        pub const KVM_APIC_REG_SIZE: u32 = 0x400;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmLapicState {
            #[uabi(char)]
            pub regs: [i8; KVM_APIC_REG_SIZE as usize],
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
            #[uabi(c_name = "type")]
            pub type_: u8,
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

        /// The special registers of an x86 vCPU: segments, descriptor tables, control
        /// registers, EFER, the APIC base and pending interrupts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmSregs {
            #[uabi(arch = x86)]
            pub cs: KvmSegment,
            #[uabi(arch = x86)]
            pub ds: KvmSegment,
            #[uabi(arch = x86)]
            pub es: KvmSegment,
            #[uabi(arch = x86)]
            pub fs: KvmSegment,
            #[uabi(arch = x86)]
            pub gs: KvmSegment,
            #[uabi(arch = x86)]
            pub ss: KvmSegment,
            #[uabi(arch = x86)]
            /// Task register.
            pub tr: KvmSegment,
            #[uabi(arch = x86)]
            /// Local descriptor table register.
            pub ldt: KvmSegment,
            #[uabi(arch = x86)]
            /// Global descriptor table register.
            pub gdt: KvmDtable,
            #[uabi(arch = x86)]
            /// Interrupt descriptor table register.
            pub idt: KvmDtable,
            #[uabi(arch = x86)]
            pub cr0: u64,
            #[uabi(arch = x86)]
            pub cr2: u64,
            #[uabi(arch = x86)]
            pub cr3: u64,
            #[uabi(arch = x86)]
            pub cr4: u64,
            #[uabi(arch = x86)]
            pub cr8: u64,
            #[uabi(arch = x86)]
            /// The EFER MSR (long mode enable ...).
            pub efer: u64,
            #[uabi(arch = x86)]
            /// The APIC base MSR.
            pub apic_base: u64,
            #[uabi(arch = x86)]
            /// One bit per vector (`KVM_NR_INTERRUPTS` of them): an interrupt pending injection.
            pub interrupt_bitmap: [u64; 4],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSregs2 {
            pub cs: KvmSegment,
            pub ds: KvmSegment,
            pub es: KvmSegment,
            pub fs: KvmSegment,
            pub gs: KvmSegment,
            pub ss: KvmSegment,
            pub tr: KvmSegment,
            pub ldt: KvmSegment,
            pub gdt: KvmDtable,
            pub idt: KvmDtable,
            pub cr0: u64,
            pub cr2: u64,
            pub cr3: u64,
            pub cr4: u64,
            pub cr8: u64,
            pub efer: u64,
            pub apic_base: u64,
            pub flags: u64,
            pub pdptrs: [u64; 4],
        }

        #[uabi(arch = x86)]
        pub const KVM_SREGS2_FLAGS_PDPTRS_VALID: u32 = 1;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmFpu {
            #[uabi(arch = x86)]
            pub fpr: [[u8; 16]; 8],
            #[uabi(arch = x86)]
            pub fcw: u16,
            #[uabi(arch = x86)]
            pub fsw: u16,
            #[uabi(arch = x86)]
            pub ftwx: u8,
            #[uabi(arch = x86)]
            pub pad1: u8,
            #[uabi(arch = x86)]
            pub last_opcode: u16,
            #[uabi(arch = x86)]
            pub last_ip: u64,
            #[uabi(arch = x86)]
            pub last_dp: u64,
            #[uabi(arch = x86)]
            pub xmm: [[u8; 16]; 16],
            #[uabi(arch = x86)]
            pub mxcsr: u32,
            #[uabi(arch = x86)]
            pub pad2: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrEntry {
            pub index: u32,
            pub reserved: u32,
            pub data: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrs {
            pub nmsrs: u32,
            pub pad: u32,
            #[uabi(counted_by = nmsrs)]
            pub entries: [KvmMsrEntry],
        }

        /// Argument of `KVM_GET_MSR_INDEX_LIST`: the caller sets `nmsrs` to the room in
        /// `indices`; the kernel stores the number of MSRs it saves and restores, and fails
        /// with E2BIG if they did not fit.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrList {
            /// Room in `indices` on input, number of MSRs on output.
            pub nmsrs: u32,
            #[uabi(counted_by = nmsrs)]
            pub indices: [u32],
        }

        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_MAX_BITMAP_SIZE: u32 = 0x600;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrFilterRange {
            pub flags: u32,
            pub nmsrs: u32,
            pub base: u32,
            /// Padding that Linux leaves implicit, named.
            pub __pad: [u8; 4],
            #[uabi(c_pointer = "__u8")]
            pub bitmap: u64,
        }

        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_READ: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_WRITE: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_RANGE_VALID_MASK: u32 = KVM_MSR_FILTER_READ | KVM_MSR_FILTER_WRITE;
        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_MAX_RANGES: u32 = 16;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmMsrFilter {
            pub flags: u32,
            /// Padding that Linux leaves implicit, named.
            pub __pad: [u8; 4],
            pub ranges: [KvmMsrFilterRange; KVM_MSR_FILTER_MAX_RANGES as usize],
        }

        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_DEFAULT_ALLOW: u32 = 0 << 0;
        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_DEFAULT_DENY: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_MSR_FILTER_VALID_MASK: u32 = KVM_MSR_FILTER_DEFAULT_DENY;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmCpuidEntry {
            pub function: u32,
            pub eax: u32,
            pub ebx: u32,
            pub ecx: u32,
            pub edx: u32,
            pub padding: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmCpuid {
            pub nent: u32,
            pub padding: u32,
            #[uabi(counted_by = nent)]
            pub entries: [KvmCpuidEntry],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmCpuidEntry2 {
            pub function: u32,
            pub index: u32,
            pub flags: u32,
            pub eax: u32,
            pub ebx: u32,
            pub ecx: u32,
            pub edx: u32,
            pub padding: [u32; 3],
        }

        #[uabi(arch = x86)]
        pub const KVM_CPUID_FLAG_SIGNIFCANT_INDEX: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_CPUID_FLAG_STATEFUL_FUNC: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_CPUID_FLAG_STATE_READ_NEXT: u32 = 1 << 2;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmCpuid2 {
            pub nent: u32,
            pub padding: u32,
            #[uabi(counted_by = nent)]
            pub entries: [KvmCpuidEntry2],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmPitChannelState {
            pub count: u32,
            pub latched_count: u16,
            pub count_latched: u8,
            pub status_latched: u8,
            pub status: u8,
            pub read_state: u8,
            pub write_state: u8,
            pub write_latch: u8,
            pub rw_mode: u8,
            pub mode: u8,
            pub bcd: u8,
            pub gate: u8,
            pub count_load_time: i64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmDebugExitArch {
            #[uabi(arch = arm64)]
            pub hsr: u32,
            #[uabi(arch = arm64)]
            pub hsr_high: u32,
            #[uabi(arch = arm64)]
            pub far: u64,
            #[uabi(arch = x86)]
            pub exception: u32,
            #[uabi(arch = x86)]
            pub pad: u32,
            #[uabi(arch = x86)]
            pub pc: u64,
            #[uabi(arch = x86)]
            pub dr6: u64,
            #[uabi(arch = x86)]
            pub dr7: u64,
        }

        #[uabi(arch = x86)]
        pub const KVM_GUESTDBG_USE_SW_BP: u32 = 0x00010000;
        #[uabi(arch = x86)]
        pub const KVM_GUESTDBG_USE_HW_BP: u32 = 0x00020000;
        #[uabi(arch = x86)]
        pub const KVM_GUESTDBG_INJECT_DB: u32 = 0x00040000;
        #[uabi(arch = x86)]
        pub const KVM_GUESTDBG_INJECT_BP: u32 = 0x00080000;
        #[uabi(arch = x86)]
        pub const KVM_GUESTDBG_BLOCKIRQ: u32 = 0x00100000;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmGuestDebugArch {
            #[uabi(arch = x86)]
            pub debugreg: [u64; 8],
            #[uabi(arch = arm64)]
            pub dbg_bcr: [u64; KVM_ARM_MAX_DBG_REGS as usize],
            #[uabi(arch = arm64)]
            pub dbg_bvr: [u64; KVM_ARM_MAX_DBG_REGS as usize],
            #[uabi(arch = arm64)]
            pub dbg_wcr: [u64; KVM_ARM_MAX_DBG_REGS as usize],
            #[uabi(arch = arm64)]
            pub dbg_wvr: [u64; KVM_ARM_MAX_DBG_REGS as usize],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmPitState {
            pub channels: [KvmPitChannelState; 3],
        }

        #[uabi(arch = x86)]
        pub const KVM_PIT_FLAGS_HPET_LEGACY: u32 = 0x00000001;
        #[uabi(arch = x86)]
        pub const KVM_PIT_FLAGS_SPEAKER_DATA_ON: u32 = 0x00000002;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmPitState2 {
            pub channels: [KvmPitChannelState; 3],
            pub flags: u32,
            pub reserved: [u32; 9],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmReinjectControl {
            pub pit_reinject: u8,
            pub reserved: [u8; 31],
        }

        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_NMI_PENDING: u32 = 0x00000001;
        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_SIPI_VECTOR: u32 = 0x00000002;
        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_SHADOW: u32 = 0x00000004;
        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_SMM: u32 = 0x00000008;
        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_PAYLOAD: u32 = 0x00000010;
        #[uabi(arch = x86)]
        pub const KVM_VCPUEVENT_VALID_TRIPLE_FAULT: u32 = 0x00000020;
        #[uabi(arch = x86)]
        pub const KVM_X86_SHADOW_INT_MOV_SS: u32 = 0x01;
        #[uabi(arch = x86)]
        pub const KVM_X86_SHADOW_INT_STI: u32 = 0x02;
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

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmDebugregs {
            pub db: [u64; 4],
            pub dr6: u64,
            pub dr7: u64,
            pub flags: u64,
            pub reserved: [u64; 9],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXsave {
            pub region: [u32; 1024],
            pub extra: [u32],
        }

        #[uabi(arch = x86)]
        pub const KVM_MAX_XCRS: u32 = 16;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXcr {
            pub xcr: u32,
            pub reserved: u32,
            pub value: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXcrs {
            pub nr_xcrs: u32,
            pub flags: u32,
            pub xcrs: [KvmXcr; KVM_MAX_XCRS as usize],
            pub padding: [u64; 16],
        }

        #[uabi(arch = x86)]
        pub const KVM_X86_REG_TYPE_MSR: u32 = 2;
        #[uabi(arch = x86)]
        pub const KVM_X86_REG_TYPE_KVM: u32 = 3;
        /// The size field of a KVM-defined x86 register id: 64 bits for the shadow stack pointer,
        /// none for the others.
        #[uabi(c_macro, arch = x86)]
        pub const fn KVM_X86_KVM_REG_SIZE(reg: u32) -> u64 {
            if reg == KVM_REG_GUEST_SSP { KVM_REG_SIZE_U64 } else { 0 }
        }
        /// The type and size fields of an x86 `KVM_GET_ONE_REG` id.
        #[uabi(c_macro, arch = x86)]
        pub const fn KVM_X86_REG_TYPE_SIZE(reg_type: u32, reg: u32) -> u64 {
            ((reg_type as u64) << 32)
                | if reg_type == KVM_X86_REG_TYPE_MSR {
                    KVM_REG_SIZE_U64
                } else if reg_type == KVM_X86_REG_TYPE_KVM {
                    KVM_X86_KVM_REG_SIZE(reg)
                } else {
                    0
                }
        }
        /// The x86 `KVM_GET_ONE_REG` id of register `index` of type `reg_type`.
        #[uabi(c_macro, arch = x86)]
        pub const fn KVM_X86_REG_ID(reg_type: u32, index: u32) -> u64 {
            KVM_REG_X86 | KVM_X86_REG_TYPE_SIZE(reg_type, index) | index as u64
        }
        /// The `KVM_GET_ONE_REG` id of model-specific register `index`.
        #[uabi(c_macro, arch = x86)]
        pub const fn KVM_X86_REG_MSR(index: u32) -> u64 {
            KVM_X86_REG_ID(KVM_X86_REG_TYPE_MSR, index)
        }
        /// The `KVM_GET_ONE_REG` id of KVM-defined register `index` (`KVM_REG_GUEST_SSP` ..).
        #[uabi(c_macro, arch = x86)]
        pub const fn KVM_X86_REG_KVM(index: u32) -> u64 {
            KVM_X86_REG_ID(KVM_X86_REG_TYPE_KVM, index)
        }
        #[uabi(arch = x86)]
        pub const KVM_REG_GUEST_SSP: u32 = 0;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "UL")]
        pub const KVM_SYNC_X86_REGS: u32 = 1 << 0;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "UL")]
        pub const KVM_SYNC_X86_SREGS: u32 = 1 << 1;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "UL")]
        pub const KVM_SYNC_X86_EVENTS: u32 = 1 << 2;
        #[uabi(arch = x86)]
        pub const KVM_SYNC_X86_VALID_FIELDS: u32 = KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS | KVM_SYNC_X86_EVENTS;
        /// The registers `kvm_run.s.regs` shares with the kernel (`KVM_CAP_SYNC_REGS`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch(x86, arm64, riscv))]
        pub struct KvmSyncRegs {
            #[uabi(arch = arm64)]
            /// The interrupt lines of the in-kernel devices (with `KVM_CAP_ARM_USER_IRQ`).
            pub device_irq_level: u64,
            #[uabi(arch = x86)]
            pub regs: KvmRegs,
            #[uabi(arch = x86)]
            pub sregs: KvmSregs,
            #[uabi(arch = x86)]
            pub events: KvmVcpuEvents,
        }

        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_LINT0_REENABLED: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_CD_NW_CLEARED: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_LAPIC_MMIO_HOLE: u32 = 1 << 2;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_OUT_7E_INC_RIP: u32 = 1 << 3;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_MISC_ENABLE_NO_MWAIT: u32 = 1 << 4;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_FIX_HYPERCALL_INSN: u32 = 1 << 5;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_MWAIT_NEVER_UD_FAULTS: u32 = 1 << 6;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_SLOT_ZAP_ALL: u32 = 1 << 7;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_STUFF_FEATURE_MSRS: u32 = 1 << 8;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_IGNORE_GUEST_PAT: u32 = 1 << 9;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_VMCS12_ALLOW_FREEZE_IN_SMM: u32 = 1 << 10;
        #[uabi(arch = x86)]
        pub const KVM_X86_QUIRK_NESTED_SVM_SHARED_PAT: u32 = 1 << 11;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_FORMAT_VMX: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_FORMAT_SVM: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_GUEST_MODE: u32 = 0x00000001;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_RUN_PENDING: u32 = 0x00000002;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_EVMCS: u32 = 0x00000004;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_MTF_PENDING: u32 = 0x00000008;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_GIF_SET: u32 = 0x00000100;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_SMM_GUEST_MODE: u32 = 0x00000001;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_SMM_VMXON: u32 = 0x00000002;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_VMX_VMCS_SIZE: u32 = 0x1000;
        #[uabi(arch = x86)]
        pub const KVM_STATE_NESTED_SVM_VMCB_SIZE: u32 = 0x1000;
        #[uabi(arch = x86)]
        pub const KVM_STATE_VMX_PREEMPTION_TIMER_DEADLINE: u32 = 0x00000001;
        #[uabi(arch = x86)]
        pub const KVM_X86_GRP_SYSTEM: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_XCOMP_GUEST_SUPP: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_GRP_SEV: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_X86_SEV_VMSA_FEATURES: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_SNP_POLICY_BITS: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_X86_SEV_SNP_REQ_CERTS: u32 = 2;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmVmxNestedStateData {
            pub vmcs12: [u8; KVM_STATE_NESTED_VMX_VMCS_SIZE as usize],
            pub shadow_vmcs12: [u8; KVM_STATE_NESTED_VMX_VMCS_SIZE as usize],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmVmxNestedStateHdrSmm {
            pub flags: u16,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmVmxNestedStateHdr {
            pub vmxon_pa: u64,
            pub vmcs12_pa: u64,
            pub smm: KvmVmxNestedStateHdrSmm,
            pub pad: u16,
            pub flags: u32,
            pub preemption_timer_deadline: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSvmNestedStateData {
            pub vmcb12: [u8; KVM_STATE_NESTED_SVM_VMCB_SIZE as usize],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSvmNestedStateHdr {
            pub vmcb_pa: u64,
            pub gpat: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmNestedStateHdr {
            pub vmx: KvmVmxNestedStateHdr,
            pub svm: KvmSvmNestedStateHdr,
            pub pad: [u8; 120],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmNestedStateData {
            pub vmx: [KvmVmxNestedStateData],
            pub svm: [KvmSvmNestedStateData],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmNestedState {
            pub flags: u16,
            pub format: u16,
            pub size: u32,
            pub hdr: KvmNestedStateHdr,
            pub data: KvmNestedStateData,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmPmuEventFilter {
            pub action: u32,
            pub nevents: u32,
            pub fixed_counter_bitmap: u32,
            pub flags: u32,
            pub pad: [u32; 4],
            #[uabi(counted_by = nevents)]
            pub events: [u64],
        }

        #[uabi(arch(x86, arm64))]
        pub const KVM_PMU_EVENT_ALLOW: u32 = 0;
        #[uabi(arch(x86, arm64))]
        pub const KVM_PMU_EVENT_DENY: u32 = 1;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "UL")]
        pub const KVM_PMU_EVENT_FLAG_MASKED_EVENTS: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_PMU_EVENT_FLAGS_VALID_MASK: u32 = KVM_PMU_EVENT_FLAG_MASKED_EVENTS;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmX86Mce {
            pub status: u64,
            pub addr: u64,
            pub misc: u64,
            pub mcg_status: u64,
            pub bank: u8,
            pub pad1: [u8; 7],
            pub pad2: [u64; 3],
        }

        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_HYPERCALL_MSR: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_INTERCEPT_HCALL: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_SHARED_INFO: u32 = 1 << 2;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_RUNSTATE: u32 = 1 << 3;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_EVTCHN_2LEVEL: u32 = 1 << 4;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_EVTCHN_SEND: u32 = 1 << 5;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_RUNSTATE_UPDATE_FLAG: u32 = 1 << 6;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_PVCLOCK_TSC_UNSTABLE: u32 = 1 << 7;
        #[uabi(arch = x86)]
        pub const KVM_XEN_HVM_CONFIG_SHARED_INFO_HVA: u32 = 1 << 8;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "U")]
        pub const KVM_XEN_MSR_MIN_INDEX: u32 = 0x40000000;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "U")]
        pub const KVM_XEN_MSR_MAX_INDEX: u32 = 0x4fffffff;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXenHvmConfig {
            pub flags: u32,
            pub msr: u32,
            pub blob_addr_32: u64,
            pub blob_addr_64: u64,
            pub blob_size_32: u8,
            pub blob_size_64: u8,
            pub pad2: [u8; 30],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmXenHvmAttrUSharedInfo {
            pub gfn: u64,
            pub hva: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmXenHvmAttrUEvtchnDeliverPort {
            pub port: u32,
            pub vcpu: u32,
            pub priority: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmXenHvmAttrUEvtchnDeliverEventfd {
            pub port: u32,
            pub fd: i32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmXenHvmAttrUEvtchnDeliver {
            pub port: KvmXenHvmAttrUEvtchnDeliverPort,
            pub eventfd: KvmXenHvmAttrUEvtchnDeliverEventfd,
            pub padding: [u32; 4],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmXenHvmAttrUEvtchn {
            pub send_port: u32,
            #[uabi(c_name = "type")]
            pub type_: u32,
            pub flags: u32,
            pub deliver: KvmXenHvmAttrUEvtchnDeliver,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmXenHvmAttrU {
            pub long_mode: u8,
            pub vector: u8,
            pub runstate_update_flag: u8,
            pub shared_info: KvmXenHvmAttrUSharedInfo,
            pub evtchn: KvmXenHvmAttrUEvtchn,
            pub xen_version: u32,
            pub pad: [u64; 8],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXenHvmAttr {
            #[uabi(c_name = "type")]
            pub type_: u16,
            pub pad: [u16; 3],
            pub u: KvmXenHvmAttrU,
        }

        #[uabi(arch = x86)]
        pub const KVM_XEN_INVALID_GFN: u64 = 0xffffffffffffffff;
        #[uabi(arch = x86)]
        pub const KVM_XEN_EVTCHN_DEASSIGN: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_XEN_EVTCHN_UPDATE: u32 = 1 << 1;
        #[uabi(arch = x86)]
        pub const KVM_XEN_EVTCHN_RESET: u32 = 1 << 2;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_LONG_MODE: u32 = 0x0;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_SHARED_INFO: u32 = 0x1;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_UPCALL_VECTOR: u32 = 0x2;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_EVTCHN: u32 = 0x3;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_XEN_VERSION: u32 = 0x4;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_RUNSTATE_UPDATE_FLAG: u32 = 0x5;
        #[uabi(arch = x86)]
        pub const KVM_XEN_ATTR_TYPE_SHARED_INFO_HVA: u32 = 0x6;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmXenVcpuAttrURunstate {
            pub state: u64,
            pub state_entry_time: u64,
            pub time_running: u64,
            pub time_runnable: u64,
            pub time_blocked: u64,
            pub time_offline: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub struct KvmXenVcpuAttrUTimer {
            pub port: u32,
            pub priority: u32,
            pub expires_ns: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = x86)]
        pub union KvmXenVcpuAttrU {
            pub gpa: u64,
            pub hva: u64,
            pub pad: [u64; 8],
            pub runstate: KvmXenVcpuAttrURunstate,
            pub vcpu_id: u32,
            pub timer: KvmXenVcpuAttrUTimer,
            pub vector: u8,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmXenVcpuAttr {
            #[uabi(c_name = "type")]
            pub type_: u16,
            pub pad: [u16; 3],
            pub u: KvmXenVcpuAttrU,
        }

        #[uabi(arch = x86)]
        pub const KVM_XEN_INVALID_GPA: u64 = 0xffffffffffffffff;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_VCPU_INFO: u32 = 0x0;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_VCPU_TIME_INFO: u32 = 0x1;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_RUNSTATE_ADDR: u32 = 0x2;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_RUNSTATE_CURRENT: u32 = 0x3;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_RUNSTATE_DATA: u32 = 0x4;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_RUNSTATE_ADJUST: u32 = 0x5;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_VCPU_ID: u32 = 0x6;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_TIMER: u32 = 0x7;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_UPCALL_VECTOR: u32 = 0x8;
        #[uabi(arch = x86)]
        pub const KVM_XEN_VCPU_ATTR_TYPE_VCPU_INFO_HVA: u32 = 0x9;
        #[uabi(arch = x86)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[uabi(prefix = "KVM_SEV_")]
        pub enum SevCmdId {
            Init = 0,
            EsInit = 1,
            LaunchStart = 2,
            LaunchUpdateData = 3,
            LaunchUpdateVmsa = 4,
            LaunchSecret = 5,
            LaunchMeasure = 6,
            LaunchFinish = 7,
            SendStart = 8,
            SendUpdateData = 9,
            SendUpdateVmsa = 10,
            SendFinish = 11,
            ReceiveStart = 12,
            ReceiveUpdateData = 13,
            ReceiveUpdateVmsa = 14,
            ReceiveFinish = 15,
            GuestStatus = 16,
            DbgDecrypt = 17,
            DbgEncrypt = 18,
            CertExport = 19,
            GetAttestationReport = 20,
            SendCancel = 21,
            Init2 = 22,
            SnpLaunchStart = 100,
            SnpLaunchUpdate = 101,
            SnpLaunchFinish = 102,
            SnpEnableReqCerts = 103,
            NrMax = 104,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevCmd {
            pub id: u32,
            pub pad0: u32,
            pub data: u64,
            pub error: u32,
            pub sev_fd: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevInit {
            pub vmsa_features: u64,
            pub flags: u32,
            pub ghcb_version: u16,
            pub pad1: u16,
            pub pad2: [u32; 8],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevLaunchStart {
            pub handle: u32,
            pub policy: u32,
            pub dh_uaddr: u64,
            pub dh_len: u32,
            pub pad0: u32,
            pub session_uaddr: u64,
            pub session_len: u32,
            pub pad1: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevLaunchUpdateData {
            pub uaddr: u64,
            pub len: u32,
            pub pad0: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevLaunchSecret {
            pub hdr_uaddr: u64,
            pub hdr_len: u32,
            pub pad0: u32,
            pub guest_uaddr: u64,
            pub guest_len: u32,
            pub pad1: u32,
            pub trans_uaddr: u64,
            pub trans_len: u32,
            pub pad2: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevLaunchMeasure {
            pub uaddr: u64,
            pub len: u32,
            pub pad0: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevGuestStatus {
            pub handle: u32,
            pub policy: u32,
            pub state: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevDbg {
            pub src_uaddr: u64,
            pub dst_uaddr: u64,
            pub len: u32,
            pub pad0: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevAttestationReport {
            pub mnonce: [u8; 16],
            pub uaddr: u64,
            pub len: u32,
            pub pad0: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevSendStart {
            pub policy: u32,
            pub pad0: u32,
            pub pdh_cert_uaddr: u64,
            pub pdh_cert_len: u32,
            pub pad1: u32,
            pub plat_certs_uaddr: u64,
            pub plat_certs_len: u32,
            pub pad2: u32,
            pub amd_certs_uaddr: u64,
            pub amd_certs_len: u32,
            pub pad3: u32,
            pub session_uaddr: u64,
            pub session_len: u32,
            pub pad4: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevSendUpdateData {
            pub hdr_uaddr: u64,
            pub hdr_len: u32,
            pub pad0: u32,
            pub guest_uaddr: u64,
            pub guest_len: u32,
            pub pad1: u32,
            pub trans_uaddr: u64,
            pub trans_len: u32,
            pub pad2: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevReceiveStart {
            pub handle: u32,
            pub policy: u32,
            pub pdh_uaddr: u64,
            pub pdh_len: u32,
            pub pad0: u32,
            pub session_uaddr: u64,
            pub session_len: u32,
            pub pad1: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevReceiveUpdateData {
            pub hdr_uaddr: u64,
            pub hdr_len: u32,
            pub pad0: u32,
            pub guest_uaddr: u64,
            pub guest_len: u32,
            pub pad1: u32,
            pub trans_uaddr: u64,
            pub trans_len: u32,
            pub pad2: u32,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevSnpLaunchStart {
            pub policy: u64,
            pub gosvw: [u8; 16],
            pub flags: u16,
            pub pad0: [u8; 6],
            pub pad1: [u64; 4],
        }

        #[uabi(arch = x86)]
        pub const KVM_SEV_PAGE_TYPE_INVALID: u32 = 0x0;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_PAGE_TYPE_NORMAL: u32 = 0x1;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_PAGE_TYPE_ZERO: u32 = 0x3;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_PAGE_TYPE_UNMEASURED: u32 = 0x4;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_PAGE_TYPE_SECRETS: u32 = 0x5;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_PAGE_TYPE_CPUID: u32 = 0x6;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevSnpLaunchUpdate {
            pub gfn_start: u64,
            pub uaddr: u64,
            pub len: u64,
            #[uabi(c_name = "type")]
            pub type_: u8,
            pub pad0: u8,
            pub flags: u16,
            pub pad1: u32,
            pub pad2: [u64; 4],
        }

        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_ID_BLOCK_SIZE: u32 = 96;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_ID_AUTH_SIZE: u32 = 4096;
        #[uabi(arch = x86)]
        pub const KVM_SEV_SNP_FINISH_DATA_SIZE: u32 = 32;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmSevSnpLaunchFinish {
            pub id_block_uaddr: u64,
            pub id_auth_uaddr: u64,
            pub id_block_en: u8,
            pub auth_key_en: u8,
            pub vcek_disabled: u8,
            pub host_data: [u8; KVM_SEV_SNP_FINISH_DATA_SIZE as usize],
            pub pad0: [u8; 3],
            pub flags: u16,
            pub pad1: [u64; 4],
        }

        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_X2APIC_API_USE_32BIT_IDS: u32 = 1 << 0;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_X2APIC_API_DISABLE_BROADCAST_QUIRK: u32 = 1 << 1;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_X2APIC_ENABLE_SUPPRESS_EOI_BROADCAST: u32 = 1 << 2;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_X2APIC_DISABLE_SUPPRESS_EOI_BROADCAST: u32 = 1 << 3;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmHypervEventfd {
            pub conn_id: u32,
            pub fd: i32,
            pub flags: u32,
            pub padding: [u32; 3],
        }

        #[uabi(arch = x86)]
        pub const KVM_HYPERV_CONN_ID_MASK: u32 = 0x00ffffff;
        #[uabi(arch = x86)]
        pub const KVM_HYPERV_EVENTFD_DEASSIGN: u32 = 1 << 0;
        /// A masked PMU event filter entry: event select (12 bits), unit mask and match value
        /// (8 bits each) and whether a match excludes the event.
        #[uabi(c_macro, arch = x86, c_suffix = "ULL")]
        pub const fn KVM_PMU_ENCODE_MASKED_ENTRY(event_select: u64, mask: u64, match_: u64, exclude: u64) -> u64 {
            (event_select & 0xff) | ((event_select & 0xf00) << 24) | ((mask & 0xff) << 56) | ((match_ & 0xff) << 8) | (((exclude != 0) as u64) << 55)
        }
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_PMU_MASKED_ENTRY_EVENT_SELECT: u64 = 0xf000000ff;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_PMU_MASKED_ENTRY_UMASK_MASK: u64 = 0xff00000000000000;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_PMU_MASKED_ENTRY_UMASK_MATCH: u32 = 65280;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_PMU_MASKED_ENTRY_EXCLUDE: u64 = 1 << 55;
        #[uabi(arch = x86)]
        pub const KVM_PMU_MASKED_ENTRY_UMASK_MASK_SHIFT: u32 = 56;
        #[uabi(arch = x86)]
        pub const KVM_VCPU_TSC_CTRL: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_VCPU_TSC_OFFSET: u32 = 0;
        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_EXIT_HYPERCALL_LONG_MODE: u32 = 1 << 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_DEFAULT_VM: u32 = 0;
        #[uabi(arch = x86)]
        pub const KVM_X86_SW_PROTECTED_VM: u32 = 1;
        #[uabi(arch = x86)]
        pub const KVM_X86_SEV_VM: u32 = 2;
        #[uabi(arch = x86)]
        pub const KVM_X86_SEV_ES_VM: u32 = 3;
        #[uabi(arch = x86)]
        pub const KVM_X86_SNP_VM: u32 = 4;
        #[uabi(arch = x86)]
        pub const KVM_X86_TDX_VM: u32 = 5;
        #[uabi(arch = x86)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[uabi(prefix = "KVM_TDX_")]
        pub enum KvmTdxCmdId {
            Capabilities = 0,
            InitVm = 1,
            InitVcpu = 2,
            InitMemRegion = 3,
            FinalizeVm = 4,
            GetCpuid = 5,
            CmdNrMax = 6,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmTdxCmd {
            pub id: u32,
            pub flags: u32,
            pub data: u64,
            pub hw_error: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmTdxCapabilities {
            pub supported_attrs: u64,
            pub supported_xfam: u64,
            pub kernel_tdvmcallinfo_1_r11: u64,
            pub user_tdvmcallinfo_1_r11: u64,
            pub kernel_tdvmcallinfo_1_r12: u64,
            pub user_tdvmcallinfo_1_r12: u64,
            pub reserved: [u64; 250],
            pub cpuid: KvmCpuid2,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmTdxInitVm {
            pub attributes: u64,
            pub xfam: u64,
            pub mrconfigid: [u64; 6],
            pub mrowner: [u64; 6],
            pub mrownerconfig: [u64; 6],
            pub reserved: [u64; 12],
            pub cpuid: KvmCpuid2,
        }

        #[uabi(arch = x86)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_TDX_MEASURE_MEMORY_REGION: u32 = 1 << 0;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = x86)]
        pub struct KvmTdxInitMemRegion {
            pub source_addr: u64,
            pub gpa: u64,
            pub nr_pages: u64,
        }

        #[uabi(arch = arm64)]
        pub const KVM_SPSR_EL1: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_SPSR_SVC: u32 = KVM_SPSR_EL1;
        #[uabi(arch = arm64)]
        pub const KVM_SPSR_ABT: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_SPSR_UND: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_SPSR_IRQ: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_SPSR_FIQ: u32 = 4;
        #[uabi(arch = arm64)]
        /// The number of banked SPSRs.
        pub const KVM_NR_SPSR: u32 = 5;
        #[uabi(arch(arm64, riscv))]
        pub const KVM_COALESCED_MMIO_PAGE_OFFSET: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_AEM_V8: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_FOUNDATION_V8: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_CORTEX_A57: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_XGENE_POTENZA: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_CORTEX_A53: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TARGET_GENERIC_V8: u32 = 5;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_NUM_TARGETS: u32 = 6;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEVICE_TYPE_SHIFT: u32 = 0;
        /// The device type field of `kvm_arm_device_addr.id` (bits 0 to 15). Linux writes it with
        /// `__GENMASK` without including the header that defines it; here it is the value.
        #[uabi(arch = arm64, c_suffix = "UL")]
        pub const KVM_ARM_DEVICE_TYPE_MASK: u32 = 0xffff << KVM_ARM_DEVICE_TYPE_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEVICE_ID_SHIFT: u32 = 16;
        /// The device id field of `kvm_arm_device_addr.id` (bits 16 to 31), as a value (see
        /// `KVM_ARM_DEVICE_TYPE_MASK`).
        #[uabi(arch = arm64, c_suffix = "UL")]
        pub const KVM_ARM_DEVICE_ID_MASK: u32 = 0xffff << KVM_ARM_DEVICE_ID_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEVICE_VGIC_V2: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V2_ADDR_TYPE_DIST: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V2_ADDR_TYPE_CPU: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V2_DIST_SIZE: u32 = 0x1000;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V2_CPU_SIZE: u32 = 0x2000;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_ADDR_TYPE_DIST: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_ADDR_TYPE_REDIST: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_ITS_ADDR_TYPE: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_ADDR_TYPE_REDIST_REGION: u32 = 5;
        /// The size of a GICv3 distributor's region, 64 KiB (Linux writes the kernel's `SZ_64K`, which
        /// user space does not have).
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_DIST_SIZE: u32 = 0x10000;
        /// The size of one GICv3 redistributor's region, 128 KiB.
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_REDIST_SIZE: u32 = 2 * 0x10000;
        /// The size of a GICv3 ITS's region, 128 KiB.
        #[uabi(arch = arm64)]
        pub const KVM_VGIC_V3_ITS_SIZE: u32 = 2 * 0x10000;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_POWER_OFF: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_EL1_32BIT: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PSCI_0_2: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_SVE: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PTRAUTH_ADDRESS: u32 = 5;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PTRAUTH_GENERIC: u32 = 6;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_HAS_EL2: u32 = 7;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_HAS_EL2_E2H0: u32 = 8;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmVcpuInit {
            pub target: u32,
            pub features: [u32; 7],
        }

        #[uabi(arch = arm64)]
        pub const KVM_ARM_MAX_DBG_REGS: u32 = 16;
        #[uabi(arch = arm64)]
        pub const KVM_DEBUG_ARCH_HSR_HIGH_VALID: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        pub const KVM_GUESTDBG_USE_SW_BP: u32 = 1 << 16;
        #[uabi(arch = arm64)]
        pub const KVM_GUESTDBG_USE_HW: u32 = 1 << 17;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEV_EL1_VTIMER: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEV_EL1_PTIMER: u32 = 1 << 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_DEV_PMU: u32 = 1 << 2;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmPmuEventFilter {
            pub base_event: u16,
            pub nevents: u16,
            pub action: u8,
            pub pad: [u8; 3],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(anonymous, arch = arm64)]
        pub struct KvmVcpuEventsExceptionArm64 {
            pub serror_pending: u8,
            pub serror_has_esr: u8,
            pub ext_dabt_pending: u8,
            pub pad: [u8; 5],
            pub serror_esr: u64,
        }

        /// Pending exceptions, interrupts, NMIs and SMIs of an x86 vCPU.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmVcpuEvents {
            pub exception: KvmVcpuEventsExceptionArm64,
            pub reserved: [u32; 12],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmArmCopyMteTags {
            pub guest_ipa: u64,
            pub length: u64,
            #[uabi(c_pointer = "void")]
            pub addr: u64,
            pub flags: u64,
            pub reserved: [u64; 2],
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmArmCounterOffset {
            pub counter_offset: u64,
            pub reserved: u64,
        }

        #[uabi(arch = arm64)]
        pub const KVM_ARM_TAGS_TO_GUEST: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_TAGS_FROM_GUEST: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_COPROC_MASK: u32 = 0x000000000FFF0000;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_COPROC_SHIFT: u32 = 16;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_CORE: u32 = 0x0010 << KVM_REG_ARM_COPROC_SHIFT;
        /// The index of a member of `struct kvm_regs` in 32-bit words, for a core register's
        /// `KVM_GET_ONE_REG` id (C only: its argument is a member, `regs.pc`).
        #[uabi(c_macro, arch = arm64)]
        macro_rules! KVM_REG_ARM_CORE_REG {
            (name) => { offsetof(struct kvm_regs, name) / sizeof(__u32) };
        }
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX: u32 = 0x0011 << KVM_REG_ARM_COPROC_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX_ID_MASK: u32 = 0x000000000000FF00;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX_ID_SHIFT: u32 = 8;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX_ID_CCSIDR: u32 = 0x00 << KVM_REG_ARM_DEMUX_ID_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX_VAL_MASK: u32 = 0x00000000000000FF;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_DEMUX_VAL_SHIFT: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG: u32 = 0x0013 << KVM_REG_ARM_COPROC_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP0_MASK: u32 = 0x000000000000c000;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP0_SHIFT: u32 = 14;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP1_MASK: u32 = 0x0000000000003800;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP1_SHIFT: u32 = 11;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_CRN_MASK: u32 = 0x0000000000000780;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_CRN_SHIFT: u32 = 7;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_CRM_MASK: u32 = 0x0000000000000078;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_CRM_SHIFT: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP2_MASK: u32 = 0x0000000000000007;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SYSREG_OP2_SHIFT: u32 = 0;
        /// Field `n` (`OP0`, `OP1`, `CRN`, `CRM`, `OP2`) of a system register id, set to `x` (C only:
        /// it pastes the field's name into the names of its shift and mask).
        #[uabi(c_macro, arch = arm64)]
        macro_rules! ARM64_SYS_REG_SHIFT_MASK {
            (x, n) => { ((x) << KVM_REG_ARM64_SYSREG_ ## n ## _SHIFT) & KVM_REG_ARM64_SYSREG_ ## n ## _MASK };
        }
        /// The id of AArch64 system register (op0, op1, CRn, CRm, op2), without a size.
        #[uabi(c_macro, arch = arm64)]
        pub const fn __ARM64_SYS_REG(op0: u32, op1: u32, crn: u32, crm: u32, op2: u32) -> u64 {
            KVM_REG_ARM64
                | KVM_REG_ARM64_SYSREG as u64
                | (((op0 << KVM_REG_ARM64_SYSREG_OP0_SHIFT) & KVM_REG_ARM64_SYSREG_OP0_MASK) as u64)
                | (((op1 << KVM_REG_ARM64_SYSREG_OP1_SHIFT) & KVM_REG_ARM64_SYSREG_OP1_MASK) as u64)
                | (((crn << KVM_REG_ARM64_SYSREG_CRN_SHIFT) & KVM_REG_ARM64_SYSREG_CRN_MASK) as u64)
                | (((crm << KVM_REG_ARM64_SYSREG_CRM_SHIFT) & KVM_REG_ARM64_SYSREG_CRM_MASK) as u64)
                | (((op2 << KVM_REG_ARM64_SYSREG_OP2_SHIFT) & KVM_REG_ARM64_SYSREG_OP2_MASK) as u64)
        }
        /// The `KVM_GET_ONE_REG` id of a 64-bit AArch64 system register from its five fields (C only:
        /// variadic, so that one macro argument may stand for several fields, as `ARM_CPU_ID` does in
        /// kvmtool; Rust calls `__ARM64_SYS_REG(..) | KVM_REG_SIZE_U64`).
        #[uabi(c_macro, arch = arm64)]
        macro_rules! ARM64_SYS_REG {
            (...) => { __ARM64_SYS_REG(__VA_ARGS__) | KVM_REG_SIZE_U64 };
        }
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_PTIMER_CTL: u64 = 0x603000000013df11;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_PTIMER_CVAL: u64 = 0x603000000013df12;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_PTIMER_CNT: u64 = 0x603000000013df01;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_TIMER_CTL: u64 = 0x603000000013df19;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_TIMER_CVAL: u64 = 0x603000000013df02;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_TIMER_CNT: u64 = 0x603000000013df1a;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_FW: u32 = 0x0014 << KVM_REG_ARM_COPROC_SHIFT;
        /// The id of firmware pseudo-register `r`.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_REG_ARM_FW_REG(r: u32) -> u64 {
            KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_FW as u64 | (r & 0xffff) as u64
        }
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_PSCI_VERSION: u64 = 0x6030000000140000;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1: u64 = 0x6030000000140001;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1_NOT_AVAIL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1_AVAIL: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_1_NOT_REQUIRED: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2: u64 = 0x6030000000140002;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_NOT_AVAIL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_UNKNOWN: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_AVAIL: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_NOT_REQUIRED: u32 = 3;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "U")]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_2_ENABLED: u32 = 1 << 4;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3: u64 = 0x6030000000140003;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3_NOT_AVAIL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3_AVAIL: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_SMCCC_ARCH_WORKAROUND_3_NOT_REQUIRED: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SVE: u32 = 0x15 << KVM_REG_ARM_COPROC_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SVE_ZREG_BASE: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SVE_PREG_BASE: u32 = 0x400;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SVE_FFR_BASE: u32 = 0x600;
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_NUM_ZREGS: u32 = 32;
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_NUM_PREGS: u32 = 16;
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_MAX_SLICES: u32 = 32;
        /// The id of slice `i` of SVE vector register Z`n`.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_REG_ARM64_SVE_ZREG(n: u32, i: u32) -> u64 {
            KVM_REG_ARM64
                | KVM_REG_ARM64_SVE as u64
                | KVM_REG_ARM64_SVE_ZREG_BASE as u64
                | KVM_REG_SIZE_U2048
                | (((n & (KVM_ARM64_SVE_NUM_ZREGS - 1)) << 5) as u64)
                | ((i & (KVM_ARM64_SVE_MAX_SLICES - 1)) as u64)
        }
        /// The id of slice `i` of SVE predicate register P`n`.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_REG_ARM64_SVE_PREG(n: u32, i: u32) -> u64 {
            KVM_REG_ARM64
                | KVM_REG_ARM64_SVE as u64
                | KVM_REG_ARM64_SVE_PREG_BASE as u64
                | KVM_REG_SIZE_U256
                | (((n & (KVM_ARM64_SVE_NUM_PREGS - 1)) << 5) as u64)
                | ((i & (KVM_ARM64_SVE_MAX_SLICES - 1)) as u64)
        }
        /// The id of slice `i` of the SVE first-fault register.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_REG_ARM64_SVE_FFR(i: u32) -> u64 {
            KVM_REG_ARM64 | KVM_REG_ARM64_SVE as u64 | KVM_REG_ARM64_SVE_FFR_BASE as u64 | KVM_REG_SIZE_U256 | ((i & (KVM_ARM64_SVE_MAX_SLICES - 1)) as u64)
        }
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_VQ_MIN: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_VQ_MAX: u32 = 512;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM64_SVE_VLS: u64 = 0x606000000015ffff;
        #[uabi(arch = arm64)]
        pub const KVM_ARM64_SVE_VLS_WORDS: u32 = (KVM_ARM64_SVE_VQ_MAX - KVM_ARM64_SVE_VQ_MIN) / 64 + 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_FW_FEAT_BMAP: u32 = 0x0016 << KVM_REG_ARM_COPROC_SHIFT;
        /// The id of firmware feature bitmap register `r`.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_REG_ARM_FW_FEAT_BMAP_REG(r: u32) -> u64 {
            KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_FW_FEAT_BMAP as u64 | (r & 0xffff) as u64
        }
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_STD_BMAP: u64 = 0x6030000000160000;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_STD_BIT_TRNG_V1_0: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_STD_HYP_BMAP: u64 = 0x6030000000160001;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_STD_HYP_BIT_PV_TIME: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BMAP: u64 = 0x6030000000160002;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BIT_FUNC_FEAT: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BIT_PTP: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BMAP_2: u64 = 0x6030000000160003;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BIT_DISCOVER_IMPL_VER: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_REG_ARM_VENDOR_HYP_BIT_DISCOVER_IMPL_CPUS: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VM_SMCCC_CTRL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VM_SMCCC_FILTER: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_ADDR: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_DIST_REGS: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_CPU_REGS: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_CPUID_SHIFT: u32 = 32;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_DEV_ARM_VGIC_CPUID_MASK: u64 = 0xff << (KVM_DEV_ARM_VGIC_CPUID_SHIFT as u64);
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_V3_MPIDR_SHIFT: u32 = 32;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_DEV_ARM_VGIC_V3_MPIDR_MASK: u64 = 0xffffffff << (KVM_DEV_ARM_VGIC_V3_MPIDR_SHIFT as u64);
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_OFFSET_SHIFT: u32 = 0;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_DEV_ARM_VGIC_OFFSET_MASK: u32 = 0xffffffff << KVM_DEV_ARM_VGIC_OFFSET_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_SYSREG_INSTR_MASK: u32 = 0xffff;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_NR_IRQS: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_CTRL: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_REDIST_REGS: u32 = 5;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_CPU_SYSREGS: u32 = 6;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_LEVEL_INFO: u32 = 7;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_ITS_REGS: u32 = 8;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_GRP_MAINT_IRQ: u32 = 9;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_LINE_LEVEL_INFO_SHIFT: u32 = 10;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_DEV_ARM_VGIC_LINE_LEVEL_INFO_MASK: u32 = 0x3fffff << KVM_DEV_ARM_VGIC_LINE_LEVEL_INFO_SHIFT;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_LINE_LEVEL_INTID_MASK: u32 = 0x3ff;
        #[uabi(arch = arm64)]
        pub const VGIC_LEVEL_INFO_LINE_LEVEL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_CTRL_INIT: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_ITS_SAVE_TABLES: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_ITS_RESTORE_TABLES: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_SAVE_PENDING_TABLES: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_ITS_CTRL_RESET: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_DEV_ARM_VGIC_USERSPACE_PPIS: u32 = 5;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_CTRL: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_IRQ: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_INIT: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_FILTER: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_SET_PMU: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PMU_V3_SET_NR_COUNTERS: u32 = 4;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_TIMER_CTRL: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_TIMER_IRQ_VTIMER: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_TIMER_IRQ_PTIMER: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_TIMER_IRQ_HVTIMER: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_TIMER_IRQ_HPTIMER: u32 = 3;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PVTIME_CTRL: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_VCPU_PVTIME_IPA: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_VCPU2_SHIFT: u32 = 28;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_VCPU2_MASK: u32 = 0xf;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_TYPE_SHIFT: u32 = 24;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_TYPE_MASK: u32 = 0xf;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_VCPU_SHIFT: u32 = 16;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_VCPU_MASK: u32 = 0xff;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_NUM_SHIFT: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_NUM_MASK: u32 = 0xffff;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_TYPE_CPU: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_TYPE_SPI: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_TYPE_PPI: u32 = 2;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_CPU_IRQ: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_CPU_FIQ: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_IRQ_GIC_MAX: u32 = 127;
        #[uabi(arch(arm64, riscv))]
        pub const KVM_NR_IRQCHIPS: u32 = 1;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_FN_BASE: u32 = 0x95c1ba5e;
        /// The function id of KVM's original (pre-0.2) PSCI call `n`.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_PSCI_FN(n: u32) -> u32 {
            KVM_PSCI_FN_BASE + n
        }
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_FN_CPU_SUSPEND: u32 = 0x95c1ba5e;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_FN_CPU_OFF: u32 = 0x95c1ba5f;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_FN_CPU_ON: u32 = 0x95c1ba60;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_FN_MIGRATE: u32 = 0x95c1ba61;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_RET_SUCCESS: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_RET_NI: i32 = -1;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_RET_INVAL: i32 = -2;
        #[uabi(arch = arm64)]
        pub const KVM_PSCI_RET_DENIED: i32 = -3;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_SYSTEM_EVENT_RESET_FLAG_PSCI_RESET2: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_SYSTEM_EVENT_SHUTDOWN_FLAG_PSCI_OFF2: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_EXIT_FAIL_ENTRY_CPU_UNSUPPORTED: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[uabi(prefix = "KVM_SMCCC_FILTER_")]
        pub enum KvmSmcccFilterAction {
            Handle = 0,
            Deny = 1,
            FwdToUser = 2,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct KvmSmcccFilter {
            pub base: u32,
            pub nr_functions: u32,
            pub action: u8,
            pub pad: [u8; 15],
        }

        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "U")]
        pub const KVM_HYPERCALL_EXIT_SMC: u32 = 1 << 0;
        #[uabi(arch = arm64)]
        #[uabi(c_suffix = "U")]
        pub const KVM_HYPERCALL_EXIT_16BIT: u32 = 1 << 1;
        /// The index of ID register (op0, op1, CRn, CRm, op2) in the range `KVM_ARM_GET_REG_WRITABLE_MASKS`
        /// fills: op1 (0, 1 or 3, the last counted as 2), CRm's low 3 bits and op2.
        #[uabi(c_macro, arch = arm64)]
        pub const fn KVM_ARM_FEATURE_ID_RANGE_IDX(_op0: u64, op1: u64, _crn: u64, crm: u64, op2: u64) -> u64 {
            (((op1 & 3) - (((op1 & 3) == 3) as u64)) << 6) | ((crm & 7) << 3) | op2
        }
        #[uabi(arch = arm64)]
        pub const KVM_ARM_FEATURE_ID_RANGE: u32 = 0;
        #[uabi(arch = arm64)]
        pub const KVM_ARM_FEATURE_ID_RANGE_SIZE: u32 = 3 * 8 * 8;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = arm64)]
        pub struct RegMaskRange {
            pub addr: u64,
            pub range: u32,
            pub reserved: [u32; 13],
        }

        /// The AArch64 general registers, as `<asm/ptrace.h>` defines them for ptrace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(defined_in = "asm/ptrace.h", arch = arm64)]
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
        #[uabi(defined_in = "asm/ptrace.h", arch = arm64)]
        pub struct UserFpsimdState {
            /// V0 to V31.
            pub vregs: [u128; 32],
            pub fpsr: u32,
            pub fpcr: u32,
            pub __reserved: [u32; 2],
        }

        #[uabi(arch = riscv)]
        #[uabi(c_suffix = "U")]
        pub const KVM_INTERRUPT_SET: u32 = 0xffffffff;
        #[uabi(arch = riscv)]
        #[uabi(c_suffix = "U")]
        pub const KVM_INTERRUPT_UNSET: u32 = 0xfffffffe;
        #[uabi(arch = riscv)]
        #[uabi(c_suffix = "ULL")]
        pub const KVM_EXIT_FAIL_ENTRY_NO_VSFILE: u32 = 1 << 0;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvConfig {
            #[uabi(c_long)]
            pub isa: u64,
            #[uabi(c_long)]
            pub zicbom_block_size: u64,
            #[uabi(c_long)]
            pub mvendorid: u64,
            #[uabi(c_long)]
            pub marchid: u64,
            #[uabi(c_long)]
            pub mimpid: u64,
            #[uabi(c_long)]
            pub zicboz_block_size: u64,
            #[uabi(c_long)]
            pub satp_mode: u64,
            #[uabi(c_long)]
            pub zicbop_block_size: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvCore {
            pub regs: UserRegsStruct,
            #[uabi(c_long)]
            pub mode: u64,
        }

        #[uabi(arch = riscv)]
        pub const KVM_RISCV_MODE_S: u32 = 1;
        #[uabi(arch = riscv)]
        pub const KVM_RISCV_MODE_U: u32 = 0;
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvCsr {
            #[uabi(c_long)]
            pub sstatus: u64,
            #[uabi(c_long)]
            pub sie: u64,
            #[uabi(c_long)]
            pub stvec: u64,
            #[uabi(c_long)]
            pub sscratch: u64,
            #[uabi(c_long)]
            pub sepc: u64,
            #[uabi(c_long)]
            pub scause: u64,
            #[uabi(c_long)]
            pub stval: u64,
            #[uabi(c_long)]
            pub sip: u64,
            #[uabi(c_long)]
            pub satp: u64,
            #[uabi(c_long)]
            pub scounteren: u64,
            #[uabi(c_long)]
            pub senvcfg: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvAiaCsr {
            #[uabi(c_long)]
            pub siselect: u64,
            #[uabi(c_long)]
            pub iprio1: u64,
            #[uabi(c_long)]
            pub iprio2: u64,
            #[uabi(c_long)]
            pub sieh: u64,
            #[uabi(c_long)]
            pub siph: u64,
            #[uabi(c_long)]
            pub iprio1h: u64,
            #[uabi(c_long)]
            pub iprio2h: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvSmstateenCsr {
            #[uabi(c_long)]
            pub sstateen0: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvTimer {
            pub frequency: u64,
            pub time: u64,
            pub compare: u64,
            pub state: u64,
        }

        #[uabi(arch = riscv)]
        pub const KVM_RISCV_TIMER_STATE_OFF: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_RISCV_TIMER_STATE_ON: u32 = 1;
        #[uabi(arch = riscv)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[uabi(prefix = "KVM_RISCV_ISA_EXT_")]
        pub enum KVMRISCVISAEXTID {
            A = 0,
            C = 1,
            D = 2,
            F = 3,
            H = 4,
            I = 5,
            M = 6,
            Svpbmt = 7,
            Sstc = 8,
            Svinval = 9,
            Zihintpause = 10,
            Zicbom = 11,
            Zicboz = 12,
            Zbb = 13,
            Ssaia = 14,
            V = 15,
            Svnapot = 16,
            Zba = 17,
            Zbs = 18,
            Zicntr = 19,
            Zicsr = 20,
            Zifencei = 21,
            Zihpm = 22,
            Smstateen = 23,
            Zicond = 24,
            Zbc = 25,
            Zbkb = 26,
            Zbkc = 27,
            Zbkx = 28,
            Zknd = 29,
            Zkne = 30,
            Zknh = 31,
            Zkr = 32,
            Zksed = 33,
            Zksh = 34,
            Zkt = 35,
            Zvbb = 36,
            Zvbc = 37,
            Zvkb = 38,
            Zvkg = 39,
            Zvkned = 40,
            Zvknha = 41,
            Zvknhb = 42,
            Zvksed = 43,
            Zvksh = 44,
            Zvkt = 45,
            Zfh = 46,
            Zfhmin = 47,
            Zihintntl = 48,
            Zvfh = 49,
            Zvfhmin = 50,
            Zfa = 51,
            Ztso = 52,
            Zacas = 53,
            Sscofpmf = 54,
            Zimop = 55,
            Zca = 56,
            Zcb = 57,
            Zcd = 58,
            Zcf = 59,
            Zcmop = 60,
            Zawrs = 61,
            Smnpm = 62,
            Ssnpm = 63,
            Svade = 64,
            Svadu = 65,
            Svvptc = 66,
            Zabha = 67,
            Ziccrse = 68,
            Zaamo = 69,
            Zalrsc = 70,
            Zicbop = 71,
            Zfbfmin = 72,
            Zvfbfmin = 73,
            Zvfbfwma = 74,
            Zclsd = 75,
            Zilsd = 76,
            Zalasr = 77,
            Max = 78,
        }

        #[uabi(arch = riscv)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[uabi(prefix = "KVM_RISCV_SBI_EXT_")]
        pub enum KVMRISCVSBIEXTID {
            V01 = 0,
            Time = 1,
            Ipi = 2,
            Rfence = 3,
            Srst = 4,
            Hsm = 5,
            Pmu = 6,
            Experimental = 7,
            Vendor = 8,
            Dbcn = 9,
            Sta = 10,
            Susp = 11,
            Fwft = 12,
            Mpxy = 13,
            Max = 14,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvSbiSta {
            #[uabi(c_long)]
            pub shmem_lo: u64,
            #[uabi(c_long)]
            pub shmem_hi: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvSbiFwftFeature {
            #[uabi(c_long)]
            pub enable: u64,
            #[uabi(c_long)]
            pub flags: u64,
            #[uabi(c_long)]
            pub value: u64,
        }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(arch = riscv)]
        pub struct KvmRiscvSbiFwft {
            pub misaligned_deleg: KvmRiscvSbiFwftFeature,
            pub pointer_masking: KvmRiscvSbiFwftFeature,
        }

        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_TYPE_MASK: u32 = 0x00000000FF000000;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_TYPE_SHIFT: u32 = 24;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SUBTYPE_MASK: u32 = 0x0000000000FF0000;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SUBTYPE_SHIFT: u32 = 16;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CONFIG: u32 = 0x01 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a configuration register in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_config`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_CONFIG_REG {
            (name) => { offsetof(struct kvm_riscv_config, name) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CORE: u32 = 0x02 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a core register in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_core`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_CORE_REG {
            (name) => { offsetof(struct kvm_riscv_core, name) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CSR: u32 = 0x03 << KVM_REG_RISCV_TYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CSR_GENERAL: u32 = 0x0 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CSR_AIA: u32 = 0x1 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_CSR_SMSTATEEN: u32 = 0x2 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        /// The index of a general CSR in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_csr`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_CSR_REG {
            (name) => { offsetof(struct kvm_riscv_csr, name) / sizeof(unsigned long) };
        }
        /// The index of an AIA CSR in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_aia_csr`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_CSR_AIA_REG {
            (name) => { offsetof(struct kvm_riscv_aia_csr, name) / sizeof(unsigned long) };
        }
        /// The index of a state-enable CSR in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_smstateen_csr`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_CSR_SMSTATEEN_REG {
            (name) => { offsetof(struct kvm_riscv_smstateen_csr, name) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_TIMER: u32 = 0x04 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a timer register in 64-bit words (C only: its argument is a member of `struct kvm_riscv_timer`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_TIMER_REG {
            (name) => { offsetof(struct kvm_riscv_timer, name) / sizeof(__u64) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_FP_F: u32 = 0x05 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a single-precision FP register in 32-bit words (C only: its argument is a member of `struct __riscv_f_ext_state`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_FP_F_REG {
            (name) => { offsetof(struct __riscv_f_ext_state, name) / sizeof(__u32) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_FP_D: u32 = 0x06 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a double-precision FP register in 64-bit words (C only: its argument is a member of `struct __riscv_d_ext_state`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_FP_D_REG {
            (name) => { offsetof(struct __riscv_d_ext_state, name) / sizeof(__u64) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_ISA_EXT: u32 = 0x07 << KVM_REG_RISCV_TYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_ISA_SINGLE: u32 = 0x0 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_ISA_MULTI_EN: u32 = 0x1 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_ISA_MULTI_DIS: u32 = 0x2 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        /// Which `unsigned long` of the ISA extension bitmap holds extension `ext_id`.
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_ISA_MULTI_REG {
            (ext_id) => { (ext_id) / __BITS_PER_LONG };
        }
        /// The bit of extension `ext_id` in its `unsigned long` of the ISA extension bitmap.
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_ISA_MULTI_MASK {
            (ext_id) => { 1UL << ((ext_id) % __BITS_PER_LONG) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_ISA_MULTI_REG_LAST: u32 = 1;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_EXT: u32 = 0x08 << KVM_REG_RISCV_TYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_SINGLE: u32 = 0x0 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_MULTI_EN: u32 = 0x1 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_MULTI_DIS: u32 = 0x2 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        /// Which `unsigned long` of the SBI extension bitmap holds extension `ext_id`.
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_SBI_MULTI_REG {
            (ext_id) => { (ext_id) / __BITS_PER_LONG };
        }
        /// The bit of extension `ext_id` in its `unsigned long` of the SBI extension bitmap.
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_SBI_MULTI_MASK {
            (ext_id) => { 1UL << ((ext_id) % __BITS_PER_LONG) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_MULTI_REG_LAST: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_VECTOR: u32 = 0x09 << KVM_REG_RISCV_TYPE_SHIFT;
        /// The index of a vector CSR in `unsigned long`s (C only: its argument is a member of `struct __riscv_v_ext_state`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_VECTOR_CSR_REG {
            (name) => { offsetof(struct __riscv_v_ext_state, name) / sizeof(unsigned long) };
        }
        /// The index of vector register `n`: after the vector CSRs.
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_VECTOR_REG {
            (n) => { (n) + sizeof(struct __riscv_v_ext_state) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_STATE: u32 = 0x0a << KVM_REG_RISCV_TYPE_SHIFT;
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_STA: u32 = 0x0 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        /// The index of a steal-time register in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_sbi_sta`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_SBI_STA_REG {
            (name) => { offsetof(struct kvm_riscv_sbi_sta, name) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_REG_RISCV_SBI_FWFT: u32 = 0x1 << KVM_REG_RISCV_SUBTYPE_SHIFT;
        /// The index of a firmware-feature register in `unsigned long`s (C only: its argument is a member of `struct kvm_riscv_sbi_fwft`).
        #[uabi(c_macro, arch = riscv)]
        macro_rules! KVM_REG_RISCV_SBI_FWFT_REG {
            (name) => { offsetof(struct kvm_riscv_sbi_fwft, name) / sizeof(unsigned long) };
        }
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_APLIC_ALIGN: u32 = 0x1000;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_APLIC_SIZE: u32 = 0x4000;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_APLIC_MAX_HARTS: u32 = 0x4000;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_IMSIC_ALIGN: u32 = 0x1000;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_IMSIC_SIZE: u32 = 0x1000;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GRP_CONFIG: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_MODE: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_IDS: u32 = 1;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_SRCS: u32 = 2;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_GROUP_BITS: u32 = 3;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_GROUP_SHIFT: u32 = 4;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_HART_BITS: u32 = 5;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CONFIG_GUEST_BITS: u32 = 6;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_MODE_EMUL: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_MODE_HWACCEL: u32 = 1;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_MODE_AUTO: u32 = 2;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_IDS_MIN: u32 = 63;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_IDS_MAX: u32 = 2048;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_SRCS_MAX: u32 = 1024;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GROUP_BITS_MAX: u32 = 8;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GROUP_SHIFT_MIN: u32 = 24;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GROUP_SHIFT_MAX: u32 = 56;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_HART_BITS_MAX: u32 = 16;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GUEST_BITS_MAX: u32 = 8;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GRP_ADDR: u32 = 1;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_ADDR_APLIC: u32 = 0;
        /// The AIA address attribute of vCPU `vcpu`'s IMSIC.
        #[uabi(c_macro, arch = riscv)]
        pub const fn KVM_DEV_RISCV_AIA_ADDR_IMSIC(vcpu: u32) -> u32 {
            1 + vcpu
        }
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_ADDR_MAX: u32 = 1 + KVM_DEV_RISCV_APLIC_MAX_HARTS;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GRP_CTRL: u32 = 2;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_CTRL_INIT: u32 = 0;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GRP_APLIC: u32 = 3;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_GRP_IMSIC: u32 = 4;
        #[uabi(arch = riscv)]
        pub const KVM_DEV_RISCV_AIA_IMSIC_ISEL_BITS: u32 = 12;
        #[uabi(arch = riscv)]
        #[uabi(c_suffix = "U")]
        pub const KVM_DEV_RISCV_AIA_IMSIC_ISEL_MASK: u32 = (1 << KVM_DEV_RISCV_AIA_IMSIC_ISEL_BITS) - 1;
        /// The IMSIC attribute of register `isel` of vCPU `vcpu`.
        #[uabi(c_macro, arch = riscv)]
        pub const fn KVM_DEV_RISCV_AIA_IMSIC_MKATTR(vcpu: u32, isel: u32) -> u32 {
            (vcpu << KVM_DEV_RISCV_AIA_IMSIC_ISEL_BITS) | (isel & KVM_DEV_RISCV_AIA_IMSIC_ISEL_MASK)
        }
        /// The register of an IMSIC attribute.
        #[uabi(c_macro, arch = riscv)]
        pub const fn KVM_DEV_RISCV_AIA_IMSIC_GET_ISEL(attr: u32) -> u32 {
            attr & KVM_DEV_RISCV_AIA_IMSIC_ISEL_MASK
        }
        /// The vCPU of an IMSIC attribute.
        #[uabi(c_macro, arch = riscv)]
        pub const fn KVM_DEV_RISCV_AIA_IMSIC_GET_VCPU(attr: u32) -> u32 {
            attr >> KVM_DEV_RISCV_AIA_IMSIC_ISEL_BITS
        }
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[uabi(defined_in = "asm/ptrace.h", arch = riscv)]
        pub struct UserRegsStruct {
            #[uabi(c_long)]
            pub pc: u64,
            #[uabi(c_long)]
            pub ra: u64,
            #[uabi(c_long)]
            pub sp: u64,
            #[uabi(c_long)]
            pub gp: u64,
            #[uabi(c_long)]
            pub tp: u64,
            #[uabi(c_long)]
            pub t0: u64,
            #[uabi(c_long)]
            pub t1: u64,
            #[uabi(c_long)]
            pub t2: u64,
            #[uabi(c_long)]
            pub s0: u64,
            #[uabi(c_long)]
            pub s1: u64,
            #[uabi(c_long)]
            pub a0: u64,
            #[uabi(c_long)]
            pub a1: u64,
            #[uabi(c_long)]
            pub a2: u64,
            #[uabi(c_long)]
            pub a3: u64,
            #[uabi(c_long)]
            pub a4: u64,
            #[uabi(c_long)]
            pub a5: u64,
            #[uabi(c_long)]
            pub a6: u64,
            #[uabi(c_long)]
            pub a7: u64,
            #[uabi(c_long)]
            pub s2: u64,
            #[uabi(c_long)]
            pub s3: u64,
            #[uabi(c_long)]
            pub s4: u64,
            #[uabi(c_long)]
            pub s5: u64,
            #[uabi(c_long)]
            pub s6: u64,
            #[uabi(c_long)]
            pub s7: u64,
            #[uabi(c_long)]
            pub s8: u64,
            #[uabi(c_long)]
            pub s9: u64,
            #[uabi(c_long)]
            pub s10: u64,
            #[uabi(c_long)]
            pub s11: u64,
            #[uabi(c_long)]
            pub t3: u64,
            #[uabi(c_long)]
            pub t4: u64,
            #[uabi(c_long)]
            pub t5: u64,
            #[uabi(c_long)]
            pub t6: u64,
        }
    }
}
