/*
 * C written for Linux's own <linux/perf_event.h> and <linux/kvm.h>, the way perf tools, the
 * perf_event_open(2) manual and VMMs use them; compiled unchanged against uabi's generated
 * headers (`-I headers`). It prints the same `name=value` lines as src/main.rs.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include <linux/kvm.h>

static long perf_event_open(struct perf_event_attr *hw_event, pid_t pid, int cpu, int group_fd, unsigned long flags)
{
	return syscall(SYS_perf_event_open, hw_event, pid, cpu, group_fd, flags);
}

#if defined(__aarch64__)
/* arm64 addresses the core registers by their offset in struct kvm_regs, in 32-bit words. */
#define CORE_REG(name) (offsetof(struct kvm_regs, name) / sizeof(__u32))
static const unsigned long arm64_regs[] = {
	CORE_REG(regs.pc), CORE_REG(regs.pstate), CORE_REG(sp_el1), CORE_REG(spsr[KVM_NR_SPSR - 1]),
	CORE_REG(fp_regs.vregs[31]), CORE_REG(fp_regs.fpcr),
};
#endif

int main(void)
{
	struct perf_event_attr pe;
	struct kvm_run *run = NULL;
	unsigned char *word;
	long long count;
	int fd, i;
	volatile unsigned long long x = 0;

	memset(&pe, 0, sizeof(pe));
	pe.type = PERF_TYPE_SOFTWARE;
	pe.size = sizeof(pe);
	pe.config = PERF_COUNT_SW_TASK_CLOCK;
	pe.disabled = 1;
	pe.exclude_kernel = 1;
	pe.exclude_hv = 1;

	word = (unsigned char *)&pe + offsetof(struct perf_event_attr, read_format) + sizeof(pe.read_format);
	printf("attr.size=%u\n", pe.size);
	printf("attr.flags_offset=%zu\n", (size_t)(word - (unsigned char *)&pe));
	printf("attr.flags_bytes=[");
	for (i = 0; i < 8; i++)
		printf("%s%02x", i ? ", " : "", word[i]);
	printf("]\n");
	printf("attr.disabled=%u attr.exclude_kernel=%u attr.exclude_user=%u\n",
	       (unsigned)pe.disabled, (unsigned)pe.exclude_kernel, (unsigned)pe.exclude_user);

	printf("kvm_run.size=%zu\n", sizeof(*run));
	printf("kvm_run.mmio.len=%zu\n", offsetof(struct kvm_run, mmio.len));
	printf("kvm_run.s=%zu\n", offsetof(struct kvm_run, s));
#if defined(__x86_64__)
	printf("kvm_run.s.regs.regs.rip=%zu\n", offsetof(struct kvm_run, s.regs.regs.rip));
#endif
	printf("kvm_regs.size=%zu\n", sizeof(struct kvm_regs));
#if defined(__aarch64__)
	(void)arm64_regs;
#endif

	fd = perf_event_open(&pe, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd == -1) {
		perror("perf_event_open (kernel.perf_event_paranoid may forbid it)");
		return 0;
	}
	ioctl(fd, PERF_EVENT_IOC_RESET, 0);
	ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
	for (i = 0; i < 5000000; i++)
		x = x * 6364136223846793005ULL + (unsigned long long)i;
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
	if (read(fd, &count, sizeof(count)) != sizeof(count) || count <= 0) {
		fprintf(stderr, "the task clock counted nothing\n");
		return 1;
	}
	printf("perf counted: yes\n");
	close(fd);
	return 0;
}
