/*
 * userfaultfd(2) as a process that serves its own page faults uses <linux/userfaultfd.h>: the
 * UFFDIO_API handshake, a registered region that another thread reads, each fault read from
 * the descriptor as a struct uffd_msg and resolved with UFFDIO_COPY. Written for Linux's
 * header; compiled unchanged against uabi's (tests/linux_c_families.rs), and both builds must
 * print the same lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/userfaultfd.h>

static long page_size;
static char *region;

static void *reader(void *arg)
{
	static char seen[3];

	(void)arg;
	seen[0] = region[0];
	seen[1] = region[page_size + 10];
	return seen;
}

int main(void)
{
	struct uffdio_api api;
	struct uffdio_register reg;
	pthread_t thread;
	char *source;
	void *seen;
	long uffd;
	int n;

	page_size = sysconf(_SC_PAGESIZE);
	printf("sizes: msg=%zu api=%zu register=%zu copy=%zu\n", sizeof(struct uffd_msg), sizeof(api), sizeof(reg),
	       sizeof(struct uffdio_copy));
	printf("ioctls: api=%#lx register=%#lx copy=%#lx\n", (unsigned long)UFFDIO_API, (unsigned long)UFFDIO_REGISTER,
	       (unsigned long)UFFDIO_COPY);

	uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0) {
		printf("userfaultfd: unavailable (%s)\n", strerror(errno));
		return 0;
	}
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = 0;
	if (ioctl((int)uffd, UFFDIO_API, &api) == -1) {
		perror("UFFDIO_API");
		return 1;
	}
	printf("api: %#llx, every feature known: %d, register ioctl: %d\n", (unsigned long long)api.api,
	       (api.features & ~(__u64)UFFD_API_FEATURES) == 0, (api.ioctls & ((__u64)1 << _UFFDIO_REGISTER)) != 0);

	region = (char *)mmap(NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	source = (char *)mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED || source == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (unsigned long)region;
	reg.range.len = 2 * page_size;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	if (ioctl((int)uffd, UFFDIO_REGISTER, &reg) == -1) {
		perror("UFFDIO_REGISTER");
		return 1;
	}
	printf("range: copy ioctl: %d\n", (reg.ioctls & ((__u64)1 << _UFFDIO_COPY)) != 0);

	if (pthread_create(&thread, NULL, reader, NULL) != 0)
		return 1;
	for (n = 0; n < 2; n++) {
		struct pollfd pfd;
		struct uffd_msg msg;
		struct uffdio_copy copy;
		unsigned long long addr;

		pfd.fd = (int)uffd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 10000) != 1 || read((int)uffd, &msg, sizeof(msg)) != (ssize_t)sizeof(msg)) {
			perror("waiting for a fault");
			return 1;
		}
		if (msg.event != UFFD_EVENT_PAGEFAULT) {
			fprintf(stderr, "unexpected event %u\n", msg.event);
			return 1;
		}
		addr = msg.arg.pagefault.address & ~(unsigned long long)(page_size - 1);
		memset(source, 'A' + n, page_size);
		copy.dst = addr;
		copy.src = (unsigned long)source;
		copy.len = page_size;
		copy.mode = 0;
		copy.copy = 0;
		if (ioctl((int)uffd, UFFDIO_COPY, &copy) == -1) {
			perror("UFFDIO_COPY");
			return 1;
		}
		printf("fault %d: page %lld, %s, copied %d\n", n, (long long)(addr - (unsigned long)region) / page_size,
		       (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WRITE) ? "write" : "read", copy.copy == page_size);
	}
	pthread_join(thread, &seen);
	printf("the reader saw: %c %c\n", ((char *)seen)[0], ((char *)seen)[1]);
	return 0;
}
