/* x86's registers (each architecture's asm/ has its own). */
#ifndef _ASM_X86_DEMO_H
#define _ASM_X86_DEMO_H
#include <linux/types.h>
struct demo_regs {
	__u64 rip;
	__u64 rflags;
};
#define DEMO_NR_REGS 2
#endif
