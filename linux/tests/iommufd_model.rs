//! iommufd without a kernel that has it (the host has no `/dev/iommu`): every command struct of
//! `uabi_linux::iommufd` against Linux's table of commands (`iommufd_ioctl_ops` in
//! drivers/iommu/iommufd/main.c: each ioctl's number, struct and `min_size`, the `offsetofend`
//! of a named field), and `uabi::decode::<T>` of each against a byte-level model of
//! `iommufd_fops_ioctl`'s copy-in, over every size from 0 to a page plus 64, clean and dirty
//! tails, and the struct running into unmapped memory.
//!
//! `iommufd_fops_ioctl`: `get_user(ucmd.user_size, (u32 __user *)arg)` (EFAULT); the number
//! must be the table's (ENOTTY otherwise); `user_size < op->min_size` is EINVAL;
//! `copy_struct_from_user(&buf, op->size, arg, user_size)`: the bytes past `op->size` must be
//! zero (E2BIG), a fault is EFAULT, a shorter struct is zero-extended. There is no upper bound.
//! The header and every number of it are compared with Linux's own by tests/sid_dropin.rs.

use uabi::{Errno, Extensible, SimMemory, SizePolicy};
use uabi_linux::iommufd::*;

/// The size of the field `f` points to.
fn field_size<T, F>(_: fn(&T) -> &F) -> usize {
    size_of::<F>()
}

/// Linux's `offsetofend(struct, field)`.
macro_rules! end_of {
    ($t:ty, $f:ident) => {
        core::mem::offset_of!($t, $f) + field_size(|x: &$t| &x.$f)
    };
}

