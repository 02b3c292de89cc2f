//! Runtime cost of the uabi decoders and walkers against the plain copies they replace.
//!
//! Two baselines for every decoder and encoder:
//! * `plain_copy`: `copy_from_slice` of the same 32 bytes between two Rust buffers, the floor;
//! * `user_mem_read` / `user_mem_write`: the same bytes through the same [`UserMemory`]
//!   ([`SimMemory`]: a bounds check, then the copy), the `copy_from_user`/`copy_to_user` a
//!   kernel makes whether or not it uses uabi. This is the honest baseline for a decoder.
//!
//! Groups (criterion ids `group/function`):
//! * `dma_map_32B`: a `vfio_iommu_type1_dma_map`-shaped struct, one version (`minsz` is the
//!   whole struct): `decode_argsz` makes one read, then the argsz and flags checks.
//!   `handwritten_prologue` is Linux's MAP_DMA prologue by hand (the same read and checks);
//!   `decode_sized_32` is `copy_struct_from_user` with an exact size.
//! * `region_info_32B`: a `vfio_region_info`-shaped struct described with two versions
//!   (`minsz` 16), so `decode_argsz` must read twice (16 bytes, argsz check, the other 16):
//!   `user_mem_read_2` is those two reads alone; `handwritten_prologue` is the C prologue
//!   translated literally (its second copy has a variable length); `decode_sized_40` is
//!   `copy_struct_from_user` with a 40-byte caller struct whose tail is zero (a tail check,
//!   then one read), `user_mem_read_tail` the copies of the same 40 bytes alone.
//! * `region_info_32B_out`: writing it back: `encode_argsz` (VFIO) and `encode_to_user`
//!   (`copy_struct_to_user`, exact size).
//! * `cap_chain`: finding a capability behind 4 (and 32) unknown ones: QEMU-style unchecked
//!   walk vs `CapChain::for_info(..).find()` (flag and cap_offset read, bounds,
//!   forward-progress and version checks).
//!
//! Every measured function is inlined into its loop the same way (`#[inline]` library code).
//! `bench/run.sh` prints the ratios.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use uabi::{decode_argsz, decode_sized, encode_argsz, encode_to_user, CapChain, SimMemory, UserMemory};
use uabi_bench::{
    handwritten_dma_map, handwritten_region_info, sample_chain, sample_dma_map, sample_region_info, unchecked_find,
    DmaMap, RegionInfo, RegionTypeCap,
};
use zerocopy::{FromZeros, IntoBytes};

const BASE: u64 = 0x7f00_0000_0000;

