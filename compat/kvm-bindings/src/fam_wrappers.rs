//! kvm-bindings' FAM wrappers: rust-vmm's `FamStructWrapper` around uabi-linux's structs that
//! end in a flexible array (their `FamStruct` impls are uabi-linux's, feature
//! `vmm-sys-util`), and `Xsave`, around kvm-bindings' own `kvm_xsave2`.

use vmm_sys_util::fam::{FamStruct, FamStructWrapper};

pub use uabi_linux::kvm_fam::KVM_MAX_IRQ_ROUTES;

/// The routing table of `KVM_SET_GSI_ROUTING`.
pub type KvmIrqRouting = FamStructWrapper<crate::kvm_irq_routing>;

#[cfg(target_arch = "x86_64")]
pub use x86::*;

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::*;
    use crate::kvm_xsave;

    pub use uabi_linux::kvm_fam::{KVM_MAX_CPUID_ENTRIES, KVM_MAX_MSR_ENTRIES};

    /// The CPUID entries of `KVM_GET_SUPPORTED_CPUID`, `KVM_SET_CPUID2` ...
    pub type CpuId = FamStructWrapper<crate::kvm_cpuid2>;
    /// The MSRs of `KVM_GET_MSRS` and `KVM_SET_MSRS`.
    pub type Msrs = FamStructWrapper<crate::kvm_msrs>;
    /// The MSR numbers of `KVM_GET_MSR_INDEX_LIST`.
    pub type MsrList = FamStructWrapper<crate::kvm_msr_list>;

    /// `kvm_xsave` with the number of `u32`s in its trailing `extra` array, which the struct
    /// itself does not carry (KVM reports the whole size through `KVM_CAP_XSAVE2`):
    /// kvm-bindings' helper, so that `Xsave` can be a `FamStructWrapper`.
    #[repr(C)]
    #[derive(Debug, Default)]
    pub struct kvm_xsave2 {
        /// How many `u32`s follow `xsave` (its `extra`).
        pub len: usize,
        pub xsave: kvm_xsave,
    }

    impl From<kvm_xsave> for kvm_xsave2 {
        fn from(xsave: kvm_xsave) -> Self {
            kvm_xsave2 { len: 0, xsave }
        }
    }

    // SAFETY: `kvm_xsave2` is `#[repr(C)]` and ends in `kvm_xsave`, which ends in the
    // zero-length array `extra` of `u32`s; `FamStructWrapper` allocates `len` of them right
    // after it, and `set_len`'s caller keeps `len` to what was allocated.
    unsafe impl FamStruct for kvm_xsave2 {
        type Entry = u32;

        fn len(&self) -> usize {
            self.len
        }

        unsafe fn set_len(&mut self, len: usize) {
            self.len = len;
        }

        fn max_len() -> usize {
            u32::MAX as usize
        }

        fn as_slice(&self) -> &[u32] {
            // SAFETY: the `len` entries follow the struct in the wrapper's allocation.
            unsafe { core::slice::from_raw_parts(self.xsave.extra.as_ptr(), self.len) }
        }

        fn as_mut_slice(&mut self) -> &mut [u32] {
            // SAFETY: as in `as_slice`.
            unsafe { core::slice::from_raw_parts_mut(self.xsave.extra.as_mut_ptr(), self.len) }
        }
    }

    /// `kvm_xsave` with its `extra` entries (`KVM_GET_XSAVE2`).
    pub type Xsave = FamStructWrapper<kvm_xsave2>;
}

#[cfg(any(target_arch = "aarch64", target_arch = "riscv64"))]
/// The register ids of `KVM_GET_REG_LIST`.
pub type RegList = FamStructWrapper<crate::kvm_reg_list>;
