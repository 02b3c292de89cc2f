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
    };
    ///Every ioctl of this module, with its number on the target architecture.
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
    ];
}
