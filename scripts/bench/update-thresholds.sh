#!/usr/bin/env bash
# Rewrites the static thresholds of the guarded benchmarks (Benchmarks/Thresholds/*.p90.json)
# from one run on this machine of only the metrics that hold across machines: mallocCountTotal
# and mallocBytesCount for every guarded benchmark, wallClock for those on one thread (the
# `*2threads` files leave it out). Their tolerances are in Suite.thresholds (PensiunBenchmarks.swift);
# a metric stored without a tolerance there would be checked with none. Review the diff, commit.
#
#   scripts/bench/update-thresholds.sh
#
# The new files are written to a temporary folder first (Benchmarks/.thresholds-update.XXXXXX,
# removed on exit) and moved into Benchmarks/Thresholds only when the benchmark run and the jq
# filtering of every file succeeded: a failed or interrupted run leaves the old thresholds as
# they were. Exit status: 0 when written; 2 when jq is missing; 1 on any other failure.
set -euo pipefail
source "$(dirname "$0")/common.sh"

if ! command -v jq >/dev/null 2>&1; then
    echo "update-thresholds.sh: jq not found on PATH; it keeps only the guarded metrics of each file." >&2
    echo "  Install it (Debian: apt-get install jq; macOS: brew install jq) and run this again." >&2
    exit 2
fi

cd "$BENCH_DIR"
NEW="$(mktemp -d "$BENCH_DIR/.thresholds-update.XXXXXX")"
trap 'rm -rf "$NEW"' EXIT

swift package --allow-writing-to-package-directory benchmark thresholds update \
    --target PensiunBenchmarks --filter "$GUARDED" "${METRICS[@]}" --no-progress --path "$NEW"

shopt -s nullglob
written=("$NEW"/PensiunBenchmarks.*.p90.json)
if [[ ${#written[@]} -eq 0 ]]; then
    echo "update-thresholds.sh: the run wrote no thresholds to $NEW; Thresholds/ left unchanged" >&2
    exit 1
fi
for file in "${written[@]}"; do
    if [[ "$file" == *2threads.p90.json ]]; then
        keep='{mallocCountTotal, mallocBytesCount}'
    else
        keep='{mallocCountTotal, mallocBytesCount, wallClock}'
    fi
    if ! jq --exit-status --sort-keys "$keep" "$file" >"$file.tmp"; then
        echo "update-thresholds.sh: jq could not filter $file; Thresholds/ left unchanged" >&2
        exit 1
    fi
    mv "$file.tmp" "$file"
done

# Every new file is complete: rename each into place (atomic on one file system), then remove the
# old files of benchmarks that no longer exist or are no longer guarded.
mkdir -p Thresholds
for file in "${written[@]}"; do mv "$file" "Thresholds/$(basename "$file")"; done
for old in Thresholds/PensiunBenchmarks.*.p90.json; do
    keep_it=0
    for file in "${written[@]}"; do
        if [[ "$(basename "$file")" == "$(basename "$old")" ]]; then keep_it=1; break; fi
    done
    if [[ $keep_it -eq 0 ]]; then echo "removing stale $old"; rm -f "$old"; fi
done

echo "Thresholds written (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)):"
for file in Thresholds/PensiunBenchmarks.*.p90.json; do
    echo "  $file: $(jq -c . "$file")"
done
