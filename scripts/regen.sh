#!/usr/bin/env bash
# The main job: regenerate headers/ from the ABI definitions in linux/src with the `uabi`
# command, then print a summary: the headers that changed, and one line of totals of the ABI
# report. The whole report (pahole-style layout of every struct, some 700 lines) only on request:
#
#   ./scripts/regen.sh           # headers/ and the summary
#   ./scripts/regen.sh --full    # the same, then the whole report (or UABI_REPORT=full)
#
# Needs only Rust. UABI names a `uabi` binary to run instead of building this checkout's.
set -euo pipefail
cd "$(dirname "$0")/.."

full=${UABI_REPORT:-}
case "${1-}" in
    --full) full=full ;;
    "") ;;
    *) echo "usage: $0 [--full]" >&2; exit 2 ;;
esac
if [ -n "${UABI:-}" ]; then
    uabi() { "$UABI" "$@"; }
else
    uabi() { cargo run -q -p uabi-cli -- "$@"; }
fi

# One line per file from `uabi header`: `PATH: written` or `PATH: up to date`.
files=$(uabi header linux/src -o headers)
written=$(grep -c ': written$' <<<"$files" || true)
fresh=$(grep -c ': up to date$' <<<"$files" || true)
grep ': written$' <<<"$files" || true
echo "headers/: $written written, $fresh up to date"
uabi report linux/src --format summary
if [ "$full" = full ]; then
    echo
    uabi report linux/src
else
    echo "(the layout of every struct: ./scripts/regen.sh --full)"
fi
