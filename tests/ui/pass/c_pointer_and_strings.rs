// A `c_pointer` on an aligned `u64` (C: a union of `void *` and `__aligned_u64`), string
// constants with escapes, extra includes and the default guard: all accepted, and the Rust
// side keeps a `u64` and a `&str`.
#[uabi::abi(header = "test/x.h", includes = ["linux/stddef.h"])]
pub mod x {
    /// The driver's name.
    pub const X_NAME: &str = "x-\"pci\"\\?";

    #[derive(Debug, Clone, Copy, Default)]
    pub struct Buf {
        pub len: u64,
        #[uabi(aligned, c_pointer = "void")]
        pub addr: u64,
        #[uabi(c_pointer = "const struct x_other")]
        pub other: u64,
    }
}

fn main() {
    let b = x::Buf { len: 1, addr: 0x1000, other: 0 };
    assert_eq!(b.addr, 0x1000u64);
    assert_eq!(x::X_NAME, "x-\"pci\"\\?");
    assert_eq!(core::mem::align_of::<x::Buf>(), 8);
}
