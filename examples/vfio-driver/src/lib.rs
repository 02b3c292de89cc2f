//! A VFIO sample driver on uabi: a simulated PCI device and a Type1-like IOMMU behind the VFIO
//! container, group and device ioctls, with the ownership rules of VFIO's design, and a small
//! ABI of the driver's own (`sample/sample.h`) in two versions.
//!
//! Every ioctl argument goes through uabi's decoders and encoders (`decode_argsz`,
//! `encode_info`, `CapChainBuilder`, `encode_payload`, ...) over a [`uabi::UserMemory`]: no
//! handler compares a size or masks unknown flags itself, so the rules Linux applies to
//! `argsz` and `flags` are applied the same way here, and an old caller and a newer driver
//! (or the reverse) keep working.
//!
//! # Ownership
//!
//! A [`Ctx`] is a simulated process, that is, a memory map (`mm`). Following VFIO's design:
//!
//! - the group is the unit of ownership: the first context to open a group owns it; another
//!   context opening it gets EBUSY;
//! - a device is obtained only through the context that owns its group: a group file passed
//!   to another context ([`Host::pass_fd`]) does not let that context fetch a device (EBUSY),
//!   and a device, container or group file passed along does not let it act either;
//! - a group is viable only when every device in it is bound to the VFIO driver;
//!   `VFIO_GROUP_GET_STATUS` says so, and `VFIO_GROUP_SET_CONTAINER` on a group that is not
//!   viable fails with EPERM;
//! - off by default, [`Host::set_sharing`] lets several contexts own one group and share its
//!   devices (the multiple-mm case): each mapping then records the context that made it, and
//!   keeping the mappings from stepping on each other is left to those contexts.
//!
//! # Entry points
//!
//! Rust: [`Host::open`], [`Host::ioctl`], [`Host::close`]. C: `vfio_sample_create`,
//! `vfio_sample_open`, `vfio_sample_ioctl` and `vfio_sample_destroy` (see `src/ffi.rs` and
//! `include/vfio_sample.h`).

pub mod device;
pub mod error;
pub mod ffi;
pub mod iommu;

/// The driver's own ABI as of the version this build implements: `abi/sample.rs` (version 2)
/// by default, `abi/sample_v1.rs` with the `abi-v1` feature (the "old driver").
#[cfg(not(feature = "abi-v1"))]
#[path = "../abi/sample.rs"]
mod sample_abi;
#[cfg(feature = "abi-v1")]
#[path = "../abi/sample_v1.rs"]
mod sample_abi;
pub use sample_abi::sample;

use std::collections::BTreeMap;

use uabi::{decode_argsz, encode_argsz, get_user, read_cstr, UserMemory};
use uabi_linux::vfio::*;

pub use device::Device;
pub use error::{DriverError, Result};
pub use iommu::{Iommu, Mapping};

/// A simulated process: one memory map (`mm`) and its table of file descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ctx(pub u32);

/// What an open file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    /// `/dev/vfio/vfio`: index into `Host::containers`.
    Container(usize),
    /// `/dev/vfio/$GROUP`: the group number.
    Group(u32),
    /// A device file: index into `Host::devices`.
    Device(usize),
}

/// An IOMMU group.
#[derive(Debug, Clone)]
struct Group {
    id: u32,
    /// The contexts that own it: at most one unless sharing is on.
    owners: Vec<Ctx>,
    /// The container it is attached to.
    container: Option<usize>,
    /// Several contexts may own it (the multiple-mm case).
    sharing: bool,
}

/// A container: an IOMMU back end once `VFIO_SET_IOMMU` chose one.
#[derive(Debug, Clone, Default)]
struct Container {
    iommu: Option<Iommu>,
}

/// First descriptor number handed out (0, 1 and 2 are a process's standard streams).
const FIRST_FD: usize = 3;

/// The simulated kernel: devices, groups, containers, open files and each context's
/// descriptors.
#[derive(Debug, Clone)]
pub struct Host {
    devices: Vec<Device>,
    groups: Vec<Group>,
    containers: Vec<Container>,
    /// Open files; a file lives while a descriptor refers to it.
    files: Vec<Option<Object>>,
    /// Each context's descriptor table: `fd - FIRST_FD` indexes it, giving a file.
    fds: BTreeMap<Ctx, Vec<Option<usize>>>,
}

impl Default for Host {
    fn default() -> Self {
        Host::new()
    }
}

