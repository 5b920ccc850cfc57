#!/usr/bin/env bash
# Replays every case of Tests/fuzz-corpus/fuzz-findings.md as a regression test:
#   scripts/fuzz/replay.sh [FINDINGS_FILE]
#   $PENSIUN (default .build/release/pensiun); FUZZ_BUDGET seconds (default 90); FUZZ_JOBS (default 2);
#   FUZZ_TIMEOUT seconds per process (default 20); failures go to .build/fuzz/replay-findings.md.
# Every trial lives in one temporary folder, removed on exit whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1  # nothing written beside the scripts
export PENSIUN="${PENSIUN:-.build/release/pensiun}"
budget="${FUZZ_BUDGET:-90}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pensiun-replay-stage.XXXXXX")"
trap 'rm -rf "$work"' EXIT
TMPDIR="$work" timeout -k 5 "$((${budget%.*} + 15))" python3 scripts/fuzz/replay.py \
    --findings "${1:-Tests/fuzz-corpus/fuzz-findings.md}" --budget "$budget" --jobs "${FUZZ_JOBS:-2}"
