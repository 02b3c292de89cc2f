//! Writes the C header of the protocol: into `OUT_DIR` for this build, and the committed copy
//! in `include/` for C users (and libvfio-user's sources, for which it is a drop-in).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    uabi_build::Builder::new().file("src/abi.rs").build();
    uabi_build::Builder::new().file("src/abi.rs").out_dir("include").build();
}
