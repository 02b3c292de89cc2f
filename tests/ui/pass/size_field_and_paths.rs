// The declared size field at offset 4 with Default setting it, the iommufd shape, and the path
// spellings of the primitives.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Default)]
    #[uabi(first_version = 0, policy = perf)]
    pub struct Attr {
        pub r#type: core::primitive::u32,
        #[uabi(size)]
        pub size: ::core::primitive::u32,
        pub config: std::primitive::u64,
    }

    #[derive(Default)]
    #[uabi(policy = sized_field)]
    pub struct Cmd {
        #[uabi(size)]
        pub size: u32,
        pub flags: u32,
    }

    /// Not the struct's size: renamed in Rust, `size` in C.
    pub struct Region {
        #[uabi(c_name = "size")]
        pub len: u32,
        pub flags: u32,
    }

    /// A `size` that is not a `u32` first field is an ordinary field.
    pub struct Window {
        pub start: u64,
        pub size: u64,
    }
}

fn main() {
    use uabi::Extensible;
    assert_eq!(x::Attr::default().size, 16);
    assert_eq!(x::Cmd::default().size, 8);
    assert_eq!(x::Attr::ARGSZ, Some(uabi::FieldSpan { offset: 4, size: 4 }));
    assert_eq!(x::Attr::POLICY, uabi::SizePolicy::Perf);
    assert_eq!(x::Cmd::POLICY, uabi::SizePolicy::SizedField);
    assert_eq!(<x::Region as Extensible>::ARGSZ, None);
}
