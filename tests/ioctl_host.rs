//! On the host, the C header and the Rust crate give every ioctl the same number.
//!
//! A C program that includes each header is compiled with the host's gcc and run; it prints
//! `NAME=value` for every ioctl and every integer name of the module. Each ioctl must equal the
//! request of the same name in the Rust module's `IOCTLS` (what a Rust VMM passes to `ioctl(2)`)
//! and the model's number encoded for the host; each constant must equal the model's value; and
//! `IOCTLS` must list exactly the model's ioctls.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use common::{compile_and_run, installed, integer_names, ioctl_number, ioctls_on, subjects, Subject};
use uabi::arch::Family;
use uabi::ioctl::HOST;

/// The family of architectures the tests run on.
fn host() -> Family {
    Family::HOST.expect("the tests run on a Linux architecture")
}
use uabi::IoctlEntry;
use uabi_model::ast::Abi;

/// The golden module, compiled here by the `#[uabi::abi]` macro for its `IOCTLS`.
#[allow(clippy::identity_op)] // `EV_BASE + 0`, written as C headers write it
// Only some of its items are used here; the rest would be dead code, as in any module.
#[allow(dead_code)]
mod golden {
    include!("../model/tests/golden/everything.rs");
}

/// The Rust `IOCTLS` of the module that writes `header`. A new module under `linux/src`
/// fails the test until it is added here.
fn rust_ioctls(header: &str) -> Option<&'static [IoctlEntry]> {
    match header {
        "linux/openat2.h" => Some(uabi_linux::openat2::IOCTLS),
        "linux/perf_event.h" => Some(uabi_linux::perf_event::IOCTLS),
        "linux/sched.h" => Some(uabi_linux::sched::IOCTLS),
        "linux/sched/types.h" => Some(uabi_linux::sched_types::IOCTLS),
        "linux/userfaultfd.h" => Some(uabi_linux::userfaultfd::IOCTLS),
        "linux/iommufd.h" => Some(uabi_linux::iommufd::IOCTLS),
        "linux/vfio.h" => Some(uabi_linux::vfio::IOCTLS),
        "linux/kvm.h" => Some(uabi_linux::kvm::IOCTLS),
        "test/everything.h" => Some(golden::everything::IOCTLS),
        _ => None,
    }
}

/// A C program printing `NAME=value` for every ioctl and integer name of `abi`.
fn printer(abi: &Abi) -> String {
    let mut s = format!("#include <stdio.h>\n#include <{}>\n\nint main(void)\n{{\n", abi.header());
    for io in ioctls_on(abi, host()) {
        writeln!(s, "\tprintf(\"%s=%u\\n\", \"{0}\", (unsigned int)({0}));", io.name).unwrap();
    }
    for (name, value, _) in integer_names(abi, host()) {
        if value < 0 {
            writeln!(s, "\tprintf(\"%s=%lld\\n\", \"{name}\", (long long)({name}));").unwrap();
        } else {
            writeln!(s, "\tprintf(\"%s=%llu\\n\", \"{name}\", (unsigned long long)({name}));").unwrap();
        }
    }
    s.push_str("\treturn 0;\n}\n");
    s
}

fn parse(output: &str) -> BTreeMap<String, i128> {
    output
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(n, v)| (n.to_string(), v.parse().unwrap_or_else(|_| panic!("{n}={v}: not an integer"))))
        .collect()
}

/// Every disagreement between what C printed, the Rust table and the model.
fn compare(abi: &Abi, printed: &BTreeMap<String, i128>, rust: &[IoctlEntry]) -> Vec<String> {
    let mut out = Vec::new();
    let h = abi.header();
    let rust_by_name: BTreeMap<&str, &IoctlEntry> = rust.iter().map(|e| (e.name, e)).collect();
    for io in ioctls_on(abi, host()) {
        let name = io.name.to_string();
        let model = ioctl_number(abi, io, host());
        let c = printed.get(&name).copied();
        let r = rust_by_name.get(name.as_str()).map(|e| e.request);
        if c != Some(model as i128) || r != Some(model) {
            out.push(format!(
                "<{h}> {name}: C {}, Rust IOCTLS {}, model {model:#010x} ({})",
                c.map_or("missing".into(), |v| format!("{v:#010x}")),
                r.map_or("missing".into(), |v| format!("{v:#010x}")),
                HOST.name()
            ));
        }
        if let Some(e) = rust_by_name.get(name.as_str()) {
            if e.namespace != io.namespace {
                out.push(format!("<{h}> {name}: Rust IOCTLS namespace `{}`, model `{}`", e.namespace, io.namespace));
            }
        }
    }
    for e in rust {
        if !ioctls_on(abi, host()).any(|io| io.name == e.name) {
            out.push(format!("<{h}> {}: in the Rust IOCTLS but not an ioctl of the model", e.name));
        }
    }
    for (name, value, kind) in integer_names(abi, host()) {
        match printed.get(&name) {
            Some(v) if *v == value => {}
            Some(v) => out.push(format!("<{h}> {name} ({kind:?}): C {v}, model {value}")),
            None => out.push(format!("<{h}> {name} ({kind:?}): not printed")),
        }
    }
    out
}

