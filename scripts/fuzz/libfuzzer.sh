#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and fuzzes one for FUZZ_SECONDS (default 60):
#   FUZZ_TARGET   ScenarioLoaderFuzz (default) or MortalityCSVFuzz
#   FUZZ_SECONDS  wall-clock seconds of fuzzing (default 60)
#   FUZZ_ARGS     extra libFuzzer flags (for example -jobs=2 or -seed=1)
# The working corpus grows in Fuzz/corpus/<target>/ (seeded with every shipped scenario YAML, or
# every shipped CSV); crashing inputs land in Fuzz/crashes/. Both are git-ignored: commit a crash
# worth keeping to Tests/fuzz-corpus/libfuzzer-crashes/ with a note.
# Re-run one input:  Fuzz/.build/release/ScenarioLoaderFuzz Tests/fuzz-corpus/libfuzzer-crashes/FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${FUZZ_TARGET:-ScenarioLoaderFuzz}"
seconds="${FUZZ_SECONDS:-60}"
(cd Fuzz && swift build -c release --sanitize=fuzzer --product "$target")
corpus="Fuzz/corpus/$target"
mkdir -p "$corpus" Fuzz/crashes
case "$target" in
    ScenarioLoaderFuzz) seeds=$(find Scenarios -name '*.yaml') ;;
    *) seeds=$(find Scenarios -name '*.csv') ;;
esac
for f in $seeds; do cp -n "$f" "$corpus/seed-$(echo "$f" | tr / _)"; done
# -timeout: one input over 10 s is a hang; -rss_limit_mb: memory past 2 GiB is a finding;
# -max_len: the largest shipped scenario is about 13 kB.
timeout -k 10 "$((seconds + 120))" "Fuzz/.build/release/$target" "$corpus" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 ${FUZZ_ARGS:-}
