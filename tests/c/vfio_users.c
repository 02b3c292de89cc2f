/*
 * C written the way VMMs and device emulators use <linux/vfio.h> (QEMU's hw/vfio,
 * libvfio-user, kvmtool): compiled unchanged against the header uabi generates, as C11 and as
 * C++17, with -Wall -Wextra -Werror, then run. No device is needed: the program fills the
 * buffers the kernel would fill and walks them as those programs do.
 *
 * Written for uabi's tests; no code of those projects is copied, only the usage they share.
 * The test also builds it against the installed Linux header, to show that it is C written
 * for Linux's header; `UABI_HEADER` (set for the generated header only) guards the one check
 * of a member Linux's header does not have.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/vfio.h>

static int failures;
static int checks;

#define CHECK(cond)                                                            \
	do {                                                                   \
		checks++;                                                      \
		if (!(cond)) {                                                 \
			failures++;                                            \
			printf("FAILED line %d: %s\n", __LINE__, #cond);       \
		}                                                              \
	} while (0)

/* The string a mediated-device type reports as its `device_api`. */
static const char *device_api(__u32 flags)
{
	if (flags & VFIO_DEVICE_FLAGS_PCI)
		return VFIO_DEVICE_API_PCI_STRING;
	if (flags & VFIO_DEVICE_FLAGS_PLATFORM)
		return VFIO_DEVICE_API_PLATFORM_STRING;
	if (flags & VFIO_DEVICE_FLAGS_AMBA)
		return VFIO_DEVICE_API_AMBA_STRING;
	if (flags & VFIO_DEVICE_FLAGS_CCW)
		return VFIO_DEVICE_API_CCW_STRING;
	return VFIO_DEVICE_API_AP_STRING;
}

/* An emulator's ioctl dispatch: every request number is an integer constant expression. */
static const char *request_name(unsigned long request)
{
	switch (request) {
	case VFIO_DEVICE_GET_INFO:
		return "GET_INFO";
	case VFIO_DEVICE_GET_REGION_INFO:
		return "GET_REGION_INFO";
	case VFIO_DEVICE_GET_IRQ_INFO:
		return "GET_IRQ_INFO";
	case VFIO_DEVICE_SET_IRQS:
		return "SET_IRQS";
	case VFIO_DEVICE_RESET:
		return "RESET";
	case VFIO_DEVICE_FEATURE:
		return "FEATURE";
	default:
		return "unknown";
	}
}

/* The capability walk of an INFO reply: offsets from the start of the buffer, 0 ends it. */
static struct vfio_info_cap_header *find_cap(void *info, __u32 argsz, __u32 cap_offset, __u16 id)
{
	char *base = (char *)info;
	__u32 off = cap_offset;
	int hops = 0;

	while (off != 0 && off + sizeof(struct vfio_info_cap_header) <= argsz && hops++ < 64) {
		struct vfio_info_cap_header *hdr = (struct vfio_info_cap_header *)(base + off);

		if (hdr->id == id)
			return hdr;
		off = hdr->next;
	}
	return NULL;
}

/* The kernel's side: appends a capability at `*end` (8-aligned) and links it in. */
static void *add_cap(char *buf, __u32 *end, __u32 *prev_next, __u16 id, __u16 version, size_t size)
{
	struct vfio_info_cap_header *hdr;
	__u32 at = (*end + 7) & ~7u;

	hdr = (struct vfio_info_cap_header *)(buf + at);
	hdr->id = id;
	hdr->version = version;
	hdr->next = 0;
	*prev_next = at;
	*end = at + (__u32)size;
	return hdr;
}