fn run(s: &Subject) -> Result<BTreeMap<String, i128>, String> {
    let output = compile_and_run("gcc", &["-std=c11", "-Wall", "-Wextra", "-Werror"], &[&s.include_dir], &printer(&s.abi))?;
    Ok(parse(&output))
}

#[test]
fn c_and_rust_agree_on_every_ioctl_and_constant_on_the_host() {
    if !installed("gcc") {
        eprintln!("skipping: gcc is not installed (scripts/test.sh installs it)");
        return;
    }
    let mut failures = Vec::new();
    let (mut n_ioctls, mut n_ints) = (0, 0);
    for s in subjects() {
        let Some(rust) = rust_ioctls(s.name()) else {
            failures.push(format!(
                "<{}> ({}) has no Rust module in rust_ioctls(): add `\"{}\" => Some(uabi::{}::IOCTLS),`",
                s.name(),
                s.origin,
                s.name(),
                s.abi.module
            ));
            continue;
        };
        match run(&s) {
            Ok(printed) => {
                n_ioctls += ioctls_on(&s.abi, host()).count();
                n_ints += integer_names(&s.abi, host()).len();
                failures.extend(compare(&s.abi, &printed, rust));
            }
            Err(e) => failures.push(format!("<{}>:\n{e}", s.name())),
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
    assert!(n_ioctls > 0, "no ioctl was compared");
    eprintln!("{n_ioctls} ioctls and {n_ints} constants agree on the host ({})", HOST.name());
}

#[test]
fn a_disagreement_is_reported() {
    if !installed("gcc") {
        eprintln!("skipping: gcc is not installed (scripts/test.sh installs it)");
        return;
    }
    let subjects = subjects();
    let s = subjects.iter().find(|s| s.origin == common::GOLDEN).unwrap();
    let printed = run(s).unwrap();
    let rust = golden::everything::IOCTLS;
    assert_eq!(compare(&s.abi, &printed, rust), Vec::<String>::new());

    // The Rust table with two numbers swapped.
    let mut swapped = rust.to_vec();
    let (a, b) = (swapped[0].request, swapped[2].request);
    assert_ne!(a, b);
    (swapped[0].request, swapped[2].request) = (b, a);
    let m = compare(&s.abi, &printed, &swapped);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(m[0].contains(swapped[0].name) && m[1].contains(swapped[2].name), "{m:#?}");

    // An entry missing from the table, and one the model does not have.
    let mut renamed = rust.to_vec();
    renamed[1].name = "EV_NOT_AN_IOCTL";
    let m = compare(&s.abi, &printed, &renamed);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(m[0].contains(&format!("{}: C", rust[1].name)) && m[0].contains("Rust IOCTLS missing"), "{m:#?}");
    assert!(m[1].contains("EV_NOT_AN_IOCTL: in the Rust IOCTLS but not"), "{m:#?}");

    // A C value that differs (as a header with a stale number would print).
    let mut wrong = printed.clone();
    *wrong.get_mut("EV_SET").unwrap() += 1;
    *wrong.get_mut("EV_FLAGS_HIGH").unwrap() = 1 << 30;
    let m = compare(&s.abi, &wrong, rust);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(m.iter().any(|l| l.contains("EV_SET: C")) && m.iter().any(|l| l.contains("EV_FLAGS_HIGH (Flag): C 1073741824, model 2147483648")), "{m:#?}");
}
