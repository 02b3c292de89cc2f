//! Differential test against the running kernel: sched_setattr(2) reads `struct sched_attr`
//! with `sched_copy_attr`, perf_event_open's convention, and `uabi::decode::<SchedAttr>` (the
//! decoder of `#[uabi(policy = perf)]` in `linux/src/sched.rs`) must give the same verdict
//! (accepted / EINVAL / E2BIG / EFAULT) **and leave the same bytes in the caller's size field**
//! for every size from 0 to a page plus 64, with clean and dirty tails, the struct ending at a
//! PROT_NONE guard page; sched_getattr(2) must write what uabi's encoder writes for every size
//! argument: `uabi::encode_to_user`, Linux's `copy_struct_to_user`, which sched_getattr uses
//! since Linux 6.13 (it clears a larger caller's bytes past the kernel's size), or, on an older
//! kernel, `uabi::encode_argsz` (those bytes left alone), whichever the kernel shows it does.
//!
//! `sched_copy_attr` (kernel/sched/syscalls.c): `get_user(size)` (EFAULT); 0 becomes
//! `SCHED_ATTR_SIZE_VER0`; below VER0 or above a page E2BIG; `copy_struct_from_user` (E2BIG for
//! a non-zero unknown tail, EFAULT); then `SCHED_FLAG_UTIL_CLAMP` with a size below VER1 is
//! EINVAL. Every E2BIG first `put_user`s `sizeof(struct sched_attr)` into `size`, ignoring
//! whether that worked. uabi's side is the decoder followed by those field checks, which the
//! decoder cannot know (`sched_flags` is declared in another header), written out below as
//! openat2's test writes out `build_open_flags`.
//!
//! The calls are harmless: the calling thread asks to keep its policy and parameters
//! (`SCHED_FLAG_KEEP_ALL`), so an accepted struct changes nothing. Where the kernel refuses
//! sched_setattr altogether (seccomp) the tests print why and pass.

mod kernel;

use kernel::{page_size, Arena, Class, ReadOnly};
use proptest::prelude::*;
use uabi::{Extensible, UserMemory};
use uabi_linux::sched::*;
use zerocopy::{FromBytes, IntoBytes};

/// Offset of `size` in `sched_attr`.
const SIZE_AT: usize = 0;
const KNOWN: usize = size_of::<SchedAttr>();

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn the_definition_matches_the_kernel_header() {
    // Values from <linux/sched/types.h>: SCHED_ATTR_SIZE_VER0 and VER1.
    assert_eq!((SchedAttr::SIZE_VER0, SchedAttr::SIZE_VER1, KNOWN), (48, 56, 56));
    assert_eq!(SchedAttr::ARGSZ, Some(uabi::FieldSpan { offset: SIZE_AT, size: 4 }));
    assert_eq!(SchedAttr::POLICY, uabi::SizePolicy::Perf);
    assert_eq!(SchedAttr::default().size, 56, "Default sets the declared size field");
}

/// A harmless head: keep the policy and the parameters; `size` is what goes in the field.
fn head(size: u32, flags: u64) -> SchedAttr {
    SchedAttr { size, sched_policy: SCHED_NORMAL, sched_flags: flags, ..Default::default() }
}

/// The kernel: `sched_setattr(0, attr, 0)` on the calling thread.
fn setattr(attr: *const u8) -> (Class, i32) {
    // SAFETY: `attr` may be any pointer, the kernel checks it.
    let r = unsafe { libc::syscall(libc::SYS_sched_setattr, 0, attr, 0) };
    if r == 0 {
        return (Class::Accepted, 0);
    }
    let e = kernel::errno();
    let class = match e {
        libc::EINVAL => Class::Inval,
        libc::E2BIG => Class::TooBig,
        libc::EFAULT => Class::Fault,
        // EPERM, EOPNOTSUPP (no utilization clamping), ...: decided after the struct was read.
        _ => Class::Accepted,
    };
    (class, e)
}

/// Whether sched_setattr works here, and knows the struct this definition does.
fn ready() -> bool {
    let (class, e) = setattr(head(SchedAttr::SIZE_VER1 as u32, SCHED_FLAG_KEEP_ALL).as_bytes().as_ptr());
    if (class, e) != (Class::Accepted, 0) {
        eprintln!("SKIP: sched_setattr(2) refused a struct that keeps everything: errno {e}");
        return false;
    }
    let mut arena = Arena::new(2);
    let at = arena.place_at_end(head(page_size() as u32 + 1, SCHED_FLAG_KEEP_ALL).as_bytes(), 0);
    setattr(arena.ptr.wrapping_add(at));
    let back = u32::from_ne_bytes(arena.bytes()[at..at + 4].try_into().unwrap()) as usize;
    if back != KNOWN {
        eprintln!("SKIP: this kernel's sched_attr is {back} bytes, the definition's {KNOWN}");
        return false;
    }
    true
}

