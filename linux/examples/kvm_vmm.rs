//! A minimal virtual machine monitor on the real `/dev/kvm`, written against `uabi_linux::kvm`
//! (all of Linux's `<linux/kvm.h>`) and the typed ioctl calls of `uabi::fd`: it creates a VM
//! with 64 KiB of memory and one vCPU in real mode, runs a 29-byte guest that writes a message
//! to the serial port 0x3f8 one byte at a time (`KVM_EXIT_IO`), then stores the sum of the
//! bytes just past its memory (`KVM_EXIT_MMIO`), and halts; the VMM prints the message and
//! checks the sum three ways: the MMIO write, and the guest's registers (`KVM_GET_REGS`).
//!
//! ```text
//! cargo run -p uabi-linux --features kvm --example kvm_vmm
//! ```
//!
//! x86 only (the guest is x86 code and the register structs are x86's). The logic is in
//! [`run_guest`], which `linux/tests/kvm_vmm.rs` also calls.

use std::fmt;
use std::fs::OpenOptions;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use uabi::fd::{ioctl_none, ioctl_with_mut, ioctl_with_ref, ioctl_with_val};
use uabi_linux::kvm::*;
use uabi::zerocopy::FromBytes;

/// The serial port (COM1's data register) the guest writes to.
pub const SERIAL_PORT: u16 = 0x3f8;
/// Guest physical address where the guest's code is loaded and starts.
pub const GUEST_LOAD: u64 = 0x1000;
/// Size of the guest's memory, mapped at guest physical address 0.
pub const GUEST_MEM: usize = 0x10000;
/// Exits handled before the guest is declared stuck (one per byte it writes, plus the `hlt`).
pub const MAX_EXITS: usize = 4096;

/// The message the example's guest writes.
pub const MESSAGE: &[u8] = b"Hello from a uabi guest\n";

/// Guest physical address of the guest's MMIO write: the first byte past its memory, which no
/// memory slot backs.
pub const MMIO_ADDR: u64 = GUEST_MEM as u64;

/// The guest: 16-bit real-mode x86 code loaded at `GUEST_LOAD`, followed by the
/// NUL-terminated message it writes to `SERIAL_PORT`, one `out` per byte, keeping their sum in
/// BX; it then stores BX at `MMIO_ADDR` and halts.
///
/// ```text
/// 0x1000  be 1d 10        mov  si, 0x101d   ; the message, right after the code
/// 0x1003  ba f8 03        mov  dx, 0x3f8    ; COM1
/// 0x1006  31 db           xor  bx, bx       ; the sum
/// 0x1008  ac              lodsb             ; al = [ds:si++] (ds base 0, direction flag clear)
/// 0x1009  84 c0           test al, al
/// 0x100b  74 05           jz   0x1012       ; NUL: done
/// 0x100d  ee              out  dx, al       ; a KVM_EXIT_IO for each byte
/// 0x100e  00 c3           add  bl, al
/// 0x1010  eb f6           jmp  0x1008
/// 0x1012  b8 00 10        mov  ax, 0x1000
/// 0x1015  8e c0           mov  es, ax       ; es:0 is 0x10000, past the guest's memory
/// 0x1017  26 89 1e 00 00  mov  [es:0], bx   ; a KVM_EXIT_MMIO: a 2-byte write
/// 0x101c  f4              hlt               ; KVM_EXIT_HLT (no in-kernel APIC)
/// 0x101d  "..." 0
/// ```
pub fn guest_image(message: &[u8]) -> Vec<u8> {
    const CODE: [u8; 29] = [
        0xbe, 0x1d, 0x10, 0xba, 0xf8, 0x03, 0x31, 0xdb, 0xac, 0x84, 0xc0, 0x74, 0x05, 0xee, 0x00, 0xc3, 0xeb, 0xf6, 0xb8, 0x00, 0x10,
        0x8e, 0xc0, 0x26, 0x89, 0x1e, 0x00, 0x00, 0xf4,
    ];
    let mut image = CODE.to_vec();
    image.extend_from_slice(message);
    image.push(0);
    image
}

