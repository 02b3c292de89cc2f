//! Runs one benchmark case N times, for counting its instructions under valgrind:
//!
//!   valgrind --tool=cachegrind --cache-sim=no target/release/icount CASE N
//!
//! `bench/run.sh` runs every case and `empty` (the same loop, nothing measured) and prints
//! (Ir(CASE) - Ir(empty)) / N, instructions per operation, and their ratios: exact and
//! repeatable where criterion's nanoseconds move by 10 to 20 % on a shared machine.
//! `icount list` prints the cases.
//!
//! Every case reads its inputs through `black_box` and black-boxes its result, as the criterion
//! benchmarks do (`benches/runtime.rs`), so it is inlined into the loop the same way.

use std::hint::black_box;

use uabi::cap_chain::CapChainInfo;
use uabi::encode::InfoCaps;
use uabi::{CapChain, Decoded, Error, SimMemory, UserMemory};
use uabi_bench::*;
use zerocopy::{FromZeros, IntoBytes};

const BASE: u64 = 0x7f00_0000_0000;

/// `copy_struct_from_user` + the flags check for [`DmaMap`] by hand, as openat2 writes it
/// (`decode_sized`'s checks): sizes below the struct or above a page refused, a longer
/// caller's tail checked for zero, then one copy.
#[inline]
fn handwritten_sized(mem: &SimMemory<'_>, addr: u64, size: usize) -> Result<Decoded<DmaMap>, Error> {
    const K: usize = size_of::<DmaMap>();
    if size < K {
        return Err(Error::SizeTooSmall { size, min: K });
    }
    if size > 4096 {
        return Err(Error::SizeTooLarge { size, max: 4096 });
    }
    if size > K {
        if let Some(at) = mem.find_nonzero(addr + K as u64, size - K)? {
            return Err(Error::UnknownTrailingBytes { offset: (at - addr) as usize });
        }
    }
    let mut v = DmaMap::new_zeroed();
    mem.read(addr, v.as_mut_bytes())?;
    if v.flags & !0x7 != 0 {
        return Err(Error::UnknownFlags { unknown: (v.flags & !0x7) as u64 });
    }
    Ok(Decoded { value: v, size })
}

/// VFIO_DEVICE_BIND_IOMMUFD by hand: `get_user(user_size, &arg->argsz)`, then
/// [`handwritten_sized`] with it.
#[inline]
fn handwritten_argsz_sized(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
    let mut argsz = [0u8; 4];
    mem.read(addr, &mut argsz)?;
    let size = u32::from_ne_bytes(argsz) as usize;
    handwritten_sized(mem, addr, size)
}

/// The end of a VFIO INFO handler by hand: `copy_to_user(arg, &info, min(argsz, sizeof))`.
#[inline]
fn handwritten_encode_argsz(mem: &mut SimMemory<'_>, addr: u64, argsz: usize, v: &RegionInfo) -> Result<usize, Error> {
    let n = argsz.min(size_of::<RegionInfo>());
    mem.write(addr, &v.as_bytes()[..n])?;
    Ok(n)
}

/// `vfio_pci_ioctl_get_region_info`'s reply by hand, with a chain that fits: the flag, the
/// chain after the struct, `cap_offset`, then the struct.
#[inline]
fn handwritten_encode_info(mem: &mut SimMemory<'_>, addr: u64, argsz: usize, info: &RegionInfo, chain: &[u8]) -> Result<usize, Error> {
    let mut out = *info;
    out.flags |= REGION_INFO_FLAG_CAPS;
    let needed = size_of::<RegionInfo>() + chain.len();
    if argsz < needed {
        out.argsz = needed as u32;
        out.cap_offset = 0;
    } else {
        mem.write(addr + size_of::<RegionInfo>() as u64, chain)?;
        out.cap_offset = size_of::<RegionInfo>() as u32;
    }
    handwritten_encode_argsz(mem, addr, argsz, &out)?;
    Ok(needed)
}

