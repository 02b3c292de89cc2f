//! `policy = sized_field` (iommufd, VFIO_DEVICE_BIND_IOMMUFD) over (size field, bytes, fault
//! position): see `uabi_fuzz::run`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi_fuzz::{policies, run, DecodeCase};

fuzz_target!(|data: &[u8]| {
    let case = DecodeCase::parse(data);
    match case.ty % 2 {
        0 => run::sized_field::<policies::Cmd>(&case),
        _ => run::sized_field::<policies::Bind>(&case),
    }
});
