//! The capability-chain builder: any capabilities into any buffer. What it builds walks back to
//! the same capabilities, aligned, zero-padded, with nothing written outside the chain; when
//! the buffer is too small it reports the size needed, which is the exact sum of the padded
//! capabilities.
#![no_main]
use libfuzzer_sys::fuzz_target;
use uabi::cap_chain::{CapChain, CapChainBuilder, CAP_ALIGN};

/// `start`, `size`, `fill`, then capabilities as (id, version, payload length: u8, payload).
struct Case<'a> {
    start: u16,
    size: u16,
    fill: u8,
    caps: Vec<(u16, u16, &'a [u8])>,
}

fn parse(data: &[u8]) -> Case<'_> {
    let mut f = uabi_fuzz::Fields(data);
    let (start, size, fill) = (f.u16(), f.u16(), f.u8());
    let mut caps = Vec::new();
    while !f.0.is_empty() {
        let (id, version, len) = (f.u16(), f.u16(), f.u8() as usize);
        let payload = &f.0[..len.min(f.0.len())];
        f.0 = &f.0[payload.len()..];
        caps.push((id, version, payload));
    }
    Case {
        start,
        size,
        fill,
        caps,
    }
}

fuzz_target!(|data: &[u8]| {
    let case = parse(data);
    let start = case.start as usize % 512;
    let size = case.size as usize % 2048;
    let mut buf = vec![case.fill; size];
    let mut b = CapChainBuilder::new(&mut buf, start);
    let mut want_needed = start.max(1).next_multiple_of(CAP_ALIGN);
    let mut offsets = Vec::new();
    for (id, version, payload) in &case.caps {
        let at = b.add_raw(*id, *version, payload);
        let end = want_needed + (8 + payload.len()).next_multiple_of(CAP_ALIGN);
        // Written exactly when it and every capability before it fit.
        assert_eq!(
            at.is_some(),
            end <= size && offsets.iter().all(Option::is_some)
        );
        if let Some(at) = at {
            assert_eq!(at, want_needed);
        }
        offsets.push(at);
        want_needed = end;
        assert_eq!(b.needed(), Some(want_needed));
    }
    let fits = b.fits();
    let chain = b.chain().map(<[u8]>::to_vec);
    let (first, needed) = b.finish();
    assert_eq!(needed, want_needed);
    assert_eq!(fits, case.caps.is_empty() || needed <= size);
    // Nothing before the fixed struct's end or past the chain is written.
    assert!(buf[..start.min(size)].iter().all(|&x| x == case.fill));
    if !fits {
        assert!(case.caps.is_empty() || first == 0);
        return;
    }
    assert!(buf[needed.min(size)..].iter().all(|&x| x == case.fill));
    if case.caps.is_empty() {
        assert_eq!(first, 0);
        return;
    }
    assert_eq!(chain.as_deref(), Some(&buf[first as usize..needed]));
    let walked: Vec<_> = CapChain::new(&buf[..needed], first)
        .with_fixed_size(start)
        .collect::<Result<_, _>>()
        .expect("a built chain walks");
    assert_eq!(walked.len(), case.caps.len());
    for ((cap, (id, version, payload)), at) in walked.iter().zip(&case.caps).zip(&offsets) {
        assert_eq!(
            (cap.id, cap.version, Some(cap.offset)),
            (*id, *version, *at)
        );
        assert_eq!(cap.offset % CAP_ALIGN, 0);
        assert_eq!(&cap.payload()[..payload.len()], *payload);
        assert!(
            cap.payload()[payload.len()..].iter().all(|&x| x == 0),
            "padding is zero"
        );
    }
});
