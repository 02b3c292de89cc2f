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
#[inline(always)]
fn sized_by_hand(mem: &SimMemory<'_>, addr: u64, size: usize) -> Result<Decoded<DmaMap>, Error> {
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
/// [`sized_by_hand`] with it.
#[inline(always)]
fn argsz_sized_by_hand(mem: &SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
    let mut argsz = [0u8; 4];
    mem.read(addr, &mut argsz)?;
    let size = u32::from_ne_bytes(argsz) as usize;
    sized_by_hand(mem, addr, size)
}

/// `perf_copy_attr` by hand for [`DmaMap`] as the perf policy reads it (size field `argsz`):
/// `get_user` of the size, 0 meaning the first version, the range check and the zeroed tail
/// check each writing the kernel's size back on E2BIG (result ignored, as Linux does), the
/// copy, `attr->size = size`, then the flags check the decoders make.
#[inline(always)]
fn perf_by_hand(mem: &mut SimMemory<'_>, addr: u64) -> Result<Decoded<DmaMap>, Error> {
    const K: usize = size_of::<DmaMap>();
    let mut raw = [0u8; 4];
    mem.read(addr, &mut raw)?;
    let mut size = u32::from_ne_bytes(raw) as usize;
    if size == 0 {
        size = K;
    }
    if !(K..=4096).contains(&size) {
        let _ = mem.write(addr, &(K as u32).to_ne_bytes());
        return Err(Error::SizeOutOfRange { size, min: K, max: 4096 });
    }
    if size > K {
        if let Some(at) = mem.find_nonzero(addr + K as u64, size - K)? {
            let _ = mem.write(addr, &(K as u32).to_ne_bytes());
            return Err(Error::UnknownTrailingBytes { offset: (at - addr) as usize });
        }
    }
    let mut v = DmaMap::new_zeroed();
    mem.read(addr, v.as_mut_bytes())?;
    v.argsz = size as u32;
    if v.flags & !0x7 != 0 {
        return Err(Error::UnknownFlags { unknown: (v.flags & !0x7) as u64 });
    }
    Ok(Decoded { value: v, size })
}

/// The end of a VFIO INFO handler by hand: `copy_to_user(arg, &info, min(argsz, sizeof))`.
#[inline(always)]
fn encode_argsz_by_hand(mem: &mut SimMemory<'_>, addr: u64, argsz: usize, v: &RegionInfo) -> Result<usize, Error> {
    let n = argsz.min(size_of::<RegionInfo>());
    mem.write(addr, &v.as_bytes()[..n])?;
    Ok(n)
}

/// `vfio_pci_ioctl_get_region_info`'s reply by hand, with a chain that fits: `if (caps.size)`,
/// the flag, the chain after the struct, `cap_offset`, then the struct.
#[inline(always)]
fn encode_info_by_hand(mem: &mut SimMemory<'_>, addr: u64, argsz: usize, info: &RegionInfo, chain: &[u8]) -> Result<usize, Error> {
    if chain.is_empty() {
        return encode_argsz_by_hand(mem, addr, argsz, info);
    }
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
    encode_argsz_by_hand(mem, addr, argsz, &out)?;
    Ok(needed)
}

/// The inputs of every case, made once in `main`; each case black-boxes what it reads.
struct Inputs<'a> {
    info: RegionInfo,
    src: [u8; 32],
    map_mem: SimMemory<'a>,
    info_mem: SimMemory<'a>,
    /// A second copy of the `DmaMap` bytes, for `decode_perf`, which may write back.
    perf_mem: SimMemory<'a>,
    out: SimMemory<'a>,
    /// A chain of five capabilities after a 32-byte struct.
    chain: &'a [u8],
    /// The whole INFO buffer with the sought capability first (for the walk's fixed cost).
    chain_1: &'a [u8],
    /// ... and with it 33rd (for the cost of each skipped link).
    chain_33: &'a [u8],
    /// The chain of one capability, laid out to follow a 32-byte struct, for encode_info.
    one_chain: &'a [u8],
}

/// Each case is its own `#[inline(never)]` function holding its loop, so the code rustc and
/// LLVM make for one case (inlining, register allocation, layout) does not depend on which other
/// cases exist: when all cases were arms of one `main`, adding a case moved another's count by
/// up to 20 instructions, and the hand-written baselines by 3.
macro_rules! cases {
    ($($name:ident => |$i:ident| $body:expr;)*) => {
        $(
            #[inline(never)]
            fn $name(n: u64, $i: &mut Inputs<'_>) {
                for _ in 0..n {
                    black_box($body);
                }
            }
        )*
        const CASES: &[&str] = &[$(stringify!($name)),*];
        /// Runs `case` n times; false if there is no such case.
        fn run(case: &str, n: u64, inputs: &mut Inputs<'_>) -> bool {
            match case {
                $(stringify!($name) => $name(n, inputs),)*
                _ => return false,
            }
            true
        }
    };
}

