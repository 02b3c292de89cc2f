/*
 * A C client of the VFIO sample driver. The same source is compiled against the sample
 * header as of version 1 (include/v1) and as of version 2 (include): it uses the doorbell
 * only when the header it was compiled against defines it, as a real program would.
 * It prints one line per step; tests/vfio_driver.rs of the uabi workspace checks them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <linux/vfio.h>
#include <sample/sample.h>
#include <vfio_sample.h>

static const char *result(int r)
{
	static char buf[32];
	switch (-r) {
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOTTY: return "ENOTTY";
	case EBUSY: return "EBUSY";
	case EPERM: return "EPERM";
	default:
		snprintf(buf, sizeof(buf), "%d", r);
		return buf;
	}
}

/* struct sample_info followed by bytes the driver must not write. */
struct info_and_canary {
	struct sample_info info;
	unsigned char canary[16];
};

int main(void)
{
	void *host = vfio_sample_create();
	struct vfio_group_status status;
	struct info_and_canary buf;
	int container, group, device, r;
	size_t i;

	/* The VFIO dance, with the kernel's own <linux/vfio.h>. */
	container = vfio_sample_open(host, "/dev/vfio/vfio");
	group = vfio_sample_open(host, "/dev/vfio/7");
	memset(&status, 0, sizeof(status));
	status.argsz = sizeof(status);
	r = vfio_sample_ioctl(host, group, VFIO_GROUP_GET_STATUS, &status);
	printf("group status: %s viable=%d\n", result(r), !!(status.flags & VFIO_GROUP_FLAGS_VIABLE));
	r = vfio_sample_ioctl(host, group, VFIO_GROUP_SET_CONTAINER, &container);
	printf("set container: %s\n", result(r));
	r = vfio_sample_ioctl(host, container, VFIO_SET_IOMMU, (void *)(uintptr_t)VFIO_TYPE1v2_IOMMU);
	printf("set iommu: %s\n", result(r));
	device = vfio_sample_ioctl(host, group, VFIO_GROUP_GET_DEVICE_FD, "0000:00:01.0");
	printf("device fd: %s\n", device >= 0 ? "ok" : result(device));

	/* SAMPLE_GET_INFO with the struct as this client knows it. */
	memset(&buf, 0xaa, sizeof(buf));
	memset(&buf.info, 0, sizeof(buf.info));
	buf.info.argsz = sizeof(buf.info);
	buf.info.flags = SAMPLE_INFO_QUEUES;
#ifdef SAMPLE_INFO_DOORBELL
	printf("client: v2 (argsz %u)\n", buf.info.argsz);
	buf.info.flags |= SAMPLE_INFO_DOORBELL;
	r = vfio_sample_ioctl(host, device, SAMPLE_GET_INFO, &buf.info);
	printf("get info with doorbell: %s\n", result(r));
	if (r == -EINVAL) {
		/* An older driver: it does not know the flag. Ask again for what it knows. */
		buf.info.flags = SAMPLE_INFO_QUEUES;
		buf.info.doorbell = 0;
		r = vfio_sample_ioctl(host, device, SAMPLE_GET_INFO, &buf.info);
		printf("get info without doorbell: %s\n", result(r));
	}
	printf("doorbell: %#llx\n", (unsigned long long)buf.info.doorbell);
	/* Asking for the doorbell with a version-1 argsz is refused by a driver that knows
	 * it (the field is outside argsz) and by one that does not (an unknown flag). */
	buf.info.argsz = SAMPLE_INFO_SIZE_VER1;
	buf.info.flags = SAMPLE_INFO_QUEUES | SAMPLE_INFO_DOORBELL;
	printf("doorbell with a v1 argsz: %s\n", result(vfio_sample_ioctl(host, device, SAMPLE_GET_INFO, &buf.info)));
#else
	printf("client: v1 (argsz %u)\n", buf.info.argsz);
	r = vfio_sample_ioctl(host, device, SAMPLE_GET_INFO, &buf.info);
	printf("get info: %s\n", result(r));
#endif
	printf("num_queues: %u driver abi: %u\n", buf.info.num_queues, buf.info.abi_version);
	for (i = 0; i < sizeof(buf.canary) && buf.canary[i] == 0xaa; i++)
		;
	printf("bytes past argsz: %s\n", i == sizeof(buf.canary) ? "untouched" : "WRITTEN");

	/* A request of no ABI, and one on the wrong file. */
	printf("unknown request: %s\n", result(vfio_sample_ioctl(host, device, _IO('Z', 1), NULL)));
	printf("group request on the device: %s\n", result(vfio_sample_ioctl(host, device, VFIO_GROUP_GET_STATUS, &status)));
	/* Another context would get EBUSY; this one may open the group again. */
	printf("reopen group: %s\n", vfio_sample_open(host, "/dev/vfio/7") >= 0 ? "ok" : "failed");

	vfio_sample_destroy(host);
	return 0;
}
