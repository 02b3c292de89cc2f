//! Every success and error path of the decoders: VFIO's `argsz` policy, Linux's
//! `copy_struct_from_user` policy and the two combined.

mod common;

use common::*;
use uabi::{
    decode_argsz, decode_argsz_sized, decode_sized, decode_sized_max, Decoded, Errno, Error,
    SimMemory, PAGE_SIZE,
};
use zerocopy::IntoBytes;

fn v3(argsz: u32, flags: u32) -> ExtV3 {
    ExtV3 { argsz, flags, a: 0xa, b: 0xb, c: 0xc, d: 0xd, reserved: 0 }
}

// ----- VFIO policy: decode_argsz -----------------------------------------------------------

#[test]
fn argsz_full_size_decodes_every_field() {
    let user = v3(32, F_A | F_C | F_D);
    let mut buf = [0u8; 64];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE), Ok(Decoded { value: user, size: 32 }));
}

#[test]
fn argsz_old_caller_is_zero_extended_and_nothing_past_argsz_is_read() {
    // The caller knows only v1; its 16 bytes end the mapping, so reading byte 16 would fault.
    let user = ExtV1 { argsz: 16, flags: F_A, a: 1, b: 2 };
    let mut buf = [0u8; 16];
    let mem = mapped(&mut buf, user.as_bytes());
    let got = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap();
    assert_eq!(got.value, ExtV3 { argsz: 16, flags: F_A, a: 1, b: 2, ..Default::default() });
    assert_eq!(got.size, 16);
}

#[test]
fn argsz_newer_caller_extra_bytes_are_ignored_unread() {
    // argsz says 64 but only the 32 known bytes are mapped: VFIO never reads past its size.
    let user = v3(64, F_A);
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE).unwrap().size, 64);
    // And non-zero extra bytes are accepted, unlike copy_struct_from_user.
    let mut buf = [0xffu8; 64];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE).unwrap().value, user);
}

#[test]
fn argsz_old_decoder_ignores_newer_fields() {
    let user = v3(32, F_A);
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    let got = decode_argsz::<ExtV1, _>(&mem, BASE).unwrap();
    assert_eq!(got.value, ExtV1 { argsz: 32, flags: F_A, a: 0xa, b: 0xb });
}

#[test]
fn argsz_below_minsz_is_einval() {
    for argsz in [0u32, 1, 4, 15] {
        let user = v3(argsz, 0);
        let mut buf = [0u8; 32];
        let mem = mapped(&mut buf, user.as_bytes());
        let err = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap_err();
        assert_eq!(err, Error::SizeTooSmall { size: argsz as usize, min: 16 });
        assert_eq!(err.errno(), Errno::Inval);
    }
}

#[test]
fn argsz_unknown_flag_is_einval() {
    let user = v3(32, F_A | F_C | 1 << 9);
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    let err = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap_err();
    assert_eq!(err, Error::UnknownFlags { unknown: 1 << 9 });
    assert_eq!(err.errno(), Errno::Inval);
    // A flag of a newer version is unknown to an older decoder.
    let err = decode_argsz::<ExtV1, _>(&mem, BASE).unwrap_err();
    assert_eq!(err, Error::UnknownFlags { unknown: (F_C | 1 << 9) as u64 });
}

#[test]
fn argsz_flag_announcing_field_outside_argsz_is_einval() {
    for argsz in [16u32, 20, 23] {
        let user = v3(argsz, F_C);
        let mut buf = [0u8; 32];
        let mem = mapped(&mut buf, user.as_bytes());
        let err = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap_err();
        assert_eq!(err, Error::GatedFieldOutsideArgsz { flag: F_C as u64, end: 24, argsz: argsz as usize });
        assert_eq!(err.errno(), Errno::Inval);
    }
    // The same flag with the field inside argsz is fine.
    let user = v3(24, F_C);
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE).unwrap().value.c, 0xc);
}

