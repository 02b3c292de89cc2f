//! The structs whose member Linux declares a pointer, as bindgen declares them: code written
//! for kvm-bindings stores a pointer there (`dirty_bitmap: bitmap.as_mut_ptr() as *mut
//! c_void`), where uabi-linux carries the address as a `u64` (one layout on every
//! architecture). Each is asserted to have uabi-linux's layout, the pointer in the `u64`'s
//! place; this package builds for 64-bit architectures only.

use core::mem::{align_of, offset_of, size_of};
use std::os::raw::c_void;

use uabi_linux::kvm as uabi;

/// `struct kvm_dirty_log` with `dirty_bitmap` a pointer (uabi-linux's `KvmDirtyLog`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct kvm_dirty_log {
    pub slot: u32,
    pub padding1: u32,
    pub __bindgen_anon_1: kvm_dirty_log__bindgen_ty_1,
}

/// The union of `kvm_dirty_log`'s bitmap address.
#[repr(C)]
#[derive(Copy, Clone)]
pub union kvm_dirty_log__bindgen_ty_1 {
    pub dirty_bitmap: *mut c_void,
    pub padding2: u64,
}

/// `struct kvm_clear_dirty_log` with `dirty_bitmap` a pointer (uabi-linux's
/// `KvmClearDirtyLog`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct kvm_clear_dirty_log {
    pub slot: u32,
    pub num_pages: u32,
    pub first_page: u64,
    pub __bindgen_anon_1: kvm_clear_dirty_log__bindgen_ty_1,
}

/// The union of `kvm_clear_dirty_log`'s bitmap address.
#[repr(C)]
#[derive(Copy, Clone)]
pub union kvm_clear_dirty_log__bindgen_ty_1 {
    pub dirty_bitmap: *mut c_void,
    pub padding2: u64,
}

/// `struct kvm_msr_filter_range` with `bitmap` a pointer (uabi-linux's `KvmMsrFilterRange`).
#[cfg(target_arch = "x86_64")]
#[repr(C)]
#[derive(Debug, Copy, Clone, PartialEq)]
pub struct kvm_msr_filter_range {
    pub flags: u32,
    pub nmsrs: u32,
    pub base: u32,
    pub bitmap: *mut u8,
}

/// `struct kvm_msr_filter` of `kvm_msr_filter_range`s (uabi-linux's `KvmMsrFilter`).
#[cfg(target_arch = "x86_64")]
#[repr(C)]
#[derive(Debug, Copy, Clone, PartialEq)]
pub struct kvm_msr_filter {
    pub flags: u32,
    pub ranges: [kvm_msr_filter_range; uabi::KVM_MSR_FILTER_MAX_RANGES as usize],
}

macro_rules! zeroed_default {
    ($($t:ty),*) => {$(
        impl Default for $t {
            fn default() -> Self {
                // SAFETY: integers and raw pointers, for which all zero bytes is a value (a
                // null pointer).
                unsafe { core::mem::zeroed() }
            }
        }
    )*};
}
zeroed_default!(kvm_dirty_log, kvm_dirty_log__bindgen_ty_1, kvm_clear_dirty_log, kvm_clear_dirty_log__bindgen_ty_1);
#[cfg(target_arch = "x86_64")]
zeroed_default!(kvm_msr_filter_range, kvm_msr_filter);

impl core::fmt::Debug for kvm_dirty_log__bindgen_ty_1 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // SAFETY: both members are 8 bytes of integer or address; the integer is a value
        // whatever was stored.
        write!(f, "kvm_dirty_log__bindgen_ty_1 {{ padding2: {:#x} }}", unsafe { self.padding2 })
    }
}

impl core::fmt::Debug for kvm_clear_dirty_log__bindgen_ty_1 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // SAFETY: as for `kvm_dirty_log__bindgen_ty_1`.
        write!(f, "kvm_clear_dirty_log__bindgen_ty_1 {{ padding2: {:#x} }}", unsafe { self.padding2 })
    }
}

impl core::fmt::Debug for kvm_dirty_log {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("kvm_dirty_log").field("slot", &self.slot).field("padding1", &self.padding1).field("__bindgen_anon_1", &self.__bindgen_anon_1).finish()
    }
}

impl core::fmt::Debug for kvm_clear_dirty_log {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("kvm_clear_dirty_log")
            .field("slot", &self.slot)
            .field("num_pages", &self.num_pages)
            .field("first_page", &self.first_page)
            .field("__bindgen_anon_1", &self.__bindgen_anon_1)
            .finish()
    }
}

/// Asserts at compile time that `$ours` has `$theirs`'s size and alignment and each field its
/// offset.
macro_rules! same_layout {
    ($ours:ty, $theirs:ty, $($field:ident),*) => {
        const _: () = {
            assert!(size_of::<$ours>() == size_of::<$theirs>());
            assert!(align_of::<$ours>() == align_of::<$theirs>());
            $(assert!(offset_of!($ours, $field) == offset_of!($theirs, $field));)*
        };
    };
}
same_layout!(kvm_dirty_log, uabi::KvmDirtyLog, slot, padding1, __bindgen_anon_1);
same_layout!(kvm_dirty_log__bindgen_ty_1, uabi::KvmDirtyLogAnon1, dirty_bitmap, padding2);
same_layout!(kvm_clear_dirty_log, uabi::KvmClearDirtyLog, slot, num_pages, first_page, __bindgen_anon_1);
same_layout!(kvm_clear_dirty_log__bindgen_ty_1, uabi::KvmClearDirtyLogAnon1, dirty_bitmap, padding2);
#[cfg(target_arch = "x86_64")]
same_layout!(kvm_msr_filter_range, uabi::KvmMsrFilterRange, flags, nmsrs, base, bitmap);
#[cfg(target_arch = "x86_64")]
same_layout!(kvm_msr_filter, uabi::KvmMsrFilter, flags, ranges);
