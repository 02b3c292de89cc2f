//! Differential test against the running kernel: perf_event_open(2) reads `perf_event_attr`
//! with its own size convention (`perf_copy_attr`), and `decode_perf::<PerfEventAttr>`, the
//! decoder of `#[uabi(policy = perf)]`, must give the same verdict (accepted / EINVAL / E2BIG /
//! EFAULT) **and leave the same bytes in the caller's size field** for every size from 0 to a
//! page plus 64, with clean and dirty tails, the struct ending at a PROT_NONE guard page.
//!
//! The event is harmless: a software `PERF_COUNT_SW_DUMMY` event on the calling thread, created
//! disabled and closed at once. Where the kernel refuses perf events altogether (paranoid
//! setting without privilege, seccomp, no perf support) the tests print why and pass.
//!
//! `perf_copy_attr`'s order (kernel/events/core.c, checked against the source): `get_user` of
//! `size` (EFAULT); `size == 0` becomes `PERF_ATTR_SIZE_VER0`; below VER0 or above a page
//! E2BIG; `copy_struct_from_user` (non-zero unknown tail E2BIG, faults EFAULT); field checks
//! (EINVAL). Every E2BIG goes through `err_size`, which `put_user`s `sizeof(*attr)` into the
//! caller's `size` and ignores whether that write worked.
//!
//! The mutation tests run the same comparison against deliberately broken decoders (no
//! write-back; size 0 not taken as the first version) and require that it finds mismatches,
//! so the differential is shown to be able to fail.

mod kernel;

use kernel::{page_size, Arena, Class, ReadOnly};
use proptest::prelude::*;
use uabi::decode::{PerfMutation, __decode_perf_mutated};
use uabi_linux::perf_event::*;
use uabi::{Decoded, Error, Extensible, UserMemory};
use zerocopy::IntoBytes;

/// Offset of `size` in `perf_event_attr`.
const SIZE_AT: usize = 4;

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn the_definition_matches_the_kernel_header() {
    // Values from <linux/perf_event.h>: PERF_ATTR_SIZE_VER0..VER8.
    let sizes: Vec<usize> = PerfEventAttr::VERSIONS.iter().map(|v| v.size).collect();
    assert_eq!(sizes, [64, 72, 80, 96, 104, 112, 120, 128, 136]);
    assert_eq!(PerfEventAttr::ARGSZ, Some(uabi::FieldSpan { offset: SIZE_AT, size: 4 }));
    assert_eq!(PerfEventAttr::POLICY, uabi::SizePolicy::Perf);
    assert_eq!(PerfEventAttr::default().size, 136, "Default sets the declared size field");
}

