//! Writes the C header of the sample ABI: the one this build implements into `OUT_DIR`, and
//! the committed copies for C users who never build this crate: the current version in
//! `include/`, and the header as of version 1 in `include/v1/` (from the version-1 definition
//! kept in `abi/sample_v1.rs`).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let implemented = if std::env::var_os("CARGO_FEATURE_ABI_V1").is_some() { "abi/sample_v1.rs" } else { "abi/sample.rs" };
    uabi_build::Builder::new().file(implemented).build();
    uabi_build::Builder::new().file("abi/sample.rs").out_dir("include").build();
    uabi_build::Builder::new().file("abi/sample_v1.rs").out_dir("include/v1").build();
}
