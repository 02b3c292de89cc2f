//! ioctl request numbers, encoded for every Linux architecture family.
//!
//! An ioctl request is a 32-bit number built from four parts: a direction (does the argument
//! travel into the kernel, out of it, both, or is the size not part of the number at all), an
//! 8-bit *type* (the driver's letter, `';'` for VFIO, `0xAE` for KVM), an 8-bit *number* inside
//! that type, and the size of the argument. Linux packs these parts differently per
//! architecture, so the same C definition `_IOW(0xAE, 0x46, struct kvm_userspace_memory_region)`
//! is `0x4020ae46` on x86 and `0x8020ae46` on powerpc. [`Ioctl`] keeps the parts and encodes
//! them on demand; [`Ioctl::request`] uses the layout of the architecture being compiled for.
//!
//! The four layouts ([`Encoding`]), from each architecture's `asm/ioctl.h`:
//!
//! | encoding | bits 0-7 | bits 8-15 | size | direction | none | read | write |
//! |---|---|---|---|---|---|---|---|
//! | [`Generic`](Encoding::Generic) | nr | type | 14 bits at 16 | 2 bits at 30 | 0 | 2 | 1 |
//! | [`PowerPc`](Encoding::PowerPc) | nr | type | 13 bits at 16 | 3 bits at 29 | 1 | 2 | 4 |
//! | [`Sparc`](Encoding::Sparc) | nr | type | 13 bits at 16 (14 when read or write is set) | 3 bits at 29 | 1 | 2 | 4 |
//! | [`Parisc`](Encoding::Parisc) | nr | type | 14 bits at 16 | 2 bits at 30 | 0 | 1 | 2 |
//!
//! Sizes are limited to 13 bits (8191 bytes) by every constructor, the largest size all four
//! layouts can carry, so one definition yields a valid number everywhere.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

pub use uabi_arch::{decode, Dir, Encoding, ALL_ENCODINGS, HOST, MAX_PORTABLE_SIZE};

/// An ioctl request: direction, type, number and argument size, plus the Rust type of the
/// argument it takes by pointer.
///
/// `A` is the type the typed call helpers (`uabi::fd`, with the `std` feature) accept as the
/// argument; it is `()` for ioctls that take no pointer. For `_IO` ioctls `A` is not part of the
/// number: VFIO's `VFIO_DEVICE_GET_INFO` is `Ioctl<VfioDeviceInfo>` built with [`Ioctl::io`].
///
/// Constructing one checks the parts in `const` context, so a definition whose type, number
/// or size does not fit fails to compile:
///
/// ```
/// use uabi::Ioctl;
/// pub const KVM_GET_API_VERSION: Ioctl = Ioctl::io(0xAE, 0x00);
/// #[derive(Clone, Copy)]
/// #[repr(C)]
/// pub struct Region { slot: u32, flags: u32, guest_phys_addr: u64, memory_size: u64, userspace_addr: u64 }
/// pub const KVM_SET_USER_MEMORY_REGION: Ioctl<Region> =
///     Ioctl::<Region>::iow(0xAE, 0x46, core::mem::size_of::<Region>());
/// assert_eq!(KVM_GET_API_VERSION.encode(uabi::ioctl::Encoding::Generic), 0xae00);
/// assert_eq!(KVM_SET_USER_MEMORY_REGION.encode(uabi::ioctl::Encoding::Generic), 0x4020_ae46);
/// assert_eq!(KVM_SET_USER_MEMORY_REGION.encode(uabi::ioctl::Encoding::PowerPc), 0x8020_ae46);
/// ```
///
/// ```compile_fail
/// // 256 does not fit the 8-bit type field: rejected at compile time.
/// const BAD: uabi::Ioctl = uabi::Ioctl::io(256, 0);
/// ```
pub struct Ioctl<A: ?Sized = ()> {
    dir: Dir,
    ty: u8,
    nr: u8,
    size: u16,
    // `fn() -> *const A`: no ownership of an `A`, Send + Sync and covariant whatever `A` is.
    arg: PhantomData<fn() -> *const A>,
}

