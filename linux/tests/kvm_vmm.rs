//! Runs the guest of the `kvm_vmm` example on the real `/dev/kvm` and checks what it wrote.
//!
//! The example's code is compiled into this test (`#[path]`), so the test exercises exactly
//! what `cargo run --example kvm_vmm` runs. Skipped, with the reason printed, where
//! `/dev/kvm` is missing or cannot be opened, or on a host that is not x86_64.
#![cfg(all(feature = "kvm", target_arch = "x86_64"))]

#[path = "../examples/kvm_vmm.rs"]
mod vmm;

use vmm::{guest_image, run_guest, GuestOutput, VmmError};

/// Runs `image`; `None` (after printing why) where KVM is not available.
fn run(image: &[u8]) -> Option<Result<GuestOutput, VmmError>> {
    match run_guest(image) {
        Err(VmmError::NoKvm(e)) => {
            println!("skipped: cannot open /dev/kvm: {e}");
            None
        }
        r => Some(r),
    }
}

#[test]
#[cfg_attr(miri, ignore = "runs a guest on /dev/kvm: Miri runs no system calls")]
fn the_example_guest_prints_its_message() {
    let Some(r) = run(&guest_image(vmm::MESSAGE)) else { return };
    let out = r.unwrap_or_else(|e| panic!("the guest did not run: {e}"));
    assert_eq!(String::from_utf8_lossy(&out.serial), "Hello from a uabi guest\n");
    // One KVM_EXIT_IO per byte, the KVM_EXIT_MMIO of the sum, then KVM_EXIT_HLT.
    assert_eq!(out.exits, 24 + 1 + 1);
    let sum = vmm::byte_sum(vmm::MESSAGE);
    assert_eq!(out.mmio, [(vmm::MMIO_ADDR, sum.to_le_bytes().to_vec())], "a 2-byte write of the sum past guest memory");
    // Read back with KVM_GET_REGS at the hlt: the sum in BX, RIP past the `hlt`.
    assert_eq!((out.regs.rbx, out.regs.rip), (u64::from(sum), vmm::GUEST_LOAD + 0x1d));
}

#[test]
#[cfg_attr(miri, ignore = "runs a guest on /dev/kvm: Miri runs no system calls")]
fn the_serial_output_comes_from_the_guest() {
    // Another message in the same code: what comes out is what the guest's memory held.
    let Some(r) = run(&guest_image(b"uabi \x01\xff!")) else { return };
    assert_eq!(r.unwrap_or_else(|e| panic!("{e}")).serial, b"uabi \x01\xff!");
    let Some(r) = run(&guest_image(b"")) else { return };
    let out = r.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((out.serial.len(), out.exits), (0, 2), "an empty message is the MMIO write of 0 and hlt");
    assert_eq!(out.mmio, [(vmm::MMIO_ADDR, vec![0, 0])]);
}

#[test]
#[cfg_attr(miri, ignore = "runs a guest on /dev/kvm: Miri runs no system calls")]
fn a_broken_guest_is_an_error_not_a_message() {
    // The `out dx, al` turned into `in al, dx`: the VMM sees an input it does not serve.
    let mut image = guest_image(b"x");
    assert_eq!(image[13], 0xee);
    image[13] = 0xec;
    let Some(r) = run(&image) else { return };
    match r {
        Err(VmmError::Guest(why)) => assert!(why.contains("`in` on port 0x3f8"), "{why}"),
        other => panic!("expected a guest error, got {other:?}"),
    }
    // The loop's `jmp` aimed at the `out` itself: the guest writes forever and never halts;
    // the VMM's bound on exits stops it.
    let mut image = guest_image(b"y");
    assert_eq!(image[16..18], [0xeb, 0xf6]);
    image[16..18].copy_from_slice(&[0xeb, 0xfb]); // jmp back to `out dx, al`
    let Some(r) = run(&image) else { return };
    match r {
        Err(VmmError::Guest(why)) => assert!(why.contains("no hlt after"), "{why}"),
        other => panic!("expected the exit bound, got {other:?}"),
    }
    // Code that jumps to memory no slot backs, at 0xf000:0xfff0 (the reset vector's page):
    // the fetch is an MMIO read, which this VMM refuses.
    let image = [0xea, 0xf0, 0xff, 0x00, 0xf0]; // jmp far 0xf000:0xfff0
    let Some(r) = run(&image) else { return };
    assert!(matches!(r, Err(VmmError::Guest(_))), "{r:?}");
}

#[test]
#[cfg_attr(miri, ignore = "runs a guest on /dev/kvm: Miri runs no system calls")]
fn an_image_larger_than_guest_memory_is_refused() {
    let image = vec![0xf4; vmm::GUEST_MEM];
    match run_guest(&image) {
        Err(VmmError::Guest(why)) => assert!(why.contains("does not fit"), "{why}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
