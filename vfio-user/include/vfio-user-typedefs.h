/* SPDX-License-Identifier: MIT OR Apache-2.0 */
/*
 * Hand-written, included by the generated vfio-user.h: the typedef names libvfio-user's
 * header declares, which uabi's definition language cannot declare yet (deviation 2 of
 * vfio-user.h). A typedef of a struct tag may precede the struct's definition.
 */
#ifndef VFIO_USER_TYPEDEFS_H
#define VFIO_USER_TYPEDEFS_H
typedef struct vfio_user_region_io_fds_request vfio_user_region_io_fds_request_t;
typedef struct vfio_user_sub_region_ioeventfd vfio_user_sub_region_ioeventfd_t;
typedef struct vfio_user_sub_region_ioregionfd vfio_user_sub_region_ioregionfd_t;
typedef struct vfio_user_region_io_fds_reply vfio_user_region_io_fds_reply_t;
#endif
