#!/usr/bin/env bash
# Runs the uabi runtime benchmarks and prints each checked operation's cost as a ratio to the
# plain copy it replaces (target: within 1.1x for decode/encode of a VFIO-sized struct).
#
#   bench/run.sh            run everything, then print the ratios
#   bench/run.sh --report   only print the ratios of the last run
# Extra arguments are passed to criterion (e.g. a filter: bench/run.sh region_info).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--report" ]]; then
    cargo bench -p uabi-bench --bench runtime -- "$@"
fi

# Criterion writes target/criterion/<group>/<function>/new/estimates.json.
target_dir="${CARGO_TARGET_DIR:-target}"
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

rows = [
    ("region_info_32B", "decode_argsz", "plain_copy", "decode (VFIO argsz) / plain copy_from_slice"),
    ("region_info_32B", "decode_argsz", "handwritten_prologue", "decode (VFIO argsz) / hand-written C-style prologue"),
    ("region_info_32B", "decode_argsz", "user_mem_read", "decode (VFIO argsz) / copy_from_user alone"),
    ("region_info_32B", "decode_sized_40", "plain_copy", "decode (copy_struct_from_user, 40 B) / plain copy"),
    ("region_info_32B", "user_mem_read", "plain_copy", "copy_from_user alone / plain copy"),
    ("region_info_32B_out", "encode_argsz", "plain_copy", "encode (argsz write-back) / plain copy"),
    ("cap_chain", "checked_walk_5", "unchecked_walk_5", "checked cap walk / unchecked (5 caps)"),
    ("cap_chain", "checked_walk_33", "unchecked_walk_33", "checked cap walk / unchecked (33 caps)"),
]
print(f"{'ratio':<52} {'ns':>8} {'base ns':>8} {'ratio':>7}")
missing = False
for group, num, den, label in rows:
    a, b = est(group, num), est(group, den)
    if a is None or b is None:
        print(f"{label:<52} {'(not run)':>25}")
        missing = True
        continue
    print(f"{label:<52} {a:8.2f} {b:8.2f} {a / b:6.2f}x")
if missing:
    print("some benchmarks have no results yet: run bench/run.sh without --report", file=sys.stderr)
PY
