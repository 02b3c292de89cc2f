//! Differential test against the running kernel: `openat2(2)` is Linux's own
//! `copy_struct_from_user` caller, so for every size and tail the kernel's answer (ok / EINVAL
//! / E2BIG / EFAULT) must equal `decode_sized::<OpenHow>` followed by openat2's remaining
//! checks from `build_open_flags`.
//!
//! Both sides read the very same bytes: the struct lives in a real mapping followed by a
//! PROT_NONE guard page, and the decoder's `SimMemory` is laid over that mapping at its real
//! address, so faults line up too.
//!
//! Order of checks in `fs/open.c` (verified against the source and probed below):
//! `usize < OPEN_HOW_SIZE_VER0` -> EINVAL, then `usize > PAGE_SIZE` -> E2BIG (both before any
//! read), then `copy_struct_from_user` (E2BIG for a non-zero tail, before the copy; EFAULT),
//! then `build_open_flags` (EINVAL).

mod kernel;

use kernel::{page_size, Arena, Class};
use proptest::prelude::*;
use proptest::sample::Index;
use uabi::{decode_sized_max, Errno, SimMemory};
use zerocopy::IntoBytes;

/// `struct open_how` as defined with uabi in `linux/src/openat2.rs`: the decoder under test
/// is the one generated from that definition.
mod open_how {
    pub use uabi_linux::openat2::*;
    use uabi::Extensible;

    pub const OPEN_HOW_SIZE_VER0: usize = OpenHow::SIZE_VER0;
    pub const VALID_RESOLVE_FLAGS: u64 = OpenHow::VERSIONS[0].known_flags;

    #[test]
    #[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
    fn the_definition_matches_the_kernel_header() {
        // Values from <linux/openat2.h>.
        assert_eq!(OPEN_HOW_SIZE_VER0, 24);
        assert_eq!(VALID_RESOLVE_FLAGS, 0x3f);
        assert_eq!(OpenHow::FLAGS, Some(uabi::FieldSpan { offset: 16, size: 8 }));
    }
}

use open_how::*;

/// The open flags the test uses: all valid, all allowed with O_PATH where O_PATH is set.
const OPEN_FLAGS: [u64; 4] = [
    (libc::O_RDONLY | libc::O_DIRECTORY) as u64,
    libc::O_PATH as u64,
    (libc::O_PATH | libc::O_DIRECTORY) as u64,
    (libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) as u64,
];

/// The kernel: `openat2(AT_FDCWD, "/", how, size)`.
fn kernel(how: *const u8, size: usize) -> (Class, i32) {
    // SAFETY: the path is a valid C string; `how` may be any pointer, the kernel checks it.
    let r = unsafe { libc::syscall(libc::SYS_openat2, libc::AT_FDCWD, c"/".as_ptr(), how, size) };
    if r >= 0 {
        // SAFETY: r is a descriptor this call just opened.
        unsafe { libc::close(r as i32) };
        return (Class::Accepted, 0);
    }
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    let class = match errno {
        libc::EINVAL => Class::Inval,
        libc::E2BIG => Class::TooBig,
        libc::EFAULT => Class::Fault,
        _ => Class::Accepted,
    };
    (class, errno)
}

/// The rest of openat2 after `copy_struct_from_user`: the checks of `build_open_flags` on
/// fields uabi does not know the meaning of. Unknown resolve bits were already refused by
/// `decode_sized` (the `resolve` field is the struct's flags field).
fn build_open_flags(how: &OpenHow) -> Class {
    // WILL_CREATE: O_CREAT or __O_TMPFILE (libc's O_TMPFILE also holds O_DIRECTORY).
    let o_tmpfile_bit = (libc::O_TMPFILE & !libc::O_DIRECTORY) as u64;
    let will_create = how.flags & (libc::O_CREAT as u64 | o_tmpfile_bit) != 0;
    if how.resolve & RESOLVE_BENEATH != 0 && how.resolve & RESOLVE_IN_ROOT != 0 {
        return Class::Inval;
    }
    if !will_create && how.mode != 0 {
        return Class::Inval;
    }
    Class::Accepted
}

