//! Structs ending in a flexible array member (`__u8 data[]`): checked sizes and builders.
//!
//! A header `T: FlexArray` is followed by `count` elements of `T::Elem`. The total size,
//! `T::FLEX_OFFSET + count * size_of::<T::Elem>()`, is computed with overflow checks
//! everywhere, since a count comes from the caller and the product is what an attacker would
//! wrap.

use core::mem::size_of;

use zerocopy::IntoBytes;

use crate::field::{check_fits, store, ExtChecks, FlexChecks};
use crate::{Error, Extensible, FlexArray};

/// The size in bytes of a `T` followed by `count` elements.
///
/// Fails with [`Error::OutOfBounds`] (EINVAL) when the size overflows `usize`.
pub fn flex_size<T: FlexArray>(count: usize) -> Result<usize, Error> {
    let () = FlexChecks::<T>::LAYOUT;
    count
        .checked_mul(size_of::<T::Elem>())
        .and_then(|bytes| bytes.checked_add(T::FLEX_OFFSET))
        .ok_or(Error::OutOfBounds { offset: T::FLEX_OFFSET, len: usize::MAX, limit: usize::MAX })
}

/// Checks that `count` elements fit a caller's buffer of `argsz` bytes and returns the size
/// of the array in bytes.
///
/// Mirrors VFIO's `vfio_set_irqs_validate_and_prepare` (`if (hdr->argsz - minsz < hdr->count *
/// size) return -EINVAL`), with the multiplication checked. Fails with [`Error::OutOfBounds`]
/// (EINVAL) when `count * size_of::<T::Elem>()` overflows or `T::FLEX_OFFSET` plus it exceeds
/// `argsz`; `len` is `usize::MAX` in the overflow case.
pub fn flex_len<T: FlexArray>(argsz: usize, count: usize) -> Result<usize, Error> {
    flex_len_as::<T, T::Elem>(argsz, count)
}

/// [`flex_len`] for a byte array (`__u8 data[]`) that carries elements of another type `E`:
/// the `__s32` eventfds or `__u8` booleans of `VFIO_DEVICE_SET_IRQS`, whose element size the
/// request's flags choose. Checks `FLEX_OFFSET + count * size_of::<E>() <= argsz` with the
/// multiplication checked, and returns the array's length in bytes; else
/// [`Error::OutOfBounds`] (EINVAL).
pub fn flex_len_as<T: FlexArray, E>(argsz: usize, count: usize) -> Result<usize, Error> {
    let () = FlexChecks::<T>::LAYOUT;
    let out_of_bounds = |len| Error::OutOfBounds { offset: T::FLEX_OFFSET, len, limit: argsz };
    let bytes = count.checked_mul(size_of::<E>()).ok_or(out_of_bounds(usize::MAX))?;
    match T::FLEX_OFFSET.checked_add(bytes) {
        Some(end) if end <= argsz => Ok(bytes),
        _ => Err(out_of_bounds(bytes)),
    }
}

/// Writes `header` followed by `elems` into `buf`, sets the count field (if `T` declares one)
/// to `elems.len()`, and returns the bytes used. No allocation.
///
/// Fails with [`Error::NoSpace`] when `buf` is shorter than the total size,
/// [`Error::OutOfBounds`] when it overflows, [`Error::InvalidValue`] when the count does not fit
/// its field. `buf` is left unchanged on error.
pub fn write_flex<T: FlexArray>(buf: &mut [u8], header: &T, elems: &[T::Elem]) -> Result<usize, Error> {
    let len = flex_size::<T>(elems.len())?;
    let buf = buf.get_mut(..len).ok_or(Error::NoSpace { needed: len })?;
    if let Some(count) = T::COUNT {
        check_fits(count, elems.len() as u64)?;
    }
    let (head, rest) = buf.split_at_mut(T::FLEX_OFFSET);
    head.copy_from_slice(header.as_bytes());
    if let Some(count) = T::COUNT {
        store(count, head, elems.len() as u64)?;
    }
    rest.copy_from_slice(elems.as_bytes());
    Ok(len)
}

/// [`write_flex`] for a header that also has an `argsz` field: sets it to the total size.
pub fn write_flex_argsz<T>(buf: &mut [u8], header: &T, elems: &[T::Elem]) -> Result<usize, Error>
where
    T: FlexArray + Extensible,
{
    let span = ExtChecks::<T>::ARGSZ;
    check_fits(span, flex_size::<T>(elems.len())? as u64)?;
    let len = write_flex(buf, header, elems)?;
    store(span, buf, len as u64)?;
    Ok(len)
}

#[cfg(feature = "std")]
pub use owned::FlexBuf;

#[cfg(feature = "std")]
mod owned {
    use core::mem::size_of;
    use std::vec::Vec;

