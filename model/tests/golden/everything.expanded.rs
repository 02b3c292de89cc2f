/// A module that uses every construct of the language once.
pub mod everything {
    #[allow(unused_imports)]
    use ::uabi::__private::zerocopy as __uabi_zerocopy;
    #[allow(unused_imports)]
    use ::core::primitive::{
        u8 as __uabi_u8, u16 as __uabi_u16, u32 as __uabi_u32, u64 as __uabi_u64,
        i8 as __uabi_i8, i16 as __uabi_i16, i32 as __uabi_i32, i64 as __uabi_i64,
        u128 as __uabi_u128, i128 as __uabi_i128,
    };
    pub const EV_TYPE: u8 = b';';
    pub const EV_BASE: u32 = 100;
    /// A 64-bit constant that needs a ULL suffix in C.
    pub const EV_BIG: u64 = 1 << 40;
    /// Every bit of a `u32`: `!` works in the constant's own type, as in Rust.
    pub const EV_ALL: u32 = !0;
    /// A string: quotes, a backslash, a trigraph, a tab and a non-ASCII letter need escapes in C.
    pub const EV_NAME: &str = "ev \"q\" \\ ??= \té";
    /// The states of a device.
    #[repr(u32)]
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EvState {
        Error = 0,
        Stop = 1,
        RunningP2p = 5,
    }
    impl ::core::convert::TryFrom<u32> for EvState {
        type Error = ::uabi::Error;
        /// Refuses a value outside the enum with EINVAL, as a kernel would.
        fn try_from(v: u32) -> ::core::result::Result<Self, ::uabi::Error> {
            match v {
                x if x == EvState::Error as u32 => {
                    ::core::result::Result::Ok(EvState::Error)
                }
                x if x == EvState::Stop as u32 => {
                    ::core::result::Result::Ok(EvState::Stop)
                }
                x if x == EvState::RunningP2p as u32 => {
                    ::core::result::Result::Ok(EvState::RunningP2p)
                }
                other => {
                    ::core::result::Result::Err(::uabi::Error::InvalidValue {
                        value: other as u64,
                    })
                }
            }
        }
    }
    impl ::core::convert::From<EvState> for u32 {
        fn from(v: EvState) -> u32 {
            v as u32
        }
    }
    /// Chain header.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvCapHeader {
        pub id: __uabi_u16,
        pub version: __uabi_u16,
        pub next: __uabi_u32,
    }
    unsafe impl ::uabi::AbiType for EvCapHeader {
        const C_NAME: &'static str = "ev_cap_header";
    }
    impl ::uabi::Extensible for EvCapHeader {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 8,
                known_flags: 0,
            },
        ];
    }
    #[repr(C, align(8))]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvCapRange {
        pub header: EvCapHeader,
        pub start: __uabi_u64,
        pub end: __uabi_u64,
    }
    unsafe impl ::uabi::AbiType for EvCapRange {
        const C_NAME: &'static str = "ev_cap_range";
    }
    impl ::uabi::Extensible for EvCapRange {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 24,
                known_flags: 0,
            },
        ];
    }
    impl ::uabi::Capability for EvCapRange {
        const ID: u16 = 3;
        const VERSION: u16 = 1;
    }
    #[repr(C)]
    #[derive(
        Clone,
        Copy,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub union EvId {
        pub group_id: __uabi_u32,
        pub devid: __uabi_u32,
    }
    unsafe impl ::uabi::AbiType for EvId {
        const C_NAME: &'static str = "ev_id";
    }
    unsafe impl self::__uabi_zerocopy::IntoBytes for EvId {
        fn only_derive_is_allowed_to_implement_this_trait() {}
    }
    impl EvId {
        ///The member `group_id`, read as it is now.
        #[inline]
        pub fn group_id(&self) -> &__uabi_u32 {
            unsafe { &*(self as *const Self).cast::<__uabi_u32>() }
        }
        ///The member `group_id`, to write.
        #[inline]
        pub fn group_id_mut(&mut self) -> &mut __uabi_u32 {
            unsafe { &mut *(self as *mut Self).cast::<__uabi_u32>() }
        }
        ///The member `devid`, read as it is now.
        #[inline]
        pub fn devid(&self) -> &__uabi_u32 {
            unsafe { &*(self as *const Self).cast::<__uabi_u32>() }
        }
        ///The member `devid`, to write.
        #[inline]
        pub fn devid_mut(&mut self) -> &mut __uabi_u32 {
            unsafe { &mut *(self as *mut Self).cast::<__uabi_u32>() }
        }
    }
    impl ::core::fmt::Debug for EvId {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("ev_id")
                .field("bytes", &self::__uabi_zerocopy::IntoBytes::as_bytes(self))
                .finish()
        }
    }
    impl ::core::cmp::PartialEq for EvId {
        fn eq(&self, other: &Self) -> bool {
            self::__uabi_zerocopy::IntoBytes::as_bytes(self)
                == self::__uabi_zerocopy::IntoBytes::as_bytes(other)
        }
    }
    impl ::core::cmp::Eq for EvId {}
    impl ::core::default::Default for EvId {
        fn default() -> Self {
            <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed()
        }
    }
    /// A versioned, argsz-tagged struct.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvInfo {
        pub argsz: __uabi_u32,
        pub flags: __uabi_u32,
        pub id: EvId,
        pub state: __uabi_u32,
        pub cap_offset: __uabi_u32,
        pub pad: __uabi_u32,
        pub r#type: [__uabi_u16; 4],
    }
    /// Resettable.
    pub const EV_FLAGS_RESET: u32 = 1 << 0;
    pub const EV_FLAGS_CAPS: u32 = 1 << 1;
    pub const EV_FLAGS_HIGH: u32 = 1 << 31;
    unsafe impl ::uabi::AbiType for EvInfo {
        const C_NAME: &'static str = "ev_info";
    }
    impl ::uabi::Extensible for EvInfo {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 16,
                known_flags: 1,
            },
            ::uabi::Version {
                number: 2,
                size: 32,
                known_flags: 2147483651,
            },
        ];
        const ARGSZ: ::core::option::Option<::uabi::FieldSpan> = ::core::option::Option::Some(::uabi::FieldSpan {
            offset: 0,
            size: 4,
        });
        const FLAGS: ::core::option::Option<::uabi::FieldSpan> = ::core::option::Option::Some(::uabi::FieldSpan {
            offset: 4,
            size: 4,
        });
        const RESERVED: &'static [::uabi::FieldSpan] = &[
            ::uabi::FieldSpan {
                offset: 20,
                size: 4,
            },
        ];
        const GATED: &'static [::uabi::Gate] = &[
            ::uabi::Gate {
                flag: EV_FLAGS_CAPS as u64,
                field: ::uabi::FieldSpan {
                    offset: 16,
                    size: 4,
                },
            },
        ];
    }
    impl EvInfo {
        ///Size of version 1 of `ev_info`.
        pub const SIZE_VER1: usize = 16;
        ///Size of version 2 of `ev_info`.
        pub const SIZE_VER2: usize = 32;
    }
    impl ::uabi::cap_chain::CapChainInfo for EvInfo {
        const CAP_OFFSET: ::uabi::FieldSpan = ::uabi::FieldSpan {
            offset: 16,
            size: 4,
        };
        const CAPS_FLAG: ::core::option::Option<u64> = ::core::option::Option::Some(
            EV_FLAGS_CAPS as u64,
        );
    }
    impl ::core::default::Default for EvInfo {
        ///All zero, with `argsz` set to the size of this struct.
        #[inline]
        fn default() -> Self {
            let mut v = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            v.argsz = ::core::mem::size_of::<Self>() as u32;
            v
        }
    }
    /// A struct with a flexible array.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvSet {
        pub argsz: __uabi_u32,
        pub count: __uabi_u32,
        pub data: [__uabi_u64; 0],
    }
    unsafe impl ::uabi::AbiType for EvSet {
        const C_NAME: &'static str = "ev_set";
    }
    impl ::uabi::Extensible for EvSet {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 8,
                known_flags: 0,
            },
        ];
        const ARGSZ: ::core::option::Option<::uabi::FieldSpan> = ::core::option::Option::Some(::uabi::FieldSpan {
            offset: 0,
            size: 4,
        });
    }
    impl ::uabi::FlexArray for EvSet {
        type Elem = __uabi_u64;
        const FLEX_OFFSET: usize = 8;
        const COUNT: ::core::option::Option<::uabi::FieldSpan> = ::core::option::Option::Some(::uabi::FieldSpan {
            offset: 4,
            size: 4,
        });
    }
    impl ::core::default::Default for EvSet {
        ///All zero, with `argsz` set to the size of this struct.
        #[inline]
        fn default() -> Self {
            let mut v = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            v.argsz = ::core::mem::size_of::<Self>() as u32;
            v
        }
    }
    /// A user buffer: C assigns a pointer to `buf`, Rust and the kernel see the address.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvBuf {
        pub len: __uabi_u64,
        pub buf: __uabi_u64,
    }
    unsafe impl ::uabi::AbiType for EvBuf {
        const C_NAME: &'static str = "ev_buf";
    }
    impl ::uabi::Extensible for EvBuf {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 16,
                known_flags: 0,
            },
        ];
    }
    pub const EV_GET_INFO: ::uabi::Ioctl<EvInfo> = ::uabi::Ioctl::<
        EvInfo,
    >::io((EV_TYPE) as u32, (EV_BASE + 0) as u32);
    pub const EV_SAME_NUMBER_OTHER_FD: ::uabi::Ioctl<()> = ::uabi::Ioctl::<
        (),
    >::io((EV_TYPE) as u32, (EV_BASE + 0) as u32);
    pub const EV_SET: ::uabi::Ioctl<EvCapHeader> = ::uabi::Ioctl::<
        EvCapHeader,
    >::iowr((EV_TYPE) as u32, (0x10) as u32, ::core::mem::size_of::<EvCapHeader>());
    /// A constant Linux writes with `UL`: the header spells it `(1UL << 2)`.
    pub const EV_UL: u32 = 1 << 2;
    /// A constant another header also defines (glibc's `CLONE_IO`): `c_suffix = ""` keeps the
    /// literal as written, `0x80000000`, where the header would otherwise write `0x80000000U`.
    pub const EV_PLAIN: u64 = 0x80000000;
    /// Casts have no C spelling: the header gets rustc's value, 255.
    pub const EV_CAST: u32 = (0x1ff + 0) as u8 as u32;
    /// Bit ranges of two storage units: their C bitfields sit where the model says on every
    /// architecture (the layout checks probe each), and Rust reads them through accessors.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvBits {
        pub word: __uabi_u32,
        pub pad: __uabi_u32,
        pub wide_word: __uabi_u64,
        pub tail: __uabi_u64,
    }
    unsafe impl ::uabi::AbiType for EvBits {
        const C_NAME: &'static str = "ev_bits";
    }
    impl ::uabi::Extensible for EvBits {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 0,
                size: 16,
                known_flags: 0,
            },
            ::uabi::Version {
                number: 1,
                size: 24,
                known_flags: 0,
            },
        ];
        const RESERVED_BITS: &'static [::uabi::ReservedBits] = &[
            ::uabi::ReservedBits {
                field: ::uabi::FieldSpan {
                    offset: 0,
                    size: 4,
                },
                mask: if cfg!(target_endian = "big") { 65535 } else { 4294901760 },
            },
            ::uabi::ReservedBits {
                field: ::uabi::FieldSpan {
                    offset: 8,
                    size: 8,
                },
                mask: if cfg!(target_endian = "big") {
                    65535
                } else {
                    18446462598732840960
                },
            },
        ];
    }
    impl EvBits {
        ///Size of version 0 of `ev_bits`.
        pub const SIZE_VER0: usize = 16;
        ///Size of version 1 of `ev_bits`.
        pub const SIZE_VER1: usize = 24;
    }
    impl EvBits {
        /// The lowest bit.
        ///
        /// The bitfield `enabled` (1 bit) of `word`.
        #[inline]
        pub const fn enabled(&self) -> u32 {
            ::uabi::__private::bits_get(
                self.word as u64,
                if cfg!(target_endian = "big") { 31u32 } else { 0u32 },
                1u32,
            ) as u32
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_enabled(&mut self, value: u32) {
            self.word = ::uabi::__private::bits_set(
                self.word as u64,
                if cfg!(target_endian = "big") { 31u32 } else { 0u32 },
                1u32,
                value as u64,
            ) as u32;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_enabled(mut self, value: u32) -> Self {
            self.set_enabled(value);
            self
        }
        /// The bitfield `mode` (3 bits) of `word`.
        #[inline]
        pub const fn mode(&self) -> u32 {
            ::uabi::__private::bits_get(
                self.word as u64,
                if cfg!(target_endian = "big") { 28u32 } else { 1u32 },
                3u32,
            ) as u32
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_mode(&mut self, value: u32) {
            self.word = ::uabi::__private::bits_set(
                self.word as u64,
                if cfg!(target_endian = "big") { 28u32 } else { 1u32 },
                3u32,
                value as u64,
            ) as u32;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_mode(mut self, value: u32) -> Self {
            self.set_mode(value);
            self
        }
        /// The bitfield `wide` (12 bits) of `word`.
        #[inline]
        pub const fn wide(&self) -> u32 {
            ::uabi::__private::bits_get(
                self.word as u64,
                if cfg!(target_endian = "big") { 16u32 } else { 4u32 },
                12u32,
            ) as u32
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_wide(&mut self, value: u32) {
            self.word = ::uabi::__private::bits_set(
                self.word as u64,
                if cfg!(target_endian = "big") { 16u32 } else { 4u32 },
                12u32,
                value as u64,
            ) as u32;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_wide(mut self, value: u32) -> Self {
            self.set_wide(value);
            self
        }
        /// The bitfield `__reserved_1` (16 bits) of `word`.
        #[inline]
        pub const fn __reserved_1(&self) -> u32 {
            ::uabi::__private::bits_get(
                self.word as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 16u32 },
                16u32,
            ) as u32
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set___reserved_1(&mut self, value: u32) {
            self.word = ::uabi::__private::bits_set(
                self.word as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 16u32 },
                16u32,
                value as u64,
            ) as u32;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with___reserved_1(mut self, value: u32) -> Self {
            self.set___reserved_1(value);
            self
        }
        /// The bitfield `low` (1 bit) of `wide_word`.
        #[inline]
        pub const fn low(&self) -> u64 {
            ::uabi::__private::bits_get(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 63u32 } else { 0u32 },
                1u32,
            ) as u64
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_low(&mut self, value: u64) {
            self.wide_word = ::uabi::__private::bits_set(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 63u32 } else { 0u32 },
                1u32,
                value as u64,
            ) as u64;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_low(mut self, value: u64) -> Self {
            self.set_low(value);
            self
        }
        /// The bitfield `middle` (40 bits) of `wide_word`.
        #[inline]
        pub const fn middle(&self) -> u64 {
            ::uabi::__private::bits_get(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 23u32 } else { 1u32 },
                40u32,
            ) as u64
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_middle(&mut self, value: u64) {
            self.wide_word = ::uabi::__private::bits_set(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 23u32 } else { 1u32 },
                40u32,
                value as u64,
            ) as u64;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_middle(mut self, value: u64) -> Self {
            self.set_middle(value);
            self
        }
        /// The bitfield `high_bits` (7 bits) of `wide_word`.
        #[inline]
        pub const fn high(&self) -> u64 {
            ::uabi::__private::bits_get(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 16u32 } else { 41u32 },
                7u32,
            ) as u64
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_high(&mut self, value: u64) {
            self.wide_word = ::uabi::__private::bits_set(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 16u32 } else { 41u32 },
                7u32,
                value as u64,
            ) as u64;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_high(mut self, value: u64) -> Self {
            self.set_high(value);
            self
        }
        /// The bitfield `__reserved_2` (16 bits) of `wide_word`.
        #[inline]
        pub const fn __reserved_2(&self) -> u64 {
            ::uabi::__private::bits_get(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 48u32 },
                16u32,
            ) as u64
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set___reserved_2(&mut self, value: u64) {
            self.wide_word = ::uabi::__private::bits_set(
                self.wide_word as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 48u32 },
                16u32,
                value as u64,
            ) as u64;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with___reserved_2(mut self, value: u64) -> Self {
            self.set___reserved_2(value);
            self
        }
    }
    /// Untagged members of different sizes, as Linux's exit unions have them.
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvSmall {
        pub code: __uabi_u32,
        pub pad: __uabi_u32,
    }
    unsafe impl ::uabi::AbiType for EvSmall {
        const C_NAME: &'static str = "ev_small";
    }
    impl ::uabi::Extensible for EvSmall {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 8,
                known_flags: 0,
            },
        ];
    }
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvLarge {
        pub words: [__uabi_u64; 4],
    }
    unsafe impl ::uabi::AbiType for EvLarge {
        const C_NAME: &'static str = "ev_large";
    }
    impl ::uabi::Extensible for EvLarge {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 32,
                known_flags: 0,
            },
        ];
    }
    #[repr(C)]
    #[derive(
        Clone,
        Copy,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub union EvExit {
        pub small: __uabi_pad_EvExit_small,
        pub large: __uabi_pad_EvExit_large,
        pub word: __uabi_pad_EvExit_word,
        pub padding: [__uabi_u8; 64],
    }
    unsafe impl ::uabi::AbiType for EvExit {
        const C_NAME: &'static str = "ev_exit";
    }
    ///The member `small` of `EvExit`, followed by the bytes up to the size of the union, so that writing it leaves no byte of the union undefined. It dereferences to the member; make one with `From`, which zeroes those bytes.
    #[allow(non_camel_case_types)]
    #[repr(C)]
    #[derive(
        ::core::clone::Clone,
        ::core::marker::Copy,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct __uabi_pad_EvExit_small {
        /// The member itself.
        pub value: EvSmall,
        __pad: [u8; 56],
    }
    impl ::core::ops::Deref for __uabi_pad_EvExit_small {
        type Target = EvSmall;
        #[inline]
        fn deref(&self) -> &EvSmall {
            &self.value
        }
    }
    impl ::core::ops::DerefMut for __uabi_pad_EvExit_small {
        #[inline]
        fn deref_mut(&mut self) -> &mut EvSmall {
            &mut self.value
        }
    }
    impl ::core::convert::From<EvSmall> for __uabi_pad_EvExit_small {
        #[inline]
        fn from(value: EvSmall) -> Self {
            let mut w = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            w.value = value;
            w
        }
    }
    ///The member `large` of `EvExit`, followed by the bytes up to the size of the union, so that writing it leaves no byte of the union undefined. It dereferences to the member; make one with `From`, which zeroes those bytes.
    #[allow(non_camel_case_types)]
    #[repr(C)]
    #[derive(
        ::core::clone::Clone,
        ::core::marker::Copy,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct __uabi_pad_EvExit_large {
        /// The member itself.
        pub value: EvLarge,
        __pad: [u8; 32],
    }
    impl ::core::ops::Deref for __uabi_pad_EvExit_large {
        type Target = EvLarge;
        #[inline]
        fn deref(&self) -> &EvLarge {
            &self.value
        }
    }
    impl ::core::ops::DerefMut for __uabi_pad_EvExit_large {
        #[inline]
        fn deref_mut(&mut self) -> &mut EvLarge {
            &mut self.value
        }
    }
    impl ::core::convert::From<EvLarge> for __uabi_pad_EvExit_large {
        #[inline]
        fn from(value: EvLarge) -> Self {
            let mut w = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            w.value = value;
            w
        }
    }
    ///The member `word` of `EvExit`, followed by the bytes up to the size of the union, so that writing it leaves no byte of the union undefined. It dereferences to the member; make one with `From`, which zeroes those bytes.
    #[allow(non_camel_case_types)]
    #[repr(C)]
    #[derive(
        ::core::clone::Clone,
        ::core::marker::Copy,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct __uabi_pad_EvExit_word {
        /// The member itself.
        pub value: __uabi_u32,
        __pad: [u8; 60],
    }
    impl ::core::ops::Deref for __uabi_pad_EvExit_word {
        type Target = __uabi_u32;
        #[inline]
        fn deref(&self) -> &__uabi_u32 {
            &self.value
        }
    }
    impl ::core::ops::DerefMut for __uabi_pad_EvExit_word {
        #[inline]
        fn deref_mut(&mut self) -> &mut __uabi_u32 {
            &mut self.value
        }
    }
    impl ::core::convert::From<__uabi_u32> for __uabi_pad_EvExit_word {
        #[inline]
        fn from(value: __uabi_u32) -> Self {
            let mut w = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            w.value = value;
            w
        }
    }
    unsafe impl self::__uabi_zerocopy::IntoBytes for EvExit {
        fn only_derive_is_allowed_to_implement_this_trait() {}
    }
    impl EvExit {
        ///The member `small`, read as it is now.
        #[inline]
        pub fn small(&self) -> &EvSmall {
            unsafe { &*(self as *const Self).cast::<EvSmall>() }
        }
        ///The member `small`, to write.
        #[inline]
        pub fn small_mut(&mut self) -> &mut EvSmall {
            unsafe { &mut *(self as *mut Self).cast::<EvSmall>() }
        }
        ///The member `large`, read as it is now.
        #[inline]
        pub fn large(&self) -> &EvLarge {
            unsafe { &*(self as *const Self).cast::<EvLarge>() }
        }
        ///The member `large`, to write.
        #[inline]
        pub fn large_mut(&mut self) -> &mut EvLarge {
            unsafe { &mut *(self as *mut Self).cast::<EvLarge>() }
        }
        ///The member `word`, read as it is now.
        #[inline]
        pub fn word(&self) -> &__uabi_u32 {
            unsafe { &*(self as *const Self).cast::<__uabi_u32>() }
        }
        ///The member `word`, to write.
        #[inline]
        pub fn word_mut(&mut self) -> &mut __uabi_u32 {
            unsafe { &mut *(self as *mut Self).cast::<__uabi_u32>() }
        }
        ///The member `padding`, read as it is now.
        #[inline]
        pub fn padding(&self) -> &[__uabi_u8; 64] {
            unsafe { &*(self as *const Self).cast::<[__uabi_u8; 64]>() }
        }
        ///The member `padding`, to write.
        #[inline]
        pub fn padding_mut(&mut self) -> &mut [__uabi_u8; 64] {
            unsafe { &mut *(self as *mut Self).cast::<[__uabi_u8; 64]>() }
        }
    }
    impl ::core::fmt::Debug for EvExit {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("ev_exit")
                .field("bytes", &self::__uabi_zerocopy::IntoBytes::as_bytes(self))
                .finish()
        }
    }
    impl ::core::cmp::PartialEq for EvExit {
        fn eq(&self, other: &Self) -> bool {
            self::__uabi_zerocopy::IntoBytes::as_bytes(self)
                == self::__uabi_zerocopy::IntoBytes::as_bytes(other)
        }
    }
    impl ::core::cmp::Eq for EvExit {}
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvRun {
        pub reason: __uabi_u32,
        pub flags: __uabi_u32,
        pub exit: EvExit,
        /// Only where it exists.
        #[cfg(any(target_arch = "s390x"))]
        pub psw: __uabi_u64,
        #[cfg(any(target_arch = "s390x"))]
        pub psw_addr: __uabi_u64,
        /// arm64's registers are 16-aligned.
        pub __pad5: [__uabi_u8; 8],
        pub regs: EvArchRegs,
    }
    unsafe impl ::uabi::AbiType for EvRun {
        const C_NAME: &'static str = "ev_run";
    }
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    impl ::uabi::Extensible for EvRun {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 88,
                known_flags: 0,
            },
        ];
    }
    #[cfg(any(target_arch = "aarch64"))]
    impl ::uabi::Extensible for EvRun {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 128,
                known_flags: 0,
            },
        ];
    }
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    impl ::uabi::Extensible for EvRun {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 88,
                known_flags: 0,
            },
        ];
    }
    #[cfg(any(target_arch = "s390x"))]
    impl ::uabi::Extensible for EvRun {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 104,
                known_flags: 0,
            },
        ];
    }
    /// One name, one layout per family.
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvArchRegs {
        pub rip: __uabi_u64,
    }
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    unsafe impl ::uabi::AbiType for EvArchRegs {
        const C_NAME: &'static str = "ev_arch_regs";
    }
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    impl ::uabi::Extensible for EvArchRegs {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 8,
                known_flags: 0,
            },
        ];
    }
    #[cfg(any(target_arch = "aarch64"))]
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvArchRegs {
        pub pc: __uabi_u64,
        pub __pad1: __uabi_u64,
        pub vregs: [__uabi_u128; 2],
    }
    #[cfg(any(target_arch = "aarch64"))]
    unsafe impl ::uabi::AbiType for EvArchRegs {
        const C_NAME: &'static str = "ev_arch_regs";
    }
    #[cfg(any(target_arch = "aarch64"))]
    impl ::uabi::Extensible for EvArchRegs {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 48,
                known_flags: 0,
            },
        ];
    }
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    #[repr(C)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvArchRegs {
        pub pc: __uabi_u64,
    }
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    unsafe impl ::uabi::AbiType for EvArchRegs {
        const C_NAME: &'static str = "ev_arch_regs";
    }
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    impl ::uabi::Extensible for EvArchRegs {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 8,
                known_flags: 0,
            },
        ];
    }
    /// Packed, as Linux's `uffd_msg`: one layout on every architecture, a `u64` at offset 1,
    /// bitfields, and an untagged packed member.
    #[repr(C, packed)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvPacked {
        pub kind: __uabi_u8,
        pub value: __uabi_u64,
        pub nibbles: __uabi_u8,
        pub tail: EvPackedTail,
    }
    unsafe impl ::uabi::AbiType for EvPacked {
        const C_NAME: &'static str = "ev_packed";
    }
    impl ::uabi::Extensible for EvPacked {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 16,
                known_flags: 0,
            },
        ];
    }
    impl EvPacked {
        /// The bitfield `low` (3 bits) of `nibbles`.
        #[inline]
        pub const fn low(&self) -> u8 {
            ::uabi::__private::bits_get(
                self.nibbles as u64,
                if cfg!(target_endian = "big") { 5u32 } else { 0u32 },
                3u32,
            ) as u8
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_low(&mut self, value: u8) {
            self.nibbles = ::uabi::__private::bits_set(
                self.nibbles as u64,
                if cfg!(target_endian = "big") { 5u32 } else { 0u32 },
                3u32,
                value as u64,
            ) as u8;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_low(mut self, value: u8) -> Self {
            self.set_low(value);
            self
        }
        /// The bitfield `high` (5 bits) of `nibbles`.
        #[inline]
        pub const fn high(&self) -> u8 {
            ::uabi::__private::bits_get(
                self.nibbles as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 3u32 },
                5u32,
            ) as u8
        }
        ///Sets the bitfield; bits of `value` beyond its width are dropped, as C drops them.
        #[inline]
        pub const fn set_high(&mut self, value: u8) {
            self.nibbles = ::uabi::__private::bits_set(
                self.nibbles as u64,
                if cfg!(target_endian = "big") { 0u32 } else { 3u32 },
                5u32,
                value as u64,
            ) as u8;
        }
        ///The value with the bitfield set, for `const` construction.
        #[inline]
        pub const fn with_high(mut self, value: u8) -> Self {
            self.set_high(value);
            self
        }
    }
    #[repr(C, packed)]
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Default,
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvPackedTail {
        pub a: __uabi_u16,
        pub b: __uabi_u32,
    }
    unsafe impl ::uabi::AbiType for EvPackedTail {
        const C_NAME: &'static str = "ev_packed_tail";
    }
    impl ::uabi::Extensible for EvPackedTail {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 6,
                known_flags: 0,
            },
        ];
    }
    /// A packed flexible array of 8-byte elements, at offset 4.
    #[repr(C, packed)]
    #[derive(
        self::__uabi_zerocopy::FromBytes,
        self::__uabi_zerocopy::IntoBytes,
        self::__uabi_zerocopy::KnownLayout,
        self::__uabi_zerocopy::Immutable
    )]
    #[zerocopy(crate = "self::__uabi_zerocopy")]
    pub struct EvPackedList {
        pub count: __uabi_u32,
        pub items: [__uabi_u64; 0],
    }
    unsafe impl ::uabi::AbiType for EvPackedList {
        const C_NAME: &'static str = "ev_packed_list";
    }
    impl ::uabi::Extensible for EvPackedList {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 4,
                known_flags: 0,
            },
        ];
    }
    impl ::uabi::FlexArray for EvPackedList {
        type Elem = __uabi_u64;
        const FLEX_OFFSET: usize = 4;
        const COUNT: ::core::option::Option<::uabi::FieldSpan> = ::core::option::Option::Some(::uabi::FieldSpan {
            offset: 0,
            size: 4,
        });
    }
    /// A per-family number.
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    pub const EV_NR_REGS: u32 = 1;
    #[cfg(any(target_arch = "aarch64"))]
    pub const EV_NR_REGS: u32 = 3;
    /// Numbered per family: the size of `ev_arch_regs` differs.
    pub const EV_GET_REGS: ::uabi::Ioctl<EvArchRegs> = ::uabi::Ioctl::<
        EvArchRegs,
    >::ior((EV_TYPE) as u32, (0x20) as u32, ::core::mem::size_of::<EvArchRegs>());
    /// x86 only.
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    pub const EV_X86_ONLY: ::uabi::Ioctl<()> = ::uabi::Ioctl::<
        (),
    >::io((EV_TYPE) as u32, (0x21) as u32);
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvCapHeader>(),
                8,
                "uabi: the size of `ev_cap_header` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapHeader, id),
                0,
                "uabi: the offset of `ev_cap_header.id` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapHeader, version),
                2,
                "uabi: the offset of `ev_cap_header.version` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapHeader, next),
                4,
                "uabi: the offset of `ev_cap_header.next` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvCapHeader>(),
                ::uabi::__private::host_align([4, 4, 2]),
                "uabi: the alignment of `ev_cap_header` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvCapRange>(),
                24,
                "uabi: the size of `ev_cap_range` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapRange, header),
                0,
                "uabi: the offset of `ev_cap_range.header` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapRange, start),
                8,
                "uabi: the offset of `ev_cap_range.start` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvCapRange, end),
                16,
                "uabi: the offset of `ev_cap_range.end` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvCapRange>(),
                ::uabi::__private::host_align([8, 8, 8]),
                "uabi: the alignment of `ev_cap_range` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvId>(),
                4,
                "uabi: the size of `ev_id` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvId, group_id),
                0,
                "uabi: the offset of `ev_id.group_id` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvId, devid),
                0,
                "uabi: the offset of `ev_id.devid` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvId>(),
                ::uabi::__private::host_align([4, 4, 2]),
                "uabi: the alignment of `ev_id` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<__uabi_u32>(),
                4,
                "uabi: union member `ev_id.group_id` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvId, group_id),
                0,
                "uabi: union member `ev_id.group_id` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<__uabi_u32>(),
                4,
                "uabi: union member `ev_id.devid` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvId, devid),
                0,
                "uabi: union member `ev_id.devid` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<EvInfo>(),
                32,
                "uabi: the size of `ev_info` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, argsz),
                0,
                "uabi: the offset of `ev_info.argsz` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, flags),
                4,
                "uabi: the offset of `ev_info.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, id),
                8,
                "uabi: the offset of `ev_info.id` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, state),
                12,
                "uabi: the offset of `ev_info.state` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, cap_offset),
                16,
                "uabi: the offset of `ev_info.cap_offset` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, pad),
                20,
                "uabi: the offset of `ev_info.pad` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvInfo, r#type),
                24,
                "uabi: the offset of `ev_info.type` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvInfo>(),
                ::uabi::__private::host_align([4, 4, 2]),
                "uabi: the alignment of `ev_info` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvSet>(),
                8,
                "uabi: the size of `ev_set` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvSet, argsz),
                0,
                "uabi: the offset of `ev_set.argsz` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvSet, count),
                4,
                "uabi: the offset of `ev_set.count` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvSet, data),
                8,
                "uabi: the offset of `ev_set.data` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvSet>(),
                ::uabi::__private::host_align([8, 4, 2]),
                "uabi: the alignment of `ev_set` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvBuf>(),
                16,
                "uabi: the size of `ev_buf` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBuf, len),
                0,
                "uabi: the offset of `ev_buf.len` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBuf, buf),
                8,
                "uabi: the offset of `ev_buf.buf` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvBuf>(),
                ::uabi::__private::host_align([8, 4, 2]),
                "uabi: the alignment of `ev_buf` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvBits>(),
                24,
                "uabi: the size of `ev_bits` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBits, word),
                0,
                "uabi: the offset of `ev_bits.word` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBits, pad),
                4,
                "uabi: the offset of `ev_bits.pad` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBits, wide_word),
                8,
                "uabi: the offset of `ev_bits.wide_word` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvBits, tail),
                16,
                "uabi: the offset of `ev_bits.tail` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvBits>(),
                ::uabi::__private::host_align([8, 4, 2]),
                "uabi: the alignment of `ev_bits` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvSmall>(),
                8,
                "uabi: the size of `ev_small` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvSmall, code),
                0,
                "uabi: the offset of `ev_small.code` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvSmall, pad),
                4,
                "uabi: the offset of `ev_small.pad` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvSmall>(),
                ::uabi::__private::host_align([4, 4, 2]),
                "uabi: the alignment of `ev_small` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvLarge>(),
                32,
                "uabi: the size of `ev_large` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvLarge, words),
                0,
                "uabi: the offset of `ev_large.words` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvLarge>(),
                ::uabi::__private::host_align([8, 4, 2]),
                "uabi: the alignment of `ev_large` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvExit>(),
                64,
                "uabi: the size of `ev_exit` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvExit, small),
                0,
                "uabi: the offset of `ev_exit.small` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvExit, large),
                0,
                "uabi: the offset of `ev_exit.large` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvExit, word),
                0,
                "uabi: the offset of `ev_exit.word` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvExit, padding),
                0,
                "uabi: the offset of `ev_exit.padding` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvExit>(),
                ::uabi::__private::host_align([8, 4, 2]),
                "uabi: the alignment of `ev_exit` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<__uabi_pad_EvExit_small>(),
                64,
                "uabi: union member `ev_exit.small` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvExit, small),
                0,
                "uabi: union member `ev_exit.small` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<__uabi_pad_EvExit_large>(),
                64,
                "uabi: union member `ev_exit.large` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvExit, large),
                0,
                "uabi: union member `ev_exit.large` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<__uabi_pad_EvExit_word>(),
                64,
                "uabi: union member `ev_exit.word` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvExit, word),
                0,
                "uabi: union member `ev_exit.word` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<[__uabi_u8; 64]>(),
                64,
                "uabi: union member `ev_exit.padding` does not span the whole union",
            ),
            (
                ::core::mem::offset_of!(EvExit, padding),
                0,
                "uabi: union member `ev_exit.padding` does not span the whole union",
            ),
            (
                ::core::mem::size_of::<EvPacked>(),
                16,
                "uabi: the size of `ev_packed` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPacked, kind),
                0,
                "uabi: the offset of `ev_packed.kind` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPacked, value),
                1,
                "uabi: the offset of `ev_packed.value` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPacked, nibbles),
                9,
                "uabi: the offset of `ev_packed.nibbles` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPacked, tail),
                10,
                "uabi: the offset of `ev_packed.tail` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvPacked>(),
                ::uabi::__private::host_align([1, 1, 1]),
                "uabi: the alignment of `ev_packed` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvPackedTail>(),
                6,
                "uabi: the size of `ev_packed_tail` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPackedTail, a),
                0,
                "uabi: the offset of `ev_packed_tail.a` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPackedTail, b),
                2,
                "uabi: the offset of `ev_packed_tail.b` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvPackedTail>(),
                ::uabi::__private::host_align([1, 1, 1]),
                "uabi: the alignment of `ev_packed_tail` on this target differs from the model",
            ),
            (
                ::core::mem::size_of::<EvPackedList>(),
                4,
                "uabi: the size of `ev_packed_list` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPackedList, count),
                0,
                "uabi: the offset of `ev_packed_list.count` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvPackedList, items),
                4,
                "uabi: the offset of `ev_packed_list.items` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvPackedList>(),
                ::uabi::__private::host_align([1, 1, 1]),
                "uabi: the alignment of `ev_packed_list` on this target differs from the model",
            ),
        ],
    );
    const _: () = ::uabi::__private::check_values(
        &[
            (
                EV_TYPE as i128,
                59,
                "uabi: the value of `EV_TYPE` differs from the model's (59): a uabi bug, please report it",
            ),
            (
                EV_BASE as i128,
                100,
                "uabi: the value of `EV_BASE` differs from the model's (100): a uabi bug, please report it",
            ),
            (
                EV_BIG as i128,
                1099511627776,
                "uabi: the value of `EV_BIG` differs from the model's (1099511627776): a uabi bug, please report it",
            ),
            (
                EV_ALL as i128,
                4294967295,
                "uabi: the value of `EV_ALL` differs from the model's (4294967295): a uabi bug, please report it",
            ),
            (
                EvState::Error as i128,
                0,
                "uabi: the value of `Error` differs from the model's (0): a uabi bug, please report it",
            ),
            (
                EvState::Stop as i128,
                1,
                "uabi: the value of `Stop` differs from the model's (1): a uabi bug, please report it",
            ),
            (
                EvState::RunningP2p as i128,
                5,
                "uabi: the value of `RunningP2p` differs from the model's (5): a uabi bug, please report it",
            ),
            (
                EV_FLAGS_RESET as i128,
                1,
                "uabi: the value of `EV_FLAGS_RESET` differs from the model's (1): a uabi bug, please report it",
            ),
            (
                EV_FLAGS_CAPS as i128,
                2,
                "uabi: the value of `EV_FLAGS_CAPS` differs from the model's (2): a uabi bug, please report it",
            ),
            (
                EV_FLAGS_HIGH as i128,
                2147483648,
                "uabi: the value of `EV_FLAGS_HIGH` differs from the model's (2147483648): a uabi bug, please report it",
            ),
            (
                EV_UL as i128,
                4,
                "uabi: the value of `EV_UL` differs from the model's (4): a uabi bug, please report it",
            ),
            (
                EV_PLAIN as i128,
                2147483648,
                "uabi: the value of `EV_PLAIN` differs from the model's (2147483648): a uabi bug, please report it",
            ),
            (
                EV_CAST as i128,
                255,
                "uabi: the value of `EV_CAST` differs from the model's (255): a uabi bug, please report it",
            ),
        ],
    );
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u16, __uabi_u16>();
        same_type::<u32, __uabi_u32>();
        is_abi_field::<EvCapHeader>();
        same_type::<EvCapHeader, EvCapHeader>();
        same_type::<u64, __uabi_u64>();
        member_is_into_bytes::<__uabi_u32>();
        is_abi_field::<EvId>();
        same_type::<EvId, EvId>();
        same_type::<[u16; 4], [__uabi_u16; 4]>();
        same_type::<[u64; 4], [__uabi_u64; 4]>();
        member_is_into_bytes::<__uabi_pad_EvExit_small>();
        member_is_into_bytes::<__uabi_pad_EvExit_large>();
        member_is_into_bytes::<__uabi_pad_EvExit_word>();
        member_is_into_bytes::<[__uabi_u8; 64]>();
        is_abi_field::<EvSmall>();
        same_type::<EvSmall, EvSmall>();
        is_abi_field::<EvLarge>();
        same_type::<EvLarge, EvLarge>();
        same_type::<[u8; 64], [__uabi_u8; 64]>();
        is_abi_field::<EvExit>();
        same_type::<EvExit, EvExit>();
        same_type::<[u8; 8], [__uabi_u8; 8]>();
        is_abi_field::<EvArchRegs>();
        same_type::<EvArchRegs, EvArchRegs>();
        same_type::<u8, __uabi_u8>();
        is_abi_field::<EvPackedTail>();
        same_type::<EvPackedTail, EvPackedTail>();
    };
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvRun>(),
                88,
                "uabi: the size of `ev_run` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, reason),
                0,
                "uabi: the offset of `ev_run.reason` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, flags),
                4,
                "uabi: the offset of `ev_run.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, exit),
                8,
                "uabi: the offset of `ev_run.exit` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, __pad5),
                72,
                "uabi: the offset of `ev_run.__pad5` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, regs),
                80,
                "uabi: the offset of `ev_run.regs` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvRun>(),
                ::uabi::__private::host_align([8, 4, 8]),
                "uabi: the alignment of `ev_run` on this target differs from the model",
            ),
        ],
    );
    #[cfg(any(target_arch = "aarch64"))]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvRun>(),
                128,
                "uabi: the size of `ev_run` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, reason),
                0,
                "uabi: the offset of `ev_run.reason` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, flags),
                4,
                "uabi: the offset of `ev_run.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, exit),
                8,
                "uabi: the offset of `ev_run.exit` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, __pad5),
                72,
                "uabi: the offset of `ev_run.__pad5` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, regs),
                80,
                "uabi: the offset of `ev_run.regs` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvRun>(),
                ::uabi::__private::host_align([16, 16, 16]),
                "uabi: the alignment of `ev_run` on this target differs from the model",
            ),
        ],
    );
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvRun>(),
                88,
                "uabi: the size of `ev_run` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, reason),
                0,
                "uabi: the offset of `ev_run.reason` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, flags),
                4,
                "uabi: the offset of `ev_run.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, exit),
                8,
                "uabi: the offset of `ev_run.exit` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, __pad5),
                72,
                "uabi: the offset of `ev_run.__pad5` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, regs),
                80,
                "uabi: the offset of `ev_run.regs` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvRun>(),
                ::uabi::__private::host_align([8, 8, 2]),
                "uabi: the alignment of `ev_run` on this target differs from the model",
            ),
        ],
    );
    #[cfg(any(target_arch = "s390x"))]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvRun>(),
                104,
                "uabi: the size of `ev_run` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, reason),
                0,
                "uabi: the offset of `ev_run.reason` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, flags),
                4,
                "uabi: the offset of `ev_run.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, exit),
                8,
                "uabi: the offset of `ev_run.exit` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, psw),
                72,
                "uabi: the offset of `ev_run.psw` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, psw_addr),
                80,
                "uabi: the offset of `ev_run.psw_addr` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, __pad5),
                88,
                "uabi: the offset of `ev_run.__pad5` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvRun, regs),
                96,
                "uabi: the offset of `ev_run.regs` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvRun>(),
                ::uabi::__private::host_align([8, 8, 8]),
                "uabi: the alignment of `ev_run` on this target differs from the model",
            ),
        ],
    );
    #[cfg(any(target_arch = "s390x"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "s390x"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvArchRegs>(),
                8,
                "uabi: the size of `ev_arch_regs` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvArchRegs, rip),
                0,
                "uabi: the offset of `ev_arch_regs.rip` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvArchRegs>(),
                ::uabi::__private::host_align([8, 4, 8]),
                "uabi: the alignment of `ev_arch_regs` on this target differs from the model",
            ),
        ],
    );
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "aarch64"))]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvArchRegs>(),
                48,
                "uabi: the size of `ev_arch_regs` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvArchRegs, pc),
                0,
                "uabi: the offset of `ev_arch_regs.pc` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvArchRegs, __pad1),
                8,
                "uabi: the offset of `ev_arch_regs.__pad1` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvArchRegs, vregs),
                16,
                "uabi: the offset of `ev_arch_regs.vregs` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvArchRegs>(),
                ::uabi::__private::host_align([16, 16, 16]),
                "uabi: the alignment of `ev_arch_regs` on this target differs from the model",
            ),
        ],
    );
    #[cfg(any(target_arch = "aarch64"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "aarch64"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "aarch64"))]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<[u128; 2], [__uabi_u128; 2]>();
    };
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<EvArchRegs>(),
                8,
                "uabi: the size of `ev_arch_regs` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(EvArchRegs, pc),
                0,
                "uabi: the offset of `ev_arch_regs.pc` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<EvArchRegs>(),
                ::uabi::__private::host_align([8, 8, 2]),
                "uabi: the alignment of `ev_arch_regs` on this target differs from the model",
            ),
        ],
    );
    #[cfg(
        any(
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6",
            target_arch = "loongarch64",
            target_arch = "sparc",
            target_arch = "sparc64",
            target_arch = "m68k"
        )
    )]
    #[allow(dead_code)]
    const _: fn() = || {
        fn is_abi_field<T: ::uabi::AbiField>() {}
        fn same_type<
            U: ?::core::marker::Sized + ::uabi::__private::SameType<T>,
            T: ?::core::marker::Sized,
        >() {}
        fn member_is_into_bytes<T: self::__uabi_zerocopy::IntoBytes>() {}
        same_type::<u64, __uabi_u64>();
    };
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    const _: () = ::uabi::__private::check_values(
        &[
            (
                EV_NR_REGS as i128,
                1,
                "uabi: the value of `EV_NR_REGS` differs from the model's (1): a uabi bug, please report it",
            ),
        ],
    );
    #[cfg(any(target_arch = "aarch64"))]
    const _: () = ::uabi::__private::check_values(
        &[
            (
                EV_NR_REGS as i128,
                3,
                "uabi: the value of `EV_NR_REGS` differs from the model's (3): a uabi bug, please report it",
            ),
        ],
    );
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_X86_ONLY",
            namespace: "default",
            request: EV_X86_ONLY.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "aarch64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "arm"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "riscv64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "s390x"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "powerpc", target_arch = "powerpc64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(
        any(
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "mips32r6",
            target_arch = "mips64r6"
        )
    )]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "loongarch64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "sparc", target_arch = "sparc64"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(any(target_arch = "m68k"))]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
    ///Every ioctl of this module, with its number on the target architecture.
    #[cfg(
        not(
            any(
                target_arch = "x86",
                target_arch = "x86_64",
                target_arch = "aarch64",
                target_arch = "arm",
                target_arch = "riscv64",
                target_arch = "s390x",
                target_arch = "powerpc",
                target_arch = "powerpc64",
                target_arch = "mips",
                target_arch = "mips64",
                target_arch = "mips32r6",
                target_arch = "mips64r6",
                target_arch = "loongarch64",
                target_arch = "sparc",
                target_arch = "sparc64",
                target_arch = "m68k"
            )
        )
    )]
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "EV_GET_INFO",
            namespace: "device",
            request: EV_GET_INFO.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SAME_NUMBER_OTHER_FD",
            namespace: "container",
            request: EV_SAME_NUMBER_OTHER_FD.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_SET",
            namespace: "default",
            request: EV_SET.request(),
        },
        ::uabi::IoctlEntry {
            name: "EV_GET_REGS",
            namespace: "default",
            request: EV_GET_REGS.request(),
        },
    ];
}
