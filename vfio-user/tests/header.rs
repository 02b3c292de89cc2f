//! The generated `include/vfio-user.h`: it compiles cleanly as C and C++, uabi's layout
//! checks hold under the C compiler, and it has libvfio-user's layout, names and values
//! (`tests/c/libvfio_user_layout.c`, written from libvfio-user's header), with uabi's own
//! `headers/linux/vfio.h` as the `<linux/vfio.h>` it includes. (That libvfio-user's own
//! sources compile against it is checked by `scripts/libvfio-user-interop.sh`, which needs
//! libvfio-user's source and is not part of the test command.)

use std::path::Path;
use std::process::Command;

fn compile(compiler: &str, args: &[&str], file: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(compiler)
        .args(["-fsyntax-only", "-Wall", "-Wextra", "-Werror"])
        .args(args)
        .arg("-I")
        .arg(root.join("include"))
        .arg("-I")
        .arg(root.join("../headers"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{compiler}: {e}"));
    assert!(out.status.success(), "{compiler} {args:?} {}:\n{}", file.display(), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn header_has_libvfio_users_layout_and_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for std in ["-std=c11", "-std=gnu99"] {
        compile("gcc", &[std], &root.join("tests/c/libvfio_user_layout.c"));
    }
    compile("gcc", &["-std=c11"], &root.join("include/checks/vfio-user_layout.c"));
}

#[test]
fn header_compiles_as_cplusplus() {
    let dir = std::env::temp_dir().join(format!("uabi-vfio-user-cxx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("t.cc");
    std::fs::write(&f, "#include <vfio-user.h>\nint main() { vfio_user_header h{}; return h.cmd; }\n").unwrap();
    compile("g++", &["-std=c++17", "-Wno-pedantic"], &f);
}
