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
//! The kernel need not know the newest version: its size, learned from the E2BIG write-back,
//! chooses the struct the decoder reads. A kernel as new as the definition (Linux 7.2, 144
//! bytes) is compared with `decode_perf::<PerfEventAttr>`; one a version older (Linux 6.3 to
//! 7.1, 136 bytes, this machine's 6.18) with `decode_perf::<AttrVer8>`, the same description
//! (versions, size field, reserved bits) on the 136-byte struct such a kernel has, which is
//! what the same policy means with a smaller `sizeof(struct perf_event_attr)`. Any other size
//! is skipped, saying so.
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
use uabi::{Error, Extensible, UserMemory, Version};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// Offset of `size` in `perf_event_attr`.
const SIZE_AT: usize = 4;

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn the_definition_matches_the_kernel_header() {
    // Values from Linux 7.2's <linux/perf_event.h>: PERF_ATTR_SIZE_VER0..VER9.
    let sizes: Vec<usize> = PerfEventAttr::VERSIONS.iter().map(|v| v.size).collect();
    assert_eq!(sizes, [64, 72, 80, 96, 104, 112, 120, 128, 136, 144]);
    assert_eq!(PerfEventAttr::ARGSZ, Some(uabi::FieldSpan { offset: SIZE_AT, size: 4 }));
    assert_eq!(PerfEventAttr::POLICY, uabi::SizePolicy::Perf);
    assert_eq!(PerfEventAttr::default().size, 144, "Default sets the declared size field");
}

/// `perf_event_attr` as a kernel that knows versions 0 to 8 has it: `PerfEventAttr`'s own
/// description (size field, reserved fields and bits, versions up to VER8) on a struct of
/// `PERF_ATTR_SIZE_VER8` bytes, so that `decode_perf` reads it as such a kernel's
/// `perf_copy_attr` does, with `sizeof(*attr)` 136.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(C, align(8))]
struct AttrVer8([u8; PerfEventAttr::SIZE_VER8]);

// SAFETY: a byte array, aligned as `perf_event_attr`: no padding, every byte pattern valid.
unsafe impl uabi::AbiType for AttrVer8 {
    const C_NAME: &'static str = "perf_event_attr";
}

impl Extensible for AttrVer8 {
    const VERSIONS: &'static [Version] = PerfEventAttr::VERSIONS.split_at(9).0;
    const ARGSZ: Option<uabi::FieldSpan> = PerfEventAttr::ARGSZ;
    const FLAGS: Option<uabi::FieldSpan> = PerfEventAttr::FLAGS;
    const RESERVED: &'static [uabi::FieldSpan] = PerfEventAttr::RESERVED;
    const RESERVED_BITS: &'static [uabi::ReservedBits] = PerfEventAttr::RESERVED_BITS;
    const GATED: &'static [uabi::Gate] = PerfEventAttr::GATED;
    const POLICY: uabi::SizePolicy = uabi::SizePolicy::Perf;
}

// Everything the description names lies inside the 136 bytes, and VER8 is what it says.
const _: () = {
    let v = AttrVer8::VERSIONS;
    assert!(v.len() == 9 && v[8].number == 8 && v[8].size == size_of::<AttrVer8>());
    let mut i = 0;
    while i < AttrVer8::RESERVED.len() {
        assert!(AttrVer8::RESERVED[i].end() <= size_of::<AttrVer8>());
        i += 1;
    }
    let mut i = 0;
    while i < AttrVer8::RESERVED_BITS.len() {
        assert!(AttrVer8::RESERVED_BITS[i].field.end() <= size_of::<AttrVer8>());
        i += 1;
    }
    assert!(AttrVer8::GATED.is_empty() && AttrVer8::FLAGS.is_none());
};

