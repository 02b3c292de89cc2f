//! What an init does before the tests can run, with nothing but system calls: mount the pseudo
//! file systems, load the modules the host put in the initramfs, bind the edu devices to
//! vfio-pci, find their IOMMU groups; and power off at the end.

use std::ffi::CString;
use std::fs;
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// QEMU's edu device: PCI vendor 0x1234 (QEMU), device 0x11e8.
pub const EDU_VENDOR: &str = "0x1234";
pub const EDU_DEVICE: &str = "0x11e8";

fn cstr(s: &str) -> CString {
    CString::new(s).expect("no NUL inside")
}

fn mount(fstype: &str, target: &str) -> io::Result<()> {
    fs::create_dir_all(target)?;
    let (src, t, ty) = (cstr(fstype), cstr(target), cstr(fstype));
    // SAFETY: NUL-terminated strings that live across the call; no data argument.
    let r = unsafe { libc::mount(src.as_ptr(), t.as_ptr(), ty.as_ptr(), 0, std::ptr::null()) };
    if r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EBUSY) {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Mounts /dev (devtmpfs: the kernel creates /dev/vfio/* itself), /sys and /proc.
pub fn mount_all() -> io::Result<()> {
    mount("devtmpfs", "/dev")?;
    mount("sysfs", "/sys")?;
    mount("proc", "/proc")
}

/// Loads the modules listed in `/modules/order` (one `file params...` per line, dependencies
/// first, as the host resolved them from each module's `depends=`) with `finit_module`.
/// Returns the names loaded.
pub fn load_modules() -> io::Result<Vec<String>> {
    let order = fs::read_to_string("/modules/order")?;
    let mut loaded = Vec::new();
    for line in order.lines().filter(|l| !l.trim().is_empty()) {
        let (file, params) = line.split_once(' ').unwrap_or((line, ""));
        let f = fs::File::open(Path::new("/modules").join(file))?;
        let params = cstr(params.trim());
        // SAFETY: a valid descriptor and a NUL-terminated parameter string; flags 0.
        let r = unsafe { libc::syscall(libc::SYS_finit_module, f.as_raw_fd(), params.as_ptr(), 0) };
        if r != 0 {
            let e = io::Error::last_os_error();
            // Built in after all, or loaded as a dependency: fine.
            if e.raw_os_error() != Some(libc::EEXIST) {
                return Err(io::Error::new(e.kind(), format!("finit_module({file}): {e}")));
            }
        }
        loaded.push(file.to_owned());
    }
    Ok(loaded)
}

/// One edu device as sysfs shows it.
#[derive(Debug, Clone)]
pub struct EduDevice {
    /// The PCI address, also the device's name in its VFIO group (`0000:01:00.0`).
    pub name: String,
    /// Its IOMMU group number.
    pub group: u32,
    /// The driver bound to it, if any.
    pub driver: Option<String>,
}

fn read_trim(p: impl AsRef<Path>) -> Option<String> {
    fs::read_to_string(p).ok().map(|s| s.trim().to_owned())
}

fn link_name(p: PathBuf) -> Option<String> {
    fs::read_link(p).ok()?.file_name()?.to_str().map(str::to_owned)
}

/// Every edu device on the PCI bus.
pub fn edu_devices() -> Vec<EduDevice> {
    let mut found = Vec::new();
    let Ok(dir) = fs::read_dir("/sys/bus/pci/devices") else { return found };
    for e in dir.flatten() {
        let p = e.path();
        if read_trim(p.join("vendor")).as_deref() == Some(EDU_VENDOR) && read_trim(p.join("device")).as_deref() == Some(EDU_DEVICE) {
            let group = link_name(p.join("iommu_group")).and_then(|g| g.parse().ok());
            if let Some(group) = group {
                found.push(EduDevice { name: e.file_name().to_string_lossy().into_owned(), group, driver: link_name(p.join("driver")) });
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// Names vfio-pci as the driver of every edu device (`new_id`), then waits until each is bound
/// and its `/dev/vfio/<group>` exists.
pub fn bind_edu_to_vfio() -> io::Result<Vec<EduDevice>> {
    fs::write("/sys/bus/pci/drivers/vfio-pci/new_id", "1234 11e8")?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let devs = edu_devices();
        let ready = !devs.is_empty()
            && devs.iter().all(|d| d.driver.as_deref() == Some("vfio-pci") && Path::new(&format!("/dev/vfio/{}", d.group)).exists());
        if ready {
            return Ok(devs);
        }
        if Instant::now() > deadline {
            return Err(io::Error::new(io::ErrorKind::TimedOut, format!("edu devices not bound to vfio-pci: {devs:?}")));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The devices of IOMMU group `group` and their drivers (`0000:00:06.0=virtio-pci`).
pub fn group_members(group: u32) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(dir) = fs::read_dir(format!("/sys/kernel/iommu_groups/{group}/devices")) {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let driver = link_name(e.path().join("driver")).unwrap_or_else(|| "none".into());
            out.push(format!("{name}={driver}"));
        }
    }
    out.sort();
    out
}

/// Flushes and powers the machine off (QEMU exits). Never returns.
pub fn power_off() -> ! {
    // SAFETY: sync and reboot take no pointers; PID 1 may power off.
    unsafe {
        libc::sync();
        libc::reboot(libc::RB_POWER_OFF);
    }
    // reboot(2) only returns on error (not PID 1, say, when run by hand): leave.
    std::process::exit(1)
}