impl<A: ?Sized> Ioctl<A> {
    /// A request from its parts: the general form behind [`io`](Self::io),
    /// [`ior`](Self::ior), [`iow`](Self::iow) and [`iowr`](Self::iowr).
    ///
    /// # Panics
    /// (At compile time when used in a `const`.) When `ty` or `nr` is above 255, when `size`
    /// is above 8191 ([`MAX_PORTABLE_SIZE`]), or when `dir` is [`Dir::None`] and `size` is
    /// not 0.
    pub const fn new(dir: Dir, ty: u32, nr: u32, size: usize) -> Self {
        if ty > 0xff {
            panic!("ioctl type must fit 8 bits (0..=255)");
        }
        if nr > 0xff {
            panic!("ioctl number must fit 8 bits (0..=255)");
        }
        if size > MAX_PORTABLE_SIZE {
            panic!("ioctl argument size must fit 13 bits (at most 8191 bytes) to be portable to powerpc, mips, alpha and sparc");
        }
        if matches!(dir, Dir::None) && size != 0 {
            panic!("an _IO ioctl carries no size; use ior, iow or iowr for a sized argument");
        }
        Ioctl { dir, ty: ty as u8, nr: nr as u8, size: size as u16, arg: PhantomData }
    }

    /// `_IO(ty, nr)`: a request whose number carries no size.
    ///
    /// # Panics
    /// At compile time (in a `const`) when `ty` or `nr` is above 255.
    pub const fn io(ty: u32, nr: u32) -> Self {
        Self::new(Dir::None, ty, nr, 0)
    }

    /// `_IOR(ty, nr, T)` with `size = size_of::<T>()`: the kernel writes the argument.
    ///
    /// # Panics
    /// At compile time (in a `const`) when `ty` or `nr` is above 255 or `size` above 8191.
    pub const fn ior(ty: u32, nr: u32, size: usize) -> Self {
        Self::new(Dir::Read, ty, nr, size)
    }

    /// `_IOW(ty, nr, T)` with `size = size_of::<T>()`: the kernel reads the argument.
    ///
    /// # Panics
    /// At compile time (in a `const`) when `ty` or `nr` is above 255 or `size` above 8191.
    pub const fn iow(ty: u32, nr: u32, size: usize) -> Self {
        Self::new(Dir::Write, ty, nr, size)
    }

    /// `_IOWR(ty, nr, T)` with `size = size_of::<T>()`: the kernel reads the argument and
    /// writes it back.
    ///
    /// # Panics
    /// At compile time (in a `const`) when `ty` or `nr` is above 255 or `size` above 8191.
    pub const fn iowr(ty: u32, nr: u32, size: usize) -> Self {
        Self::new(Dir::ReadWrite, ty, nr, size)
    }

    /// The direction.
    pub const fn dir(self) -> Dir {
        self.dir
    }

    /// The type (the driver's letter: `b';'` for VFIO).
    pub const fn ty(self) -> u8 {
        self.ty
    }

    /// The number inside the type.
    pub const fn nr(self) -> u8 {
        self.nr
    }

    /// The argument size carried in the number (0 for `_IO`).
    pub const fn size(self) -> u32 {
        self.size as u32
    }

    /// The request number in the layout `enc`.
    pub const fn encode(self, enc: Encoding) -> u32 {
        enc.encode(self.dir, self.ty, self.nr, self.size as u32)
    }

    /// The request number for the architecture this crate is compiled for ([`HOST`]).
    pub const fn request(self) -> u32 {
        self.encode(HOST)
    }

    /// The same request with another argument type (for callers that pass the argument in a
    /// different but compatible form, such as a byte buffer holding a struct and its
    /// capability chain).
    pub const fn cast<B: ?Sized>(self) -> Ioctl<B> {
        Ioctl { dir: self.dir, ty: self.ty, nr: self.nr, size: self.size, arg: PhantomData }
    }

    /// Whether two requests are the same number whatever their argument types.
    pub const fn same_request<B: ?Sized>(self, other: Ioctl<B>) -> bool {
        matches!(
            (self.dir, other.dir),
            (Dir::None, Dir::None)
                | (Dir::Read, Dir::Read)
                | (Dir::Write, Dir::Write)
                | (Dir::ReadWrite, Dir::ReadWrite)
        ) && self.ty == other.ty
            && self.nr == other.nr
            && self.size == other.size
    }
}

