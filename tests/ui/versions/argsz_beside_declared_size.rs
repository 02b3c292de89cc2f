// `argsz` beside another declared size field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        #[uabi(size)]
        pub size: u32,
        pub argsz: u32,
    }
}

fn main() {}
