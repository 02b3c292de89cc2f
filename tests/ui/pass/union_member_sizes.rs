// A union whose members differ in size, as Linux writes them: Rust declares the smaller member
// through a wrapper that carries the rest of the union's bytes, so every byte of the union is
// defined whichever member was written, and the wrapper reads as the member itself.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Clone, Copy, Default)]
    pub union Id {
        pub group: u32,
        pub handle: u64,
    }
}

fn main() {
    use uabi::zerocopy::IntoBytes;
    let id = x::Id { group: 7u32.into() };
    assert_eq!(core::mem::size_of::<x::Id>(), 8);
    // The 4 bytes past `group` are the wrapper's, zero.
    assert_eq!(id.as_bytes(), &[7, 0, 0, 0, 0, 0, 0, 0][..]);
    let group: u32 = *unsafe { id.group };
    assert_eq!(group, 7);
    let mut id = x::Id::default();
    unsafe { *id.group = 9 };
    assert_eq!(unsafe { id.handle }, 9);
}
