//! `/init` of the VFIO test VM: sets the machine up (init.rs), lives the edu device's VFIO life
//! on the real kernel (life.rs), records the kernel's answers at the edges and compares the
//! sample driver's (edges.rs), prints everything on the console (report.rs) and powers off.
//! Run by hand outside a VM it does nothing useful: it needs PID 1's machine.

mod edges;
mod init;
mod life;
mod report;

use report::{info, line, Report};

fn main() {
    // A panic must not leave the VM running until the host's time limit: say so, power off.
    std::panic::set_hook(Box::new(|p| {
        line(format_args!("check FAIL panic: {p}"));
        line("done 0 passed, 1 failed");
        init::power_off();
    }));
    let mut r = Report::default();
    run(&mut r);
    r.done();
    init::power_off();
}

fn run(r: &mut Report) {
    if r.call("mount devtmpfs, sysfs, proc", init::mount_all()).is_none() {
        return;
    }
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    info(format_args!("kernel {}", release.trim()));
    let Some(mods) = r.call("load the VFIO modules", init::load_modules()) else { return };
    info(format_args!("modules: {}", mods.join(" ")));
    let Some(devs) = r.call("bind edu to vfio-pci (new_id)", init::bind_edu_to_vfio()) else { return };
    for d in &devs {
        info(format_args!("edu {} group {}: {}", d.name, d.group, init::group_members(d.group).join(" ")));
    }
    // The edu device alone in its group is the one to drive; a group that also holds a
    // device with a kernel driver is the non-viable one.
    let viable = devs.iter().find(|d| init::group_members(d.group).iter().all(|m| m.ends_with("=vfio-pci") || m.ends_with("=pcieport")));
    let non_viable = devs.iter().find(|d| init::group_members(d.group).iter().any(|m| !m.ends_with("=vfio-pci") && !m.ends_with("=pcieport")));
    let Some(main) = viable else {
        r.check("an edu device in a viable group", false, format_args!("{devs:?}"));
        return;
    };
    if life::run(r, main.group, &main.name).is_none() {
        return;
    }
    edges::run(r, main, non_viable);
}
