//! Our client drives our server through a whole device life, each in its own process: the
//! client binary against the server binary over a UNIX socket.

mod common;

use std::process::Command;

#[test]
fn our_client_drives_our_server_through_a_whole_life() {
    let dir = common::scratch("life");
    let sock = dir.join("s");
    let mut server = common::our_server(&sock, &[]);
    let out = Command::new(env!("CARGO_BIN_EXE_uabi-vfio-user-client")).arg(&sock).output().expect("run the client");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "client failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for step in [
        "EINVAL, as expected",
        "region 1: size 0x3000 flags 0xf argsz 80 calls 2 caps 2 fd true",
        "MSI-X loopback",
        "region 1 dirty bits [1, 0, 0, 0, 0, 0, 0, 0]",
        "migration: the carried timer raises INTx again",
        "client: done",
    ] {
        assert!(stdout.contains(step), "no {step:?} in:\n{stdout}");
    }
    // The sample server serves one client and exits, as libvfio-user's does.
    assert!(common::wait_exit(&mut server, 20).success());
    assert!(!sock.exists(), "the server removes its socket");
}
