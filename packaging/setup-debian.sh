#!/bin/sh
# Installs the Debian 12 packages that RadPath's build, tests and demo need.
# Idempotent: installs only what is missing. Runs as root, or through sudo.
# Needs: Debian 12 (bookworm) with its main archive reachable by apt.
# Not covered here: a CUDA LibTorch (download the official LibTorch 2.x
# yourself and configure with -DTorch_DIR=<libtorch>/share/cmake/Torch).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-packages.txt"

if [ ! -r /etc/debian_version ]; then
    echo "setup-debian: this script is for Debian 12; install the packages in $list by other means" >&2
    exit 1
fi

missing=""
for p in $(grep -v '^#' "$list" | grep -v '^$'); do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "setup-debian: all packages present"
    exit 0
fi

echo "setup-debian: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "setup-debian: need root or sudo to install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
