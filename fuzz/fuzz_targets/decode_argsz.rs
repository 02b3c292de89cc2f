//! `policy = argsz` (VFIO) over (size field, bytes, fault position): see `uabi_fuzz::run`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi_fuzz::{policies, run, DecodeCase};
use uabi_linux::vfio;

fuzz_target!(|data: &[u8]| {
    let case = DecodeCase::parse(data);
    match case.ty % 6 {
        0 => run::argsz::<policies::Info>(&case),
        1 => run::argsz::<policies::Single>(&case),
        // An output struct: flags are not checked.
        2 => run::argsz::<vfio::VfioDeviceInfo>(&case),
        // Gated fields (VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP's bitmap).
        3 => run::argsz::<vfio::VfioIommuType1DmaUnmap>(&case),
        4 => run::argsz::<vfio::VfioIrqSet>(&case),
        _ => run::argsz::<vfio::VfioRegionInfo>(&case),
    }
});
