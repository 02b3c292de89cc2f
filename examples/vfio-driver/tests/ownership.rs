//! The ownership rules of VFIO's design, one test each.

mod common;

use common::*;
use uabi_linux::vfio::*;
use vfio_sample::{DriverError, Host};

#[test]
fn the_group_is_the_unit_of_ownership_a_second_context_gets_ebusy() {
    let mut host = Host::new();
    let (_c, _g, _d) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    assert_eq!(host.owners(7), [A]);
    // Another process opening the same group: EBUSY, and A still owns it.
    assert_eq!(host.open(B, "/dev/vfio/7"), Err(DriverError::Busy));
    assert_eq!(host.owners(7), [A]);
    // The same process may open it again (ownership is by memory context, not by open file).
    assert!(host.open(A, "/dev/vfio/7").is_ok());
    // Another group is free for B.
    assert!(open_device(&mut host, B, 8, "0000:00:02.0").is_err(), "group 8 is not viable yet");
    assert_eq!(host.owners(8), [B]);
}

#[test]
fn a_device_is_obtained_only_through_the_context_that_owns_its_group() {
    let mut host = Host::new();
    let (container, group, device) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    // B receives A's group file (as over a unix socket): it may not fetch a device through it.
    let b_group = host.pass_fd(A, group, B).unwrap();
    assert_eq!(get_device_fd(&mut host, B, b_group, "0000:00:01.0"), Err(DriverError::Busy));
    assert_eq!(status(&mut host, B, b_group), Err(DriverError::Busy));
    // Nor use A's device or container files.
    let b_device = host.pass_fd(A, device, B).unwrap();
    let mut info = VfioDeviceInfo::default();
    assert_eq!(call(&mut host, B, b_device, VFIO_DEVICE_GET_INFO.request(), &mut info), Err(DriverError::Busy));
    let b_container = host.pass_fd(A, container, B).unwrap();
    assert_eq!(map(&mut host, B, b_container, 0x10000, 0x1000), Err(DriverError::Busy));
    // A, the owner, can do all of it.
    assert!(get_device_fd(&mut host, A, group, "0000:00:01.0").is_ok());
    assert_eq!(call(&mut host, A, device, VFIO_DEVICE_GET_INFO.request(), &mut info), Ok(0));
    assert_eq!(map(&mut host, A, container, 0x10000, 0x1000), Ok(0));
    // A device of another group is not found through this one.
    assert_eq!(get_device_fd(&mut host, A, group, "0000:00:02.0"), Err(DriverError::NoDevice));
}

#[test]
fn ownership_ends_when_the_owner_closes_everything() {
    let mut host = Host::new();
    let (container, group, device) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    host.close(A, group).unwrap();
    // The device file still holds the group for A.
    assert_eq!(host.open(B, "/dev/vfio/7"), Err(DriverError::Busy));
    host.close(A, device).unwrap();
    assert_eq!(host.owners(7), []);
    // Nobody owns the group: it left its container, whose IOMMU state went with it.
    assert_eq!(map(&mut host, A, container, 0, 0x1000).unwrap_err().errno(), 22);
    assert!(open_device(&mut host, B, 7, "0000:00:01.0").is_ok());
}

#[test]
fn a_group_is_viable_only_when_all_its_devices_are_bound_to_vfio() {
    let mut host = Host::new();
    let container = host.open(A, "/dev/vfio/vfio").unwrap();
    let group = host.open(A, "/dev/vfio/8").unwrap();
    // 0000:00:02.1 is bound to a host driver: not viable, and no container may claim it.
    assert_eq!(status(&mut host, A, group), Ok(0));
    let set = VFIO_GROUP_SET_CONTAINER.request();
    assert_eq!(call(&mut host, A, group, set, &mut { container }), Err(DriverError::NotPermitted));
    assert_eq!(status(&mut host, A, group), Ok(0), "no container was set");
    // Bound to VFIO, the group becomes viable, and attaching works.
    host.bind("0000:00:02.1", true).unwrap();
    assert_eq!(status(&mut host, A, group), Ok(VFIO_GROUP_FLAGS_VIABLE));
    assert_eq!(call(&mut host, A, group, set, &mut { container }), Ok(0));
    assert_eq!(status(&mut host, A, group), Ok(VFIO_GROUP_FLAGS_VIABLE | VFIO_GROUP_FLAGS_CONTAINER_SET));
    // While the group is in use its devices cannot change driver.
    assert_eq!(host.bind("0000:00:02.1", false), Err(DriverError::Busy));
    // A second container for the same group: EINVAL.
    let other = host.open(A, "/dev/vfio/vfio").unwrap();
    assert_eq!(call(&mut host, A, group, set, &mut { other }).unwrap_err().errno(), 22);
}

#[test]
fn sharing_is_off_by_default_and_lets_two_contexts_share_a_device_when_on() {
    let mut host = Host::new();
    // Off by default: shown by the EBUSY tests above; switching it on needs the group closed.
    let g = host.open(A, "/dev/vfio/7").unwrap();
    assert_eq!(host.set_sharing(7, true), Err(DriverError::Busy));
    host.close(A, g).unwrap();
    host.set_sharing(7, true).unwrap();

    let (container, _group, device) = open_device(&mut host, A, 7, "0000:00:01.0").unwrap();
    // B opens the group itself and fetches the same device through it.
    let b_group = host.open(B, "/dev/vfio/7").unwrap();
    assert_eq!(host.owners(7), [A, B]);
    let b_device = get_device_fd(&mut host, B, b_group, "0000:00:01.0").unwrap() as i32;
    let mut info = VfioDeviceInfo::default();
    assert_eq!(call(&mut host, B, b_device, VFIO_DEVICE_GET_INFO.request(), &mut info), Ok(0));
    assert_eq!(call(&mut host, A, device, VFIO_DEVICE_GET_INFO.request(), &mut info), Ok(0));

    // Both map their own memory into the one IOMMU; each mapping is made with the memory
    // context that issued the map call.
    let b_container = host.pass_fd(A, container, B).unwrap();
    assert_eq!(map(&mut host, A, container, 0x10000, 0x1000), Ok(0));
    assert_eq!(map(&mut host, B, b_container, 0x20000, 0x1000), Ok(0));
    let mms: Vec<_> = host.mappings(A, container).unwrap().iter().map(|m| (m.iova, m.mm)).collect();
    assert_eq!(mms, [(0x10000, A), (0x20000, B)]);
    // The IOMMU still holds one translation per IOVA...
    assert_eq!(map(&mut host, B, b_container, 0x10000, 0x1000), Err(DriverError::Exists));
    // ...but who maps and unmaps what is for the contexts to agree on: B may unmap A's.
    assert_eq!(unmap(&mut host, B, b_container, 0x10000, 0x1000), Ok(0x1000));
    assert_eq!(host.mappings(A, container).unwrap().len(), 1);

    // A third context is still refused if it never opened the group.
    let c = vfio_sample::Ctx(3);
    let c_device = host.pass_fd(A, device, c).unwrap();
    assert_eq!(call(&mut host, c, c_device, VFIO_DEVICE_GET_INFO.request(), &mut info), Err(DriverError::Busy));
}
