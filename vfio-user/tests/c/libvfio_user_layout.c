/*
 * The layout of libvfio-user's include/vfio-user.h (sizes, offsets, enum values and the
 * names C code uses), written from its definitions, checked against uabi's generated
 * vfio-user.h. Code written for libvfio-user's header uses exactly these.
 */
#include <stddef.h>
#include <vfio-user.h>

#define SIZE(t, n) _Static_assert(sizeof(t) == (n), "sizeof " #t)
#define OFF(t, f, n) _Static_assert(offsetof(t, f) == (n), "offsetof " #t "." #f)
#define ALIGN(t, n) _Static_assert(_Alignof(t) == (n), "alignof " #t)

/* libvfio-user packs every struct but vfio_user_dma_unmap. */
ALIGN(struct vfio_user_header, 1);
ALIGN(struct vfio_user_version, 1);
ALIGN(struct vfio_user_device_info, 1);
ALIGN(struct vfio_user_bitmap, 1);
ALIGN(struct vfio_user_dma_map, 1);
ALIGN(struct vfio_user_dma_unmap, 8);
ALIGN(struct vfio_user_region_access, 1);
ALIGN(struct vfio_user_dma_region_access, 1);
ALIGN(struct vfio_user_irq_info, 1);
ALIGN(vfio_user_region_io_fds_request_t, 1);
ALIGN(vfio_user_sub_region_ioeventfd_t, 1);
ALIGN(vfio_user_sub_region_ioregionfd_t, 1);
ALIGN(union sub_region, 1);
ALIGN(vfio_user_region_io_fds_reply_t, 1);
ALIGN(struct vfio_user_device_feature_dma_logging_range, 1);
ALIGN(struct vfio_user_device_feature_dma_logging_control, 1);
ALIGN(struct vfio_user_device_feature_dma_logging_report, 1);
ALIGN(struct vfio_user_device_feature, 1);
ALIGN(struct vfio_user_device_feature_migration, 1);
ALIGN(struct vfio_user_device_feature_mig_state, 1);
ALIGN(struct vfio_user_mig_data, 1);

SIZE(struct vfio_user_header, 16);
OFF(struct vfio_user_header, cmd, 2);
OFF(struct vfio_user_header, msg_size, 4);
OFF(struct vfio_user_header, flags, 8);
OFF(struct vfio_user_header, error_no, 12);
SIZE(struct vfio_user_version, 4);
OFF(struct vfio_user_version, data, 4);
SIZE(struct vfio_user_device_info, 16);
OFF(struct vfio_user_device_info, num_irqs, 12);
SIZE(struct vfio_user_bitmap, 16);
OFF(struct vfio_user_bitmap, data, 16);
SIZE(struct vfio_user_dma_map, 32);
OFF(struct vfio_user_dma_map, offset, 8);
OFF(struct vfio_user_dma_map, addr, 16);
OFF(struct vfio_user_dma_map, size, 24);
SIZE(struct vfio_user_dma_unmap, 24);
OFF(struct vfio_user_dma_unmap, addr, 8);
OFF(struct vfio_user_dma_unmap, bitmap, 24);
SIZE(struct vfio_user_region_access, 16);
OFF(struct vfio_user_region_access, region, 8);
OFF(struct vfio_user_region_access, count, 12);
OFF(struct vfio_user_region_access, data, 16);
SIZE(struct vfio_user_dma_region_access, 16);
OFF(struct vfio_user_dma_region_access, count, 8);
SIZE(struct vfio_user_irq_info, 4);
SIZE(vfio_user_region_io_fds_request_t, 16);
OFF(vfio_user_region_io_fds_request_t, count, 12);
SIZE(vfio_user_sub_region_ioeventfd_t, 48);
OFF(vfio_user_sub_region_ioeventfd_t, fd_index, 16);
OFF(vfio_user_sub_region_ioeventfd_t, type, 20);
OFF(vfio_user_sub_region_ioeventfd_t, shadow_mem_fd_index, 28);
OFF(vfio_user_sub_region_ioeventfd_t, shadow_offset, 32);
OFF(vfio_user_sub_region_ioeventfd_t, datamatch, 40);
OFF(vfio_user_sub_region_ioregionfd_t, fd_index, 16);
OFF(vfio_user_sub_region_ioregionfd_t, padding, 28);
OFF(vfio_user_sub_region_ioregionfd_t, user_data, 32);
SIZE(vfio_user_sub_region_ioregionfd_t, 40);
SIZE(union sub_region, 48);
SIZE(vfio_user_region_io_fds_reply_t, 16);
OFF(vfio_user_region_io_fds_reply_t, sub_regions, 16);
SIZE(struct vfio_user_device_feature_dma_logging_range, 16);
SIZE(struct vfio_user_device_feature_dma_logging_control, 16);
OFF(struct vfio_user_device_feature_dma_logging_control, ranges, 16);
SIZE(struct vfio_user_device_feature_dma_logging_report, 24);
OFF(struct vfio_user_device_feature_dma_logging_report, bitmap, 24);
SIZE(struct vfio_user_device_feature, 8);
OFF(struct vfio_user_device_feature, data, 8);
SIZE(struct vfio_user_device_feature_migration, 8);
SIZE(struct vfio_user_device_feature_mig_state, 8);
SIZE(struct vfio_user_mig_data, 8);
OFF(struct vfio_user_mig_data, data, 8);

