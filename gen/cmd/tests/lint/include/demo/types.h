/* The fixed-width types of <linux/types.h>, declared here so that the fixture needs no
 * system header: the lint recognises them by name. */
#ifndef _DEMO_TYPES_H
#define _DEMO_TYPES_H
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef int __s32;
typedef unsigned long long __u64;
typedef long long __s64;
#define __aligned_u64 __u64 __attribute__((aligned(8)))
typedef unsigned long __kernel_size_t;
#endif