/// One row of `iommufd_ioctl_ops`, and uabi's view of it.
struct Row {
    ioctl: &'static str,
    request: u32,
    nr: u32,
    /// `op->size`: `sizeof(struct ..)`.
    size: usize,
    /// `op->min_size`: `offsetofend(struct .., last)` with Linux's `last`.
    min_size: usize,
    /// uabi's `MINSZ`, `POLICY` and size field, and the decoder under test.
    minsz: usize,
    policy: SizePolicy,
    size_field: Option<uabi::FieldSpan>,
    decode: fn(&mut SimMemory<'_>, u64) -> Result<Vec<u8>, Errno>,
}

fn decode<T: Extensible>(mem: &mut SimMemory<'_>, addr: u64) -> Result<Vec<u8>, Errno> {
    uabi::decode::<T, _>(mem, addr, 0).map(|d| d.value.as_bytes().to_vec()).map_err(|e| e.errno())
}

macro_rules! row {
    ($ioctl:ident, $t:ty, $cmd:ident, $last:ident) => {
        Row {
            ioctl: stringify!($ioctl),
            request: $ioctl.request(),
            nr: $cmd,
            size: size_of::<$t>(),
            min_size: end_of!($t, $last),
            minsz: <$t as Extensible>::MINSZ,
            policy: <$t as Extensible>::POLICY,
            size_field: <$t as Extensible>::ARGSZ,
            decode: decode::<$t>,
        }
    };
}

/// Linux 7.2's table, in its order, with each row's `last` field.
fn table() -> Vec<Row> {
    vec![
        row!(IOMMU_DESTROY, IommuDestroy, IOMMUFD_CMD_DESTROY, id),
        row!(IOMMU_FAULT_QUEUE_ALLOC, IommuFaultAlloc, IOMMUFD_CMD_FAULT_QUEUE_ALLOC, out_fault_fd),
        row!(IOMMU_GET_HW_INFO, IommuHwInfo, IOMMUFD_CMD_GET_HW_INFO, __reserved),
        row!(IOMMU_HW_QUEUE_ALLOC, IommuHwQueueAlloc, IOMMUFD_CMD_HW_QUEUE_ALLOC, length),
        row!(IOMMU_HWPT_ALLOC, IommuHwptAlloc, IOMMUFD_CMD_HWPT_ALLOC, __reserved),
        row!(IOMMU_HWPT_GET_DIRTY_BITMAP, IommuHwptGetDirtyBitmap, IOMMUFD_CMD_HWPT_GET_DIRTY_BITMAP, data),
        row!(IOMMU_HWPT_INVALIDATE, IommuHwptInvalidate, IOMMUFD_CMD_HWPT_INVALIDATE, __reserved),
        row!(IOMMU_HWPT_SET_DIRTY_TRACKING, IommuHwptSetDirtyTracking, IOMMUFD_CMD_HWPT_SET_DIRTY_TRACKING, __reserved),
        row!(IOMMU_IOAS_ALLOC, IommuIoasAlloc, IOMMUFD_CMD_IOAS_ALLOC, out_ioas_id),
        row!(IOMMU_IOAS_ALLOW_IOVAS, IommuIoasAllowIovas, IOMMUFD_CMD_IOAS_ALLOW_IOVAS, allowed_iovas),
        row!(IOMMU_IOAS_CHANGE_PROCESS, IommuIoasChangeProcess, IOMMUFD_CMD_IOAS_CHANGE_PROCESS, __reserved),
        row!(IOMMU_IOAS_COPY, IommuIoasCopy, IOMMUFD_CMD_IOAS_COPY, src_iova),
        row!(IOMMU_IOAS_IOVA_RANGES, IommuIoasIovaRanges, IOMMUFD_CMD_IOAS_IOVA_RANGES, out_iova_alignment),
        row!(IOMMU_IOAS_MAP, IommuIoasMap, IOMMUFD_CMD_IOAS_MAP, iova),
        row!(IOMMU_IOAS_MAP_FILE, IommuIoasMapFile, IOMMUFD_CMD_IOAS_MAP_FILE, iova),
        row!(IOMMU_IOAS_UNMAP, IommuIoasUnmap, IOMMUFD_CMD_IOAS_UNMAP, length),
        row!(IOMMU_OPTION, IommuOption, IOMMUFD_CMD_OPTION, val64),
        row!(IOMMU_VDEVICE_ALLOC, IommuVdeviceAlloc, IOMMUFD_CMD_VDEVICE_ALLOC, virt_id),
        row!(IOMMU_VEVENTQ_ALLOC, IommuVeventqAlloc, IOMMUFD_CMD_VEVENTQ_ALLOC, out_veventq_fd),
        row!(IOMMU_VFIO_IOAS, IommuVfioIoas, IOMMUFD_CMD_VFIO_IOAS, __reserved),
        row!(IOMMU_VIOMMU_ALLOC, IommuViommuAlloc, IOMMUFD_CMD_VIOMMU_ALLOC, out_viommu_id),
    ]
}

#[test]
fn every_command_is_linuxs_row() {
    let rows = table();
    // Every ioctl of the module is in Linux's table, and the reverse.
    let ours: Vec<&str> = IOCTLS.iter().map(|e| e.name).collect();
    let mut theirs: Vec<&str> = rows.iter().map(|r| r.ioctl).collect();
    let mut sorted = ours.clone();
    sorted.sort();
    theirs.sort();
    assert_eq!(sorted, theirs);
    for r in &rows {
        // `_IO(IOMMUFD_TYPE, nr)`: no size and no direction in the number, on every encoding.
        assert_eq!(r.request, (u32::from(IOMMUFD_TYPE) << 8) | r.nr, "{}", r.ioctl);
        assert_eq!(r.minsz, r.min_size, "{}: uabi's first version must end where Linux's min_size does", r.ioctl);
        assert_eq!(r.policy, SizePolicy::SizedField, "{}", r.ioctl);
        assert_eq!(r.size_field, Some(uabi::FieldSpan { offset: 0, size: 4 }), "{}", r.ioctl);
        assert!(r.min_size <= r.size);
    }
    // The commands that grew, by Linux's own `min_size`.
    let grew: Vec<(&str, usize, usize)> = rows.iter().filter(|r| r.min_size < r.size).map(|r| (r.ioctl, r.min_size, r.size)).collect();
    assert_eq!(
        grew,
        [
            ("IOMMU_GET_HW_INFO", 32, 40),
            ("IOMMU_HWPT_ALLOC", 24, 48),
            ("IOMMU_VEVENTQ_ALLOC", 28, 32),
            ("IOMMU_VIOMMU_ALLOC", 24, 40)
        ]
    );
}

/// `iommufd_fops_ioctl`'s copy-in of the command at `at` in `mem` (nothing mapped past its
/// end): the kernel's copy of `op->size` bytes, or the errno.
fn reference(mem: &[u8], at: usize, size: usize, min_size: usize) -> Result<Vec<u8>, Errno> {
    let user_size = match mem.get(at..at + 4) {
        Some(b) => u32::from_ne_bytes(b.try_into().unwrap()) as usize,
        None => return Err(Errno::Fault),
    };
    if user_size < min_size {
        return Err(Errno::Inval);
    }
    if user_size > size {
        for i in at + size..at + user_size {
            match mem.get(i) {
                None => return Err(Errno::Fault),
                Some(0) => {}
                Some(_) => return Err(Errno::TooBig),
            }
        }
    }
    let n = user_size.min(size);
    let mut out = mem.get(at..at + n).ok_or(Errno::Fault)?.to_vec();
    out.resize(size, 0);
    Ok(out)
}

#[test]
fn every_decoder_copies_in_as_iommufd_does() {
    const BASE: u64 = 0x40_0000;
    const PAGE: usize = 4096;
    let mut checked = 0;
    for r in table() {
        let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
        // Under Miri (scripts/miri.sh), a few sizes around the struct's.
        let sizes: Vec<usize> = if cfg!(miri) {
            vec![0, 3, r.min_size - 1, r.min_size, r.size, r.size + 1, r.size + 9]
        } else {
            (0..=PAGE + 64).filter(|s| *s <= 200 || s % 61 == 0 || *s >= PAGE - 8).collect()
        };
        for user_size in sizes {
            // The command's bytes: the size field, a pattern, then the tail.
            let len = user_size.max(4);
            let mut b: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_mul(37) | 1).collect();
            b[..4].copy_from_slice(&(user_size as u32).to_ne_bytes());
            let mut clean = b.clone();
            if user_size > r.size {
                clean[r.size..].fill(0);
                let mut dirty = clean.clone();
                dirty[user_size - 1] = 0x80;
                cases.push((format!("size {user_size}, dirty"), dirty));
            }
            cases.push((format!("size {user_size}"), clean.clone()));
            // Running into unmapped memory: the mapping ends inside the command.
            for keep in [2usize, 4, r.min_size - 1, r.size, r.size + 3] {
                if keep < clean.len() {
                    cases.push((format!("size {user_size}, {keep} bytes mapped"), clean[..keep].to_vec()));
                }
            }
        }
        for (what, bytes) in cases {
            // The command at the end of the mapping, at an 8-aligned address.
            let pad = (8 - bytes.len() % 8) % 8;
            let mut mem = vec![0u8; pad];
            mem.extend_from_slice(&bytes);
            let want = reference(&mem, pad, r.size, r.min_size);
            let mut sim = SimMemory::new(BASE, &mut mem);
            let got = (r.decode)(&mut sim, BASE + pad as u64);
            assert_eq!(got, want, "{} {what}", r.ioctl);
            checked += 1;
        }
    }
    assert!(checked > if cfg!(miri) { 200 } else { 10_000 }, "{checked} cases");
}

#[test]
fn a_decoder_with_another_minimum_is_caught() {
    // The comparison above can fail: the reference with the struct's full size as `min_size`
    // (the 2025 VFIO_DEVICE_BIND_IOMMUFD bug turned around) disagrees with the decoder for a
    // command that grew.
    let rows = table();
    let r = rows.iter().find(|r| r.ioctl == "IOMMU_HWPT_ALLOC").unwrap();
    let mut mem = vec![0u8; 24];
    mem[..4].copy_from_slice(&24u32.to_ne_bytes());
    let want_wrong = reference(&mem, 0, r.size, r.size);
    let mut sim = SimMemory::new(0x1000, &mut mem);
    let got = (r.decode)(&mut sim, 0x1000);
    assert_eq!(want_wrong, Err(Errno::Inval));
    assert!(got.is_ok(), "a 24-byte IOMMU_HWPT_ALLOC is Linux's first version: {got:?}");
}
