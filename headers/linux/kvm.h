/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * KVM, the kernel's virtual machine interface, as of Linux 7.2: every record, macro,
 * enumerator and ioctl of `<linux/kvm.h>` and of the x86 (i386 and x86_64), arm64 and riscv64
 * `<asm/kvm.h>` (the nested module `asm`).
 *
 * KVM has four kinds of file descriptor, and every ioctl names the one it is issued on:
 * `system` (`/dev/kvm`), `vm` (what `KVM_CREATE_VM` returns), `vcpu` (what `KVM_CREATE_VCPU`
 * returns; mapping its first `KVM_GET_VCPU_MMAP_SIZE` bytes gives the shared `struct kvm_run`)
 * and `device` (what `KVM_CREATE_DEVICE` returns). Unlike VFIO, KVM encodes the argument's
 * size in the request number, so a struct that changes size is a new ioctl.
 *
 * # Per architecture
 *
 * Each architecture's registers and devices are in `<asm/kvm.h>`: x86's `kvm_regs` is not
 * arm64's or riscv64's, and an item that exists on some architectures only sits in an `#if`
 * on the compiler's own macros, so that one header tree serves every architecture with
 * `-I headers` alone. `<asm/kvm.h>` takes the include guard of each architecture's own header
 * (`_ASM_X86_KVM_H`, `__ARM_KVM_H__`, `__LINUX_KVM_RISCV_H`) and `<linux/kvm.h>` Linux's
 * (`__LINUX_KVM_H`), so that either can be included with Linux's in any order. The ioctls of
 * `<linux/kvm.h>` whose argument only another architecture declares (`KVM_S390_MEM_OP`,
 * `KVM_PPC_GET_PVINFO` ..), which Linux defines everywhere but which compile only there, are
 * defined only where their argument is (so not yet for s390 and powerpc). s390, powerpc,
 * loongarch, mips and arm get
 * `<linux/kvm.h>`'s architecture-independent items; their `<asm/kvm.h>` is not here yet.
 *
 * # For code written for Linux's header or for rust-vmm's kvm-bindings
 *
 * - C: every name, value, size and offset is Linux's (tests/kvm_dropin.rs compares them all
 *   on x86_64, i386, aarch64 and riscv64), and kvmtool builds to the same machine code on
 *   either header (scripts/kvmtool-interop.sh, docs/kvmtool.md). The function-like macros are
 *   Linux's, as `const fn`s that Rust calls too (`KVM_REG_SIZE`, `KVM_X86_REG_MSR`,
 *   `__ARM64_SYS_REG` ..), or as C macros alone where C needs a member name or token pasting
 *   (`KVM_REG_ARM_CORE_REG(regs.pc)`, `ARM64_SYS_REG_SHIFT_MASK`, the riscv64 register
 *   indices).
 * - Rust: the names are bindgen's where C has none: an anonymous member is `__bindgen_anon_N`
 *   (`run.__bindgen_anon_1.mmio`), a member named like a Rust keyword takes a `_`
 *   (`system_event.type_`), and each constant has the type bindgen gives its value (`u32`,
 *   else `u64`; `i32` when negative). The unions of `kvm_run` and `kvm_irqchip`'s `chip` are
 *   `unpadded`: their members are their own types, as bindgen declares them
 *   (`run.__bindgen_anon_1.hypercall.__bindgen_anon_1.longmode` is a `u32`), so those records
 *   read from bytes but are not `IntoBytes`; every other union's members are padded to the
 *   union's size and byte-safe. `compat/kvm-bindings` is kvm-bindings' interface over this
 *   module.
 *
 * # Where this definition deviates from Linux, and why
 *
 * 1. Records Linux leaves non-portable have x86_64's layout on i386 too, with the padding
 *    x86_64 has named: `kvm_xen_exit` (4 bytes after `type`), `kvm_dirty_tlb` and
 *    `kvm_run`'s `fail_entry` and `s390_ucontrol` (tail padding); so do the ioctls that carry
 *    their size (`KVM_DIRTY_TLB`). The other records' implicit padding is named too, on every
 *    architecture (`__pad`, `__padN`: the same bytes).
 * 2. A pointer member is a `u64` address (`#[uabi(c_pointer)]`), 8 bytes everywhere: C
 *    declares an anonymous union of the pointer and `<name>_u64`, so `log.dirty_bitmap = buf`
 *    still compiles (`kvm_dirty_log`, `kvm_clear_dirty_log`, `kvm_msr_filter_range.bitmap`,
 *    arm64's `kvm_arm_copy_mte_tags.addr`). On i386, `kvm_msr_filter_range`, `kvm_msr_filter`
 *    and `KVM_X86_SET_MSR_FILTER` are therefore x86_64's size.
 * 3. `unsigned long` is a 64-bit integer: C declares it `unsigned long` where every
 *    architecture of the family is 64-bit (riscv64's records, `#[uabi(c_long)]`) and `__u64`
 *    elsewhere (`kvm_run.riscv_sbi` and `riscv_csr` outside riscv64). So on i386 those two
 *    members, `KVM_MEMORY_ENCRYPT_OP`, `KVM_S390_VCPU_FAULT`, `KVM_S390_STORE_STATUS` and the
 *    values `KVM_S390_STORE_STATUS_NOADDR`/`_PREFIXED` have x86_64's sizes.
 * 4. `enum kvm_device_type`'s enumerators are also macros of their own names, as Linux's
 *    are, and so is `KVM_DEV_TYPE_MAX`, which Linux's is not. The macros Linux defines
 *    without a value (`__KVM_HAVE_PIT` ..) are C's alone, as in bindgen's output: Rust has
 *    no constant of those names.
 * 5. Macros whose Linux definition needs a kernel-only header have their value
 *    (`KVM_ARM_DEVICE_TYPE_MASK` and `KVM_ARM_DEVICE_ID_MASK`, `__GENMASK`'s;
 *    `KVM_VGIC_V3_*_SIZE`, the kernel's `SZ_64K`); `KVM_COALESCED_MMIO_MAX` needs the
 *    program's `PAGE_SIZE`, as Linux's does. x86's `KVM_X86_REG_*` are expressions where
 *    Linux writes GNU statement expressions (the same values).
 * 6. The header carries none of Linux's comments; a flexible array in a union is
 *    `__DECLARE_FLEX_ARRAY` in C and a zero-length array in C++, where an empty struct is not
 *    empty.
 *
 * Added to Linux's conventions: `<field>_u64` (the integer beside a pointer member, in an
 * anonymous union).
 *
 * Generated by uabi from linux/src/kvm.rs. Do not edit: change the Rust definition.
 */
#ifndef __LINUX_KVM_H
#define __LINUX_KVM_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/const.h>
#include <linux/stddef.h>
#include <asm/kvm.h>

/*
 * The version `KVM_GET_API_VERSION` returns; it has not changed since Linux 2.6.22, and a
 * VMM refuses any other.
 */
#define KVM_API_VERSION                         12
#define __KVM_HAVE_GUEST_DEBUG

/*
 * Argument of `KVM_SET_USER_MEMORY_REGION`: maps `memory_size` bytes of the caller's
 * address space at `userspace_addr` into guest physical memory at `guest_phys_addr`, as
 * slot `slot`. A `memory_size` of 0 deletes the slot. Addresses and the size must be
 * page-aligned.
 */
struct kvm_userspace_memory_region {
	/* Slot number (address space in bits 16..32 where several exist). */
	__u32 slot;
	__u32 flags;
	/* Guest physical address of the slot's first byte. */
	__u64 guest_phys_addr;
	/* Length of the slot in bytes. */
	__u64 memory_size;
	/* Address of the backing memory in the calling process. */
	__u64 userspace_addr;
};

struct kvm_userspace_memory_region2 {
	__u32 slot;
	__u32 flags;
	__u64 guest_phys_addr;
	__u64 memory_size;
	__u64 userspace_addr;
	__u64 guest_memfd_offset;
	__u32 guest_memfd;
	__u32 pad1;
	__u64 pad2[14];
};

/*
 * How the slot behaves.
 * Track writes to the slot for `KVM_GET_DIRTY_LOG`.
 */
#define KVM_MEM_LOG_DIRTY_PAGES                 (1UL << 0)

/* Guest writes to the slot exit to user space as MMIO instead. */
#define KVM_MEM_READONLY                        (1UL << 1)
#define KVM_MEM_GUEST_MEMFD                     (1UL << 2)

struct kvm_irq_level {
	union {
		__u32 irq;
		__s32 status;
	};
	__u32 level;
};

struct kvm_irqchip {
	__u32 chip_id;
	__u32 pad;
	union {
		char dummy[512];
#if defined(__x86_64__) || defined(__i386__)
		struct kvm_pic_state pic;
		struct kvm_ioapic_state ioapic;
#endif
	} chip;
};

struct kvm_pit_config {
	__u32 flags;
	__u32 pad[15];
};

#define KVM_PIT_SPEAKER_DUMMY                   1

struct kvm_hyperv_exit {
	__u32 type;
	__u32 pad1;
	union {
		struct {
			__u32 msr;
			__u32 pad2;
			__u64 control;
			__u64 evt_page;
			__u64 msg_page;
		} synic;
		struct {
			__u64 input;
			__u64 result;
			__u64 params[2];
		} hcall;
		struct {
			__u32 msr;
			__u32 pad2;
			__u64 control;
			__u64 status;
			__u64 send_page;
			__u64 recv_page;
			__u64 pending_page;
		} syndbg;
	} u;
};

#define KVM_EXIT_HYPERV_SYNIC                   1
#define KVM_EXIT_HYPERV_HCALL                   2
#define KVM_EXIT_HYPERV_SYNDBG                  3

struct kvm_xen_exit {
	__u32 type;
	/* Padding that Linux leaves implicit, named. */
	__u8 __pad[4];
	union {
		struct {
			__u32 longmode;
			__u32 cpl;
			__u64 input;
			__u64 result;
			__u64 params[6];
		} hcall;
	} u;
};

#define KVM_EXIT_XEN_HCALL                      1

struct kvm_exit_snp_req_certs {
	__u64 gpa;
	__u64 npages;
	__u64 ret;
};

#define KVM_S390_GET_SKEYS_NONE                 1
#define KVM_S390_SKEYS_MAX                      1048576

/* Exit reason: none of the others; `hw.hardware_exit_reason` has the hardware's code. */
#define KVM_EXIT_UNKNOWN                        0

/* Exit reason: the guest raised an exception user space must handle. */
#define KVM_EXIT_EXCEPTION                      1

/* Exit reason: the guest accessed an I/O port; see `io`. */
#define KVM_EXIT_IO                             2

/* Exit reason: a hypercall for user space. */
#define KVM_EXIT_HYPERCALL                      3

/* Exit reason: a debug event (breakpoint, single step). */
#define KVM_EXIT_DEBUG                          4

/* Exit reason: the guest executed `hlt` and the in-kernel local APIC is not used. */
#define KVM_EXIT_HLT                            5

/* Exit reason: the guest accessed memory no slot backs. */
#define KVM_EXIT_MMIO                           6

/*
 * Exit reason: the guest can take an interrupt now (requested with
 * `request_interrupt_window`).
 */
#define KVM_EXIT_IRQ_WINDOW_OPEN                7

/* Exit reason: the guest triple-faulted or otherwise shut down; the vCPU cannot go on. */
#define KVM_EXIT_SHUTDOWN                       8

/*
 * Exit reason: the hardware refused to enter the guest (invalid guest state); see
 * `fail_entry`.
 */
#define KVM_EXIT_FAIL_ENTRY                     9

/* Exit reason: a signal interrupted `KVM_RUN`. */
#define KVM_EXIT_INTR                           10

/* Exit reason: the guest wrote the task priority register. */
#define KVM_EXIT_SET_TPR                        11

/* Exit reason: the guest accessed the TPR while it was being tracked. */
#define KVM_EXIT_TPR_ACCESS                     12

/* Exit reason: an s390 SIE intercept. */
#define KVM_EXIT_S390_SIEIC                     13

/* Exit reason: an s390 reset request. */
#define KVM_EXIT_S390_RESET                     14

/* Exit reason: a PowerPC DCR access (no longer produced). */
#define KVM_EXIT_DCR                            15

/* Exit reason: a non-maskable interrupt. */
#define KVM_EXIT_NMI                            16

/*
 * Exit reason: KVM itself could not go on (for example it failed to emulate an
 * instruction); see `internal`.
 */
#define KVM_EXIT_INTERNAL_ERROR                 17
#define KVM_EXIT_OSI                            18
#define KVM_EXIT_PAPR_HCALL                     19
#define KVM_EXIT_S390_UCONTROL                  20
#define KVM_EXIT_WATCHDOG                       21
#define KVM_EXIT_S390_TSCH                      22
#define KVM_EXIT_EPR                            23

/* Exit reason: the guest requested a system event (shutdown, reset, crash). */
#define KVM_EXIT_SYSTEM_EVENT                   24
#define KVM_EXIT_S390_STSI                      25
#define KVM_EXIT_IOAPIC_EOI                     26
#define KVM_EXIT_HYPERV                         27
#define KVM_EXIT_ARM_NISV                       28
#define KVM_EXIT_X86_RDMSR                      29
#define KVM_EXIT_X86_WRMSR                      30
#define KVM_EXIT_DIRTY_RING_FULL                31
#define KVM_EXIT_AP_RESET_HOLD                  32
#define KVM_EXIT_X86_BUS_LOCK                   33
#define KVM_EXIT_XEN                            34
#define KVM_EXIT_RISCV_SBI                      35
#define KVM_EXIT_RISCV_CSR                      36
#define KVM_EXIT_NOTIFY                         37
#define KVM_EXIT_LOONGARCH_IOCSR                38
#define KVM_EXIT_MEMORY_FAULT                   39
#define KVM_EXIT_TDX                            40
#define KVM_EXIT_ARM_SEA                        41
#define KVM_EXIT_ARM_LDST64B                    42
#define KVM_EXIT_SNP_REQ_CERTS                  43

/* `internal.suberror`: an instruction could not be emulated. */
#define KVM_INTERNAL_ERROR_EMULATION            1

/* `internal.suberror`: an exception happened while another was being delivered. */
#define KVM_INTERNAL_ERROR_SIMUL_EX             2

/* `internal.suberror`: an event could not be delivered to the guest. */
#define KVM_INTERNAL_ERROR_DELIVERY_EV          3

/* `internal.suberror`: the hardware exited for a reason KVM does not handle. */
#define KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON 4
#define KVM_INTERNAL_ERROR_EMULATION_FLAG_INSTRUCTION_BYTES (1ULL << 0)

/*
 * The shared page of a vCPU, mapped from offset 0 of its file: the inputs of the next
 * `KVM_RUN` and the outputs of the last one. Reached only through `mmap`, never passed to
 * an ioctl.
 */
struct kvm_run {
	/* In: exit with `KVM_EXIT_IRQ_WINDOW_OPEN` as soon as an interrupt can be injected. */
	__u8 request_interrupt_window;
	/* In: return from `KVM_RUN` with EINTR before entering the guest. */
	__u8 immediate_exit;
	/* Unused. */
	__u8 padding1[6];
	/* Out: why `KVM_RUN` returned (`KVM_EXIT_*`). */
	__u32 exit_reason;
	/* Out: an interrupt can be injected now. */
	__u8 ready_for_interrupt_injection;
	/* Out: the guest's interrupt flag. */
	__u8 if_flag;
	/* Out: architecture-specific exit flags. */
	__u16 flags;
	/* In and out: the CR8 (task priority) register. */
	__u64 cr8;
	/* In and out: the APIC base MSR. */
	__u64 apic_base;
	union {
		/* `KVM_EXIT_UNKNOWN`. */
		struct {
			/* The hardware's exit code (VMX exit reason, SVM exit code ...). */
			__u64 hardware_exit_reason;
		} hw;
		/* `KVM_EXIT_FAIL_ENTRY`. */
		struct {
			/* The hardware's reason for refusing the entry. */
			__u64 hardware_entry_failure_reason;
			/* The host CPU the entry was tried on. */
			__u32 cpu;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[4];
		} fail_entry;
		/* `KVM_EXIT_EXCEPTION`. */
		struct {
			/* The exception vector. */
			__u32 exception;
			/* Its error code. */
			__u32 error_code;
		} ex;
		/* `KVM_EXIT_IO`. */
		struct {
			/* `KVM_EXIT_IO_IN` or `KVM_EXIT_IO_OUT`. */
			__u8 direction;
			/* Width of one access in bytes (1, 2 or 4). */
			__u8 size;
			/* The I/O port. */
			__u16 port;
			/* Number of accesses (more than 1 for `rep ins`/`rep outs`). */
			__u32 count;
			/* Where the data is, in bytes from the start of the mapped `kvm_run`. */
			__u64 data_offset;
		} io;
		struct {
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)
			struct kvm_debug_exit_arch arch;
#endif
		} debug;
		/* `KVM_EXIT_MMIO`. */
		struct {
			/* The guest physical address accessed. */
			__u64 phys_addr;
			/* The bytes written, or room for the bytes read. */
			__u8 data[8];
			/* Bytes accessed (1 to 8). */
			__u32 len;
			/* 1 for a write. */
			__u8 is_write;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[3];
		} mmio;
		struct {
			__u64 phys_addr;
			__u8 data[8];
			__u32 len;
			__u8 is_write;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[3];
		} iocsr_io;
		/* `KVM_EXIT_HYPERCALL`. */
		struct {
			/* The hypercall number. */
			__u64 nr;
			/* Its arguments. */
			__u64 args[6];
			/* User space's return value. */
			__u64 ret;
			union {
				/* Nonzero for a 64-bit guest (the older name of the flags' first bit). */
				__u32 longmode;
				/* `KVM_EXIT_HYPERCALL_LONG_MODE` and others. */
				__u64 flags;
			};
		} hypercall;
		struct {
			__u64 rip;
			__u32 is_write;
			__u32 pad;
		} tpr_access;
		struct {
			__u8 icptcode;
			/* Padding that Linux leaves implicit, named. */
			__u8 __pad[1];
			__u16 ipa;
			__u32 ipb;
		} s390_sieic;
		__u64 s390_reset_flags;
		struct {
			__u64 trans_exc_code;
			__u32 pgm_code;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[4];
		} s390_ucontrol;
		struct {
			__u32 dcrn;
			__u32 data;
			__u8 is_write;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[3];
		} dcr;
		/* `KVM_EXIT_INTERNAL_ERROR`. */
		struct {
			/* What went wrong (`KVM_INTERNAL_ERROR_*`). */
			__u32 suberror;
			/* How many entries of `data` are meaningful (with `KVM_CAP_INTERNAL_ERROR_DATA`). */
			__u32 ndata;
			/* Suberror-specific diagnostics. */
			__u64 data[16];
		} internal;
		struct {
			__u32 suberror;
			__u32 ndata;
			__u64 flags;
			union {
				struct {
					__u8 insn_size;
					__u8 insn_bytes[15];
				};
			};
		} emulation_failure;
		struct {
			__u64 gprs[32];
		} osi;
		struct {
			__u64 nr;
			__u64 ret;
			__u64 args[9];
		} papr_hcall;
		struct {
			__u16 subchannel_id;
			__u16 subchannel_nr;
			__u32 io_int_parm;
			__u32 io_int_word;
			__u32 ipb;
			__u8 dequeued;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[3];
		} s390_tsch;
		struct {
			__u32 epr;
		} epr;
		/* `KVM_EXIT_SYSTEM_EVENT`. */
		struct {
			__u32 type;
			/* How many entries of `data` are meaningful. */
			__u32 ndata;
			union {
				/* The first word, under its older name. */
				__u64 flags;
				/* The event's data words. */
				__u64 data[16];
			};
		} system_event;
		struct {
			__u64 addr;
			__u8 ar;
			__u8 reserved;
			__u8 fc;
			__u8 sel1;
			__u16 sel2;
			/* Tail padding that Linux leaves implicit, named. */
			__u8 __pad[2];
		} s390_stsi;
		struct {
			__u8 vector;
		} eoi;
		struct kvm_hyperv_exit hyperv;
		struct {
			__u64 esr_iss;
			__u64 fault_ipa;
		} arm_nisv;
		struct {
			__u8 error;
			__u8 pad[7];
			__u32 reason;
			__u32 index;
			__u64 data;
		} msr;
		struct kvm_xen_exit xen;
#if defined(__riscv) && __riscv_xlen == 64
		/* On riscv64, with Linux's `unsigned long` members. */
		struct {
			unsigned long extension_id;
			unsigned long function_id;
			unsigned long args[6];
			unsigned long ret[2];
		} riscv_sbi;
#endif
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__) || defined(__s390__) || defined(__powerpc__) || defined(__mips__) || defined(__loongarch__) || defined(__sparc__) || defined(__alpha__) || defined(__hppa__) || defined(__m68k__)
		struct {
			__u64 extension_id;
			__u64 function_id;
			__u64 args[6];
			__u64 ret[2];
		} riscv_sbi;
#endif
#if defined(__riscv) && __riscv_xlen == 64
		/* On riscv64, with Linux's `unsigned long` members. */
		struct {
			unsigned long csr_num;
			unsigned long new_value;
			unsigned long write_mask;
			unsigned long ret_value;
		} riscv_csr;
#endif
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__) || defined(__s390__) || defined(__powerpc__) || defined(__mips__) || defined(__loongarch__) || defined(__sparc__) || defined(__alpha__) || defined(__hppa__) || defined(__m68k__)
		struct {
			__u64 csr_num;
			__u64 new_value;
			__u64 write_mask;
			__u64 ret_value;
		} riscv_csr;
#endif
		struct {
			__u32 flags;
		} notify;
		struct {
			__u64 flags;
			__u64 gpa;
			__u64 size;
		} memory_fault;
		struct {
			__u64 flags;
			__u64 nr;
			union {
				struct {
					__u64 ret;
					__u64 data[5];
				} unknown;
				struct {
					__u64 ret;
					__u64 gpa;
					__u64 size;
				} get_quote;
				struct {
					__u64 ret;
					__u64 leaf;
					__u64 r11;
					__u64 r12;
					__u64 r13;
					__u64 r14;
				} get_tdvmcall_info;
				struct {
					__u64 ret;
					__u64 vector;
				} setup_event_notify;
			};
		} tdx;
		struct {
			__u64 flags;
			__u64 esr;
			__u64 gva;
			__u64 gpa;
		} arm_sea;
		struct kvm_exit_snp_req_certs snp_req_certs;
		/* The whole union as bytes; fixes its size at 256. */
		char padding[256];
	};
	/* Which register sets the kernel stored in `s` (`KVM_CAP_SYNC_REGS`). */
	__u64 kvm_valid_regs;
	/* Which register sets in `s` user space changed. */
	__u64 kvm_dirty_regs;
	/* The shared register area. */
	union {
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)
		/* The shared registers (x86 and arm64 here). */
		struct kvm_sync_regs regs;
