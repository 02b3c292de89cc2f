// `flags` is an attribute of its own (`#[flags { .. }]`), not a key of `#[uabi(..)]`; this
// reached an `unreachable!` in the model until the `model_source` fuzz target found it.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Info {
        pub argsz: u32,
        #[uabi(flags = 1)]
        pub flags: u32,
    }
}

fn main() {}