/// The rest of `sched_copy_attr` and sys_sched_setattr's checks on what was copied, which
/// uabi's decoder does not know the meaning of: utilization clamps need VER1, and
/// `__sched_setscheduler` refuses unknown flags.
fn setattr_fields(attr: &SchedAttr) -> Class {
    if attr.sched_flags & SCHED_FLAG_UTIL_CLAMP != 0 && (attr.size as usize) < SchedAttr::SIZE_VER1 {
        return Class::Inval;
    }
    if attr.sched_flags & !SCHED_FLAG_ALL != 0 {
        return Class::Inval;
    }
    Class::Accepted
}

/// uabi's side: the generic decoder dispatching on `SchedAttr::POLICY`, then the field checks.
fn decode(mem: &mut dyn UserMemory, addr: u64, mutated: bool) -> Class {
    let r = if mutated {
        // A broken decoder for the mutation check: no write-back of the kernel's size.
        let m = uabi::decode::PerfMutation { drop_write_back: true, ..uabi::decode::PerfMutation::NONE };
        uabi::decode::__decode_perf_mutated::<SchedAttr, _>(mem, addr, page_size(), m)
    } else {
        uabi::decode::decode_perf_max::<SchedAttr, _>(mem, addr, page_size())
    };
    match r {
        Ok(d) => setattr_fields(&d.value),
        Err(e) => Class::of(&e),
    }
}

#[derive(Debug, Clone)]
struct Case {
    what: String,
    data: Vec<u8>,
    gap: usize,
}

/// The bytes of a caller claiming `size`: the head and as many bytes as the kernel would read
/// (48 for a size of 0), optionally one tail byte poked.
fn case(size: u32, flags: u64, poke: Option<usize>, gap: usize) -> Case {
    let len = if size == 0 { 48 } else { (size as usize).max(SIZE_AT + 4) };
    let mut data = head(size, flags).as_bytes().to_vec();
    data.resize(len.max(data.len()), 0);
    data.truncate(len);
    if let Some(at) = poke {
        data[at] = 0x5a;
    }
    Case { what: format!("size {size}, flags {flags:#x}, poke {poke:?}, gap {gap}"), data, gap }
}

/// The verdict and the 4 bytes left in the caller's size field (0xee where unmapped).
type Answer = (Class, [u8; 4]);

fn size_field(bytes: &[u8], at: usize) -> [u8; 4] {
    let mut out = [0xee; 4];
    for (i, b) in out.iter_mut().enumerate() {
        if let Some(v) = bytes.get(at + SIZE_AT + i) {
            *b = *v;
        }
    }
    out
}

fn mismatches(cases: &[Case], mutated: bool) -> Vec<String> {
    let mut arena = Arena::new(3);
    let mut out = Vec::new();
    for c in cases {
        let at = arena.place_at_end(&c.data, c.gap);
        let (k, e) = setattr(arena.ptr.wrapping_add(at));
        let kernel: Answer = (k, size_field(arena.bytes(), at));
        let at = arena.place_at_end(&c.data, c.gap);
        let addr = arena.base() + at as u64;
        let m = decode(&mut arena.sim(), addr, mutated);
        let model: Answer = (m, size_field(arena.bytes(), at));
        if kernel != model {
            out.push(format!("{}: kernel {kernel:?} (errno {e}), uabi {model:?}", c.what));
        }
    }
    out
}

