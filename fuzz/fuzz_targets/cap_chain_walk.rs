//! The capability-chain walker over any bytes, first offset and fixed-struct size: it never
//! panics, never loops, yields only capabilities that lie inside the buffer, matches a simple
//! reference walk, and its typed readers (`read`, `parse`, `read_flex`, `find`, `for_info`)
//! stay inside each capability's bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi::cap_chain::{CapChain, CAP_HEADER_SIZE};
use uabi::{Capability, Error, FlexArray, RawCap};
use uabi_linux::vfio;

/// `first`, `fixed`, `skew` (where the buffer starts in its allocation: capabilities
/// misaligned in memory), then the buffer: parsed by hand so the buffer is all the rest.
struct Case<'a> {
    first: u32,
    fixed: u16,
    skew: u8,
    bytes: &'a [u8],
}

/// The walk as the documentation states it: from `first`, each header inside the buffer, no
/// offset below the fixed struct or overlapping the previous header, `next == 0` ends it, and
/// the first bad link is the last item.
fn reference(buf: &[u8], first: u32, fixed: usize) -> Vec<Result<(usize, u16, u16, u32), Error>> {
    let mut out = Vec::new();
    let (mut next, mut min) = (first as usize, fixed);
    while next != 0 {
        if next < min {
            out.push(Err(Error::BadCapabilityChain { offset: next }));
            break;
        }
        if next + 8 > buf.len() {
            out.push(Err(Error::OutOfBounds {
                offset: next,
                len: 8,
                limit: buf.len(),
            }));
            break;
        }
        let h = &buf[next..next + 8];
        let id = u16::from_ne_bytes([h[0], h[1]]);
        let version = u16::from_ne_bytes([h[2], h[3]]);
        let link = u32::from_ne_bytes([h[4], h[5], h[6], h[7]]);
        out.push(Ok((next, id, version, link)));
        min = next + 8;
        next = link as usize;
    }
    out
}

/// `cap` as a byte range of `buf`.
fn range(buf: &[u8], bytes: &[u8]) -> core::ops::Range<usize> {
    let start = bytes.as_ptr() as usize - buf.as_ptr() as usize;
    assert!(
        start + bytes.len() <= buf.len(),
        "capability bytes outside the buffer"
    );
    start..start + bytes.len()
}

fn typed<C: Capability + core::fmt::Debug>(cap: &RawCap<'_>) {
    match cap.read::<C>() {
        Ok(Some(c)) => {
            assert!(cap.is::<C>());
            assert!(cap.bytes.len() >= core::mem::size_of::<C>());
            assert_eq!(
                zerocopy::IntoBytes::as_bytes(&c),
                &cap.bytes[..core::mem::size_of::<C>()]
            );
        }
        Ok(None) => assert!(!cap.is::<C>()),
        Err(_) => assert!(cap.bytes.len() < core::mem::size_of::<C>()),
    }
    if let Ok(Some(c)) = cap.parse::<C>() {
        let p = c as *const C as usize;
        assert_eq!(
            p,
            cap.bytes.as_ptr() as usize,
            "parse borrows the capability in place"
        );
    }
}

fn flex<C: Capability + FlexArray + core::fmt::Debug>(buf: &[u8], cap: &RawCap<'_>) {
    if let Ok(Some(f)) = cap.read_flex::<C>() {
        let elem = core::mem::size_of::<C::Elem>();
        // The count is bounded by the capability's bytes.
        assert_eq!(f.elem_bytes().len(), f.len() * elem);
        assert!(C::FLEX_OFFSET + f.elem_bytes().len() <= cap.bytes.len());
        let r = range(buf, f.elem_bytes());
        let c = range(buf, cap.bytes);
        assert!(r.start == c.start + C::FLEX_OFFSET && r.end <= c.end);
        assert_eq!(f.iter().count(), f.len());
        assert!(f.get(f.len()).is_none());
        if !f.is_empty() {
            assert!(f.get(f.len() - 1).is_some());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut f = uabi_fuzz::Fields(data);
    let (first, fixed, skew) = (f.u32(), f.u16(), f.u8());
    let case = Case {
        first,
        fixed,
        skew,
        bytes: f.rest(),
    };
    let skew = case.skew as usize % 8;
    let mut store = vec![0u8; case.bytes.len() + skew];
    store[skew..].copy_from_slice(case.bytes);
    let buf = &store[skew..];
    let fixed = case.fixed as usize;

    let mut got = Vec::new();
    let mut raws = Vec::new();
    let mut walker = CapChain::new(buf, case.first).with_fixed_size(fixed);
    // The documented bound on the number of steps, plus the error item: a walk that loops
    // breaks it.
    let bound = buf.len() / CAP_HEADER_SIZE + 1;
    for item in walker.by_ref() {
        assert!(got.len() < bound, "the walk does not end");
        raws.push(item);
        match item {
            Ok(cap) => {
                let r = range(buf, cap.bytes);
                assert_eq!(r.start, cap.offset);
                assert!(cap.offset >= fixed && cap.bytes.len() >= CAP_HEADER_SIZE);
                assert_eq!(cap.payload().len(), cap.bytes.len() - CAP_HEADER_SIZE);
                typed::<vfio::VfioIommuType1InfoDmaAvail>(&cap);
                typed::<vfio::VfioRegionInfoCapType>(&cap);
                typed::<vfio::VfioDeviceInfoCapPciAtomicComp>(&cap);
                flex::<vfio::VfioRegionInfoCapSparseMmap>(buf, &cap);
                flex::<vfio::VfioIommuType1InfoCapIovaRange>(buf, &cap);
                got.push(Ok((cap.offset, cap.id, cap.version, cap.next)));
            }
            Err(e) => got.push(Err(e)),
        }
    }
    assert!(walker.next().is_none(), "fused");
    assert_eq!(got, reference(buf, case.first, fixed));

    // `find` gives what `read` gives for the first capability that `is` one, or the walk's
    // error if that comes first.
    let want = raws
        .iter()
        .find_map(|r| match r {
            Ok(cap) if cap.is::<vfio::VfioRegionInfoCapType>() => {
                Some(cap.read::<vfio::VfioRegionInfoCapType>())
            }
            Ok(_) => None,
            Err(e) => Some(Err(*e)),
        })
        .unwrap_or(Ok(None));
    let found = CapChain::new(buf, case.first)
        .with_fixed_size(fixed)
        .find::<vfio::VfioRegionInfoCapType>();
    assert_eq!(found, want);

    // The walkers of INFO buffers read `cap_offset` (and the caps flag) from the bytes.
    for w in [
        CapChain::for_info::<vfio::VfioDeviceInfo>(buf),
        CapChain::for_info::<vfio::VfioRegionInfo>(buf),
        CapChain::for_info::<vfio::VfioIommuType1Info>(buf),
    ] {
        let n = w.take(bound + 1).count();
        assert!(n <= bound);
    }
});
