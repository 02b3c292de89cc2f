//! A whole device life of the sample device (libvfio-user's `samples/server.c`'s, which
//! [`crate::server`] also serves), driven by [`Client`]: what `uabi-vfio-user-client` runs
//! against our server and against libvfio-user's.
//!
//! Version, a bogus region (EINVAL), device info, every region's info (BAR1's sparse-mmap
//! capability and descriptor, whose areas are mapped and seen through region reads), config
//! space, reset, DMA map (two regions through the memfd's descriptor, one without), interrupt
//! info and an INTx eventfd, dirty page logging, BAR0's timer raising INTx and the device's
//! DMA (direct in the second region, by messages in the first), the dirty report, migration
//! (PRE_COPY, STOP_COPY, STOP, RESUMING back into the same device, RUNNING, the timer
//! carried across), and DMA unmap.

use std::os::fd::AsRawFd;
use std::time::Duration;

use uabi_linux::vfio::*;

use crate::client::{Client, ClientError, EventFd, GuestMemory};
use crate::device::{now, SharedMem, BAR0, BAR1, BAR1_SIZE, CONFIG, DEVICE, SUBSYS, SUBSYS_VENDOR, VENDOR};
use crate::vfio_user::*;

const PAGE: u64 = 4096;

/// What to drive.
#[derive(Debug, Clone, Copy)]
pub struct LifeOptions {
    /// Run the migration part.
    pub migration: bool,
    /// Interrupt loopback through `DATA_NONE`/`DATA_BOOL` triggers on MSI-X (our server).
    pub loopback: bool,
    /// Unmap a region with `GET_DIRTY_BITMAP` (our server).
    pub unmap_bitmap: bool,
}

impl Default for LifeOptions {
    fn default() -> Self {
        LifeOptions { migration: true, loopback: true, unmap_bitmap: true }
    }
}

/// A failed step.
#[derive(Debug)]
pub struct LifeError {
    /// The step.
    pub step: &'static str,
    /// Why.
    pub why: String,
}

impl std::fmt::Display for LifeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.step, self.why)
    }
}

impl std::error::Error for LifeError {}

/// `l.ok(expr)`, with `expr` evaluated before `l` is borrowed.
macro_rules! ok {
    ($l:ident, $e:expr) => {{
        let r = $e;
        $l.ok(r)
    }};
}

struct Life<'c> {
    c: &'c mut Client,
    log: Vec<String>,
    step: &'static str,
}

impl Life<'_> {
    fn step(&mut self, s: &'static str) {
        self.step = s;
        self.log.push(s.to_string());
    }
    fn fail<T>(&self, why: impl Into<String>) -> Result<T, LifeError> {
        Err(LifeError { step: self.step, why: why.into() })
    }
    fn ok<T>(&self, r: Result<T, ClientError>) -> Result<T, LifeError> {
        r.map_err(|e| LifeError { step: self.step, why: e.to_string() })
    }
    fn check(&self, cond: bool, why: impl FnOnce() -> String) -> Result<(), LifeError> {
        if cond {
            Ok(())
        } else {
            self.fail(why())
        }
    }
    fn note(&mut self, s: String) {
        self.log.push(format!("  {s}"));
    }
}

