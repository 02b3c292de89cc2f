// `arch_guard` names each family by itself.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "test/asm/x.h", arch_guard(arch::x86 = "_ASM_X86_X_H"))]
    pub mod asm {
        pub const X_ONE: u32 = 1;
    }
}

fn main() {}
