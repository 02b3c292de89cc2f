//! Helpers of the tests: processes on sockets in a private directory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A fresh directory for one test's sockets.
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uabi-vfio-user-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

/// Waits until `path` exists (a server bound its socket), at most 20 s.
pub fn wait_for(path: &Path, child: &mut Child) {
    let start = Instant::now();
    while !path.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited before listening: {status}");
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no socket at {} after 20 s", path.display());
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Our server binary on `sock`, in its own process.
pub fn our_server(sock: &Path, extra: &[&str]) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_uabi-vfio-user-server"))
        .args(extra)
        .arg(sock)
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the server");
    wait_for(sock, &mut child);
    child
}

/// An example of this package, built by `cargo test` beside the test binaries.
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("current_exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let path = dir.join("examples").join(name);
    // `cargo test` builds the package's examples, `cargo test --test x` does not: build it
    // (a no-op when it is fresh).
    {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "uabi-vfio-user", "--example", name])
            .status()
            .expect("run cargo");
        assert!(status.success() && path.exists(), "cannot build the example {name}");
    }
    path
}

/// Waits for a child to exit, at most `secs`, killing it after that.
pub fn wait_exit(child: &mut Child, secs: u64) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            return s;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("the child did not exit within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