static void region_info_with_sparse_mmap(void)
{
	__u32 argsz = 256, end, i;
	__u64 mappable = 0;
	char *buf = (char *)calloc(1, argsz);
	struct vfio_region_info *info = (struct vfio_region_info *)buf;
	struct vfio_region_info_cap_sparse_mmap *sparse;
	struct vfio_region_info_cap_type *type;
	struct vfio_info_cap_header *hdr;

	/* The caller: argsz and the index are input. */
	info->argsz = argsz;
	info->index = VFIO_PCI_BAR0_REGION_INDEX;

	/* The kernel: a sparse-mmap capability with two areas, then a type capability. */
	info->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE |
		      VFIO_REGION_INFO_FLAG_MMAP | VFIO_REGION_INFO_FLAG_CAPS;
	info->size = 0x10000;
	info->offset = 0;
	end = sizeof(*info);
	sparse = (struct vfio_region_info_cap_sparse_mmap *)add_cap(
		buf, &end, &info->cap_offset, VFIO_REGION_INFO_CAP_SPARSE_MMAP, 1,
		sizeof(*sparse) + 2 * sizeof(sparse->areas[0]));
	sparse->nr_areas = 2;
	sparse->areas[0].offset = 0;
	sparse->areas[0].size = 0x1000;
	sparse->areas[1].offset = 0x3000;
	sparse->areas[1].size = 0x2000;
	type = (struct vfio_region_info_cap_type *)add_cap(
		buf, &end, &sparse->header.next, VFIO_REGION_INFO_CAP_TYPE, 1, sizeof(*type));
	type->type = VFIO_REGION_TYPE_PCI_VENDOR_TYPE | 0x8086;
	type->subtype = VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION;
	CHECK(end <= argsz);

	/* The caller again: walk the chain. */
	CHECK(info->flags & VFIO_REGION_INFO_FLAG_CAPS);
	hdr = find_cap(info, info->argsz, info->cap_offset, VFIO_REGION_INFO_CAP_SPARSE_MMAP);
	CHECK(hdr != NULL);
	if (hdr) {
		sparse = (struct vfio_region_info_cap_sparse_mmap *)hdr;
		for (i = 0; i < sparse->nr_areas; i++)
			mappable += sparse->areas[i].size;
		CHECK(mappable == 0x3000);
		CHECK(sparse->areas[1].offset == 0x3000);
	}
	hdr = find_cap(info, info->argsz, info->cap_offset, VFIO_REGION_INFO_CAP_TYPE);
	CHECK(hdr != NULL && hdr->version == 1);
	if (hdr) {
		type = (struct vfio_region_info_cap_type *)hdr;
		CHECK((type->type & VFIO_REGION_TYPE_PCI_VENDOR_MASK) == 0x8086);
		CHECK(type->subtype == VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION);
	}
	CHECK(find_cap(info, info->argsz, info->cap_offset, 0x7777) == NULL);
	free(buf);
}

static void iommu_info_with_iova_ranges(void)
{
	__u32 argsz = sizeof(struct vfio_iommu_type1_info) + 64, end, i;
	char *buf = (char *)calloc(1, argsz);
	struct vfio_iommu_type1_info *info = (struct vfio_iommu_type1_info *)buf;
	struct vfio_iommu_type1_info_cap_iova_range *ranges;
	struct vfio_info_cap_header *hdr;
	__u64 last_end = 0;

	info->argsz = argsz;
	info->flags = VFIO_IOMMU_INFO_PGSIZES | VFIO_IOMMU_INFO_CAPS;
	info->iova_pgsizes = 0x1000 | 0x200000;
	end = sizeof(*info);
	ranges = (struct vfio_iommu_type1_info_cap_iova_range *)add_cap(
		buf, &end, &info->cap_offset, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE, 1,
		sizeof(*ranges) + 2 * sizeof(struct vfio_iova_range));
	ranges->nr_iovas = 2;
	ranges->iova_ranges[0].start = 0;
	ranges->iova_ranges[0].end = 0xfedfffff;
	ranges->iova_ranges[1].start = 0xfef00000;
	ranges->iova_ranges[1].end = ~(__u64)0;
	CHECK(end <= argsz);

	hdr = find_cap(info, info->argsz, info->cap_offset, VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE);
	CHECK(hdr != NULL);
	if (hdr) {
		ranges = (struct vfio_iommu_type1_info_cap_iova_range *)hdr;
		for (i = 0; i < ranges->nr_iovas; i++)
			last_end = ranges->iova_ranges[i].end;
		CHECK(last_end == ~(__u64)0);
	}
	CHECK(info->iova_pgsizes & 0x1000);
	free(buf);
}

