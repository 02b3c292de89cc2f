// A named member may be an array of an untagged record: C declares the type and the array in
// one declaration (`union { .. } two[2];`, as Linux's `kvm_ioapic_state.redirtbl`).
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[derive(Clone, Copy)]
    #[uabi(anonymous)]
    pub union Either {
        pub a: u32,
        pub b: u32,
    }

    pub struct Holder {
        pub argsz: u32,
        pub pad: u32,
        pub two: [Either; 2],
    }
}

fn main() {
    let h = x::Holder { argsz: 16, pad: 0, two: [x::Either { a: 1 }, x::Either { b: 2 }] };
    assert_eq!(*h.two[1].b(), 2);
}
