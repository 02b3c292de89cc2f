//! The generated headers compile cleanly as C90, C11 and C++17 with gcc and clang, alone and
//! included twice, and each layout-assert file holds under the host's gcc and clang.
//!
//! The flags are those of Linux's own UAPI header test (`-std=c90`, which forbids `//` comments
//! and declarations after statements) plus `-Wall -Wextra -Wpadded -Werror`: a header that
//! needs padding the definition did not spell out, or that redefines a struct when included
//! twice, fails here. The negative tests below prove each of these failures is caught.

mod common;

use std::path::Path;

use common::{compile_file, compile_source, installed, subjects, Cc, TempDir};

const WARNINGS: &[&str] = &["-Wall", "-Wextra", "-Wpadded", "-Werror", "-fsyntax-only"];

const MODES: &[Cc] = &[
    Cc { label: "gcc -std=c90", program: "gcc", args: &["-std=c90", "-x", "c"] },
    Cc { label: "gcc -std=c11", program: "gcc", args: &["-std=c11", "-x", "c"] },
    Cc { label: "g++ -std=c++17", program: "g++", args: &["-std=c++17", "-x", "c++"] },
    Cc { label: "clang -std=c11", program: "clang", args: &["-std=c11", "-x", "c"] },
    Cc { label: "clang++ -std=c++17", program: "clang++", args: &["-std=c++17", "-x", "c++"] },
];

/// A translation unit that includes `header` `times` times and takes the size of each record
/// (`struct open_how`): clang computes a layout, and so warns about padding, only where one is
/// needed.
fn includer(header: &str, times: usize, records: &[String]) -> String {
    let mut s = String::new();
    for _ in 0..times {
        s.push_str(&format!("#include <{header}>\n"));
    }
    s.push_str("extern int uabi_header_test;\n");
    for r in records {
        s.push_str(&format!("extern char uabi_sizeof_{}[sizeof({r})];\n", r.replace(' ', "_")));
    }
    s
}

/// `struct name` / `union name` of every named record of header `h` of a subject that exists
/// on the host's family of architectures (the compilers here are the host's).
fn c_records(s: &common::Subject, h: uabi_model::ast::HeaderId) -> Vec<String> {
    let host = uabi::arch::Family::HOST.expect("the tests run on a Linux architecture");
    s.records()
        .filter(|r| r.place.header == h && r.place.arch.contains(host))
        .map(|r| format!("{} {}", r.kind.c_keyword(), r.c_name))
        .collect()
}

fn modes() -> Vec<Cc> {
    MODES
        .iter()
        .filter(|m| {
            let ok = installed(m.program);
            if !ok {
                eprintln!("skipping {}: {} is not installed (scripts/test.sh installs it)", m.label, m.program);
            }
            ok
        })
        .copied()
        .collect()
}

/// Compiles `header` (found under `include`) once and twice in every mode; one line per failure.
fn check_header(modes: &[Cc], include: &Path, header: &str, records: &[String]) -> Vec<String> {
    let mut failures = Vec::new();
    for m in modes {
        for times in [1, 2] {
            let args: Vec<&str> = m.args.iter().chain(WARNINGS).copied().collect();
            if let Err(e) = compile_source(m.program, &args, &[include], "t.c", &includer(header, times, records)) {
                failures.push(format!("<{header}> included {times}x, {}:\n{e}", m.label));
            }
        }
    }
    failures
}

