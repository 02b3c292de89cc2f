#!/usr/bin/env bash
# Runs the runtime's unit and integration tests under Miri, which checks the `unsafe` code
# they reach (the zerocopy impls the macro emits for unions, `SimMemory`, `FlexBuf`, `InfoBuf`,
# the fd helpers' pointer handling) for undefined behaviour. Tests that need the kernel
# (syscalls, /dev/kvm, /dev/null) are marked `#[cfg_attr(miri, ignore = "why")]`; property
# tests run fewer cases under Miri (`cfg!(miri)`), so the whole takes a few minutes.
#
# Installs the nightly toolchain and its miri component when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "installing Miri (skipped when present)"
rustup toolchain list | grep -q '^nightly-' || rustup toolchain install nightly --profile minimal
rustup component list --toolchain nightly --installed | grep -q '^miri' ||
    rustup component add --toolchain nightly miri rust-src
cargo +nightly miri setup >/dev/null 2>&1 || cargo +nightly miri setup

# Proptest: few cases (the tests' own configs also shrink under cfg(miri)), no failure files.
export PROPTEST_CASES=${PROPTEST_CASES:-4}
export PROPTEST_DISABLE_FAILURE_PERSISTENCE=1
export MIRIFLAGS="${MIRIFLAGS:-} -Zmiri-env-forward=PROPTEST_CASES -Zmiri-env-forward=PROPTEST_DISABLE_FAILURE_PERSISTENCE"
# Its own target directory: Miri's artifacts do not mix with the normal build's.
export CARGO_TARGET_DIR=target/miri

# Unit and integration tests; the doc tests are examples of the API, compiled by the normal
# test run, and reach no unsafe code those tests do not.
step "cargo miri test -p uabi --all-features --lib --tests"
cargo +nightly miri test -p uabi --all-features --lib --tests 2>&1

step "cargo miri test -p uabi-linux --all-features --lib --tests (the kernel differentials are ignored)"
cargo +nightly miri test -p uabi-linux --all-features --lib --tests 2>&1

step "Miri found no undefined behaviour"