#endif
		/* The area as bytes. */
		char padding[2048];
	} s;
};

/* `direction` of `kvm_run.io`: the guest reads the port. */
#define KVM_EXIT_IO_IN                          0

/* `direction` of `kvm_run.io`: the guest writes the port. */
#define KVM_EXIT_IO_OUT                         1

/* `system_event.type`: the guest shut down. */
#define KVM_SYSTEM_EVENT_SHUTDOWN               1

/* `system_event.type`: the guest asked for a reset. */
#define KVM_SYSTEM_EVENT_RESET                  2

/* `system_event.type`: the guest crashed. */
#define KVM_SYSTEM_EVENT_CRASH                  3
#define KVM_SYSTEM_EVENT_WAKEUP                 4
#define KVM_SYSTEM_EVENT_SUSPEND                5
#define KVM_SYSTEM_EVENT_SEV_TERM               6
#define KVM_SYSTEM_EVENT_TDX_FATAL              7
#define KVM_MSR_EXIT_REASON_INVAL               (1 << 0)
#define KVM_MSR_EXIT_REASON_UNKNOWN             (1 << 1)
#define KVM_MSR_EXIT_REASON_FILTER              (1 << 2)
#define KVM_MSR_EXIT_REASON_VALID_MASK          (KVM_MSR_EXIT_REASON_INVAL | KVM_MSR_EXIT_REASON_UNKNOWN | KVM_MSR_EXIT_REASON_FILTER)
#define KVM_NOTIFY_CONTEXT_INVALID              (1 << 0)
#define KVM_MEMORY_EXIT_FLAG_PRIVATE            (1ULL << 3)
#define KVM_EXIT_ARM_SEA_FLAG_GPA_VALID         (1ULL << 0)