static void set_irqs_with_eventfds(void)
{
	__s32 fds[3] = { 10, 11, -1 };
	size_t argsz = sizeof(struct vfio_irq_set) + sizeof(fds);
	struct vfio_irq_set *irq_set = (struct vfio_irq_set *)calloc(1, argsz);
	__s32 *data;

	irq_set->argsz = (__u32)argsz;
	irq_set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	irq_set->index = VFIO_PCI_MSIX_IRQ_INDEX;
	irq_set->start = 0;
	irq_set->count = 3;
	/* Both spellings in use: a cast of the flexible array, and memcpy into it. */
	data = (__s32 *)&irq_set->data;
	data[0] = fds[0];
	memcpy(irq_set->data + sizeof(__s32), &fds[1], 2 * sizeof(__s32));
	CHECK(((__s32 *)irq_set->data)[1] == 11);
	CHECK(((__s32 *)irq_set->data)[2] == -1);
	CHECK((irq_set->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) == VFIO_IRQ_SET_DATA_EVENTFD);
	CHECK(offsetof(struct vfio_irq_set, data) == sizeof(struct vfio_irq_set));
	free(irq_set);
}

static void dirty_bitmap_with_pointers(void)
{
	size_t pages = 256, bitmap_bytes = pages / 8;
	size_t argsz = sizeof(struct vfio_iommu_type1_dirty_bitmap) + sizeof(struct vfio_iommu_type1_dirty_bitmap_get);
	struct vfio_iommu_type1_dirty_bitmap *dbitmap = (struct vfio_iommu_type1_dirty_bitmap *)calloc(1, argsz);
	struct vfio_iommu_type1_dirty_bitmap_get *range;
	struct vfio_iommu_type1_dma_unmap *unmap;
	struct vfio_bitmap *bitmap;
	void *buf = calloc(1, bitmap_bytes);

	dbitmap->argsz = (__u32)argsz;
	dbitmap->flags = VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP;
	range = (struct vfio_iommu_type1_dirty_bitmap_get *)&dbitmap->data;
	range->iova = 0x100000;
	range->size = pages * 4096;
	range->bitmap.pgsize = 4096;
	range->bitmap.size = bitmap_bytes;
	/* A pointer stored into `data` and used as one. */
	range->bitmap.data = (__u64 *)buf;
	range->bitmap.data[1] |= 1ULL << 3;
	CHECK(((__u64 *)buf)[1] == 1ULL << 3);
	CHECK((void *)range->bitmap.data == buf);
#ifdef UABI_HEADER
	/* The same 8 bytes as an integer, and the struct 24 bytes on every architecture. */
	if (sizeof(void *) == sizeof(__u64))
		CHECK(range->bitmap.data_u64 == (__u64)(uintptr_t)buf);
	CHECK(sizeof(struct vfio_bitmap) == 24);
#endif
	free(range->bitmap.data);

	/* An unmap that reports the dirty pages: the bitmap follows the struct. */
	unmap = (struct vfio_iommu_type1_dma_unmap *)calloc(1, sizeof(*unmap) + sizeof(*bitmap));
	unmap->argsz = sizeof(*unmap) + sizeof(*bitmap);
	unmap->flags = VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP;
	unmap->iova = 0x100000;
	unmap->size = pages * 4096;
	bitmap = (struct vfio_bitmap *)&unmap->data;
	bitmap->pgsize = 4096;
	bitmap->size = bitmap_bytes;
	memset(bitmap, 0, sizeof(*bitmap)); /* 32-bit: the pointer fills 4 of the 8 bytes */
	bitmap->data = (__u64 *)calloc(1, bitmap_bytes);
	CHECK(bitmap->data != NULL && bitmap->data[0] == 0);
	free(bitmap->data);
	free(unmap);
	free(dbitmap);
}

