#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct Timeout {
        pub ticks: core::ffi::c_long,
    }
}

fn main() {}
