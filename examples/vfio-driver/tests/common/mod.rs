//! What the tests share: a context's user memory and calls that place an argument in it.
#![allow(dead_code)]

use uabi::zerocopy::{FromBytes, Immutable, IntoBytes};
use uabi::SimMemory;
use uabi_linux::vfio::*;
use vfio_sample::{Ctx, Host, Result};

/// Where each context's argument buffer is mapped.
pub const BASE: u64 = 0x7000_0000;

pub const A: Ctx = Ctx(1);
pub const B: Ctx = Ctx(2);

/// Issues `request` with `bytes` as the argument buffer (mapped at BASE, nothing after it).
pub fn call_bytes(host: &mut Host, ctx: Ctx, fd: i32, request: u32, bytes: &mut [u8]) -> Result<u64> {
    let mut mem = SimMemory::new(BASE, bytes);
    host.ioctl(ctx, fd, request, &mut mem, BASE)
}

/// Issues `request` with `arg` as the argument, and copies back what the driver wrote.
pub fn call<T: FromBytes + IntoBytes + Immutable>(host: &mut Host, ctx: Ctx, fd: i32, request: u32, arg: &mut T) -> Result<u64> {
    let mut bytes = arg.as_bytes().to_vec();
    let r = call_bytes(host, ctx, fd, request, &mut bytes);
    arg.as_mut_bytes().copy_from_slice(&bytes);
    r
}

/// Issues a request whose argument is an integer, not a pointer.
pub fn call_int(host: &mut Host, ctx: Ctx, fd: i32, request: u32, value: u64) -> Result<u64> {
    let mut mem = SimMemory::new(BASE, &mut []);
    host.ioctl(ctx, fd, request, &mut mem, value)
}

/// Issues VFIO_GROUP_GET_DEVICE_FD with `name`.
pub fn get_device_fd(host: &mut Host, ctx: Ctx, group_fd: i32, name: &str) -> Result<u64> {
    let mut bytes = name.as_bytes().to_vec();
    bytes.push(0);
    call_bytes(host, ctx, group_fd, VFIO_GROUP_GET_DEVICE_FD.request(), &mut bytes)
}

/// The usual sequence: open a container and the group, attach, choose Type1v2, get the
/// device. Returns (container, group, device) descriptors.
pub fn open_device(host: &mut Host, ctx: Ctx, group: u32, name: &str) -> Result<(i32, i32, i32)> {
    let container = host.open(ctx, "/dev/vfio/vfio")?;
    let group_fd = host.open(ctx, &format!("/dev/vfio/{group}"))?;
    call(host, ctx, group_fd, VFIO_GROUP_SET_CONTAINER.request(), &mut { container })?;
    call_int(host, ctx, container, VFIO_SET_IOMMU.request(), VFIO_TYPE1v2_IOMMU.into())?;
    let device = get_device_fd(host, ctx, group_fd, name)? as i32;
    Ok((container, group_fd, device))
}

pub fn status(host: &mut Host, ctx: Ctx, group_fd: i32) -> Result<u32> {
    let mut st = VfioGroupStatus::default();
    call(host, ctx, group_fd, VFIO_GROUP_GET_STATUS.request(), &mut st)?;
    Ok(st.flags)
}

pub fn map(host: &mut Host, ctx: Ctx, container: i32, iova: u64, size: u64) -> Result<u64> {
    let mut m = VfioIommuType1DmaMap {
        flags: VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
        vaddr: 0x4000_0000 + iova,
        iova,
        size,
        ..Default::default()
    };
    call(host, ctx, container, VFIO_IOMMU_MAP_DMA.request(), &mut m)
}

pub fn unmap(host: &mut Host, ctx: Ctx, container: i32, iova: u64, size: u64) -> Result<u64> {
    let mut u = VfioIommuType1DmaUnmap { iova, size, ..Default::default() };
    call(host, ctx, container, VFIO_IOMMU_UNMAP_DMA.request(), &mut u).map(|_| u.size)
}
