#!/usr/bin/env bash
# Runs the flagship (Indonesia, civil servants, 2019): the baseline and every reform, with the
# committed settings, into OUT (default Outputs/indonesia-asn-2019). Each run prints its summary.
#   scripts/run-flagship.sh [OUT] [extra pensiun run flags…]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-Outputs/indonesia-asn-2019}"
shift || true
PENSIUN="${PENSIUN:-.build/release/pensiun}"
# Committed outputs use 1,000 paths so that `make run` finishes in a few minutes on 2 cores;
# production runs use the scenario's simulation.paths (10,000).
PATHS="${FLAGSHIP_PATHS:-1000}"
for scenario in baseline reform-dc-new-entrants-2027 reform-dc-take-home-supplementary \
                reform-switch-under-40-bonds reform-parametric-db; do
    "$PENSIUN" run "Scenarios/indonesia-asn-2019/$scenario.yaml" --paths "$PATHS" --out "$OUT/$scenario" "$@"
done
