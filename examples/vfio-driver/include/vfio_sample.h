/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * The C entry points of the VFIO sample driver (libvfio_sample.a, src/ffi.rs).
 * Results are Linux-style: a non-negative value, or a negated errno.
 * The ABI the requests carry is <linux/vfio.h> and the generated <sample/sample.h>.
 */
#ifndef VFIO_SAMPLE_H
#define VFIO_SAMPLE_H

#ifdef __cplusplus
extern "C" {
#endif

/* A simulated machine: group 7 holds device "0000:00:01.0"; free with vfio_sample_destroy. */
void *vfio_sample_create(void);
void vfio_sample_destroy(void *host);
/* Opens "/dev/vfio/vfio" or "/dev/vfio/<group>": a descriptor or -errno. */
int vfio_sample_open(void *host, const char *path);
/* ioctl(2) on a descriptor of the host: the result or -errno. */
int vfio_sample_ioctl(void *host, int fd, unsigned long request, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* VFIO_SAMPLE_H */