fn decode(c: &mut Criterion) {
    // One read: minsz is the whole struct.
    let map = sample_dma_map();
    let mut user = [0u64; 8];
    user.as_mut_bytes()[..32].copy_from_slice(map.as_bytes());
    let mem = SimMemory::new(BASE, user.as_mut_bytes());
    let src = *map.as_bytes().first_chunk::<32>().unwrap();

    let mut g = c.benchmark_group("dma_map_32B");
    g.bench_function("plain_copy", |b| {
        b.iter(|| {
            let mut v = DmaMap::new_zeroed();
            v.as_mut_bytes().copy_from_slice(black_box(&src[..]));
            black_box(&v);
        })
    });
    g.bench_function("user_mem_read", |b| {
        b.iter(|| {
            let mut v = DmaMap::new_zeroed();
            black_box(&mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            black_box(&v);
        })
    });
    g.bench_function("handwritten_prologue", |b| {
        b.iter(|| {
            let d = handwritten_dma_map(black_box(&mem), black_box(BASE)).unwrap();
            black_box(&d);
        })
    });
    g.bench_function("decode_argsz", |b| {
        b.iter(|| {
            let d = decode_argsz::<DmaMap, _>(black_box(&mem), black_box(BASE)).unwrap();
            black_box(&d);
        })
    });
    g.bench_function("decode_sized_32", |b| {
        b.iter(|| {
            let d = decode_sized::<DmaMap, _>(black_box(&mem), black_box(BASE), black_box(32)).unwrap();
            black_box(&d);
        })
    });
    g.finish();

    // Two reads: minsz 16 of 32.
    let info = sample_region_info();
    let mut user = [0u64; 8];
    user.as_mut_bytes()[..32].copy_from_slice(info.as_bytes());
    let mem = SimMemory::new(BASE, user.as_mut_bytes());
    let src = *info.as_bytes().first_chunk::<32>().unwrap();

    let mut g = c.benchmark_group("region_info_32B");
    g.bench_function("plain_copy", |b| {
        b.iter(|| {
            let mut v = RegionInfo::new_zeroed();
            v.as_mut_bytes().copy_from_slice(black_box(&src[..]));
            black_box(&v);
        })
    });
    g.bench_function("user_mem_read", |b| {
        b.iter(|| {
            let mut v = RegionInfo::new_zeroed();
            black_box(&mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            black_box(&v);
        })
    });
    g.bench_function("user_mem_read_2", |b| {
        b.iter(|| {
            let mut v = RegionInfo::new_zeroed();
            let (head, tail) = v.as_mut_bytes().split_at_mut(16);
            black_box(&mem).read(black_box(BASE), head).unwrap();
            black_box(&mem).read(black_box(BASE + 16), tail).unwrap();
            black_box(&v);
        })
    });
    g.bench_function("user_mem_read_tail", |b| {
        b.iter(|| {
            // The bytes decode_sized_40 touches: the 8-byte tail, then the struct.
            let mut tail = [0u8; 8];
            black_box(&mem).read(black_box(BASE + 32), &mut tail).unwrap();
            black_box(&tail);
            let mut v = RegionInfo::new_zeroed();
            black_box(&mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            black_box(&v);
        })
    });
    g.bench_function("handwritten_prologue", |b| {
        b.iter(|| {
            let d = handwritten_region_info(black_box(&mem), black_box(BASE)).unwrap();
            black_box(&d);
        })
    });
    g.bench_function("decode_argsz", |b| {
        b.iter(|| {
            let d = decode_argsz::<RegionInfo, _>(black_box(&mem), black_box(BASE)).unwrap();
            black_box(&d);
        })
    });
    g.bench_function("decode_sized_40", |b| {
        b.iter(|| {
            let d = decode_sized::<RegionInfo, _>(black_box(&mem), black_box(BASE), black_box(40)).unwrap();
            black_box(&d);
        })
    });
    g.finish();

    let mut out = [0u64; 8];
    let mut omem = SimMemory::new(BASE, out.as_mut_bytes());
    let mut dst = [0u64; 4];
    let mut g = c.benchmark_group("region_info_32B_out");
    g.bench_function("plain_copy", |b| {
        b.iter(|| {
            black_box(dst.as_mut_bytes()).copy_from_slice(black_box(&info).as_bytes());
        })
    });
    g.bench_function("user_mem_write", |b| {
        b.iter(|| black_box(&mut omem).write(black_box(BASE), black_box(&info).as_bytes()).unwrap())
    });
    g.bench_function("encode_argsz", |b| {
        b.iter(|| {
            let n = encode_argsz(black_box(&mut omem), black_box(BASE), black_box(32), black_box(&info)).unwrap();
            black_box(&n);
        })
    });
    g.bench_function("encode_to_user", |b| {
        b.iter(|| {
            let e = encode_to_user(black_box(&mut omem), black_box(BASE), black_box(32), black_box(&info)).unwrap();
            black_box(&e);
        })
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
            b.iter(|| black_box(unchecked_find(black_box(buf))))
        });
        g.bench_function(format!("checked_walk_{n}"), |b| {
            b.iter(|| black_box(CapChain::for_info::<RegionInfo>(black_box(buf)).find::<RegionTypeCap>().unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, decode, cap_chain);

criterion_main!(benches);
