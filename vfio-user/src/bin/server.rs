//! `uabi-vfio-user-server [-v] [--persist] SOCKET`: serves the sample device (libvfio-user's
//! `samples/server.c`'s) on a UNIX socket. Serves one client and exits, as the sample does
//! (libvfio-user's `samples/client` starts a second one as its migration destination);
//! `--persist` accepts clients one after another until killed.

use std::os::unix::net::UnixListener;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut persist = false;
    let mut path = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "-v" => verbose = true,
            "--persist" => persist = true,
            _ if path.is_none() && !a.starts_with('-') => path = Some(a),
            _ => {
                eprintln!("usage: uabi-vfio-user-server [-v] [--persist] SOCKET");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: uabi-vfio-user-server [-v] [--persist] SOCKET");
        return ExitCode::from(2);
    };
    let listener = match UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("uabi-vfio-user-server: cannot listen on {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut server = match uabi_vfio_user::server::Server::new() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("uabi-vfio-user-server: cannot create the device: {e}");
            return ExitCode::FAILURE;
        }
    };
    server.verbose = verbose;
    let mut status = ExitCode::SUCCESS;
    loop {
        let sock = match listener.accept() {
            Ok((s, _)) => s,
            Err(e) => {
                eprintln!("uabi-vfio-user-server: accept: {e}");
                status = ExitCode::FAILURE;
                break;
            }
        };
        if let Err(e) = server.serve(&sock) {
            eprintln!("uabi-vfio-user-server: connection ended: {e}");
        }
        if !persist {
            break;
        }
    }
    let _ = std::fs::remove_file(&path);
    status
}
