#!/usr/bin/env bash
# Runs the uabi runtime benchmarks and prints each checked operation's cost as a ratio to the
# copies it replaces (target: within 1.1x for decode/encode of a VFIO-sized struct): a plain
# copy_from_slice, and the same bytes through the same UserMemory (see benches/runtime.rs).
#
#   bench/run.sh            run everything, then print the ratios
#   bench/run.sh --report   only print the ratios of the last criterion run
#   bench/run.sh --icount   only the instruction counts (valgrind)
# Extra arguments are passed to criterion (e.g. a filter: bench/run.sh region_info).
#
# Then the same operations in instructions (valgrind's cachegrind, exact and repeatable where
# criterion's 1-3 ns medians move by 10-20 % on a shared machine): src/bin/icount.rs runs one
# case N times; the count per operation is (Ir(case) - Ir(empty loop)) / N. Targets: each
# decoder and encoder at most the instructions of the same checks by hand, and at most 1.1x the
# copies through UserMemory plus the checks Linux makes (the hand-written case).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
if [[ "$mode" != "--report" && "$mode" != "--icount" ]]; then
    cargo bench -p uabi-bench --bench runtime -- "$@"
fi

# Criterion writes target/criterion/<group>/<function>/new/estimates.json.
target_dir="${CARGO_TARGET_DIR:-target}"
if [[ "$mode" != "--icount" ]]; then
python3 - "$target_dir/criterion" <<'PY'
import json, os, sys

root = sys.argv[1]

def est(group, function):
    path = os.path.join(root, group, function, "new", "estimates.json")
    try:
        with open(path) as f:
            e = json.load(f)
    except FileNotFoundError:
        return None
    # The median is robust to the scheduler noise of a small shared machine.
    return e["median"]["point_estimate"]

# (group, measured, baseline, label, target). "plain" is copy_from_slice between Rust buffers;
# "uaccess" is the same bytes through the same UserMemory, the copy_from_user/copy_to_user a
# kernel makes anyway (the honest baseline for a decoder). Rows with a target are the decode and
# encode ratios the 1.1x goal is about; the others explain them.
rows = [
    ("dma_map_32B", "decode_argsz", "plain_copy", "dma_map decode_argsz (1 read) / plain", True),
    ("dma_map_32B", "decode_argsz", "user_mem_read", "dma_map decode_argsz (1 read) / uaccess", True),
    ("dma_map_32B", "decode_argsz", "handwritten_prologue", "dma_map decode_argsz / same checks by hand", False),
    ("dma_map_32B", "decode_sized_32", "user_mem_read", "dma_map decode_sized 32 B / uaccess", True),
    ("dma_map_32B", "user_mem_read", "plain_copy", "dma_map uaccess / plain", False),
    ("region_info_32B", "decode_argsz", "plain_copy", "region_info decode_argsz (2 reads) / plain", True),
    ("region_info_32B", "decode_argsz", "user_mem_read", "region_info decode_argsz / uaccess, 1 read", True),
    ("region_info_32B", "decode_argsz", "user_mem_read_2", "region_info decode_argsz / uaccess, its 2 reads", True),
    ("region_info_32B", "decode_argsz", "handwritten_prologue", "region_info decode_argsz / C prologue by hand", False),
    ("region_info_32B", "decode_sized_40", "plain_copy", "region_info decode_sized 40 B / plain", True),
    ("region_info_32B", "decode_sized_40", "user_mem_read", "region_info decode_sized 40 B / uaccess, 32 B", True),
    ("region_info_32B", "decode_sized_40", "user_mem_read_tail", "region_info decode_sized 40 B / uaccess, its 40 B", True),
    ("region_info_32B", "user_mem_read", "plain_copy", "region_info uaccess / plain", False),
    ("region_info_32B_out", "encode_argsz", "plain_copy", "encode_argsz / plain", True),
    ("region_info_32B_out", "encode_argsz", "user_mem_write", "encode_argsz / uaccess", True),
    ("region_info_32B_out", "encode_to_user", "plain_copy", "encode_to_user 32 B / plain", True),
    ("region_info_32B_out", "encode_to_user", "user_mem_write", "encode_to_user 32 B / uaccess", True),
    ("region_info_32B_out", "user_mem_write", "plain_copy", "uaccess write / plain", False),
    ("cap_chain", "checked_walk_5", "unchecked_walk_5", "checked cap walk / unchecked (5 caps)", False),
    ("cap_chain", "checked_walk_33", "unchecked_walk_33", "checked cap walk / unchecked (33 caps)", False),
]
W = 52
print(f"{'ratio':<{W}} {'ns':>8} {'base ns':>8} {'ratio':>7}  <=1.1x")
missing = False
for group, num, den, label, target in rows:
    a, b = est(group, num), est(group, den)
    if a is None or b is None:
        print(f"{label:<{W}} {'(not run)':>25}")
        missing = True
        continue
    verdict = ("yes" if a / b <= 1.1 else "no") if target else ""
    print(f"{label:<{W}} {a:8.2f} {b:8.2f} {a / b:6.2f}x  {verdict}")