/// A valid head: a disabled software dummy event; `size` is what the test puts in the field.
fn head(size: u32) -> PerfEventAttr {
    PerfEventAttr { r#type: PERF_TYPE_SOFTWARE, size, config: PERF_COUNT_SW_DUMMY, ..Default::default() }.with_disabled(1)
}

/// The kernel: `perf_event_open(attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC)` on the calling thread.
fn kernel_call(attr: *const u8) -> (Class, i32) {
    // SAFETY: `attr` may be any pointer, the kernel checks it; a returned descriptor is closed.
    let r = unsafe { libc::syscall(libc::SYS_perf_event_open, attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC) };
    if r >= 0 {
        // SAFETY: a descriptor this call just opened.
        unsafe { libc::close(r as i32) };
        return (Class::Accepted, 0);
    }
    let e = kernel::errno();
    let class = match e {
        libc::EINVAL => Class::Inval,
        libc::E2BIG => Class::TooBig,
        libc::EFAULT => Class::Fault,
        _ => Class::Accepted,
    };
    (class, e)
}

/// Whether perf_event_open works here; prints why not when it does not.
fn perf_available() -> bool {
    let attr = head(PerfEventAttr::SIZE_VER8 as u32);
    let (class, e) = kernel_call(attr.as_bytes().as_ptr());
    if class == Class::Accepted && e == 0 {
        return true;
    }
    let why = match e {
        libc::ENOSYS => "perf_event_open(2) is not available (ENOSYS)",
        libc::EACCES | libc::EPERM => "perf_event_open(2) is refused (EACCES/EPERM): perf_event_paranoid or seccomp",
        libc::ENOENT | libc::EOPNOTSUPP => "software perf events are not supported here",
        _ => "perf_event_open(2) refused a valid software event",
    };
    eprintln!("SKIP: {why} (errno {e})");
    false
}

/// The kernel knows exactly the struct this definition does (its write-back says its size).
fn kernel_knows_ver8() -> bool {
    let mut arena = Arena::new(2);
    let big = page_size() as u32 + 1;
    let at = arena.place_at_end(head(big).as_bytes(), 0);
    kernel_call(arena.ptr.wrapping_add(at));
    let back = u32::from_ne_bytes(arena.bytes()[at + SIZE_AT..at + SIZE_AT + 4].try_into().unwrap());
    if back as usize != size_of::<PerfEventAttr>() {
        eprintln!("SKIP: this kernel's perf_event_attr is {back} bytes, the definition's {}", size_of::<PerfEventAttr>());
        return false;
    }
    true
}

/// One case: the size the caller puts in the field, the bytes, where they end before the guard.
#[derive(Debug, Clone)]
struct Case {
    what: String,
    data: Vec<u8>,
    gap: usize,
}

/// The bytes of a caller claiming `size`: the head, as many bytes as the kernel would read
/// (64 for a size of 0, at least the size field), and optionally one tail byte poked.
fn case(size: u32, poke: Option<usize>, gap: usize) -> Case {
    let len = if size == 0 { 64 } else { (size as usize).max(SIZE_AT + 4) };
    let mut data = head(size).as_bytes().to_vec();
    data.resize(len.max(data.len()), 0);
    data.truncate(len);
    if let Some(at) = poke {
        data[at] = 0x5a;
    }
    Case { what: format!("size {size}, poke {poke:?}, gap {gap}"), data, gap }
}

/// The size from 0 to a page plus 64, clean, and dirty past the known size where there is a tail.
fn every_size() -> Vec<Case> {
    let known = size_of::<PerfEventAttr>();
    let mut out = Vec::new();
    for size in 0..=(page_size() + 64) as u32 {
        out.push(case(size, None, 0));
        if size as usize > known {
            out.push(case(size, Some(known), 0));
            out.push(case(size, Some(size as usize - 1), 0));
        }
    }
    out
}

/// What a side answered, and the 4 bytes left in the caller's size field.
type Answer = (Class, [u8; 4]);

fn size_field(bytes: &[u8], at: usize) -> [u8; 4] {
    // The size field may lie (partly) past the mapping's end: report what is mapped.
    let mut out = [0xee; 4];
    for (i, b) in out.iter_mut().enumerate() {
        if let Some(v) = bytes.get(at + SIZE_AT + i) {
            *b = *v;
        }
    }
    out
}

fn kernel_answer(arena: &mut Arena, c: &Case) -> (Answer, i32) {
    let at = arena.place_at_end(&c.data, c.gap);
    let (class, e) = kernel_call(arena.ptr.wrapping_add(at));
    ((class, size_field(arena.bytes(), at)), e)
}

type Decoder = fn(&mut dyn UserMemory, u64) -> Result<Decoded<PerfEventAttr>, Error>;

fn real(mem: &mut dyn UserMemory, addr: u64) -> Result<Decoded<PerfEventAttr>, Error> {
    uabi::decode::decode_perf_max::<PerfEventAttr, _>(mem, addr, page_size())
}

fn no_write_back(mem: &mut dyn UserMemory, addr: u64) -> Result<Decoded<PerfEventAttr>, Error> {
    let m = PerfMutation { drop_write_back: true, ..PerfMutation::NONE };
    __decode_perf_mutated::<PerfEventAttr, _>(mem, addr, page_size(), m)
}

fn no_zero_is_first(mem: &mut dyn UserMemory, addr: u64) -> Result<Decoded<PerfEventAttr>, Error> {
    let m = PerfMutation { drop_zero_is_first: true, ..PerfMutation::NONE };
    __decode_perf_mutated::<PerfEventAttr, _>(mem, addr, page_size(), m)
}

fn model_answer(arena: &mut Arena, c: &Case, decode: Decoder) -> Answer {
    let at = arena.place_at_end(&c.data, c.gap);
    let addr = arena.base() + at as u64;
    let mut mem = arena.sim();
    // perf_copy_attr's own field checks all pass for the head used here; what is left is the
    // decoder's verdict.
    let class = match decode(&mut mem, addr) {
        Ok(_) => Class::Accepted,
        Err(e) => Class::of(&e),
    };
    (class, size_field(arena.bytes(), at))
}

/// Every mismatch between the kernel and `decode` over `cases`.
fn mismatches(cases: &[Case], decode: Decoder) -> Vec<String> {
    let mut arena = Arena::new(3);
    let mut out = Vec::new();
    for c in cases {
        let (k, e) = kernel_answer(&mut arena, c);
        let m = model_answer(&mut arena, c, decode);
        if k != m {
            out.push(format!("{}: kernel {k:?} (errno {e}), uabi {m:?}", c.what));
        }
    }
    out
}

fn ready() -> bool {
    perf_available() && kernel_knows_ver8()
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn every_size_with_clean_and_dirty_tails() {
    if !ready() {
        return;
    }
    let bad = mismatches(&every_size(), real);
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn struct_running_into_the_guard_page() {
    if !ready() {
        return;
    }
    // The bytes the kernel would read stop short of what the size asks for: the rest is the
    // guard page. The size field itself is mapped in some cases and not in others.
    let mut cases = Vec::new();
    for size in [0u32, 8, 63, 64, 65, 100, 136, 137, 200, 4096, 4097] {
        for keep in [1usize, 3, 4, 6, 8, 9, 40, 64, 100, 136, 150] {
            let mut c = case(size, None, 0);
            if keep >= c.data.len() {
                continue;
            }
            c.data.truncate(keep);
            c.what = format!("size {size}, only {keep} bytes mapped");
            cases.push(c);
            if size > 136 && keep > 137 {
                let mut d = case(size, Some(136), 0);
                d.data.truncate(keep);
                d.what = format!("size {size}, dirty, only {keep} bytes mapped");
                cases.push(d);
            }
        }
    }
    let bad = mismatches(&cases, real);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn write_back_to_a_read_only_size_field_is_still_e2big() {
    if !ready() {
        return;
    }
    // Linux ignores the result of err_size's put_user: a caller whose struct is readable but
    // not writable gets E2BIG with its size field unchanged, not EFAULT.
    let mut arena = Arena::new(2);
    for size in [1u32, 63, page_size() as u32 + 1] {
        let c = case(size, None, 0);
        let at = arena.place_at_end(&c.data, 0);
        arena.set_writable(false);
        let (k, e) = kernel_call(arena.ptr.wrapping_add(at));
        let k_back = size_field(arena.bytes(), at);
        let addr = arena.base() + at as u64;
        let mut mem = ReadOnly(arena.sim());
        let m = real(&mut mem, addr).map(|_| ()).map_err(|e| Class::of(&e));
        arena.set_writable(true);
        assert_eq!((k, e), (Class::TooBig, libc::E2BIG), "size {size}: the kernel");
        assert_eq!(k_back, size.to_ne_bytes(), "size {size}: the kernel could not write back");
        assert_eq!(m, Err(Class::TooBig), "size {size}: uabi");
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn mutation_without_write_back_is_caught() {
    if !ready() {
        return;
    }
    let bad = mismatches(&every_size(), no_write_back);
    assert!(!bad.is_empty(), "dropping the write-back must make the kernel differential fail");
    // Every E2BIG disagrees on the size field: sizes 1..63 and above a page, and dirty tails.
    assert!(bad.iter().any(|m| m.starts_with("size 1, ")), "{:?}", &bad[..3]);
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn mutation_without_zero_as_first_version_is_caught() {
    if !ready() {
        return;
    }
    let bad = mismatches(&every_size(), no_zero_is_first);
    assert!(!bad.is_empty(), "dropping `0 means the first version` must make the differential fail");
    assert!(bad.iter().all(|m| m.starts_with("size 0, ")), "{bad:?}");
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(1024))]

    /// Random sizes, random tails (one non-zero byte anywhere past the head), random distance
    /// to the guard page, random truncation into the guard page.
    #[test]
    #[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
    fn random_sizes_tails_and_faults(
        size in prop_oneof![3 => 0..=160u32, 1 => 0..=4096 + 64u32, 1 => any::<u32>()],
        poke in proptest::option::of(any::<proptest::sample::Index>()),
        gap in prop_oneof![3 => Just(0usize), 1 => 0..64usize],
        cut in proptest::option::of(any::<proptest::sample::Index>()),
    ) {
        if !ready() {
            return Ok(());
        }
        // Sizes past two pages are placed as two pages of bytes with the field claiming more.
        let mut c = case(size.min(2 * 4096), None, gap);
        if let Some(i) = poke.filter(|_| c.data.len() > 136) {
            let at = 136 + i.index(c.data.len() - 136);
            c.data[at] = 1;
        }
        if let Some(i) = cut {
            let keep = i.index(c.data.len() + 1);
            c.data.truncate(keep);
            c.gap = 0;
        }
        if c.data.len() >= SIZE_AT + 4 {
            c.data[SIZE_AT..SIZE_AT + 4].copy_from_slice(&size.to_ne_bytes());
        }
        let bad = mismatches(&[c], real);
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }
}