/* The size of `kvm_run.s`. */
#define SYNC_REGS_SIZE_BYTES                    2048

struct kvm_coalesced_mmio_zone {
	__u64 addr;
	__u32 size;
	union {
		__u32 pad;
		__u32 pio;
	};
};

struct kvm_coalesced_mmio {
	__u64 phys_addr;
	__u32 len;
	union {
		__u32 pad;
		__u32 pio;
	};
	__u8 data[8];
};

struct kvm_coalesced_mmio_ring {
	__u32 first;
	__u32 last;
	struct kvm_coalesced_mmio coalesced_mmio[];
};

struct kvm_translation {
	__u64 linear_address;
	__u64 physical_address;
	__u8 valid;
	__u8 writeable;
	__u8 usermode;
	__u8 pad[5];
};

struct kvm_interrupt {
	__u32 irq;
};

struct kvm_dirty_log {
	__u32 slot;
	__u32 padding1;
	union {
		/*
		 * `dirty_bitmap` as a pointer, or the address as an integer (`dirty_bitmap_u64`): 8 bytes either way. A
		 * 32-bit program zeroes `dirty_bitmap_u64` before storing the pointer; on big-endian, where the
		 * pointer fills the high half, it stores `(__u64)(uintptr_t)ptr` in `dirty_bitmap_u64` instead.
		 */
		union {
			void *dirty_bitmap;
			__u64 dirty_bitmap_u64;
		};
		__u64 padding2;
	};
};

struct kvm_clear_dirty_log {
	__u32 slot;
	__u32 num_pages;
	__u64 first_page;
	union {
		/*
		 * `dirty_bitmap` as a pointer, or the address as an integer (`dirty_bitmap_u64`): 8 bytes either way. A
		 * 32-bit program zeroes `dirty_bitmap_u64` before storing the pointer; on big-endian, where the
		 * pointer fills the high half, it stores `(__u64)(uintptr_t)ptr` in `dirty_bitmap_u64` instead.
		 */
		union {
			void *dirty_bitmap;
			__u64 dirty_bitmap_u64;
		};
		__u64 padding2;
	};
};

struct kvm_signal_mask {
	__u32 len;
	__u8 sigset[];	/* len elements */
};

struct kvm_tpr_access_ctl {
	__u32 enabled;
	__u32 flags;
	__u32 reserved[8];
};

struct kvm_vapic_addr {
	__u64 vapic_addr;
};

#define KVM_MP_STATE_RUNNABLE                   0
#define KVM_MP_STATE_UNINITIALIZED              1
#define KVM_MP_STATE_INIT_RECEIVED              2
#define KVM_MP_STATE_HALTED                     3
#define KVM_MP_STATE_SIPI_RECEIVED              4
#define KVM_MP_STATE_STOPPED                    5
#define KVM_MP_STATE_CHECK_STOP                 6
#define KVM_MP_STATE_OPERATING                  7
#define KVM_MP_STATE_LOAD                       8
#define KVM_MP_STATE_AP_RESET_HOLD              9
#define KVM_MP_STATE_SUSPENDED                  10

struct kvm_mp_state {
	__u32 mp_state;
};

#define KVM_GUESTDBG_ENABLE                     0x00000001
#define KVM_GUESTDBG_SINGLESTEP                 0x00000002

struct kvm_guest_debug {
	__u32 control;
	__u32 pad;
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)
	struct kvm_guest_debug_arch arch;
#endif
};

