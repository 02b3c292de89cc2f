#!/usr/bin/env bash
# What uabi costs at build time, measured in one run (issue 14); prints markdown tables.
#
#   bench/build-cost.sh                       every section, N=3 rounds
#   N=5 SIZES="10 100" bench/build-cost.sh    more rounds, fewer sizes
#   SECTIONS="scale user" bench/build-cost.sh some sections only (vfio scale header user)
#
# Sections:
#   vfio    clean build and rebuild after touching the definitions of linux/src/vfio.rs as a
#           crate depending on `uabi`, against bindgen's output for headers/linux/vfio.h (made
#           here, by bench/build-cost/bindgen_helper.rs), as emitted and with zerocopy derives;
#   scale   n = 10, 100, 1000 VFIO-like structs: uabi against plain zerocopy twins with
#           bindgen-style layout asserts (target: at most 1.05x, clean and rebuild);
#   header  `uabi header` on VFIO;
#   user    a crate depending on `uabi` only against one depending on `zerocopy` only
#           (target: at most 1.2x clean).
# Candidates are crates made under target/bench-build/src, each with its own CARGO_TARGET_DIR
# under target/bench-build, built `--offline` against a copy of Cargo.lock. Compared candidates
# alternate, N rounds; min and median are printed. Installs clang and libclang-dev (for bindgen,
# in the vfio section) when they are missing. Timings on a shared machine are noisy: read medians, and rerun
# with a larger N before trusting a difference of a few percent.
set -euo pipefail
cd "$(dirname "$0")/.."

# bindgen (the vfio section) loads libclang at run time; installed when missing (idempotent).
scripts/apt-ensure.sh clang libclang-dev
exec python3 bench/build-cost/build_cost.py "$@"
