# Sourced by the scripts that fetch packages from Debian sid (sid-headers.sh, vm-kernel.sh).
# Defines, for a script that has set NAME (its name in messages) and DEST (an absolute
# directory it owns):
#   APT           a private apt configuration under DEST/apt (sources list, lists, cache,
#                 an empty status file), so the machine's own apt sources and package state are
#                 not touched and nothing needs root;
#   sid_cache     apt-cache with that configuration;
#   unavailable   prints "NAME: reason" on stderr and exits 3, the status callers skip on;
#   sid_update    refreshes sid's lists; false when the archive cannot be reached;
#   sid_fetch_into OUT VERSION PACKAGE...  downloads the packages and unpacks them into OUT,
#                 marked complete with VERSION (a complete OUT is left as it is).
APT="$DEST/apt"
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d" "$APT/etc/sources.list.d"
echo "deb http://deb.debian.org/debian sid main" >"$APT/etc/sources.list"
: >"$APT/status"
sid_opts=(-o "Dir::Etc::SourceList=$APT/etc/sources.list" -o "Dir::Etc::SourceParts=$APT/etc/sources.list.d"
          -o "Dir::Etc::PreferencesParts=$APT/etc/preferences.d" -o "Dir::State::Lists=$APT/lists"
          -o "Dir::Cache=$APT/cache" -o "Dir::State::status=$APT/status" -o "APT::Architecture=amd64"
          -o "Debug::NoLocking=1" -o "Acquire::Retries=2")

sid_cache() { apt-cache "${sid_opts[@]}" "$@"; }
unavailable() { echo "$NAME: $*" >&2; exit 3; }
sid_update() { timeout 300 apt-get "${sid_opts[@]}" update -qq >"$APT/update.log" 2>&1; }

sid_fetch_into() {
    local out=$1 version=$2
    shift 2
    [ -f "$out/.complete" ] && return 0
    rm -rf "$out" "$APT/debs"
    mkdir -p "$APT/debs"
    echo "$NAME: downloading $* ($version)" >&2
    (cd "$APT/debs" && timeout 300 apt-get "${sid_opts[@]}" download -qq "$@" >/dev/null 2>"$APT/download.log") ||
        unavailable "download failed: $(tail -1 "$APT/download.log")"
    local deb
    for deb in "$APT"/debs/*.deb; do
        dpkg-deb -x "$deb" "$out"
    done
    rm -rf "$APT/debs"
    echo "$version" >"$out/.complete"
}
