/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Everything here is in the language already. */
#ifndef _DEMO_CLEAN_H
#define _DEMO_CLEAN_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define CLEAN_TYPE 'C'

/* The argument of CLEAN_SET. */
struct clean_arg {
	__u32 flags;
#define CLEAN_FLAG_A (1U << 0)
	__u32 value;
	__aligned_u64 addr;
};

#define CLEAN_SET _IOW(CLEAN_TYPE, 1, struct clean_arg)

#endif