#define kvm_ioeventfd_flag_nr_datamatch         0
#define kvm_ioeventfd_flag_nr_pio               1
#define kvm_ioeventfd_flag_nr_deassign          2
#define kvm_ioeventfd_flag_nr_virtio_ccw_notify 3
#define kvm_ioeventfd_flag_nr_fast_mmio         4
#define kvm_ioeventfd_flag_nr_max               5
#define KVM_IOEVENTFD_FLAG_DATAMATCH            (1 << kvm_ioeventfd_flag_nr_datamatch)
#define KVM_IOEVENTFD_FLAG_PIO                  (1 << kvm_ioeventfd_flag_nr_pio)
#define KVM_IOEVENTFD_FLAG_DEASSIGN             (1 << kvm_ioeventfd_flag_nr_deassign)
#define KVM_IOEVENTFD_FLAG_VIRTIO_CCW_NOTIFY    (1 << kvm_ioeventfd_flag_nr_virtio_ccw_notify)
#define KVM_IOEVENTFD_VALID_FLAG_MASK           ((1 << kvm_ioeventfd_flag_nr_max) - 1)

struct kvm_ioeventfd {
	__u64 datamatch;
	__u64 addr;
	__u32 len;
	__s32 fd;
	__u32 flags;
	__u8 pad[36];
};

#define KVM_X86_DISABLE_EXITS_MWAIT             (1 << 0)
#define KVM_X86_DISABLE_EXITS_HLT               (1 << 1)
#define KVM_X86_DISABLE_EXITS_PAUSE             (1 << 2)
#define KVM_X86_DISABLE_EXITS_CSTATE            (1 << 3)
#define KVM_X86_DISABLE_EXITS_APERFMPERF        (1 << 4)

struct kvm_enable_cap {
	__u32 cap;
	__u32 flags;
	__u64 args[4];
	__u8 pad[64];
};

/* The ioctl type byte of every KVM request. */
#define KVMIO                                   0xAE
#define KVM_VM_S390_UCONTROL                    1
#define KVM_VM_PPC_HV                           1
#define KVM_VM_PPC_PR                           2
#define KVM_VM_MIPS_AUTO                        0
#define KVM_VM_MIPS_VZ                          1
#define KVM_VM_MIPS_TE                          2
#define KVM_S390_SIE_PAGE_OFFSET                1
#define KVM_VM_TYPE_ARM_IPA_SIZE_MASK           0xffULL
#define KVM_VM_TYPE_ARM_PROTECTED               (1UL << 31)
#define KVM_VM_TYPE_ARM_MASK                    (KVM_VM_TYPE_ARM_IPA_SIZE_MASK | KVM_VM_TYPE_ARM_PROTECTED)
#define KVM_GET_API_VERSION                     _IO(KVMIO, 0x00)
#define KVM_CREATE_VM                           _IO(KVMIO, 0x01)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_MSR_INDEX_LIST                  _IOWR(KVMIO, 0x02, struct kvm_msr_list)
#endif

#define KVM_S390_ENABLE_SIE                     _IO(KVMIO, 0x06)
#define KVM_CHECK_EXTENSION                     _IO(KVMIO, 0x03)
#define KVM_GET_VCPU_MMAP_SIZE                  _IO(KVMIO, 0x04)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_SUPPORTED_CPUID                 _IOWR(KVMIO, 0x05, struct kvm_cpuid2)
#define KVM_GET_EMULATED_CPUID                  _IOWR(KVMIO, 0x09, struct kvm_cpuid2)
#define KVM_GET_MSR_FEATURE_INDEX_LIST          _IOWR(KVMIO, 0x0a, struct kvm_msr_list)
#endif

#define KVM_CAP_IRQCHIP                         0
#define KVM_CAP_HLT                             1
#define KVM_CAP_MMU_SHADOW_CACHE_CONTROL        2

/* Capability: guest memory is provided by `KVM_SET_USER_MEMORY_REGION`. */
#define KVM_CAP_USER_MEMORY                     3
#define KVM_CAP_SET_TSS_ADDR                    4
#define KVM_CAP_VAPIC                           6
#define KVM_CAP_EXT_CPUID                       7
#define KVM_CAP_CLOCKSOURCE                     8

/* Capability: the recommended number of vCPUs per VM. */
#define KVM_CAP_NR_VCPUS                        9
#define KVM_CAP_NR_MEMSLOTS                     10
#define KVM_CAP_PIT                             11
#define KVM_CAP_NOP_IO_DELAY                    12
#define KVM_CAP_PV_MMU                          13
#define KVM_CAP_MP_STATE                        14
#define KVM_CAP_COALESCED_MMIO                  15
#define KVM_CAP_SYNC_MMU                        16
#define KVM_CAP_IOMMU                           18
#define KVM_CAP_DESTROY_MEMORY_REGION_WORKS     21
#define KVM_CAP_USER_NMI                        22
#define KVM_CAP_SET_GUEST_DEBUG                 23
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_REINJECT_CONTROL                24
#endif

#define KVM_CAP_IRQ_ROUTING                     25
#define KVM_CAP_IRQ_INJECT_STATUS               26
#define KVM_CAP_ASSIGN_DEV_IRQ                  29
#define KVM_CAP_JOIN_MEMORY_REGIONS_WORKS       30
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_MCE                             31
#endif

#define KVM_CAP_IRQFD                           32
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_PIT2                            33
#endif

#define KVM_CAP_SET_BOOT_CPU_ID                 34
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_PIT_STATE2                      35
#endif

#define KVM_CAP_IOEVENTFD                       36
#define KVM_CAP_SET_IDENTITY_MAP_ADDR           37
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_XEN_HVM                         38
#endif

#define KVM_CAP_ADJUST_CLOCK                    39
#define KVM_CAP_INTERNAL_ERROR_DATA             40
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define KVM_CAP_VCPU_EVENTS                     41
#endif

#define KVM_CAP_S390_PSW                        42
#define KVM_CAP_PPC_SEGSTATE                    43
#define KVM_CAP_HYPERV                          44
#define KVM_CAP_HYPERV_VAPIC                    45
#define KVM_CAP_HYPERV_SPIN                     46
#define KVM_CAP_PCI_SEGMENT                     47
#define KVM_CAP_PPC_PAIRED_SINGLES              48
#define KVM_CAP_INTR_SHADOW                     49
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_DEBUGREGS                       50
#endif

#define KVM_CAP_X86_ROBUST_SINGLESTEP           51
#define KVM_CAP_PPC_OSI                         52
#define KVM_CAP_PPC_UNSET_IRQ                   53
#define KVM_CAP_ENABLE_CAP                      54
#if defined(__x86_64__) || defined(__i386__)

#define KVM_CAP_XSAVE                           55
#define KVM_CAP_XCRS                            56
#endif

#define KVM_CAP_PPC_GET_PVINFO                  57
#define KVM_CAP_PPC_IRQ_LEVEL                   58
#define KVM_CAP_ASYNC_PF                        59
#define KVM_CAP_TSC_CONTROL                     60
#define KVM_CAP_GET_TSC_KHZ                     61
#define KVM_CAP_PPC_BOOKE_SREGS                 62
#define KVM_CAP_SPAPR_TCE                       63
#define KVM_CAP_PPC_SMT                         64
#define KVM_CAP_PPC_RMA                         65

/* Capability: the largest number of vCPUs per VM. */
#define KVM_CAP_MAX_VCPUS                       66
#define KVM_CAP_PPC_HIOR                        67
#define KVM_CAP_PPC_PAPR                        68
#define KVM_CAP_SW_TLB                          69
#define KVM_CAP_ONE_REG                         70
#define KVM_CAP_S390_GMAP                       71
#define KVM_CAP_TSC_DEADLINE_TIMER              72
#define KVM_CAP_S390_UCONTROL                   73
#define KVM_CAP_SYNC_REGS                       74
#define KVM_CAP_PCI_2_3                         75
#define KVM_CAP_KVMCLOCK_CTRL                   76
#define KVM_CAP_SIGNAL_MSI                      77
#define KVM_CAP_PPC_GET_SMMU_INFO               78
#define KVM_CAP_S390_COW                        79
#define KVM_CAP_PPC_ALLOC_HTAB                  80
#define KVM_CAP_READONLY_MEM                    81
#define KVM_CAP_IRQFD_RESAMPLE                  82
#define KVM_CAP_PPC_BOOKE_WATCHDOG              83
#define KVM_CAP_PPC_HTAB_FD                     84
#define KVM_CAP_S390_CSS_SUPPORT                85
#define KVM_CAP_PPC_EPR                         86
#define KVM_CAP_ARM_PSCI                        87
#define KVM_CAP_ARM_SET_DEVICE_ADDR             88
#define KVM_CAP_DEVICE_CTRL                     89
#define KVM_CAP_IRQ_MPIC                        90
#define KVM_CAP_PPC_RTAS                        91
#define KVM_CAP_IRQ_XICS                        92
#define KVM_CAP_ARM_EL1_32BIT                   93
#define KVM_CAP_SPAPR_MULTITCE                  94
#define KVM_CAP_EXT_EMUL_CPUID                  95
#define KVM_CAP_HYPERV_TIME                     96
#define KVM_CAP_IOAPIC_POLARITY_IGNORED         97
#define KVM_CAP_ENABLE_CAP_VM                   98
#define KVM_CAP_S390_IRQCHIP                    99
#define KVM_CAP_IOEVENTFD_NO_LENGTH             100
#define KVM_CAP_VM_ATTRIBUTES                   101
#define KVM_CAP_ARM_PSCI_0_2                    102
#define KVM_CAP_PPC_FIXUP_HCALL                 103
#define KVM_CAP_PPC_ENABLE_HCALL                104
#define KVM_CAP_CHECK_EXTENSION_VM              105
#define KVM_CAP_S390_USER_SIGP                  106
#define KVM_CAP_S390_VECTOR_REGISTERS           107
#define KVM_CAP_S390_MEM_OP                     108
#define KVM_CAP_S390_USER_STSI                  109
#define KVM_CAP_S390_SKEYS                      110
#define KVM_CAP_MIPS_FPU                        111
#define KVM_CAP_MIPS_MSA                        112
#define KVM_CAP_S390_INJECT_IRQ                 113
#define KVM_CAP_S390_IRQ_STATE                  114
#define KVM_CAP_PPC_HWRNG                       115
#define KVM_CAP_DISABLE_QUIRKS                  116
#define KVM_CAP_X86_SMM                         117
#define KVM_CAP_MULTI_ADDRESS_SPACE             118
#define KVM_CAP_GUEST_DEBUG_HW_BPS              119
#define KVM_CAP_GUEST_DEBUG_HW_WPS              120
#define KVM_CAP_SPLIT_IRQCHIP                   121
#define KVM_CAP_IOEVENTFD_ANY_LENGTH            122
#define KVM_CAP_HYPERV_SYNIC                    123
#define KVM_CAP_S390_RI                         124
#define KVM_CAP_SPAPR_TCE_64                    125
#define KVM_CAP_ARM_PMU_V3                      126
#define KVM_CAP_VCPU_ATTRIBUTES                 127
#define KVM_CAP_MAX_VCPU_ID                     128
#define KVM_CAP_X2APIC_API                      129
#define KVM_CAP_S390_USER_INSTR0                130
#define KVM_CAP_MSI_DEVID                       131
#define KVM_CAP_PPC_HTM                         132
#define KVM_CAP_SPAPR_RESIZE_HPT                133
#define KVM_CAP_PPC_MMU_RADIX                   134
#define KVM_CAP_PPC_MMU_HASH_V3                 135

