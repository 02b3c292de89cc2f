//! kvm-bindings' helpers for x86's `KVM_GET_ONE_REG` ids, over uabi-linux's `KVM_X86_REG_*`
//! (which are Linux's macros as `const fn`s).

use uabi_linux::kvm as uabi;

/// The `KVM_GET_ONE_REG` id of model-specific register `index`.
pub const fn kvm_x86_reg_msr(index: u32) -> u64 {
    uabi::KVM_X86_REG_MSR(index)
}

/// The `KVM_GET_ONE_REG` id of KVM-defined register `index` (`KVM_REG_GUEST_SSP`).
pub const fn kvm_x86_reg_kvm(index: u32) -> u64 {
    uabi::KVM_X86_REG_KVM(index)
}
