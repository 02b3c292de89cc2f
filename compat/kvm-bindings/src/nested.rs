//! kvm-bindings' buffer for `KVM_GET_NESTED_STATE` and `KVM_SET_NESTED_STATE`: the
//! `kvm_nested_state` header followed by room for the larger of the two vendors' state, in
//! one value (Linux's struct ends in a flexible array instead).

use crate::{kvm_nested_state__bindgen_ty_1, KVM_STATE_NESTED_SVM_VMCB_SIZE, KVM_STATE_NESTED_VMX_VMCS_SIZE};

/// Intel VMX's nested state (`struct kvm_vmx_nested_state_data`).
pub type kvm_vmx_nested_state_data = uabi_linux::kvm::KvmVmxNestedStateData;
/// AMD SVM's nested state (`struct kvm_svm_nested_state_data`).
pub type kvm_svm_nested_state_data = uabi_linux::kvm::KvmSvmNestedStateData;

/// Room for either vendor's state.
#[repr(C)]
#[derive(Clone, Copy)]
pub union kvm_nested_state__data {
    pub vmx: kvm_vmx_nested_state_data,
    pub svm: kvm_svm_nested_state_data,
}

impl Default for kvm_nested_state__data {
    fn default() -> Self {
        kvm_nested_state__data { vmx: kvm_vmx_nested_state_data::default() }
    }
}

/// `kvm_nested_state` with its data: KVM learns how much room there is from `size`.
#[repr(C)]
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct KvmNestedStateBuffer {
    pub flags: u16,
    pub format: u16,
    pub size: u32,
    pub hdr: kvm_nested_state__bindgen_ty_1,
    pub data: kvm_nested_state__data,
}

impl KvmNestedStateBuffer {
    /// All zero, with `size` telling KVM how much state fits.
    pub fn empty() -> Self {
        KvmNestedStateBuffer {
            flags: 0,
            format: 0,
            size: core::mem::size_of::<Self>() as u32,
            hdr: kvm_nested_state__bindgen_ty_1::default(),
            data: kvm_nested_state__data::default(),
        }
    }
}

impl Default for KvmNestedStateBuffer {
    fn default() -> Self {
        Self::empty()
    }
}

// The header is Linux's struct up to its flexible array; the data is the larger state.
const _: () = {
    assert!(core::mem::offset_of!(KvmNestedStateBuffer, data) == core::mem::size_of::<crate::kvm_nested_state>());
    assert!(core::mem::size_of::<kvm_vmx_nested_state_data>() == 2 * KVM_STATE_NESTED_VMX_VMCS_SIZE as usize);
    assert!(core::mem::size_of::<kvm_svm_nested_state_data>() == KVM_STATE_NESTED_SVM_VMCB_SIZE as usize);
};