/* Capability: `kvm_run.immediate_exit` is honoured. */
#define KVM_CAP_IMMEDIATE_EXIT                  136
#define KVM_CAP_MIPS_VZ                         137
#define KVM_CAP_MIPS_TE                         138
#define KVM_CAP_MIPS_64BIT                      139
#define KVM_CAP_S390_GS                         140
#define KVM_CAP_S390_AIS                        141
#define KVM_CAP_SPAPR_TCE_VFIO                  142
#define KVM_CAP_X86_DISABLE_EXITS               143
#define KVM_CAP_ARM_USER_IRQ                    144
#define KVM_CAP_S390_CMMA_MIGRATION             145
#define KVM_CAP_PPC_FWNMI                       146
#define KVM_CAP_PPC_SMT_POSSIBLE                147
#define KVM_CAP_HYPERV_SYNIC2                   148
#define KVM_CAP_HYPERV_VP_INDEX                 149
#define KVM_CAP_S390_AIS_MIGRATION              150
#define KVM_CAP_PPC_GET_CPU_CHAR                151
#define KVM_CAP_S390_BPB                        152
#define KVM_CAP_GET_MSR_FEATURES                153
#define KVM_CAP_HYPERV_EVENTFD                  154
#define KVM_CAP_HYPERV_TLBFLUSH                 155
#define KVM_CAP_S390_HPAGE_1M                   156
#define KVM_CAP_NESTED_STATE                    157
#define KVM_CAP_ARM_INJECT_SERROR_ESR           158
#define KVM_CAP_MSR_PLATFORM_INFO               159
#define KVM_CAP_PPC_NESTED_HV                   160
#define KVM_CAP_HYPERV_SEND_IPI                 161
#define KVM_CAP_COALESCED_PIO                   162
#define KVM_CAP_HYPERV_ENLIGHTENED_VMCS         163
#define KVM_CAP_EXCEPTION_PAYLOAD               164
#define KVM_CAP_ARM_VM_IPA_SIZE                 165
#define KVM_CAP_MANUAL_DIRTY_LOG_PROTECT        166
#define KVM_CAP_HYPERV_CPUID                    167
#define KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2       168
#define KVM_CAP_PPC_IRQ_XIVE                    169
#define KVM_CAP_ARM_SVE                         170
#define KVM_CAP_ARM_PTRAUTH_ADDRESS             171
#define KVM_CAP_ARM_PTRAUTH_GENERIC             172
#define KVM_CAP_PMU_EVENT_FILTER                173
#define KVM_CAP_ARM_IRQ_LINE_LAYOUT_2           174
#define KVM_CAP_HYPERV_DIRECT_TLBFLUSH          175
#define KVM_CAP_PPC_GUEST_DEBUG_SSTEP           176
#define KVM_CAP_ARM_NISV_TO_USER                177
#define KVM_CAP_ARM_INJECT_EXT_DABT             178
#define KVM_CAP_S390_VCPU_RESETS                179
#define KVM_CAP_S390_PROTECTED                  180
#define KVM_CAP_PPC_SECURE_GUEST                181
#define KVM_CAP_HALT_POLL                       182
#define KVM_CAP_ASYNC_PF_INT                    183
#define KVM_CAP_LAST_CPU                        184
#define KVM_CAP_SMALLER_MAXPHYADDR              185
#define KVM_CAP_S390_DIAG318                    186
#define KVM_CAP_STEAL_TIME                      187
#define KVM_CAP_X86_USER_SPACE_MSR              188
#define KVM_CAP_X86_MSR_FILTER                  189
#define KVM_CAP_ENFORCE_PV_FEATURE_CPUID        190
#define KVM_CAP_SYS_HYPERV_CPUID                191
#define KVM_CAP_DIRTY_LOG_RING                  192
#define KVM_CAP_X86_BUS_LOCK_EXIT               193
#define KVM_CAP_PPC_DAWR1                       194
#define KVM_CAP_SET_GUEST_DEBUG2                195
#define KVM_CAP_SGX_ATTRIBUTE                   196
#define KVM_CAP_VM_COPY_ENC_CONTEXT_FROM        197
#define KVM_CAP_PTP_KVM                         198
#define KVM_CAP_HYPERV_ENFORCE_CPUID            199
#define KVM_CAP_SREGS2                          200
#define KVM_CAP_EXIT_HYPERCALL                  201
#define KVM_CAP_PPC_RPT_INVALIDATE              202
#define KVM_CAP_BINARY_STATS_FD                 203
#define KVM_CAP_EXIT_ON_EMULATION_FAILURE       204
#define KVM_CAP_ARM_MTE                         205
#define KVM_CAP_VM_MOVE_ENC_CONTEXT_FROM        206
#define KVM_CAP_VM_GPA_BITS                     207
#define KVM_CAP_XSAVE2                          208
#define KVM_CAP_SYS_ATTRIBUTES                  209
#define KVM_CAP_PPC_AIL_MODE_3                  210
#define KVM_CAP_S390_MEM_OP_EXTENSION           211
#define KVM_CAP_PMU_CAPABILITY                  212
#define KVM_CAP_DISABLE_QUIRKS2                 213
#define KVM_CAP_VM_TSC_CONTROL                  214
#define KVM_CAP_SYSTEM_EVENT_DATA               215
#define KVM_CAP_ARM_SYSTEM_SUSPEND              216
#define KVM_CAP_S390_PROTECTED_DUMP             217
#define KVM_CAP_X86_TRIPLE_FAULT_EVENT          218
#define KVM_CAP_X86_NOTIFY_VMEXIT               219
#define KVM_CAP_VM_DISABLE_NX_HUGE_PAGES        220
#define KVM_CAP_S390_ZPCI_OP                    221
#define KVM_CAP_S390_CPU_TOPOLOGY               222
#define KVM_CAP_DIRTY_LOG_RING_ACQ_REL          223
#define KVM_CAP_S390_PROTECTED_ASYNC_DISABLE    224
#define KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP      225
#define KVM_CAP_PMU_EVENT_MASKED_EVENTS         226
#define KVM_CAP_COUNTER_OFFSET                  227
#define KVM_CAP_ARM_EAGER_SPLIT_CHUNK_SIZE      228
#define KVM_CAP_ARM_SUPPORTED_BLOCK_SIZES       229
#define KVM_CAP_ARM_SUPPORTED_REG_MASK_RANGES   230
#define KVM_CAP_USER_MEMORY2                    231
#define KVM_CAP_MEMORY_FAULT_INFO               232
#define KVM_CAP_MEMORY_ATTRIBUTES               233
#define KVM_CAP_GUEST_MEMFD                     234
#define KVM_CAP_VM_TYPES                        235
#define KVM_CAP_PRE_FAULT_MEMORY                236
#define KVM_CAP_X86_APIC_BUS_CYCLES_NS          237
#define KVM_CAP_X86_GUEST_MODE                  238
#define KVM_CAP_ARM_WRITABLE_IMP_ID_REGS        239
#define KVM_CAP_ARM_EL2                         240
#define KVM_CAP_ARM_EL2_E2H0                    241
#define KVM_CAP_RISCV_MP_STATE_RESET            242
#define KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED  243
#define KVM_CAP_GUEST_MEMFD_FLAGS               244
#define KVM_CAP_ARM_SEA_TO_USER                 245
#define KVM_CAP_S390_USER_OPEREXEC              246
#define KVM_CAP_S390_KEYOP                      247
#define KVM_CAP_S390_VSIE_ESAMODE               248
#define KVM_CAP_S390_HPAGE_2G                   249

