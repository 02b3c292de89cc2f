#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Handle(pub u32);
}

fn main() {}
