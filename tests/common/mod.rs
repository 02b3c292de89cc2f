//! Shared by the C header, cross-compiler, bindgen and host ioctl tests: the ABI modules under
//! test, the compilers of every architecture with their ioctl encoding and alignment family,
//! temporary directories, and a compile helper that reports the command and its diagnostics.
//!
//! Each test binary uses a different part of this module.
#![allow(dead_code)]

pub mod dropin;
pub mod installed;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use uabi::ioctl::Ioctl;
use uabi::arch::{Encoding, Endian, Family, LayoutClass};
use uabi_model::ast::{self, Abi, Item, Record};
use uabi_model::layout;

/// The workspace root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed, generated headers.
pub fn headers_dir() -> PathBuf {
    root().join("headers")
}

/// The include root of Linux's newest headers (Debian sid's linux-libc-dev, fetched by
/// scripts/sid-headers.sh into target/sid-headers), or why it cannot be had.
pub fn sid_headers() -> Result<PathBuf, String> {
    let root = root();
    let out = Command::new(root.join("scripts/sid-headers.sh"))
        .arg(root.join("target/sid-headers"))
        .current_dir(root)
        .output()
        .map_err(|e| format!("scripts/sid-headers.sh does not run: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default())),
        Some(3) => Err(stderr.trim().to_string()),
        _ => panic!("scripts/sid-headers.sh failed:\n{stderr}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Temporary directories
// ---------------------------------------------------------------------------------------------

/// A fresh directory under the system's temporary directory, removed on drop (unless
/// `UABI_KEEP_TMP` is set, to look at what a failing test compiled).
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = std::env::temp_dir().join(format!("uabi-{tag}-{}-{n}-{nanos}", std::process::id()));
            match std::fs::create_dir(&path) {
                Ok(()) => return TempDir(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => panic!("cannot create {}: {e}", path.display()),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `rel` inside the directory, creating parents; returns the path.
    pub fn write(&self, rel: impl AsRef<Path>, contents: &str) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("UABI_KEEP_TMP").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The ABI modules under test
// ---------------------------------------------------------------------------------------------

/// One ABI module under test: its model, and where its header and layout-assert file are.
pub struct Subject {
    pub abi: Abi,
    /// `linux/src/vfio.rs`, or the golden module's path.
    pub origin: String,
    /// The directory to pass with `-I` so that `#include <{abi.header}>` finds the header.
    pub include_dir: PathBuf,
    /// The committed header text.
    pub header_path: PathBuf,
    /// The file of `_Static_assert`s of the model's layout.
    pub layout_file: PathBuf,
    /// The module's other headers (nested header modules): name, header file, layout file.
    pub nested: Vec<(String, PathBuf, PathBuf)>,
    /// Keeps the golden module's include directory alive.
    _tmp: Option<TempDir>,
}

impl Subject {
    pub fn name(&self) -> &str {
        self.abi.header()
    }

    /// The layout-check file of every header of the module.
    pub fn layout_files(&self) -> Vec<&Path> {
        std::iter::once(self.layout_file.as_path()).chain(self.nested.iter().map(|(_, _, l)| l.as_path())).collect()
    }

    pub fn records(&self) -> impl Iterator<Item = &Record> {
        records(&self.abi)
    }
}

/// The workspace's ABI definitions (`linux/src`), loaded by the build API as the build script
/// loads them.
pub fn definitions() -> Vec<uabi_build::Source> {
    // Relative, as the build script names it (Cargo runs both in the workspace root), so the
    // banners name `linux/src/vfio.rs` alike.
    assert_eq!(std::env::current_dir().ok().as_deref(), Some(root()), "tests run in the workspace root");
    uabi_build::load(&[PathBuf::from("linux/src")]).unwrap_or_else(|e| panic!("the ABI definitions do not load:\n{e}"))
}

pub const GOLDEN: &str = "model/tests/golden/everything.rs";

/// Every ABI module of `linux/src` (headers under `headers/`), then the
/// golden module that uses every construct of the language (unions, enums, sized ioctls,
/// `__aligned_u64`, flexible arrays), whose committed header is placed in a temporary include
/// directory at its `header = ".."` path.
pub fn subjects() -> Vec<Subject> {
    let sources = definitions();
    let mut out = Vec::new();
    for src in sources {
        for abi in src.abis {
            let header_path = headers_dir().join(abi.header());
            let layout_file = headers_dir().join(uabi_build::checks_path(abi.header()));
            let nested = abi.headers[1..]
                .iter()
                .map(|h| (h.path.clone(), headers_dir().join(&h.path), headers_dir().join(uabi_build::checks_path(&h.path))))
                .collect();
            out.push(Subject { origin: src.path.display().to_string(), include_dir: headers_dir(), header_path, layout_file, nested, abi, _tmp: None });
        }
    }
    assert!(!out.is_empty(), "no ABI module under linux/src");
    out.push(golden());
    out
}

fn golden() -> Subject {
    let source = std::fs::read_to_string(root().join(GOLDEN)).unwrap();
    let mut abis = uabi_model::abis_in_file(&source).unwrap_or_else(|e| panic!("{GOLDEN}: {e}"));
    assert_eq!(abis.len(), 1, "{GOLDEN} defines one module");
    let abi = abis.remove(0);
    let dir = root().join("model/tests/golden");
    let header_text = std::fs::read_to_string(dir.join("everything.h")).unwrap();
    let tmp = TempDir::new("golden-include");
    let header_path = tmp.write(abi.header(), &header_text);
    Subject {
        origin: GOLDEN.to_string(),
        include_dir: tmp.path().to_path_buf(),
        header_path,
        layout_file: dir.join("everything_layout.c"),
        nested: Vec::new(),
        abi,
        _tmp: Some(tmp),
    }
}

/// The named (not anonymous) structs and unions of `abi`.
pub fn records(abi: &Abi) -> impl Iterator<Item = &Record> {
    abi.items.iter().filter_map(|i| match i {
        Item::Struct(r) if !r.anonymous => Some(r),
        _ => None,
    })
}

pub fn ioctls(abi: &Abi) -> impl Iterator<Item = &ast::Ioctl> {
    abi.items.iter().filter_map(|i| match i {
        Item::Ioctl(io) => Some(io),
        _ => None,
    })
}

/// The request number of `io` on `family`, computed by the runtime's `Ioctl` (which also
/// checks the parts' ranges) from the model's direction, type, number and argument size there,
/// in the family's encoding.
pub fn ioctl_number(abi: &Abi, io: &ast::Ioctl, family: Family) -> u32 {
    ioctl_number_in(abi, io, family, family.encoding())
}

/// [`ioctl_number`] in another encoding than the family's (negative tests).
pub fn ioctl_number_in(abi: &Abi, io: &ast::Ioctl, family: Family, enc: Encoding) -> u32 {
    let size = match &io.size_arg {
        None => 0,
        Some(t) => layout::arg_size(abi, t, family).expect("checked: sized arguments have a size"),
    };
    Ioctl::<()>::new(io.dir, io.ty as u32, io.nr as u32, size as usize).encode(enc)
}

/// The ioctls of `abi` that exist on `family`.
pub fn ioctls_on(abi: &Abi, family: Family) -> impl Iterator<Item = &ast::Ioctl> {
    ioctls(abi).filter(move |io| io.place.arch.contains(family))
}

/// What kind of integer name the header defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    /// `pub const`: a `#define`.
    Const,
    /// A flag of a field: a `#define`.
    Flag,
    /// `<STRUCT>_SIZE_VER<n>`, `_SIZE_LATEST`, `_MINSZ`, `_FLAGS_VER<n>`: a `#define`.
    VersionSize,
    /// An enumerator of a C enum.
    Enumerator,
}

/// Every integer name the headers of `abi` define on `family`, with the model's value there.
pub fn integer_names(abi: &Abi, family: Family) -> Vec<(String, i128, IntKind)> {
    let mut out = Vec::new();
    for item in abi.items.iter().filter(|i| i.arch().contains(family)) {
        match item {
            Item::Const(c) => out.push((c.c_name.clone(), c.value, IntKind::Const)),
            Item::Enum(e) => out.extend(e.variants.iter().map(|v| (v.c_name.clone(), v.value, IntKind::Enumerator))),
            Item::Struct(r) => {
                let flags = r.fields.iter().filter(|f| f.arch.contains(family)).flat_map(|f| &f.flags);
                out.extend(flags.map(|f| (f.c_name.clone(), f.value, IntKind::Flag)));
                let l = abi.layouts.on(r.id, family).expect("a record is laid out on its families");
                out.extend(l.version_macros(r).into_iter().map(|m| (m.name, m.value, IntKind::VersionSize)));
            }
            Item::Ioctl(_) | Item::Str(_) | Item::Macro(_) | Item::Rust(..) => {}
        }
    }
    out
}

/// A C expression that is true when the integer `name` has the value `value`, whatever C type
/// the header gave it; a negative value must also be negative in C (not an unsigned type that
/// only converts back to it).
pub fn c_equals(name: &str, value: i128) -> String {
    if value >= 0 {
        format!("(unsigned long long)({name}) == {value}ULL")
    } else if value == i64::MIN as i128 {
        format!("({name}) < 0 && (long long)({name}) == (-9223372036854775807LL - 1)")
    } else {
        format!("({name}) < 0 && (long long)({name}) == -{}LL", -value)
    }
}

// ---------------------------------------------------------------------------------------------
// Architectures and compilers
// ---------------------------------------------------------------------------------------------

/// A Linux architecture of `uabi::arch::ARCHES` with its Debian cross compiler.
#[derive(Clone, Debug)]
pub struct Arch {
    pub name: &'static str,
    pub cc: String,
    pub family: Family,
    pub encoding: Encoding,
    pub class: LayoutClass,
    pub endian: Endian,
    pub triple: &'static str,
}

/// The twelve architectures whose cross compilers `scripts/test.sh` installs, each bringing
/// its own `<asm/ioctl.h>` and `<linux/types.h>`; their facts come from `uabi::arch::ARCHES`.
pub const CROSS: &[&str] = &["i386", "arm", "aarch64", "powerpc", "powerpc64le", "mips", "s390x", "riscv64", "sparc64", "alpha", "parisc", "m68k"];

/// The cross architecture named `name`.
pub fn cross(name: &str) -> Arch {
    let a = uabi::arch::arch_named(name).unwrap_or_else(|| panic!("{name} is not in uabi::arch::ARCHES"));
    Arch {
        name: a.name,
        cc: format!("{}-gcc", a.debian_triple),
        family: a.family,
        encoding: a.encoding(),
        class: a.class,
        endian: a.endian,
        triple: a.debian_triple,
    }
}

/// Whether `program` runs (`program --version` succeeds).
pub fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The installed cross compilers; prints a skip line for each missing one.
pub fn installed_cross() -> Vec<Arch> {
    CROSS
        .iter()
        .map(|n| cross(n))
        .filter(|a| {
            let ok = installed(&a.cc);
            if !ok {
                eprintln!("skipping {}: {} is not installed (scripts/test.sh installs it)", a.name, a.cc);
            }
            ok
        })
        .collect()
}

/// A compiler invocation: the program and the arguments that select language and standard.
#[derive(Clone, Copy, Debug)]
pub struct Cc {
    pub label: &'static str,
    pub program: &'static str,
    pub args: &'static [&'static str],
}

fn describe(program: &str, args: &[String]) -> String {
    let mut s = program.to_string();
    for a in args {
        write!(s, " {a}").unwrap();
    }
    s
}

fn report(program: &str, args: &[String], out: &Output) -> String {
    format!(
        "$ {}\n{}{}",
        describe(program, args),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `program args.. -I includes.. file`; `Err` carries the command line and diagnostics.
pub fn compile_file(program: &str, args: &[&str], includes: &[&Path], file: &Path) -> Result<(), String> {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    for i in includes {
        all.push(format!("-I{}", i.display()));
    }
    all.push(file.display().to_string());
    let out = Command::new(program).args(&all).output().map_err(|e| format!("$ {}\ncannot run {program}: {e}", describe(program, &all)))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(report(program, &all, &out))
    }
}

/// Writes `source` to a fresh temporary file named `name` and compiles it like [`compile_file`].
pub fn compile_source(program: &str, args: &[&str], includes: &[&Path], name: &str, source: &str) -> Result<(), String> {
    let tmp = TempDir::new("cc");
    let file = tmp.write(name, source);
    compile_file(program, args, includes, &file)
}

/// Compiles and links `source` with `program` into a temporary executable, runs it and returns
/// its standard output.
pub fn compile_and_run(program: &str, args: &[&str], includes: &[&Path], source: &str) -> Result<String, String> {
    let tmp = TempDir::new("run");
    let file = tmp.write("probe.c", source);
    let exe = tmp.path().join("probe");
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    for i in includes {
        all.push(format!("-I{}", i.display()));
    }
    all.extend([file.display().to_string(), "-o".into(), exe.display().to_string()]);
    let out = Command::new(program).args(&all).output().map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(report(program, &all, &out));
    }
    let run = Command::new(&exe).output().map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    if !run.status.success() {
        return Err(format!("{} exited with {}: {}", exe.display(), run.status, String::from_utf8_lossy(&run.stderr)));
    }
    Ok(String::from_utf8_lossy(&run.stdout).into_owned())
}

// ---------------------------------------------------------------------------------------------
// Bit probes
// ---------------------------------------------------------------------------------------------

/// Compiles `file` to an object with `program` and checks every bit probe in it: each
/// `uabi_bits_*` object is a struct with one bitfield set by the compiler, followed by the
/// bytes the model says that struct has. Returns the number of probes that held, or the
/// compiler's diagnostics and every probe whose halves differ.
pub fn check_bit_probes(program: &str, args: &[&str], includes: &[&Path], file: &Path) -> Result<usize, String> {
    use object::{Object, ObjectSection, ObjectSymbol};
    let tmp = TempDir::new("probe-obj");
    let obj = tmp.path().join("probe.o");
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    for i in includes {
        all.push(format!("-I{}", i.display()));
    }
    all.extend(["-c".into(), file.display().to_string(), "-o".into(), obj.display().to_string()]);
    let out = Command::new(program).args(&all).output().map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(report(program, &all, &out));
    }
    let data = std::fs::read(&obj).map_err(|e| format!("{}: {e}", obj.display()))?;
    let file = object::File::parse(&*data).map_err(|e| format!("{}: {e}", obj.display()))?;
    let mut held = 0;
    let mut wrong = Vec::new();
    for sym in file.symbols().filter(|s| s.name().is_ok_and(|n| n.starts_with("uabi_bits_"))) {
        let name = sym.name().unwrap_or_default().to_string();
        let section = sym.section_index().and_then(|i| file.section_by_index(i).ok()).ok_or_else(|| format!("{name} has no section"))?;
        let bytes = section.data().map_err(|e| format!("{name}: {e}"))?;
        let (start, size) = ((sym.address() - section.address()) as usize, sym.size() as usize);
        let both = bytes.get(start..start + size).ok_or_else(|| format!("{name} lies outside its section"))?;
        let (compiler, model) = both.split_at(size / 2);
        if compiler == model {
            held += 1;
        } else {
            let show = |b: &[u8]| b.iter().enumerate().filter(|(_, x)| **x != 0).map(|(i, x)| format!("[{i}]={x:#04x}")).collect::<Vec<_>>().join(" ");
            wrong.push(format!("{name}: the compiler sets {} where the model says {}", show(compiler), show(model)));
        }
    }
    if wrong.is_empty() {
        Ok(held)
    } else {
        Err(format!("$ {}\n{}", describe(program, &all), wrong.join("\n")))
    }
}
