#!/usr/bin/env bash
# kvmtool (https://github.com/kvmtool/kvmtool) as a user of uabi's generated headers: it is not
# on a package registry, so this is not part of the test command. Give a git clone of kvmtool
# as $1 (and a commit as $2, default its HEAD). Nothing of kvmtool or of Linux's headers is
# copied into this repository; everything is built under $UABI_KVMTOOL_WORK (default
# target/kvmtool).
#
#   ./scripts/kvmtool-interop.sh /path/to/kvmtool [COMMIT]
#
# For each architecture (x86_64 natively; arm64 and riscv64 with Debian's cross compilers,
# skipped, saying why, when one is missing), kvmtool is built twice from the same commit:
#  - "linux": its vendored <linux/kvm.h>, <asm/kvm.h> and <linux/vfio.h> replaced by Linux
#    7.2's (Debian sid's linux-libc-dev, scripts/sid-headers.sh). Linux's <linux/vfio.h> uses
#    `__aligned_u64` and `__counted_by`, which kvmtool's own <linux/types.h> and
#    <linux/stddef.h> (they shadow Linux's) do not define, so this build is given Linux's
#    definitions of those two macros with `-include`;
#  - "uabi": the same three headers replaced by uabi's (headers/), and nothing else: no extra
#    flag (uabi's <linux/vfio.h> defines `__aligned_u64` where it is missing).
# Every object file of the two builds must hold the same machine code and data: each is
# compared with its debug information stripped (`objcopy --strip-debug --discard-locals`:
# section contents, global symbols and relocations stay; debug information and the labels riscv
# keeps for it name header lines), as
# `objdump -d -s -r` prints it; and the linked lkvm's disassembly. kvmtool's own sources are
# not changed (the script prints `git status` of each tree).
#
# Needs: gcc, make, git; for arm64 and riscv64 gcc-aarch64-linux-gnu / gcc-riscv64-linux-gnu
# and libfdt for that architecture, which is fetched from Debian sid with the private apt
# configuration of scripts/sid-apt.sh (kvmtool's arm64 and riscv64 builds need libfdt).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$(cd "${1:?usage: $0 KVMTOOL_CLONE [COMMIT]}" && pwd)
COMMIT=${2:-HEAD}
ROOT=$PWD
WORK=${UABI_KVMTOOL_WORK:-$ROOT/target/kvmtool}
ARCHES=${UABI_KVMTOOL_ARCHES:-x86_64 arm64 riscv64}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

step() { printf '\n=== %s ===\n' "$*"; }

SID=$(scripts/sid-headers.sh "$ROOT/target/sid-headers" | tail -1)
[ -f "$SID/linux/kvm.h" ] || { echo "no Linux headers from sid: $SID" >&2; exit 1; }
echo "Linux's headers: $SID"
echo "uabi's headers: $ROOT/headers (uabi $(git log --oneline -1))"

# Linux's definitions of the two macros its <linux/vfio.h> needs and kvmtool's headers lack.
cat >"$WORK/linux-types-extra.h" <<'EOF'
#define __aligned_u64 __u64 __attribute__((aligned(8)))
#define __counted_by(m)
EOF

