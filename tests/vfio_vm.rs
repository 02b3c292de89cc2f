//! VFIO on the real kernel: Debian sid's newest cloud kernel boots under QEMU (TCG) with a
//! virtio-iommu and QEMU's edu device, and the guest test of `tests/vfio-vm` runs as its
//! `/init`: the whole VFIO life of edu through uabi (DMA round trip, MSI on an eventfd,
//! dirty tracking, reset), then the kernel's answers at the edges of the ABI, compared with the
//! sample driver's (examples/vfio-driver). See docs/vfio-on-linux.md.
//!
//! The host side: fetch the kernel (scripts/vm-kernel.sh), build the guest binary (static,
//! its own target directory), pack an initramfs (newc cpio, written here) with the binary as
//! `/init` and the modules it loads, boot, read the serial console, and fail on any failed
//! check. Skips, saying why, where QEMU or the kernel packages cannot be had.
//!
//! Artifacts under target/vm/: the kernel, the guest build, `initramfs.cpio` and
//! `console.log` (the whole serial output of the last boot).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The modules the guest loads, beside what they depend on (read from each module's
/// `depends=`), and their parameters. virtio-iommu has no interrupt remapping, so type1 must
/// be told that unremapped MSIs are acceptable, or VFIO_SET_IOMMU answers EPERM.
const MODULES: &[(&str, &str)] = &[("virtio_iommu", ""), ("vfio", ""), ("vfio_iommu_type1", "allow_unsafe_interrupts=1"), ("vfio_pci", "")];

/// The whole boot may take this long (TCG on two shared cores boots in seconds; the guest's
/// tests wait at most tens of seconds for DMA and interrupts).
const BOOT_LIMIT: Duration = Duration::from_secs(600);

const PREFIX: &str = "uabi-vm: ";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn vm_dir() -> PathBuf {
    root().join("target/vm")
}

fn have(cmd: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {cmd}")]).stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Why the test cannot run here, or the unpacked kernel's directory.
fn fetch_kernel() -> Result<PathBuf, String> {
    let out = Command::new(root().join("scripts/vm-kernel.sh"))
        .arg(vm_dir().join("kernel"))
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run scripts/vm-kernel.sh: {e}"))?;
    match out.status.code() {
        Some(0) => {}
        Some(3) => return Err("the kernel packages cannot be had (see the message above)".into()),
        other => panic!("scripts/vm-kernel.sh failed ({other:?})"),
    }
    let dir = String::from_utf8(out.stdout).expect("a path").lines().last().expect("the script prints the directory").to_owned();
    Ok(PathBuf::from(dir))
}

/// The one `lib/modules/<release>` directory of the unpacked packages.
fn modules_dir(kernel: &Path) -> PathBuf {
    let base = kernel.join("usr/lib/modules");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base).expect("usr/lib/modules").flatten().map(|e| e.path()).collect();
    assert_eq!(dirs.len(), 1, "one kernel release in {}", base.display());
    dirs.pop().unwrap()
}

/// A module's name as the kernel spells it (`vfio-pci-core` and `vfio_pci_core` are one).
fn module_name(s: &str) -> String {
    s.replace('-', "_")
}

