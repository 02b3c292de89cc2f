//! `policy = perf` (perf_event_open) over (size field, bytes, fault position), including the
//! size written back on E2BIG: see `uabi_fuzz::run`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi_fuzz::{policies, run, DecodeCase};

fuzz_target!(|data: &[u8]| {
    let case = DecodeCase::parse(data);
    match case.ty % 2 {
        0 => run::perf::<policies::Attr>(&case),
        _ => run::perf::<uabi_linux::perf_event::PerfEventAttr>(&case),
    }
});
