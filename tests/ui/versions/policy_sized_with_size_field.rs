// `sized` takes the size beside the pointer; a struct with a size field reads it from there.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(policy = sized)]
    pub struct Cmd {
        pub argsz: u32,
        pub flags: u32,
    }
}

fn main() {}
