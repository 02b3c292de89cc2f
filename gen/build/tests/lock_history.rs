//! A real history through the ABI lock: Linux 6.1's VFIO (`fixtures/vfio-6.1.rs`, checked by
//! hand against the installed 6.1 `<linux/vfio.h>`) locked, then checked against the newest
//! release's definition (`linux/src/vfio.rs`, 7.2).
//!
//! What the check finds, and why each finding is right:
//! - additions only (new ioctls, structs, capability, constants, flags, enum values), all
//!   accepted;
//! - the rename of value 6, `VFIO_TYPE1_NESTING_IOMMU` -> `__VFIO_RESERVED_TYPE1_NESTING_IOMMU`:
//!   source-only, refused until recorded;
//! - `vfio_pci_dependent_device.group_id` became a member of the anonymous union
//!   `{ group_id; devid; }`: the same bytes, and C still writes `d.group_id`, but Rust writes
//!   `d.owner.group_id`: source-only for Rust users, refused until recorded;
//! - `vfio_device_info` gained `__u32 pad` after `cap_offset` (`sizeof` 20 -> 24): the
//!   definition declares it as version 3, so it is an addition. (Declared as version 2, the
//!   check refused it: the size of a locked version changed; see the fixtures of `lock.rs`.)

mod common;

use std::path::{Path, PathBuf};

use common::TempDir;
use uabi_build::{Builder, Class, CompatReport};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check_history(renames: &[(&str, &str)]) -> CompatReport {
    let dir = TempDir::new("history");
    let lock = dir.join("vfio.lock.json");
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vfio-6.1.rs");
    let builder = renames.iter().fold(Builder::new().file(&old), |b, (o, n)| b.rename(*o, *n));
    builder.write_lock(&lock).unwrap();
    Builder::new().file(root().join("linux/src/vfio.rs")).check_lock(&lock).unwrap()
}

const NESTING: (&str, &str) = ("VFIO_TYPE1_NESTING_IOMMU", "__VFIO_RESERVED_TYPE1_NESTING_IOMMU");
const OWNER: (&str, &str) = ("vfio_pci_dependent_device.group_id", "vfio_pci_dependent_device.owner");


fn show(r: &CompatReport) -> String {
    r.changes.iter().map(|c| format!("  {c}\n")).collect()
}

#[test]
fn vfio_6_1_to_7_2_without_notes() {
    let r = check_history(&[]);
    let refused: Vec<String> = r.refused().map(|c| c.to_string().lines().next().unwrap().to_string()).collect();
    assert_eq!(
        refused,
        [
            "source-only: vfio: struct vfio_pci_dependent_device, field `group_id`: `group_id` moved into the anonymous union vfio_pci_dependent_device_owner `owner` (same bytes; C still names it `group_id`, Rust names it `owner.group_id`)",
            "source-only: vfio: constant VFIO_TYPE1_NESTING_IOMMU: constant renamed VFIO_TYPE1_NESTING_IOMMU -> __VFIO_RESERVED_TYPE1_NESTING_IOMMU (same value 6)",
        ],
        "{}",
        show(&r)
    );
}

#[test]
fn vfio_6_1_to_7_2_with_the_renames_recorded() {
    let r = check_history(&[NESTING, OWNER]);
    // Every change is accepted.
    let refused: Vec<String> = r.refused().map(|c| c.to_string()).collect();
    assert_eq!(refused, Vec::<String>::new(), "{}", show(&r));
    let renames: Vec<_> = r.changes.iter().filter_map(|c| c.rename.clone()).collect();
    assert_eq!(renames.len(), 2, "{}", show(&r));
    assert!(renames.iter().all(|r| r.recorded));
    assert!(renames.iter().any(|r| r.old == NESTING.0 && r.new == NESTING.1));
    // Everything else is an addition: what 7.2 has and 6.1 lacks, as listed in the fixture.
    let additions: Vec<String> = r.changes.iter().filter(|c| c.class == Class::Compatible).map(|c| c.item.clone() + &c.field.as_ref().map(|f| format!(".{f}")).unwrap_or_default()).collect();
    for expected in [
        "ioctl VFIO_DEVICE_BIND_IOMMUFD",
        "ioctl VFIO_DEVICE_ATTACH_IOMMUFD_PT",
        "ioctl VFIO_DEVICE_DETACH_IOMMUFD_PT",
        "ioctl VFIO_MIG_GET_PRECOPY_INFO",
        "struct vfio_precopy_info",
        "struct vfio_device_info_cap_pci_atomic_comp",
        "constant VFIO_DEVICE_FEATURE_DMA_BUF",
        "constant VFIO_PCI_DEVID_NOT_OWNED",
        "struct vfio_device_info.flags",
        "struct vfio_device_info.pad",
        "struct vfio_pci_hot_reset_info.flags",
        "enum vfio_device_mig_state",
    ] {
        assert!(additions.iter().any(|a| a == expected), "{expected} is not among the additions:\n{}", show(&r));
    }
    assert_eq!(r.changes.len(), 2 + additions.len(), "only additions besides the above:\n{}", show(&r));
}