if missing:
    print("some benchmarks have no results yet: run bench/run.sh without --report", file=sys.stderr)
PY
fi

if [[ "$mode" == "--report" ]]; then
    exit 0
fi
scripts/apt-ensure.sh valgrind
cargo build -q --release -p uabi-bench --bin icount
python3 - "$target_dir/release/icount" <<'PY'
import re, subprocess, sys

exe, n = sys.argv[1], 20000

def ir(case):
    r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                        exe, case, str(n)], capture_output=True, text=True, check=True)
    return int(re.search(r"I\s+refs:\s+([\d,]+)", r.stderr).group(1).replace(",", ""))

empty = ir("empty")
cases = subprocess.run([exe, "list"], capture_output=True, text=True, check=True).stdout.split()
# A case costs a whole number of instructions per iteration; the fraction is set-up over n.
per = {c: round((ir(c) - empty) / n) for c in cases if c != "empty"}

print()
print(f"instructions per operation (valgrind cachegrind, {n} iterations minus an empty loop)")
print(f"{'case':<34} {'instr':>7}")
for c, v in per.items():
    print(f"{c:<34} {v:7.1f}")

# (measured, baseline, label, target): "hand" rows hold the target "at most the same checks
# written by hand" (<= 1.0x); "uaccess" rows the target "at most 1.1x the copies through
# UserMemory plus the checks Linux makes", where that baseline is the hand-written case; the
# other rows explain (plain copy, copies alone).
rows = [
    ("decode_argsz_dma_map", "handwritten_dma_map", "decode_argsz (dma_map) / by hand", 1.0),
    ("decode_argsz_dma_map", "user_mem_read", "decode_argsz (dma_map) / uaccess copy", None),
    ("decode_argsz_dma_map", "plain_copy", "decode_argsz (dma_map) / plain copy", None),
    ("decode_argsz_region_info", "handwritten_region_info", "decode_argsz (region_info, 2 reads) / by hand", 1.0),
    ("decode_argsz_region_info", "user_mem_read_2", "decode_argsz (region_info) / its 2 uaccess copies", None),
    ("decode_sized", "handwritten_sized", "decode_sized / by hand", 1.0),
    ("decode_sized", "user_mem_read", "decode_sized / uaccess copy", None),
    ("decode_argsz_sized", "handwritten_argsz_sized", "decode_argsz_sized / by hand", 1.0),
    ("decode_argsz_sized", "user_mem_read_argsz_then_struct", "decode_argsz_sized / its 2 uaccess copies", None),
    ("decode_perf", "handwritten_perf", "decode_perf / perf_copy_attr by hand", 1.0),
    ("decode_perf", "handwritten_argsz_sized", "decode_perf / get_user + copy_struct_from_user by hand", None),
    ("decode_perf", "user_mem_read_argsz_then_struct", "decode_perf / its 2 uaccess copies", None),
    ("encode_argsz", "handwritten_encode_argsz", "encode_argsz / by hand", 1.0),
    ("encode_argsz", "user_mem_write", "encode_argsz / uaccess write", None),
    ("encode_to_user", "handwritten_encode_argsz", "encode_to_user (exact size) / by hand", 1.1),
    ("encode_to_user", "user_mem_write", "encode_to_user / uaccess write", None),
    ("encode_info_const_caps", "handwritten_encode_info", "encode_info (1 cap, constant flag and field) / by hand", 1.0),
    ("encode_info_const_caps", "user_mem_write_48", "encode_info / its 2 uaccess writes", None),
    ("checked_walk_1", "unchecked_walk_1", "checked cap walk / unchecked (1 cap)", None),
    ("checked_walk_5", "unchecked_walk_5", "checked cap walk / unchecked (5 caps)", None),
    ("checked_walk_33", "unchecked_walk_33", "checked cap walk / unchecked (33 caps)", None),
    ("user_mem_read", "plain_copy", "uaccess copy / plain copy", None),
]
W = 56
print()
print(f"{'ratio (instructions)':<{W}} {'instr':>7} {'base':>7} {'ratio':>7}  target")
for num, den, label, target in rows:
    a, b = per[num], per[den]
    r = a / b if b else float("inf")
    verdict = f"<={target}x {'yes' if r <= target else 'no'}" if target else ""
    print(f"{label:<{W}} {a:7.1f} {b:7.1f} {r:6.2f}x  {verdict}")

# The walk's cost per skipped link, from the 1- and 33-capability chains (32 links apart).
link = lambda c: (per[f"{c}_33"] - per[f"{c}_1"]) / 32
print()
print(f"{'cap walk, per skipped link':<{W}} {link('checked_walk'):7.1f} {link('unchecked_walk'):7.1f} "
      f"{link('checked_walk') / link('unchecked_walk'):6.2f}x")
PY
