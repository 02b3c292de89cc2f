// `arch_includes` names each family by itself.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "test/asm/x.h", arch_includes(arch::arm64 = ["asm/ptrace.h"]))]
    pub mod asm {
        pub const X_ONE: u32 = 1;
    }
}

fn main() {}
