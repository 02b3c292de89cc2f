/*
 * perf_event_open(2) as perf tools use <linux/perf_event.h>: a counting group read with
 * PERF_FORMAT_GROUP, a sampling event whose ring buffer is walked record by record through
 * struct perf_event_mmap_page and struct perf_event_header, and the bitfields of the sample
 * records (union perf_mem_data_src, struct perf_branch_entry). Written for Linux's header;
 * compiled unchanged against uabi's (tests/linux_c_families.rs), and both builds must print
 * the same lines.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>

static int perf_open(struct perf_event_attr *attr, int group_fd)
{
	return (int)syscall(SYS_perf_event_open, attr, 0, -1, group_fd, PERF_FLAG_FD_CLOEXEC);
}

static void busy(void)
{
	volatile unsigned long sum = 0;
	unsigned long i;

	for (i = 0; i < 30000000UL; i++)
		sum += i;
	(void)sum;
}

/* The group's read(2) layout for PERF_FORMAT_GROUP | PERF_FORMAT_ID | TOTAL_TIME_*. */
struct group_read {
	__u64 nr;
	__u64 time_enabled;
	__u64 time_running;
	struct {
		__u64 value;
		__u64 id;
	} cntr[2];
};

static int count_group(void)
{
	struct perf_event_attr leader, member;
	struct group_read r;
	int lfd, mfd;

	memset(&leader, 0, sizeof(leader));
	leader.type = PERF_TYPE_SOFTWARE;
	leader.size = sizeof(leader);
	leader.config = PERF_COUNT_SW_TASK_CLOCK;
	leader.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_ID | PERF_FORMAT_TOTAL_TIME_ENABLED |
			     PERF_FORMAT_TOTAL_TIME_RUNNING;
	leader.disabled = 1;
	leader.exclude_kernel = 1;
	leader.exclude_hv = 1;
	member = leader;
	member.config = PERF_COUNT_SW_PAGE_FAULTS;
	member.disabled = 0;

	lfd = perf_open(&leader, -1);
	if (lfd < 0) {
		printf("perf: unavailable (%s)\n", strerror(errno));
		return -1;
	}
	mfd = perf_open(&member, lfd);
	if (mfd < 0) {
		perror("perf_event_open (group member)");
		return 1;
	}
	ioctl(lfd, PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP);
	ioctl(lfd, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
	busy();
	ioctl(lfd, PERF_EVENT_IOC_DISABLE, PERF_IOC_FLAG_GROUP);
	if (read(lfd, &r, sizeof(r)) != (ssize_t)sizeof(r)) {
		perror("read of the group");
		return 1;
	}
	printf("group: nr=%llu task_clock_counted=%d running<=enabled=%d\n", (unsigned long long)r.nr,
	       r.cntr[0].value > 0, r.time_running <= r.time_enabled);
	close(mfd);
	close(lfd);
	return 0;
}

static int sample(void)
{
	struct perf_event_attr attr;
	struct perf_event_mmap_page *pc;
	long page = sysconf(_SC_PAGESIZE);
	size_t len = (size_t)page * 9;
	unsigned char *base, *data;
	__u64 head, tail, samples = 0, others = 0;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.size = PERF_ATTR_SIZE_VER9;
	attr.config = PERF_COUNT_SW_TASK_CLOCK;
	attr.sample_period = 200000; /* ns of task clock */
	attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	attr.wakeup_events = 1;
	attr.precise_ip = 0;

	fd = perf_open(&attr, -1);
	if (fd < 0) {
		perror("perf_event_open (sampling)");
		return 1;
	}
	base = (unsigned char *)mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (base == (unsigned char *)MAP_FAILED) {
		perror("mmap of the ring buffer");
		return 1;
	}
	pc = (struct perf_event_mmap_page *)base;
	ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
	busy();
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);

	head = pc->data_head;
	__sync_synchronize();
	tail = pc->data_tail;
	data = base + pc->data_offset;
	while (tail < head) {
		struct perf_event_header h;
		size_t at = (size_t)(tail % pc->data_size);

		/* A header never straddles the end of the ring (records are 8-aligned). */
		memcpy(&h, data + at, sizeof(h));
		if (h.type == PERF_RECORD_SAMPLE && (h.misc & PERF_RECORD_MISC_CPUMODE_MASK) == PERF_RECORD_MISC_USER)
			samples++;
		else
			others++;
		tail += h.size;
	}
	pc->data_tail = tail;
	printf("page: version=%u size=%u cap_bit0_is_deprecated=%u data_offset=%llu\n", pc->version, pc->size,
	       (unsigned)pc->cap_bit0_is_deprecated, (unsigned long long)pc->data_offset);
	printf("ring: user samples=%d\n", samples > 0);
	munmap(base, len);
	close(fd);
	return 0;
}

int main(void)
{
	union perf_mem_data_src src;
	struct perf_branch_entry br;
	union perf_sample_weight w;
	enum perf_event_type type = PERF_RECORD_SAMPLE;
	enum perf_callchain_context ctx = PERF_CONTEXT_USER;
	int r;

	printf("sizes: attr=%zu ver9=%d mmap_page=%zu data_head=%zu branch_entry=%zu header=%zu\n",
	       sizeof(struct perf_event_attr), PERF_ATTR_SIZE_VER9, sizeof(struct perf_event_mmap_page),
	       offsetof(struct perf_event_mmap_page, data_head), sizeof(struct perf_branch_entry),
	       sizeof(struct perf_event_header));
	printf("ioctls: enable=%#lx period=%#lx pause_output=%#lx\n", (unsigned long)PERF_EVENT_IOC_ENABLE,
	       (unsigned long)PERF_EVENT_IOC_PERIOD, (unsigned long)PERF_EVENT_IOC_PAUSE_OUTPUT);

	memset(&src, 0, sizeof(src));
	src.mem_op = PERF_MEM_OP_LOAD;
	src.mem_lvl = PERF_MEM_LVL_HIT | PERF_MEM_LVL_L1;
	src.mem_lvl_num = PERF_MEM_LVLNUM_L1;
	src.mem_snoop = PERF_MEM_SNOOP_NONE;
	src.mem_dtlb = PERF_MEM_TLB_HIT | PERF_MEM_TLB_L1;
	printf("data_src=%#llx\n", (unsigned long long)src.val);
	/* The same value through Linux's token-pasting helper. */
	printf("PERF_MEM_S: %s\n",
	       (PERF_MEM_S(OP, LOAD) | PERF_MEM_S(LVL, HIT) | PERF_MEM_S(LVL, L1) | PERF_MEM_S(LVLNUM, L1) |
		PERF_MEM_S(SNOOP, NONE) | PERF_MEM_S(TLB, HIT) | PERF_MEM_S(TLB, L1)) == src.val ? "agrees" : "differs");

	memset(&br, 0, sizeof(br));
	br.from = 0x1000;
	br.to = 0x2000;
	br.mispred = 1;
	br.cycles = 300;
	br.type = PERF_BR_COND;
	br.spec = PERF_BR_SPEC_CORRECT_PATH;
	br.priv = PERF_BR_PRIV_USER;
	printf("branch: word=%#llx\n", ((unsigned long long *)&br)[2]);

	w.full = 0;
	w.var1_dw = 7;
	w.var2_w = 2;
	printf("weight=%#llx types=%d,%d\n", (unsigned long long)w.full, (int)type, ctx == PERF_CONTEXT_USER);

	r = count_group();
	if (r < 0)
		return 0;
	if (r > 0)
		return r;
	return sample();
}
