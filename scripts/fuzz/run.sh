#!/usr/bin/env bash
# The mutation fuzz stage: scripts/fuzz/run.sh [CASES] [SEED]
#   CASES (default 500) seeded cases, SEED (default 1); $PENSIUN (default .build/release/pensiun);
#   FUZZ_BUDGET seconds (default 90: no case starts after ~80 s, the stage fails past 90 s);
#   FUZZ_JOBS parallel cases (default 2); FUZZ_TIMEOUT seconds per process (default 20);
#   FUZZ_FINDINGS the findings file (default .build/fuzz/findings.md).
# Every trial lives in one temporary folder, removed on exit whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1  # nothing written beside the scripts
export PENSIUN="${PENSIUN:-.build/release/pensiun}"
budget="${FUZZ_BUDGET:-90}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pensiun-fuzz-stage.XXXXXX")"
trap 'rm -rf "$work"' EXIT
TMPDIR="$work" timeout -k 5 "$((${budget%.*} + 15))" python3 scripts/fuzz/fuzz.py \
    --cases "${1:-500}" --seed "${2:-1}" --budget "$budget" --jobs "${FUZZ_JOBS:-2}" \
    --findings "${FUZZ_FINDINGS:-.build/fuzz/findings.md}"
