//! Write-back helpers: copy_struct_to_user, VFIO's argsz truncation, the INFO capability
//! chain negotiation and the ENOSPC-with-count reply.

mod common;

use common::*;
use uabi::{
    decode_argsz, encode_argsz, encode_counted, encode_info, encode_to_user, Encoded, Errno, Error,
    InfoCaps, InfoReply, SimMemory, UserMemory,
};
use zerocopy::{FromBytes, IntoBytes};

fn full() -> ExtV3 {
    ExtV3 { argsz: 32, flags: F_A, a: 1, b: 2, c: 3, d: 4, reserved: 0 }
}

// ----- copy_struct_to_user -----------------------------------------------------------------

#[test]
fn to_user_longer_caller_gets_its_tail_cleared() {
    let mut buf = [0xeeu8; 64];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let r = encode_to_user(&mut mem, BASE, 48, &full()).unwrap();
    assert_eq!(r, Encoded { written: 32, ignored_trailing: false });
    assert_eq!(&mem.bytes()[..32], full().as_bytes());
    assert!(mem.bytes()[32..48].iter().all(|&b| b == 0));
    assert!(mem.bytes()[48..].iter().all(|&b| b == 0xee), "past usize is untouched");
}

#[test]
fn to_user_shorter_caller_reports_dropped_non_zero_bytes() {
    let mut buf = [0xeeu8; 32];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let r = encode_to_user(&mut mem, BASE, 16, &full()).unwrap();
    assert_eq!(r, Encoded { written: 16, ignored_trailing: true });
    assert_eq!(&mem.bytes()[..16], &full().as_bytes()[..16]);
    assert!(mem.bytes()[16..].iter().all(|&b| b == 0xee));
    // Nothing lost when the newer fields are zero.
    let v1_only = ExtV3 { c: 0, d: 0, ..full() };
    let r = encode_to_user(&mut mem, BASE, 16, &v1_only).unwrap();
    assert_eq!(r, Encoded { written: 16, ignored_trailing: false });
    // Exactly the known size.
    let r = encode_to_user(&mut mem, BASE, 32, &full()).unwrap();
    assert_eq!(r, Encoded { written: 32, ignored_trailing: false });
}

#[test]
fn to_user_faults() {
    let mut buf = [0u8; 40];
    let mut mem = SimMemory::new(BASE, &mut buf);
    // The tail to clear runs off the mapping.
    let err = encode_to_user(&mut mem, BASE, 64, &full()).unwrap_err();
    assert_eq!((err, err.errno()), (Error::Fault { addr: BASE + 40 }, Errno::Fault));
    // The struct itself straddles the end.
    assert_eq!(encode_to_user(&mut mem, BASE + 20, 32, &full()), Err(Error::Fault { addr: BASE + 40 }));
}

// ----- VFIO write-back ---------------------------------------------------------------------

#[test]
fn argsz_write_back_is_truncated_to_argsz() {
    let mut buf = [0xeeu8; 64];
    let mut mem = SimMemory::new(BASE, &mut buf);
    assert_eq!(encode_argsz(&mut mem, BASE, 16, &full()), Ok(16));
    assert_eq!(&mem.bytes()[..16], &full().as_bytes()[..16]);
    assert!(mem.bytes()[16..].iter().all(|&b| b == 0xee));
    // A larger argsz gets the known size; the caller's extra bytes stay as they were.
    assert_eq!(encode_argsz(&mut mem, BASE, 64, &full()), Ok(32));
    assert!(mem.bytes()[32..].iter().all(|&b| b == 0xee));
    // Only argsz bytes need to be mapped.
    let mut small = [0u8; 16];
    let mut mem = SimMemory::new(BASE, &mut small);
    assert_eq!(encode_argsz(&mut mem, BASE, 16, &full()), Ok(16));
    assert_eq!(encode_argsz(&mut mem, BASE, 20, &full()), Err(Error::Fault { addr: BASE + 16 }));
}

// ----- INFO with a capability chain --------------------------------------------------------

/// A chain of two capabilities laid out to follow a 32-byte struct, offsets from its start.
fn chain() -> Vec<u8> {
    let first = TestCap { id: 1, version: 1, next: 32 + 16, value: 0x1111, pad: 0 };
    let second = TestCap { id: 2, version: 1, next: 0, value: 0x2222, pad: 0 };
    [first.as_bytes(), second.as_bytes()].concat()
}

