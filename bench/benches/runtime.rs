//! Runtime cost of the uabi decoders and walkers against the plain copies they replace.
//!
//! Groups (criterion ids `group/function`):
//! * `region_info_32B`: reading a 32-byte VFIO INFO argument from (simulated) user memory:
//!   `copy_from_slice` of the 32 bytes (the floor), `SimMemory::read` (copy_from_user alone),
//!   the same prologue written by hand as a C driver does (`handwritten_prologue`),
//!   `decode_argsz` (the generic decoder: minsz copy, argsz check, rest copy, field checks) and
//!   `decode_sized` (copy_struct_from_user semantics with a 40-byte caller struct whose tail is
//!   zero).
//! * `region_info_32B_out`: writing it back: `copy_from_slice` vs `encode_argsz`.
//! * `cap_chain`: finding a capability behind 4 (and 32) unknown ones: QEMU-style unchecked
//!   walk vs `CapChain::for_info(..).find()` (flag and cap_offset read, bounds,
//!   forward-progress and version checks).
//!
//! `bench/run.sh` prints the ratios.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use uabi::{decode_argsz, decode_sized, encode_argsz, CapChain, SimMemory, UserMemory};
use uabi_bench::{sample_chain, sample_region_info, unchecked_find, RegionInfo, RegionTypeCap};
use uabi::abi_type::Capability;
use zerocopy::{FromZeros, IntoBytes};

const BASE: u64 = 0x7f00_0000_0000;

/// The prologue a VFIO driver writes by hand in C for this struct (`copy_from_user(minsz)`,
/// `argsz < minsz`, copy of the rest, unknown-flags test): what `decode_argsz` replaces.
#[inline(never)]
fn handwritten_vfio_prologue(mem: &SimMemory<'_>, addr: u64) -> Result<RegionInfo, uabi::Error> {
    const MINSZ: usize = 16;
    let mut v = RegionInfo::new_zeroed();
    mem.read(addr, &mut v.as_mut_bytes()[..MINSZ])?;
    if (v.argsz as usize) < MINSZ {
        return Err(uabi::Error::SizeTooSmall { size: v.argsz as usize, min: MINSZ });
    }
    let n = (v.argsz as usize).min(core::mem::size_of::<RegionInfo>());
    mem.read(addr + MINSZ as u64, &mut v.as_mut_bytes()[MINSZ..n])?;
    if v.flags & !0xf != 0 {
        return Err(uabi::Error::UnknownFlags { unknown: (v.flags & !0xf) as u64 });
    }
    Ok(v)
}

fn decode(c: &mut Criterion) {
    let info = sample_region_info();
    let mut user = [0u8; 64];
    user[..32].copy_from_slice(info.as_bytes());
    let mem = SimMemory::new(BASE, &mut user);
    let src = *info.as_bytes().first_chunk::<32>().unwrap();

    let mut g = c.benchmark_group("region_info_32B");
    g.bench_function("plain_copy", |b| {
        b.iter(|| {
            let mut v = RegionInfo::new_zeroed();
            v.as_mut_bytes().copy_from_slice(black_box(&src[..]));
            black_box(v)
        })
    });
    g.bench_function("user_mem_read", |b| {
        b.iter(|| {
            let mut v = RegionInfo::new_zeroed();
            black_box(&mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            black_box(v)
        })
    });
    g.bench_function("handwritten_prologue", |b| {
        b.iter(|| black_box(handwritten_vfio_prologue(black_box(&mem), black_box(BASE)).unwrap()))
    });
    g.bench_function("decode_argsz", |b| {
        b.iter(|| black_box(decode_argsz::<RegionInfo, _>(black_box(&mem), black_box(BASE)).unwrap()))
    });
    g.bench_function("decode_sized_40", |b| {
        b.iter(|| black_box(decode_sized::<RegionInfo, _>(black_box(&mem), black_box(BASE), black_box(40)).unwrap()))
    });
    g.finish();

    let mut out = [0u8; 64];
    let mut omem = SimMemory::new(BASE, &mut out);
    let mut dst = [0u8; 32];
    let mut g = c.benchmark_group("region_info_32B_out");
    g.bench_function("plain_copy", |b| {
        b.iter(|| {
            black_box(&mut dst[..]).copy_from_slice(black_box(&info).as_bytes());
        })
    });
    g.bench_function("encode_argsz", |b| {
        b.iter(|| black_box(encode_argsz(black_box(&mut omem), black_box(BASE), black_box(32), black_box(&info)).unwrap()))
    });
    g.finish();
}

fn cap_chain(c: &mut Criterion) {
    let mut g = c.benchmark_group("cap_chain");
    // 5 capabilities is a large real chain (a vfio-pci region with sparse mmap, type, msix
    // mappable...); 33 shows the cost per skipped capability.
    for unknown in [4, 32] {
        let (words, len) = sample_chain(unknown);
        let buf = &words.as_bytes()[..len];
        let n = unknown + 1;
        g.bench_function(format!("unchecked_walk_{n}"), |b| {
            b.iter(|| black_box(unchecked_find(black_box(buf), black_box(32), RegionTypeCap::ID)))
        });
        g.bench_function(format!("checked_walk_{n}"), |b| {
            b.iter(|| black_box(CapChain::for_info::<RegionInfo>(black_box(buf)).find::<RegionTypeCap>().unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, decode, cap_chain);

criterion_main!(benches);
