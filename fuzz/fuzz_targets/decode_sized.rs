//! `policy = sized` (openat2, clone3) over (size argument, bytes, fault position): see
//! `uabi_fuzz::run`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi_fuzz::{policies, run, DecodeCase};

fuzz_target!(|data: &[u8]| {
    let case = DecodeCase::parse(data);
    match case.ty % 3 {
        0 => run::sized::<policies::How>(&case),
        1 => run::sized::<uabi_linux::openat2::OpenHow>(&case),
        _ => run::sized::<uabi_linux::sched::CloneArgs>(&case),
    }
});