fn every_size(flags: u64) -> Vec<Case> {
    let mut out = Vec::new();
    for size in 0..=(page_size() + 64) as u32 {
        out.push(case(size, flags, None, 0));
        if size as usize > KNOWN {
            out.push(case(size, flags, Some(KNOWN), 0));
            out.push(case(size, flags, Some(size as usize - 1), 0));
        }
    }
    out
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn every_size_with_clean_and_dirty_tails() {
    if !ready() {
        return;
    }
    let bad = mismatches(&every_size(SCHED_FLAG_KEEP_ALL), false);
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn utilization_clamps_need_version_1() {
    if !ready() {
        return;
    }
    // SCHED_FLAG_UTIL_CLAMP_MIN with util_min 0: EINVAL below VER1 (the field check after the
    // copy), accepted or EOPNOTSUPP (no clamping in this kernel) from VER1 on.
    let cases: Vec<Case> = [0u32, 8, 47, 48, 49, 52, 55, 56, 57, 64, 4096, 4097]
        .into_iter()
        .map(|s| case(s, SCHED_FLAG_KEEP_ALL | SCHED_FLAG_UTIL_CLAMP_MIN, None, 0))
        .collect();
    let bad = mismatches(&cases, false);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn struct_running_into_the_guard_page() {
    if !ready() {
        return;
    }
    let mut cases = Vec::new();
    for size in [0u32, 8, 47, 48, 49, 56, 57, 64, 200, 4096, 4097] {
        for keep in [1usize, 3, 4, 6, 8, 20, 47, 48, 52, 56, 60, 100] {
            let mut c = case(size, SCHED_FLAG_KEEP_ALL, None, 0);
            if keep >= c.data.len() {
                continue;
            }
            c.data.truncate(keep);
            c.what = format!("size {size}, only {keep} bytes mapped");
            cases.push(c);
            if size as usize > KNOWN && keep > KNOWN + 1 {
                let mut d = case(size, SCHED_FLAG_KEEP_ALL, Some(KNOWN), 0);
                d.data.truncate(keep);
                d.what = format!("size {size}, dirty, only {keep} bytes mapped");
                cases.push(d);
            }
        }
    }
    let bad = mismatches(&cases, false);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn write_back_to_a_read_only_size_field_is_still_e2big() {
    if !ready() {
        return;
    }
    let mut arena = Arena::new(2);
    for size in [1u32, 47, page_size() as u32 + 1] {
        let c = case(size, SCHED_FLAG_KEEP_ALL, None, 0);
        let at = arena.place_at_end(&c.data, 0);
        arena.set_writable(false);
        let (k, e) = setattr(arena.ptr.wrapping_add(at));
        let back = size_field(arena.bytes(), at);
        let addr = arena.base() + at as u64;
        let m = decode(&mut ReadOnly(arena.sim()), addr, false);
        arena.set_writable(true);
        assert_eq!((k, e), (Class::TooBig, libc::E2BIG), "size {size}: the kernel");
        assert_eq!(back, size.to_ne_bytes(), "size {size}: the kernel could not write back");
        assert_eq!(m, Class::TooBig, "size {size}: uabi");
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
fn a_decoder_without_the_write_back_is_caught() {
    if !ready() {
        return;
    }
    let bad = mismatches(&every_size(SCHED_FLAG_KEEP_ALL), true);
    assert!(bad.iter().any(|m| m.starts_with("size 1, ")), "dropping the write-back must be seen: {:?}", &bad[..bad.len().min(3)]);
}

// ---------------------------------------------------------------------------------------------
// sched_getattr(2): the kernel writes min(size, sizeof) bytes and that size into `size`
// ---------------------------------------------------------------------------------------------

/// The kernel: `sched_getattr(0, buf, usize, 0)`.
fn getattr(buf: *mut u8, usize: usize) -> (Class, i32) {
    // SAFETY: `buf` may be any pointer, the kernel checks it.
    let r = unsafe { libc::syscall(libc::SYS_sched_getattr, 0, buf, usize as libc::c_uint, 0) };
    if r == 0 {
        return (Class::Accepted, 0);
    }
    let e = kernel::errno();
    let class = match e {
        libc::EINVAL => Class::Inval,
        libc::E2BIG => Class::TooBig,
        libc::EFAULT => Class::Fault,
        _ => panic!("sched_getattr answered errno {e}"),
    };
    (class, e)
}

/// How sched_getattr writes a caller's struct larger than the kernel's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ToUser {
    /// `copy_struct_to_user` (Linux 6.13 on): the bytes past the kernel's size are cleared.
    ClearsTail,
    /// Linux 5.3 to 6.12: `copy_to_user` of the kernel's size only.
    LeavesTail,
}

/// uabi's side of sched_getattr: the syscall's own bounds, then `sched_attr_copy_to_user`
/// with `size` set to what is written: `encode_to_user` or `encode_argsz` by convention.
fn getattr_model(mem: &mut dyn UserMemory, addr: u64, usize: usize, current: &SchedAttr, how: ToUser) -> Class {
    if usize > page_size() || usize < SchedAttr::SIZE_VER0 {
        return Class::Inval;
    }
    let reply = SchedAttr { size: usize.min(KNOWN) as u32, ..*current };
    let r = match how {
        ToUser::ClearsTail => uabi::encode_to_user(mem, addr, usize, &reply).map(drop),
        ToUser::LeavesTail => uabi::encode_argsz(mem, addr, usize, &reply).map(drop),
    };
    match r {
        Ok(()) => Class::Accepted,
        Err(e) => Class::of(&e),
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_getattr(2) on the kernel: Miri runs no system calls")]
fn getattr_writes_what_the_encoder_writes_for_every_size() {
    if !ready() {
        return;
    }
    let mut full = [0u8; KNOWN];
    assert_eq!(getattr(full.as_mut_ptr(), KNOWN), (Class::Accepted, 0));
    let current = SchedAttr::read_from_bytes(&full).unwrap();
    assert_eq!((current.size as usize, current.sched_policy), (KNOWN, SCHED_NORMAL), "{current:?}");
    let mut larger = [0xa5u8; KNOWN + 8];
    assert_eq!(getattr(larger.as_mut_ptr(), larger.len()), (Class::Accepted, 0));
    let how = if larger[KNOWN..] == [0; 8] { ToUser::ClearsTail } else { ToUser::LeavesTail };
    eprintln!("sched_getattr writes a larger struct as {how:?}");
    let mut arena = Arena::new(2);
    let mut bad = Vec::new();
    for usize in 0..=page_size() + 64 {
        for (gap, cut) in [(0usize, 0usize), (8, 0), (0, 30)] {
            // The buffer is `usize` bytes of 0xa5 ending `gap` bytes before the guard page, or
            // running `cut` bytes into it; both sides see the same bytes at the same address.
            let len = usize.saturating_sub(cut);
            let fill = vec![0xa5u8; len];
            let at = arena.place_at_end(&fill, gap);
            let (k, e) = getattr(arena.ptr.wrapping_add(at), usize);
            let kernel_bytes = arena.bytes()[at..at + len].to_vec();
            let at = arena.place_at_end(&fill, gap);
            let addr = arena.base() + at as u64;
            let m = getattr_model(&mut arena.sim(), addr, usize, &current, how);
            let model_bytes = arena.bytes()[at..at + len].to_vec();
            // On EFAULT the kernel may have written part of the struct before the fault; the
            // verdict is compared, not those bytes.
            if k != m || (k == Class::Accepted && kernel_bytes != model_bytes) {
                bad.push(format!("size {usize}, gap {gap}, cut {cut}: kernel {k:?} (errno {e}), uabi {m:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
#[cfg_attr(miri, ignore = "runs sched_getattr(2) on the kernel: Miri runs no system calls")]
fn getattr_with_the_other_convention_is_caught() {
    if !ready() {
        return;
    }
    // The comparison can fail: a model with the convention this kernel does not use disagrees
    // on the bytes past the kernel's size.
    let mut larger = [0xa5u8; KNOWN + 8];
    assert_eq!(getattr(larger.as_mut_ptr(), larger.len()), (Class::Accepted, 0));
    let wrong = if larger[KNOWN..] == [0; 8] { ToUser::LeavesTail } else { ToUser::ClearsTail };
    let current = SchedAttr::read_from_bytes(&larger[..KNOWN]).unwrap();
    let mut arena = Arena::new(1);
    let at = arena.place_at_end(&[0xa5; KNOWN + 8], 0);
    let addr = arena.base() + at as u64;
    getattr_model(&mut arena.sim(), addr, KNOWN + 8, &current, wrong);
    assert_ne!(arena.bytes()[at..at + KNOWN + 8], larger[..], "the other convention must write other bytes");
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(512))]

    /// Random sizes, tails, guard distances and flags (known, utilization clamps, unknown).
    #[test]
    #[cfg_attr(miri, ignore = "runs sched_setattr(2) on the kernel: Miri runs no system calls")]
    fn random_sizes_tails_flags_and_faults(
        size in prop_oneof![3 => 0..=80u32, 1 => 0..=4096 + 64u32, 1 => any::<u32>()],
        flags in proptest::sample::select(vec![
            SCHED_FLAG_KEEP_ALL,
            SCHED_FLAG_KEEP_ALL | SCHED_FLAG_UTIL_CLAMP_MIN,
            SCHED_FLAG_KEEP_ALL | SCHED_FLAG_UTIL_CLAMP_MAX,
            SCHED_FLAG_KEEP_ALL | (1 << 40),
            SCHED_FLAG_KEEP_ALL | 0x80,
        ]),
        poke in proptest::option::of(any::<proptest::sample::Index>()),
        gap in prop_oneof![3 => Just(0usize), 1 => 0..64usize],
        cut in proptest::option::of(any::<proptest::sample::Index>()),
    ) {
        if !ready() {
            return Ok(());
        }
        let mut c = case(size.min(2 * 4096), flags, None, gap);
        if let Some(i) = poke.filter(|_| c.data.len() > KNOWN) {
            let at = KNOWN + i.index(c.data.len() - KNOWN);
            c.data[at] = 1;
        }
        if let Some(i) = cut {
            c.data.truncate(i.index(c.data.len() + 1));
            c.gap = 0;
        }
        if c.data.len() >= SIZE_AT + 4 {
            c.data[SIZE_AT..SIZE_AT + 4].copy_from_slice(&size.to_ne_bytes());
        }
        let bad = mismatches(&[c], false);
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }
}
