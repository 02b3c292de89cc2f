//! Writes the committed seed corpora (`corpus/<target>/seed-*`) from the cases of the unit and
//! property tests: each seed is the fuzzer input that decodes to that case. Run with
//! `cargo +nightly run --example seeds` in `fuzz/` after changing an input type.

use std::fs;
use std::path::Path;

use uabi_fuzz::{Base, DecodeCase};

/// The input of a decoder target for the case (page base, the size stamped into the size
/// field).
fn decode_case(ty: u8, at: u8, fault: u16, size: u32, bytes: &[u8]) -> Vec<u8> {
    let case = DecodeCase {
        ty,
        base: Base::Page,
        at,
        fault,
        size,
        wide: None,
        stamp: true,
        bytes: bytes.to_vec(),
    };
    let v = case.to_bytes();
    assert_eq!(DecodeCase::parse(&v), case);
    v
}

fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
}

fn main() {
    // decode_argsz: policies::Info (ty 0) as in abi/tests/decode.rs, VfioDeviceInfo (2),
    // VfioIommuType1DmaUnmap (3).
    let v3 = |argsz: u32, flags: u32, reserved: u32| {
        words(&[argsz, flags, 0xa, 0xb, 0xc, 0, 0xd, reserved])
    };
    for (name, at, fault, size, bytes) in [
        ("full", 0, 64, 32, v3(32, 7, 0)),
        ("old-caller-ends-mapping", 0, 16, 16, v3(16, 1, 0)),
        (
            "newer-caller",
            8,
            128,
            64,
            [v3(64, 1, 0), vec![0xff; 32]].concat(),
        ),
        ("below-minsz", 0, 32, 4, v3(4, 0, 0)),
        ("unknown-flag", 0, 32, 32, v3(32, 1 << 9, 0)),
        ("gated-outside", 0, 32, 16, v3(16, 2, 0)),
        ("reserved", 0, 32, 32, v3(32, 0, 1)),
        ("straddles-fault", 0, 20, 32, v3(32, 0, 0)),
    ] {
        write(
            "decode_argsz",
            name,
            &decode_case(0, at, fault, size, &bytes),
        );
    }
    write(
        "decode_argsz",
        "device-info",
        &decode_case(2, 0, 64, 40, &words(&[40, 0xffff_ffff, 4, 9, 32, 0])),
    );
    write(
        "decode_argsz",
        "dma-unmap-bitmap",
        &decode_case(3, 0, 64, 48, &words(&[48, 1, 0, 0, 0x1000, 0])),
    );

    // decode_sized: policies::How (0), OpenHow (1), CloneArgs (2), as in openat2_differential.
    let how = |a: u32, b: u32| words(&[a, 0, b, 0]);
    for (name, ty, fault, size, bytes) in [
        ("ver0", 0, 8, 8, how(1, 0)),
        ("ver1", 0, 64, 16, how(1, 2)),
        ("zero-tail", 0, 64, 48, how(1, 2)),
        (
            "nonzero-tail",
            0,
            64,
            48,
            [how(1, 2), vec![0; 24], vec![1]].concat(),
        ),
        ("tail-past-fault", 0, 40, 48, how(1, 2)),
        ("page", 0, 4600, 4097, how(1, 2)),
        ("too-small", 0, 64, 4, how(1, 2)),
        ("openat2", 1, 64, 24, words(&[0o100, 0, 0o644, 0, 4, 0])),
        ("clone3", 2, 128, 88, words(&[0, 0, 0, 0, 0, 0, 17, 0])),
    ] {
        write(
            "decode_sized",
            name,
            &decode_case(ty, 0, fault, size, &bytes),
        );
    }

    // decode_sized_field: policies::Cmd (size at 8), Bind (size at 0), as in policy_props.
    for (name, ty, fault, size, bytes) in [
        ("cmd-full", 0, 64, 32, words(&[1, 0, 32, 1])),
        ("cmd-v1", 0, 16, 16, words(&[1, 0, 16, 1])),
        (
            "cmd-dirty-tail",
            0,
            64,
            40,
            [words(&[1, 0, 40, 0]), vec![0; 20], vec![9]].concat(),
        ),
        ("bind", 1, 64, 8, words(&[8, 3])),
    ] {
        write(
            "decode_sized_field",
            name,
            &decode_case(ty, 0, fault, size, &bytes),
        );
    }

    // decode_perf: policies::Attr (0) and PerfEventAttr (1), as in perf_differential.
    for (name, ty, fault, size) in [
        ("size-zero", 0, 64, 0),
        ("ver0", 0, 16, 16),
        ("ver1", 0, 64, 24),
        ("zero-tail", 0, 64, 40),
        ("too-small", 0, 64, 8),
        ("too-big", 0, 4600, 5000),
        ("perf-event-attr", 1, 256, 136),
    ] {
        write(
            "decode_perf",
            name,
            &decode_case(ty, 0, fault, size, &words(&[1, size, 2, 0])),
        );
    }
    write(
        "decode_perf",
        "nonzero-tail",
        &decode_case(
            0,
            0,
            64,
            40,
            &[words(&[1, 40, 2, 0]), vec![0; 16], vec![5]].concat(),
        ),
    );

    // cap_chain_walk: chains as in cap_chain.rs's tests (first: u32, fixed: u16, skew: u8).
    let walk = |first: u32, fixed: u16, skew: u8, buf: &[u8]| {
        let mut v = first.to_le_bytes().to_vec();
        v.extend_from_slice(&fixed.to_le_bytes());
        v.push(skew);
        v.extend_from_slice(buf);
        v
    };
    let header = |buf: &mut [u8], at: usize, id: u16, version: u16, next: u32| {
        buf[at..at + 2].copy_from_slice(&id.to_ne_bytes());
        buf[at + 2..at + 4].copy_from_slice(&version.to_ne_bytes());
        buf[at + 4..at + 8].copy_from_slice(&next.to_ne_bytes());
    };
    let mut chain = vec![0u8; 72];
    header(&mut chain, 16, 3, 1, 32); // VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL
    chain[24..28].copy_from_slice(&7u32.to_ne_bytes());
    header(&mut chain, 32, 1, 1, 56); // VFIO_REGION_INFO_CAP_SPARSE_MMAP, 1 area
    chain[40..44].copy_from_slice(&1u32.to_ne_bytes());
    header(&mut chain, 56, 2, 1, 0); // VFIO_REGION_INFO_CAP_TYPE
    write("cap_chain_walk", "three-caps", &walk(16, 16, 0, &chain));
    write("cap_chain_walk", "misaligned", &walk(16, 16, 1, &chain));
    let mut looped = vec![0u8; 48];
    header(&mut looped, 16, 1, 1, 32);
    header(&mut looped, 32, 2, 1, 16);
    write("cap_chain_walk", "loop", &walk(16, 16, 0, &looped));
    let mut info = vec![0u8; 48];
    info[..4].copy_from_slice(&48u32.to_ne_bytes());
    info[4..8].copy_from_slice(&8u32.to_ne_bytes()); // VFIO_DEVICE_FLAGS_CAPS
    info[16..20].copy_from_slice(&40u32.to_ne_bytes()); // cap_offset
    header(&mut info, 40, 4, 1, 0);
    write("cap_chain_walk", "device-info", &walk(40, 32, 0, &info));

    // cap_chain_build: as builder_output_matches_linux_layout and too_small_buffer_reports_needed_size.
    let build = |start: u16, size: u16, caps: &[(u16, u16, &[u8])]| {
        let mut v = start.to_le_bytes().to_vec();
        v.extend_from_slice(&size.to_le_bytes());
        v.push(0xee);
        for (id, version, payload) in caps {
            v.extend_from_slice(&id.to_le_bytes());
            v.extend_from_slice(&version.to_le_bytes());
            v.push(payload.len() as u8);
            v.extend_from_slice(payload);
        }
        v
    };
    write(
        "cap_chain_build",
        "linux-layout",
        &build(16, 48, &[(1, 1, &[0x11; 4]), (2, 1, &[0x22; 8])]),
    );
    write(
        "cap_chain_build",
        "too-small",
        &build(
            16,
            40,
            &[(1, 1, &[1; 8]), (2, 1, &[2; 8]), (3, 1, &[3; 100])],
        ),
    );
    write(
        "cap_chain_build",
        "unaligned-start",
        &build(
            13,
            96,
            &[(1, 1, &[0xaa; 5]), (9, 2, &[0xbb; 4]), (2, 1, &[])],
        ),
    );

    // flex: ty, count, high, argsz, bufsize, fault, nelems, fill, then header and element bytes.
    let flex = |ty: u8,
                count: u64,
                high: bool,
                argsz: u64,
                bufsize: u16,
                fault: u16,
                nelems: u8,
                bytes: &[u8]| {
        let mut v = vec![ty];
        v.extend_from_slice(&count.to_le_bytes());
        v.push(high as u8);
        v.extend_from_slice(&argsz.to_le_bytes());
        v.extend_from_slice(&bufsize.to_le_bytes());
        v.extend_from_slice(&fault.to_le_bytes());
        v.push(nelems);
        v.push(0xee);
        v.extend_from_slice(bytes);
        v
    };
    // As abi/tests/flex.rs: three devices of a hot-reset reply, a count overflowing the
    // multiplication, a u8 count field given 256 elements.
    write(
        "flex",
        "hot-reset-info",
        &flex(
            0,
            3,
            false,
            60,
            64,
            64,
            3,
            &words(&[60, 1, 3, 0, 1, 2, 3, 4, 5, 6]),
        ),
    );
    write(
        "flex",
        "overflow",
        &flex(0, u64::MAX / 8, true, u64::MAX, 16, 16, 0, &[]),
    );
    write(
        "flex",
        "irq-set",
        &flex(2, 4, false, 24, 32, 32, 4, &words(&[24, 0x24, 0, 0, 4, 1])),
    );
    write(
        "flex",
        "msr-list",
        &flex(3, 2, false, 16, 16, 8, 2, &words(&[2, 0, 0x10, 0x1b])),
    );
    write(
        "flex",
        "count-too-wide",
        &flex(5, 256, false, 4096, 4000, 4000, 255, &words(&[0, 0, 255])),
    );

    // model_source: small modules as the documentation writes them.
    for (name, src) in [
        ("readme-demo", include_str!("seeds/demo.rs")),
        ("openat2", include_str!("../../linux/src/openat2.rs")),
        ("policies", include_str!("../../linux/tests/policies/mod.rs")),
    ] {
        write("model_source", name, src.as_bytes());
    }

    // model_generated: any bytes are a module; a few that reach every kind of struct.
    for (name, bytes) in [
        ("plain", vec![0u8; 8]),
        (
            "kinds",
            (0u8..64).map(|i| i.wrapping_mul(37)).collect::<Vec<_>>(),
        ),
        (
            "versions",
            (0u8..96)
                .map(|i| i.wrapping_mul(101) ^ 0x55)
                .collect::<Vec<_>>(),
        ),
    ] {
        write("model_generated", name, &bytes);
    }
}