struct kvm_irq_routing_irqchip {
	__u32 irqchip;
	__u32 pin;
};

struct kvm_irq_routing_msi {
	__u32 address_lo;
	__u32 address_hi;
	__u32 data;
	union {
		__u32 pad;
		__u32 devid;
	};
};

struct kvm_irq_routing_s390_adapter {
	__u64 ind_addr;
	__u64 summary_addr;
	__u64 ind_offset;
	__u32 summary_offset;
	__u32 adapter_id;
};

struct kvm_irq_routing_hv_sint {
	__u32 vcpu;
	__u32 sint;
};

struct kvm_irq_routing_xen_evtchn {
	__u32 port;
	__u32 vcpu;
	__u32 priority;
};

#define KVM_IRQ_ROUTING_XEN_EVTCHN_PRIO_2LEVEL  0xffffffffU
#define KVM_IRQ_ROUTING_IRQCHIP                 1
#define KVM_IRQ_ROUTING_MSI                     2
#define KVM_IRQ_ROUTING_S390_ADAPTER            3
#define KVM_IRQ_ROUTING_HV_SINT                 4
#define KVM_IRQ_ROUTING_XEN_EVTCHN              5

struct kvm_irq_routing_entry {
	__u32 gsi;
	__u32 type;
	__u32 flags;
	__u32 pad;
	union {
		struct kvm_irq_routing_irqchip irqchip;
		struct kvm_irq_routing_msi msi;
		struct kvm_irq_routing_s390_adapter adapter;
		struct kvm_irq_routing_hv_sint hv_sint;
		struct kvm_irq_routing_xen_evtchn xen_evtchn;
		__u32 pad[8];
	} u;
};

struct kvm_irq_routing {
	__u32 nr;
	__u32 flags;
	struct kvm_irq_routing_entry entries[];	/* nr elements */
};

#define KVM_IRQFD_FLAG_DEASSIGN                 (1 << 0)
#define KVM_IRQFD_FLAG_RESAMPLE                 (1 << 1)

struct kvm_irqfd {
	__u32 fd;
	__u32 gsi;
	__u32 flags;
	__u32 resamplefd;
	__u8 pad[16];
};

/*
 * Which of the fields below the kernel filled in.
 * The clock is stable across vCPUs (1 is skipped: an old answer used it).
 */
#define KVM_CLOCK_TSC_STABLE                    2

/* `realtime` holds the host's wall clock at the time of `clock`. */
#define KVM_CLOCK_REALTIME                      (1 << 2)

/* `host_tsc` holds the host's TSC at the time of `clock`. */
#define KVM_CLOCK_HOST_TSC                      (1 << 3)

/* Argument of `KVM_GET_CLOCK` (x86): the VM's kvmclock, in nanoseconds. */
struct kvm_clock_data {
	/* The guest's clock, in nanoseconds. */
	__u64 clock;
	__u32 flags;
	/* Unused. */
	__u32 pad0;
	/* Host `CLOCK_REALTIME` in nanoseconds, with `KVM_CLOCK_REALTIME`. */
	__u64 realtime;
	/* Host TSC value, with `KVM_CLOCK_HOST_TSC`. */
	__u64 host_tsc;
	/* Unused. */
	__u32 pad[4];
};

#define KVM_MMU_FSL_BOOKE_NOHV                  0
#define KVM_MMU_FSL_BOOKE_HV                    1

struct kvm_config_tlb {
	__u64 params;
	__u64 array;
	__u32 mmu_type;
	__u32 array_len;
};

struct kvm_dirty_tlb {
	__u64 bitmap;
	__u32 num_dirty;
	/* Tail padding that Linux leaves implicit, named. */
	__u8 __pad[4];
};

#define KVM_REG_ARCH_MASK                       0xff00000000000000ULL
#define KVM_REG_GENERIC                         0x0000000000000000ULL
#define KVM_REG_PPC                             0x1000000000000000ULL
#define KVM_REG_X86                             0x2000000000000000ULL
#define KVM_REG_IA64                            0x3000000000000000ULL
#define KVM_REG_ARM                             0x4000000000000000ULL
#define KVM_REG_S390                            0x5000000000000000ULL
#define KVM_REG_ARM64                           0x6000000000000000ULL
#define KVM_REG_MIPS                            0x7000000000000000ULL
#define KVM_REG_RISCV                           0x8000000000000000ULL
#define KVM_REG_LOONGARCH                       0x9000000000000000ULL
#define KVM_REG_SIZE_SHIFT                      52
#define KVM_REG_SIZE_MASK                       0x00f0000000000000ULL
#define KVM_REG_SIZE_U8                         0x0000000000000000ULL
#define KVM_REG_SIZE_U16                        0x0010000000000000ULL
#define KVM_REG_SIZE_U32                        0x0020000000000000ULL
#define KVM_REG_SIZE_U64                        0x0030000000000000ULL
#define KVM_REG_SIZE_U128                       0x0040000000000000ULL
#define KVM_REG_SIZE_U256                       0x0050000000000000ULL
#define KVM_REG_SIZE_U512                       0x0060000000000000ULL
#define KVM_REG_SIZE_U1024                      0x0070000000000000ULL
#define KVM_REG_SIZE_U2048                      0x0080000000000000ULL

struct kvm_reg_list {
	__u64 n;
	__u64 reg[];	/* n elements */
};

struct kvm_one_reg {
	__u64 id;
	__u64 addr;
};

#define KVM_MSI_VALID_DEVID                     (1U << 0)

struct kvm_msi {
	__u32 address_lo;
	__u32 address_hi;
	__u32 data;
	__u32 flags;
	__u32 devid;
	__u8 pad[12];
};

struct kvm_arm_device_addr {
	__u64 id;
	__u64 addr;
};

#define KVM_CREATE_DEVICE_TEST                  1

struct kvm_create_device {
	__u32 type;
	__u32 fd;
	__u32 flags;
};

struct kvm_device_attr {
	__u32 flags;
	__u32 group;
	__u64 attr;
	__u64 addr;
};

#define KVM_DEV_VFIO_FILE                       1
#define KVM_DEV_VFIO_FILE_ADD                   1
#define KVM_DEV_VFIO_FILE_DEL                   2
#define KVM_DEV_VFIO_GROUP                      KVM_DEV_VFIO_FILE
#define KVM_DEV_VFIO_GROUP_ADD                  KVM_DEV_VFIO_FILE_ADD
#define KVM_DEV_VFIO_GROUP_DEL                  KVM_DEV_VFIO_FILE_DEL
#define KVM_DEV_VFIO_GROUP_SET_SPAPR_TCE        3

enum kvm_device_type {
	KVM_DEV_TYPE_FSL_MPIC_20 = 1,
#define KVM_DEV_TYPE_FSL_MPIC_20 KVM_DEV_TYPE_FSL_MPIC_20
	KVM_DEV_TYPE_FSL_MPIC_42 = 2,
#define KVM_DEV_TYPE_FSL_MPIC_42 KVM_DEV_TYPE_FSL_MPIC_42
	KVM_DEV_TYPE_XICS = 3,
#define KVM_DEV_TYPE_XICS KVM_DEV_TYPE_XICS
	KVM_DEV_TYPE_VFIO = 4,
#define KVM_DEV_TYPE_VFIO KVM_DEV_TYPE_VFIO
	KVM_DEV_TYPE_ARM_VGIC_V2 = 5,
#define KVM_DEV_TYPE_ARM_VGIC_V2 KVM_DEV_TYPE_ARM_VGIC_V2
	KVM_DEV_TYPE_FLIC = 6,
#define KVM_DEV_TYPE_FLIC KVM_DEV_TYPE_FLIC
	KVM_DEV_TYPE_ARM_VGIC_V3 = 7,
#define KVM_DEV_TYPE_ARM_VGIC_V3 KVM_DEV_TYPE_ARM_VGIC_V3
	KVM_DEV_TYPE_ARM_VGIC_ITS = 8,
#define KVM_DEV_TYPE_ARM_VGIC_ITS KVM_DEV_TYPE_ARM_VGIC_ITS
	KVM_DEV_TYPE_XIVE = 9,
#define KVM_DEV_TYPE_XIVE KVM_DEV_TYPE_XIVE
	KVM_DEV_TYPE_ARM_PV_TIME = 10,
#define KVM_DEV_TYPE_ARM_PV_TIME KVM_DEV_TYPE_ARM_PV_TIME
	KVM_DEV_TYPE_RISCV_AIA = 11,
#define KVM_DEV_TYPE_RISCV_AIA KVM_DEV_TYPE_RISCV_AIA
	KVM_DEV_TYPE_LOONGARCH_IPI = 12,
#define KVM_DEV_TYPE_LOONGARCH_IPI KVM_DEV_TYPE_LOONGARCH_IPI
	KVM_DEV_TYPE_LOONGARCH_EIOINTC = 13,
#define KVM_DEV_TYPE_LOONGARCH_EIOINTC KVM_DEV_TYPE_LOONGARCH_EIOINTC
	KVM_DEV_TYPE_LOONGARCH_PCHPIC = 14,
#define KVM_DEV_TYPE_LOONGARCH_PCHPIC KVM_DEV_TYPE_LOONGARCH_PCHPIC
	KVM_DEV_TYPE_LOONGARCH_DMSINTC = 15,
#define KVM_DEV_TYPE_LOONGARCH_DMSINTC KVM_DEV_TYPE_LOONGARCH_DMSINTC
	KVM_DEV_TYPE_ARM_VGIC_V5 = 16,
#define KVM_DEV_TYPE_ARM_VGIC_V5 KVM_DEV_TYPE_ARM_VGIC_V5
	KVM_DEV_TYPE_MAX = 17,
#define KVM_DEV_TYPE_MAX KVM_DEV_TYPE_MAX
};

