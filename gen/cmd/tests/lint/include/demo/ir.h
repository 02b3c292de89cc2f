/* What `uabi import` reads from a header: one item of each kind the IR holds. */
#ifndef _DEMO_IR_H
#define _DEMO_IR_H
#include <demo/types.h>
#include <linux/ioctl.h>

#define DEMO_IR_TYPE 'I'
/* The first flag. */
#define DEMO_IR_FLAG_A (1U << 0)
#define DEMO_IR_FLAG_B (1U << 1) /* the second flag */
#define DEMO_IR_NEG (-2)

/*
 * An ioctl's argument.
 * Second line.
 */
struct demo_ir_args {
	__u32 argsz;
	__u32 flags;	/* DEMO_IR_FLAG_* */
	union {
		__u64 addr;
		struct {
			__u32 lo;
			__u32 hi;
		};
	};
	struct {
		__u16 a:3, :5, b:8;
	} bits;
	__u8 data[];
};

typedef struct {
	__u32 x;
} demo_ir_pair_t;

enum demo_ir_kind {
	DEMO_IR_KIND_A = 1,
	DEMO_IR_KIND_B = -1,	/* negative */
};

#define DEMO_IR_GET _IOR(DEMO_IR_TYPE, 1, struct demo_ir_args)
#define DEMO_IR_SET _IOW(DEMO_IR_TYPE, 2, __u32)
#define DEMO_IR_MAX(a, b) ((a) > (b) ? (a) : (b))
#endif
