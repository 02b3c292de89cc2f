/* The fixture's own <linux/ioctl.h>: asm-generic's encoding. */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((size) << 16) | ((type) << 8) | (nr))
#define _IO(type, nr) _IOC(0U, (type), (nr), 0)
#define _IOR(type, nr, argtype) _IOC(2U, (type), (nr), sizeof(argtype))
#define _IOW(type, nr, argtype) _IOC(1U, (type), (nr), sizeof(argtype))
#define _IOWR(type, nr, argtype) _IOC(3U, (type), (nr), sizeof(argtype))
#endif
