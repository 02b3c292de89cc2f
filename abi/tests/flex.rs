//! Flexible array members: size arithmetic, the no-alloc writer and the owned buffer.

mod common;

use common::*;
use uabi::{decode_argsz, flex_len, flex_size, write_flex, write_flex_argsz, Errno, Error, SimMemory};
use zerocopy::{FromBytes, IntoBytes};

fn devices(n: usize) -> Vec<Dependent> {
    (0..n).map(|i| Dependent { group_id: 100 + i as u32, segment: 1, bus: 2, devfn: i as u8 }).collect()
}

#[test]
fn flex_size_adds_header_and_elements() {
    assert_eq!(flex_size::<HotResetInfo>(0), Ok(12));
    assert_eq!(flex_size::<HotResetInfo>(3), Ok(36));
    assert_eq!(flex_size::<Blob>(5), Ok(9));
    let err = flex_size::<HotResetInfo>(usize::MAX / 8 + 1).unwrap_err();
    assert_eq!(err.errno(), Errno::Inval);
    assert!(matches!(flex_size::<Blob>(usize::MAX), Err(Error::OutOfBounds { .. })));
}

#[test]
fn flex_len_checks_count_against_argsz() {
    assert_eq!(flex_len::<HotResetInfo>(36, 3), Ok(24));
    assert_eq!(flex_len::<HotResetInfo>(100, 3), Ok(24));
    assert_eq!(flex_len::<HotResetInfo>(12, 0), Ok(0));
    let err = flex_len::<HotResetInfo>(35, 3).unwrap_err();
    assert_eq!(err, Error::OutOfBounds { offset: 12, len: 24, limit: 35 });
    assert_eq!(err.errno(), Errno::Inval);
    // argsz smaller than the header itself.
    assert_eq!(flex_len::<HotResetInfo>(8, 0), Err(Error::OutOfBounds { offset: 12, len: 0, limit: 8 }));
}

#[test]
fn flex_len_refuses_overflowing_counts() {
    // A count that wraps count * 8 to a small number must not pass.
    let wrap = (usize::MAX / 8) + 2; // (wrap * 8) mod 2^N == 8
    assert_eq!(
        flex_len::<HotResetInfo>(usize::MAX, wrap),
        Err(Error::OutOfBounds { offset: 12, len: usize::MAX, limit: usize::MAX })
    );
    // No multiplication overflow, but header + bytes overflows.
    let near = usize::MAX - 3;
    assert_eq!(
        flex_len::<Blob>(usize::MAX, near),
        Err(Error::OutOfBounds { offset: 4, len: near, limit: usize::MAX })
    );
    // u32 counts as a 32-bit kernel would see them.
    assert!(flex_len::<HotResetInfo>(u32::MAX as usize, u32::MAX as usize).is_err());
}

#[test]
fn write_flex_fills_count_and_elements() {
    let devs = devices(2);
    let mut buf = [0xeeu8; 40];
    let hdr = HotResetInfo { argsz: 0, flags: 1, count: 77, devices: [] };
    assert_eq!(write_flex(&mut buf, &hdr, &devs), Ok(28));
    let got = HotResetInfo::read_from_bytes(&buf[..12]).unwrap();
    assert_eq!((got.argsz, got.flags, got.count), (0, 1, 2));
    assert_eq!(&buf[12..28], devs.as_bytes());
    assert!(buf[28..].iter().all(|&b| b == 0xee));
    // Without a count field the header is copied as is.
    let mut buf = [0u8; 8];
    assert_eq!(write_flex(&mut buf, &Blob { len: 3, data: [] }, b"abc"), Ok(7));
    assert_eq!(&buf[..7], &[3, 0, 0, 0, b'a', b'b', b'c'][..]);
}

#[test]
fn write_flex_argsz_sets_total_size() {
    let devs = devices(3);
    let mut buf = [0u8; 64];
    assert_eq!(write_flex_argsz(&mut buf, &HotResetInfo::default(), &devs), Ok(36));
    let got = HotResetInfo::read_from_bytes(&buf[..12]).unwrap();
    assert_eq!((got.argsz, got.count), (36, 3));
    // The result decodes as the kernel would see it.
    let mem = SimMemory::new(BASE, &mut buf);
    let hdr = decode_argsz::<HotResetInfo, _>(&mem, BASE).unwrap();
    assert_eq!(flex_len::<HotResetInfo>(hdr.size, hdr.value.count as usize), Ok(24));
}

