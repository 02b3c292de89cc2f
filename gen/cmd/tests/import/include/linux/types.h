/* The fixture's own <linux/types.h>: the fixed-width types, so that import's fixtures need no
 * system header and read alike on every target. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H
typedef unsigned char __u8;
typedef signed char __s8;
typedef unsigned short __u16;
typedef short __s16;
typedef unsigned int __u32;
typedef int __s32;
typedef unsigned long long __u64;
typedef long long __s64;
typedef __u64 __attribute__((aligned(8))) __aligned_u64;
typedef __s64 __attribute__((aligned(8))) __aligned_s64;
typedef unsigned long __kernel_ulong_t;
#endif