/// A valid head: a disabled software dummy event; `size` is what the test puts in the field.
fn head(size: u32) -> PerfEventAttr {
    let (ty, config) = (PerfTypeId::Software as u32, PerfSwIds::Dummy as u64);
    PerfEventAttr { r#type: ty, size, config, ..Default::default() }.with_disabled(1)
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
    let attr = head(PerfEventAttr::SIZE_VER0 as u32);
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

/// The kernel's `sizeof(struct perf_event_attr)`, as its E2BIG write-back tells it.
fn kernel_size() -> usize {
    let mut arena = Arena::new(2);
    let big = page_size() as u32 + 1;
    let at = arena.place_at_end(head(big).as_bytes(), 0);
    kernel_call(arena.ptr.wrapping_add(at));
    u32::from_ne_bytes(arena.bytes()[at + SIZE_AT..at + SIZE_AT + 4].try_into().unwrap()) as usize
}

/// The decoder that reads the struct as this kernel does: the definition's, or the one of a
/// kernel a version older; `None` (printing why) for any other kernel.
fn decoder_for(ksize: usize) -> Option<Decoder> {
    match ksize {
        k if k == size_of::<PerfEventAttr>() => Some(real::<PerfEventAttr>),
        k if k == size_of::<AttrVer8>() => Some(real::<AttrVer8>),
        k => {
            eprintln!(
                "SKIP: this kernel's perf_event_attr is {k} bytes; the definition knows {} (VER9) and {} (VER8)",
                size_of::<PerfEventAttr>(),
                size_of::<AttrVer8>()
            );
            None
        }
    }
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

/// The size from 0 to a page plus 64, clean, and dirty past the size the kernel knows where
/// there is a tail.
fn every_size(known: usize) -> Vec<Case> {
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

/// A decoder's verdict on the struct at an address (the value itself is not compared: the
/// kernel does not show it).
type Decoder = fn(&mut dyn UserMemory, u64) -> Result<(), Error>;

fn real<T: Extensible>(mem: &mut dyn UserMemory, addr: u64) -> Result<(), Error> {
    uabi::decode::decode_perf_max::<T, _>(mem, addr, page_size()).map(drop)
}

fn no_write_back<T: Extensible>(mem: &mut dyn UserMemory, addr: u64) -> Result<(), Error> {
    let m = PerfMutation { drop_write_back: true, ..PerfMutation::NONE };
    __decode_perf_mutated::<T, _>(mem, addr, page_size(), m).map(drop)
}

fn no_zero_is_first<T: Extensible>(mem: &mut dyn UserMemory, addr: u64) -> Result<(), Error> {
    let m = PerfMutation { drop_zero_is_first: true, ..PerfMutation::NONE };
    __decode_perf_mutated::<T, _>(mem, addr, page_size(), m).map(drop)
}

/// The three decoders for the kernel's size: the real one and the two broken ones.
struct Decoders {
    known: usize,
    real: Decoder,
    no_write_back: Decoder,
    no_zero_is_first: Decoder,
}

fn decoders() -> Option<Decoders> {
    if !perf_available() {
        return None;
    }
    let known = kernel_size();
    let real = decoder_for(known)?;
    let (no_write_back, no_zero_is_first): (Decoder, Decoder) = if known == size_of::<PerfEventAttr>() {
        (no_write_back::<PerfEventAttr>, no_zero_is_first::<PerfEventAttr>)
    } else {
        (no_write_back::<AttrVer8>, no_zero_is_first::<AttrVer8>)
    };
    Some(Decoders { known, real, no_write_back, no_zero_is_first })
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

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn every_size_with_clean_and_dirty_tails() {
    let Some(d) = decoders() else { return };
    eprintln!("the kernel's perf_event_attr is {} bytes", d.known);
    let bad = mismatches(&every_size(d.known), d.real);
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn struct_running_into_the_guard_page() {
    let Some(d) = decoders() else { return };
    let k = d.known;
    // The bytes the kernel would read stop short of what the size asks for: the rest is the
    // guard page. The size field itself is mapped in some cases and not in others.
    let mut cases = Vec::new();
    for size in [0, 8, 63, 64, 65, 100, 136, 137, 144, 145, 200, 4096, 4097] {
        for keep in [1usize, 3, 4, 6, 8, 9, 40, 64, 100, 136, 144, 150] {
            let mut c = case(size, None, 0);
            if keep >= c.data.len() {
                continue;
            }
            c.data.truncate(keep);
            c.what = format!("size {size}, only {keep} bytes mapped");
            cases.push(c);
            if size as usize > k && keep > k + 1 {
                let mut dirty = case(size, Some(k), 0);
                dirty.data.truncate(keep);
                dirty.what = format!("size {size}, dirty, only {keep} bytes mapped");
                cases.push(dirty);
            }
        }
    }
    let bad = mismatches(&cases, d.real);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn write_back_to_a_read_only_size_field_is_still_e2big() {
    let Some(d) = decoders() else { return };
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
        let m = (d.real)(&mut mem, addr).map_err(|e| Class::of(&e));
        arena.set_writable(true);
        assert_eq!((k, e), (Class::TooBig, libc::E2BIG), "size {size}: the kernel");
        assert_eq!(k_back, size.to_ne_bytes(), "size {size}: the kernel could not write back");
        assert_eq!(m, Err(Class::TooBig), "size {size}: uabi");
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn mutation_without_write_back_is_caught() {
    let Some(d) = decoders() else { return };
    let bad = mismatches(&every_size(d.known), d.no_write_back);
    assert!(!bad.is_empty(), "dropping the write-back must make the kernel differential fail");
    // Every E2BIG disagrees on the size field: sizes 1..63 and above a page, and dirty tails.
    assert!(bad.iter().any(|m| m.starts_with("size 1, ")), "{:?}", &bad[..3]);
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn mutation_without_zero_as_first_version_is_caught() {
    let Some(d) = decoders() else { return };
    let bad = mismatches(&every_size(d.known), d.no_zero_is_first);
    assert!(!bad.is_empty(), "dropping `0 means the first version` must make the differential fail");
    assert!(bad.iter().all(|m| m.starts_with("size 0, ")), "{bad:?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs perf_event_open(2) on the kernel: Miri runs no system calls")]
fn the_struct_must_be_the_kernels_size() {
    let Some(d) = decoders() else { return };
    if d.known == size_of::<PerfEventAttr>() {
        eprintln!("SKIP: this kernel knows every version of the definition: no older size to compare with");
        return;
    }
    // Reading a 136-byte kernel's struct as the 144-byte definition: the write-back says 144
    // where the kernel says 136, and a non-zero byte in 136..144 is accepted where the kernel
    // refuses it. The choice of the kernel's size is what makes the differential hold.
    let bad = mismatches(&every_size(d.known), real::<PerfEventAttr>);
    assert!(bad.iter().any(|m| m.starts_with("size 1, ")), "the write-back of 144 must differ: {:?}", &bad[..bad.len().min(3)]);
    assert!(bad.iter().any(|m| m.starts_with("size 140, poke Some(136)")), "a dirty VER9 field must differ");
}

/// The decoders, chosen once for the property test's thousand cases.
static DECODERS: std::sync::LazyLock<Option<Decoders>> = std::sync::LazyLock::new(decoders);

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
        let Some(d) = DECODERS.as_ref() else { return Ok(()) };
        let k = d.known;
        // Sizes past two pages are placed as two pages of bytes with the field claiming more.
        let mut c = case(size.min(2 * 4096), None, gap);
        if let Some(i) = poke.filter(|_| c.data.len() > k) {
            let at = k + i.index(c.data.len() - k);
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
        let bad = mismatches(&[c], d.real);
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }
}
