//! Property tests of the size policies over their whole input space: any size-field value, any
//! size argument, any bytes, any distance to the end of the mapping (the fault position).
//!
//! * every decoder, through `uabi::decode::<T>`'s dispatch on `T::POLICY`, returns an answer and
//!   never panics;
//! * `decode_perf` equals a byte-level reference model of Linux's `perf_copy_attr`, including
//!   the bytes left in the caller's size field (written back on every E2BIG, untouched
//!   otherwise);
//! * `decode_argsz_sized` reads a size field declared at an offset other than 0.

use proptest::prelude::*;
use uabi::{decode, Errno, Error, Extensible, SimMemory, SizePolicy};
use zerocopy::IntoBytes;

// The generated `IOCTLS` table is not used here.
#[allow(dead_code)]
#[path = "policies/mod.rs"]
mod shared;
use shared::policies;
use policies::*;

/// A 64-aligned base, so the decoders' 64-byte chunks never straddle the end of the mapping and
/// the reference model can work byte by byte.
const BASE: u64 = 0x10_0000;
const MAX: usize = 4096;

#[test]
fn policies_are_declared_and_defaulted() {
    assert_eq!(Attr::POLICY, SizePolicy::Perf);
    assert_eq!(Cmd::POLICY, SizePolicy::SizedField);
    assert_eq!(Info::POLICY, SizePolicy::Argsz);
    assert_eq!(How::POLICY, SizePolicy::Sized);
    assert_eq!(Cmd::ARGSZ, Some(uabi::FieldSpan { offset: 8, size: 4 }));
    assert_eq!(Cmd::default().len, 24);
    assert_eq!(Attr::default().size, 24);
    assert_eq!(uabi_linux::sched::CloneArgs::POLICY, SizePolicy::Sized);
}

/// `perf_copy_attr` over `mem` (mapped at BASE), the struct at `BASE + at`: the verdict (the
/// decoded bytes or the errno) and the mapped bytes afterwards.
fn perf_reference(mut mem: Vec<u8>, at: usize) -> (Result<Vec<u8>, Errno>, Vec<u8>) {
    let (ksize, minsz, field) = (24usize, 16usize, at + 4);
    let Some(raw) = mem.get(field..field + 4) else { return (Err(Errno::Fault), mem) };
    let mut size = u32::from_ne_bytes(raw.try_into().unwrap()) as usize;
    if size == 0 {
        size = minsz;
    }
    let too_big = |mem: &mut Vec<u8>| {
        mem[field..field + 4].copy_from_slice(&(ksize as u32).to_ne_bytes());
        Err(Errno::TooBig)
    };
    if size < minsz || size > MAX {
        let r = too_big(&mut mem);
        return (r, mem);
    }
    for i in at + ksize..at + size.max(ksize) {
        match mem.get(i) {
            None => return (Err(Errno::Fault), mem),
            Some(0) => {}
            Some(_) => {
                let r = too_big(&mut mem);
                return (r, mem);
            }
        }
    }
    let n = size.min(ksize);
    let Some(src) = mem.get(at..at + n) else { return (Err(Errno::Fault), mem) };
    let mut v = src.to_vec();
    v.resize(ksize, 0);
    v[4..8].copy_from_slice(&(size as u32).to_ne_bytes());
    (Ok(v), mem)
}

fn config(cases: u32) -> ProptestConfig {
    // Under Miri each case costs a thousand times more: a handful still runs every path.
    let cases = if cfg!(miri) { cases.min(4) } else { cases };
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Bytes of a mapping, mostly zero so that every branch is reached.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![6 => Just(0u8), 1 => any::<u8>()], 0..200)
}

proptest! {
    #![proptest_config(config(4096))]

    #[test]
    fn perf_equals_the_reference(
        mut mem in bytes(),
        at in 0usize..64,
        size in prop_oneof![2 => 0u32..40, 1 => 0u32..5000, 1 => any::<u32>()],
    ) {
        // The mapping ends at a multiple of 64, as a real one ends at a page: `find_nonzero`
        // reads aligned 64-byte chunks (as check_zeroed_user reads aligned words), so only then
        // is "the first non-zero byte before the fault" a byte-level question.
        mem.resize(mem.len().next_multiple_of(64), 0);
        // Put the chosen size into the field when it is mapped.
        if let Some(f) = mem.get_mut(at + 4..at + 8) {
            f.copy_from_slice(&size.to_ne_bytes());
        }
        let (want, want_mem) = perf_reference(mem.clone(), at);
        let mut got_mem = mem.clone();
        let got = {
            let mut sim = SimMemory::new(BASE, &mut got_mem);
            uabi::decode::decode_perf_max::<Attr, _>(&mut sim, BASE + at as u64, MAX)
        };
        let got = got.map(|d| d.value.as_bytes().to_vec()).map_err(|e| e.errno());
        prop_assert_eq!(got, want);
        prop_assert_eq!(got_mem, want_mem);
    }

    #[test]
    fn no_policy_panics(
        mut mem in bytes(),
        at in 0usize..256,
        field in any::<u32>(),
        size in prop_oneof![0usize..300, Just(usize::MAX), any::<usize>()],
        base in prop_oneof![Just(BASE), Just(u64::MAX - 300), any::<u64>()],
    ) {
        let base = base.min(u64::MAX - mem.len() as u64);
        for off in [0usize, 4, 8] {
            if let Some(f) = mem.get_mut(at + off..at + off + 4) {
                f.copy_from_slice(&field.to_ne_bytes());
            }
        }
        let addr = base.wrapping_add(at as u64);
        let mut sim = SimMemory::new(base, &mut mem);
        let _ = decode::<Attr, _>(&mut sim, addr, size);
        let _ = decode::<Cmd, _>(&mut sim, addr, size);
        let _ = decode::<Info, _>(&mut sim, addr, size);
        let _ = decode::<How, _>(&mut sim, addr, size);
        let _ = decode::<uabi_linux::perf_event::PerfEventAttr, _>(&mut sim, addr, size);
        let _ = decode::<uabi_linux::sched::CloneArgs, _>(&mut sim, addr, size);
    }

    #[test]
    fn sized_field_reads_its_size_at_offset_8(len in 0u32..64, dirty in proptest::option::of(24usize..64)) {
        let mut mem = vec![0u8; 64];
        mem[8..12].copy_from_slice(&len.to_ne_bytes());
        if let Some(i) = dirty {
            mem[i] = 1;
        }
        let r = {
            let sim = SimMemory::new(BASE, &mut mem);
            uabi::decode_argsz_sized::<Cmd, _>(&sim, BASE)
        };
        let len = len as usize;
        let want: Result<usize, Errno> = if len < 16 {
            Err(Errno::Inval)
        } else if dirty.is_some_and(|i| i < len) {
            Err(Errno::TooBig)
        } else {
            Ok(len)
        };
        prop_assert_eq!(r.map(|d| d.size).map_err(|e: Error| e.errno()), want);
    }
}
