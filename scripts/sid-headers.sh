#!/usr/bin/env bash
# Fetches Debian sid's linux-libc-dev (the newest release's installed UAPI, with every
# architecture's asm/ under usr/include/<triple>/asm) and unpacks it below DEST (default
# target/sid-headers). Prints the unpacked include root (DEST/linux-libc-dev_<version>/usr/include)
# on the last line of stdout.
#
# apt runs with a private configuration (scripts/sid-apt.sh). A version already unpacked is not
# fetched again; the lists are refreshed each run so that a newer sid package is noticed.
# Nothing here is committed: target/ is ignored.
#
# Exit status: 0 with the root printed; 3 when the package cannot be had (the archive cannot be
# reached and nothing was unpacked before), with the reason on stderr, so a test can skip.
set -euo pipefail
NAME=sid-headers
DEST=${1:-target/sid-headers}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
source "$(dirname "$0")/sid-apt.sh"

if ! sid_update; then
    last=$(ls -d "$DEST"/linux-libc-dev_*/ 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$last" ] && [ -f "$last/.complete" ] ||
        unavailable "apt-get update of sid failed: $(tail -1 "$APT/update.log")"
    echo "$NAME: sid unreachable, using the package unpacked before" >&2
    echo "${last%/}/usr/include"
    exit 0
fi

version=$(sid_cache show linux-libc-dev 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
[ -n "$version" ] || unavailable "sid's package lists have no linux-libc-dev"
out="$DEST/linux-libc-dev_$version"
sid_fetch_into "$out" "$version" "linux-libc-dev=$version"
echo "$out/usr/include"
