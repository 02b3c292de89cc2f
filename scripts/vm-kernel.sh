#!/usr/bin/env bash
# Fetches Debian sid's newest cloud-amd64 kernel (vmlinuz and modules) for the VFIO VM test and
# unpacks it under DEST (default target/vm/kernel). Prints the unpacked directory on the last
# line of stdout. apt runs with a private configuration (scripts/sid-apt.sh). Idempotent: a
# version already unpacked is not fetched again, but the package lists are refreshed so that a
# newer sid kernel is picked up.
#
# Exit status: 0 with the directory printed; 3 when the packages cannot be had (no network to
# the archive, no such package), with the reason on stderr, so the caller can skip.
set -euo pipefail
NAME=vm-kernel
DEST=${1:-target/vm/kernel}
FLAVOUR=cloud-amd64
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
source "$(dirname "$0")/sid-apt.sh"

if ! sid_update; then
    last=$(ls -d "$DEST"/linux-*/ 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$last" ] && [ -f "$last/.complete" ] ||
        unavailable "apt-get update of sid failed: $(tail -1 "$APT/update.log")"
    echo "$NAME: sid unreachable, using the kernel unpacked before" >&2
    echo "${last%/}"
    exit 0
fi

# The meta-package names the newest ABI: linux-image-cloud-amd64 -> linux-image-<abi>-cloud-amd64.
image=$(sid_cache depends "linux-image-$FLAVOUR" 2>/dev/null |
        sed -n "s/^ *Depends: \(linux-image-[0-9].*-$FLAVOUR\)\$/\1/p" | head -1)
[ -n "$image" ] || unavailable "sid has no linux-image-$FLAVOUR (apt-cache depends found no image)"
abi=${image#linux-image-}
version=$(sid_cache show "linux-binary-$abi" 2>/dev/null | sed -n 's/^Version: //p' | head -1)
[ -n "$version" ] || unavailable "sid has no linux-binary-$abi"
out="$DEST/linux-$abi"
sid_fetch_into "$out" "$version" "linux-binary-$abi" "linux-modules-$abi"
echo "$out"