    use zerocopy::{FromBytes, IntoBytes};

    use super::flex_size;
    use crate::field::{store, ExtChecks};
    use crate::{Error, Extensible, FlexArray};

    /// An owned header-plus-array buffer with typed access to both parts, ready to pass to an
    /// ioctl by pointer.
    ///
    /// The storage is a `Vec<T>`, not a `Vec<u8>`, so the header and the elements are always
    /// aligned for their types and [`FlexBuf::header`] and [`FlexBuf::elems`] can hand out
    /// references instead of copies.
    #[derive(Clone)]
    pub struct FlexBuf<T: FlexArray> {
        storage: Vec<T>,
        len: usize,
        count: usize,
    }

    impl<T: FlexArray> FlexBuf<T> {
        /// A zeroed header and `count` zeroed elements, with the count field set.
        ///
        /// Fails with [`Error::OutOfBounds`] (EINVAL) when the size overflows `usize` or the
        /// allocation cannot be made (above `isize::MAX` bytes, or refused by the allocator).
        pub fn new(count: usize) -> Result<Self, Error> {
            let len = flex_size::<T>(count)?;
            let units = len.div_ceil(size_of::<T>());
            // The count comes from outside (a kernel's reply, a caller): a size no allocation
            // can have is an error, not `Vec::with_capacity`'s capacity-overflow panic (found
            // by the `flex` fuzz target).
            let mut storage = Vec::new();
            storage
                .try_reserve_exact(units)
                .map_err(|_| Error::OutOfBounds { offset: T::FLEX_OFFSET, len, limit: isize::MAX as usize })?;
            storage.resize_with(units, T::new_zeroed);
            let mut buf = FlexBuf { storage, len, count };
            if let Some(span) = T::COUNT {
                store(span, buf.header_mut().as_mut_bytes(), count as u64)?;
            }
            Ok(buf)
        }

        /// A copy of `header` followed by `elems`, with the count field set.
        pub fn from_parts(header: &T, elems: &[T::Elem]) -> Result<Self, Error> {
            let mut buf = Self::new(elems.len())?;
            buf.header_mut().as_mut_bytes().copy_from_slice(header.as_bytes());
            if let Some(span) = T::COUNT {
                store(span, buf.header_mut().as_mut_bytes(), elems.len() as u64)?;
            }
            buf.elems_mut().copy_from_slice(elems);
            Ok(buf)
        }

        /// The header.
        pub fn header(&self) -> &T {
            &self.storage[0]
        }

        /// The header, writable. Changing its count field does not resize the buffer.
        pub fn header_mut(&mut self) -> &mut T {
            &mut self.storage[0]
        }

        /// The elements.
        pub fn elems(&self) -> &[T::Elem] {
            let bytes = &self.as_bytes()[T::FLEX_OFFSET..];
            <[T::Elem]>::ref_from_bytes(bytes).expect("aligned by construction")
        }

        /// The elements, writable.
        pub fn elems_mut(&mut self) -> &mut [T::Elem] {
            let bytes = &mut self.as_mut_bytes()[T::FLEX_OFFSET..];
            <[T::Elem]>::mut_from_bytes(bytes).expect("aligned by construction")
        }

        /// The number of elements.
        pub fn count(&self) -> usize {
            self.count
        }

        /// The total size in bytes, header included.
        pub fn len(&self) -> usize {
            self.len
        }

        /// Always false: there is at least a header.
        pub fn is_empty(&self) -> bool {
            false
        }

        /// The bytes to hand to the kernel.
        pub fn as_bytes(&self) -> &[u8] {
            &self.storage.as_bytes()[..self.len]
        }

        /// The bytes, writable.
        pub fn as_mut_bytes(&mut self) -> &mut [u8] {
            let len = self.len;
            &mut self.storage.as_mut_bytes()[..len]
        }

        /// A pointer to the start of the buffer, for `ioctl(fd, request, ptr)`.
        pub fn as_mut_ptr(&mut self) -> *mut u8 {
            self.storage.as_mut_ptr().cast()
        }
    }

    impl<T: FlexArray + Extensible> FlexBuf<T> {
        /// Sets the `argsz` field to the total size (consuming builder form).
        pub fn with_argsz(mut self) -> Result<Self, Error> {
            let span = ExtChecks::<T>::ARGSZ;
            let len = self.len as u64;
            store(span, self.header_mut().as_mut_bytes(), len)?;
            Ok(self)
        }
    }

    impl<T: FlexArray + core::fmt::Debug> core::fmt::Debug for FlexBuf<T>
    where
        T::Elem: core::fmt::Debug,
    {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("FlexBuf")
                .field("header", self.header())
                .field("elems", &self.elems())
                .finish()
        }
    }
}
