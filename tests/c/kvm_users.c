/*
 * A small VMM in C, written against <linux/kvm.h> the way kvmtool and QEMU use it: capability
 * checks under #ifdef, a VM with a memory slot, the TSS and identity-map addresses, the CPUID
 * the host supports handed to the vCPU (struct kvm_cpuid2 and its flexible array), MSRs read
 * through struct kvm_msrs, the shared kvm_run mapped and its exits read through its anonymous
 * union (run->io, run->mmio), the register sets read back. tests/kvm_c_users.rs compiles it
 * against uabi's headers and against Linux 7.2's and compares what it prints on /dev/kvm and
 * the machine code; on arm64 and riscv64 it builds the register ids those VMMs build.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/kvm.h>

/* Register ids as the arm64 and riscv64 VMMs build them. */
#if defined(__aarch64__)
#define ARM64_CORE_REG(x) (KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | KVM_REG_ARM_CORE_REG(x))
const __u64 reg_ids[] = {
	ARM64_CORE_REG(regs.pc),
	ARM64_CORE_REG(regs.regs[30]),
	ARM64_CORE_REG(sp_el1),
	ARM64_SYS_REG(3, 0, 0, 0, 5), /* MPIDR_EL1 */
	KVM_REG_ARM_FW_REG(0),
	KVM_REG_ARM64_SVE_ZREG(31, 0),
	KVM_REG_ARM64_SVE_PREG(15, 0),
	KVM_REG_ARM64_SVE_FFR(0),
	KVM_REG_SIZE(KVM_REG_ARM64 | KVM_REG_SIZE_U2048),
	KVM_ARM_VCPU_PSCI_0_2,
	KVM_VM_TYPE_ARM_IPA_SIZE(48),
};
#elif defined(__riscv)
#define RISCV_CORE_REG(name) (KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_CORE | KVM_REG_RISCV_CORE_REG(name))
const __u64 reg_ids[] = {
	RISCV_CORE_REG(regs.pc),
	RISCV_CORE_REG(regs.a0),
	RISCV_CORE_REG(mode),
	KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_CONFIG | KVM_REG_RISCV_CONFIG_REG(isa),
	KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_CSR | KVM_REG_RISCV_CSR_REG(satp),
	KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_TIMER | KVM_REG_RISCV_TIMER_REG(compare),
	KVM_REG_RISCV_SBI_MULTI_REG(KVM_RISCV_SBI_EXT_HSM),
	KVM_DEV_RISCV_AIA_IMSIC_MKATTR(3, 0x70),
};
#elif defined(__i386__)
/* On i386 the x86 records have their 32-bit layout: sizes and offsets a 32-bit VMM relies on. */
const __u64 reg_ids[] = {
	sizeof(struct kvm_regs),
	sizeof(struct kvm_sregs),
	sizeof(struct kvm_fpu),
	sizeof(struct kvm_msrs),
	offsetof(struct kvm_msrs, entries),
	sizeof(struct kvm_cpuid_entry2),
	offsetof(struct kvm_cpuid2, entries),
	sizeof(struct kvm_vcpu_events),
	sizeof(struct kvm_xsave),
	sizeof(struct kvm_userspace_memory_region),
	KVM_GET_REGS,
	KVM_SET_CPUID2,
	KVM_RUN,
	KVM_CAP_NR_MEMSLOTS,
};
#endif

#if defined(__x86_64__)
/* The guest of linux/examples/kvm_vmm.rs: a message to port 0x3f8, its byte sum to 0x10000. */
static const unsigned char guest[] = {
	0xbe, 0x1d, 0x10, 0xba, 0xf8, 0x03, 0x31, 0xdb, 0xac, 0x84, 0xc0, 0x74, 0x05, 0xee, 0x00,
	0xc3, 0xeb, 0xf6, 0xb8, 0x00, 0x10, 0x8e, 0xc0, 0x26, 0x89, 0x1e, 0x00, 0x00, 0xf4,
	'k', 'v', 'm', ' ', 'i', 'n', ' ', 'C', '\n', 0,
};

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(void)
{
	int kvm, vm, vcpu, ret, nent = 256, exits = 0;
	struct kvm_cpuid2 *cpuid;
	struct kvm_msr_list probe = { 0 }, *msr_list;
	struct kvm_msrs *msrs;
	struct kvm_userspace_memory_region region;
	struct kvm_sregs sregs;
	struct kvm_regs regs;
	struct kvm_fpu fpu;
	struct kvm_vcpu_events events;
	struct kvm_run *run;
	unsigned char *mem;
	long mmap_size;

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0) {
		printf("no /dev/kvm: %s\n", strerror(errno));
		return 0;
	}
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		die("KVM_GET_API_VERSION");
#ifdef KVM_CAP_USER_MEMORY
	if (ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) <= 0)
		die("KVM_CAP_USER_MEMORY");
#endif
#ifdef KVM_CAP_COALESCED_MMIO
	printf("coalesced mmio page: %s\n", ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_COALESCED_MMIO) == KVM_COALESCED_MMIO_PAGE_OFFSET ? "1" : "other");
