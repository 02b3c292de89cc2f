//! `uabi-vfio-user-server [-v] [--persist] [--bar1-size HEX] SOCKET`: serves the sample device (libvfio-user's
//! `samples/server.c`'s) on a UNIX socket. Serves one client and exits, as the sample does
//! (libvfio-user's `samples/client` starts a second one as its migration destination);
//! `--persist` accepts clients one after another until killed. `--bar1-size 0x4000` gives
//! BAR1 a power-of-two size, which QEMU's `vfio-user-pci` requires.

use std::os::unix::net::UnixListener;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut persist = false;
    let mut path = None;
    let mut bar1_size = uabi_vfio_user::device::BAR1_SIZE;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-v" => verbose = true,
            "--bar1-size" => match args.next().and_then(|n| usize::from_str_radix(n.trim_start_matches("0x"), 16).ok()) {
                Some(n) if (0x3000..=1 << 30).contains(&n) => bar1_size = n,
                _ => {
                    eprintln!("uabi-vfio-user-server: --bar1-size takes a hexadecimal size from 0x3000 to 0x40000000");
                    return ExitCode::from(2);
                }
            },
            "--persist" => persist = true,
            _ if path.is_none() && !a.starts_with('-') => path = Some(a),
            _ => {
                eprintln!("usage: uabi-vfio-user-server [-v] [--persist] [--bar1-size HEX] SOCKET");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: uabi-vfio-user-server [-v] [--persist] [--bar1-size HEX] SOCKET");
        return ExitCode::from(2);
    };
    let listener = match UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("uabi-vfio-user-server: cannot listen on {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let device = uabi_vfio_user::device::SampleDevice::with_bar1_size(bar1_size);
    let mut server = match device.and_then(uabi_vfio_user::server::Server::with_device) {
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
