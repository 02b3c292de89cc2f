#!/usr/bin/env bash
# The main job: regenerate headers/ from the ABI definitions in linux/src with the `uabi`
# command, then print the ABI report (pahole-style layout of every struct, and a summary line).
# Needs only Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p uabi-cli -- header linux/src -o headers
echo
cargo run -q -p uabi-cli -- report linux/src