fn region() -> RegionInfo {
    RegionInfo { argsz: 0, flags: VFIO_REGION_INFO_FLAG_READ, index: 7, cap_offset: 0, size: 4096, offset: 1 << 40 }
}

fn caps(chain: &[u8]) -> InfoCaps<'_> {
    InfoCaps { flag: VFIO_REGION_INFO_FLAG_CAPS as u64, cap_offset: REGION_CAP_OFFSET, chain }
}

#[test]
fn info_without_caps_is_a_plain_write_back() {
    let mut buf = [0u8; 64];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let info = RegionInfo { argsz: 64, ..region() };
    assert_eq!(encode_info(&mut mem, BASE, 64, &info, caps(&[])), Ok(InfoReply::Complete { len: 32 }));
    assert_eq!(&mem.bytes()[..32], info.as_bytes());
}

#[test]
fn info_with_room_writes_chain_after_struct() {
    let chain = chain();
    let mut buf = [0xeeu8; 96];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let info = RegionInfo { argsz: 96, ..region() };
    assert_eq!(encode_info(&mut mem, BASE, 96, &info, caps(&chain)), Ok(InfoReply::Complete { len: 64 }));
    let got = RegionInfo::read_from_bytes(&mem.bytes()[..32]).unwrap();
    assert_eq!(got.flags, VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_CAPS);
    assert_eq!(got.cap_offset, 32);
    assert_eq!(got.argsz, 96, "argsz is left as the caller passed it");
    assert_eq!(&mem.bytes()[32..64], &chain[..]);
    assert!(mem.bytes()[64..].iter().all(|&b| b == 0xee));
}

#[test]
fn info_too_small_for_chain_reports_needed_size() {
    let chain = chain();
    let mut buf = [0xeeu8; 40];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let info = RegionInfo { argsz: 40, cap_offset: 99, ..region() };
    assert_eq!(encode_info(&mut mem, BASE, 40, &info, caps(&chain)), Ok(InfoReply::NeedMore { needed: 64 }));
    let got = RegionInfo::read_from_bytes(&mem.bytes()[..32]).unwrap();
    assert_eq!(got.argsz, 64);
    assert_eq!(got.cap_offset, 0);
    assert_eq!(got.flags, VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_CAPS);
    assert_eq!((got.index, got.size, got.offset), (7, 4096, 1 << 40));
    assert!(mem.bytes()[32..].iter().all(|&b| b == 0xee), "no part of the chain is written");
}

#[test]
fn info_two_call_negotiation() {
    // What a VMM does: ask with sizeof(info), learn the size, ask again, walk the chain.
    let chain = chain();
    let mut buf = [0u8; 128];
    let mut mem = SimMemory::new(BASE, &mut buf);
    mem.write(BASE, RegionInfo { argsz: 32, ..Default::default() }.as_bytes()).unwrap();

    let driver = |mem: &mut SimMemory<'_>| {
        let req = decode_argsz::<RegionInfo, _>(mem, BASE).unwrap();
        encode_info(mem, BASE, req.size, &region(), caps(&chain)).unwrap()
    };
    let InfoReply::NeedMore { needed } = driver(&mut mem) else { panic!("expected NeedMore") };
    let first = RegionInfo::read_from_bytes(&mem.bytes()[..32]).unwrap();
    assert_eq!(first.argsz as usize, needed);

    mem.write(BASE, RegionInfo { argsz: needed as u32, ..Default::default() }.as_bytes()).unwrap();
    assert_eq!(driver(&mut mem), InfoReply::Complete { len: needed });
    let info = RegionInfo::read_from_bytes(&mem.bytes()[..32]).unwrap();
    let mut ids = vec![];
    let mut off = info.cap_offset as usize;
    while off != 0 {
        let cap = TestCap::read_from_bytes(&mem.bytes()[off..off + 16]).unwrap();
        ids.push((cap.id, cap.value));
        off = cap.next as usize;
    }
    assert_eq!(ids, [(1, 0x1111), (2, 0x2222)]);
}

