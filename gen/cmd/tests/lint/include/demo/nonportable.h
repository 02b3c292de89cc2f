/* Every kind of finding `uabi lint` makes, one cause at a time. */
#ifndef _DEMO_NONPORTABLE_H
#define _DEMO_NONPORTABLE_H
#include <demo/types.h>
#include <asm/demo_regs.h>

/* A __u64 after a __u32: i386 aligns it to 4. */
struct demo_u64_after_u32 {
	__u32 flags;
	__u64 addr;
};

/* long and pointers are 4 bytes on 32-bit architectures. */
struct demo_long {
	__u64 id;
	long len;
	void *buf;
	__u32 count;
	__u32 pad;
};

/* Tail padding follows alignment: 16 bytes on x86_64, 12 on i386. */
struct demo_tail {
	__u64 a;
	__u32 b;
};

/* Bit-fields without the big-endian mirror Linux writes under __BIG_ENDIAN_BITFIELD. */
struct demo_bits {
	__u8 lo:4;
	__u8 hi:4;
	__u8 rest[7];
};

/* Each architecture's own struct, from <asm/demo_regs.h>, in a shared one. */
struct demo_state {
	struct demo_regs regs;
	__u64 flags;
};

/* An anonymous union whose size follows the alignment of its __u64. */
struct demo_union_size {
	union {
		__u64 value;
		__u8 name[12];
	};
	__u32 kind;
};

enum demo_mode { DEMO_MODE_A, DEMO_MODE_B };

/* Not fixed-width: int, _Bool, enums, size_t. */
struct demo_types {
	int fd;
	_Bool enabled;
	__u8 pad[3];
	enum demo_mode mode;
	__kernel_size_t size;
};

/* Implicit holes. */
struct demo_holes {
	__u8 kind;
	__u32 value;
	__u16 port;
};
#endif
