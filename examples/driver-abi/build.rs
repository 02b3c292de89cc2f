fn main() {
    // The header for this build: $OUT_DIR/include/mydrv/mydrv.h (and the layout checks under
    // $OUT_DIR/include/checks/). A wrong definition writes nothing: rustc reports its errors
    // when it compiles src/lib.rs.
    uabi_build::Builder::new().file("src/lib.rs").build();
    // A committed copy, for C users who never build this crate.
    uabi_build::Builder::new().file("src/lib.rs").out_dir("include").build();
}