#endif

	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		die("KVM_CREATE_VM");
	if (ioctl(vm, KVM_SET_TSS_ADDR, 0xfffbd000UL) < 0)
		die("KVM_SET_TSS_ADDR");
	__u64 map_addr = 0xfffbc000;
	if (ioctl(vm, KVM_SET_IDENTITY_MAP_ADDR, &map_addr) < 0)
		die("KVM_SET_IDENTITY_MAP_ADDR");

	mem = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (mem == MAP_FAILED)
		die("mmap");
	memcpy(mem + 0x1000, guest, sizeof(guest));
	region = (struct kvm_userspace_memory_region){ .slot = 0, .flags = 0, .guest_phys_addr = 0, .memory_size = 0x10000, .userspace_addr = (unsigned long)mem };
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die("KVM_SET_USER_MEMORY_REGION");

	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0)
		die("KVM_CREATE_VCPU");

	/* The CPUID the host supports, as the vCPU's (kvmtool's kvm_cpu__setup_cpuid). */
	cpuid = calloc(1, sizeof(*cpuid) + nent * sizeof(cpuid->entries[0]));
	cpuid->nent = nent;
	if (ioctl(kvm, KVM_GET_SUPPORTED_CPUID, cpuid) < 0)
		die("KVM_GET_SUPPORTED_CPUID");
	if (ioctl(vcpu, KVM_SET_CPUID2, cpuid) < 0)
		die("KVM_SET_CPUID2");
	printf("cpuid: %s entries, leaf 0 first: %s\n", cpuid->nent > 1 ? "several" : "one", cpuid->entries[0].function == 0 ? "yes" : "no");

	/* The MSRs KVM saves: E2BIG tells how many (QEMU's kvm_get_supported_msrs). */
	if (ioctl(kvm, KVM_GET_MSR_INDEX_LIST, &probe) >= 0 || errno != E2BIG || probe.nmsrs == 0)
		die("KVM_GET_MSR_INDEX_LIST probe");
	msr_list = calloc(1, sizeof(*msr_list) + probe.nmsrs * sizeof(msr_list->indices[0]));
	msr_list->nmsrs = probe.nmsrs;
	if (ioctl(kvm, KVM_GET_MSR_INDEX_LIST, msr_list) < 0)
		die("KVM_GET_MSR_INDEX_LIST");
	msrs = calloc(1, sizeof(*msrs) + 2 * sizeof(msrs->entries[0]));
	msrs->nmsrs = 2;
	msrs->entries[0].index = 0x10;       /* IA32_TIME_STAMP_COUNTER */
	msrs->entries[1].index = 0xc0000080; /* EFER */
	ret = ioctl(vcpu, KVM_GET_MSRS, msrs);
	printf("msrs: %d of 2 read, EFER %#llx\n", ret, (unsigned long long)msrs->entries[1].data);

	mmap_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (mmap_size < (long)sizeof(*run))
		die("KVM_GET_VCPU_MMAP_SIZE");
	run = mmap(NULL, mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		die("mmap kvm_run");

	if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
		die("KVM_GET_SREGS");
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0)
		die("KVM_SET_SREGS");
	memset(&regs, 0, sizeof(regs));
	regs.rip = 0x1000;
	regs.rflags = 2;
	if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
		die("KVM_SET_REGS");

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR)
				continue;
			die("KVM_RUN");
		}
		exits++;
		if (run->exit_reason == KVM_EXIT_IO && run->io.direction == KVM_EXIT_IO_OUT && run->io.port == 0x3f8) {
			fwrite((char *)run + run->io.data_offset, run->io.size, run->io.count, stdout);
		} else if (run->exit_reason == KVM_EXIT_MMIO && run->mmio.is_write) {
			printf("mmio write of %u bytes at %#llx: %02x %02x\n", run->mmio.len, (unsigned long long)run->mmio.phys_addr, run->mmio.data[0], run->mmio.data[1]);
		} else if (run->exit_reason == KVM_EXIT_HLT) {
			break;
		} else {
			printf("unexpected exit %u\n", run->exit_reason);
			return 1;
		}
	}
	if (ioctl(vcpu, KVM_GET_REGS, &regs) < 0 || ioctl(vcpu, KVM_GET_FPU, &fpu) < 0 || ioctl(vcpu, KVM_GET_VCPU_EVENTS, &events) < 0)
		die("KVM_GET_REGS/FPU/VCPU_EVENTS");
	printf("halted after %d exits: rip %#llx rbx %#llx, fpu fcw %#x, events flags %#x\n", exits, (unsigned long long)regs.rip,
	       (unsigned long long)regs.rbx, fpu.fcw, events.flags & KVM_VCPUEVENT_VALID_SHADOW);
	printf("layout: run %zu mmio.data %zu io.data_offset %zu s.regs %zu sregs %zu cpuid2.entries %zu msrs.entries %zu\n",
	       sizeof(struct kvm_run), offsetof(struct kvm_run, mmio.data), offsetof(struct kvm_run, io.data_offset),
	       offsetof(struct kvm_run, s.regs), sizeof(struct kvm_sregs), offsetof(struct kvm_cpuid2, entries),
	       offsetof(struct kvm_msrs, entries));
	return 0;
}
#else
int main(void)
{
	size_t i;
	for (i = 0; i < sizeof(reg_ids) / sizeof(reg_ids[0]); i++)
		printf("%#llx\n", (unsigned long long)reg_ids[i]);
	printf("kvm_run %zu, kvm_regs %zu\n", sizeof(struct kvm_run), sizeof(struct kvm_regs));
	return 0;
}
#endif