impl Host {
    /// The sample machine: group 7 holds `0000:00:01.0`, bound to VFIO; group 8 holds
    /// `0000:00:02.0`, bound to VFIO, and `0000:00:02.1`, still bound to a host driver (so
    /// group 8 is not viable until [`bind_to_vfio`](Self::bind_to_vfio) is called on it).
    pub fn new() -> Host {
        let devices = vec![
            Device::new("0000:00:01.0", 7, true),
            Device::new("0000:00:02.0", 8, true),
            Device::new("0000:00:02.1", 8, false),
        ];
        let group = |id| Group { id, owners: vec![], container: None, sharing: false };
        Host { devices, groups: vec![group(7), group(8)], containers: vec![], files: vec![], fds: BTreeMap::new() }
    }

    /// Opens `/dev/vfio/vfio` (a new container) or `/dev/vfio/$GROUP` for `ctx`; returns the
    /// descriptor. Opening a group another context owns is EBUSY, unless the group shares.
    pub fn open(&mut self, ctx: Ctx, path: &str) -> Result<i32> {
        let rest = path.strip_prefix("/dev/vfio/").ok_or(DriverError::NoEntry)?;
        let object = if rest == "vfio" {
            self.containers.push(Container::default());
            Object::Container(self.containers.len() - 1)
        } else {
            let id: u32 = rest.parse().map_err(|_| DriverError::NoEntry)?;
            let group = self.groups.iter_mut().find(|g| g.id == id).ok_or(DriverError::NoEntry)?;
            if !group.owners.contains(&ctx) {
                if !group.owners.is_empty() && !group.sharing {
                    return Err(DriverError::Busy);
                }
                group.owners.push(ctx);
            }
            Object::Group(id)
        };
        Ok(self.install(ctx, object))
    }

    /// Closes a descriptor. A file whose last descriptor closes is released; a context that
    /// holds no file of a group any more stops owning it; a group no context owns leaves its
    /// container, and a container without groups loses its IOMMU state.
    pub fn close(&mut self, ctx: Ctx, fd: i32) -> Result<()> {
        let slot = self.slot(ctx, fd)?;
        let file = self.fds.get_mut(&ctx).and_then(|t| t[slot].take()).ok_or(DriverError::BadFd)?;
        let in_use = self.fds.values().flatten().any(|f| *f == Some(file));
        if !in_use {
            self.files[file] = None;
        }
        self.release_unused();
        Ok(())
    }

    /// Hands a descriptor of `from` to `to` (as `SCM_RIGHTS` would); returns `to`'s
    /// descriptor. The file is shared; what `to` may do with it is decided by ownership.
    pub fn pass_fd(&mut self, from: Ctx, fd: i32, to: Ctx) -> Result<i32> {
        let file = self.file(from, fd)?;
        let table = self.fds.entry(to).or_default();
        table.push(Some(file));
        Ok((table.len() - 1 + FIRST_FD) as i32)
    }

    /// Issues `request` on `ctx`'s descriptor `fd`, with `arg` an address in `mem` (or, for
    /// `VFIO_CHECK_EXTENSION` and `VFIO_SET_IOMMU`, an integer). Returns the ioctl's
    /// non-negative result.
    pub fn ioctl<M: UserMemory + ?Sized>(&mut self, ctx: Ctx, fd: i32, request: u32, mem: &mut M, arg: u64) -> Result<u64> {
        let file = self.file(ctx, fd)?;
        match self.files[file].ok_or(DriverError::BadFd)? {
            Object::Container(c) => self.container_ioctl(ctx, c, request, mem, arg),
            Object::Group(g) => {
                self.check_owner(ctx, g)?;
                self.group_ioctl(ctx, g, request, mem, arg)
            }
            Object::Device(d) => {
                self.check_owner(ctx, self.devices[d].group)?;
                self.devices[d].ioctl(request, mem, arg).unwrap_or(Err(unknown(request)))
            }
        }
    }

    /// Turns the multiple-mm mode of a group on or off (an administrator's decision, like a
    /// sysfs switch). Refused with EBUSY while the group is open.
    pub fn set_sharing(&mut self, group: u32, on: bool) -> Result<()> {
        let g = self.groups.iter_mut().find(|g| g.id == group).ok_or(DriverError::NoEntry)?;
        if !g.owners.is_empty() {
            return Err(DriverError::Busy);
        }
        g.sharing = on;
        Ok(())
    }

    /// Binds a device to the VFIO driver (`true`) or to a host driver (`false`). Refused with
    /// EBUSY while its group is in a container: the driver of a device in use cannot change.
    pub fn bind(&mut self, device: &str, to_vfio: bool) -> Result<()> {
        let d = self.devices.iter().position(|d| d.name == device).ok_or(DriverError::NoDevice)?;
        if self.group(self.devices[d].group).container.is_some() {
            return Err(DriverError::Busy);
        }
        self.devices[d].bound_to_vfio = to_vfio;
        Ok(())
    }

    /// The device named `name`, to look at what it recorded.
    pub fn device(&self, name: &str) -> Option<&Device> {
        self.devices.iter().find(|d| d.name == name)
    }

