//! Integer fields reached through the [`FieldSpan`]s a type declares, and compile-time checks
//! that those spans make sense.
//!
//! The decoders are generic, so they cannot name `info.argsz`; they read and write the
//! `argsz`, `flags` and count fields through the spans of [`Extensible`] and [`FlexArray`].

use core::marker::PhantomData;
use core::mem::{align_of, size_of};

use crate::{Error, Extensible, FieldSpan, FlexArray};

/// Reads the unsigned integer field at `span` of `bytes` (native endianness).
///
/// # Panics
/// If the span lies outside `bytes` or is not 1, 2, 4 or 8 bytes wide; the compile-time checks
/// below rule both out for the spans the decoders use.
#[inline]
pub(crate) fn load(span: FieldSpan, bytes: &[u8]) -> u64 {
    // Whole-width array loads (`first_chunk`), not arrays built byte by byte: LLVM merges the
    // latter into one load only sometimes, and when it does not (a large caller, as the
    // instruction-count loop is), it splits the field into 16-bit lanes.
    let b = &bytes[span.offset..span.end()];
    match span.size {
        1 => b[0] as u64,
        2 => u16::from_ne_bytes(*b.first_chunk().expect("2-byte span")) as u64,
        4 => u32::from_ne_bytes(*b.first_chunk().expect("4-byte span")) as u64,
        8 => u64::from_ne_bytes(*b.first_chunk().expect("8-byte span")),
        _ => panic!("integer field of unsupported width"),
    }
}

/// Reads the unsigned native-endian field at `span`, or `None` when `bytes` is too short for
/// it or its width is not 1, 2, 4 or 8: [`load`] for buffers that came from outside.
#[inline]
pub(crate) fn try_load(span: FieldSpan, bytes: &[u8]) -> Option<u64> {
    let rest = bytes.get(span.offset..)?;
    Some(match span.size {
        1 => *rest.first()? as u64,
        2 => u16::from_ne_bytes(*rest.first_chunk()?) as u64,
        4 => u32::from_ne_bytes(*rest.first_chunk()?) as u64,
        8 => u64::from_ne_bytes(*rest.first_chunk()?),
        _ => return None,
    })
}

/// Writes `value` into the unsigned integer field at `span` of `bytes`.
///
/// Fails with [`Error::InvalidValue`] when the value does not fit the field (an argsz above
/// `u32::MAX`), leaving `bytes` unchanged.
#[inline(always)]
pub(crate) fn store(span: FieldSpan, bytes: &mut [u8], value: u64) -> Result<(), Error> {
    check_fits(span, value)?;
    let b = &mut bytes[span.offset..span.end()];
    match span.size {
        1 => b.copy_from_slice(&(value as u8).to_ne_bytes()),
        2 => b.copy_from_slice(&(value as u16).to_ne_bytes()),
        4 => b.copy_from_slice(&(value as u32).to_ne_bytes()),
        8 => b.copy_from_slice(&value.to_ne_bytes()),
        _ => panic!("integer field of unsupported width"),
    }
    Ok(())
}

/// Fails with [`Error::InvalidValue`] unless `value` fits the field at `span`.
#[inline]
pub(crate) fn check_fits(span: FieldSpan, value: u64) -> Result<(), Error> {
    if span.size >= 8 || value >> (8 * span.size) == 0 {
        Ok(())
    } else {
        Err(Error::InvalidValue { value })
    }
}

/// Whether `span` is an integer field that lies inside `size` bytes.
const fn int_field_within(span: FieldSpan, size: usize) -> bool {
    matches!(span.size, 1 | 2 | 4 | 8) && span.offset + span.size <= size
}

/// Compile-time facts about an [`Extensible`] type, checked when a decoder is instantiated.
pub(crate) struct ExtChecks<T>(PhantomData<T>);