static void dma_map_and_device_feature(void)
{
	static char guest_ram[4096];
	struct vfio_iommu_type1_dma_map map;
	struct vfio_device_feature *feature;
	struct vfio_device_feature_mig_state *mig;
	size_t argsz = sizeof(*feature) + sizeof(*mig);

	memset(&map, 0, sizeof(map));
	map.argsz = sizeof(map);
	map.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	map.vaddr = (__u64)(uintptr_t)guest_ram;
	map.iova = 0;
	map.size = sizeof(guest_ram);
	CHECK((char *)(uintptr_t)map.vaddr == guest_ram);

	feature = (struct vfio_device_feature *)calloc(1, argsz);
	feature->argsz = (__u32)argsz;
	feature->flags = VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE;
	mig = (struct vfio_device_feature_mig_state *)feature->data;
	mig->device_state = VFIO_DEVICE_STATE_STOP;
	CHECK((feature->flags & VFIO_DEVICE_FEATURE_MASK) == VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE);
	CHECK(mig->device_state == (__u32)VFIO_DEVICE_STATE_STOP);
	free(feature);
}

static void device_and_group_info(void)
{
	struct vfio_group_status status;
	struct vfio_device_info info;
	struct vfio_region_info regions[VFIO_PCI_NUM_REGIONS];
	struct vfio_irq_info irqs[VFIO_PCI_NUM_IRQS];
	struct vfio_pci_hot_reset_info *reset;
	size_t reset_size = sizeof(*reset) + 2 * sizeof(struct vfio_pci_dependent_device);

	memset(&status, 0, sizeof(status));
	status.argsz = sizeof(status);
	status.flags = VFIO_GROUP_FLAGS_VIABLE;
	CHECK(status.flags & VFIO_GROUP_FLAGS_VIABLE);

	memset(&info, 0, sizeof(info));
	info.argsz = sizeof(info);
	info.flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
	info.num_regions = VFIO_PCI_NUM_REGIONS;
	info.num_irqs = VFIO_PCI_NUM_IRQS;
	CHECK(strcmp(device_api(info.flags), "vfio-pci") == 0);
	CHECK(sizeof(VFIO_DEVICE_API_PLATFORM_STRING) == sizeof("vfio-platform"));

	memset(regions, 0, sizeof(regions));
	regions[VFIO_PCI_CONFIG_REGION_INDEX].index = VFIO_PCI_CONFIG_REGION_INDEX;
	CHECK(regions[VFIO_PCI_CONFIG_REGION_INDEX].index == 7);
	memset(irqs, 0, sizeof(irqs));
	irqs[VFIO_PCI_MSIX_IRQ_INDEX].flags = VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE;
	CHECK(irqs[VFIO_PCI_MSIX_IRQ_INDEX].flags & VFIO_IRQ_INFO_EVENTFD);

	reset = (struct vfio_pci_hot_reset_info *)calloc(1, reset_size);
	reset->argsz = (__u32)reset_size;
	reset->count = 2;
	reset->devices[0].group_id = 7;
	reset->devices[1].group_id = 9;
	reset->devices[1].segment = 0;
	reset->devices[1].bus = 3;
	reset->devices[1].devfn = (__u8)((2 << 3) | 1);
	CHECK(reset->devices[0].group_id == 7 && reset->devices[1].group_id == 9);
	free(reset);

	CHECK(strcmp(request_name(VFIO_DEVICE_SET_IRQS), "SET_IRQS") == 0);
	CHECK(strcmp(request_name(VFIO_DEVICE_GET_REGION_INFO), "GET_REGION_INFO") == 0);
}

int main(void)
{
	region_info_with_sparse_mmap();
	iommu_info_with_iova_ranges();
	set_irqs_with_eventfds();
	dirty_bitmap_with_pointers();
	dma_map_and_device_feature();
	device_and_group_info();
	printf("%d checks, %d failed\n", checks, failures);
	return failures != 0;
}
