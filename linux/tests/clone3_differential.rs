//! Differential test against the running kernel: clone3(2) reads `struct clone_args` with
//! `copy_struct_from_user` and a size passed beside the pointer, and
//! `decode_sized::<CloneArgs>`, the decoder of `#[uabi(policy = sized)]`, must give the same
//! verdict for every size from 0 to a page plus 64, with clean and dirty tails, the struct
//! ending at a PROT_NONE guard page.
//!
//! Harmless forms, and why:
//! - The sweep over every size asks for `CLONE_INTO_CGROUP` with a `cgroup` descriptor that is
//!   not open. Everything about the struct is decided in `copy_clone_args_from_user` and
//!   `clone3_args_valid` (sizes, tail, flags, the `CLONE_INTO_CGROUP` gate that needs
//!   `CLONE_ARGS_SIZE_VER2`), before `copy_process`; there, `cgroup_css_set_fork` looks the
//!   descriptor up and fails with EBADF, and the half-built task is torn down without ever
//!   running. So EBADF is the kernel's "the struct was accepted", and no process is created.
//! - A smaller set of sizes uses plain `SIGCHLD` flags, where the kernel really creates a
//!   child: the child calls `_exit(0)` as the first thing after the syscall returns (no Rust
//!   code, no allocation, async-signal-safe in a multithreaded parent) and is reaped at once.
//!
//! Order of checks in kernel/fork.c `copy_clone_args_from_user`: `usize > PAGE_SIZE` E2BIG,
//! `usize < CLONE_ARGS_SIZE_VER0` EINVAL (both before any read; disjoint, so their order
//! cannot be observed), `copy_struct_from_user` (E2BIG tail, EFAULT), then field checks
//! (EINVAL), including `CLONE_INTO_CGROUP` with a size below VER2.

mod kernel;

use kernel::{page_size, Arena, Class};
use proptest::prelude::*;
use uabi_linux::sched::*;
use uabi::{decode_sized_max, Extensible};
use zerocopy::IntoBytes;

/// A descriptor number nobody has open (and at most INT_MAX, which clone3 requires).
const NOT_AN_FD: u64 = 0x3fff_fff0;

#[test]
#[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
fn the_definition_matches_the_kernel_header() {
    // Values from <linux/sched.h>: CLONE_ARGS_SIZE_VER0..VER2.
    assert_eq!((CloneArgs::SIZE_VER0, CloneArgs::SIZE_VER1, CloneArgs::SIZE_VER2), (64, 80, 88));
    assert_eq!(CloneArgs::POLICY, uabi::SizePolicy::Sized);
    assert_eq!(CloneArgs::ARGSZ, None);
}

fn into_cgroup() -> CloneArgs {
    CloneArgs { flags: CLONE_INTO_CGROUP, exit_signal: libc::SIGCHLD as u64, cgroup: NOT_AN_FD, ..Default::default() }
}

fn plain() -> CloneArgs {
    CloneArgs { exit_signal: libc::SIGCHLD as u64, ..Default::default() }
}

/// The kernel: `clone3(args, size)`. A child, if one is made, exits at once and is reaped.
fn kernel_call(args: *const u8, size: usize) -> (Class, i32) {
    // SAFETY: `args` may be any pointer, the kernel checks it. In a child (r == 0) nothing but
    // `_exit` runs.
    let r = unsafe { libc::syscall(libc::SYS_clone3, args, size) };
    if r == 0 {
        // SAFETY: the child leaves without touching anything of the parent's state.
        unsafe { libc::_exit(0) };
    }
    if r > 0 {
        let mut status = 0;
        // SAFETY: reaps exactly the child this call created.
        unsafe { libc::waitpid(r as i32, &mut status, libc::__WALL) };
        return (Class::Accepted, 0);
    }
    let e = kernel::errno();
    let class = match e {
        libc::EINVAL => Class::Inval,
        libc::E2BIG => Class::TooBig,
        libc::EFAULT => Class::Fault,
        // EBADF from the cgroup descriptor: the struct itself was accepted.
        _ => Class::Accepted,
    };
    (class, e)
}

/// uabi's side: `decode_sized` with the machine's page size, then clone3's own checks, all of
/// which the heads used here pass.
fn model(arena: &mut Arena, at: usize, size: usize) -> Class {
    let addr = arena.base() + at as u64;
    match decode_sized_max::<CloneArgs, _>(&arena.sim(), addr, size, page_size()) {
        Ok(_) => Class::Accepted,
        Err(e) => Class::of(&e),
    }
}

/// Whether clone3 is here and the EBADF form behaves as described; prints why not otherwise.
fn clone3_available() -> bool {
    let args = into_cgroup();
    let (class, e) = kernel_call(args.as_bytes().as_ptr(), size_of::<CloneArgs>());
    match (class, e) {
        (Class::Accepted, libc::EBADF) => true,
        (_, libc::ENOSYS) => {
            eprintln!("SKIP: clone3(2) is not available (ENOSYS)");
            false
        }
        (_, libc::EPERM) => {
            eprintln!("SKIP: clone3(2) is blocked (EPERM), probably by a seccomp filter");
            false
        }
        other => {
            eprintln!("SKIP: clone3 with CLONE_INTO_CGROUP and a closed descriptor answered {other:?}, not EBADF");
            false
        }
    }
}

