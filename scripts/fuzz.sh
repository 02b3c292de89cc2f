#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for a bounded time and fails on any crash, panic,
# timeout or out-of-memory. Installs what it needs first, only when missing: the nightly
# toolchain (libFuzzer's instrumentation needs it) and cargo-fuzz.
#
#   UABI_FUZZ_SECONDS=35     seconds per target (default 35: eleven targets and the build stay
#                            under 10 minutes on two cores)
#   UABI_FUZZ_RUNS=N         stop each target after N executions instead (the long run:
#                            UABI_FUZZ_RUNS=10000000 UABI_FUZZ_SECONDS=0)
#   UABI_FUZZ_SANITIZER=none none (default) or address; the targets are safe Rust, whose memory
#                            safety needs no ASan (Miri, scripts/miri.sh, checks the unsafe code),
#                            and without it they run 4 to 5 times faster
#   UABI_FUZZ_TARGETS="a b"  only these targets
#
# Working corpora grow in fuzz/target/corpus/<target> (kept between runs, not committed); the
# committed seeds in fuzz/corpus/<target>/ are read-only inputs. A crash leaves its input in
# fuzz/artifacts/<target>/: reproduce it with `cargo +nightly fuzz run <target> <file>` in fuzz/,
# and turn it into a regression test of the normal test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${UABI_FUZZ_SECONDS:-35}
RUNS=${UABI_FUZZ_RUNS:-0}
SANITIZER=${UABI_FUZZ_SANITIZER:-none}
# One line per target.
TARGETS=(
    decode_argsz
    decode_sized
    decode_sized_field
    decode_perf
    cap_chain_walk
    cap_chain_build
    flex
    model_source
    model_generated
    # the sample VFIO driver's ioctl dispatch (examples/vfio-driver)
    driver_dispatch
    # the vfio-user device server (vfio-user/) under hostile message sequences
    vfio_user_server
)
if [ -n "${UABI_FUZZ_TARGETS:-}" ]; then
    read -r -a TARGETS <<<"$UABI_FUZZ_TARGETS"
fi

step() { printf '\n=== %s ===\n' "$*"; }

step "installing the fuzzing toolchain (skipped when present)"
rustup toolchain list | grep -q '^nightly-' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

cd fuzz
step "building the fuzz targets (release, sanitizer: $SANITIZER)"
cargo +nightly fuzz build --sanitizer "$SANITIZER" 2>&1

summary=()
for t in "${TARGETS[@]}"; do
    step "fuzzing $t (seconds: $SECS, runs: $RUNS; 0 is no bound)"
    work="target/corpus/$t"
    mkdir -p "$work" "corpus/$t"
    log="target/fuzz-$t.log"
    args=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    [ "$SECS" != 0 ] && args+=("-max_total_time=$SECS")
    [ "$RUNS" != 0 ] && args+=("-runs=$RUNS")
    start=$(date +%s)
    # The first directory collects new inputs; the seeds are only read.
    if ! cargo +nightly fuzz run --sanitizer "$SANITIZER" "$t" "$work" "corpus/$t" -- "${args[@]}" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "error: fuzz target $t failed; the input is in fuzz/artifacts/$t/ (full log: fuzz/$log)" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n1)
    summary+=("$(printf '%-20s %12s runs  %-22s %5ss' "$t" "$runs" "$cov" "$(($(date +%s) - start))")")
    echo "${summary[-1]}"
done

step "no crash in ${#TARGETS[@]} targets"
printf '%s\n' "${summary[@]}"
