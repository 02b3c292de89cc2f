#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Label {
        pub name: String,
    }
}

fn main() {}
