// One guard per family.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(header = "test/asm/x.h", arch_guard(x86 = "_ASM_X86_X_H", x86 = "_ASM_X86_Y_H"))]
    pub mod asm {
        pub const X_ONE: u32 = 1;
    }
}

fn main() {}
