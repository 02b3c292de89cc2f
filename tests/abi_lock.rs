//! The workspace's own ABIs against their committed lock (`linux/abi.lock.json`): an
//! incompatible change to `linux/src` fails `cargo test` with one message per change. After a
//! deliberate change, bless it with `cargo run -p uabi-cli -- lock --lock linux/abi.lock.json
//! linux/src` (a deliberate break also needs `--allow-incompatible`, a rename
//! `--rename OLD=NEW`) and commit the lock.

use std::path::Path;

#[test]
fn linux_abis_keep_their_lock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = uabi_build::Builder::new()
        .file(root.join("linux/src"))
        .check_lock(root.join("linux/abi.lock.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.is_compatible(), "{report}");
    // Additions pass the check but leave the lock behind: say so, so that they get locked.
    for c in report.accepted() {
        println!("not yet locked: {c}");
    }
}
