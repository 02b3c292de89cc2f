#!/usr/bin/env python3
"""The build cost of uabi, measured: see ../build-cost.sh for what and why.

Every candidate is a crate made here, outside the workspace (its own `[workspace]`), depending
on the workspace's crates by path, built `--offline` against a copy of the workspace Cargo.lock
into its own CARGO_TARGET_DIR under target/bench-build/. Candidates that are compared are timed
alternately, N rounds, and each table prints the minimum and the median of the rounds.
"""
import os
import shutil
import statistics
from collections import namedtuple
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BB = os.path.join(ROOT, "target", "bench-build")
SRC = os.path.join(BB, "src")
N = int(os.environ.get("N", "3"))
SIZES = [int(s) for s in os.environ.get("SIZES", "10 100 1000").split()]
SECTIONS = os.environ.get("SECTIONS", "vfio scale header user").split()
TARGET = 1.05
USER_TARGET = 1.2


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, env=None, cwd=None, capture=False):
    r = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        log(f"command failed: {' '.join(cmd)}\n{r.stderr[-4000:]}")
        sys.exit(1)
    return r.stdout


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, "w") as f:
            f.write(text)


class Crate:
    """A candidate: a crate in target/bench-build/src/NAME with its own target directory."""

    def __init__(self, name, deps, lib, extra_toml=""):
        self.name = name
        self.dir = os.path.join(SRC, name)
        self.target = os.path.join(BB, "target-" + name)
        self.lib = os.path.join(self.dir, "src", "lib.rs")
        write(os.path.join(self.dir, "Cargo.toml"),
              f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
              f'[lib]\npath = "src/lib.rs"\n\n[dependencies]\n{deps}\n{extra_toml}\n'
              # Outside the workspace: the bench crates must not join it.
              '[workspace]\n')
        write(self.lib, lib)
        lock = os.path.join(self.dir, "Cargo.lock")
        if not os.path.exists(lock):
            # The workspace's versions of every shared dependency; cargo drops the rest.
            shutil.copy(os.path.join(ROOT, "Cargo.lock"), lock)

    def env(self):
        e = dict(os.environ)
        e["CARGO_TARGET_DIR"] = self.target
        e.pop("RUSTFLAGS", None)
        # The crate's own rustc process is timed by the wrapper (see time_rustc.py).
        e["RUSTC_WRAPPER"] = WRAPPER
        e["UABI_BENCH_CRATE"] = self.name
        e["UABI_BENCH_LOG"] = os.path.join(BB, "own-" + self.name + ".log")
        return e

    def build(self, profile_args=()):
        """Wall seconds of the build; its CPU seconds (user + system of cargo and every rustc)
        go to CPU[self.name]: on a shared machine CPU time moves less than wall time when other
        jobs take the cores (it does not count waiting), so ratios are also given in it."""
        env = self.env()
        if os.path.exists(env["UABI_BENCH_LOG"]):
            os.remove(env["UABI_BENCH_LOG"])
        c0 = os.times()
        t = time.perf_counter()
        run(["cargo", "build", "-q", "--offline", "--manifest-path", os.path.join(self.dir, "Cargo.toml"),
             *profile_args], env=env)
        wall = time.perf_counter() - t
        c1 = os.times()
        CPU.setdefault(self.name, []).append(c1.children_user - c0.children_user + c1.children_system - c0.children_system)
        own = open(env["UABI_BENCH_LOG"]).read().split() if os.path.exists(env["UABI_BENCH_LOG"]) else ["nan", "nan"]
        OWN.setdefault(self.name, []).append(float(own[-1]))
        return wall

    def clean_all(self):
        shutil.rmtree(self.target, ignore_errors=True)

    def clean_self(self):
        """Removes this crate's own artifacts and incremental state, keeping its dependencies."""
        run(["cargo", "clean", "-q", "--offline", "-p", self.name, "--manifest-path",
             os.path.join(self.dir, "Cargo.toml")], env=self.env())

    def touch(self):
        os.utime(self.lib)

    def rlib(self):
        deps = os.path.join(self.target, "debug", "deps")
        own = [f for f in os.listdir(deps) if f.startswith("lib" + self.name + "-") and f.endswith(".rlib")]
        total = sum(os.path.getsize(os.path.join(deps, f)) for f in os.listdir(deps)
                    if f.endswith(".rlib") or f.endswith(".so"))
        return os.path.getsize(os.path.join(deps, own[0])), total


