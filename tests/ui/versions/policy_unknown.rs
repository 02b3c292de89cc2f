#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(policy = vfio)]
    pub struct Cmd {
        pub argsz: u32,
        pub flags: u32,
    }
}

fn main() {}
