//! Flexible-array sizing and building over any count, size and contents: `flex_size` and
//! `flex_len` equal exact (u128) arithmetic and never panic on overflow; counts are bounded by
//! bytes; `write_flex`, `write_flex_argsz`, `encode_counted` and `FlexBuf` lay out exactly the
//! header, the count and the elements, or fail leaving the buffer as it was.
#![no_main]
use core::mem::size_of;

use libfuzzer_sys::fuzz_target;
use uabi::{Errno, Extensible, FlexArray, FlexBuf, SimMemory};
use uabi_fuzz::policies::ShortCount as Short;
use uabi_linux::{kvm, vfio};
use zerocopy::{FromBytes, IntoBytes};

/// Parsed by hand (`uabi_fuzz::Fields`) so that `bytes` is all the rest of the input.
#[derive(Debug)]
struct Case<'a> {
    ty: u8,
    count: u64,
    /// A count near the top of `usize`, where the products overflow.
    high: bool,
    argsz: u64,
    bufsize: u16,
    fault: u16,
    nelems: u8,
    fill: u8,
    bytes: &'a [u8],
}

/// The exact size of a header and `count` elements, if it fits `usize`.
fn exact<T: FlexArray>(count: usize) -> Option<usize> {
    let n = T::FLEX_OFFSET as u128 + count as u128 * size_of::<T::Elem>() as u128;
    usize::try_from(n).ok()
}

/// A value of `U` from the input's bytes (zero-extended).
fn take<U: FromBytes>(bytes: &[u8], at: usize) -> U {
    let mut raw = vec![0u8; size_of::<U>()];
    let src = bytes.get(at..).unwrap_or(&[]);
    let n = src.len().min(raw.len());
    raw[..n].copy_from_slice(&src[..n]);
    U::read_from_bytes(&raw).expect("sized")
}

fn count_fits<T: FlexArray>(n: usize) -> bool {
    T::COUNT.is_none_or(|c| c.size >= 8 || (n as u64) >> (8 * c.size) == 0)
}

/// The header with its count field set to `n`, as bytes.
fn with_count<T: FlexArray>(header: &T, n: usize) -> Vec<u8> {
    let mut h = header.as_bytes().to_vec();
    if let Some(c) = T::COUNT {
        h[c.offset..c.offset + c.size].copy_from_slice(&(n as u64).to_ne_bytes()[..c.size]);
    }
    h
}

fn sizing<T: FlexArray>(case: &Case<'_>) {
    let count = if case.high {
        usize::MAX - (case.count as usize % 4096)
    } else {
        case.count as usize
    };
    match (uabi::flex_size::<T>(count), exact::<T>(count)) {
        (Ok(n), Some(m)) => assert_eq!(n, m),
        (Err(e), None) => assert_eq!(e.errno(), Errno::Inval),
        (got, want) => panic!("flex_size({count}) = {got:?}, exact {want:?}"),
    }
    let argsz = case.argsz as usize;
    match (uabi::flex_len::<T>(argsz, count), exact::<T>(count)) {
        (Ok(bytes), Some(total)) => {
            assert!(total <= argsz, "flex_len accepted a count past argsz");
            assert_eq!(bytes, total - T::FLEX_OFFSET);
            // Counts are bounded by bytes.
            assert!(count <= argsz / size_of::<T::Elem>());
        }
        (Err(e), total) => {
            assert_eq!(e.errno(), Errno::Inval);
            assert!(
                total.is_none_or(|t| t > argsz),
                "flex_len refused {count} elements in {argsz} bytes"
            );
        }
        (Ok(_), None) => panic!("flex_len accepted an overflowing count"),
    }
}

fn building<T: FlexArray + core::fmt::Debug>(
    case: &Case<'_>,
) -> Option<(T, Vec<T::Elem>, Vec<u8>)> {
    let header: T = take(case.bytes, 0);
    let elems: Vec<T::Elem> = (0..case.nelems as usize)
        .map(|i| take(case.bytes, 3 + i * 5))
        .collect();
    let n = elems.len();
    let total = exact::<T>(n).expect("small");
    let mut want = with_count(&header, n);
    want.extend_from_slice(elems.as_bytes());

    let size = case.bufsize as usize % 4096;
    let mut buf = vec![case.fill; size];
    match uabi::write_flex(&mut buf, &header, &elems) {
        Ok(len) => {
            assert_eq!(len, total);
            assert!(count_fits::<T>(n));
            assert_eq!(buf[..len], want[..]);
            assert!(
                buf[len..].iter().all(|&b| b == case.fill),
                "written past the array"
            );
        }
        Err(e) => {
            assert!(
                total > size || !count_fits::<T>(n),
                "write_flex refused: {e:?}"
            );
            assert!(
                buf.iter().all(|&b| b == case.fill),
                "a failed write_flex changed the buffer"
            );
        }
    }

    // FlexBuf allocates: small sizes, and sizes no allocator can give (which must fail, not
    // panic or abort).
    let huge = usize::MAX / size_of::<T::Elem>() - (case.count as usize % 64);
    if let Ok(b) = FlexBuf::<T>::new(huge) {
        panic!("a FlexBuf of {} bytes", b.len());
    }
    match FlexBuf::from_parts(&header, &elems) {
        Ok(b) => {
            assert!(count_fits::<T>(n));
            assert_eq!(b.as_bytes(), &want[..]);
            assert_eq!(
                (b.len(), b.count(), b.elems().as_bytes()),
                (total, n, elems.as_bytes())
            );
        }
        Err(_) => assert!(!count_fits::<T>(n)),
    }
    Some((header, elems, want))
}

