#!/usr/bin/env bash
# Runs every test of the workspace on a fresh machine: installs what the tests need (idempotent),
# then clippy, rustdoc and each uabi-linux feature alone with warnings denied, the Rust tests
# (unit, golden, ui, C header, cross-compiler, bindgen, real-kernel, and `uabi lint` and
# `uabi import` over sid's UAPI with libclang, confirmed by the cross compilers and by the
# round trip), the cross-architecture `cargo check` of
# the abi crate, and the staleness check of headers/.
set -euo pipefail
cd "$(dirname "$0")/.."

# The oldest Rust every published crate builds with: the `rust-version` of the workspace.
MSRV=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
# Every crate a user would get from crates.io.
PUBLISHED=(uabi-arch uabi-model uabi-derive uabi uabi-linux uabi-build uabi-cli)
TARGETS=(i686-unknown-linux-gnu armv7-unknown-linux-gnueabihf aarch64-unknown-linux-gnu
         powerpc-unknown-linux-gnu powerpc64le-unknown-linux-gnu riscv64gc-unknown-linux-gnu
         s390x-unknown-linux-gnu)
# A target without std or alloc: the abi crate must build there as a kernel would use it.
NO_STD_TARGET=x86_64-unknown-none
# Debian's cross compilers bring each architecture's own <asm/ioctl.h> and alignment rules.
# libclang-dev: bindgen, `uabi lint` and `uabi import` (libclang opened at run time by clang-sys).
APT_PACKAGES=(gcc g++ clang libclang-dev gcc-i686-linux-gnu gcc-arm-linux-gnueabihf
              gcc-aarch64-linux-gnu gcc-powerpc-linux-gnu gcc-powerpc64le-linux-gnu
              gcc-mips-linux-gnu gcc-s390x-linux-gnu gcc-riscv64-linux-gnu gcc-sparc64-linux-gnu
              gcc-alpha-linux-gnu gcc-hppa-linux-gnu gcc-m68k-linux-gnu linux-libc-dev
              abigail-tools
              # tests/vfio_vm.rs: QEMU boots sid's kernel; xz unpacks its modules, dpkg-deb
              # its packages.
              qemu-system-x86 xz-utils dpkg)

step() { printf '\n=== %s ===\n' "$*"; }

step "installing test dependencies (skipped when present)"
scripts/apt-ensure.sh "${APT_PACKAGES[@]}"
installed_targets=$(rustup target list --installed)
for t in "${TARGETS[@]}" "$NO_STD_TARGET"; do
    grep -qx "$t" <<<"$installed_targets" || rustup target add "$t"
done

rustup toolchain list | grep -q "^$MSRV-" || rustup toolchain install "$MSRV" --profile minimal

step "clippy: every crate and target of the workspace, every feature, warnings denied"
# Clippy runs rustc's lints as well as its own, and `-D warnings` denies both, so this is also
# the build that denies rustc's warnings: a separate `RUSTFLAGS=-D warnings` build would
# compile the whole workspace once more (RUSTFLAGS is part of every fingerprint) and find
# nothing this does not.
cargo clippy --workspace --all-targets --all-features -- -D warnings 2>&1

step "rustdoc of every published crate, warnings denied (broken or ambiguous links, bad HTML)"
# With every feature, as docs.rs renders them (`package.metadata.docs.rs`).
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features "${PUBLISHED[@]/#/-p=}" 2>&1

step "each ABI of uabi-linux builds alone, with its tests (no default features), warnings denied"
# Every feature of linux/Cargo.toml but `default`: a user names only the ABIs it uses.
# Clippy rather than `cargo check`, for the same reason as above: it denies rustc's warnings.
for f in $(sed -n '/^\[features\]/,/^\[/s/^\([a-z0-9_]*\) = \[\]$/\1/p' linux/Cargo.toml | grep -vx default); do
    echo "--- $f"
    cargo clippy -p uabi-linux --no-default-features --features "$f" --all-targets -- -D warnings 2>&1
done

step "cargo test --workspace (includes tests/vfio_vm.rs: fetches sid's kernel, boots it under QEMU)"
cargo test --workspace --all-features 2>&1

step "uabi lint over Linux's newest UAPI (gen/cmd/tests/lint_sid.rs): the measures"
# The test fetches sid's linux-libc-dev into target/sid-headers, lints the whole tree and has
# every number confirmed by each target's gcc; it writes its measures here (or skips, saying
# why, when sid cannot be reached).
cat target/lint-sid/MEASURES.txt 2>/dev/null || echo "(no measures: the test skipped; its reason is in the test output)"

step "uabi import over Linux's newest UAPI (gen/cmd/tests/import_sid.rs): the measures"
# The same tree imported header by header, each round trip read back on 64-bit, a sample of the
# modules compiled by rustc.
cat target/import-sid/MEASURES.txt 2>/dev/null || echo "(no measures: the test skipped; its reason is in the test output)"

step "cross-architecture check of the runtime and the Linux ABIs (layout assertions on each target)"
for t in "${TARGETS[@]}"; do
    echo "--- $t"
    cargo check -p uabi -p uabi-linux --lib --tests --all-features --target "$t" 2>&1
done

step "the runtime and the Linux ABIs without std and without alloc ($NO_STD_TARGET)"
cargo check -p uabi -p uabi-linux --lib --no-default-features --target "$NO_STD_TARGET" 2>&1
cargo check -p uabi-linux --lib --all-features --target "$NO_STD_TARGET" 2>&1

step "the published crates build with the declared minimum Rust ($MSRV)"
# Its own target directory: artifacts of two compilers do not mix.
cargo "+$MSRV" check "${PUBLISHED[@]/#/-p=}" --all-features --target-dir target/msrv 2>&1

step "every published crate packages and builds from its package alone"
# Verification builds each package against the others through a temporary local registry, and
# Cargo takes a registry crate of the same version as unchanged: an earlier unpack under
# $CARGO_HOME/registry/src/-<hash>/ or an earlier build in the target directory would be
# reused. Drop the unpacks, and package in a target directory of its own, made anew, so that
# what is verified is what was just packaged.
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/; do
    rm -rf "$d"uabi-[0-9]* "$d"uabi-*-[0-9]*
done
rm -rf target/package-verify
cargo package "${PUBLISHED[@]/#/-p=}" --allow-dirty --target-dir target/package-verify 2>&1

step "fuzzing: every target for a bounded time (installs nightly and cargo-fuzz when missing)"
./scripts/fuzz.sh

step "Miri over the runtime's tests (installs the miri component when missing)"
./scripts/miri.sh

step "headers/ and vfio-user/include/ match the definitions"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    if ! git diff --exit-code --stat -- headers/ vfio-user/include/; then
        echo "error: generated headers are stale: run './scripts/regen.sh' (and cargo build -p uabi-vfio-user) and commit the result" >&2
        exit 1
    fi
    untracked=$(git ls-files --others --exclude-standard -- headers/ vfio-user/include/)
    if [ -n "$untracked" ]; then
        echo "error: generated headers are not committed: $untracked" >&2
        exit 1
    fi
fi

step "all tests passed"
