//! What the fuzz targets share: test ABIs for every size policy, a simulated user mapping built
//! from fuzzer input, byte-level reference models of the decoders, and the generator of
//! `#[uabi::abi]` modules ([`abi_gen`]).
//!
//! The reference models are written from the documentation of each policy (and Linux's code it
//! cites), byte by byte over a plain slice, without `UserMemory`: when a decoder and its model
//! disagree, one of them is wrong.

pub mod abi_gen;

use uabi::{Errno, Error, Extensible, FieldSpan};

/// Structs for the policies Linux's own ABIs do not cover with enough variety: flags, gated
/// fields, reserved fields and several versions, with the size field at different offsets.
#[uabi::abi(header = "fuzz/policies.h")]
pub mod policies {
    /// VFIO-style in three versions, with a gated field and a reserved field.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Info {
        pub argsz: u32,
        #[flags {
            INFO_A = 1 << 0,
            #[uabi(since = 2)]
            INFO_C = 1 << 1,
            #[uabi(since = 3)]
            INFO_D = 1 << 2,
        }]
        pub flags: u32,
        pub a: u32,
        pub b: u32,
        #[uabi(since = 2, gated_by = INFO_C)]
        pub c: u64,
        #[uabi(since = 3, gated_by = INFO_D)]
        pub d: u32,
        #[uabi(since = 3, reserved)]
        pub reserved: u32,
    }

    /// VFIO-style with one version only (the decoder's single-read path).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Single {
        pub argsz: u32,
        #[flags {
            SINGLE_X = 1 << 3,
        }]
        pub flags: u32,
        pub v: u64,
    }

    /// perf-style: the size field at offset 4, versions of 16 and 24 bytes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = perf)]
    pub struct Attr {
        pub kind: u32,
        #[uabi(size)]
        pub size: u32,
        pub config: u64,
        #[uabi(since = 1)]
        pub config2: u64,
    }

    /// iommufd-style, the size field at offset 8, with flags and a reserved field.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct Cmd {
        pub id: u64,
        #[uabi(size)]
        pub len: u32,
        #[flags {
            CMD_F = 1 << 0,
            #[uabi(since = 2)]
            CMD_G = 1 << 1,
        }]
        pub flags: u32,
        #[uabi(since = 2, gated_by = CMD_G)]
        pub extra: u64,
        #[uabi(since = 2, reserved)]
        pub rsv: u64,
    }

    /// iommufd-style with the size field first.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(policy = sized_field)]
    pub struct Bind {
        #[uabi(size)]
        pub size: u32,
        pub fd: u32,
    }

    /// A flexible array whose count field is a `u8`: counts above 255 do not fit it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct ShortCount {
        pub argsz: u32,
        pub flags: u32,
        pub n: u8,
        pub pad: [u8; 7],
        #[uabi(counted_by = n)]
        pub items: [u64],
    }

    /// openat2-style.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(first_version = 0, policy = sized)]
    pub struct How {
        pub a: u64,
        #[uabi(since = 1)]
        pub b: u64,
        #[uabi(since = 2, reserved)]
        pub r: [u8; 8],
    }
}

/// Where a mapping starts: the interesting bases are an ordinary page, the very top of the
/// address space (every offset computation near overflow) and anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Page,
    Top,
    Any(u64),
}

/// One decoder call: a mapping of `fault` bytes (the first unmapped byte is at `fault`), holding
/// `bytes` then zeros, and a struct at offset `at` of it.
///
/// Read from the fuzzer's bytes by [`DecodeCase::parse`], a fixed header and then the mapping's
/// bytes, rather than with `arbitrary`, whose `Vec<u8>` spends a continuation byte per element
/// and so rarely gives more than a few bytes of struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeCase {
    /// Which struct of the target's list.
    pub ty: u8,
    pub base: Base,
    pub at: u8,
    pub fault: u16,
    /// Written into the struct's size field when `stamp` (random bytes rarely hold a useful
    /// size), and passed as the size argument (`policy = sized`).
    pub size: u32,
    /// A size argument of any width instead of `size`.
    pub wide: Option<u64>,
    pub stamp: bool,
    pub bytes: Vec<u8>,
}