CPU = {}
# The CPU seconds of the crate's own rustc process, per build (NaN when it was not compiled).
OWN = {}
WRAPPER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "time_rustc.py")


# One candidate over the rounds: `cargo build` wall seconds (min, median), the CPU seconds of
# cargo and every rustc (median), and the crate's own rustc CPU seconds (min, median).
Timing = namedtuple("Timing", "wall_min wall_median cpu_median own_min own_median")


def rounds(cands, prepare, n=None):
    """n (default N) alternating rounds over `cands`: prepare(c) untimed, then a timed build.
    Returns name -> Timing."""
    n = n or N
    times = {c.name: [] for c in cands}
    cpu = {c.name: [] for c in cands}
    own = {c.name: [] for c in cands}
    for i in range(n):
        for c in cands:
            prepare(c)
            times[c.name].append(c.build())
            cpu[c.name].append(CPU[c.name][-1])
            own[c.name].append(OWN[c.name][-1])
        log(f"  round {i + 1}/{n}: " + ", ".join(
            f"{c.name} {times[c.name][-1]:.2f}s (crate CPU {own[c.name][-1]:.2f}s)" for c in cands))
    return {k: Timing(min(v), statistics.median(v), statistics.median(cpu[k]), min(own[k]), statistics.median(own[k]))
            for k, v in times.items()}


def verdict(ratio, target):
    return "yes" if ratio <= target else "no"


# --------------------------------------------------------------------------------------------
# 1. VFIO: uabi's definitions against bindgen's output for the generated header.
# --------------------------------------------------------------------------------------------

def bindgen_output(mode):
    helper = Crate("bindgen_helper",
                   'bindgen = { version = "0.72", default-features = false, features = ["runtime"] }',
                   "")
    # The binary (src/main.rs) beside the empty library.
    write(os.path.join(helper.dir, "src", "main.rs"),
          open(os.path.join(ROOT, "bench", "build-cost", "bindgen_helper.rs")).read())
    helper.build(["--release"])
    exe = os.path.join(helper.target, "release", "bindgen_helper")
    return run([exe, mode, os.path.join(ROOT, "headers", "linux", "vfio.h"), os.path.join(ROOT, "headers")],
               capture=True)


BINDGEN_PRELUDE = "#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code, clippy::all)]\n"


