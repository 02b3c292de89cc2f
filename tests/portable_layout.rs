//! Why uabi refuses a `u64` after a single `u32`: the same `#[repr(C)]` struct has two layouts.
//!
//! `struct Plain { a: u32, b: u64 }` is 16 bytes with `b` at offset 8 on x86_64 (and every other
//! 64-bit Linux target), but 12 bytes with `b` at offset 4 on i386, where a 64-bit integer is only
//! 4-aligned inside a struct. A 32-bit process on a 64-bit kernel would then hand the kernel a
//! struct the kernel reads differently. uabi refuses the definition and accepts it once the gap
//! is an explicit field, after which the layout is the same everywhere.
//!
//! The i386 layout is shown without running i386 code: a C file with `_Static_assert`s on
//! `sizeof`/`offsetof` is compiled (`-c`, never linked or run) with `gcc -m32` or
//! `i686-linux-gnu-gcc`, and the host layout is checked the same way with the host compiler.
//! (The cross-target check of the `uabi` crate itself runs
//! `cargo check --target i686-unknown-linux-gnu`.)

use std::mem::{offset_of, size_of};
use std::path::{Path, PathBuf};
use std::process::Command;

use uabi_model::ast::Item;

#[repr(C)]
#[allow(dead_code)]
struct Plain {
    a: u32,
    b: u64,
}

#[test]
fn plain_repr_c_depends_on_the_target() {
    if cfg!(target_arch = "x86") {
        assert_eq!((size_of::<Plain>(), offset_of!(Plain, b)), (12, 4));
    } else if cfg!(target_arch = "x86_64") {
        assert_eq!((size_of::<Plain>(), offset_of!(Plain, b)), (16, 8));
    } else {
        // Other targets: the u64 is either 8-aligned (16/8) or, on m68k, 2-aligned (12/4).
        let l = (size_of::<Plain>(), offset_of!(Plain, b));
        assert!(l == (16, 8) || l == (12, 4), "{l:?}");
    }
}

const PLAIN_UABI: &str = r#"
#[uabi::abi(header = "test/plain.h")]
pub mod plain {
    pub struct Plain {
        pub a: u32,
        pub b: u64,
    }
}
"#;

const PADDED_UABI: &str = r#"
#[uabi::abi(header = "test/plain.h")]
pub mod plain {
    pub struct Plain {
        pub a: u32,
        pub pad: u32,
        pub b: u64,
    }
}
"#;

fn errors(source: &str) -> Vec<String> {
    match uabi_model::abis_in_file(source) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn uabi_refuses_the_u64_at_offset_4() {
    let errors = errors(PLAIN_UABI);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert!(e.contains("`b` is 64-bit aligned but sits at offset 4"), "{e}");
    assert!(e.contains("i386 and m68k would place it at 4 and other architectures at 8"), "{e}");
    assert!(e.contains("help: add `pub __pad1: u32` (zero) before `b`"), "{e}");
}

#[test]
fn uabi_accepts_it_with_the_explicit_pad() {
    let abis = uabi_model::abis_in_file(PADDED_UABI).unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(abis.len(), 1);
    let record = abis[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Struct(r) if r.name == "Plain" => Some(r),
            _ => None,
        })
        .expect("struct Plain");
    let l = abis[0].layouts.single(record.id);
    assert_eq!(l.size, 16);
    assert_eq!(l.fields.iter().flatten().map(|s| s.offset).collect::<Vec<_>>(), [0, 4, 8]);
    // The struct is 8-aligned on x86_64 and 4-aligned on i386, but every offset and the size
    // are the same on both: that is what makes it portable.
    use uabi::arch::LayoutClass;
    assert_eq!((l.align.get(LayoutClass::Natural), l.align.get(LayoutClass::I386)), (Some(8), Some(4)));
}

/// The same definition in C: `_Static_assert`s on the layout one compiler should produce.
fn c_source(size: usize, offset_b: usize) -> String {
    format!(
        "#include <stddef.h>\n\
         #include <stdint.h>\n\
         struct plain {{ uint32_t a; uint64_t b; }};\n\
         _Static_assert(sizeof(struct plain) == {size}, \"sizeof(struct plain)\");\n\
         _Static_assert(offsetof(struct plain, b) == {offset_b}, \"offsetof(struct plain, b)\");\n\
         struct padded {{ uint32_t a; uint32_t pad; uint64_t b; }};\n\
         _Static_assert(sizeof(struct padded) == 16, \"sizeof(struct padded)\");\n\
         _Static_assert(offsetof(struct padded, b) == 8, \"offsetof(struct padded, b)\");\n"
    )
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("portable_layout");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Compiles (only: `-c`) `source` with `compiler args`; `None` when the compiler is missing or
/// cannot target what was asked (no 32-bit support installed), `Some(stderr)` on a failure.
fn compile(compiler: &str, args: &[&str], name: &str, source: &str) -> Option<Result<(), String>> {
    let dir = out_dir();
    let c = dir.join(format!("{name}.c"));
    std::fs::write(&c, source).unwrap();
    // Probe first: a compiler that cannot build an empty file for this target is not there.
    let probe = dir.join(format!("{name}_probe.c"));
    std::fs::write(&probe, "#include <stddef.h>\n#include <stdint.h>\nint probe;\n").unwrap();
    let probe_ok = Command::new(compiler)
        .args(args)
        .arg("-c")
        .arg(&probe)
        .arg("-o")
        .arg(dir.join(format!("{name}_probe.o")))
        .output()
        .ok()?
        .status
        .success();
    if !probe_ok {
        return None;
    }
    let out = Command::new(compiler)
        .args(args)
        .args(["-std=c11", "-c"])
        .arg(&c)
        .arg("-o")
        .arg(dir.join(format!("{name}.o")))
        .output()
        .unwrap();
    Some(if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) })
}

#[test]
fn c_compilers_agree_i686_is_12_and_4() {
    let candidates: [(&str, &[&str]); 2] = [("gcc", &["-m32"]), ("i686-linux-gnu-gcc", &[])];
    let mut checked = false;
    for (compiler, args) in candidates {
        let cmd = [compiler].iter().chain(args).copied().collect::<Vec<_>>().join(" ");
        match compile(compiler, args, "plain_i686", &c_source(12, 4)) {
            None => println!("skipping `{cmd}`: not installed or no 32-bit support"),
            Some(Ok(())) => {
                println!("`{cmd}`: sizeof(struct plain) == 12, offsetof(struct plain, b) == 4; padded: 16 and 8");
                checked = true;
                break;
            }
            Some(Err(e)) => panic!("`{cmd}` disagrees with the i386 layout 12/4:\n{e}"),
        }
    }
    if !checked {
        println!("skipped the i686 C check: no 32-bit C compiler (`gcc -m32` or `i686-linux-gnu-gcc`) on this machine");
    }
}

#[test]
#[cfg(target_arch = "x86_64")]
fn c_compiler_agrees_x86_64_is_16_and_8() {
    match compile("cc", &[], "plain_host", &c_source(16, 8)) {
        None => println!("skipped the host C check: no `cc`"),
        Some(Ok(())) => println!("`cc`: sizeof(struct plain) == 16, offsetof(struct plain, b) == 8; padded: 16 and 8"),
        Some(Err(e)) => panic!("`cc` disagrees with the x86_64 layout 16/8:\n{e}"),
    }
}