/// Bytes of [`DecodeCase`]'s fixed header.
pub const DECODE_HEADER: usize = 27;

/// Reads fixed-width fields from the front of a fuzzer input, zeros past its end.
pub struct Fields<'a>(pub &'a [u8]);

impl<'a> Fields<'a> {
    pub fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let n = self.0.len().min(N);
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }
    pub fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take())
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }
    pub fn rest(self) -> &'a [u8] {
        self.0
    }
}

impl DecodeCase {
    /// The case a fuzzer input stands for: `ty`, base tag (0 page, 1 top, else any) and base,
    /// `at`, `fault`, `size`, wide tag (odd: present) and wide size, `stamp` (odd), then the
    /// mapping's bytes; all integers little-endian.
    pub fn parse(data: &[u8]) -> DecodeCase {
        let mut f = Fields(data);
        let ty = f.u8();
        let (tag, any) = (f.u8(), f.u64());
        let base = match tag % 4 {
            0 | 1 => Base::Page,
            2 => Base::Top,
            _ => Base::Any(any),
        };
        let (at, fault, size) = (f.u8(), f.u16(), f.u32());
        let (wide_tag, wide) = (f.u8(), f.u64());
        let stamp = f.u8() & 1 == 1;
        let wide = (wide_tag & 1 == 1).then_some(wide);
        DecodeCase {
            ty,
            base,
            at,
            fault,
            size,
            wide,
            stamp,
            bytes: f.rest().to_vec(),
        }
    }

    /// The inverse of [`parse`](Self::parse), for writing seeds.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = vec![self.ty];
        let (tag, any) = match self.base {
            Base::Page => (0u8, 0),
            Base::Top => (2, 0),
            Base::Any(b) => (3, b),
        };
        v.push(tag);
        v.extend_from_slice(&any.to_le_bytes());
        v.push(self.at);
        v.extend_from_slice(&self.fault.to_le_bytes());
        v.extend_from_slice(&self.size.to_le_bytes());
        v.push(self.wide.is_some() as u8);
        v.extend_from_slice(&self.wide.unwrap_or(0).to_le_bytes());
        v.push(self.stamp as u8);
        debug_assert_eq!(v.len(), DECODE_HEADER);
        v.extend_from_slice(&self.bytes);
        v
    }
}

/// The largest mapping: past a page, so that every size check of `PAGE_SIZE` is reachable.
pub const MAX_MAP: usize = 4096 + 512;

impl DecodeCase {
    /// The mapped bytes and their base.
    pub fn mapping(&self, size_field: Option<FieldSpan>) -> (u64, Vec<u8>) {
        let len = self.fault as usize % (MAX_MAP + 1);
        let mut mem = vec![0u8; len];
        let n = self.bytes.len().min(len);
        mem[..n].copy_from_slice(&self.bytes[..n]);
        if let (true, Some(span)) = (self.stamp, size_field) {
            let at = self.at as usize + span.offset;
            let v = self.size as u64;
            if let Some(f) = mem.get_mut(at..at + span.size) {
                f.copy_from_slice(&v.to_ne_bytes()[..span.size]);
            }
        }
        let base = match self.base {
            Base::Page => 0x10_0000,
            Base::Top => u64::MAX - len as u64,
            Base::Any(b) => b.min(u64::MAX - len as u64),
        };
        (base, mem)
    }

    /// The size argument.
    pub fn size_arg(&self) -> usize {
        self.wide.map_or(self.size as usize, |w| w as usize)
    }
}

/// A mapping as the reference models see it: bytes at `base`, nothing elsewhere. Addresses are
/// `u128` so that an access running past the top of the address space is simply unmapped.
pub struct RefMem<'a> {
    pub base: u64,
    pub bytes: &'a mut [u8],
}

/// `Err(Errno)` of the reference models.
pub type RefResult<T> = Result<T, Errno>;

