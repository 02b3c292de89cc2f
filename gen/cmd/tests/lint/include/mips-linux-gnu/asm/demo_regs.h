/* mips-linux-gnu's registers: each architecture has its own. */
#ifndef _ASM_DEMO_REGS_H
#define _ASM_DEMO_REGS_H
struct demo_regs {
	unsigned char r[8];
};
#endif
