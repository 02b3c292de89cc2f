//! The model over any source text: `abis_in_file` never panics, and every module it accepts
//! gives a well-formed header, assertion file, report and Rust expansion
//! (`uabi_fuzz::check_accepted`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    if let Ok(abis) = uabi_model::abis_in_file(source) {
        uabi_fuzz::check_accepted(&abis);
    }
});