impl<T: Extensible> ExtChecks<T> {
    /// Versions exist, grow, end at `size_of::<T>()`, and `flags` is an integer field.
    pub(crate) const LAYOUT: () = {
        let v = T::VERSIONS;
        assert!(!v.is_empty(), "an extensible struct needs at least one version");
        let mut i = 1;
        while i < v.len() {
            assert!(v[i - 1].size <= v[i].size, "versions must not shrink");
            i += 1;
        }
        assert!(v[v.len() - 1].size == size_of::<T>(), "the last version must span the struct");
        assert!(T::MINSZ <= size_of::<T>(), "MINSZ exceeds the struct");
        if let Some(f) = T::FLAGS {
            assert!(int_field_within(f, size_of::<T>()), "FLAGS is not an integer field");
        }
        let r = T::RESERVED_BITS;
        let mut i = 0;
        while i < r.len() {
            assert!(int_field_within(r[i].field, size_of::<T>()), "RESERVED_BITS names a field that is not an integer");
            i += 1;
        }
    };

    /// The struct has an `argsz` integer field inside its first version.
    pub(crate) const ARGSZ: FieldSpan = {
        let () = Self::LAYOUT;
        match T::ARGSZ {
            Some(span) => {
                assert!(int_field_within(span, T::MINSZ), "ARGSZ must lie inside MINSZ");
                span
            }
            None => panic!("this decoder needs a struct with an argsz field"),
        }
    };

    /// The size field, checked like [`Self::ARGSZ`] when there is one, and present when the
    /// struct's policy reads the size from the struct.
    pub(crate) const POLICY_FIELD: Option<FieldSpan> = {
        let () = Self::LAYOUT;
        match (T::POLICY, T::ARGSZ) {
            (crate::SizePolicy::Sized, _) => T::ARGSZ,
            (_, Some(span)) => {
                assert!(int_field_within(span, T::MINSZ), "ARGSZ must lie inside MINSZ");
                Some(span)
            }
            (_, None) => panic!("this struct's POLICY reads a size field, but ARGSZ is None"),
        }
    };

    /// The struct has a `flags` field.
    pub(crate) const FLAGS: FieldSpan = {
        let () = Self::LAYOUT;
        match T::FLAGS {
            Some(span) => span,
            None => panic!("this encoder needs a struct with a flags field"),
        }
    };
}

/// Compile-time facts about a [`FlexArray`] type.
pub(crate) struct FlexChecks<T>(PhantomData<T>);

impl<T: FlexArray> FlexChecks<T> {
    /// The array starts right after the header, elements are not zero-sized, and the header's
    /// alignment covers the elements' (as C gives a struct its flexible member's alignment).
    pub(crate) const LAYOUT: () = {
        assert!(T::FLEX_OFFSET == size_of::<T>(), "FLEX_OFFSET must equal size_of::<T>()");
        assert!(size_of::<T>() > 0, "the header must not be empty");
        assert!(size_of::<T::Elem>() > 0, "flexible array elements must not be zero-sized");
        assert!(align_of::<T::Elem>() <= align_of::<T>(), "elements more aligned than header");
        if let Some(c) = T::COUNT {
            assert!(int_field_within(c, size_of::<T>()), "COUNT is not an integer field");
        }
    };

    /// The struct has a count field (`__counted_by`).
    pub(crate) const COUNT: FieldSpan = {
        let () = Self::LAYOUT;
        match T::COUNT {
            Some(span) => span,
            None => panic!("this helper needs a flexible array with a counted_by field"),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_store_round_trip() {
        let mut b = [0u8; 16];
        for (off, size, v) in [(0, 1, 0xab), (2, 2, 0xbeef), (4, 4, 0xdead_beef), (8, 8, u64::MAX)] {
            let span = FieldSpan { offset: off, size };
            store(span, &mut b, v).unwrap();
            assert_eq!(load(span, &b), v);
        }
        let span = FieldSpan { offset: 4, size: 4 };
        assert_eq!(store(span, &mut b, 1 << 32), Err(Error::InvalidValue { value: 1 << 32 }));
        assert_eq!(load(span, &b), 0xdead_beef);
    }
}
