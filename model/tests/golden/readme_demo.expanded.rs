pub mod demo {
    #[allow(unused_imports)]
    use ::uabi::__private::zerocopy as __uabi_zerocopy;
    #[allow(unused_imports)]
    use ::core::primitive::{
        u8 as __uabi_u8, u16 as __uabi_u16, u32 as __uabi_u32, u64 as __uabi_u64,
        i8 as __uabi_i8, i16 as __uabi_i16, i32 as __uabi_i32, i64 as __uabi_i64,
        u128 as __uabi_u128, i128 as __uabi_i128,
    };
    pub const DEMO_TYPE: u8 = b'D';
    /// Argument of DEMO_GET_INFO.
    #[repr(C, align(8))]
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
    pub struct DemoInfo {
        pub argsz: __uabi_u32,
        pub flags: __uabi_u32,
        pub num_regions: __uabi_u32,
        pub cap_offset: __uabi_u32,
        pub base: __uabi_u64,
    }
    /// The device can be reset.
    pub const DEMO_FLAGS_RESET: u32 = 1 << 0;
    unsafe impl ::uabi::AbiRecord for DemoInfo {
        const C_NAME: &'static str = "demo_info";
    }
    unsafe impl ::uabi::AbiType for DemoInfo {}
    impl ::uabi::Extensible for DemoInfo {
        const VERSIONS: &'static [::uabi::Version] = &[
            ::uabi::Version {
                number: 1,
                size: 12,
                known_flags: 1,
            },
            ::uabi::Version {
                number: 2,
                size: 24,
                known_flags: 1,
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
    }
    impl DemoInfo {
        ///Size of version 1 of `demo_info`.
        pub const SIZE_VER1: usize = 12;
        ///Size of version 2 of `demo_info`.
        pub const SIZE_VER2: usize = 24;
    }
    impl ::uabi::cap_chain::CapChainInfo for DemoInfo {
        const CAP_OFFSET: ::uabi::FieldSpan = ::uabi::FieldSpan {
            offset: 12,
            size: 4,
        };
        const CAPS_FLAG: ::core::option::Option<u64> = ::core::option::Option::None;
    }
    impl ::core::default::Default for DemoInfo {
        ///All zero, with `argsz` set to the size of this struct.
        #[inline]
        fn default() -> Self {
            let mut v = <Self as self::__uabi_zerocopy::FromZeros>::new_zeroed();
            v.argsz = ::core::mem::size_of::<Self>() as u32;
            v
        }
    }
    pub const DEMO_GET_INFO: ::uabi::Ioctl<DemoInfo> = ::uabi::Ioctl::<
        DemoInfo,
    >::io((DEMO_TYPE) as u32, (0) as u32);
    const _: () = ::uabi::__private::check_layout(
        &[
            (
                ::core::mem::size_of::<DemoInfo>(),
                24,
                "uabi: the size of `demo_info` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(DemoInfo, argsz),
                0,
                "uabi: the offset of `demo_info.argsz` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(DemoInfo, flags),
                4,
                "uabi: the offset of `demo_info.flags` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(DemoInfo, num_regions),
                8,
                "uabi: the offset of `demo_info.num_regions` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(DemoInfo, cap_offset),
                12,
                "uabi: the offset of `demo_info.cap_offset` on this target differs from the model",
            ),
            (
                ::core::mem::offset_of!(DemoInfo, base),
                16,
                "uabi: the offset of `demo_info.base` on this target differs from the model",
            ),
            (
                ::core::mem::align_of::<DemoInfo>(),
                ::uabi::__private::host_align([8, 8, 8]),
                "uabi: the alignment of `demo_info` on this target differs from the model",
            ),
        ],
    );
    const _: () = ::uabi::__private::check_values(
        &[
            (
                DEMO_TYPE as i128,
                68,
                "uabi: the value of `DEMO_TYPE` differs from the model's (68): a uabi bug, please report it",
            ),
            (
                DEMO_FLAGS_RESET as i128,
                1,
                "uabi: the value of `DEMO_FLAGS_RESET` differs from the model's (1): a uabi bug, please report it",
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
        same_type::<u32, __uabi_u32>();
        same_type::<u64, __uabi_u64>();
    };
    ///Every ioctl of this module, with its number on the target architecture.
    pub const IOCTLS: &[::uabi::IoctlEntry] = &[
        ::uabi::IoctlEntry {
            name: "DEMO_GET_INFO",
            namespace: "device",
            request: DEMO_GET_INFO.request(),
        },
    ];
}
