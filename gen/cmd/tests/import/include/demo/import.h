/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * What `uabi import` reads: one of each thing a UAPI header says, the portable and the not.
 */
#ifndef _DEMO_IMPORT_H
#define _DEMO_IMPORT_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <asm/demo.h>

#define DEMO_TYPE (';')
#define DEMO_BASE 100
#define DEMO_NAME "demo-device"
/* A 64-bit flag. */
#define DEMO_BIG_FLAG ((__u64)1 << 40)
#define DEMO_MASK (~0x3U)
#define DEMO_MAX(a, b) ((a) > (b) ? (a) : (b))
/* C macros the language keeps for C alone: token pasting, a variadic one, a marker. */
#define DEMO_REG(name) DEMO_REG_##name
#define DEMO_LOG(fmt, ...) demo_log(fmt, __VA_ARGS__)
#define DEMO_HAVE_RESET
/* Needs the program's PAGE_SIZE: no value here, C's tokens. */
#define DEMO_REGS_MAX \
	((PAGE_SIZE - sizeof(struct demo_info)) / sizeof(__u64))
/* What parentheses would change, or Rust cannot lex: still refused. */
#define DEMO_STMT(x) do { (x); } while (0)
#define DEMO_ATTR __attribute__((aligned(8)))
#define demo_member u.member
#define DEMO_ESC(x) ((x) + '\xff')
#define DEMO_NOARGS() 1

/**
 * struct demo_info - argument of DEMO_GET_INFO
 * @argsz: the caller's size of the struct
 */
struct demo_info {
	__u32 argsz;
	__u32 flags;
#define DEMO_INFO_FLAG_RESET (1 << 0) /* the device can be reset */
#define DEMO_INFO_FLAG_CAPS (1 << 1)
#define DEMO_INFO_FLAG_ALL 0x3 /* a mask, written as a number */
	__u32 num_regions;
	__u64 size;	/* a hole of 4 bytes before it */
	__u8 data[];
};

/* Not portable: `long` and a pointer, 4 bytes on 32-bit architectures. */
struct demo_legacy {
	long offset;
	__u32 *buffer;
	unsigned short port;
};

/* Bit-fields, with an unnamed gap. */
struct demo_bits {
	__u32 enabled : 1,
	      mode : 3,
	      : 4,
	      level : 8,
	      type : 16;
	__u32 other;
};

/* An exit union with members of different sizes, an untagged member and an anonymous one. */
struct demo_run {
	__u32 reason;
	__u32 pad;
	union {
		struct {
			__u64 phys_addr;
			__u32 len;
			__u8 is_write;
		} mmio;
		__u32 code;
		char padding[64];
	};
	struct demo_regs regs;
};

/* A field of one architecture: s390's status word. */
struct demo_vcpu {
	__u64 pc;
#ifdef __s390__
	__u64 psw_mask;
#endif
	__u64 flags;
};

enum demo_state {
	DEMO_STATE_ERROR = 0,
	DEMO_STATE_STOP = 1,
	DEMO_STATE_RUNNING = 2,
	DEMO_STATE_RUNNING_P2P = 5,
};
/* One enumerator defined again for #ifdef: `c_defines` defines them all. */
#define DEMO_STATE_STOP DEMO_STATE_STOP

/* Every enumerator defined again, as Linux's KVM_DEV_TYPE_* are. */
enum demo_dev_type {
	DEMO_DEV_TYPE_A = 1,
#define DEMO_DEV_TYPE_A DEMO_DEV_TYPE_A
	DEMO_DEV_TYPE_B,
#define DEMO_DEV_TYPE_B DEMO_DEV_TYPE_B
};

/* A function-like macro of an enumerator's name: C tells them apart, the language does not;
 * and `c_defines` would define DEMO_MODE_B as well: both refused. */
enum demo_mode {
	DEMO_MODE_A,
	DEMO_MODE_B,
};
#define DEMO_MODE_A DEMO_MODE_A
#define DEMO_MODE_B(m) ((m) == DEMO_MODE_B)

/* An enumerator redefined with another value: refused. */
enum demo_color {
	DEMO_COLOR_RED,
	DEMO_COLOR_BLUE,
	__DEMO_COLOR_MAX,
};
#define __DEMO_COLOR_MAX (__DEMO_COLOR_MAX - 1)

enum {
	DEMO_REGION_BAR0,
	DEMO_REGION_BAR1,
	DEMO_NUM_REGIONS
};

struct demo_state_arg {
	enum demo_state state;
	__u32 pad;
};

/* A packed wire format: `len` sits at offset 1. */
struct demo_wire {
	__u8 kind;
	__u16 len;
} __attribute__((packed));

/* Packed, every field at its natural offset: alignment 1 in C, and here. */
struct demo_event {
	__u32 kind;
	__u32 len;
	__u64 value;
} __attribute__((packed));

/* A packed record holding an aligned type: the language refuses it. */
struct demo_aligned {
	__aligned_u64 addr;
};
struct demo_packed_aligned {
	__u8 tag;
	struct demo_aligned inner;
} __attribute__((packed));

/* The same at natural offsets: imported unpacked (alignment 8 here, 1 in C), and noted. */
struct demo_packed_natural {
	struct demo_aligned inner;
	__u64 more;
} __attribute__((packed));

/* A packed union: the language packs no union, so its integers are bytes. */
union demo_packed_union {
	__u32 word;
	__u8 bytes[5];
} __attribute__((packed));

/* The language has no floating point. */
struct demo_float {
	float ratio;
};

typedef struct {
	__u32 a;
} demo_typedef_t;

#define DEMO_GET_INFO _IOWR(DEMO_TYPE, DEMO_BASE + 0, struct demo_info)
#define DEMO_RESET _IO(DEMO_TYPE, DEMO_BASE + 1)
/* The same number, on another file descriptor. */
#define DEMO_RESET_GROUP _IO(DEMO_TYPE, DEMO_BASE + 1)
#define DEMO_GET_REGS _IOR(DEMO_TYPE, DEMO_BASE + 2, struct demo_regs)
#define DEMO_SET_LEVEL _IOW(DEMO_TYPE, DEMO_BASE + 3, __u32)
#define DEMO_SET_RATIO _IOW(DEMO_TYPE, DEMO_BASE + 4, struct demo_float)

#endif /* _DEMO_IMPORT_H */