/// uabi's side: `decode_sized` with the machine's page size as the limit, then openat2's checks.
fn model(mem: &SimMemory<'_>, addr: u64, size: usize) -> Class {
    match decode_sized_max::<OpenHow, _>(mem, addr, size, page_size()) {
        Ok(d) => build_open_flags(&d.value),
        Err(e) => match e.errno() {
            Errno::Inval => Class::Inval,
            Errno::TooBig => Class::TooBig,
            Errno::Fault => Class::Fault,
            other => panic!("decode_sized returned {other}"),
        },
    }
}

/// Both answers for a struct of `size` bytes at offset `at` of `arena`.
fn both(arena: &mut Arena, at: usize, size: usize) -> ((Class, i32), Class) {
    let addr = arena.base() + at as u64;
    let k = kernel(addr as *const u8, size);
    (k, model(&arena.sim(), addr, size))
}

/// Whether this kernel has openat2; prints why not when it does not.
fn openat2_available() -> bool {
    let how = OpenHow { flags: OPEN_FLAGS[0], ..Default::default() };
    let r = unsafe {
        libc::syscall(libc::SYS_openat2, libc::AT_FDCWD, c"/".as_ptr(), &how as *const OpenHow, 24usize)
    };
    if r >= 0 {
        unsafe { libc::close(r as i32) };
        return true;
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::ENOSYS) => eprintln!("SKIP: openat2(2) is not available (ENOSYS): kernel older than 5.6"),
        Some(libc::EPERM) => eprintln!("SKIP: openat2(2) is blocked (EPERM), probably by a seccomp filter"),
        _ => panic!("openat2 with a valid open_how failed: {err}"),
    }
    false
}

/// A buffer of `size` bytes: an `open_how` head, zero tail, optionally one byte poked.
fn buffer(how: &OpenHow, size: usize, poke: Option<(usize, u8)>) -> Vec<u8> {
    let mut b = how.as_bytes().to_vec();
    b.resize(size.max(24), 0);
    b.truncate(size);
    if let Some((at, v)) = poke {
        b[at] = v;
    }
    b
}