    /// The device raises an interrupt (see [`Device::raise`]).
    pub fn raise_irq(&mut self, device: &str, index: u32, irq: u32) -> Result<()> {
        let d = self.devices.iter_mut().find(|d| d.name == device).ok_or(DriverError::NoDevice)?;
        d.raise(index, irq);
        Ok(())
    }

    /// The device does DMA through its group's IOMMU (see [`Iommu::dma`]).
    pub fn device_dma(&mut self, device: &str, iova: u64, len: u64, write: bool) -> Result<()> {
        let group = self.device(device).ok_or(DriverError::NoDevice)?.group;
        let c = self.group(group).container.ok_or(DriverError::Invalid("no container"))?;
        let iommu = self.containers[c].iommu.as_mut().ok_or(DriverError::Invalid("no IOMMU"))?;
        iommu.dma(iova, len, write)
    }

    /// The mappings of the container behind `ctx`'s descriptor `fd`.
    pub fn mappings(&self, ctx: Ctx, fd: i32) -> Result<Vec<Mapping>> {
        match self.files[self.file(ctx, fd)?] {
            Some(Object::Container(c)) => Ok(self.containers[c].iommu.as_ref().map(|i| i.mappings.clone()).unwrap_or_default()),
            _ => Err(DriverError::BadFd),
        }
    }

    /// The contexts that own group `id`.
    pub fn owners(&self, id: u32) -> Vec<Ctx> {
        self.groups.iter().find(|g| g.id == id).map(|g| g.owners.clone()).unwrap_or_default()
    }

    fn container_ioctl<M: UserMemory + ?Sized>(&mut self, ctx: Ctx, c: usize, request: u32, mem: &mut M, arg: u64) -> Result<u64> {
        const GET_API_VERSION: u32 = VFIO_GET_API_VERSION.request();
        const CHECK_EXTENSION: u32 = VFIO_CHECK_EXTENSION.request();
        const SET_IOMMU: u32 = VFIO_SET_IOMMU.request();
        match request {
            GET_API_VERSION => return Ok(VFIO_API_VERSION as u64),
            CHECK_EXTENSION => {
                let known = [VFIO_TYPE1_IOMMU, VFIO_TYPE1v2_IOMMU, VFIO_UNMAP_ALL].map(u64::from);
                return Ok(known.contains(&arg).into());
            }
            _ => {}
        }
        // Everything else acts on the groups' IOMMU: only their owners may.
        let owners: Vec<Ctx> = self.groups.iter().filter(|g| g.container == Some(c)).flat_map(|g| g.owners.clone()).collect();
        if !owners.is_empty() && !owners.contains(&ctx) {
            return Err(DriverError::Busy);
        }
        let container = &mut self.containers[c];
        if request == SET_IOMMU {
            // Only adding a group gives a container the privilege of an IOMMU; there is one
            // back end per container.
            if owners.is_empty() || container.iommu.is_some() {
                return Err(DriverError::Invalid("no group in the container, or an IOMMU is set"));
            }
            // Linux asks each IOMMU driver in turn; when none takes the type: ENODEV.
            if arg != u64::from(VFIO_TYPE1_IOMMU) && arg != u64::from(VFIO_TYPE1v2_IOMMU) {
                return Err(DriverError::NoDevice);
            }
            container.iommu = Some(Iommu::default());
            return Ok(0);
        }
        match container.iommu.as_mut() {
            Some(iommu) => iommu.ioctl(ctx, request, mem, arg).unwrap_or(Err(unknown(request))),
            // Before VFIO_SET_IOMMU, Linux's container passes every other request to no one
            // and answers EINVAL, whatever the request (vfio_fops_unl_ioctl; checked on
            // Linux 7.2 by tests/vfio_vm.rs).
            None => Err(DriverError::Invalid("no IOMMU set")),
        }
    }