#[test]
fn every_header_compiles_alone_and_twice_in_c90_c11_and_cxx() {
    let modes = modes();
    if modes.is_empty() {
        eprintln!("skipping: no C compiler installed");
        return;
    }
    let mut failures = Vec::new();
    let mut compiled = 0;
    for s in subjects() {
        // The main header, which includes its nested ones, and each nested one on its own.
        for (i, h) in s.abi.headers.iter().enumerate() {
            let id = uabi_model::ast::HeaderId(i);
            let mut records = c_records(&s, id);
            if i == 0 {
                records.extend((1..s.abi.headers.len()).flat_map(|j| c_records(&s, uabi_model::ast::HeaderId(j))));
            }
            failures.extend(check_header(&modes, &s.include_dir, &h.path, &records));
            compiled += 1;
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("{compiled} headers x {} modes x (once, twice): clean", modes.len());
}

#[test]
fn layout_asserts_hold_on_the_host_with_gcc_and_clang() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for program in ["gcc", "clang"] {
        if !installed(program) {
            eprintln!("skipping {program}: not installed (scripts/test.sh installs it)");
            continue;
        }
        for s in subjects() {
            let args = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"];
            for file in s.layout_files() {
                if let Err(e) = compile_file(program, &args, &[&s.include_dir], file) {
                    failures.push(format!("{} with {program}:\n{e}", file.display()));
                }
                ran += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    eprintln!("{ran} layout-assert files hold");
}

const EDITED: &str = "linux/openat2.h";

/// A copy of the openat2 header with `edit` applied, in a fresh include directory.
fn edited_header(edit: impl Fn(&str) -> String) -> (TempDir, &'static str) {
    let name = EDITED;
    let text = std::fs::read_to_string(common::headers_dir().join(name)).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changed nothing");
    let tmp = TempDir::new("edited");
    tmp.write(name, &edited);
    (tmp, name)
}

fn mode(label: &str) -> Option<Cc> {
    let m = MODES.iter().find(|m| m.label == label).copied().unwrap();
    if installed(m.program) {
        Some(m)
    } else {
        eprintln!("skipping {label}: {} is not installed", m.program);
        None
    }
}

#[test]
fn a_header_without_include_guard_fails_when_included_twice() {
    let (tmp, name) = edited_header(|t| {
        t.lines().filter(|l| !l.starts_with("#ifndef _LINUX") && !l.starts_with("#define _LINUX") && !l.starts_with("#endif /* _LINUX")).map(|l| format!("{l}\n")).collect()
    });
    let Some(gcc) = mode("gcc -std=c11") else { return };
    let failures = check_header(&[gcc], tmp.path(), name, &["struct open_how".into()]);
    // Once is fine, twice redefines `struct open_how`.
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert!(failures[0].contains("included 2x") && failures[0].contains("redefinition"), "{}", failures[0]);
}

#[test]
fn a_cxx_comment_fails_c90() {
    let (tmp, name) = edited_header(|t| t.replacen("struct open_how {", "// C99 comment\nstruct open_how {", 1));
    let Some(c90) = mode("gcc -std=c90") else { return };
    let failures = check_header(&[c90], tmp.path(), name, &["struct open_how".into()]);
    assert_eq!(failures.len(), 2, "{failures:#?}");
    let Some(c11) = mode("gcc -std=c11") else { return };
    assert_eq!(check_header(&[c11], tmp.path(), name, &["struct open_how".into()]), Vec::<String>::new(), "C11 accepts `//`");
}

#[test]
fn implicit_padding_fails_wpadded_everywhere() {
    let (tmp, name) = edited_header(|t| t.replacen("struct open_how {", "struct padded {\n\t__u32 a;\n\t__u64 b;\n};\n\nstruct open_how {", 1));
    let modes = modes();
    let failures = check_header(&modes, tmp.path(), name, &["struct open_how".into(), "struct padded".into()]);
    // Every mode, once and twice.
    assert_eq!(failures.len(), 2 * modes.len(), "{failures:#?}");
    assert!(failures.iter().all(|f| f.contains("padd")), "{failures:#?}");
}

#[test]
fn a_wrong_layout_assert_fails_on_the_host() {
    let Some(gcc) = mode("gcc -std=c11") else { return };
    let s = subjects().into_iter().next().unwrap();
    let text = std::fs::read_to_string(&s.layout_file).unwrap();
    let at = text.find("_Static_assert(sizeof(").unwrap();
    let end = at + text[at..].find(')').unwrap() + 5; // `) == N`
    let (before, after) = text.split_at(end);
    let edited = format!("{before}1{after}"); // N -> N1
    let r = compile_source(gcc.program, &["-std=c11", "-fsyntax-only"], &[&s.include_dir], "layout.c", &edited);
    let e = r.expect_err("a wrong size must fail");
    assert!(e.contains("size of"), "{e}");
}

/// Documentation is copied into C comments: text that means something inside a comment must
/// not break the header.
const HOSTILE_DOCS: &str = r#"
/// The module: groups live under /dev/vfio/* and /* is not a comment here */.
#[uabi::abi(header = "test/docs.h")]
pub mod docs {
    /// A glob /dev/vfio/*, a closing */ and a trigraph ??/
    /// and a line ending in a backslash \
    pub const DOCS_ONE: u32 = 1;

    /// `/*` opens, `*/` closes, `//` is C99.
    pub struct DocsArg {
        /// ends with /*
        #[flags {
            /// glob /*
            DOCS_FLAG = 1 << 0,
        }]
        pub flags: u32,
        /// `??=` is `#` in C90
        pub pad: u32,
    }

    /// An ioctl: see /sys/bus/*/devices.
    pub const DOCS_IOCTL: Ioctl<DocsArg> = iow!(b'D', 1, DocsArg);
}
"#;

#[test]
fn documentation_with_comment_markers_compiles() {
    let mut abis = uabi_model::abis_in_file(HOSTILE_DOCS).unwrap_or_else(|e| panic!("{e}"));
    let abi = abis.remove(0);
    let header = uabi_model::c::header(&abi, &uabi_model::c::Source { path: "tests/c_headers.rs" });
    assert!(header.contains("/dev/vfio/"), "the docs are in the header:\n{header}");
    let tmp = TempDir::new("docs");
    tmp.write(abi.header(), &header);
    let failures = check_header(&modes(), tmp.path(), abi.header(), &["struct docs_arg".into()]);
    assert!(failures.is_empty(), "{}\n\n{header}", failures.join("\n\n"));
}

/// The banner names every family of macros and members the header adds to Linux's
/// conventions, so that a reader comparing with Linux's header knows what is extra.
#[test]
fn the_banner_lists_every_added_family() {
    let families = [
        ("_SIZE_VER", "`<STRUCT>_SIZE_VER<n>`"),
        ("_SIZE_LATEST", "`<STRUCT>_SIZE_LATEST`"),
        ("_MINSZ", "`<STRUCT>_MINSZ`"),
        ("_FLAGS_VER", "`<STRUCT>_FLAGS_VER<n>`"),
        ("_u64;", "`<field>_u64`"),
    ];
    let mut seen = 0;
    for s in subjects() {
        let text = std::fs::read_to_string(&s.header_path).unwrap();
        let (banner, body) = text.split_at(text.find("#ifndef").expect("a guard"));
        for (marker, named) in families {
            // A `c_pointer` member is the `__u64 <field>_u64;` of an anonymous union.
            let used = if marker == "_u64;" {
                body.contains("\tunion {\n") && body.lines().any(|l| l.trim_start().starts_with("__u64 ") && l.ends_with(marker))
            } else {
                body.lines().any(|l| l.starts_with("#define") && l.contains(marker))
            };
            if used {
                seen += 1;
                assert!(banner.replace("\n * ", " ").contains(named), "<{}> uses {marker} but its banner does not name {named}:\n{banner}", s.name());
            }
        }
    }
    assert!(seen >= 5, "the families were not found in the headers ({seen})");
}