struct kvm_vfio_spapr_tce {
	__s32 groupfd;
	__s32 tablefd;
};

#define KVM_S390_KEYOP_ISKE                     0x01
#define KVM_S390_KEYOP_RRBE                     0x02
#define KVM_S390_KEYOP_SSKE                     0x03

struct kvm_s390_keyop {
	__u64 guest_addr;
	__u8 key;
	__u8 operation;
	__u8 pad[6];
};

#define KVM_CREATE_VCPU                         _IO(KVMIO, 0x41)
#define KVM_GET_DIRTY_LOG                       _IOW(KVMIO, 0x42, struct kvm_dirty_log)
#define KVM_SET_NR_MMU_PAGES                    _IO(KVMIO, 0x44)
#define KVM_GET_NR_MMU_PAGES                    _IO(KVMIO, 0x45)
#define KVM_SET_USER_MEMORY_REGION              _IOW(KVMIO, 0x46, struct kvm_userspace_memory_region)
#define KVM_SET_TSS_ADDR                        _IO(KVMIO, 0x47)
#define KVM_SET_IDENTITY_MAP_ADDR               _IOW(KVMIO, 0x48, __u64)
#define KVM_SET_USER_MEMORY_REGION2             _IOW(KVMIO, 0x49, struct kvm_userspace_memory_region2)
#define KVM_S390_VCPU_FAULT                     _IOW(KVMIO, 0x52, __u64)
#define KVM_S390_KEYOP                          _IOWR(KVMIO, 0x53, struct kvm_s390_keyop)
#define KVM_CREATE_IRQCHIP                      _IO(KVMIO, 0x60)
#define KVM_IRQ_LINE                            _IOW(KVMIO, 0x61, struct kvm_irq_level)
#define KVM_GET_IRQCHIP                         _IOWR(KVMIO, 0x62, struct kvm_irqchip)
#define KVM_SET_IRQCHIP                         _IOR(KVMIO, 0x63, struct kvm_irqchip)
#define KVM_CREATE_PIT                          _IO(KVMIO, 0x64)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_PIT                             _IOWR(KVMIO, 0x65, struct kvm_pit_state)
#define KVM_SET_PIT                             _IOR(KVMIO, 0x66, struct kvm_pit_state)
#endif

#define KVM_IRQ_LINE_STATUS                     _IOWR(KVMIO, 0x67, struct kvm_irq_level)
#define KVM_REGISTER_COALESCED_MMIO             _IOW(KVMIO, 0x67, struct kvm_coalesced_mmio_zone)
#define KVM_UNREGISTER_COALESCED_MMIO           _IOW(KVMIO, 0x68, struct kvm_coalesced_mmio_zone)
#define KVM_SET_GSI_ROUTING                     _IOW(KVMIO, 0x6a, struct kvm_irq_routing)
#define KVM_REINJECT_CONTROL                    _IO(KVMIO, 0x71)
#define KVM_IRQFD                               _IOW(KVMIO, 0x76, struct kvm_irqfd)
#define KVM_CREATE_PIT2                         _IOW(KVMIO, 0x77, struct kvm_pit_config)
#define KVM_SET_BOOT_CPU_ID                     _IO(KVMIO, 0x78)
#define KVM_IOEVENTFD                           _IOW(KVMIO, 0x79, struct kvm_ioeventfd)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_XEN_HVM_CONFIG                      _IOW(KVMIO, 0x7a, struct kvm_xen_hvm_config)
#endif

#define KVM_SET_CLOCK                           _IOW(KVMIO, 0x7b, struct kvm_clock_data)
#define KVM_GET_CLOCK                           _IOR(KVMIO, 0x7c, struct kvm_clock_data)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_PIT2                            _IOR(KVMIO, 0x9f, struct kvm_pit_state2)
#define KVM_SET_PIT2                            _IOW(KVMIO, 0xa0, struct kvm_pit_state2)
#endif

#define KVM_SET_TSC_KHZ                         _IO(KVMIO, 0xa2)
#define KVM_GET_TSC_KHZ                         _IO(KVMIO, 0xa3)
#define KVM_SIGNAL_MSI                          _IOW(KVMIO, 0xa5, struct kvm_msi)
#define KVM_PPC_ALLOCATE_HTAB                   _IOWR(KVMIO, 0xa7, __u32)
#define KVM_ARM_SET_DEVICE_ADDR                 _IOW(KVMIO, 0xab, struct kvm_arm_device_addr)
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define KVM_SET_PMU_EVENT_FILTER                _IOW(KVMIO, 0xb2, struct kvm_pmu_event_filter)
#endif

#define KVM_PPC_SVM_OFF                         _IO(KVMIO, 0xb3)
#if defined(__aarch64__)

#define KVM_ARM_MTE_COPY_TAGS                   _IOR(KVMIO, 0xb4, struct kvm_arm_copy_mte_tags)
#define KVM_ARM_SET_COUNTER_OFFSET              _IOW(KVMIO, 0xb5, struct kvm_arm_counter_offset)
#define KVM_ARM_GET_REG_WRITABLE_MASKS          _IOR(KVMIO, 0xb6, struct reg_mask_range)
#endif

#define KVM_CREATE_DEVICE                       _IOWR(KVMIO, 0xe0, struct kvm_create_device)
#define KVM_SET_DEVICE_ATTR                     _IOW(KVMIO, 0xe1, struct kvm_device_attr)
#define KVM_GET_DEVICE_ATTR                     _IOW(KVMIO, 0xe2, struct kvm_device_attr)
#define KVM_HAS_DEVICE_ATTR                     _IOW(KVMIO, 0xe3, struct kvm_device_attr)
#define KVM_RUN                                 _IO(KVMIO, 0x80)
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)

#define KVM_GET_REGS                            _IOR(KVMIO, 0x81, struct kvm_regs)
#define KVM_SET_REGS                            _IOW(KVMIO, 0x82, struct kvm_regs)
#define KVM_GET_SREGS                           _IOR(KVMIO, 0x83, struct kvm_sregs)
#define KVM_SET_SREGS                           _IOW(KVMIO, 0x84, struct kvm_sregs)
#endif

#define KVM_TRANSLATE                           _IOWR(KVMIO, 0x85, struct kvm_translation)
#define KVM_INTERRUPT                           _IOW(KVMIO, 0x86, struct kvm_interrupt)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_MSRS                            _IOWR(KVMIO, 0x88, struct kvm_msrs)
#define KVM_SET_MSRS                            _IOW(KVMIO, 0x89, struct kvm_msrs)
#define KVM_SET_CPUID                           _IOW(KVMIO, 0x8a, struct kvm_cpuid)
#endif

#define KVM_SET_SIGNAL_MASK                     _IOW(KVMIO, 0x8b, struct kvm_signal_mask)
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)

#define KVM_GET_FPU                             _IOR(KVMIO, 0x8c, struct kvm_fpu)
#define KVM_SET_FPU                             _IOW(KVMIO, 0x8d, struct kvm_fpu)
#endif
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_LAPIC                           _IOR(KVMIO, 0x8e, struct kvm_lapic_state)
#define KVM_SET_LAPIC                           _IOW(KVMIO, 0x8f, struct kvm_lapic_state)
#define KVM_SET_CPUID2                          _IOW(KVMIO, 0x90, struct kvm_cpuid2)
#define KVM_GET_CPUID2                          _IOWR(KVMIO, 0x91, struct kvm_cpuid2)
#endif

#define KVM_TPR_ACCESS_REPORTING                _IOWR(KVMIO, 0x92, struct kvm_tpr_access_ctl)
#define KVM_SET_VAPIC_ADDR                      _IOW(KVMIO, 0x93, struct kvm_vapic_addr)
#define KVM_S390_STORE_STATUS_NOADDR            0xffffffffffffffffUL
#define KVM_S390_STORE_STATUS_PREFIXED          0xfffffffffffffffeUL
#define KVM_S390_STORE_STATUS                   _IOW(KVMIO, 0x95, __u64)
#define KVM_S390_INITIAL_RESET                  _IO(KVMIO, 0x97)
#define KVM_GET_MP_STATE                        _IOR(KVMIO, 0x98, struct kvm_mp_state)
#define KVM_SET_MP_STATE                        _IOW(KVMIO, 0x99, struct kvm_mp_state)
#define KVM_NMI                                 _IO(KVMIO, 0x9a)
#define KVM_SET_GUEST_DEBUG                     _IOW(KVMIO, 0x9b, struct kvm_guest_debug)
#define KVM_X86_SETUP_MCE                       _IOW(KVMIO, 0x9c, __u64)
#define KVM_X86_GET_MCE_CAP_SUPPORTED           _IOR(KVMIO, 0x9d, __u64)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_X86_SET_MCE                         _IOW(KVMIO, 0x9e, struct kvm_x86_mce)
#endif
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define KVM_GET_VCPU_EVENTS                     _IOR(KVMIO, 0x9f, struct kvm_vcpu_events)
#define KVM_SET_VCPU_EVENTS                     _IOW(KVMIO, 0xa0, struct kvm_vcpu_events)
#endif
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_DEBUGREGS                       _IOR(KVMIO, 0xa1, struct kvm_debugregs)
#define KVM_SET_DEBUGREGS                       _IOW(KVMIO, 0xa2, struct kvm_debugregs)
#endif