# libfdt for a foreign architecture: Debian sid's libfdt-dev, unpacked into a LIBFDT_DIR
# (headers and libfdt.a in one directory, as kvmtool's Makefile wants it).
libfdt() { # debian-arch
    local arch=$1 dir="$WORK/libfdt-$1"
    (
        NAME=kvmtool-libfdt
        DEST=$dir
        mkdir -p "$DEST"
        # shellcheck source=sid-apt.sh
        source scripts/sid-apt.sh
        sid_opts+=(-o "APT::Architectures::=$arch")
        sid_update || [ -f "$DEST/pkg/.complete" ] || unavailable "apt-get update of sid failed"
        version=$(sid_cache show "libfdt-dev:$arch" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
        [ -n "$version" ] || [ -f "$DEST/pkg/.complete" ] || unavailable "sid has no libfdt-dev:$arch"
        [ -f "$DEST/pkg/.complete" ] || sid_fetch_into "$DEST/pkg" "$version" "libfdt-dev:$arch=$version"
        mkdir -p "$DEST/dir"
        cp "$DEST"/pkg/usr/include/*.h "$DEST"/pkg/usr/lib/*/libfdt.a "$DEST/dir/"
    ) >&2 || return 1
    echo "$dir/dir"
}

# build ARCH KIND: a fresh tree of kvmtool at COMMIT with KIND's headers, built into lkvm.
build() {
    local arch=$1 kind=$2 dir="$WORK/$1-$2"
    local asm triple cc make_args=() cppflags=""
    case $arch in
        x86_64) asm=x86/include/asm; triple=x86_64-linux-gnu; cc=gcc ;;
        arm64) asm=arm/aarch64/include/asm; triple=aarch64-linux-gnu; cc=aarch64-linux-gnu-gcc
               make_args=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- "LIBFDT_DIR=$FDT") ;;
        riscv64) asm=riscv/include/asm; triple=riscv64-linux-gnu; cc=riscv64-linux-gnu-gcc
                 make_args=(ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- "LIBFDT_DIR=$FDT") ;;
    esac
    rm -rf "$dir"
    git clone -q "$SRC" "$dir"
    git -C "$dir" checkout -q "$COMMIT"
    if [ "$kind" = linux ]; then
        cp "$SID/linux/kvm.h" "$dir/include/linux/kvm.h"
        cp "$SID/$triple/asm/kvm.h" "$dir/$asm/kvm.h"
        cp "$SID/linux/vfio.h" "$dir/include/linux/vfio.h"
        cppflags="-include $WORK/linux-types-extra.h"
    else
        cp headers/linux/kvm.h "$dir/include/linux/kvm.h"
        cp headers/asm/kvm.h "$dir/$asm/kvm.h"
        cp headers/linux/vfio.h "$dir/include/linux/vfio.h"
    fi
    echo "$arch/$kind: kvmtool $(git -C "$dir" log --oneline -1 | cut -c1-60); changed: $(git -C "$dir" status --short | tr '\n' ' ')"
    if ! (cd "$dir" && make -j"${UABI_JOBS:-2}" "${make_args[@]}" CPPFLAGS="$cppflags" lkvm >build.log 2>&1); then
        grep -E 'error|warning' "$dir/build.log" | head -20
        echo "error: kvmtool does not build for $arch with $kind's headers ($dir/build.log)" >&2
        return 1
    fi
    echo "$arch/$kind: built $(cd "$dir" && find . -name '*.o' | wc -l) objects and lkvm with $cc, -Werror"
}

# compare ARCH: every object file and the linked program of the two builds.
compare() {
    local arch=$1 prefix=""
    case $arch in
        arm64) prefix=aarch64-linux-gnu- ;;
        riscv64) prefix=riscv64-linux-gnu- ;;
    esac
    local a="$WORK/$arch-linux" b="$WORK/$arch-uabi" n=0 differ=0 tmp
    tmp=$(mktemp -d)
    while read -r o; do
        n=$((n + 1))
        "${prefix}objcopy" --strip-debug --discard-locals "$a/$o" "$tmp/a.o"
        "${prefix}objcopy" --strip-debug --discard-locals "$b/$o" "$tmp/b.o"
        if ! cmp -s <("${prefix}objdump" -d -s -r "$tmp/a.o" | sed 1,3d) <("${prefix}objdump" -d -s -r "$tmp/b.o" | sed 1,3d); then
            differ=$((differ + 1))
            echo "DIFFERS: $o"
        fi
    done < <(cd "$a" && find . -name '*.o' | sort)
    rm -rf "$tmp"
    local da db
    da=$("${prefix}objdump" -d "$a/lkvm" | sed 1,2d | md5sum | cut -d' ' -f1)
    db=$("${prefix}objdump" -d "$b/lkvm" | sed 1,2d | md5sum | cut -d' ' -f1)
    echo "$arch: $n object files compared, $differ differ; lkvm's disassembly: $([ "$da" = "$db" ] && echo identical || echo DIFFERENT) ($(${prefix}objdump -d "$a/lkvm" | grep -c '^ ') instructions)"
    [ "$differ" = 0 ] && [ "$da" = "$db" ]
}

failed=0
for arch in $ARCHES; do
    step "kvmtool for $arch: Linux 7.2's headers, then uabi's"
    FDT=""
    case $arch in
        arm64) cc=aarch64-linux-gnu-gcc; deb=arm64 ;;
        riscv64) cc=riscv64-linux-gnu-gcc; deb=riscv64 ;;
        *) cc=gcc; deb="" ;;
    esac
    if ! command -v "$cc" >/dev/null; then
        echo "SKIP $arch: $cc is not installed (apt-get install gcc-${cc%-gcc})"
        continue
    fi
    if [ -n "$deb" ] && ! FDT=$(libfdt "$deb"); then
        echo "SKIP $arch: libfdt for $deb cannot be had from Debian sid"
        continue
    fi
    if build "$arch" linux && build "$arch" uabi && compare "$arch"; then
        echo "$arch: the machine code is identical"
    else
        failed=1
    fi
done
[ "$failed" = 0 ] || { echo "error: kvmtool differs" >&2; exit 1; }
step "kvmtool interop passed"