impl Ioctl<()> {
    /// The request that encodes to exactly `request` in layout `enc`, if there is one with a
    /// portable size (at most 8191 bytes).
    ///
    /// Unlike [`decode`], which reads a number as the kernel would, this refuses numbers no
    /// [`Ioctl`] produces: a powerpc direction field of 0, an `_IO` number with a size, a
    /// sparc `_IO` number with size bits set.
    pub const fn from_request(request: u32, enc: Encoding) -> Option<Self> {
        let (dir, ty, nr, size) = decode(request, enc);
        if size as usize > MAX_PORTABLE_SIZE || (matches!(dir, Dir::None) && size != 0) {
            return None;
        }
        let io = Ioctl { dir, ty, nr, size: size as u16, arg: PhantomData };
        if io.encode(enc) == request {
            Some(io)
        } else {
            None
        }
    }
}

impl<A: ?Sized> Clone for Ioctl<A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A: ?Sized> Copy for Ioctl<A> {}

impl<A: ?Sized> PartialEq for Ioctl<A> {
    fn eq(&self, other: &Self) -> bool {
        self.same_request(*other)
    }
}

impl<A: ?Sized> Eq for Ioctl<A> {}

impl<A: ?Sized> Hash for Ioctl<A> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.dir.hash(state);
        self.ty.hash(state);
        self.nr.hash(state);
        self.size.hash(state);
    }
}

impl<A: ?Sized> fmt::Debug for Ioctl<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ioctl")
            .field("dir", &self.dir)
            .field("ty", &format_args!("{:#04x}", self.ty))
            .field("nr", &format_args!("{:#04x}", self.nr))
            .field("size", &self.size)
            .field("arg", &core::any::type_name::<A>())
            .field("request", &format_args!("{:#010x}", self.request()))
            .finish()
    }
}

/// Prints the C form: `_IOWR(0xae, 0x46, 32)`.
impl<A: ?Sized> fmt::Display for Ioctl<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.dir {
            Dir::None => write!(f, "_IO({:#04x}, {:#04x})", self.ty, self.nr),
            d => write!(f, "{}({:#04x}, {:#04x}, {})", d.c_macro(), self.ty, self.nr, self.size),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VFIO_TYPE: u8 = b';';
    const VFIO_BASE: u32 = 100;

    /// The form the `#[uabi::abi]` macro emits must work in `const` context.
    #[allow(dead_code)]
    #[repr(C)]
    struct KvmUserspaceMemoryRegion {
        slot: u32,
        flags: u32,
        guest_phys_addr: u64,
        memory_size: u64,
        userspace_addr: u64,
    }
    // Written exactly as the macro expands them, casts included.
    #[allow(clippy::unnecessary_cast, clippy::identity_op)]
    const VFIO_GET_API_VERSION: Ioctl<()> = Ioctl::<()>::io(VFIO_TYPE as u32, (VFIO_BASE + 0) as u32);
    #[allow(clippy::unnecessary_cast)]
    const VFIO_DEVICE_GET_INFO: Ioctl<()> = Ioctl::<()>::io(VFIO_TYPE as u32, (VFIO_BASE + 7) as u32);
    const KVM_CREATE_VM: Ioctl = Ioctl::io(0xAE, 0x01);
    #[allow(clippy::unnecessary_cast)]
    const KVM_SET_USER_MEMORY_REGION: Ioctl<KvmUserspaceMemoryRegion> =
        Ioctl::<KvmUserspaceMemoryRegion>::iow(0xAE as u32, 0x46 as u32, ::core::mem::size_of::<KvmUserspaceMemoryRegion>());
    // KVM_GET_CLOCK: _IOR(KVMIO, 0x7c, struct kvm_clock_data), 48 bytes.
    const KVM_GET_CLOCK: Ioctl<[u8; 48]> = Ioctl::ior(0xAE, 0x7c, 48);
    // KVM_GET_MSR_INDEX_LIST-like _IOWR with 4 bytes: KVM_GET_MSR_INDEX_LIST is _IOWR(KVMIO, 0x02, struct kvm_msr_list).
    const KVM_GET_MSR_INDEX_LIST: Ioctl<u32> = Ioctl::iowr(0xAE, 0x02, 4);

