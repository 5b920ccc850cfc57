#!/usr/bin/env bash
# Installs what Pensiun needs beyond the Swift toolchain, only when it is missing:
#   - GSL (Debian's libgsl-dev) and pkg-config, through apt-get (with sudo when not root).
# Idempotent: a second run does nothing.
set -euo pipefail

need_apt=()
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if ! pkg-config --exists gsl 2>/dev/null; then need_apt+=(libgsl-dev); fi

if [ ${#need_apt[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "ensure-deps: need root or sudo to install ${need_apt[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "ensure-deps: installing ${need_apt[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
pkg-config --exists gsl || { echo "ensure-deps: GSL is still not visible to pkg-config" >&2; exit 1; }