impl RefMem<'_> {
    fn index(&self, a: u128) -> Option<usize> {
        let off = a.checked_sub(self.base as u128)?;
        (off < self.bytes.len() as u128).then_some(off as usize)
    }

    /// `n` bytes at `a`, all or nothing (an empty access never faults).
    pub fn read(&self, a: u128, n: usize) -> RefResult<Vec<u8>> {
        (0..n)
            .map(|i| {
                self.index(a + i as u128)
                    .map(|j| self.bytes[j])
                    .ok_or(Errno::Fault)
            })
            .collect()
    }

    /// The first non-zero byte of `n` bytes at `a`: `UserMemory::find_nonzero`'s documented
    /// semantics (Linux `check_zeroed_user`): 64-byte aligned chunks in order, a chunk that is
    /// not wholly mapped faults, so a non-zero byte before the unmapped chunk wins.
    pub fn find_nonzero(&self, a: u128, n: usize) -> RefResult<Option<u128>> {
        let end = a + n as u128;
        let mut at = a;
        while at < end {
            let chunk_end = ((at / 64) + 1) * 64;
            let stop = chunk_end.min(end);
            let bytes = self.read(at, (stop - at) as usize)?;
            if let Some(i) = bytes.iter().position(|&b| b != 0) {
                return Ok(Some(at + i as u128));
            }
            at = stop;
        }
        Ok(None)
    }

    /// Overwrites bytes that are known to be mapped.
    pub fn write(&mut self, a: u128, data: &[u8]) {
        for (i, &b) in data.iter().enumerate() {
            let j = self
                .index(a + i as u128)
                .expect("written only where it was read");
            self.bytes[j] = b;
        }
    }
}

fn load(span: FieldSpan, bytes: &[u8]) -> u64 {
    let mut raw = [0u8; 8];
    raw[..span.size].copy_from_slice(&bytes[span.offset..span.end()]);
    u64::from_ne_bytes(raw) & (u64::MAX >> (64 - 8 * span.size))
}

/// `check_fields`' rules, from its documentation: unknown flags, gated fields past the size,
/// non-zero reserved fields and set reserved bits are EINVAL. Flags of an output struct are not checked.
pub fn ref_check_fields<T: Extensible>(bytes: &[u8], size: usize) -> RefResult<()> {
    if let (Some(flags), false) = (T::FLAGS, T::OUTPUT) {
        let flags = load(flags, bytes);
        let known = T::VERSIONS.last().expect("a version").known_flags;
        if flags & !known != 0 {
            return Err(Errno::Inval);
        }
        if T::GATED
            .iter()
            .any(|g| flags & g.flag != 0 && g.field.offset + g.field.size > size)
        {
            return Err(Errno::Inval);
        }
    }
    if T::RESERVED
        .iter()
        .any(|r| bytes[r.offset..r.offset + r.size].iter().any(|&b| b != 0))
    {
        return Err(Errno::Inval);
    }
    // Reserved bitfields (perf_event_attr's `__reserved_1`): any set bit is EINVAL.
    if T::RESERVED_BITS.iter().any(|r| load(r.field, bytes) & r.mask != 0) {
        return Err(Errno::Inval);
    }
    Ok(())
}

/// A decoded struct: its bytes and the caller's size.
pub type RefDecoded = RefResult<(Vec<u8>, usize)>;

fn finish<T: Extensible>(mut copied: Vec<u8>, size: usize) -> RefDecoded {
    copied.resize(core::mem::size_of::<T>(), 0);
    ref_check_fields::<T>(&copied, size)?;
    Ok((copied, size))
}

/// VFIO: copy MINSZ, `argsz < MINSZ` EINVAL, copy `min(argsz, ksize)`, zero-extend.
pub fn ref_argsz<T: Extensible>(mem: &RefMem<'_>, addr: u64) -> RefDecoded {
    let span = T::ARGSZ.expect("argsz");
    let a = addr as u128;
    let first = mem.read(a, T::MINSZ)?;
    let argsz = load(span, &first) as usize;
    if argsz < T::MINSZ {
        return Err(Errno::Inval);
    }
    let copied = mem.read(a, argsz.min(core::mem::size_of::<T>()))?;
    finish::<T>(copied, argsz)
}

