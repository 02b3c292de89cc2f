/*
 * <linux/iommufd.h> as a VMM uses it: an IOAS allocated and mapped, a device's hardware info
 * asked for, options set. Every command carries its own size first. Written for Linux's
 * header; compiled unchanged against uabi's (tests/linux_c_families.rs). Without /dev/iommu it
 * only prints the numbers, which both builds must print alike.
 */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/iommufd.h>

int main(void)
{
	struct iommu_ioas_alloc alloc;
	struct iommu_ioas_map map;
	struct iommu_ioas_unmap unmap;
	struct iommu_option option;
	struct iommu_hw_info info;
	struct iommu_hwpt_alloc hwpt;
	struct iommu_hw_info_vtd vtd;
	void *buffer;
	int fd;

	printf("sizes: ioas_alloc=%zu ioas_map=%zu hw_info=%zu hwpt_alloc=%zu viommu_alloc=%zu veventq_alloc=%zu\n",
	       sizeof(alloc), sizeof(map), sizeof(info), sizeof(hwpt), sizeof(struct iommu_viommu_alloc),
	       sizeof(struct iommu_veventq_alloc));
	printf("ioctls: destroy=%#lx ioas_map=%#lx get_hw_info=%#lx hw_queue_alloc=%#lx\n", (unsigned long)IOMMU_DESTROY,
	       (unsigned long)IOMMU_IOAS_MAP, (unsigned long)IOMMU_GET_HW_INFO, (unsigned long)IOMMU_HW_QUEUE_ALLOC);
	printf("offsets: hw_info.out_capabilities=%zu hwpt_alloc.fault_id=%zu\n", offsetof(struct iommu_hw_info, out_capabilities),
	       offsetof(struct iommu_hwpt_alloc, fault_id));

	/* The requests a VMM prepares, whether or not the kernel has iommufd. */
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.flags = IOMMU_HW_INFO_FLAG_INPUT_TYPE;
	info.in_data_type = IOMMU_HW_INFO_TYPE_INTEL_VTD;
	info.data_len = sizeof(vtd);
	info.data_uptr = (unsigned long)&vtd;
	memset(&hwpt, 0, sizeof(hwpt));
	hwpt.size = sizeof(hwpt);
	hwpt.flags = IOMMU_HWPT_ALLOC_NEST_PARENT | IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	hwpt.data_type = IOMMU_HWPT_DATA_NONE;
	printf("hw_info: type=%u hwpt flags=%#x\n", info.out_data_type, hwpt.flags);

	fd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("iommufd: none here\n");
		return 0;
	}
	memset(&alloc, 0, sizeof(alloc));
	alloc.size = sizeof(alloc);
	if (ioctl(fd, IOMMU_IOAS_ALLOC, &alloc)) {
		perror("IOMMU_IOAS_ALLOC");
		return 1;
	}
	memset(&option, 0, sizeof(option));
	option.size = sizeof(option);
	option.option_id = IOMMU_OPTION_HUGE_PAGES;
	option.op = IOMMU_OPTION_OP_GET;
	option.object_id = alloc.out_ioas_id;
	ioctl(fd, IOMMU_OPTION, &option);

	buffer = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(&map, 0, sizeof(map));
	map.size = sizeof(map);
	map.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_WRITEABLE | IOMMU_IOAS_MAP_READABLE;
	map.ioas_id = alloc.out_ioas_id;
	map.user_va = (unsigned long)buffer;
	map.length = 65536;
	map.iova = 0x100000;
	if (ioctl(fd, IOMMU_IOAS_MAP, &map)) {
		perror("IOMMU_IOAS_MAP");
		return 1;
	}
	memset(&unmap, 0, sizeof(unmap));
	unmap.size = sizeof(unmap);
	unmap.ioas_id = alloc.out_ioas_id;
	unmap.iova = 0x100000;
	unmap.length = 65536;
	ioctl(fd, IOMMU_IOAS_UNMAP, &unmap);
	printf("iommufd: mapped and unmapped %llu bytes\n", (unsigned long long)unmap.length);
	close(fd);
	return 0;
}
