// An anonymous (untagged) record defined twice, per family: C inlines one body.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(anonymous, arch = x86)]
    pub union Sync {
        pub a: u64,
    }
    #[uabi(anonymous, arch = arm64)]
    pub union Sync {
        pub a: u32,
        pub b: u32,
    }
    #[uabi(arch(x86, arm64))]
    pub struct Run {
        #[uabi(anonymous)]
        pub sync: Sync,
    }
}

fn main() {}