/// `copy_struct_from_user` with a size argument bounded by `max` (openat2).
pub fn ref_sized<T: Extensible>(
    mem: &RefMem<'_>,
    addr: u64,
    size: usize,
    max: usize,
) -> RefDecoded {
    let ksize = core::mem::size_of::<T>();
    let a = addr as u128;
    if size < T::MINSZ {
        return Err(Errno::Inval);
    }
    if size > max {
        return Err(Errno::TooBig);
    }
    if size > ksize && mem.find_nonzero(a + ksize as u128, size - ksize)?.is_some() {
        return Err(Errno::TooBig);
    }
    let copied = mem.read(a, size.min(ksize))?;
    finish::<T>(copied, size)
}

/// iommufd: read the size field alone, then `copy_struct_from_user` without a page bound.
pub fn ref_sized_field<T: Extensible>(mem: &RefMem<'_>, addr: u64) -> RefDecoded {
    let span = T::ARGSZ.expect("size field");
    let raw = mem.read(addr as u128 + span.offset as u128, span.size)?;
    let size = load(
        FieldSpan {
            offset: 0,
            size: span.size,
        },
        &raw,
    ) as usize;
    ref_sized::<T>(mem, addr, size, usize::MAX)
}

/// perf_event_open's `perf_copy_attr`, writing the kernel's size back on every E2BIG.
pub fn ref_perf<T: Extensible>(mem: &mut RefMem<'_>, addr: u64, max: usize) -> RefDecoded {
    let span = T::ARGSZ.expect("size field");
    let ksize = core::mem::size_of::<T>();
    let a = addr as u128;
    let field = a + span.offset as u128;
    let raw = mem.read(field, span.size)?;
    let mut size = load(
        FieldSpan {
            offset: 0,
            size: span.size,
        },
        &raw,
    ) as usize;
    if size == 0 {
        size = T::MINSZ;
    }
    let too_big = |mem: &mut RefMem<'_>| {
        mem.write(field, &(ksize as u64).to_ne_bytes()[..span.size]);
        Err(Errno::TooBig)
    };
    if size < T::MINSZ || size > max {
        return too_big(mem);
    }
    if size > ksize && mem.find_nonzero(a + ksize as u128, size - ksize)?.is_some() {
        return too_big(mem);
    }
    let mut copied = mem.read(a, size.min(ksize))?;
    copied.resize(ksize, 0);
    copied[span.offset..span.end()].copy_from_slice(&(size as u64).to_ne_bytes()[..span.size]);
    finish::<T>(copied, size)
}

/// A decoder's answer in the reference models' terms.
pub fn observed<T: Extensible>(r: Result<uabi::Decoded<T>, Error>) -> RefDecoded {
    r.map(|d| (d.value.as_bytes().to_vec(), d.size))
        .map_err(|e| e.errno())
}

/// The bytes a decoded value's re-encoding writes: `encode_argsz` / `encode_to_user` into a
/// fresh mapping of `len` bytes filled with `fill`, read back.
pub fn reencode_argsz<T: Extensible>(value: &T, argsz: usize, len: usize) -> Vec<u8> {
    let mut out = vec![0xa5u8; len];
    let mut sim = uabi::SimMemory::new(0x20_0000, &mut out);
    let n = uabi::encode_argsz(&mut sim, 0x20_0000, argsz, value).expect("mapped");
    assert_eq!(n, argsz.min(core::mem::size_of::<T>()));
    out
}

/// `T` from bytes of its size.
pub fn from_bytes<T: Extensible>(bytes: &[u8]) -> T {
    T::read_from_bytes(bytes).expect("the size of T")
}

/// What every decoder target checks of one case: the decoder agrees with its reference model,
/// `uabi::decode`'s dispatch agrees with the decoder, a reading decoder leaves memory alone, and
/// an accepted value re-encodes to the caller's bytes.
pub mod run {
    use core::mem::size_of;

    use uabi::{Extensible, SimMemory, PAGE_SIZE};

    use super::*;

    fn addr(base: u64, case: &DecodeCase) -> u64 {
        // May wrap past the top: then the struct is unmapped, and both sides must say EFAULT.
        base.wrapping_add(case.at as u64)
    }

