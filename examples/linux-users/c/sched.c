/*
 * clone3(2), sched_getattr(2) and sched_setattr(2) as a program built on glibc uses
 * <linux/sched.h> and <linux/sched/types.h>: after glibc's <sched.h>, which defines many of
 * the same CLONE_* and SCHED_* macros (a redefinition with the same tokens is allowed, any
 * other is an error). Written for Linux's headers; compiled unchanged against uabi's
 * (tests/linux_c_families.rs), and both builds must print the same lines.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/sched.h>
#include <linux/sched/types.h>

int main(void)
{
	struct clone_args args;
	struct sched_attr attr;
	int status = 0;
	long pid;

	printf("sizes: clone_args=%zu (ver0 %d, ver2 %d) sched_attr=%zu (ver0 %d, ver1 %d)\n",
	       sizeof(struct clone_args), CLONE_ARGS_SIZE_VER0, CLONE_ARGS_SIZE_VER2, sizeof(struct sched_attr),
	       SCHED_ATTR_SIZE_VER0, SCHED_ATTR_SIZE_VER1);
	printf("flags: newtime=%#x io=%#x into_cgroup=%#llx all=%#x\n", CLONE_NEWTIME, (unsigned)CLONE_IO,
	       (unsigned long long)CLONE_INTO_CGROUP, SCHED_FLAG_ALL);

	memset(&args, 0, sizeof(args));
	args.flags = CLONE_CLEAR_SIGHAND;
	args.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid == 0)
		_exit(7);
	if (pid < 0) {
		printf("clone3: unavailable (%s)\n", strerror(errno));
	} else {
		waitpid((pid_t)pid, &status, 0);
		printf("clone3: the child exited with %d\n", WEXITSTATUS(status));
	}

	memset(&attr, 0, sizeof(attr));
	if (syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0) == -1) {
		printf("sched_getattr: unavailable (%s)\n", strerror(errno));
		return 0;
	}
	printf("sched_getattr: size=%u policy normal=%d\n", attr.size, attr.sched_policy == SCHED_NORMAL);
	attr.size = SCHED_ATTR_SIZE_VER1;
	attr.sched_flags = SCHED_FLAG_KEEP_ALL;
	printf("sched_setattr keeping everything: %ld\n", syscall(SYS_sched_setattr, 0, &attr, 0));
	return 0;
}
