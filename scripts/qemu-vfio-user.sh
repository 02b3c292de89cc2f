#!/usr/bin/env bash
# QEMU's vfio-user-pci (a vfio-user client) against our server: QEMU 11.1 from Debian sid in
# a chroot (Debian 12's QEMU has no vfio-user-pci). A manual run, not part of the test
# command: it downloads a sid base system and QEMU (a few minutes the first time; the chroot
# is kept in $SID, default /tmp/uabi-sid) and needs root.
#
#   sudo ./scripts/qemu-vfio-user.sh
#
# QEMU realizes the device over the socket (version, device, region and IRQ info, guest RAM
# mapped with its memfd), its firmware enumerates it and assigns its BARs; `info pci` in the
# QEMU monitor must then show the sample device (dead:beef, subsystem cafe:babe) with BAR0
# and BAR1. QEMU requires power-of-two BARs, so BAR1 is 16 KiB here (--bar1-size 0x4000),
# not the sample's 12 KiB. There is no guest OS: what a driver would do is not exercised.
set -euo pipefail
cd "$(dirname "$0")/.."
SID=${SID:-/tmp/uabi-sid}
scripts/apt-ensure.sh debootstrap python3
if [ ! -x "$SID/usr/bin/qemu-system-x86_64" ]; then
    [ -d "$SID/usr" ] || debootstrap --variant=minbase sid "$SID" http://deb.debian.org/debian
    chroot "$SID" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$SID" apt-get install -y -qq --no-install-recommends qemu-system-x86
fi
chroot "$SID" qemu-system-x86_64 --version | head -1
cargo build -p uabi-vfio-user --bin uabi-vfio-user-server
mountpoint -q "$SID/dev" || mount --bind /dev "$SID/dev"
rm -f "$SID/tmp/vu.sock" "$SID/tmp/mon.sock"
target/debug/uabi-vfio-user-server -v --bar1-size 0x4000 "$SID/tmp/vu.sock" 2>"$SID/tmp/server.log" & srv=$!
while [ ! -S "$SID/tmp/vu.sock" ]; do sleep 0.1; done
chroot "$SID" qemu-system-x86_64 -machine q35,accel=tcg -m 128M \
    -object memory-backend-memfd,id=mem,size=128M,share=on -machine memory-backend=mem \
    -nographic -nodefaults -serial none -display none \
    -monitor unix:/tmp/mon.sock,server=on,wait=off \
    -device '{"driver":"vfio-user-pci","socket":{"path":"/tmp/vu.sock","type":"unix"}}' &
qemu=$!
sleep 10
out=$(python3 - "$SID/tmp/mon.sock" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); time.sleep(0.5); s.recv(65536)
s.send(b"info pci\n"); time.sleep(1.5); print(s.recv(65536).decode(errors="replace"))
s.send(b"quit\n"); time.sleep(1)
PY
)
echo "$out" | grep -A5 "dead:beef" || { echo "$out"; echo "error: QEMU does not show the device" >&2; kill $qemu $srv 2>/dev/null; exit 1; }
wait $qemu || true
wait $srv
echo "QEMU vfio-user-pci: the device was realized and enumerated; our server exited cleanly after QEMU quit"
echo "server log: $SID/tmp/server.log ($(grep -c 'DMA map' "$SID/tmp/server.log") DMA maps)"