    pub fn argsz<T: Extensible>(case: &DecodeCase) {
        let (base, mut mem) = case.mapping(T::ARGSZ);
        let addr = addr(base, case);
        let orig = mem.clone();
        let want = ref_argsz::<T>(
            &RefMem {
                base,
                bytes: &mut orig.clone(),
            },
            addr,
        );
        let mut sim = SimMemory::new(base, &mut mem);
        let got = observed(uabi::decode_argsz::<T, _>(&sim, addr));
        assert_eq!(got, want, "decode_argsz against the reference");
        let via = observed(uabi::decode::<T, _>(&mut sim, addr, case.size_arg()));
        assert_eq!(via, got, "decode::<T> dispatch");
        assert_eq!(mem, orig, "decode_argsz wrote to user memory");
        if let Ok((bytes, argsz)) = got {
            // VFIO writes back min(argsz, ksize) bytes: exactly what the caller passed.
            let n = argsz.min(size_of::<T>());
            let out = reencode_argsz(&from_bytes::<T>(&bytes), argsz, n);
            let at = case.at as usize;
            assert_eq!(out, orig[at..at + n], "re-encoding an accepted value");
        }
    }

    /// Re-encoding of a `copy_struct_from_user` result with `copy_struct_to_user` into a
    /// mapping of the caller's size gives back the caller's bytes: the known part copied, the
    /// tail (checked zero on the way in) cleared.
    fn reencode_sized<T: Extensible>(bytes: &[u8], size: usize, orig: &[u8], at: usize) {
        if size > MAX_MAP {
            return;
        }
        let value = from_bytes::<T>(bytes);
        let mut out = vec![0xa5u8; size];
        let mut sim = SimMemory::new(0x20_0000, &mut out);
        let e = uabi::encode_to_user(&mut sim, 0x20_0000, size, &value).expect("mapped");
        assert_eq!(e.written, size.min(size_of::<T>()));
        // A shorter caller's value was zero-extended: nothing it cannot hold is non-zero.
        assert!(!e.ignored_trailing, "ignored_trailing on a decoded value");
        assert_eq!(out, orig[at..at + size], "re-encoding an accepted value");
    }

    pub fn sized<T: Extensible>(case: &DecodeCase) {
        let (base, mut mem) = case.mapping(None);
        let addr = addr(base, case);
        let size = case.size_arg();
        let orig = mem.clone();
        let want = ref_sized::<T>(
            &RefMem {
                base,
                bytes: &mut orig.clone(),
            },
            addr,
            size,
            PAGE_SIZE,
        );
        let mut sim = SimMemory::new(base, &mut mem);
        let got = observed(uabi::decode_sized::<T, _>(&sim, addr, size));
        assert_eq!(got, want, "decode_sized against the reference");
        let via = observed(uabi::decode::<T, _>(&mut sim, addr, size));
        assert_eq!(via, got, "decode::<T> dispatch");
        // Any bound: the same model.
        let max = case.fault as usize;
        let got = observed(uabi::decode_sized_max::<T, _>(&sim, addr, size, max));
        let want = ref_sized::<T>(
            &RefMem {
                base,
                bytes: &mut orig.clone(),
            },
            addr,
            size,
            max,
        );
        assert_eq!(got, want, "decode_sized_max against the reference");
        assert_eq!(mem, orig, "decode_sized wrote to user memory");
        if let Ok((bytes, size)) = got {
            reencode_sized::<T>(&bytes, size, &orig, case.at as usize);
        }
    }

    pub fn sized_field<T: Extensible>(case: &DecodeCase) {
        let (base, mut mem) = case.mapping(T::ARGSZ);
        let addr = addr(base, case);
        let orig = mem.clone();
        let want = ref_sized_field::<T>(
            &RefMem {
                base,
                bytes: &mut orig.clone(),
            },
            addr,
        );
        let mut sim = SimMemory::new(base, &mut mem);
        let got = observed(uabi::decode_argsz_sized::<T, _>(&sim, addr));
        assert_eq!(got, want, "decode_argsz_sized against the reference");
        let via = observed(uabi::decode::<T, _>(&mut sim, addr, case.size_arg()));
        assert_eq!(via, got, "decode::<T> dispatch");
        assert_eq!(mem, orig, "decode_argsz_sized wrote to user memory");
        if let Ok((bytes, size)) = got {
            reencode_sized::<T>(&bytes, size, &orig, case.at as usize);
        }
    }

