//! Property tests of version compatibility for a struct in three versions (common::ExtV1..3).
//!
//! Two kinds of input:
//! * well-formed callers: a caller built against version `j` fills the fields it knows, sets
//!   only the flags it knows, and passes `SIZES[j]` (sometimes with extra bytes); the
//!   properties are Linux's stated rules for each decoder version `k`;
//! * arbitrary bytes and sizes, compared against a byte-level reference model of
//!   `copy_struct_from_user` + field checks and of the VFIO prologue.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::sample::Index;
use uabi::{decode_argsz, decode_sized, Error, SimMemory, PAGE_SIZE};
use zerocopy::IntoBytes;

/// What decoder version `k` returns for the bytes at BASE, as the bytes of its own struct.
fn sized(k: usize, mem: &SimMemory<'_>, size: usize) -> Result<Vec<u8>, Error> {
    match k {
        0 => decode_sized::<ExtV1, _>(mem, BASE, size).map(|d| d.value.as_bytes().to_vec()),
        1 => decode_sized::<ExtV2, _>(mem, BASE, size).map(|d| d.value.as_bytes().to_vec()),
        _ => decode_sized::<ExtV3, _>(mem, BASE, size).map(|d| d.value.as_bytes().to_vec()),
    }
}

fn vfio(k: usize, mem: &SimMemory<'_>) -> Result<Vec<u8>, Error> {
    match k {
        0 => decode_argsz::<ExtV1, _>(mem, BASE).map(|d| d.value.as_bytes().to_vec()),
        1 => decode_argsz::<ExtV2, _>(mem, BASE).map(|d| d.value.as_bytes().to_vec()),
        _ => decode_argsz::<ExtV3, _>(mem, BASE).map(|d| d.value.as_bytes().to_vec()),
    }
}

/// `bytes[..n]` zero-extended to `len`.
fn prefix(bytes: &[u8], n: usize, len: usize) -> Vec<u8> {
    let mut v = bytes[..n.min(bytes.len())].to_vec();
    v.resize(len, 0);
    v
}

// ----- the reference model -----------------------------------------------------------------

/// The field checks every decoder makes after copying, for decoder version `k`.
fn model_fields(k: usize, decoded: Vec<u8>, size: usize) -> Result<Vec<u8>, Error> {
    let flags = u32::from_ne_bytes(decoded[4..8].try_into().unwrap());
    let unknown = flags & !KNOWN[k];
    if unknown != 0 {
        return Err(Error::UnknownFlags { unknown: unknown as u64 });
    }
    let gates = [(F_C, 24usize, 1usize), (F_D, 28, 2)];
    for (flag, end, since) in gates {
        if k >= since && flags & flag != 0 && end > size {
            return Err(Error::GatedFieldOutsideArgsz { flag: flag as u64, end, argsz: size });
        }
    }
    if k == 2 && decoded[28..32].iter().any(|&b| b != 0) {
        return Err(Error::ReservedNotZero { offset: 28 });
    }
    Ok(decoded)
}

/// openat2-style `copy_struct_from_user` for decoder `k`, over a mapping of exactly `size`
/// bytes.
fn model_sized(k: usize, user: &[u8], size: usize) -> Result<Vec<u8>, Error> {
    let ksize = SIZES[k];
    if size < 16 {
        return Err(Error::SizeTooSmall { size, min: 16 });
    }
    if size > PAGE_SIZE {
        return Err(Error::SizeTooLarge { size, max: PAGE_SIZE });
    }
    if size > ksize {
        if let Some(i) = user[ksize..size].iter().position(|&b| b != 0) {
            return Err(Error::UnknownTrailingBytes { offset: ksize + i });
        }
    }
    model_fields(k, prefix(user, size.min(ksize), ksize), size)
}

/// The VFIO prologue for decoder `k`, over a mapping of `user.len()` bytes.
fn model_vfio(k: usize, user: &[u8]) -> Result<Vec<u8>, Error> {
    let mapped = user.len();
    let fault = Error::Fault { addr: BASE + mapped as u64 };
    if mapped < 16 {
        return Err(fault);
    }
    let argsz = u32::from_ne_bytes(user[..4].try_into().unwrap()) as usize;
    if argsz < 16 {
        return Err(Error::SizeTooSmall { size: argsz, min: 16 });
    }
    let copy = argsz.min(SIZES[k]);
    if copy > mapped {
        return Err(fault);
    }
    model_fields(k, prefix(user, copy, SIZES[k]), argsz)
}

// ----- well-formed callers -----------------------------------------------------------------

/// A caller built against version `j`: its struct bytes (`SIZES[j]` long).
fn caller() -> impl Strategy<Value = (usize, Vec<u8>)> {
    let maybe = |s: BoxedStrategy<u64>| prop_oneof![Just(0u64), s];
    (
        0..3usize,
        any::<u32>(),
        any::<u32>(),
        maybe(any::<u64>().boxed()),
        maybe((1..=u32::MAX as u64).boxed()),
        any::<u32>(),
    )
        .prop_map(|(j, a, b, c, d, flag_bits)| {
            let v = ExtV3 {
                argsz: SIZES[j] as u32,
                flags: flag_bits & KNOWN[j],
                a,
                b,
                c: if j >= 1 { c } else { 0 },
                d: if j >= 2 { d as u32 } else { 0 },
                reserved: 0,
            };
            (j, v.as_bytes()[..SIZES[j]].to_vec())
        })
}