_Static_assert(VFIO_USER_VERSION == 1 && VFIO_USER_DEVICE_GET_REGION_IO_FDS == 6, "commands");
_Static_assert(VFIO_USER_DEVICE_RESET == 13 && VFIO_USER_REGION_WRITE_MULTI == 15, "commands");
_Static_assert(VFIO_USER_MIG_DATA_WRITE == 18 && VFIO_USER_MAX == 19, "commands");
_Static_assert(VFIO_USER_MESSAGE_REPLY == 1, "message types");
_Static_assert(VFIO_USER_F_TYPE_MASK == 0xf && VFIO_USER_F_TYPE_REPLY == 1, "flags");
_Static_assert(VFIO_USER_F_NO_REPLY == 0x10 && VFIO_USER_F_ERROR == 0x20, "flags");
_Static_assert(VFIO_USER_FLAGS_NO_REPLY == 0x1, "legacy flag");
_Static_assert(VFIO_USER_F_DMA_REGION_FILE_IO == 8, "DMA flags");
_Static_assert(VFIO_USER_IO_FD_TYPE_IOEVENTFD_SHADOW == 2, "io fd types");
_Static_assert(VFIO_USER_DEVICE_STATE_PRE_COPY_P2P == 7 && VFIO_USER_DEVICE_NUM_STATES == 8, "states");
_Static_assert(VFIO_USER_DEFAULT_MAX_DATA_XFER_SIZE == 1048576, "transfer size");
/* From <linux/vfio.h>, which the header includes, where libvfio-user defines fallbacks. */
_Static_assert(VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP == 1 && VFIO_DMA_UNMAP_FLAG_ALL == 2, "unmap flags");
_Static_assert(VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT == 8 && VFIO_MIGRATION_PRE_COPY == 4, "features");

/* Code as libvfio-user writes it. */
int uses(struct vfio_user_dma_unmap *u, vfio_user_region_io_fds_reply_t *r);
int uses(struct vfio_user_dma_unmap *u, vfio_user_region_io_fds_reply_t *r)
{
	enum vfio_user_command cmd = VFIO_USER_DMA_UNMAP;
	enum vfio_user_device_mig_state st = VFIO_USER_DEVICE_STATE_RUNNING;
	vfio_user_sub_region_ioeventfd_t *e = &r->sub_regions[0].ioeventfd;
	return (int)(u->bitmap->pgsize + u->bitmap->size) + (int)e->size + (int)cmd + (int)st;
}