fn buffer(args: &CloneArgs, size: usize, poke: Option<usize>) -> Vec<u8> {
    let mut b = args.as_bytes().to_vec();
    b.resize(size.max(b.len()), 0);
    b.truncate(size);
    if let Some(at) = poke {
        b[at] = 0x80;
    }
    b
}

fn check(arena: &mut Arena, data: &[u8], size: usize, gap: usize, what: &str) -> Option<String> {
    let at = arena.place_at_end(data, gap);
    let (k, e) = kernel_call(arena.ptr.wrapping_add(at), size);
    let m = model(arena, at, size);
    (k != m).then(|| format!("{what}: kernel {k:?} (errno {e}), uabi {m:?}"))
}

#[test]
#[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
fn every_size_with_clean_and_dirty_tails() {
    if !clone3_available() {
        return;
    }
    let known = size_of::<CloneArgs>();
    let mut arena = Arena::new(3);
    let mut bad = Vec::new();
    for size in 0..=page_size() + 64 {
        let args = into_cgroup();
        bad.extend(check(&mut arena, &buffer(&args, size, None), size, 0, &format!("size {size}, clean")));
        if size > known {
            for at in [known, size - 1] {
                let what = format!("size {size}, byte {at} set");
                bad.extend(check(&mut arena, &buffer(&args, size, Some(at)), size, 0, &what));
            }
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
#[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
fn accepted_sizes_with_a_real_child() {
    if !clone3_available() {
        return;
    }
    let mut arena = Arena::new(3);
    let mut bad = Vec::new();
    for size in [0usize, 8, 63, 64, 65, 72, 80, 87, 88, 89, 96, 200, 4095, 4096, 4097] {
        bad.extend(check(&mut arena, &buffer(&plain(), size, None), size, 0, &format!("size {size}, plain")));
        if size > 88 {
            bad.extend(check(&mut arena, &buffer(&plain(), size, Some(88)), size, 0, &format!("size {size}, plain, dirty")));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
fn struct_running_into_the_guard_page() {
    if !clone3_available() {
        return;
    }
    let mut arena = Arena::new(1);
    let mut bad = Vec::new();
    for size in [64usize, 80, 88, 96, 200, 4096] {
        for keep in [0usize, 1, 8, 63, 64, 87, 88, 89, 100] {
            if keep >= size {
                continue;
            }
            let mut data = buffer(&into_cgroup(), size, None);
            data.truncate(keep);
            bad.extend(check(&mut arena, &data, size, 0, &format!("size {size}, {keep} bytes mapped")));
            if keep > 89 {
                data[88] = 1;
                bad.extend(check(&mut arena, &data, size, 0, &format!("size {size}, dirty, {keep} bytes mapped")));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
fn a_broken_decoder_is_caught() {
    if !clone3_available() {
        return;
    }
    // The same comparison against a decoder that forgot the CLONE_INTO_CGROUP gate (it knows
    // only version 2's size as a plain size): sizes 64..88 must then disagree.
    let mut arena = Arena::new(1);
    let data = buffer(&into_cgroup(), 72, None);
    let at = arena.place_at_end(&data, 0);
    let (k, _) = kernel_call(arena.ptr.wrapping_add(at), 72);
    let addr = arena.base() + at as u64;
    let ungated = uabi::decode_sized_max::<CloneArgs, _>(&arena.sim(), addr, 72, page_size()).map(|d| d.value);
    assert_eq!(k, Class::Inval, "the kernel refuses CLONE_INTO_CGROUP below VER2");
    assert_eq!(ungated.map_err(|e| Class::of(&e)), Err(Class::Inval), "the gate is what makes uabi agree");
    assert_eq!(uabi::check_fields(&into_cgroup(), 88), Ok(()));
    assert_ne!(uabi::check_fields(&into_cgroup(), 72).map_err(|e| Class::of(&e)), Ok(()), "without the gate the verdicts would differ");
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    #[cfg_attr(miri, ignore = "runs clone3(2) on the kernel: Miri runs no system calls")]
    fn random_sizes_tails_and_gaps(
        size in prop_oneof![3 => 0..=128usize, 1 => 0..=4096 + 64usize],
        poke in proptest::option::of(any::<proptest::sample::Index>()),
        gap in prop_oneof![3 => Just(0usize), 1 => 0..64usize],
        flags in proptest::sample::select(vec![CLONE_INTO_CGROUP, CLONE_INTO_CGROUP | CLONE_CLEAR_SIGHAND, CLONE_INTO_CGROUP | (1 << 40), CLONE_INTO_CGROUP | 0x400000]),
    ) {
        if !clone3_available() {
            return Ok(());
        }
        let args = CloneArgs { flags, ..into_cgroup() };
        let poke = poke.filter(|_| size > 88).map(|i| 88 + i.index(size - 88));
        let mut arena = Arena::new(2);
        let r = check(&mut arena, &buffer(&args, size, poke), size, gap, "random");
        prop_assert!(r.is_none(), "{:?}", r);
    }
}
