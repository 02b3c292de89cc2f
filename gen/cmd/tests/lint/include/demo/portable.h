/* Laid out as uabi lays out its own headers: fixed-width fields at their natural offsets,
 * explicit padding, the size a multiple of the largest member. Lints clean. */
#ifndef _DEMO_PORTABLE_H
#define _DEMO_PORTABLE_H
#include <demo/types.h>

struct demo_info {
	__u32 argsz;
	__u32 flags;
	__aligned_u64 base;
};

/* 8-aligned on x86_64, 4-aligned on i386: the same bytes everywhere, so not a finding. */
struct demo_range {
	__u64 start;
	__u64 size;
};

/* A pointer overlaid by a __u64 that fixes the union's size: uabi's c_pointer union. */
struct demo_bitmap {
	__u64 size;
	union {
		__u64 *data;
		__u64 data_u64;
	};
};
#endif