/// `write_flex_argsz`: the argsz field holds the total size.
fn building_argsz<T: FlexArray + Extensible + core::fmt::Debug>(case: &Case<'_>) {
    let Some((header, elems, mut want)) = building::<T>(case) else {
        return;
    };
    let span = T::ARGSZ.expect("argsz");
    let total = want.len();
    want[span.offset..span.end()].copy_from_slice(&(total as u64).to_ne_bytes()[..span.size]);
    let size = case.bufsize as usize % 4096;
    let mut buf = vec![case.fill; size];
    match uabi::write_flex_argsz(&mut buf, &header, &elems) {
        Ok(len) => assert_eq!(buf[..len], want[..]),
        Err(_) => {
            assert!(total > size || !count_fits::<T>(elems.len()));
            assert!(buf.iter().all(|&b| b == case.fill));
        }
    }
}

/// `encode_counted`: the header (count set) truncated to argsz, then ENOSPC when the array
/// does not fit, else the elements; EFAULT where the mapping (of `fault` bytes) ends first.
fn counted<T: FlexArray + core::fmt::Debug>(case: &Case<'_>) {
    let Some((header, elems, want)) = building::<T>(case) else {
        return;
    };
    let argsz = case.argsz as usize % 8192;
    let len = case.fault as usize % 8192;
    let mut mem = vec![case.fill; len];
    let r = {
        let mut sim = SimMemory::new(0x40_0000, &mut mem);
        uabi::encode_counted(&mut sim, 0x40_0000, argsz, &header, &elems)
    };
    let head = argsz.min(T::FLEX_OFFSET);
    let total = want.len();
    let expect: Result<usize, Errno> = if !count_fits::<T>(elems.len()) {
        Err(Errno::Inval)
    } else if head > len {
        Err(Errno::Fault)
    } else if argsz < total {
        Err(Errno::NoSpc)
    } else if total > len && total > T::FLEX_OFFSET {
        Err(Errno::Fault)
    } else {
        Ok(total)
    };
    assert_eq!(r.map_err(|e| e.errno()), expect);
    let mut after = vec![case.fill; len];
    if expect != Err(Errno::Inval) && head <= len {
        after[..head].copy_from_slice(&want[..head]);
        if expect == Ok(total) {
            after[..total].copy_from_slice(&want);
        }
    }
    assert_eq!(mem, after);
}

fn parse(data: &[u8]) -> Case<'_> {
    let mut f = uabi_fuzz::Fields(data);
    Case {
        ty: f.u8(),
        count: f.u64(),
        high: f.u8() & 1 == 1,
        argsz: f.u64(),
        bufsize: f.u16(),
        fault: f.u16(),
        nelems: f.u8(),
        fill: f.u8(),
        bytes: f.rest(),
    }
}

fuzz_target!(|data: &[u8]| {
    let case = parse(data);
    run(&case)
});

fn run(case: &Case<'_>) {
    match case.ty % 6 {
        0 => {
            sizing::<vfio::VfioPciHotResetInfo>(case);
            building_argsz::<vfio::VfioPciHotResetInfo>(case);
            counted::<vfio::VfioPciHotResetInfo>(case);
        }
        1 => {
            sizing::<vfio::VfioPciHotReset>(case);
            building_argsz::<vfio::VfioPciHotReset>(case);
        }
        2 => {
            sizing::<vfio::VfioIrqSet>(case);
            building_argsz::<vfio::VfioIrqSet>(case);
        }
        3 => {
            sizing::<kvm::KvmMsrList>(case);
            building::<kvm::KvmMsrList>(case);
            counted::<kvm::KvmMsrList>(case);
        }
        4 => {
            sizing::<vfio::VfioRegionInfoCapSparseMmap>(case);
            building::<vfio::VfioRegionInfoCapSparseMmap>(case);
        }
        _ => {
            sizing::<Short>(case);
            building_argsz::<Short>(case);
            counted::<Short>(case);
        }
    }
}