#[test]
fn write_flex_errors_leave_buffer_unchanged() {
    let devs = devices(3);
    let mut buf = [0xeeu8; 35];
    let err = write_flex(&mut buf, &HotResetInfo::default(), &devs).unwrap_err();
    assert_eq!((err, err.errno()), (Error::NoSpace { needed: 36 }, Errno::NoSpc));
    assert!(buf.iter().all(|&b| b == 0xee));
    let items = vec![1u32; 256];
    let mut buf = vec![0xeeu8; 4 + 4 * 256];
    assert_eq!(write_flex(&mut buf, &TinyList::default(), &items), Err(Error::InvalidValue { value: 256 }));
    assert!(buf.iter().all(|&b| b == 0xee));
    assert_eq!(write_flex(&mut buf, &TinyList::default(), &items[..255]), Ok(4 + 4 * 255));
    assert_eq!(buf[0], 255);
}

#[cfg(feature = "std")]
mod owned {
    use super::*;
    use uabi::FlexBuf;

    #[test]
    fn new_is_zeroed_with_count() {
        let buf = FlexBuf::<HotResetInfo>::new(4).unwrap();
        assert_eq!((buf.len(), buf.count(), buf.header().count), (44, 4, 4));
        assert_eq!(buf.elems(), &[Dependent::default(); 4][..]);
        assert_eq!(buf.as_bytes().len(), 44);
        assert!(!buf.is_empty());
    }

    #[test]
    fn from_parts_with_argsz_matches_write_flex() {
        let devs = devices(3);
        let hdr = HotResetInfo { flags: 1, ..Default::default() };
        let mut owned = FlexBuf::from_parts(&hdr, &devs).unwrap().with_argsz().unwrap();
        let mut raw = [0u8; 36];
        write_flex_argsz(&mut raw, &hdr, &devs).unwrap();
        assert_eq!(owned.as_bytes(), &raw[..]);
        assert_eq!(owned.header().argsz, 36);
        assert_eq!(owned.elems(), &devs[..]);
        // Typed writes land in the bytes.
        owned.elems_mut()[1].group_id = 9;
        owned.header_mut().flags = 0;
        assert_eq!(u32::from_ne_bytes(owned.as_bytes()[20..24].try_into().unwrap()), 9);
        assert_eq!(owned.as_mut_bytes()[4], 0);
        assert!(!owned.as_mut_ptr().is_null());
        assert!(format!("{owned:?}").contains("group_id: 9"));
    }

    #[test]
    fn odd_sized_elements_and_no_count_field() {
        let mut blob = FlexBuf::<Blob>::from_parts(&Blob { len: 5, data: [] }, b"hello").unwrap();
        assert_eq!(blob.len(), 9);
        assert_eq!(blob.elems(), b"hello");
        blob.elems_mut()[0] = b'j';
        assert_eq!(&blob.as_bytes()[4..], b"jello");
    }

    #[test]
    fn errors() {
        assert!(matches!(FlexBuf::<HotResetInfo>::new(usize::MAX), Err(Error::OutOfBounds { .. })));
        assert_eq!(FlexBuf::<TinyList>::new(256).err(), Some(Error::InvalidValue { value: 256 }));
    }

    /// Regression (fuzz target `flex`): a count whose size fits `usize` but no allocation
    /// (above `isize::MAX` bytes) panicked with "capacity overflow" in `Vec::with_capacity`.
    #[test]
    fn unallocatable_count_is_an_error_not_a_panic() {
        for count in [usize::MAX - 36, usize::MAX / 2, isize::MAX as usize] {
            assert!(matches!(FlexBuf::<Blob>::new(count), Err(Error::OutOfBounds { .. })), "{count}");
        }
        assert!(matches!(FlexBuf::<HotResetInfo>::new(usize::MAX / 16 - 1), Err(Error::OutOfBounds { .. })));
    }
}
