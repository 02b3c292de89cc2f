#!/usr/bin/env bash
# Fetches Debian sid's linux-libc-dev (the newest release's installed UAPI, with every
# architecture's asm/ under usr/include/<triple>/asm) and unpacks it below DEST (default
# target/sid-headers). Prints the unpacked include root (DEST/linux-libc-dev_<version>/usr/include)
# on the last line of stdout.
#
# apt runs with a private configuration (sources list, lists, cache and status under DEST/apt),
# so the machine's own apt sources and package state are not touched and nothing needs root.
# A version already unpacked is not fetched again; the lists are refreshed each run so that a
# newer sid package is noticed. Nothing here is committed: target/ is ignored.
#
# Exit status: 0 with the root printed; 3 when the package cannot be had (the archive cannot be
# reached and nothing was unpacked before), with the reason on stderr, so a test can skip.
set -euo pipefail
DEST=${1:-target/sid-headers}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
APT="$DEST/apt"
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d" "$APT/etc/sources.list.d"
echo "deb http://deb.debian.org/debian sid main" >"$APT/etc/sources.list"
: >"$APT/status"
opts=(-o "Dir::Etc::SourceList=$APT/etc/sources.list" -o "Dir::Etc::SourceParts=$APT/etc/sources.list.d"
      -o "Dir::Etc::PreferencesParts=$APT/etc/preferences.d" -o "Dir::State::Lists=$APT/lists"
      -o "Dir::Cache=$APT/cache" -o "Dir::State::status=$APT/status" -o "APT::Architecture=amd64"
      -o "Debug::NoLocking=1" -o "Acquire::Retries=2")

unavailable() { echo "sid-headers: $*" >&2; exit 3; }
newest_unpacked() { ls -d "$DEST"/linux-libc-dev_*/ 2>/dev/null | sort -V | tail -1; }

if ! timeout 300 apt-get "${opts[@]}" update -qq >"$APT/update.log" 2>&1; then
    last=$(newest_unpacked || true)
    [ -n "$last" ] && [ -f "$last/.complete" ] ||
        unavailable "apt-get update of sid failed: $(tail -1 "$APT/update.log")"
    echo "sid-headers: sid unreachable, using the package unpacked before" >&2
    echo "${last%/}/usr/include"
    exit 0
fi

version=$(apt-cache "${opts[@]}" show linux-libc-dev 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
[ -n "$version" ] || unavailable "sid's package lists have no linux-libc-dev"
out="$DEST/linux-libc-dev_$version"
if [ ! -f "$out/.complete" ]; then
    rm -rf "$out" "$APT/debs"
    mkdir -p "$APT/debs"
    echo "sid-headers: downloading linux-libc-dev $version" >&2
    (cd "$APT/debs" && timeout 300 apt-get "${opts[@]}" download -qq "linux-libc-dev=$version" >/dev/null 2>"$APT/download.log") ||
        unavailable "download failed: $(tail -1 "$APT/download.log")"
    dpkg-deb -x "$APT"/debs/linux-libc-dev_*.deb "$out"
    rm -rf "$APT/debs"
    echo "$version" >"$out/.complete"
fi
echo "$out/usr/include"