#[test]
fn argsz_reserved_not_zero_is_einval_only_when_passed() {
    let mut user = v3(32, 0);
    user.reserved = 1;
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    let err = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap_err();
    assert_eq!(err, Error::ReservedNotZero { offset: 28 });
    assert_eq!(err.errno(), Errno::Inval);
    // With argsz 28 the reserved field is not the caller's: its bytes are not copied.
    user.argsz = 28;
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE).unwrap().value.reserved, 0);
}

#[test]
fn argsz_struct_straddling_unmapped_page_is_efault() {
    // argsz (and all of minsz) readable, but argsz claims bytes past the mapping.
    let user = v3(32, 0);
    let mut buf = [0u8; 20];
    let mem = mapped(&mut buf, &user.as_bytes()[..20]);
    let err = decode_argsz::<ExtV3, _>(&mem, BASE).unwrap_err();
    assert_eq!(err, Error::Fault { addr: BASE + 20 });
    assert_eq!(err.errno(), Errno::Fault);
    // minsz itself not readable.
    let mut buf = [0u8; 10];
    let mem = mapped(&mut buf, &user.as_bytes()[..10]);
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE), Err(Error::Fault { addr: BASE + 10 }));
    // An address below the mapping faults at that address.
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE - 4), Err(Error::Fault { addr: BASE - 4 }));
}

#[test]
fn argsz_minsz_fault_wins_over_small_argsz() {
    // VFIO copies minsz before it looks at argsz, so a 4-byte argsz of 4 in an 8-byte mapping
    // is EFAULT, not EINVAL.
    let mut buf = [0u8; 8];
    let mem = mapped(&mut buf, &4u32.to_ne_bytes());
    assert_eq!(decode_argsz::<ExtV3, _>(&mem, BASE), Err(Error::Fault { addr: BASE + 8 }));
}

// ----- copy_struct_from_user policy: decode_sized ------------------------------------------

#[test]
fn sized_exact_and_shorter_sizes() {
    let user = v3(0, F_A | F_C | F_D);
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, 32).unwrap().value, user);
    // Old caller, new kernel: zero-extended (flags from v1 only so the gates hold).
    let user = ExtV1 { argsz: 0, flags: F_A, a: 5, b: 6 };
    let mut buf = [0u8; 16];
    let mem = mapped(&mut buf, user.as_bytes());
    let got = decode_sized::<ExtV3, _>(&mem, BASE, 16).unwrap();
    assert_eq!(got, Decoded { value: ExtV3 { argsz: 0, flags: F_A, a: 5, b: 6, ..Default::default() }, size: 16 });
}

#[test]
fn sized_longer_with_zero_tail_is_accepted() {
    let user = v3(0, 0);
    for size in [33usize, 40, 100, PAGE_SIZE] {
        let mut buf = vec![0u8; size];
        let mem = mapped(&mut buf, user.as_bytes());
        assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, size).unwrap().value, user);
    }
}

#[test]
fn sized_longer_with_non_zero_tail_is_e2big() {
    let user = v3(0, 0);
    for (size, at) in [(33usize, 32usize), (40, 39), (200, 100), (PAGE_SIZE, PAGE_SIZE - 1)] {
        let mut buf = vec![0u8; size];
        buf[at] = 0x80;
        let mem = mapped(&mut buf, user.as_bytes());
        let err = decode_sized::<ExtV3, _>(&mem, BASE, size).unwrap_err();
        assert_eq!(err, Error::UnknownTrailingBytes { offset: at });
        assert_eq!(err.errno(), Errno::TooBig);
    }
}

#[test]
fn sized_new_caller_old_kernel() {
    // A v3 caller talking to a v1 kernel: fine while it leaves the newer fields zero.
    let user = ExtV3 { argsz: 0, flags: F_A, a: 1, b: 2, ..Default::default() };
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_sized::<ExtV1, _>(&mem, BASE, 32).unwrap().value, ExtV1 { argsz: 0, flags: F_A, a: 1, b: 2 });
    // Using field d (offset 24) is E2BIG there.
    let user = ExtV3 { d: 1, ..user };
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_sized::<ExtV1, _>(&mem, BASE, 32), Err(Error::UnknownTrailingBytes { offset: 24 }));
}

