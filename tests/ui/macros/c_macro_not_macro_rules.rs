// A C macro is declared with `macro_rules!` (or a `const fn`), not by invoking a macro.
#[uabi::abi(header = "test/x.h")]
pub mod x {
    #[uabi(c_macro)]
    thread_local! {}
}

fn main() {}