/// `cases` cases, without writing regression files next to the sources.
fn config(cases: u32) -> ProptestConfig {
    // Under Miri each case costs a thousand times more: a handful still runs every path.
    let cases = if cfg!(miri) { cases.min(4) } else { cases };
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn flags_of(user: &[u8]) -> u32 {
    u32::from_ne_bytes(user[4..8].try_into().unwrap())
}

proptest! {
    #![proptest_config(config(512))]

    /// Old caller, new kernel: zero-extended and accepted. New caller, old kernel: accepted
    /// iff the bytes the kernel does not know are zero (else E2BIG) and it set no flag the
    /// kernel does not know (else EINVAL).
    #[test]
    fn sized_policy_across_versions((j, user) in caller(), k in 0..3usize) {
        let mut buf = user.clone();
        let mem = SimMemory::new(BASE, &mut buf);
        let got = sized(k, &mem, SIZES[j]);
        if j <= k {
            prop_assert_eq!(got, Ok(prefix(&user, SIZES[j], SIZES[k])));
        } else {
            let tail = &user[SIZES[k]..];
            if let Some(i) = tail.iter().position(|&b| b != 0) {
                prop_assert_eq!(got, Err(Error::UnknownTrailingBytes { offset: SIZES[k] + i }));
            } else if flags_of(&user) & !KNOWN[k] != 0 {
                prop_assert_eq!(got.map_err(|e| e.errno()), Err(uabi::Errno::Inval));
            } else {
                prop_assert_eq!(got, Ok(user[..SIZES[k]].to_vec()));
            }
        }
    }

    /// A caller's size larger than its struct: a zero tail changes nothing, one non-zero byte
    /// anywhere in it is E2BIG for every decoder that does not know that byte.
    #[test]
    fn sized_policy_extra_tail((j, user) in caller(), k in 0..3usize, extra in 1..200usize,
                               poke in proptest::option::of((any::<Index>(), 1..=255u8))) {
        let mut buf = user.clone();
        buf.resize(SIZES[j] + extra, 0);
        let poked = poke.map(|(at, v)| {
            let at = SIZES[j] + at.index(extra);
            buf[at] = v;
            at
        });
        let size = buf.len();
        let expected = model_sized(k, &buf, size);
        let mem = SimMemory::new(BASE, &mut buf);
        let got = sized(k, &mem, size);
        prop_assert_eq!(&got, &expected);
        match poked {
            Some(at) if at >= SIZES[k] => {
                prop_assert_eq!(got.map_err(|e| e.errno()).err(), Some(uabi::Errno::TooBig));
            }
            None if j <= k => prop_assert_eq!(got, Ok(prefix(&user, SIZES[j], SIZES[k]))),
            _ => {}
        }
    }

    /// VFIO: any caller version is accepted by any decoder version unless it sets a flag the
    /// decoder does not know; fields beyond either side's size are zero / ignored.
    #[test]
    fn vfio_policy_across_versions((j, user) in caller(), k in 0..3usize, garbage in any::<u8>()) {
        let mut buf = user.clone();
        // Bytes after the caller's argsz are not the caller's: VFIO must not look at them.
        buf.resize(64, garbage);
        let mem = SimMemory::new(BASE, &mut buf);
        let got = vfio(k, &mem);
        if flags_of(&user) & !KNOWN[k] != 0 {
            prop_assert_eq!(got.map_err(|e| e.errno()), Err(uabi::Errno::Inval));
        } else {
            prop_assert_eq!(got, Ok(prefix(&user, SIZES[j], SIZES[k])));
        }
    }
}

// ----- arbitrary input against the model ---------------------------------------------------

fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![4 => Just(0u8), 1 => any::<u8>()]
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0..=48usize,
        2 => 48..=300usize,
        1 => Just(PAGE_SIZE - 1),
        1 => Just(PAGE_SIZE),
        1 => Just(PAGE_SIZE + 1),
        1 => (PAGE_SIZE - 8)..=(PAGE_SIZE + 64),
    ]
}

/// Arbitrary bytes of a given length: a random head, a flags field drawn mostly from small
/// values, and at most one non-zero byte in the rest.
fn arbitrary() -> impl Strategy<Value = Vec<u8>> {
    (
        size(),
        proptest::collection::vec(byte(), 32),
        prop_oneof![3 => 0..16u32, 1 => any::<u32>()],
        proptest::option::of((any::<Index>(), 1..=255u8)),
    )
        .prop_map(|(len, head, flags, poke)| {
            let mut b = vec![0u8; len];
            let n = len.min(32);
            b[..n].copy_from_slice(&head[..n]);
            let f = flags.to_ne_bytes();
            for (i, x) in f.iter().enumerate() {
                if 4 + i < len {
                    b[4 + i] = *x;
                }
            }
            if let (Some((at, v)), true) = (poke, len > 0) {
                b[at.index(len)] = v;
            }
            b
        })
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn sized_matches_model(user in arbitrary(), k in 0..3usize) {
        let size = user.len();
        let expected = model_sized(k, &user, size);
        let mut buf = user;
        let mem = SimMemory::new(BASE, &mut buf);
        prop_assert_eq!(sized(k, &mem, size), expected);
    }

    #[test]
    fn vfio_matches_model(user in arbitrary(), k in 0..3usize,
                          argsz in prop_oneof![Just(None), (0..80u32).prop_map(Some)]) {
        let mut buf = user;
        if let (Some(a), true) = (argsz, buf.len() >= 4) {
            buf[..4].copy_from_slice(&a.to_ne_bytes());
        } else if buf.len() >= 4 {
            let len = buf.len() as u32;
            buf[..4].copy_from_slice(&len.to_ne_bytes());
        }
        let expected = model_vfio(k, &buf);
        let mem = SimMemory::new(BASE, &mut buf);
        prop_assert_eq!(vfio(k, &mem), expected);
    }
}
