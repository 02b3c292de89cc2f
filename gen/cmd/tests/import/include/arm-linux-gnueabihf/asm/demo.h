/* The registers of every other architecture, alike. */
#ifndef _ASM_GENERIC_DEMO_H
#define _ASM_GENERIC_DEMO_H
#include <linux/types.h>
struct demo_regs {
	__u64 pc;
};
#define DEMO_NR_REGS 1
#endif