    pub fn perf<T: Extensible>(case: &DecodeCase) {
        let (base, mem) = case.mapping(T::ARGSZ);
        let addr = addr(base, case);
        let mut want_mem = mem.clone();
        let want = ref_perf::<T>(
            &mut RefMem {
                base,
                bytes: &mut want_mem,
            },
            addr,
            PAGE_SIZE,
        );
        for dispatch in [false, true] {
            let mut got_mem = mem.clone();
            let mut sim = SimMemory::new(base, &mut got_mem);
            let got = if dispatch {
                observed(uabi::decode::<T, _>(&mut sim, addr, case.size_arg()))
            } else {
                observed(uabi::decode_perf::<T, _>(&mut sim, addr))
            };
            assert_eq!(
                got, want,
                "decode_perf (dispatch: {dispatch}) against the reference"
            );
            assert_eq!(
                got_mem, want_mem,
                "memory after decode_perf (dispatch: {dispatch})"
            );
        }
        // Any bound.
        let max = case.fault as usize;
        let mut want_mem = mem.clone();
        let want = ref_perf::<T>(
            &mut RefMem {
                base,
                bytes: &mut want_mem,
            },
            addr,
            max,
        );
        let mut got_mem = mem.clone();
        let mut sim = SimMemory::new(base, &mut got_mem);
        let got = observed(uabi::decode::decode_perf_max::<T, _>(&mut sim, addr, max));
        assert_eq!(got, want, "decode_perf_max against the reference");
        assert_eq!(got_mem, want_mem, "memory after decode_perf_max");
    }
}

/// What every accepted module must give: a header with balanced braces and parentheses, an
/// include guard, and every named struct and union of the model declared in it; a
/// layout-assertion file and a report; and the Rust expansion. Cheap enough to run on every
/// fuzzer input (no compiler).
pub fn check_accepted(abis: &[uabi_model::Abi]) {
    use uabi_model::ast::Item;
    for abi in abis {
        let h = uabi_model::c::header(abi, &uabi_model::c::Source { path: "fuzz.rs" });
        // Comments may say anything; strip them before counting.
        let code = strip_comments(&h);
        for (open, close) in [('{', '}'), ('(', ')'), ('[', ']')] {
            let mut depth = 0i64;
            for ch in code.chars() {
                if ch == open {
                    depth += 1;
                } else if ch == close {
                    depth -= 1;
                    assert!(depth >= 0, "unbalanced {close} in\n{h}");
                }
            }
            assert_eq!(depth, 0, "unbalanced {open} in\n{h}");
        }
        assert!(
            code.contains(&format!("#ifndef {}", abi.guard())),
            "include guard"
        );
        for item in &abi.items {
            if let Item::Struct(r) = item {
                if !r.anonymous {
                    let decl = format!("{} {} {{", r.kind.c_keyword(), r.c_name);
                    assert!(code.contains(&decl), "`{decl}` missing from\n{h}");
                }
            }
        }
        let asserts = uabi_model::c::layout_asserts(abi);
        assert!(asserts.contains(abi.header()));
        let _ = uabi_model::report::report([("fuzz.rs", abi)]);
        let _ = uabi_model::rust(abi);
    }
}

/// C text without its `/* .. */` comments and character literals (`('{')` is a valid type
/// letter).
pub fn strip_comments(c: &str) -> String {
    let mut out = String::new();
    let mut chars = c.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                loop {
                    let Some(x) = chars.next() else {
                        panic!("unterminated comment in\n{c}")
                    };
                    if prev == '*' && x == '/' {
                        break;
                    }
                    prev = x;
                }
            }
            '\'' => loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next();
                    }
                    Some('\'') => break,
                    Some(_) => {}
                    None => panic!("unterminated character literal in\n{c}"),
                }
            },
            _ => out.push(ch),
        }
    }
    out
}