fn check(arena: &mut Arena, data: &[u8], gap: usize, what: &str) {
    let at = arena.place_at_end(data, gap);
    let ((k, errno), m) = both(arena, at, data.len());
    assert_eq!(k, m, "{what}: kernel {k:?} (errno {errno}), uabi {m:?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
fn order_of_checks_matches_kernel() {
    if !openat2_available() {
        return;
    }
    let page = page_size();
    // Size checks come before any read: a NULL struct pointer is not touched.
    let null = core::ptr::null::<u8>();
    assert_eq!(kernel(null, 8).0, Class::Inval, "usize < VER0 is checked before reading");
    assert_eq!(kernel(null, page + 1).0, Class::TooBig, "usize > PAGE_SIZE is checked before reading");
    assert_eq!(kernel(null, 24).0, Class::Fault);
    let mut none: [u8; 0] = [];
    let unmapped = SimMemory::new(0, &mut none);
    assert_eq!(model(&unmapped, 0, 8), Class::Inval);
    assert_eq!(model(&unmapped, 0, page + 1), Class::TooBig);
    assert_eq!(model(&unmapped, 0, 24), Class::Fault);

    // The trailing-bytes check (E2BIG) comes before the field checks (EINVAL).
    let mut arena = Arena::new(3);
    let bad_resolve = OpenHow { flags: OPEN_FLAGS[0], mode: 0, resolve: 0x40 };
    let bad_mode = OpenHow { flags: OPEN_FLAGS[0], mode: 0o644, resolve: 0 };
    for how in [bad_resolve, bad_mode] {
        check(&mut arena, &buffer(&how, 24, None), 0, "bad field, no tail");
        check(&mut arena, &buffer(&how, 40, Some((30, 1))), 0, "bad field, dirty tail");
        let at = arena.place_at_end(&buffer(&how, 40, Some((30, 1))), 0);
        assert_eq!(both(&mut arena, at, 40).1, Class::TooBig);
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
fn every_size_with_zero_and_dirty_tails() {
    if !openat2_available() {
        return;
    }
    let page = page_size();
    let mut arena = Arena::new(3);
    let how = OpenHow { flags: OPEN_FLAGS[0], ..Default::default() };
    for size in 0..=page + 64 {
        check(&mut arena, &buffer(&how, size, None), 0, &format!("size {size}, zero tail"));
        if size > 24 {
            for at in [24, size - 1] {
                let what = format!("size {size}, byte {at} set");
                check(&mut arena, &buffer(&how, size, Some((at, 0x80))), 0, &what);
            }
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
fn sampled_sizes_and_tail_offsets() {
    if !openat2_available() {
        return;
    }
    let mut arena = Arena::new(3);
    let sizes = [0usize, 1, 23, 24, 25, 31, 32, 4095, 4096, 4097, 8192];
    let offsets = [24usize, 25, 31, 32, 39, 100, 4095, 4096, 8191];
    for (i, &flags) in OPEN_FLAGS.iter().enumerate() {
        let how = OpenHow { flags, mode: 0, resolve: RESOLVE_NO_MAGICLINKS * (i as u64 % 2) };
        for size in sizes {
            check(&mut arena, &buffer(&how, size, None), 0, &format!("size {size}"));
            for at in offsets.iter().copied().filter(|&at| at < size) {
                check(&mut arena, &buffer(&how, size, Some((at, 1))), 0, &format!("size {size}, byte {at}"));
            }
        }
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
fn struct_straddling_unmapped_page() {
    if !openat2_available() {
        return;
    }
    let mut arena = Arena::new(1);
    let how = OpenHow { flags: OPEN_FLAGS[1], ..Default::default() };
    // The struct, or its zero or dirty tail, runs into the guard page by `over` bytes.
    for size in [24usize, 25, 32, 64, 200] {
        for over in [1usize, 4, 8, 16, 23] {
            let data = buffer(&how, size, None);
            let at = arena.place_at_end(&data, 0) + over;
            arena.bytes()[at..].fill(0);
            let tail = size.min(arena.len - at);
            arena.bytes()[at..at + tail].copy_from_slice(&data[..tail]);
            let ((k, errno), m) = both(&mut arena, at, size);
            assert_eq!(k, m, "size {size}, {over} bytes unmapped: kernel {k:?} ({errno}), uabi {m:?}");
            // A non-zero tail byte on the mapped page is found before the fault: E2BIG.
            if size > 24 && at + 24 < arena.len {
                arena.bytes()[at + 24] = 1;
                let ((k, errno), m) = both(&mut arena, at, size);
                assert_eq!(k, m, "size {size}, dirty, {over} unmapped: kernel {k:?} ({errno}), uabi {m:?}");
            }
        }
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(2048))]

    /// Random sizes, random field values from a set that reaches every openat2 check, random
    /// tails (zero, or one non-zero byte anywhere past `flags`), random distance to the guard
    /// page.
    #[test]
    #[cfg_attr(miri, ignore = "runs openat2(2) on the kernel: Miri runs no system calls")]
    fn random_sizes_and_tails(
        size in prop_oneof![3 => 0..=64usize, 1 => 0..=4096 + 64usize],
        flags in proptest::sample::select(OPEN_FLAGS.to_vec()),
        mode in prop_oneof![3 => Just(0u64), 1 => Just(0o644u64)],
        resolve in prop_oneof![3 => 0..0x40u64, 1 => 0..0x100u64],
        poke in proptest::option::of((any::<Index>(), 1..=255u8)),
        gap in prop_oneof![3 => Just(0usize), 1 => 0..64usize],
    ) {
        if !openat2_available() {
            return Ok(());
        }
        let how = OpenHow { flags, mode, resolve };
        // Poke mode, resolve or the tail; not `flags`, whose valid set is per architecture.
        let poke = poke.filter(|_| size > 8).map(|(i, v)| (8 + i.index(size - 8), v));
        let mut arena = Arena::new(2);
        let at = arena.place_at_end(&buffer(&how, size, poke), gap);
        let ((k, errno), m) = both(&mut arena, at, size);
        prop_assert_eq!(k, m, "kernel errno {}", errno);
    }
}