/// The sum the guest keeps of `message`'s bytes (in BL: modulo 256).
pub fn byte_sum(message: &[u8]) -> u16 {
    u16::from(message.iter().fold(0u8, |s, b| s.wrapping_add(*b)))
}

/// Why the VMM stopped without the guest halting cleanly.
#[derive(Debug)]
pub enum VmmError {
    /// `/dev/kvm` cannot be opened (absent, or no permission): nothing can run here.
    NoKvm(io::Error),
    /// A KVM call failed.
    Call { what: &'static str, err: io::Error },
    /// The kernel's answer is not what this VMM can use (API version, sizes, offsets).
    Kvm(String),
    /// The guest did something this VMM does not handle, or failed.
    Guest(String),
}

impl fmt::Display for VmmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VmmError::NoKvm(e) => write!(f, "cannot open /dev/kvm: {e}"),
            VmmError::Call { what, err } => write!(f, "{what} failed: {err}"),
            VmmError::Kvm(s) => write!(f, "unexpected answer from KVM: {s}"),
            VmmError::Guest(s) => write!(f, "guest: {s}"),
        }
    }
}

impl std::error::Error for VmmError {}

fn call<T>(what: &'static str, r: io::Result<T>) -> Result<T, VmmError> {
    r.map_err(|err| VmmError::Call { what, err })
}

/// A file descriptor an ioctl returned.
fn owned(what: &'static str, fd: i32) -> Result<OwnedFd, VmmError> {
    if fd < 0 {
        return Err(VmmError::Kvm(format!("{what} returned {fd}")));
    }
    // SAFETY: KVM_CREATE_VM and KVM_CREATE_VCPU return a new descriptor nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// A memory mapping, unmapped on drop.
struct Mapping {
    ptr: *mut libc::c_void,
    len: usize,
}

impl Mapping {
    fn new(what: &'static str, len: usize, prot: libc::c_int, flags: libc::c_int, fd: Option<BorrowedFd<'_>>) -> Result<Self, VmmError> {
        let raw = fd.map_or(-1, |f| f.as_raw_fd());
        // SAFETY: a fresh mapping at an address of the kernel's choosing overlaps nothing.
        let ptr = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, raw, 0) };
        if ptr == libc::MAP_FAILED {
            return Err(VmmError::Call { what, err: io::Error::last_os_error() });
        }
        Ok(Mapping { ptr, len })
    }

    /// The mapped bytes. Only read between `KVM_RUN`s: the kernel writes them while the vCPU
    /// runs, and this program has a single thread.
    fn bytes(&self) -> &[u8] {
        // SAFETY: `len` readable bytes are mapped at `ptr` for the life of `self`.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as `bytes`, and the mapping is writable; `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr as *mut u8, self.len) }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping `new` created; no borrow of it outlives `self`.
        unsafe { libc::munmap(self.ptr, self.len) };
    }
}

/// What the guest wrote, and how it ended.
#[derive(Debug)]
pub struct GuestOutput {
    /// The bytes written to `SERIAL_PORT`.
    pub serial: Vec<u8>,
    /// The guest's MMIO writes: guest physical address and bytes.
    pub mmio: Vec<(u64, Vec<u8>)>,
    /// The general registers when it halted.
    pub regs: KvmRegs,
    /// The number of `KVM_RUN` calls that returned an exit.
    pub exits: usize,
}

