#!/usr/bin/env python3
"""RUSTC_WRAPPER for the build-cost benchmark: runs rustc, and when it compiles the crate named
by UABI_BENCH_CRATE appends "<wall seconds> <CPU seconds>" of that one rustc process to the file
UABI_BENCH_LOG. The crate's own compile is what an ABI costs; cargo's start-up and its
fingerprint checks of path dependencies (the benchmark's uabi crates are path dependencies,
a published uabi would not be) are not."""
import os
import sys
import time

rustc, args = sys.argv[1], sys.argv[2:]
want = os.environ.get("UABI_BENCH_CRATE")
name = args[args.index("--crate-name") + 1] if "--crate-name" in args[:-1] else None
if not want or name != want:
    os.execvp(rustc, [rustc, *args])
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(rustc, [rustc, *args])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t
with open(os.environ["UABI_BENCH_LOG"], "a") as log:
    log.write(f"{wall:.4f} {usage.ru_utime + usage.ru_stime:.4f}\n")
sys.exit(os.waitstatus_to_exitcode(status))