/// Runs the life on a connected, negotiated client; returns its transcript.
pub fn run(c: &mut Client, opts: LifeOptions) -> Result<Vec<String>, LifeError> {
    let mut l = Life { c, log: vec![], step: "" };
    let (major, minor) = l.c.version;
    l.step("version");
    l.note(format!("server speaks {major}.{minor}, capabilities {:?}", l.c.server_caps));

    l.step("bogus region access");
    match l.c.region_read(0xdead_beef, 0, 4) {
        Err(ClientError::Remote { errno, .. }) if errno == libc::EINVAL => l.note("EINVAL, as expected".into()),
        other => return l.fail(format!("expected EINVAL, got {other:?}")),
    }

    l.step("device info");
    let info = ok!(l, l.c.device_info())?;
    l.check(info.flags & VFIO_DEVICE_FLAGS_PCI != 0 && info.num_regions == VFIO_PCI_NUM_REGIONS, || format!("{info:?}"))?;
    l.note(format!("flags {:#x}, {} regions, {} irq indexes", { info.flags }, { info.num_regions }, { info.num_irqs }));

    l.step("region info");
    let mut bar1_fd = None;
    for i in 0..info.num_regions {
        let (ri, fd) = ok!(l, l.c.region_info(i))?;
        let areas = ok!(l, Client::sparse_areas(&ri))?;
        let r = ri.info();
        l.note(format!("region {i}: size {:#x} flags {:#x} argsz {} calls {} caps {} fd {}", r.size, r.flags, ri.argsz(), ri.calls(), areas.len(), fd.is_some()));
        if i == BAR1 {
            l.check(r.size == BAR1_SIZE as u64 && areas.len() == 2 && fd.is_some() && ri.calls() == 2, || {
                format!("BAR1: {r:?}, {} areas, fd {}", areas.len(), fd.is_some())
            })?;
            bar1_fd = fd.map(|f| (f, r.offset, areas));
        }
    }

    l.step("BAR1 mapped through its descriptor");
    let (fd, base, areas) = bar1_fd.expect("checked");
    let pattern: Vec<u8> = (0..64u8).map(|b| b ^ 0x5a).collect();
    for a in &areas {
        let p = ok!(l, crate::device::map(fd.as_raw_fd(), base + a.offset, a.size as usize, libc::PROT_READ | libc::PROT_WRITE).map_err(ClientError::Io))?;
        if a.offset == 0 {
            // SAFETY: the mapping is at least 64 bytes (a sparse area of a page).
            unsafe { std::ptr::copy_nonoverlapping(pattern.as_ptr(), p, pattern.len()) };
        }
        // SAFETY: unmapping what was just mapped.
        unsafe { libc::munmap(p.cast(), a.size as usize) };
    }
    let seen = ok!(l, l.c.region_read(BAR1, 0, pattern.len()))?;
    l.check(seen == pattern, || "a store through the mapping is not seen by a region read".into())?;

    l.step("config space");
    let cfg = ok!(l, l.c.region_read(CONFIG, 0, 64))?;
    let word = |at: usize| u16::from_le_bytes([cfg[at], cfg[at + 1]]);
    l.check(word(0) == VENDOR && word(2) == DEVICE && word(0x2c) == SUBSYS_VENDOR && word(0x2e) == SUBSYS, || format!("IDs {:#x}:{:#x}", word(0), word(2)))?;

    l.step("reset");
    ok!(l, l.c.reset())?;

    l.step("DMA map");
    let mem = ok!(l, SharedMem::new("uabi-vfio-user-guest", 4 * PAGE as usize).map_err(ClientError::Io))?;
    let memfd = mem.fd().as_raw_fd();
    let rw = VFIO_USER_F_DMA_REGION_READ | VFIO_USER_F_DMA_REGION_WRITE;
    ok!(l, l.c.dma_map(0, PAGE, 0, rw, Some(memfd)))?;
    ok!(l, l.c.dma_map(PAGE, PAGE, PAGE, rw, Some(memfd)))?;
    // The third page without a descriptor: the server can only reach it by messages.
    ok!(l, l.c.dma_map(2 * PAGE, PAGE, 0, rw, None))?;
    l.c.guest = Some(GuestMemory { mem, base: 0 });

    l.step("interrupts");
    for i in 0..info.num_irqs {
        let irq = ok!(l, l.c.irq_info(i))?;
        l.note(format!("irq index {i}: count {} flags {:#x}", irq.count, irq.flags));
        if i == VFIO_PCI_INTX_IRQ_INDEX {
            l.check(irq.count == 1 && irq.flags & VFIO_IRQ_INFO_EVENTFD != 0, || format!("INTx {irq:?}"))?;
        }
    }
    let intx = ok!(l, EventFd::new().map_err(ClientError::Io))?;
    ok!(l, l.c.set_irq_eventfds(VFIO_PCI_INTX_IRQ_INDEX, 0, &[intx.raw()]))?;
    if opts.loopback {
        let msix: Vec<EventFd> = (0..4).map(|_| EventFd::new().expect("eventfd")).collect();
        let raw: Vec<i32> = msix.iter().map(EventFd::raw).collect();
        ok!(l, l.c.set_irq_eventfds(VFIO_PCI_MSIX_IRQ_INDEX, 0, &raw))?;
        ok!(l, l.c.set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_ACTION_TRIGGER, 1, 2, None))?;
        ok!(l, l.c.set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_ACTION_TRIGGER, 0, 4, Some(&[0, 0, 0, 1])))?;
        let got: Vec<u64> = msix.iter().map(|e| e.take().unwrap_or(0)).collect();
        l.check(got == [0, 1, 1, 1], || format!("MSI-X loopback signalled {got:?}"))?;
        ok!(l, l.c.set_irqs(VFIO_PCI_MSIX_IRQ_INDEX, VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, None))?;
        l.note("MSI-X loopback: vectors 1, 2 (DATA_NONE) and 3 (DATA_BOOL) signalled, then the index disabled".into());
    }

    l.step("dirty page logging");
    ok!(l, l.c.dma_logging_start(PAGE))?;

    l.step("BAR0 timer, INTx and the device's DMA");
    let t = now() + 1;
    ok!(l, l.c.region_write(BAR0, 0, &t.to_ne_bytes()))?;
    let back = ok!(l, l.c.region_read(BAR0, 0, 8))?;
    l.note(format!("BAR0 reads {} (seconds since the time written)", i64::from_ne_bytes(back[..8].try_into().expect("8"))));
    let fired = ok!(l, intx.wait(Duration::from_secs(10)).map_err(ClientError::Io))?;
    l.check(fired > 0, || "INTx did not fire within 10 s".into())?;
    // The device's DMA by messages follows the interrupt: serve it (4 writes of 1 KiB, then
    // 2 reads of 2 KiB in 1 KiB messages when the client's transfers are that small; ours
    // take 1 MiB, so 2 reads).
    serve_dma(&mut l, 6)?;
    l.step("dirty report");
    let dirty1 = ok!(l, l.c.dma_logging_report(PAGE, PAGE, PAGE))?;
    let served = l.c.dma_served;
    l.note(format!("region 1 dirty bits {dirty1:?}; {served} DMA messages served"));
    l.check(dirty1[0] & 1 != 0, || "the server's direct DMA into region 1 is not in its dirty report".into())?;
    l.check(served >= 6, || format!("{served} DMA messages served, at least 6 expected"))?;
    check_dma_pattern(&l)?;
    ok!(l, l.c.dma_logging_stop())?;

    if opts.migration {
        l.step("migration: features");
        let flags = ok!(l, l.c.migration_flags())?.unwrap_or(0);
        l.check(flags & VFIO_MIGRATION_STOP_COPY != 0, || format!("migration flags {flags:#x}"))?;
        // The device's next interrupt, carried in the migration data (BAR0).
        let t = now() + 2;
        ok!(l, l.c.region_write(BAR0, 0, &t.to_ne_bytes()))?;
        let bar1: Vec<u8> = (0..BAR1_SIZE).map(|i| (i * 7 % 251) as u8).collect();
        ok!(l, l.c.region_write(BAR1, 0, &bar1))?;
        let chunk = l.c.max_xfer().min(1024);

        l.step("migration: PRE_COPY");
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::PreCopy))?;
        let pre = read_stream(&mut l, chunk)?;
        l.check(pre.len() == BAR1_SIZE, || format!("PRE_COPY gave {} bytes", pre.len()))?;

        l.step("migration: STOP_COPY");
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::StopCopy))?;
        let data = read_stream(&mut l, chunk)?;
        l.check(data.len() == BAR1_SIZE + 8 && data[..BAR1_SIZE] == bar1[..], || format!("STOP_COPY gave {} bytes", data.len()))?;
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::Stop))?;
        let state = ok!(l, l.c.mig_state())?;
        l.check(state == VfioDeviceMigState::Stop, || format!("{state:?}, not stopped"))?;

        l.step("migration: RESUMING the saved state");
        ok!(l, l.c.region_write(BAR1, 0, &vec![0u8; BAR1_SIZE]))?;
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::Resuming))?;
        for part in data.chunks(chunk) {
            ok!(l, l.c.mig_data_write(part))?;
        }
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::Stop))?;
        let back = ok!(l, l.c.region_read(BAR1, 0, BAR1_SIZE))?;
        l.check(back == bar1, || "BAR1 after resuming differs from before".into())?;
        // Clear guest memory, so the device's DMA after the next interrupt is seen anew.
        l.c.guest.as_mut().expect("set").mem.bytes_mut().fill(0);
        ok!(l, l.c.set_mig_state(VfioDeviceMigState::Running))?;

        l.step("migration: the carried timer raises INTx again");
        let fired = ok!(l, intx.wait(Duration::from_secs(10)).map_err(ClientError::Io))?;
        l.check(fired > 0, || "INTx did not fire after resuming".into())?;
        let before = l.c.dma_served;
        serve_dma(&mut l, before + 6)?;
        l.note(format!("{} more DMA messages served", l.c.dma_served - before));
        check_dma_pattern(&l)?;
    }

    l.step("DMA unmap");
    ok!(l, l.c.dma_unmap(0, PAGE, 0))?;
    if opts.unmap_bitmap {
        let bits = ok!(l, l.c.dma_unmap_dirty(PAGE, PAGE, PAGE))?;
        l.note(format!("region 1 unmapped with its dirty bitmap {bits:?}"));
    }
    ok!(l, l.c.dma_unmap(0, 0, VFIO_DMA_UNMAP_FLAG_ALL))?;
    l.step("done");
    Ok(l.log)
}

