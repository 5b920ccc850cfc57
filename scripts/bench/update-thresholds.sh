#!/usr/bin/env bash
# Rewrites the static thresholds of the guarded benchmarks (Benchmarks/Thresholds/*.p90.json)
# from one run on this machine of only the metrics that hold across machines: mallocCountTotal
# and mallocBytesCount for every guarded benchmark, wallClock for those on one thread (the
# `*2threads` files leave it out). Their tolerances are in Suite.thresholds (PensiunBenchmarks.swift);
# a metric stored without a tolerance there would be checked with none. Review the diff, commit.
#
#   scripts/bench/update-thresholds.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$BENCH_DIR"
mkdir -p Thresholds
rm -f Thresholds/PensiunBenchmarks.*.p90.json
swift package --allow-writing-to-package-directory benchmark thresholds update \
    --target PensiunBenchmarks --filter "$GUARDED" "${METRICS[@]}" --no-progress
for file in Thresholds/PensiunBenchmarks.*.p90.json; do
    if [[ "$file" == *2threads.p90.json ]]; then
        keep='{mallocCountTotal, mallocBytesCount}'
    else
        keep='{mallocCountTotal, mallocBytesCount, wallClock}'
    fi
    jq --sort-keys "$keep" "$file" >"$file.tmp" && mv "$file.tmp" "$file"
done
echo "Thresholds written (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)):"
for file in Thresholds/PensiunBenchmarks.*.p90.json; do
    echo "  $file: $(jq -c . "$file")"
done
