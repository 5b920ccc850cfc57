#!/usr/bin/env bash
# The flagship's one-at-a-time assumption study (docs/assumptions.md): runs every sweep file of
# Scenarios/sweeps/assumptions/ (each one assumption at its base value and moved by a stated step,
# on reform 1) into OUT/<file name>, then tabulates the effects into OUT/effects.csv and
# OUT/effects.md (scripts/assumption-table.py).
#   scripts/assumption-study.sh [OUT] [extra pensiun sweep flags…]
# OUT defaults to Outputs/sweeps/assumptions, the committed production-size outputs (10,000 paths
# a variant, as the sweep files say). Check them with
#   scripts/assumption-study.sh /tmp/fresh --quiet && scripts/same-run-folder.py Outputs/sweeps/assumptions /tmp/fresh --ignore git_commit
set -euo pipefail
# OUT and PENSIUN as the caller gave them, made absolute before moving to the repository.
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
REPO="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(absolute "${1:-$REPO/Outputs/sweeps/assumptions}")"
shift || true
PENSIUN="$(absolute "${PENSIUN:-$REPO/.build/release/pensiun}")"
cd "$REPO"
if [ ! -x "$PENSIUN" ]; then
    echo "assumption-study: no pensiun binary at $PENSIUN (build it with swift build -c release --product pensiun, or set PENSIUN)" >&2
    exit 2
fi
for file in Scenarios/sweeps/assumptions/*.yaml; do
    name="$(basename "$file" .yaml)"
    "$PENSIUN" sweep "$file" --out "$OUT/$name" "$@"
done
scripts/assumption-table.py "$OUT"