fn read_stream(l: &mut Life<'_>, chunk: usize) -> Result<Vec<u8>, LifeError> {
    let mut all = vec![];
    loop {
        let part = ok!(l, l.c.mig_data_read(chunk))?;
        if part.is_empty() {
            return Ok(all);
        }
        all.extend_from_slice(&part);
        if all.len() > 1 << 20 {
            return l.fail("the migration stream does not end");
        }
    }
}

/// Serves the device's DMA messages until `total` have been served (or 10 s passed), then
/// whatever else arrives within 200 ms.
fn serve_dma(l: &mut Life<'_>, total: u64) -> Result<(), LifeError> {
    let started = std::time::Instant::now();
    while l.c.dma_served < total && started.elapsed() < Duration::from_secs(10) {
        ok!(l, l.c.serve_pending(Duration::from_millis(200)))?;
    }
    ok!(l, l.c.serve_pending(Duration::from_millis(200)))?;
    Ok(())
}

/// The device wrote 1 KiB of 'A', 'B', 'C', 'D' at the start of the first two DMA regions:
/// by messages in the first, directly in the second.
fn check_dma_pattern(l: &Life<'_>) -> Result<(), LifeError> {
    let g = l.c.guest.as_ref().expect("set").mem.bytes();
    for (region, name) in [(0usize, "by messages"), (1, "directly")] {
        for k in 0..4 {
            let at = region * PAGE as usize + k * 1024;
            let ok = g[at..at + 1024].iter().all(|&b| b == b'A' + k as u8);
            l.check(ok, || format!("guest memory written {name} at {at:#x} is not {:?}", (b'A' + k as u8) as char))?;
        }
    }
    Ok(())
}
