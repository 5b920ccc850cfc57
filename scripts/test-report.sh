#!/usr/bin/env bash
# Renders report.html of a small run in headless Chromium and checks it: no script error, no
# console or log error, no network request, at least 6 charts each with data marks.
#
#   scripts/test-report.sh                  uses .build (or $PENSIUN_SCRATCH) and a temporary folder
#   KEEP_PNG=DIR scripts/test-report.sh     also keeps the screenshots (screen and print) in DIR
#
# Installs Debian's chromium (and fonts-dejavu-core) with apt-get when missing (as root or with
# sudo). Exits non-zero on any failure; removes its temporary files.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${PENSIUN_SCRATCH:-.build}"
paths="${PENSIUN_REPORT_PATHS:-40}"

fail() { echo "test-report: $*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else fail "need root or sudo to run: $*"
    fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and no apt-get to install it"
    echo "test-report: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v python3 >/dev/null 2>&1 || fail "python3 is needed"

work="$(mktemp -d "${TMPDIR:-/tmp}/pensiun-report-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build --scratch-path "$scratch" --product pensiun
"$scratch/debug/pensiun" run Scenarios/synthetic-small/scenario.yaml --paths "$paths" --out "$work/run" --quiet
[ -s "$work/run/report.html" ] || fail "the run wrote no report.html"

# Self-containment is checked where it is decided: check_report.py fails when Chromium requests
# anything but the file itself; HTMLReportTests.thePageIsSelfContained (the fast tier) checks the
# rendered text has no script, import, url() or outside address.
python3 scripts/check_report.py "$work/run/report.html" --png "$work/report.png" --print-png "$work/report-print.png" --min-charts 6
[ -s "$work/report.png" ] || fail "no screenshot was written"

if [ -n "${KEEP_PNG:-}" ]; then
    mkdir -p "$KEEP_PNG"
    cp "$work/report.png" "$work/report-print.png" "$work/run/report.html" "$KEEP_PNG/"
    echo "test-report: screenshots kept in $KEEP_PNG"
fi
echo "test-report: ok"
