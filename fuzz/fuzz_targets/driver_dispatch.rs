//! The sample VFIO driver's ioctl dispatch (examples/vfio-driver) over (file, request, argsz,
//! bytes, argument address), several requests per input so that state changes (maps, IRQ
//! triggers, migration states, closes) are explored: every answer is a result or one of the
//! errnos Linux gives such requests, never a panic, and the device still answers afterwards.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi::zerocopy::IntoBytes;
use uabi::SimMemory;
use uabi_linux::vfio::*;
use vfio_sample::{Ctx, Host};

const BASE: u64 = 0x7000_0000;
const A: Ctx = Ctx(1);
const ALLOWED: [&str; 10] = ["EINVAL", "EFAULT", "ENOTTY", "EBUSY", "ENOSPC", "EPERM", "EEXIST", "ENODEV", "EBADF", "EBADFD"];

fn call(host: &mut Host, fd: i32, request: u32, bytes: &mut [u8]) -> vfio_sample::Result<u64> {
    let mut mem = SimMemory::new(BASE, bytes);
    host.ioctl(A, fd, request, &mut mem, BASE)
}

/// A host with a device open: container, group, device, and a second, non-viable group.
fn host() -> (Host, [i32; 5]) {
    let mut host = Host::new();
    let c = host.open(A, "/dev/vfio/vfio").expect("the container opens");
    let g = host.open(A, "/dev/vfio/7").expect("group 7 opens");
    let mut container = c;
    call(&mut host, g, VFIO_GROUP_SET_CONTAINER.request(), container.as_mut_bytes()).expect("set container");
    let mut none: [u8; 0] = [];
    let mut mem = SimMemory::new(BASE, &mut none);
    host.ioctl(A, c, VFIO_SET_IOMMU.request(), &mut mem, VFIO_TYPE1v2_IOMMU.into()).expect("set iommu");
    let mut name = b"0000:00:01.0\0".to_vec();
    let d = call(&mut host, g, VFIO_GROUP_GET_DEVICE_FD.request(), &mut name).expect("device fd") as i32;
    let c8 = host.open(A, "/dev/vfio/vfio").expect("a second container");
    let g8 = host.open(A, "/dev/vfio/8").expect("group 8 opens");
    (host, [c, g, d, c8, g8])
}

fuzz_target!(|data: &[u8]| {
    let known: Vec<u32> = IOCTLS.iter().chain(vfio_sample::sample::IOCTLS).map(|e| e.request).collect();
    let (mut host, fds) = host();
    let mut rest = data;
    // Each request: [file, request selector (4), argsz (4), address selector, length], then
    // `length` bytes of argument.
    for _ in 0..8 {
        let Some((head, tail)) = rest.split_first_chunk::<11>() else { break };
        let file = fds[head[0] as usize % fds.len()];
        let sel = u32::from_le_bytes([head[1], head[2], head[3], head[4]]);
        let request = if sel & 0x8000_0000 == 0 { known[sel as usize % known.len()] } else { sel };
        let argsz = u32::from_le_bytes([head[5], head[6], head[7], head[8]]);
        let arg = match head[9] % 8 {
            0 => u64::from(sel) << 12, // mostly unmapped: EFAULT
            1 => BASE + u64::from(head[9]),
            _ => BASE,
        };
        let len = (head[10] as usize).min(tail.len());
        let (arg_bytes, next) = tail.split_at(len);
        rest = next;
        let mut bytes = arg_bytes.to_vec();
        if head[9] & 0x10 != 0 && bytes.len() >= 4 {
            bytes[..4].copy_from_slice(&argsz.to_ne_bytes());
        }
        let mut mem = SimMemory::new(BASE, &mut bytes);
        if let Err(e) = host.ioctl(A, file, request, &mut mem, arg) {
            assert!(ALLOWED.contains(&e.name()), "{e:?} ({}) for request {request:#x}", e.name());
        }
    }
    // The device still answers, unless the input closed it: then EBADF, as Linux.
    let mut info = VfioDeviceInfo::default();
    match call(&mut host, fds[2], VFIO_DEVICE_GET_INFO.request(), info.as_mut_bytes()) {
        Ok(_) => assert!(info.num_regions > 0),
        Err(e) => assert!(ALLOWED.contains(&e.name()), "{e:?} after the input"),
    }
});
