//! Property tests of the dispatch: any request, any bytes, any argsz, on each kind of file, is
//! answered with a result or one of the errnos Linux uses for it, and never a panic.

mod common;

use common::*;
use proptest::prelude::*;
use uabi::SimMemory;
use vfio_sample::{DriverError, Host};

/// The answers Linux gives malformed or refused VFIO requests.
const ALLOWED: [&str; 10] = ["EINVAL", "EFAULT", "ENOTTY", "EBUSY", "ENOSPC", "EPERM", "EEXIST", "ENODEV", "EBADF", "EBADFD"];

/// Every request number the driver's ABIs know (VFIO's and its own), and arbitrary ones.
fn request() -> impl Strategy<Value = u32> {
    let known: Vec<u32> = uabi_linux::vfio::IOCTLS.iter().chain(vfio_sample::sample::IOCTLS).map(|e| e.request).collect();
    prop_oneof![3 => proptest::sample::select(known), 1 => any::<u32>()]
}

/// A host with a device open, and a descriptor of each kind: container, group, device, and
/// the container and group of the non-viable group 8.
fn host() -> (Host, [i32; 5]) {
    let mut host = Host::new();
    let (c, g, d) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    map(&mut host, A, c, 0x10000, 0x4000).unwrap();
    let c8 = host.open(A, "/dev/vfio/vfio").unwrap();
    let g8 = host.open(A, "/dev/vfio/8").unwrap();
    (host, [c, g, d, c8, g8])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_request_is_answered_with_a_linux_errno_never_a_panic(
        file in 0usize..5,
        request in request(),
        mut bytes in proptest::collection::vec(any::<u8>(), 0..160),
        argsz in proptest::option::of(prop_oneof![0u32..160, any::<u32>()]),
        // The argument: at the buffer, or anywhere (mostly unmapped: EFAULT).
        arg in prop_oneof![4 => Just(BASE), 1 => any::<u64>()],
    ) {
        let (mut host, fds) = host();
        if let (Some(argsz), Some(head)) = (argsz, bytes.get_mut(..4)) {
            head.copy_from_slice(&argsz.to_ne_bytes());
        }
        let mut mem = SimMemory::new(BASE, &mut bytes);
        match host.ioctl(A, fds[file], request, &mut mem, arg) {
            Ok(_) => {}
            Err(e) => prop_assert!(ALLOWED.contains(&e.name()), "{e:?} ({}) for request {request:#x}", e.name()),
        }
        // The host still works afterwards.
        let mut info = uabi_linux::vfio::VfioDeviceInfo::default();
        prop_assert_eq!(call(&mut host, A, fds[2], uabi_linux::vfio::VFIO_DEVICE_GET_INFO.request(), &mut info), Ok(0));
    }

    #[test]
    fn a_request_of_no_abi_is_enotty_on_every_file(file in 0usize..5, request in any::<u32>(), mut bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let ty = (request >> 8) & 0xff;
        prop_assume!(ty != u32::from(b';') && ty != u32::from(b'S'));
        let (mut host, fds) = host();
        let mut mem = SimMemory::new(BASE, &mut bytes);
        let got = host.ioctl(A, fds[file], request, &mut mem, BASE);
        if file == 3 {
            // A container without an IOMMU answers EINVAL to everything but its three
            // requests, as Linux's does.
            prop_assert_eq!(got.map_err(|e| e.name()), Err("EINVAL"));
        } else {
            prop_assert_eq!(got, Err(DriverError::Abi(uabi::Error::UnknownIoctl { request })));
        }
    }
}
