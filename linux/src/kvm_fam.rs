//! `vmm_sys_util::fam::FamStruct` for KVM's structs that end in a flexible array, so that
//! rust-vmm's `FamStructWrapper` (kvm-ioctls' `CpuId`, `Msrs`, `MsrList`, `KvmIrqRouting`,
//! `RegList`) holds uabi's types. Feature `vmm-sys-util`.
//!
//! Each impl counts its entries in the field Linux counts them in, and bounds them by the
//! limit the kernel enforces (its `KVM_MAX_*`, which the UAPI headers do not carry): a wrapper
//! asked for more is refused by `FamStructWrapper::new` rather than by the ioctl.

use vmm_sys_util::fam::FamStruct;

use crate::kvm::*;

/// The most CPUID entries KVM takes or returns (Linux's `KVM_MAX_CPUID_ENTRIES`).
pub const KVM_MAX_CPUID_ENTRIES: usize = 256;
/// The most MSRs one `KVM_GET_MSRS`/`KVM_SET_MSRS` carries (as rust-vmm bounds them).
pub const KVM_MAX_MSR_ENTRIES: usize = 256;
/// The most GSI routes `KVM_SET_GSI_ROUTING` takes (Linux's `KVM_MAX_IRQ_ROUTES`).
pub const KVM_MAX_IRQ_ROUTES: usize = 4096;
/// The most registers `KVM_GET_REG_LIST` lists for an arm64 or riscv64 vCPU (as rust-vmm
/// bounds them).
pub const KVM_MAX_REG_LIST: usize = 500;

/// `FamStruct` for `$ty`, whose `$count` counts the `$entry`s of its trailing `$array`, at most
/// `$max`.
macro_rules! fam_struct {
    ($(#[$cfg:meta])* $ty:ty, $entry:ty, $array:ident, $count:ident, $max:expr) => {
        $(#[$cfg])*
        // SAFETY: `$ty` is a `#[repr(C)]` struct of integers (zerocopy `FromBytes` and
        // `IntoBytes`: every bit pattern is a value, no padding) whose last field is the
        // zero-length array `$array` of `$entry`s, also plain integers. `FamStructWrapper`
        // allocates the entries right after the struct, as C lays out a flexible array, and
        // `len` is the number it allocated, which `set_len`'s caller upholds.
        unsafe impl FamStruct for $ty {
            type Entry = $entry;

            fn len(&self) -> usize {
                self.$count as usize
            }

            unsafe fn set_len(&mut self, len: usize) {
                // Lossless: `FamStructWrapper` never asks for more than `max_len`.
                self.$count = len as _;
            }

            fn max_len() -> usize {
                $max
            }

            fn as_slice(&self) -> &[$entry] {
                let len = self.len();
                // SAFETY: the `len` entries follow the struct in the wrapper's allocation (see
                // above); the array starts where C's flexible array does.
                unsafe { core::slice::from_raw_parts(self.$array.as_ptr(), len) }
            }

            fn as_mut_slice(&mut self) -> &mut [$entry] {
                let len = self.len();
                // SAFETY: as in `as_slice`, and `&mut self` borrows the whole allocation.
                unsafe { core::slice::from_raw_parts_mut(self.$array.as_mut_ptr(), len) }
            }
        }
    };
}

fam_struct!(#[cfg(any(target_arch = "x86", target_arch = "x86_64"))] KvmCpuid2, KvmCpuidEntry2, entries, nent, KVM_MAX_CPUID_ENTRIES);
fam_struct!(#[cfg(any(target_arch = "x86", target_arch = "x86_64"))] KvmMsrs, KvmMsrEntry, entries, nmsrs, KVM_MAX_MSR_ENTRIES);
fam_struct!(#[cfg(any(target_arch = "x86", target_arch = "x86_64"))] KvmMsrList, u32, indices, nmsrs, KVM_MAX_MSR_ENTRIES);
fam_struct!(KvmIrqRouting, KvmIrqRoutingEntry, entries, nr, KVM_MAX_IRQ_ROUTES);
fam_struct!(KvmRegList, u64, reg, n, KVM_MAX_REG_LIST);