#define KVM_ENABLE_CAP                          _IOW(KVMIO, 0xa3, struct kvm_enable_cap)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_XSAVE                           _IOR(KVMIO, 0xa4, struct kvm_xsave)
#define KVM_SET_XSAVE                           _IOW(KVMIO, 0xa5, struct kvm_xsave)
#define KVM_GET_XCRS                            _IOR(KVMIO, 0xa6, struct kvm_xcrs)
#define KVM_SET_XCRS                            _IOW(KVMIO, 0xa7, struct kvm_xcrs)
#endif

#define KVM_DIRTY_TLB                           _IOW(KVMIO, 0xaa, struct kvm_dirty_tlb)
#define KVM_GET_ONE_REG                         _IOW(KVMIO, 0xab, struct kvm_one_reg)
#define KVM_SET_ONE_REG                         _IOW(KVMIO, 0xac, struct kvm_one_reg)
#define KVM_KVMCLOCK_CTRL                       _IO(KVMIO, 0xad)
#if defined(__aarch64__)

#define KVM_ARM_VCPU_INIT                       _IOW(KVMIO, 0xae, struct kvm_vcpu_init)
#define KVM_ARM_PREFERRED_TARGET                _IOR(KVMIO, 0xaf, struct kvm_vcpu_init)
#endif

#define KVM_GET_REG_LIST                        _IOWR(KVMIO, 0xb0, struct kvm_reg_list)
#define KVM_SMI                                 _IO(KVMIO, 0xb7)
#define KVM_MEMORY_ENCRYPT_OP                   _IOWR(KVMIO, 0xba, __u64)

struct kvm_enc_region {
	__u64 addr;
	__u64 size;
};

#define KVM_MEMORY_ENCRYPT_REG_REGION           _IOR(KVMIO, 0xbb, struct kvm_enc_region)
#define KVM_MEMORY_ENCRYPT_UNREG_REGION         _IOR(KVMIO, 0xbc, struct kvm_enc_region)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_HYPERV_EVENTFD                      _IOW(KVMIO, 0xbd, struct kvm_hyperv_eventfd)
#define KVM_GET_NESTED_STATE                    _IOWR(KVMIO, 0xbe, struct kvm_nested_state)
#define KVM_SET_NESTED_STATE                    _IOW(KVMIO, 0xbf, struct kvm_nested_state)
#endif

#define KVM_CLEAR_DIRTY_LOG                     _IOWR(KVMIO, 0xc0, struct kvm_clear_dirty_log)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_SUPPORTED_HV_CPUID              _IOWR(KVMIO, 0xc1, struct kvm_cpuid2)
#endif

#define KVM_ARM_VCPU_FINALIZE                   _IOW(KVMIO, 0xc2, __s32)
#define KVM_S390_NORMAL_RESET                   _IO(KVMIO, 0xc3)
#define KVM_S390_CLEAR_RESET                    _IO(KVMIO, 0xc4)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_X86_SET_MSR_FILTER                  _IOW(KVMIO, 0xc6, struct kvm_msr_filter)
#endif

#define KVM_RESET_DIRTY_RINGS                   _IO(KVMIO, 0xc7)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_XEN_HVM_GET_ATTR                    _IOWR(KVMIO, 0xc8, struct kvm_xen_hvm_attr)
#define KVM_XEN_HVM_SET_ATTR                    _IOW(KVMIO, 0xc9, struct kvm_xen_hvm_attr)
#define KVM_XEN_VCPU_GET_ATTR                   _IOWR(KVMIO, 0xca, struct kvm_xen_vcpu_attr)
#define KVM_XEN_VCPU_SET_ATTR                   _IOW(KVMIO, 0xcb, struct kvm_xen_vcpu_attr)
#endif

#define KVM_XEN_HVM_EVTCHN_SEND                 _IOW(KVMIO, 0xd0, struct kvm_irq_routing_xen_evtchn)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_SREGS2                          _IOR(KVMIO, 0xcc, struct kvm_sregs2)
#define KVM_SET_SREGS2                          _IOW(KVMIO, 0xcd, struct kvm_sregs2)
#endif

#define KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE     (1 << 0)
#define KVM_DIRTY_LOG_INITIALLY_SET             (1 << 1)
#define KVM_DIRTY_GFN_F_DIRTY                   (1UL << 0)
#define KVM_DIRTY_GFN_F_RESET                   (1UL << 1)
#define KVM_DIRTY_GFN_F_MASK                    0x3

struct kvm_dirty_gfn {
	__u32 flags;
	__u32 slot;
	__u64 offset;
};

#define KVM_BUS_LOCK_DETECTION_OFF              (1 << 0)
#define KVM_BUS_LOCK_DETECTION_EXIT             (1 << 1)
#define KVM_PMU_CAP_DISABLE                     (1 << 0)

struct kvm_stats_header {
	__u32 flags;
	__u32 name_size;
	__u32 num_desc;
	__u32 id_offset;
	__u32 desc_offset;
	__u32 data_offset;
};

#define KVM_STATS_TYPE_SHIFT                    0
#define KVM_STATS_TYPE_MASK                     (0xF << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_CUMULATIVE               (0x0 << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_INSTANT                  (0x1 << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_PEAK                     (0x2 << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_LINEAR_HIST              (0x3 << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_LOG_HIST                 (0x4 << KVM_STATS_TYPE_SHIFT)
#define KVM_STATS_TYPE_MAX                      KVM_STATS_TYPE_LOG_HIST
#define KVM_STATS_UNIT_SHIFT                    4
#define KVM_STATS_UNIT_MASK                     (0xF << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_NONE                     (0x0 << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_BYTES                    (0x1 << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_SECONDS                  (0x2 << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_CYCLES                   (0x3 << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_BOOLEAN                  (0x4 << KVM_STATS_UNIT_SHIFT)
#define KVM_STATS_UNIT_MAX                      KVM_STATS_UNIT_BOOLEAN
#define KVM_STATS_BASE_SHIFT                    8
#define KVM_STATS_BASE_MASK                     (0xF << KVM_STATS_BASE_SHIFT)
#define KVM_STATS_BASE_POW10                    (0x0 << KVM_STATS_BASE_SHIFT)
#define KVM_STATS_BASE_POW2                     (0x1 << KVM_STATS_BASE_SHIFT)
#define KVM_STATS_BASE_MAX                      KVM_STATS_BASE_POW2

struct kvm_stats_desc {
	__u32 flags;
	__s16 exponent;
	__u16 size;
	__u32 offset;
	__u32 bucket_size;
	__u8 name[];
};

#define KVM_GET_STATS_FD                        _IO(KVMIO, 0xce)
#if defined(__x86_64__) || defined(__i386__)

#define KVM_GET_XSAVE2                          _IOR(KVMIO, 0xcf, struct kvm_xsave)
#endif

#define KVM_X86_NOTIFY_VMEXIT_ENABLED           (1ULL << 0)
#define KVM_X86_NOTIFY_VMEXIT_USER              (1ULL << 1)
#define KVM_SET_MEMORY_ATTRIBUTES               _IOW(KVMIO, 0xd2, struct kvm_memory_attributes)

struct kvm_memory_attributes {
	__u64 address;
	__u64 size;
	__u64 attributes;
	__u64 flags;
};

#define KVM_MEMORY_ATTRIBUTE_PRIVATE            (1ULL << 3)
#define KVM_CREATE_GUEST_MEMFD                  _IOWR(KVMIO, 0xd4, struct kvm_create_guest_memfd)
#define GUEST_MEMFD_FLAG_MMAP                   (1ULL << 0)
#define GUEST_MEMFD_FLAG_INIT_SHARED            (1ULL << 1)

struct kvm_create_guest_memfd {
	__u64 size;
	__u64 flags;
	__u64 reserved[6];
};

#define KVM_PRE_FAULT_MEMORY                    _IOWR(KVMIO, 0xd5, struct kvm_pre_fault_memory)

struct kvm_pre_fault_memory {
	__u64 gpa;
	__u64 size;
	__u64 flags;
	__u64 padding[5];
};

/*
 * Marks a member of `kvm_run` that user space may change while the vCPU runs, so that the
 * kernel reads it once: the member's name itself.
 */
#define HINT_UNSAFE_IN_KVM(symbol)              symbol

/* The IPA size field of an arm64 machine type (`KVM_CREATE_VM`'s argument). */
#define KVM_VM_TYPE_ARM_IPA_SIZE(x)             ((x) & KVM_VM_TYPE_ARM_IPA_SIZE_MASK)

/*
 * The size in bytes of the register a `KVM_GET_ONE_REG` id names (its `KVM_REG_SIZE_*`
 * field, a power of two).
 */
#define KVM_REG_SIZE(id)                        (1U << (((id) & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT))

/*
 * How many `kvm_coalesced_mmio` entries the ring page holds after its header (C only: it
 * needs the program's own `PAGE_SIZE`, as Linux's does).
 */
#define KVM_COALESCED_MMIO_MAX                  ((PAGE_SIZE - sizeof(struct kvm_coalesced_mmio_ring)) / sizeof(struct kvm_coalesced_mmio))

#endif /* __LINUX_KVM_H */
