//! Keeps the committed C headers under `headers/` in step with the ABI definitions of
//! `linux/src`, through the same build API any user's crate calls (`uabi-build`), writing into a
//! committed directory instead of `OUT_DIR`. Only files whose bytes change are written.

fn main() {
    uabi_build::Builder::new().file("linux/src").out_dir("headers").build();
}