#[test]
fn info_old_caller_gets_only_its_fields() {
    // vfio_device_info v1 (16 bytes) knows neither cap_offset nor the caps flag's meaning;
    // it still receives its fields, and argsz tells it more exists.
    let chain = [0u8; 16];
    let mut buf = [0xeeu8; 24];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let info = DeviceInfo { argsz: 16, flags: VFIO_DEVICE_FLAGS_PCI, num_regions: 9, num_irqs: 5, ..Default::default() };
    let caps = InfoCaps { flag: VFIO_DEVICE_FLAGS_CAPS as u64, cap_offset: DEVICE_CAP_OFFSET, chain: &chain };
    assert_eq!(encode_info(&mut mem, BASE, 16, &info, caps), Ok(InfoReply::NeedMore { needed: 40 }));
    let got = ExtV1::read_from_bytes(&mem.bytes()[..16]).unwrap();
    assert_eq!((got.argsz, got.flags), (40, VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_CAPS));
    assert!(mem.bytes()[16..].iter().all(|&b| b == 0xee));
}

#[test]
fn info_faults() {
    let chain = chain();
    // Room claimed by argsz, but the chain's place is not mapped.
    let mut buf = [0u8; 40];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let err = encode_info(&mut mem, BASE, 64, &region(), caps(&chain)).unwrap_err();
    assert_eq!((err, err.errno()), (Error::Fault { addr: BASE + 40 }, Errno::Fault));
    // The struct itself not writable.
    let mut buf = [0u8; 8];
    let mut mem = SimMemory::new(BASE, &mut buf);
    assert_eq!(encode_info(&mut mem, BASE, 32, &region(), caps(&chain)), Err(Error::Fault { addr: BASE + 8 }));
}

// ----- ENOSPC with the count ---------------------------------------------------------------

fn devices(n: usize) -> Vec<Dependent> {
    (0..n).map(|i| Dependent { group_id: i as u32 + 10, segment: 0, bus: 1, devfn: i as u8 }).collect()
}

#[test]
fn counted_reply_fits() {
    let devs = devices(3);
    let mut buf = [0xeeu8; 64];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let hdr = HotResetInfo { argsz: 36, ..Default::default() };
    assert_eq!(encode_counted(&mut mem, BASE, 36, &hdr, &devs), Ok(36));
    let got = HotResetInfo::read_from_bytes(&mem.bytes()[..12]).unwrap();
    assert_eq!((got.argsz, got.count), (36, 3));
    assert_eq!(&mem.bytes()[12..36], devs.as_bytes());
    assert!(mem.bytes()[36..].iter().all(|&b| b == 0xee));
}

#[test]
fn counted_reply_too_small_is_enospc_with_count() {
    let devs = devices(3);
    let mut buf = [0xeeu8; 64];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let hdr = HotResetInfo { argsz: 12, ..Default::default() };
    let err = encode_counted(&mut mem, BASE, 12, &hdr, &devs).unwrap_err();
    assert_eq!((err, err.errno()), (Error::NoSpace { needed: 36 }, Errno::NoSpc));
    let got = HotResetInfo::read_from_bytes(&mem.bytes()[..12]).unwrap();
    assert_eq!((got.argsz, got.count), (12, 3), "count written back, argsz unchanged");
    assert!(mem.bytes()[12..].iter().all(|&b| b == 0xee), "no element written");
    // One byte short is still ENOSPC.
    assert_eq!(encode_counted(&mut mem, BASE, 35, &hdr, &devs), Err(Error::NoSpace { needed: 36 }));
    // Zero elements always fit.
    assert_eq!(encode_counted(&mut mem, BASE, 12, &hdr, &[]), Ok(12));
}

#[test]
fn counted_reply_faults() {
    let devs = devices(3);
    // The header of an ENOSPC reply cannot be written: EFAULT wins, as in Linux.
    let mut buf = [0u8; 4];
    let mut mem = SimMemory::new(BASE, &mut buf);
    assert_eq!(encode_counted(&mut mem, BASE, 12, &HotResetInfo::default(), &devs), Err(Error::Fault { addr: BASE + 4 }));
    // The elements run off the mapping.
    let mut buf = [0u8; 20];
    let mut mem = SimMemory::new(BASE, &mut buf);
    assert_eq!(encode_counted(&mut mem, BASE, 36, &HotResetInfo::default(), &devs), Err(Error::Fault { addr: BASE + 20 }));
}

#[test]
fn counted_reply_count_must_fit_its_field() {
    let items = vec![0u32; 256];
    let mut buf = vec![0u8; 4 + 4 * 256];
    let mut mem = SimMemory::new(BASE, &mut buf);
    let err = encode_counted(&mut mem, BASE, 4 + 4 * 256, &TinyList::default(), &items).unwrap_err();
    assert_eq!(err, Error::InvalidValue { value: 256 });
}
