//! `uabi-vfio-user-client SOCKET [--no-migration] [--no-loopback] [--no-unmap-bitmap]`:
//! drives the sample device (libvfio-user's `samples/server.c`'s, or ours) through a whole
//! life and prints what it saw. Exit status 0 when every step passed.

use std::path::Path;
use std::process::ExitCode;

use uabi_vfio_user::client::Client;
use uabi_vfio_user::life::{run, LifeOptions};

fn main() -> ExitCode {
    let mut opts = LifeOptions::default();
    let mut path = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--no-migration" => opts.migration = false,
            "--no-loopback" => opts.loopback = false,
            "--no-unmap-bitmap" => opts.unmap_bitmap = false,
            _ if path.is_none() && !a.starts_with('-') => path = Some(a),
            _ => {
                eprintln!("usage: uabi-vfio-user-client SOCKET [--no-migration] [--no-loopback] [--no-unmap-bitmap]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: uabi-vfio-user-client SOCKET [--no-migration] [--no-loopback] [--no-unmap-bitmap]");
        return ExitCode::from(2);
    };
    let mut client = match Client::connect(Path::new(&path)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("uabi-vfio-user-client: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&mut client, opts) {
        Ok(log) => {
            for line in log {
                println!("client: {line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("uabi-vfio-user-client: {e}");
            ExitCode::FAILURE
        }
    }
}