    /// Every (encoding, ioctl, expected) triple below was checked against the real
    /// `asm/ioctl.h` of each architecture with Debian's cross compilers (gcc for
    /// x86_64, powerpc, mips, alpha, sparc64 and hppa): `_Static_assert(_IOW(...) == value)`.
    const KNOWN: &[(Encoding, u32, u32)] = &[
        // asm-generic
        (Encoding::Generic, VFIO_GET_API_VERSION.encode(Encoding::Generic), 0x3b64),
        (Encoding::Generic, VFIO_DEVICE_GET_INFO.encode(Encoding::Generic), 0x3b6b),
        (Encoding::Generic, KVM_CREATE_VM.encode(Encoding::Generic), 0xae01),
        (Encoding::Generic, KVM_SET_USER_MEMORY_REGION.encode(Encoding::Generic), 0x4020_ae46),
        (Encoding::Generic, KVM_GET_CLOCK.encode(Encoding::Generic), 0x8030_ae7c),
        (Encoding::Generic, KVM_GET_MSR_INDEX_LIST.encode(Encoding::Generic), 0xc004_ae02),
        // powerpc / mips / alpha
        (Encoding::PowerPc, VFIO_GET_API_VERSION.encode(Encoding::PowerPc), 0x2000_3b64),
        (Encoding::PowerPc, VFIO_DEVICE_GET_INFO.encode(Encoding::PowerPc), 0x2000_3b6b),
        (Encoding::PowerPc, KVM_CREATE_VM.encode(Encoding::PowerPc), 0x2000_ae01),
        (Encoding::PowerPc, KVM_SET_USER_MEMORY_REGION.encode(Encoding::PowerPc), 0x8020_ae46),
        (Encoding::PowerPc, KVM_GET_CLOCK.encode(Encoding::PowerPc), 0x4030_ae7c),
        (Encoding::PowerPc, KVM_GET_MSR_INDEX_LIST.encode(Encoding::PowerPc), 0xc004_ae02),
        // sparc
        (Encoding::Sparc, VFIO_GET_API_VERSION.encode(Encoding::Sparc), 0x2000_3b64),
        (Encoding::Sparc, KVM_SET_USER_MEMORY_REGION.encode(Encoding::Sparc), 0x8020_ae46),
        (Encoding::Sparc, KVM_GET_CLOCK.encode(Encoding::Sparc), 0x4030_ae7c),
        (Encoding::Sparc, KVM_GET_MSR_INDEX_LIST.encode(Encoding::Sparc), 0xc004_ae02),
        // parisc
        (Encoding::Parisc, VFIO_GET_API_VERSION.encode(Encoding::Parisc), 0x3b64),
        (Encoding::Parisc, KVM_CREATE_VM.encode(Encoding::Parisc), 0xae01),
        (Encoding::Parisc, KVM_SET_USER_MEMORY_REGION.encode(Encoding::Parisc), 0x8020_ae46),
        (Encoding::Parisc, KVM_GET_CLOCK.encode(Encoding::Parisc), 0x4030_ae7c),
        (Encoding::Parisc, KVM_GET_MSR_INDEX_LIST.encode(Encoding::Parisc), 0xc004_ae02),
    ];

    #[test]
    fn known_values_from_linux_headers() {
        for &(enc, got, want) in KNOWN {
            assert_eq!(got, want, "{enc:?}: got {got:#x}, want {want:#x}");
        }
    }

    #[test]
    fn known_values_decode_back() {
        let cases: [(Ioctl<()>, &str); 5] = [
            (VFIO_DEVICE_GET_INFO, "vfio"),
            (KVM_CREATE_VM, "create_vm"),
            (KVM_SET_USER_MEMORY_REGION.cast(), "set_mem"),
            (KVM_GET_CLOCK.cast(), "get_clock"),
            (KVM_GET_MSR_INDEX_LIST.cast(), "msr_list"),
        ];
        for (io, what) in cases {
            for enc in ALL_ENCODINGS {
                let req = io.encode(enc);
                assert_eq!(decode(req, enc), (io.dir(), io.ty(), io.nr(), io.size()), "{what} {enc:?}");
                assert_eq!(Ioctl::from_request(req, enc), Some(io), "{what} {enc:?}");
            }
        }
    }

