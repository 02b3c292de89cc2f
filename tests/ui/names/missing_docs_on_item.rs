//! `missing_docs` points at the undocumented item, not at the attribute.
#![deny(missing_docs)]

#[uabi::abi(header = "test/docs.h")]
/// A documented module.
pub mod docs {
    /// Documented.
    pub struct Documented {
        /// Documented.
        pub a: u32,
    }

    pub struct Undocumented {
        /// Documented.
        pub a: u32,
    }

    /// Documented.
    pub struct Flags {
        #[flags {
            /// Documented.
            DOCS_FLAG_A = 1 << 0,
            DOCS_FLAG_B = 1 << 1,
        }]
        /// Documented.
        pub flags: u32,
    }

    pub const DOCS_TYPE: u8 = b'D';
}

fn main() {}
