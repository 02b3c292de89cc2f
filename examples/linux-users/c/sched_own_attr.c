/*
 * The other include order, and a program that defines struct sched_attr itself, as programs
 * did before glibc 2.41 declared it: <linux/sched.h> must not define it (Linux's keeps it in
 * <linux/sched/types.h>), and glibc's <sched.h> may follow.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <linux/sched.h>
#include <sched.h>
#include <stdio.h>

struct sched_attr {
	__u32 size;
	__u32 sched_policy;
	__u64 sched_flags;
	__s32 sched_nice;
	__u32 sched_priority;
	__u64 sched_runtime;
	__u64 sched_deadline;
	__u64 sched_period;
};

int main(void)
{
	struct sched_attr attr;

	attr.size = sizeof(attr);
	printf("own sched_attr: %u, SCHED_DEADLINE=%d, CLONE_VM=%#x\n", attr.size, SCHED_DEADLINE, CLONE_VM);
	return 0;
}