    fn group_ioctl<M: UserMemory + ?Sized>(&mut self, ctx: Ctx, g: u32, request: u32, mem: &mut M, arg: u64) -> Result<u64> {
        const GET_STATUS: u32 = VFIO_GROUP_GET_STATUS.request();
        const SET_CONTAINER: u32 = VFIO_GROUP_SET_CONTAINER.request();
        const UNSET_CONTAINER: u32 = VFIO_GROUP_UNSET_CONTAINER.request();
        const GET_DEVICE_FD: u32 = VFIO_GROUP_GET_DEVICE_FD.request();
        let viable = self.devices.iter().filter(|d| d.group == g).all(|d| d.bound_to_vfio);
        match request {
            GET_STATUS => {
                let req = decode_argsz::<VfioGroupStatus, _>(mem, arg)?;
                let mut flags = 0;
                if viable {
                    flags |= VFIO_GROUP_FLAGS_VIABLE;
                }
                if self.group(g).container.is_some() {
                    flags |= VFIO_GROUP_FLAGS_CONTAINER_SET;
                }
                encode_argsz(mem, arg, req.size, &VfioGroupStatus { argsz: req.value.argsz, flags })?;
                Ok(0)
            }
            SET_CONTAINER => {
                let fd: i32 = get_user(mem, arg)?;
                let Some(Object::Container(c)) = self.files[self.file(ctx, fd)?] else {
                    return Err(DriverError::NotAContainer);
                };
                if self.group(g).container.is_some() {
                    return Err(DriverError::Invalid("the group is in a container already"));
                }
                if !viable {
                    return Err(DriverError::NotPermitted);
                }
                self.group_mut(g).container = Some(c);
                Ok(0)
            }
            UNSET_CONTAINER => {
                let c = self.group(g).container.ok_or(DriverError::Invalid("the group is in no container"))?;
                if self.device_files_open(g) {
                    return Err(DriverError::Busy);
                }
                self.detach(g, c);
                Ok(0)
            }
            GET_DEVICE_FD => {
                let mut buf = [0u8; 4096];
                let name = read_cstr(mem, arg, &mut buf)?;
                let ready = self.group(g).container.is_some_and(|c| self.containers[c].iommu.is_some());
                if !ready {
                    return Err(DriverError::Invalid("the group's container has no IOMMU"));
                }
                let d = self
                    .devices
                    .iter()
                    .position(|d| d.group == g && d.name.as_bytes() == name)
                    .ok_or(DriverError::NoDevice)?;
                Ok(self.install(ctx, Object::Device(d)) as u64)
            }
            _ => Err(unknown(request)),
        }
    }

    fn check_owner(&self, ctx: Ctx, g: u32) -> Result<()> {
        if self.group(g).owners.contains(&ctx) {
            Ok(())
        } else {
            Err(DriverError::Busy)
        }
    }

    fn install(&mut self, ctx: Ctx, object: Object) -> i32 {
        self.files.push(Some(object));
        let file = self.files.len() - 1;
        let table = self.fds.entry(ctx).or_default();
        table.push(Some(file));
        (table.len() - 1 + FIRST_FD) as i32
    }

    fn slot(&self, ctx: Ctx, fd: i32) -> Result<usize> {
        let slot = usize::try_from(fd).ok().and_then(|fd| fd.checked_sub(FIRST_FD)).ok_or(DriverError::BadFd)?;
        match self.fds.get(&ctx).and_then(|t| t.get(slot)) {
            Some(Some(_)) => Ok(slot),
            _ => Err(DriverError::BadFd),
        }
    }

    fn file(&self, ctx: Ctx, fd: i32) -> Result<usize> {
        let slot = self.slot(ctx, fd)?;
        self.fds[&ctx][slot].ok_or(DriverError::BadFd)
    }

    fn group(&self, id: u32) -> &Group {
        self.groups.iter().find(|g| g.id == id).expect("groups are never removed")
    }

    fn group_mut(&mut self, id: u32) -> &mut Group {
        self.groups.iter_mut().find(|g| g.id == id).expect("groups are never removed")
    }

    /// Whether a device file of group `g` is open in any context.
    fn device_files_open(&self, g: u32) -> bool {
        self.files.iter().flatten().any(|o| matches!(o, Object::Device(d) if self.devices[*d].group == g))
    }

    /// Removes group `g` from container `c`; the last group out takes the IOMMU state along.
    fn detach(&mut self, g: u32, c: usize) {
        self.group_mut(g).container = None;
        if !self.groups.iter().any(|g| g.container == Some(c)) {
            self.containers[c].iommu = None;
        }
    }

    /// Drops the ownership of contexts that hold no file of a group any more (a file counts
    /// for the context that holds its descriptor), and detaches groups nobody owns.
    fn release_unused(&mut self) {
        for i in 0..self.groups.len() {
            let id = self.groups[i].id;
            let holds = |table: &Vec<Option<usize>>| {
                table.iter().flatten().any(|&f| match self.files[f] {
                    Some(Object::Group(g)) => g == id,
                    Some(Object::Device(d)) => self.devices[d].group == id,
                    _ => false,
                })
            };
            let owners: Vec<Ctx> = self.groups[i].owners.iter().copied().filter(|c| self.fds.get(c).is_some_and(holds)).collect();
            self.groups[i].owners = owners;
            if self.groups[i].owners.is_empty() {
                if let Some(c) = self.groups[i].container {
                    self.detach(id, c);
                }
            }
        }
    }
}

/// ENOTTY: the request is not one of this file's.
fn unknown(request: u32) -> DriverError {
    uabi::Error::UnknownIoctl { request }.into()
}