#[test]
fn sized_above_page_size_is_e2big_even_with_zero_tail() {
    let mut buf = vec![0u8; 8192];
    let mem = SimMemory::new(BASE, &mut buf);
    for size in [PAGE_SIZE + 1, 8192, usize::MAX] {
        let err = decode_sized::<ExtV3, _>(&mem, BASE, size).unwrap_err();
        assert_eq!(err, Error::SizeTooLarge { size, max: PAGE_SIZE });
        assert_eq!(err.errno(), Errno::TooBig);
    }
    // The limit is a parameter.
    assert_eq!(decode_sized_max::<ExtV3, _>(&mem, BASE, 8192, 8192).unwrap().size, 8192);
    assert_eq!(
        decode_sized_max::<ExtV3, _>(&mem, BASE, 64, 48),
        Err(Error::SizeTooLarge { size: 64, max: 48 })
    );
}

#[test]
fn sized_below_minsz_is_einval() {
    let mut buf = [0u8; 32];
    let mem = SimMemory::new(BASE, &mut buf);
    for size in [0usize, 1, 8, 15] {
        let err = decode_sized::<ExtV3, _>(&mem, BASE, size).unwrap_err();
        assert_eq!(err, Error::SizeTooSmall { size, min: 16 });
        assert_eq!(err.errno(), Errno::Inval);
    }
}

#[test]
fn sized_faults() {
    let user = v3(0, 0);
    // The known part straddles the end of the mapping.
    let mut buf = [0u8; 24];
    let mem = mapped(&mut buf, &user.as_bytes()[..24]);
    assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, 32), Err(Error::Fault { addr: BASE + 24 }));
    // The zero tail runs into unmapped memory.
    let mut buf = [0u8; 100];
    let mem = mapped(&mut buf, user.as_bytes());
    let err = decode_sized::<ExtV3, _>(&mem, BASE, 200).unwrap_err();
    assert_eq!((err, err.errno()), (Error::Fault { addr: BASE + 100 }, Errno::Fault));
    // A non-zero byte found before the unmapped part: E2BIG, as check_zeroed_user stops there.
    let mut buf = [0u8; 100];
    buf[40] = 1;
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, 200), Err(Error::UnknownTrailingBytes { offset: 40 }));
    // copy_struct_from_user checks the tail before it copies: a non-zero tail wins over a
    // fault in the known part.
    let mut buf = [0u8; 64];
    buf[50] = 1;
    let mut mem = SimMemory::new(BASE, &mut buf);
    let addr = mem.addr(0);
    mem.bytes_mut()[..32].copy_from_slice(user.as_bytes());
    assert_eq!(decode_sized::<ExtV3, _>(&mem, addr, 64), Err(Error::UnknownTrailingBytes { offset: 50 }));
}

#[test]
fn sized_field_checks() {
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, v3(0, 1 << 20).as_bytes());
    assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, 32), Err(Error::UnknownFlags { unknown: 1 << 20 }));
    // Like clone3's CLONE_INTO_CGROUP with a size before CLONE_ARGS_SIZE_VER2.
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, v3(0, F_C).as_bytes());
    assert_eq!(
        decode_sized::<ExtV3, _>(&mem, BASE, 16),
        Err(Error::GatedFieldOutsideArgsz { flag: F_C as u64, end: 24, argsz: 16 })
    );
    let mut buf = [0u8; 32];
    let mem = mapped(&mut buf, ExtV3 { reserved: 7, ..v3(0, 0) }.as_bytes());
    assert_eq!(decode_sized::<ExtV3, _>(&mem, BASE, 32), Err(Error::ReservedNotZero { offset: 28 }));
}

// ----- argsz + copy_struct_from_user: decode_argsz_sized -----------------------------------

