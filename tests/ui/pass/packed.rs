// Packed records as Linux writes them (`uffd_msg`, and one whose u64 sits at offset 1): one
// layout on every architecture, 1-aligned, read and written by value.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub union Arg {
        pub address: u64,
        pub ufd: u32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed, first_version = 0)]
    pub struct Msg {
        pub event: u8,
        pub reserved1: u8,
        pub reserved2: u16,
        pub reserved3: u32,
        pub arg: Arg,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    #[uabi(packed, first_version = 0)]
    pub struct Odd {
        pub kind: u8,
        pub value: u64,
        #[bits { low: 4, high: 4 }]
        pub nibbles: u8,
    }

    /// A flexible array right after the fixed part, at offset 4 (Rust declares it `[Odd; 0]`;
    /// the elements are read from the bytes, by copy).
    #[uabi(packed)]
    pub struct Odds {
        pub count: u32,
        pub items: [Odd],
    }
}

fn main() {
    use uabi::zerocopy::{FromBytes, IntoBytes};
    assert_eq!((core::mem::size_of::<x::Msg>(), core::mem::align_of::<x::Msg>()), (16, 1));
    assert_eq!((core::mem::size_of::<x::Odd>(), core::mem::align_of::<x::Odd>()), (10, 1));
    assert_eq!(core::mem::offset_of!(x::Odd, value), 1);
    let odd = x::Odd { kind: 1, value: 0x0102_0304_0506_0708, nibbles: 0 }.with_high(0xa);
    let bytes = odd.as_bytes();
    assert_eq!(bytes[1..9], 0x0102_0304_0506_0708u64.to_ne_bytes());
    let back = x::Odd::read_from_bytes(bytes).unwrap();
    assert_eq!((back, back.high(), back.low()), (odd, 0xa, 0));

    assert_eq!((<x::Odds as uabi::FlexArray>::FLEX_OFFSET, core::mem::size_of::<x::Odds>()), (4, 4));
    let mut buf = [0u8; 4 + 2 * 10];
    let items = [x::Odd::default(), odd];
    let len = uabi::write_flex(&mut buf, &x::Odds { count: 2, items: [] }, &items).unwrap();
    assert_eq!(len, 24);
    let second = x::Odd::read_from_bytes(&buf[14..24]).unwrap();
    assert_eq!(second, odd);
}