cases! {
    empty => |_i| black_box(0u64);
    plain_copy => |i| {
        let mut v = DmaMap::new_zeroed();
        v.as_mut_bytes().copy_from_slice(black_box(&i.src[..]));
        v
    };
    user_mem_read => |i| {
        let mut v = DmaMap::new_zeroed();
        black_box(&i.map_mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
        v
    };
    user_mem_read_2 => |i| {
        let mut v = RegionInfo::new_zeroed();
        let (head, tail) = v.as_mut_bytes().split_at_mut(16);
        black_box(&i.info_mem).read(black_box(BASE), head).unwrap();
        black_box(&i.info_mem).read(black_box(BASE + 16), tail).unwrap();
        v
    };
    user_mem_read_argsz_then_struct => |i| {
        let mut a = [0u8; 4];
        black_box(&i.map_mem).read(black_box(BASE), &mut a).unwrap();
        let mut v = DmaMap::new_zeroed();
        black_box(&i.map_mem).read(black_box(BASE), v.as_mut_bytes()).unwrap();
        (a, v)
    };
    user_mem_write => |i| black_box(&mut i.out).write(black_box(BASE), black_box(i.info.as_bytes())).unwrap();
    user_mem_write_48 => |i| {
        black_box(&mut i.out).write(black_box(BASE + 32), black_box(i.one_chain)).unwrap();
        black_box(&mut i.out).write(black_box(BASE), black_box(i.info.as_bytes())).unwrap();
    };
    decode_argsz_dma_map => |i| uabi::decode_argsz::<DmaMap, _>(black_box(&i.map_mem), black_box(BASE)).unwrap();
    handwritten_dma_map => |i| uabi_bench::handwritten_dma_map(black_box(&i.map_mem), black_box(BASE)).unwrap();
    decode_argsz_region_info => |i| uabi::decode_argsz::<RegionInfo, _>(black_box(&i.info_mem), black_box(BASE)).unwrap();
    handwritten_region_info => |i| uabi_bench::handwritten_region_info(black_box(&i.info_mem), black_box(BASE)).unwrap();
    decode_sized => |i| uabi::decode_sized::<DmaMap, _>(black_box(&i.map_mem), black_box(BASE), black_box(32)).unwrap();
    handwritten_sized => |i| sized_by_hand(black_box(&i.map_mem), black_box(BASE), black_box(32)).unwrap();
    decode_argsz_sized => |i| uabi::decode_argsz_sized::<DmaMap, _>(black_box(&i.map_mem), black_box(BASE)).unwrap();
    handwritten_argsz_sized => |i| argsz_sized_by_hand(black_box(&i.map_mem), black_box(BASE)).unwrap();
    decode_perf => |i| uabi::decode_perf::<DmaMap, _>(black_box(&mut i.perf_mem), black_box(BASE)).unwrap();
    handwritten_perf => |i| perf_by_hand(black_box(&mut i.perf_mem), black_box(BASE)).unwrap();
    encode_argsz => |i| uabi::encode_argsz(black_box(&mut i.out), black_box(BASE), black_box(32), black_box(&i.info)).unwrap();
    handwritten_encode_argsz => |i| {
        encode_argsz_by_hand(black_box(&mut i.out), black_box(BASE), black_box(32), black_box(&i.info)).unwrap()
    };
    encode_to_user => |i| uabi::encode_to_user(black_box(&mut i.out), black_box(BASE), black_box(32), black_box(&i.info)).unwrap();
    // As a handler calls it, and as the hand-written case gets them: the flag and the
    // `cap_offset` field are constants, the chain is not.
    encode_info_const_caps => |i| {
        let caps = InfoCaps { flag: REGION_INFO_FLAG_CAPS as u64, cap_offset: RegionInfo::CAP_OFFSET, chain: black_box(i.one_chain) };
        uabi::encode_info(black_box(&mut i.out), black_box(BASE), black_box(64), black_box(&i.info), caps).unwrap()
    };
    handwritten_encode_info => |i| {
        encode_info_by_hand(black_box(&mut i.out), black_box(BASE), black_box(64), black_box(&i.info), black_box(i.one_chain)).unwrap()
    };
    checked_walk_5 => |i| CapChain::for_info::<RegionInfo>(black_box(i.chain)).find::<RegionTypeCap>().unwrap();
    unchecked_walk_5 => |i| unchecked_find(black_box(i.chain));
    checked_walk_1 => |i| CapChain::for_info::<RegionInfo>(black_box(i.chain_1)).find::<RegionTypeCap>().unwrap();
    unchecked_walk_1 => |i| unchecked_find(black_box(i.chain_1));
    checked_walk_33 => |i| CapChain::for_info::<RegionInfo>(black_box(i.chain_33)).find::<RegionTypeCap>().unwrap();
    unchecked_walk_33 => |i| unchecked_find(black_box(i.chain_33));
}

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
    let mut perf_user = map_user;
    let info = sample_region_info();
    let mut info_user = [0u64; 8];
    info_user.as_mut_bytes()[..32].copy_from_slice(info.as_bytes());
    let mut out_user = [0u64; 16];
    let (chain_words, chain_len) = sample_chain(4);
    let (one_words, one_len) = sample_chain(0);
    let (long_words, long_len) = sample_chain(32);
    let mut inputs = Inputs {
        info,
        src: *map.as_bytes().first_chunk::<32>().unwrap(),
        map_mem: SimMemory::new(BASE, map_user.as_mut_bytes()),
        info_mem: SimMemory::new(BASE, info_user.as_mut_bytes()),
        perf_mem: SimMemory::new(BASE, perf_user.as_mut_bytes()),
        out: SimMemory::new(BASE, out_user.as_mut_bytes()),
        chain: &chain_words.as_bytes()[..chain_len],
        one_chain: &one_words.as_bytes()[32..one_len],
        chain_1: &one_words.as_bytes()[..one_len],
        chain_33: &long_words.as_bytes()[..long_len],
    };
    if !run(case, n, &mut inputs) {
        eprintln!("unknown case {case}; `icount list` prints the cases");
        std::process::exit(2);
    }
}