    #[test]
    fn size_and_type_accessors() {
        assert_eq!(KVM_SET_USER_MEMORY_REGION.size(), 32);
        assert_eq!(KVM_SET_USER_MEMORY_REGION.dir(), Dir::Write);
        assert_eq!(KVM_SET_USER_MEMORY_REGION.ty(), 0xae);
        assert_eq!(KVM_SET_USER_MEMORY_REGION.nr(), 0x46);
        assert_eq!(VFIO_GET_API_VERSION.size(), 0);
        assert!(Dir::ReadWrite.reads() && Dir::ReadWrite.writes());
        assert!(!Dir::None.reads() && !Dir::None.writes());
    }

    #[test]
    fn host_encoding_matches_known_arches() {
        let want = if cfg!(any(target_arch = "powerpc", target_arch = "powerpc64", target_arch = "mips", target_arch = "mips64")) {
            Encoding::PowerPc
        } else if cfg!(any(target_arch = "sparc", target_arch = "sparc64")) {
            Encoding::Sparc
        } else {
            Encoding::Generic
        };
        assert_eq!(HOST, want);
        assert_eq!(KVM_CREATE_VM.request(), KVM_CREATE_VM.encode(HOST));
    }

    #[test]
    fn sparc_reads_a_fourteenth_size_bit_on_sized_requests() {
        // A read request of 0x2000 bytes cannot be built portably, but the kernel of a sparc
        // machine decodes bit 29 as size when read or write is set.
        let req = (2u32 << 29) | (0x3fff << 16) | 0x0102;
        assert_eq!(decode(req, Encoding::Sparc), (Dir::Read, 1, 2, 0x3fff));
        // powerpc reads the same bit as the no-direction bit.
        assert_eq!(decode(req, Encoding::PowerPc), (Dir::Read, 1, 2, 0x1fff));
        assert_eq!(Ioctl::from_request(req, Encoding::Sparc), None);
        // An _IO on sparc: size reads as 0 even if the size bits are set.
        let io_with_junk = (1u32 << 29) | (5 << 16) | 0x0102;
        assert_eq!(decode(io_with_junk, Encoding::Sparc), (Dir::None, 1, 2, 0));
        assert_eq!(Ioctl::from_request(io_with_junk, Encoding::Sparc), None);
    }

    #[test]
    fn malformed_numbers_are_refused_by_from_request() {
        // powerpc direction field 0 is no valid direction.
        assert_eq!(Ioctl::from_request(0x0000_3b64, Encoding::PowerPc), None);
        // _IO with a size on the generic layout.
        assert_eq!(Ioctl::from_request(0x0004_3b64, Encoding::Generic), None);
        // a size above the portable limit on the generic layout.
        assert_eq!(Ioctl::from_request(0x4000_0000 | (0x2000 << 16), Encoding::Generic), None);
        // but the kernel would still decode it.
        assert_eq!(decode(0x4000_0000 | (0x2000 << 16), Encoding::Generic).3, 0x2000);
    }

    #[test]
    fn max_portable_size_is_accepted() {
        const BIG: Ioctl<()> = Ioctl::iowr(0xff, 0xff, MAX_PORTABLE_SIZE);
        for enc in ALL_ENCODINGS {
            assert_eq!(Ioctl::from_request(BIG.encode(enc), enc), Some(BIG), "{enc:?}");
        }
        assert_eq!(BIG.encode(Encoding::Generic), 0xdfff_ffff);
        assert_eq!(BIG.encode(Encoding::PowerPc), 0xdfff_ffff);
    }

    #[test]
    #[should_panic(expected = "8191")]
    fn oversized_argument_panics() {
        let size = core::hint::black_box(8192);
        let _ = Ioctl::<()>::ior(1, 1, size);
    }

    #[test]
    #[should_panic(expected = "type must fit 8 bits")]
    fn oversized_type_panics() {
        let _ = Ioctl::<()>::io(core::hint::black_box(256), 0);
    }

    #[test]
    #[should_panic(expected = "number must fit 8 bits")]
    fn oversized_number_panics() {
        let _ = Ioctl::<()>::io(0, core::hint::black_box(300));
    }

