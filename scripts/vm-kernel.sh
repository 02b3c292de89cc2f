#!/usr/bin/env bash
# Fetches Debian sid's newest cloud-amd64 kernel (vmlinuz and modules) for the VFIO VM test and
# unpacks it under DEST (default target/vm/kernel). Prints the unpacked directory on the last
# line of stdout. Uses a private apt configuration (lists and cache under DEST/apt), so the
# system's apt sources are left alone. Idempotent: a version already unpacked is not fetched
# again, but the package lists are refreshed so that a newer sid kernel is picked up.
#
# Exit status: 0 with the directory printed; 3 when the packages cannot be had (no network to
# the archive, no such package), with the reason on stderr, so the caller can skip.
set -euo pipefail
DEST=${1:-target/vm/kernel}
FLAVOUR=cloud-amd64
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
APT="$DEST/apt"
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d"
echo "deb http://deb.debian.org/debian sid main" >"$APT/etc/sources.list"
opts=(-o "Dir::Etc::SourceList=$APT/etc/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
      -o "Dir::Etc::PreferencesParts=$APT/etc/preferences.d" -o "Dir::State::Lists=$APT/lists"
      -o "Dir::Cache=$APT/cache" -o "Dir::State::status=/dev/null" -o "APT::Architecture=amd64"
      -o "Debug::NoLocking=1")

unavailable() { echo "vm-kernel: $*" >&2; exit 3; }

if ! apt-get "${opts[@]}" update -qq >"$APT/update.log" 2>&1; then
    # Offline: fall back to a kernel unpacked before, if there is one.
    last=$(ls -d "$DEST"/linux-*/ 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$last" ] || unavailable "apt-get update of sid failed: $(tail -1 "$APT/update.log")"
    echo "vm-kernel: sid unreachable, using the kernel unpacked before" >&2
    echo "${last%/}"
    exit 0
fi

# The meta-package names the newest ABI: linux-image-cloud-amd64 -> linux-image-<abi>-cloud-amd64.
image=$(apt-cache "${opts[@]}" depends "linux-image-$FLAVOUR" 2>/dev/null |
        sed -n "s/^ *Depends: \(linux-image-[0-9].*-$FLAVOUR\)\$/\1/p" | head -1)
[ -n "$image" ] || unavailable "sid has no linux-image-$FLAVOUR (apt-cache depends found no image)"
abi=${image#linux-image-}
version=$(apt-cache "${opts[@]}" show "linux-binary-$abi" 2>/dev/null | sed -n 's/^Version: //p' | head -1)
[ -n "$version" ] || unavailable "sid has no linux-binary-$abi"
out="$DEST/linux-$abi"
if [ ! -f "$out/.complete" ]; then
    rm -rf "$out" "$APT/debs"
    mkdir -p "$APT/debs"
    echo "vm-kernel: downloading linux-binary-$abi and linux-modules-$abi ($version)" >&2
    (cd "$APT/debs" && apt-get "${opts[@]}" download -qq "linux-binary-$abi" "linux-modules-$abi" >/dev/null 2>"$APT/download.log") ||
        unavailable "download failed: $(tail -1 "$APT/download.log")"
    for deb in "$APT"/debs/*.deb; do
        dpkg-deb -x "$deb" "$out"
    done
    rm -rf "$APT/debs"
    echo "$version" >"$out/.complete"
fi
echo "$out"