/// Runs `image` (real-mode code, loaded and started at `GUEST_LOAD`) in a new VM on
/// `/dev/kvm` until it executes `hlt`; returns what it wrote to `SERIAL_PORT`.
pub fn run_guest(image: &[u8]) -> Result<GuestOutput, VmmError> {
    let load = GUEST_LOAD as usize;
    if image.len() > GUEST_MEM - load {
        return Err(VmmError::Guest(format!("a {}-byte image does not fit guest memory", image.len())));
    }
    let kvm = OpenOptions::new().read(true).write(true).open("/dev/kvm").map_err(VmmError::NoKvm)?;
    let kvm = kvm.as_fd();

    // SAFETY (every ioctl below): each request is issued on the kind of KVM file its
    // `namespace` names, with the argument type its `Ioctl<A>` carries.
    let version = call("KVM_GET_API_VERSION", unsafe { ioctl_none(kvm, KVM_GET_API_VERSION) })?;
    if version != KVM_API_VERSION as i32 {
        return Err(VmmError::Kvm(format!("API version {version}, this VMM speaks {KVM_API_VERSION}")));
    }
    let user_memory = call("KVM_CHECK_EXTENSION", unsafe { ioctl_with_val(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY.into()) })?;
    if user_memory <= 0 {
        return Err(VmmError::Kvm("no KVM_CAP_USER_MEMORY".into()));
    }

    let mut mem = Mapping::new(
        "mmap of guest memory",
        GUEST_MEM,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
        None,
    )?;
    mem.bytes_mut()[load..load + image.len()].copy_from_slice(image);
    // Declared after `mem`, so dropped (closed) before it is unmapped, on every path.
    let vm = owned("KVM_CREATE_VM", call("KVM_CREATE_VM", unsafe { ioctl_with_val(kvm, KVM_CREATE_VM, 0) })?)?;
    let region = KvmUserspaceMemoryRegion {
        slot: 0,
        flags: 0,
        guest_phys_addr: 0,
        memory_size: GUEST_MEM as u64,
        userspace_addr: mem.ptr as u64,
    };
    // `mem` outlives `vm`, so the slot never refers to unmapped memory.
    call("KVM_SET_USER_MEMORY_REGION", unsafe { ioctl_with_ref(vm.as_fd(), KVM_SET_USER_MEMORY_REGION, &region) })?;

    let vcpu = owned("KVM_CREATE_VCPU", call("KVM_CREATE_VCPU", unsafe { ioctl_with_val(vm.as_fd(), KVM_CREATE_VCPU, 0) })?)?;
    let run_size = call("KVM_GET_VCPU_MMAP_SIZE", unsafe { ioctl_none(kvm, KVM_GET_VCPU_MMAP_SIZE) })?;
    let run_size = usize::try_from(run_size).map_err(|_| VmmError::Kvm(format!("vCPU mmap size {run_size}")))?;
    if run_size < size_of::<KvmRun>() {
        return Err(VmmError::Kvm(format!("vCPU mmap size {run_size} is smaller than struct kvm_run ({})", size_of::<KvmRun>())));
    }
    let run = Mapping::new("mmap of kvm_run", run_size, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, Some(vcpu.as_fd()))?;

    // Real mode with CS at 0, so that CS:IP = 0:GUEST_LOAD is the load address. The other
    // segments keep the reset state KVM gives a new vCPU (base 0).
    let mut sregs = KvmSregs::default();
    call("KVM_GET_SREGS", unsafe { ioctl_with_mut(vcpu.as_fd(), KVM_GET_SREGS, &mut sregs) })?;
    sregs.cs.base = 0;
    sregs.cs.selector = 0;
    call("KVM_SET_SREGS", unsafe { ioctl_with_ref(vcpu.as_fd(), KVM_SET_SREGS, &sregs) })?;
    // Bit 1 of RFLAGS is reserved and reads as 1; every other flag clear (interrupts off,
    // string instructions count up).
    let regs = KvmRegs { rip: GUEST_LOAD, rflags: 2, ..Default::default() };
    call("KVM_SET_REGS", unsafe { ioctl_with_ref(vcpu.as_fd(), KVM_SET_REGS, &regs) })?;

    let (mut serial, mut mmio) = (Vec::new(), Vec::new());
    for exits in 1..=MAX_EXITS {
        match unsafe { ioctl_none(vcpu.as_fd(), KVM_RUN) } {
            Ok(_) => {}
            // A signal arrived before or during the run: run again.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(VmmError::Call { what: "KVM_RUN", err }),
        }
        // A copy of the struct: the kernel does not touch it until the next KVM_RUN.
        let state = KvmRun::read_from_prefix(run.bytes()).map_err(|_| VmmError::Kvm("kvm_run mapping too small".into()))?.0;
        // SAFETY (each read of the exit union below): `state` was read from bytes, so every
        // byte of the union is defined, and every member is plain integers.
        let exit = &state.__bindgen_anon_1;
        match state.exit_reason {
            KVM_EXIT_IO => {
                let io = unsafe { exit.io };
                if u32::from(io.direction) != KVM_EXIT_IO_OUT || io.port != SERIAL_PORT {
                    let dir = if u32::from(io.direction) == KVM_EXIT_IO_OUT { "out" } else { "in" };
                    return Err(VmmError::Guest(format!("unexpected `{dir}` on port {:#x}", io.port)));
                }
                // The data lies inside the vCPU's mapping, `data_offset` from its start; a
                // kernel answer pointing elsewhere is refused rather than read.
                let len = usize::from(io.size) * io.count as usize;
                let data = usize::try_from(io.data_offset)
                    .ok()
                    .and_then(|start| run.bytes().get(start..start.checked_add(len)?))
                    .ok_or_else(|| VmmError::Kvm(format!("I/O data at {:#x}+{len} is outside the {run_size}-byte kvm_run mapping", io.data_offset)))?;
                serial.extend_from_slice(data);
            }
            KVM_EXIT_MMIO => {
                let m = unsafe { exit.mmio };
                let data = m.data.get(..m.len as usize).ok_or_else(|| VmmError::Kvm(format!("an MMIO access of {} bytes", m.len)))?;
                if m.is_write == 0 {
                    // Nothing is mapped there to read from (a fetch from unbacked memory too).
                    return Err(VmmError::Guest(format!("unexpected MMIO read of {} bytes at {:#x}", m.len, m.phys_addr)));
                }
                mmio.push((m.phys_addr, data.to_vec()));
            }
            KVM_EXIT_HLT => {
                let mut regs = KvmRegs::default();
                call("KVM_GET_REGS", unsafe { ioctl_with_mut(vcpu.as_fd(), KVM_GET_REGS, &mut regs) })?;
                return Ok(GuestOutput { serial, mmio, regs, exits });
            }
            KVM_EXIT_FAIL_ENTRY => {
                let fail = unsafe { exit.fail_entry };
                return Err(VmmError::Guest(format!(
                    "entry failed: hardware reason {:#x} on cpu {}",
                    fail.hardware_entry_failure_reason, fail.cpu
                )));
            }
            KVM_EXIT_INTERNAL_ERROR => {
                let internal = unsafe { exit.internal };
                return Err(VmmError::Guest(format!("KVM internal error, suberror {}", internal.suberror)));
            }
            KVM_EXIT_SHUTDOWN => return Err(VmmError::Guest("shut down (triple fault)".into())),
            other => return Err(VmmError::Guest(format!("unhandled exit reason {other}"))),
        }
    }
    Err(VmmError::Guest(format!("no hlt after {MAX_EXITS} exits")))
}

#[cfg_attr(test, allow(dead_code))]
fn main() -> std::process::ExitCode {
    match run_guest(&guest_image(MESSAGE)) {
        Ok(out) => {
            print!("{}", String::from_utf8_lossy(&out.serial));
            let writes: Vec<String> = out.mmio.iter().map(|(at, b)| format!("{b:02x?} at {at:#x}")).collect();
            eprintln!(
                "kvm_vmm: the guest halted after {} exits; MMIO writes {}; rip {:#x}, rbx {:#x} (the byte sum is {:#x})",
                out.exits,
                writes.join(", "),
                out.regs.rip,
                out.regs.rbx,
                byte_sum(MESSAGE)
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kvm_vmm: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