    #[test]
    #[should_panic(expected = "carries no size")]
    fn io_with_size_panics() {
        let _ = Ioctl::<()>::new(Dir::None, 1, 1, core::hint::black_box(4));
    }

    #[test]
    fn encodings_describe_their_bits() {
        assert_eq!(Encoding::Generic.dir_shift(), 30);
        assert_eq!(Encoding::PowerPc.dir_shift(), 29);
        assert_eq!(Encoding::Sparc.dir_bits(), 3);
        assert_eq!(Encoding::Parisc.dir_values(), (0, 1, 2));
        assert_eq!(Encoding::Sparc.max_size(), 0x3fff);
        assert_eq!(Encoding::PowerPc.max_size(), 0x1fff);
    }

    #[cfg(feature = "std")]
    #[test]
    fn display_prints_the_c_form() {
        extern crate std;
        use std::string::ToString;
        assert_eq!(KVM_CREATE_VM.to_string(), "_IO(0xae, 0x01)");
        assert_eq!(KVM_SET_USER_MEMORY_REGION.to_string(), "_IOW(0xae, 0x46, 32)");
        let dbg = std::format!("{KVM_SET_USER_MEMORY_REGION:?}");
        assert!(dbg.contains("KvmUserspaceMemoryRegion"), "{dbg}");
    }

    fn any_dir() -> impl Strategy<Value = Dir> {
        prop_oneof![Just(Dir::None), Just(Dir::Read), Just(Dir::Write), Just(Dir::ReadWrite)]
    }

    fn any_enc() -> impl Strategy<Value = Encoding> {
        prop_oneof![
            Just(Encoding::Generic),
            Just(Encoding::PowerPc),
            Just(Encoding::Sparc),
            Just(Encoding::Parisc)
        ]
    }

    proptest! {
        #[test]
        fn encode_decode_round_trip(dir in any_dir(), ty in 0u32..=255, nr in 0u32..=255,
                                    size in 0usize..=MAX_PORTABLE_SIZE, enc in any_enc()) {
            let size = if dir == Dir::None { 0 } else { size };
            let io = Ioctl::<()>::new(dir, ty, nr, size);
            let req = io.encode(enc);
            prop_assert_eq!(decode(req, enc), (dir, ty as u8, nr as u8, size as u32));
            prop_assert_eq!(Ioctl::from_request(req, enc), Some(io));
        }

        #[test]
        fn encodings_only_differ_in_the_top_bits(dir in any_dir(), ty in 0u32..=255, nr in 0u32..=255,
                                                size in 0usize..=MAX_PORTABLE_SIZE) {
            let size = if dir == Dir::None { 0 } else { size };
            let io = Ioctl::<()>::new(dir, ty, nr, size);
            let low = io.encode(Encoding::Generic) & 0x1fff_ffff;
            for enc in ALL_ENCODINGS {
                prop_assert_eq!(io.encode(enc) & 0x1fff_ffff, low);
            }
            prop_assert_eq!(io.encode(Encoding::PowerPc), io.encode(Encoding::Sparc));
        }

        #[test]
        fn decode_never_panics_and_from_request_is_exact(req in any::<u32>(), enc in any_enc()) {
            let (_, ty, nr, size) = decode(req, enc);
            prop_assert_eq!(ty as u32, (req >> 8) & 0xff);
            prop_assert_eq!(nr as u32, req & 0xff);
            prop_assert!(size <= enc.max_size());
            if let Some(io) = Ioctl::from_request(req, enc) {
                prop_assert_eq!(io.encode(enc), req);
            }
        }

        #[test]
        fn distinct_ioctls_get_distinct_numbers(a in (any_dir(), 0u32..=255, 0u32..=255, 0usize..=MAX_PORTABLE_SIZE),
                                                b in (any_dir(), 0u32..=255, 0u32..=255, 0usize..=MAX_PORTABLE_SIZE),
                                                enc in any_enc()) {
            let mk = |(d, t, n, s): (Dir, u32, u32, usize)| Ioctl::<()>::new(d, t, n, if d == Dir::None { 0 } else { s });
            let (x, y) = (mk(a), mk(b));
            prop_assert_eq!(x == y, x.encode(enc) == y.encode(enc));
        }
    }
}