def section_vfio():
    print("\n## VFIO definitions: uabi against bindgen's output for headers/linux/vfio.h\n")
    vfio = open(os.path.join(ROOT, "linux", "src", "vfio.rs")).read()
    uabi = Crate("vfio_uabi", f'uabi = {{ path = "{ROOT}/abi" }}', vfio)
    plain = Crate("vfio_bindgen", "", BINDGEN_PRELUDE + bindgen_output("plain"))
    zc = Crate("vfio_bindgen_zc", 'zerocopy = { version = "0.8", features = ["derive"] }',
               BINDGEN_PRELUDE + bindgen_output("zerocopy"))
    cands = [uabi, plain, zc]
    log("vfio: clean builds")
    clean = rounds(cands, lambda c: c.clean_all())
    log("vfio: rebuilds after touching the definitions")
    for c in cands:
        c.build()
    touched = rounds(cands, lambda c: c.touch())
    print("| candidate | clean min | clean median | clean CPU | rebuild min | rebuild median | rebuild CPU | rebuild / bindgen+zerocopy (wall, CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    base, base_cpu = touched[zc.name].wall_median, touched[zc.name].cpu_median
    for c, label in [(uabi, "uabi (`#[uabi::abi]`, crate `uabi`)"), (plain, "bindgen output"),
                     (zc, "bindgen output + 4 zerocopy derives")]:
        (cm, cmed, ccpu, _, _), (tm, tmed, tcpu, _, _) = clean[c.name], touched[c.name]
        print(f"| {label} | {cm:.2f} s | {cmed:.2f} s | {ccpu:.2f} s | {tm:.2f} s | {tmed:.2f} s | {tcpu:.2f} s | {tmed / base:.2f}x, {tcpu / base_cpu:.2f}x |")


# --------------------------------------------------------------------------------------------
# 2. Scaling: N VFIO-like structs, uabi against plain zerocopy twins with bindgen-style asserts.
# --------------------------------------------------------------------------------------------

def scale_uabi(n):
    out = ["#![allow(clippy::identity_op)]",
           '#[uabi::abi(header = "bench/scale.h")]', "pub mod scale {",
           "    /// The ioctl type letter.", "    pub const SCALE_TYPE: u32 = 0x3b;"]
    for k in range(n):
        out += [
            f"    /// A VFIO-like request, number {k}: `argsz`, flags and three addresses.",
            "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]",
            f"    pub struct Scale{k}Map {{",
            "        /// Size of the struct; set by the caller.",
            "        pub argsz: u32,",
            "        /// Access flags.",
            "        #[flags {",
            f"            /// Read.\n            SCALE{k}_FLAG_READ = 1 << 0,",
            f"            /// Write.\n            SCALE{k}_FLAG_WRITE = 1 << 1,",
            "        }]",
            "        pub flags: u32,",
            "        /// Process address.\n        pub vaddr: u64,",
            "        /// Device address.\n        pub iova: u64,",
            "        /// Length in bytes.\n        pub size: u64,",
            "    }",
            f"    /// Performs a `scale{k}_map`.",
            "    #[uabi(namespace = container)]",
            f"    pub const SCALE{k}_MAP: Ioctl<Scale{k}Map> = io!(SCALE_TYPE + {k // 200}, {k % 200});",
        ]
    out.append("}")
    return "\n".join(out) + "\n"


def scale_plain(n):
    """The same structs as a bindgen user with zerocopy writes them: `#[repr(C)]`, the same
    derives plus zerocopy's four, the flag and ioctl constants, bindgen's layout asserts."""
    out = ["#![allow(clippy::identity_op, clippy::erasing_op)]",
           "use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};",
           "/// The ioctl type letter.", "pub const SCALE_TYPE: u32 = 0x3b;"]
    fields = [("argsz", 0), ("flags", 4), ("vaddr", 8), ("iova", 16), ("size", 24)]
    for k in range(n):
        name = f"Scale{k}Map"
        out += [
            f"/// A VFIO-like request, number {k}: `argsz`, flags and three addresses.",
            "#[repr(C)]",
            "#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, KnownLayout, Immutable)]",
            f"pub struct {name} {{",
            "    /// Size of the struct; set by the caller.\n    pub argsz: u32,",
            "    /// Access flags.\n    pub flags: u32,",
            "    /// Process address.\n    pub vaddr: u64,",
            "    /// Device address.\n    pub iova: u64,",
            "    /// Length in bytes.\n    pub size: u64,",
            "}",
            f"/// Read.\npub const SCALE{k}_FLAG_READ: u32 = 1 << 0;",
            f"/// Write.\npub const SCALE{k}_FLAG_WRITE: u32 = 1 << 1;",
            f"/// Performs a `scale{k}_map`: `_IO(SCALE_TYPE + {k // 200}, {k % 200})`.",
            f"pub const SCALE{k}_MAP: u32 = ((SCALE_TYPE + {k // 200}) << 8) | {k % 200};",
            "const _: () = {",
            f'    ["Size of {name}"][::core::mem::size_of::<{name}>() - 32usize];',
            f'    ["Alignment of {name}"][::core::mem::align_of::<{name}>() - 8usize];',
        ] + [f'    ["Offset of field: {name}::{f}"][::core::mem::offset_of!({name}, {f}) - {o}usize];'
             for f, o in fields] + ["};"]
    return "\n".join(out) + "\n"


def section_scale():
    print("\n## Scaling: generated ABIs of n VFIO-like structs against plain zerocopy twins\n")
    print("Each struct: argsz, flags (2 flag constants), three u64; one ioctl. The twin: `#[repr(C)]`, the same")
    print("std derives and zerocopy's four, the constants, bindgen's layout asserts. `clean` rebuilds the crate")
    print("alone (dependencies built); `rebuild` after touching its source (incremental).\n")
    print("`build` is the wall time of `cargo build`; `crate CPU` is the CPU time (user + system) of the")
    print("crate's own rustc process, min and median over the rounds: what the ABI costs, without cargo's")
    print("start-up and fingerprinting of path dependencies, and without time spent waiting for a core.")
    print("Ratios are uabi over the twin, of crate CPU medians and (in parentheses) mins; the verdict")
    print("reads the mins: another job on the machine only ever adds time, so the least of N rounds is")
    print("the closest to the cost itself, where medians of a few rounds move by 10 % between runs here.")
    print("Sizes of 1000 and more run N_LARGE rounds (default 1).\n")
    print(f"| structs | candidate | clean build | clean crate CPU min / median | ms/struct | rebuild build | rebuild crate CPU min / median | clean ratio | rebuild ratio | <= {TARGET}x |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in SIZES:
        uabi = Crate(f"scale_uabi_{n}", f'uabi = {{ path = "{ROOT}/abi" }}', scale_uabi(n))
        plain = Crate(f"scale_plain_{n}", 'zerocopy = { version = "0.8", features = ["derive"] }', scale_plain(n))
        cands = [uabi, plain]
        for c in cands:
            c.build()  # the dependencies, untimed
        k = int(os.environ.get("N_LARGE", "1")) if n >= 1000 else N
        log(f"scale {n}: clean")
        clean = rounds(cands, lambda c: c.clean_self(), k)
        log(f"scale {n}: rebuild")
        touched = rounds(cands, lambda c: c.touch(), k)
        rc, rc_min = (clean[uabi.name].own_median / clean[plain.name].own_median,
                      clean[uabi.name].own_min / clean[plain.name].own_min)
        rt, rt_min = (touched[uabi.name].own_median / touched[plain.name].own_median,
                      touched[uabi.name].own_min / touched[plain.name].own_min)
        for c, label in [(uabi, "uabi"), (plain, "plain twin")]:
            cl, to = clean[c.name], touched[c.name]
            ratios = (f"{rc:.2f}x ({rc_min:.2f}x) | {rt:.2f}x ({rt_min:.2f}x) | {verdict(max(rc_min, rt_min), TARGET)}"
                      if c is uabi else " | | ")
            print(f"| {n} | {label} | {cl.wall_median:.2f} s | {cl.own_min:.2f} s / {cl.own_median:.2f} s "
                  f"| {1000 * cl.own_median / n:.1f} | {to.wall_median:.2f} s | {to.own_min:.2f} s / {to.own_median:.2f} s "
                  f"| {ratios} |")


# --------------------------------------------------------------------------------------------
# 3. Header emission.
# --------------------------------------------------------------------------------------------

def section_header():
    print("\n## Header emission: `uabi header linux/src/vfio.rs`\n")
    run(["cargo", "build", "-q", "--offline", "--release", "-p", "uabi-cli"], cwd=ROOT)
    exe = os.path.join(ROOT, "target", "release", "uabi")
    out = os.path.join(BB, "header-out")
    times = []
    for _ in range(10 * N):
        t = time.perf_counter()
        run([exe, "header", os.path.join(ROOT, "linux", "src", "vfio.rs"), "-o", out])
        times.append(time.perf_counter() - t)
    print("| command | runs | min | median |\n|---|---:|---:|---:|")
    print(f"| uabi header (release) | {len(times)} | {1000 * min(times):.1f} ms | {1000 * statistics.median(times):.1f} ms |")


# --------------------------------------------------------------------------------------------
# 4. A user of the runtime only, against a user of zerocopy only.
# --------------------------------------------------------------------------------------------

USER_UABI = '''//! A VMM-side user of the runtime: one extensible struct, decoded from a buffer.
#[uabi::abi(header = "user.h")]
pub mod user {
    /// A request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct UserReq {
        /// Size of the struct.
        pub argsz: u32,
        /// Flags.
        #[flags {
            /// Read.
            USER_FLAG_READ = 1 << 0,
        }]
        pub flags: u32,
        /// An address.
        pub addr: u64,
    }
}

/// The request in `bytes`, with VFIO's argsz and flags checks.
pub fn decode(bytes: &mut [u8]) -> Result<user::UserReq, uabi::Error> {
    let mem = uabi::SimMemory::new(0x1000, bytes);
    uabi::decode_argsz::<user::UserReq, _>(&mem, 0x1000).map(|d| d.value)
}
'''

USER_ZC = '''//! The same user with zerocopy alone: the struct, the same checks by hand.
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// A request.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, KnownLayout, Immutable)]
pub struct UserReq {
    /// Size of the struct.
    pub argsz: u32,
    /// Flags.
    pub flags: u32,
    /// An address.
    pub addr: u64,
}

/// Read.
pub const USER_FLAG_READ: u32 = 1 << 0;

/// The request in `bytes`, with VFIO's argsz and flags checks.
pub fn decode(bytes: &[u8]) -> Result<UserReq, i32> {
    let (v, _) = UserReq::read_from_prefix(bytes).map_err(|_| -14)?;
    if (v.argsz as usize) < core::mem::size_of::<UserReq>() || v.flags & !USER_FLAG_READ != 0 {
        return Err(-22);
    }
    Ok(v)
}

const _: () = {
    ["Size of UserReq"][::core::mem::size_of::<UserReq>() - 16usize];
    ["Offset of field: UserReq::addr"][::core::mem::offset_of!(UserReq, addr) - 8usize];
};
'''

# The runtime without the attribute (`default-features = false`, no `macros`): the struct from
# zerocopy's derives, read through uabi's user-memory layer.
USER_RT = USER_ZC.replace("//! The same user with zerocopy alone: the struct, the same checks by hand.",
                          "//! The same user on uabi's runtime without the attribute (no `macros` feature).").replace(
    """pub fn decode(bytes: &[u8]) -> Result<UserReq, i32> {
    let (v, _) = UserReq::read_from_prefix(bytes).map_err(|_| -14)?;""",
    """pub fn decode(bytes: &mut [u8]) -> Result<UserReq, i32> {
    let mem = uabi::SimMemory::new(0x1000, bytes);
    let v: UserReq = uabi::get_user(&mem, 0x1000).map_err(|e| -e.errno().value())?;""")


def section_user():
    print("\n## A user of the runtime only, against a user of zerocopy only (clean builds)\n")
    uabi = Crate("user_uabi", f'uabi = {{ path = "{ROOT}/abi" }}', USER_UABI)
    zc = Crate("user_zerocopy", 'zerocopy = { version = "0.8", features = ["derive"] }', USER_ZC)
    rt = Crate("user_uabi_runtime", f'uabi = {{ path = "{ROOT}/abi", default-features = false }}\n'
               'zerocopy = { version = "0.8", features = ["derive"] }', USER_RT)
    cands = [uabi, rt, zc]
    clean = rounds(cands, lambda c: c.clean_all())
    print(f"| candidate | clean min | clean median | clean CPU | ratio (wall, CPU) | <= {USER_TARGET}x (wall) | own rlib | rlibs + proc macros |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    base, base_cpu = clean[zc.name].wall_median, clean[zc.name].cpu_median
    for c, label in [(uabi, "`uabi` (runtime + attribute)"),
                     (rt, "`uabi` without `macros` (runtime only) + zerocopy"),
                     (zc, "`zerocopy` (+ derive)")]:
        cm, cmed, ccpu, _, _ = clean[c.name]
        own, total = c.rlib()
        r = cmed / base
        v = verdict(r, USER_TARGET) if c is not zc else ""
        print(f"| {label} | {cm:.2f} s | {cmed:.2f} s | {ccpu:.2f} s | {r:.2f}x, {ccpu / base_cpu:.2f}x | {v} | {own / 1024:.0f} KiB | {total / 1024 / 1024:.1f} MiB |")


def main():
    os.makedirs(SRC, exist_ok=True)
    print(f"# uabi build cost: N = {N} rounds, alternating; {os.cpu_count()} CPUs\n")
    print(f"rustc: {run(['rustc', '--version'], cwd=ROOT, capture=True).strip()}")
    for s in SECTIONS:
        {"vfio": section_vfio, "scale": section_scale, "header": section_header, "user": section_user}[s]()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
