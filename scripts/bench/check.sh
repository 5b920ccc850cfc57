#!/usr/bin/env bash
# Checks the guarded benchmarks against their static thresholds (Benchmarks/Thresholds/*.p90.json)
# with package-benchmark's `thresholds check`: builds the benchmark package (release), runs the
# guarded benchmarks once, and compares each stored metric's p90 within the tolerances set in
# Benchmarks/Benchmarks/PensiunBenchmarks/PensiunBenchmarks.swift (`Suite.thresholds`).
#
#   scripts/bench/check.sh [--strict] [extra `swift package benchmark` options, e.g. --filter 'esg\..*']
#
# `--strict` may stand anywhere among the arguments; the others go to the plugin unchanged. A
# `--filter` of your own replaces the guarded set (common.sh, GUARDED).
#
# Exit status: 0 when every metric is within its tolerance, and also when some are BETTER than
# their thresholds beyond it (printed as a notice: run scripts/bench/update-thresholds.sh and
# commit the files to tighten them; with --strict, or BENCH_STRICT=1, that fails too, status 4);
# 1 on a regression (a metric WORSE than its threshold) or any other failure (build, crash).
set -euo pipefail
source "$(dirname "$0")/common.sh"

STRICT="${BENCH_STRICT:-0}"
PASS_ARGS=()
for arg in "$@"; do
    if [[ "$arg" == "--strict" ]]; then STRICT=1; else PASS_ARGS+=("$arg"); fi
done
FILTER_ARGS=(--filter "$GUARDED")
for arg in ${PASS_ARGS[@]+"${PASS_ARGS[@]}"}; do
    if [[ "$arg" == "--filter" || "$arg" == --filter=* ]]; then FILTER_ARGS=(); fi
done

log="$(mktemp "${TMPDIR:-/tmp}/pensiun-bench-check.XXXXXX")"
trap 'rm -f "$log"' EXIT
cd "$BENCH_DIR"
started=$SECONDS
set +e
# ${arr[@]+"${arr[@]}"}: an empty array under set -u fails on bash < 4.4 otherwise.
swift package benchmark thresholds check --target PensiunBenchmarks \
    ${FILTER_ARGS[@]+"${FILTER_ARGS[@]}"} "${METRICS[@]}" \
    --no-progress ${PASS_ARGS[@]+"${PASS_ARGS[@]}"} 2>&1 \
    | tee "$log"
status=${PIPESTATUS[0]}
set -e
elapsed=$((SECONDS - started))

if [[ $status -eq 0 ]]; then
    echo "bench-check: PASS, every guarded metric within its threshold (${elapsed} s)"
    exit 0
fi
if grep -q "WORSE than the defined thresholds" "$log"; then
    echo "bench-check: FAIL, regression beyond the thresholds above (${elapsed} s)" >&2
    exit 1
fi
if grep -q "BETTER than the defined thresholds" "$log"; then
    echo "bench-check: some metrics are BETTER than their thresholds beyond the tolerance (above)."
    echo "  Tighten them: scripts/bench/update-thresholds.sh, then commit Benchmarks/Thresholds/."
    if [[ "$STRICT" == 1 ]]; then exit 4; fi
    echo "bench-check: PASS, no regression (${elapsed} s)"
    exit 0
fi
echo "bench-check: FAIL, the benchmark run did not complete (status $status, ${elapsed} s)" >&2
exit 1