/// Linux 6.x shipped VFIO_DEVICE_BIND_IOMMUFD calling
/// `copy_struct_from_user(&bind, minsz, arg, user_size)`: the decoder's known size was the
/// first version's, so every caller passing the newest size with the token set got E2BIG.
/// uabi's decoders always use `size_of::<T>()`.
#[test]
fn vfio_device_bind_iommufd_newest_size_with_token_is_accepted() {
    let user = BindIommufd {
        argsz: 24,
        flags: VFIO_DEVICE_BIND_FLAG_TOKEN,
        iommufd: 3,
        out_devid: 0,
        token_uuid_ptr: 0x7fff_1234_5678,
    };
    let mut buf = [0u8; 24];
    let mem = mapped(&mut buf, user.as_bytes());
    assert_eq!(decode_argsz_sized::<BindIommufd, _>(&mem, BASE), Ok(Decoded { value: user, size: 24 }));

    // What the bug did: a decoder whose known size is minsz sees the token as unknown
    // trailing bytes. That answer is right only for a kernel that predates the token.
    assert_eq!(
        decode_argsz_sized::<BindIommufdMinsz, _>(&mem, BASE),
        Err(Error::UnknownTrailingBytes { offset: 16 })
    );
}

#[test]
fn vfio_device_bind_iommufd_other_sizes() {
    // Old caller: zero-extended.
    let old = BindIommufdMinsz { argsz: 16, flags: 0, iommufd: 3, out_devid: 0 };
    let mut buf = [0u8; 16];
    let mem = mapped(&mut buf, old.as_bytes());
    let got = decode_argsz_sized::<BindIommufd, _>(&mem, BASE).unwrap();
    assert_eq!((got.value.iommufd, got.value.token_uuid_ptr, got.size), (3, 0, 16));
    // Old caller setting the token flag: the token is not inside argsz.
    let mut buf = [0u8; 16];
    let mem = mapped(&mut buf, BindIommufdMinsz { flags: VFIO_DEVICE_BIND_FLAG_TOKEN, ..old }.as_bytes());
    assert_eq!(
        decode_argsz_sized::<BindIommufd, _>(&mem, BASE),
        Err(Error::GatedFieldOutsideArgsz { flag: 1, end: 24, argsz: 16 })
    );
    // The buggy decoder knew the flag but not the field it announces: it accepted the flag and
    // never looked for the token.
    let token_flag_only = BindIommufdMinsz { flags: VFIO_DEVICE_BIND_FLAG_TOKEN, ..old };
    assert_eq!(
        decode_argsz_sized::<BindIommufdMinsz, _>(&mem, BASE),
        Ok(Decoded { value: token_flag_only, size: 16 })
    );
    // Newer caller: zero tail accepted, non-zero tail E2BIG, argsz below minsz EINVAL.
    let newer = BindIommufd { argsz: 40, ..Default::default() };
    let mut buf = [0u8; 40];
    let mem = mapped(&mut buf, newer.as_bytes());
    assert_eq!(decode_argsz_sized::<BindIommufd, _>(&mem, BASE).unwrap().size, 40);
    let mut buf = [0u8; 40];
    buf[33] = 1;
    let mem = mapped(&mut buf, newer.as_bytes());
    assert_eq!(decode_argsz_sized::<BindIommufd, _>(&mem, BASE), Err(Error::UnknownTrailingBytes { offset: 33 }));
    let mut buf = [0u8; 16];
    let mem = mapped(&mut buf, &12u32.to_ne_bytes());
    assert_eq!(decode_argsz_sized::<BindIommufd, _>(&mem, BASE), Err(Error::SizeTooSmall { size: 12, min: 16 }));
    // argsz unreadable.
    let mut buf = [0u8; 2];
    let mem = SimMemory::new(BASE, &mut buf);
    assert_eq!(decode_argsz_sized::<BindIommufd, _>(&mem, BASE), Err(Error::Fault { addr: BASE + 2 }));
}