/// Every module file of the release, by name.
fn module_index(dir: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(d: &Path, out: &mut BTreeMap<String, PathBuf>) {
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if let Some(name) = p.file_name().and_then(|n| n.to_str()) {
                if let Some(stem) = [".ko.xz", ".ko.zst", ".ko"].iter().find_map(|ext| name.strip_suffix(ext)) {
                    out.insert(module_name(stem), p.clone());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&dir.join("kernel"), &mut out);
    out
}

/// A module file's contents, decompressed on the host (the guest then needs no
/// decompression support).
fn module_bytes(path: &Path) -> Vec<u8> {
    let name = path.to_string_lossy();
    let tool = if name.ends_with(".xz") {
        Some("xz")
    } else if name.ends_with(".zst") {
        Some("zstd")
    } else {
        None
    };
    match tool {
        None => std::fs::read(path).expect("read module"),
        Some(tool) => {
            let out = Command::new(tool).arg("-dc").arg(path).output().unwrap_or_else(|e| panic!("{tool} -dc: {e}"));
            assert!(out.status.success(), "{tool} -dc {name} failed");
            out.stdout
        }
    }
}

/// The `depends=` of a module's `.modinfo`.
fn depends(ko: &[u8]) -> Vec<String> {
    let key = b"depends=";
    let Some(at) = ko.windows(key.len()).position(|w| w == key) else { return vec![] };
    let rest = &ko[at + key.len()..];
    let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).expect("module names are ASCII").split(',').filter(|s| !s.is_empty()).map(module_name).collect()
}

/// The modules to load, dependencies first: (name, decompressed contents).
fn modules_in_order(index: &BTreeMap<String, PathBuf>) -> Vec<(String, Vec<u8>)> {
    fn visit(name: &str, index: &BTreeMap<String, PathBuf>, seen: &mut Vec<String>, out: &mut Vec<(String, Vec<u8>)>) {
        if seen.iter().any(|s| s == name) {
            return;
        }
        seen.push(name.to_owned());
        let path = index.get(name).unwrap_or_else(|| panic!("module {name} is not in the kernel package"));
        let bytes = module_bytes(path);
        for dep in depends(&bytes) {
            visit(&dep, index, seen, out);
        }
        out.push((name.to_owned(), bytes));
    }
    let (mut seen, mut out) = (vec![], vec![]);
    for (name, _) in MODULES {
        visit(name, index, &mut seen, &mut out);
    }
    out
}

/// A newc ("070701") cpio archive, the format the kernel unpacks as an initramfs.
struct Cpio {
    out: Vec<u8>,
    ino: u32,
}

impl Cpio {
    fn new() -> Cpio {
        Cpio { out: Vec::new(), ino: 1 }
    }

    fn entry(&mut self, name: &str, mode: u32, rdev: (u32, u32), data: &[u8]) {
        let fields = [self.ino, mode, 0, 0, 1, 0, data.len() as u32, 0, 0, rdev.0, rdev.1, name.len() as u32 + 1, 0];
        self.ino += 1;
        self.out.extend_from_slice(b"070701");
        for f in fields {
            self.out.extend_from_slice(format!("{f:08x}").as_bytes());
        }
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(0);
        self.pad();
        self.out.extend_from_slice(data);
        self.pad();
    }

    fn pad(&mut self) {
        while !self.out.len().is_multiple_of(4) {
            self.out.push(0);
        }
    }

    fn dir(&mut self, name: &str) {
        self.entry(name, 0o040755, (0, 0), &[]);
    }

    fn file(&mut self, name: &str, mode: u32, data: &[u8]) {
        self.entry(name, 0o100000 | mode, (0, 0), data);
    }

    fn finish(mut self) -> Vec<u8> {
        self.entry("TRAILER!!!", 0, (0, 0), &[]);
        self.out
    }
}

/// Builds the guest binary: static, for x86_64, in its own target directory.
fn build_guest() -> PathBuf {
    let target_dir = vm_dir().join("guest");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--target", "x86_64-unknown-linux-gnu", "--manifest-path"])
        .arg(root().join("tests/vfio-vm/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target_dir)
        // The flags of whoever runs this test are not the guest's: its .cargo/config.toml
        // asks for the static C library.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .current_dir(root().join("tests/vfio-vm"))
        .status()
        .expect("run cargo");
    assert!(status.success(), "the guest binary does not build");
    target_dir.join("x86_64-unknown-linux-gnu/release/vfio-vm-init")
}

fn build_initramfs(init: &Path, modules: &[(String, Vec<u8>)]) -> PathBuf {
    let mut cpio = Cpio::new();
    for d in ["dev", "proc", "sys", "modules"] {
        cpio.dir(d);
    }
    // The kernel opens /dev/console for init's standard streams before init runs.
    cpio.entry("dev/console", 0o020600, (5, 1), &[]);
    cpio.file("init", 0o755, &std::fs::read(init).expect("the guest binary"));
    let mut order = String::new();
    for (i, (name, bytes)) in modules.iter().enumerate() {
        let file = format!("{i:02}-{name}.ko");
        let params = MODULES.iter().find(|(m, _)| m == name).map_or("", |(_, p)| p);
        order.push_str(&format!("{file} {params}\n"));
        cpio.file(&format!("modules/{file}"), 0o644, bytes);
    }
    cpio.file("modules/order", 0o644, order.as_bytes());
    let path = vm_dir().join("initramfs.cpio");
    std::fs::write(&path, cpio.finish()).expect("write the initramfs");
    path
}

/// Boots the VM; returns the serial console's output, which is also kept in
/// target/vm/console.log.
fn boot(vmlinuz: &Path, initramfs: &Path) -> String {
    let mut cmd = Command::new("qemu-system-x86_64");
    cmd.args(["-machine", "q35", "-accel", "tcg", "-m", "512", "-smp", "1", "-no-reboot", "-nic", "none"])
        .args(["-display", "none", "-monitor", "none", "-serial", "stdio"])
        .arg("-kernel")
        .arg(vmlinuz)
        .arg("-initrd")
        .arg(initramfs)
        .args(["-append", "console=ttyS0 panic=-1 quiet loglevel=3"])
        .args(["-device", "virtio-iommu-pci"])
        // The edu to drive: alone behind a root port, so a secondary bus reset can reset it.
        .args(["-device", "pcie-root-port,id=rp1,chassis=1,slot=1", "-device", "edu,bus=rp1"])
        // A non-viable group: a second edu shares a multifunction slot (no ACS, one IOMMU
        // group) with a virtio-rng, which the built-in virtio-pci driver claims.
        .args(["-device", "virtio-rng-pci,addr=06.0,multifunction=on", "-device", "edu,addr=06.1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = cmd.spawn().expect("start qemu-system-x86_64");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for qemu") {
            break Some(status);
        }
        if start.elapsed() > BOOT_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = String::from_utf8_lossy(&reader.join().expect("console reader")).into_owned();
    std::fs::write(vm_dir().join("console.log"), &out).expect("write console.log");
    match status {
        None => panic!("the VM did not power off within {BOOT_LIMIT:?}; its console:\n{out}"),
        Some(s) if !s.success() => panic!("qemu-system-x86_64 exited with {s}; its console:\n{out}"),
        Some(_) => out,
    }
}

/// The guest's lines, without what the kernel printed around them.
fn guest_lines(console: &str) -> Vec<&str> {
    console.lines().filter_map(|l| l.find(PREFIX).map(|at| l[at + PREFIX.len()..].trim_end())).collect()
}

#[test]
#[cfg_attr(miri, ignore = "boots a VM")]
fn vfio_on_the_real_kernel() {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("skipping: the VM test runs on x86_64 Linux hosts");
        return;
    }
    if !have("qemu-system-x86_64") {
        eprintln!("skipping: qemu-system-x86_64 is not installed (Debian package qemu-system-x86)");
        return;
    }
    for tool in ["xz", "apt-get", "dpkg-deb"] {
        if !have(tool) {
            eprintln!("skipping: {tool} is not installed");
            return;
        }
    }
    std::fs::create_dir_all(vm_dir()).expect("target/vm");
    let t = Instant::now();
    let kernel = match fetch_kernel() {
        Ok(k) => k,
        Err(why) => {
            eprintln!("skipping: {why}");
            return;
        }
    };
    let fetched = t.elapsed();
    let t = Instant::now();
    let init = build_guest();
    let built = t.elapsed();
    let t = Instant::now();
    let mods = modules_dir(&kernel);
    let modules = modules_in_order(&module_index(&mods));
    let initramfs = build_initramfs(&init, &modules);
    let packed = t.elapsed();
    let t = Instant::now();
    let console = boot(&mods.join("vmlinuz"), &initramfs);
    let booted = t.elapsed();
    eprintln!(
        "vfio_vm: kernel {} ({:.1?}), guest build {:.1?}, initramfs {:.1?} ({} modules), boot and guest tests {:.1?}",
        kernel.file_name().unwrap_or_default().to_string_lossy(),
        fetched,
        built,
        packed,
        modules.len(),
        booted
    );

    let lines = guest_lines(&console);
    for l in &lines {
        eprintln!("{l}");
    }
    let failed: Vec<&&str> = lines.iter().filter(|l| l.starts_with("check FAIL")).collect();
    let done = lines.iter().find(|l| l.starts_with("done "));
    assert!(done.is_some(), "the guest never reported its end; console in target/vm/console.log:\n{console}");
    assert!(failed.is_empty(), "{} guest checks failed:\n{}", failed.len(), failed.iter().map(|l| format!("  {l}\n")).collect::<String>());
    let passed = lines.iter().filter(|l| l.starts_with("check ok")).count();
    assert!(passed >= 30, "only {passed} checks ran");
}

#[test]
fn cpio_entries_are_newc_and_4_aligned() {
    let mut c = Cpio::new();
    c.file("init", 0o755, b"abc");
    let out = c.finish();
    assert!(out.starts_with(b"070701"));
    // The header is 110 bytes, then "init\0" (5): 115, padded to 116; the data (3) to 120.
    assert_eq!(&out[116..119], b"abc");
    assert_eq!(out.len() % 4, 0);
    assert_eq!(&out[120..126], b"070701", "the trailer starts 4-aligned");
    assert!(out.windows(10).any(|w| w == b"TRAILER!!!"));
}

#[test]
fn module_dependencies_are_read_from_modinfo() {
    let ko = b"\x7fELF....license=GPL\0depends=vfio-pci-core,vfio\0name=vfio_pci\0";
    assert_eq!(depends(ko), ["vfio_pci_core", "vfio"]);
    assert!(depends(b"depends=\0name=x\0").is_empty());
    assert!(depends(b"no modinfo").is_empty());
}