const CASES: &[&str] = &[
    "empty",
    "plain_copy",
    "user_mem_read",
    "user_mem_read_2",
    "user_mem_read_argsz_then_struct",
    "user_mem_write",
    "user_mem_write_48",
    "decode_argsz_dma_map",
    "handwritten_dma_map",
    "decode_argsz_region_info",
    "handwritten_region_info",
    "decode_sized",
    "handwritten_sized",
    "decode_argsz_sized",
    "handwritten_argsz_sized",
    "decode_perf",
    "encode_argsz",
    "handwritten_encode_argsz",
    "encode_to_user",
    "encode_info_const_caps",
    "handwritten_encode_info",
    "checked_walk_5",
    "unchecked_walk_5",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("list") {
        CASES.iter().for_each(|c| println!("{c}"));
        return;
    }
    let (case, n) = match &args[1..] {
        [case, n] => (case.as_str(), n.parse::<u64>().expect("N")),
        _ => {
            eprintln!("usage: icount CASE N | icount list");
            std::process::exit(2);
        }
    };

    let map = sample_dma_map();
    let mut map_user = [0u64; 8];
    map_user.as_mut_bytes()[..32].copy_from_slice(map.as_bytes());
    let map_mem = SimMemory::new(BASE, map_user.as_mut_bytes());
    let info = sample_region_info();
    let mut info_user = [0u64; 8];
    info_user.as_mut_bytes()[..32].copy_from_slice(info.as_bytes());
    let info_mem = SimMemory::new(BASE, info_user.as_mut_bytes());
    let src = *map.as_bytes().first_chunk::<32>().unwrap();
    let mut out_user = [0u64; 16];
    let mut out = SimMemory::new(BASE, out_user.as_mut_bytes());
    let (chain_words, chain_len) = sample_chain(4);
    let chain_buf = &chain_words.as_bytes()[..chain_len];
    // The chain of one capability, laid out to follow a 32-byte struct, for encode_info.
    let (one_words, one_len) = sample_chain(0);
    let one_chain = &one_words.as_bytes()[32..one_len];

    macro_rules! each {
        ($e:expr) => {
            for _ in 0..n {
                black_box($e);
            }
        };
    }
    match case {
        "empty" => each!(black_box(0u64)),
        "plain_copy" => each!({
            let mut v = DmaMap::new_zeroed();
            v.as_mut_bytes().copy_from_slice(black_box(&src[..]));
            v
        }),
        "user_mem_read" => each!({
            let mut v = DmaMap::new_zeroed();
            black_box(&map_mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            v
        }),
        "user_mem_read_2" => each!({
            let mut v = RegionInfo::new_zeroed();
            let (head, tail) = v.as_mut_bytes().split_at_mut(16);
            black_box(&info_mem).read(black_box(BASE), head).unwrap();
            black_box(&info_mem).read(black_box(BASE + 16), tail).unwrap();
            v
        }),
        "user_mem_read_argsz_then_struct" => each!({
            let mut a = [0u8; 4];
            black_box(&map_mem).read(black_box(BASE), &mut a).unwrap();
            let mut v = DmaMap::new_zeroed();
            black_box(&map_mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
            (a, v)
        }),
        "user_mem_write" => each!(black_box(&mut out).write(black_box(BASE), black_box(info.as_bytes())).unwrap()),
        "user_mem_write_48" => each!({
            black_box(&mut out).write(black_box(BASE + 32), black_box(one_chain)).unwrap();
            black_box(&mut out).write(black_box(BASE), black_box(info.as_bytes())).unwrap();
        }),
        "decode_argsz_dma_map" => each!(uabi::decode_argsz::<DmaMap, _>(black_box(&map_mem), black_box(BASE)).unwrap()),
        "handwritten_dma_map" => each!(handwritten_dma_map(black_box(&map_mem), black_box(BASE)).unwrap()),
        "decode_argsz_region_info" => each!(uabi::decode_argsz::<RegionInfo, _>(black_box(&info_mem), black_box(BASE)).unwrap()),
        "handwritten_region_info" => each!(handwritten_region_info(black_box(&info_mem), black_box(BASE)).unwrap()),
        "decode_sized" => each!(uabi::decode_sized::<DmaMap, _>(black_box(&map_mem), black_box(BASE), black_box(32)).unwrap()),
        "handwritten_sized" => each!(handwritten_sized(black_box(&map_mem), black_box(BASE), black_box(32)).unwrap()),
        "decode_argsz_sized" => each!(uabi::decode_argsz_sized::<DmaMap, _>(black_box(&map_mem), black_box(BASE)).unwrap()),
        "handwritten_argsz_sized" => each!(handwritten_argsz_sized(black_box(&map_mem), black_box(BASE)).unwrap()),
        "decode_perf" => {
            let mut m = SimMemory::new(BASE, map_user.as_mut_bytes());
            each!(uabi::decode_perf::<DmaMap, _>(black_box(&mut m), black_box(BASE)).unwrap())
        }
        "encode_argsz" => each!(uabi::encode_argsz(black_box(&mut out), black_box(BASE), black_box(32), black_box(&info)).unwrap()),
        "handwritten_encode_argsz" => {
            each!(handwritten_encode_argsz(black_box(&mut out), black_box(BASE), black_box(32), black_box(&info)).unwrap())
        }
        "encode_to_user" => each!(uabi::encode_to_user(black_box(&mut out), black_box(BASE), black_box(32), black_box(&info)).unwrap()),
        // As a handler calls it, and as the hand-written case gets them: the flag and the
        // `cap_offset` field are constants, the chain is not.
        "encode_info_const_caps" => each!({
            let caps = InfoCaps { flag: REGION_INFO_FLAG_CAPS as u64, cap_offset: RegionInfo::CAP_OFFSET, chain: black_box(one_chain) };
            uabi::encode_info(black_box(&mut out), black_box(BASE), black_box(64), black_box(&info), caps).unwrap()
        }),
        "handwritten_encode_info" => each!(
            handwritten_encode_info(black_box(&mut out), black_box(BASE), black_box(64), black_box(&info), black_box(one_chain)).unwrap()
        ),
        "checked_walk_5" => each!(CapChain::for_info::<RegionInfo>(black_box(chain_buf)).find::<RegionTypeCap>().unwrap()),
        "unchecked_walk_5" => each!(unchecked_find(black_box(chain_buf), 32, 2)),
        other => {
            eprintln!("unknown case {other}; `icount list` prints the cases");
            std::process::exit(2);
        }
    }
}
