/* arm64's registers. */
#ifndef _ASM_ARM64_DEMO_H
#define _ASM_ARM64_DEMO_H
#include <linux/types.h>
struct demo_regs {
	__u64 regs[31];
	__u64 sp;
	__u64 pc;
	__u64 pstate;
};
#define DEMO_NR_REGS 34
#endif
