// A flag of an older version than its field.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    pub struct S {
        pub argsz: u32,
        #[uabi(since = 2)]
        #[flags {
            #[uabi(since = 1)]
            S_A = 1,
        }]
        pub flags: u32,
    }
}

fn main() {}
