#!/usr/bin/env bash
# Interop with libvfio-user, from its public source (not on a package registry, so not part of
# the test command): give a git clone of https://github.com/nutanix/libvfio-user as $1.
# Nothing of libvfio-user is copied into this repository; everything is built under a
# temporary directory ($UABI_LVU_WORK, default /tmp/uabi-libvfio-user).
#
#   ./scripts/libvfio-user-interop.sh /path/to/libvfio-user [COMMIT]
#
# Three runs, each must pass:
#  1. drop-in: libvfio-user at COMMIT (default: its HEAD) builds with -Werror (its debug
#     build), library, samples and unit tests, with its include/vfio-user.h replaced by uabi's
#     (vfio-user/include/) and uabi's headers/linux/vfio.h as <linux/vfio.h>; its unit tests
#     pass.
#  2. its samples/client (built from its own, unmodified header) drives our server to its end,
#     migration included (it starts `server` beside itself as the destination: ours).
#  3. our client drives its samples/server through a whole device life. libvfio-user's
#     sample server refuses its own 12 KiB BAR1 since 850ded8 ("Support 64b bar region size",
#     BAR sizes must be powers of two), so this run uses SERVER_COMMIT, default 7e7a0a6, the
#     commit before it.
# Needs: meson, ninja, pkg-config, libjson-c-dev, libcmocka-dev (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:?usage: $0 LIBVFIO_USER_CLONE [COMMIT]}
COMMIT=${2:-HEAD}
SERVER_COMMIT=${SERVER_COMMIT:-7e7a0a6}
WORK=${UABI_LVU_WORK:-/tmp/uabi-libvfio-user}
ROOT=$PWD

scripts/apt-ensure.sh meson ninja-build pkg-config libjson-c-dev libcmocka-dev
cargo build -p uabi-vfio-user --bins
BIN=$ROOT/target/debug

step() { printf '\n=== %s ===\n' "$*"; }
build() { # dir commit [meson args...]
    local dir=$1 commit=$2; shift 2
    rm -rf "$dir"
    git clone -q "$SRC" "$dir"
    git -C "$dir" checkout -q "$commit"
    echo "libvfio-user $(git -C "$dir" log --oneline -1)"
}

mkdir -p "$WORK"
step "1. drop-in: libvfio-user $COMMIT against uabi's vfio-user.h and linux/vfio.h"
build "$WORK/dropin" "$COMMIT"
cp vfio-user/include/vfio-user.h vfio-user/include/vfio-user-typedefs.h "$WORK/dropin/include/"
(cd "$WORK/dropin" && meson setup build -Dtran-pipe=false -Dc_args="-I$ROOT/headers" >/dev/null &&
    ninja -C build >build.log 2>&1 || { tail -40 build.log; exit 1; })
echo "compiled $(grep -c 'Compiling C object' "$WORK/dropin/build.log") C files with -Werror"
(cd "$WORK/dropin/build" && meson test --no-rebuild --suite unit 2>&1 | grep -E '^ *[0-9]+/[0-9]+ |^(Ok|Fail):')

step "2. libvfio-user's samples/client ($COMMIT, its own header) drives our server"
build "$WORK/theirs" "$COMMIT"
(cd "$WORK/theirs" && meson setup build -Dtran-pipe=false >/dev/null && ninja -C build samples/client >/dev/null)
run=$WORK/client-vs-ours
rm -rf "$run" && mkdir -p "$run"
cp "$WORK/theirs/build/samples/client" "$run/client"
ln -s "$BIN/uabi-vfio-user-server" "$run/server"   # the migration destination it starts
"$run/server" "$run/sock" & srv=$!
while [ ! -S "$run/sock" ]; do sleep 0.1; done
if (cd "$run" && timeout 120 ./client "$run/sock" >"$run/log" 2>&1); then
    echo "samples/client exited 0 ($(grep -c . "$run/log") lines of output, in $run/log)"
else
    tail -30 "$run/log"; echo "error: samples/client failed against our server" >&2; exit 1
fi
wait $srv || true

step "3. our client drives libvfio-user's samples/server ($SERVER_COMMIT)"
build "$WORK/server" "$SERVER_COMMIT"
(cd "$WORK/server" && meson setup build -Dtran-pipe=false >/dev/null && ninja -C build samples/server >/dev/null)
rm -f "$WORK/server.sock"
"$WORK/server/build/samples/server" -v "$WORK/server.sock" 2>"$WORK/server.log" & srv=$!
while [ ! -S "$WORK/server.sock" ]; do sleep 0.1; done
# Its server has no MSI-X vectors to loop back and no dirty bitmap on unmap without logging.
"$BIN/uabi-vfio-user-client" "$WORK/server.sock" --no-loopback --no-unmap-bitmap
wait $srv || true

step "libvfio-user interop passed"
