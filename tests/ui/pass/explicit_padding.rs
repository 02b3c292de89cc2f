// The fixes the refusals suggest compile: the gap before a `u64` filled by an explicit field,
// a keyword field renamed for C, and an enum carried as `u32`.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(prefix = "X_STATE_")]
    pub enum State {
        Stopped = 0,
        Running = 1,
    }

    pub struct Region {
        pub index: u32,
        pub pad: u32,
        pub size: u64,
        #[uabi(c_name = "type_")]
        pub r#type: u32,
        #[uabi(enum = State)]
        pub state: u32,
    }
}

fn main() {
    assert_eq!(core::mem::size_of::<x::Region>(), 24);
    assert_eq!(core::mem::offset_of!(x::Region, size), 8);
}
