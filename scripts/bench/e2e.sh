#!/usr/bin/env bash
# What users run, end to end (issue 18): whole `pensiun run` processes, without the benchmark harness.
#
#   scripts/bench/e2e.sh [-n N] [--paths P] [--scenario FILE] [BINARY_A [BINARY_B]]
#
# Runs N rounds (default 5); each round runs every configuration once, back to back, in an order
# that rotates from round to round (so no configuration always runs first or last):
#   A/1  BINARY_A, 1 thread          A/2  BINARY_A, 2 threads
#   B/2  BINARY_B, 2 threads         (only when BINARY_B is given)
# each as `pensiun run FILE --paths P --threads T --quiet --out <fresh folder>` (outputs in a
# mktemp folder, removed at exit). Each run's wall time (date +%s%N around the process), CPU time
# (user + system of the process, all its threads) and peak resident memory come from GNU time
# (/usr/bin/time -f, required).
#
# Prints a Markdown table ready for BENCHMARKS.md: per configuration the medians of wall, CPU and
# peak memory; then the ratios, each the median of the per-round ratios (the two runs of a round
# ran next to each other, so they saw the same machine; a ratio of medians would mix rounds):
#   (a) 2 threads against 1 of BINARY_A: A/1 over A/2 (wall: the speed-up; CPU < 1: the cost);
#   (b) BINARY_B against BINARY_A on 2 threads: wall, CPU and peak of B/2 over A/2 (< 1: B faster).
# The individual runs go to standard error.
#
# Options:
#   -n N             rounds (default 5); quote at least 5 on a shared machine
#   --paths P        Monte Carlo paths (default 10000)
#   --scenario FILE  the scenario (default: the frozen switch case,
#                    Benchmarks/scenarios/indonesia-switch-2026-12/indonesia-asn-2019/reform-switch-under-40-bonds.yaml)
#   BINARY_A         the pensiun binary (default: <project>/.build/release/pensiun; build it with
#                    `swift build -c release`)
#   BINARY_B         a second binary to compare with A on 2 threads, e.g. a build of another commit
#                    (scripts/bench/ab.sh --cache DIR keeps such builds)
#   -h, --help       this text
#
# Exit status: 0 after printing the table; 1 when a run fails (its output's tail is printed) or a
# binary or GNU time is missing; 2 on bad options. Needs Linux (nproc, /proc), GNU date and time.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N=5
PATHS=10000
SCENARIO="$REPO/Benchmarks/scenarios/indonesia-switch-2026-12/indonesia-asn-2019/reform-switch-under-40-bonds.yaml"
BINS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) N="${2:?-n needs a value}"; shift 2 ;;
        --paths) PATHS="${2:?--paths needs a value}"; shift 2 ;;
        --scenario) SCENARIO="${2:?--scenario needs a value}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "e2e.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) BINS+=("$1"); shift ;;
    esac
done
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then echo "e2e.sh: -n must be a positive integer" >&2; exit 2; fi
if ! [[ "$PATHS" =~ ^[1-9][0-9]*$ ]]; then echo "e2e.sh: --paths must be a positive integer" >&2; exit 2; fi
if [[ ${#BINS[@]} -gt 2 ]]; then echo "e2e.sh: at most two binaries (see --help)" >&2; exit 2; fi
[[ ${#BINS[@]} -ge 1 ]] || BINS=("$REPO/.build/release/pensiun")
for bin in "${BINS[@]}"; do
    if [[ ! -x "$bin" ]]; then
        echo "e2e.sh: no executable $bin (build it: swift build -c release)" >&2
        exit 1
    fi
done
BIN_A="$(cd "$(dirname "${BINS[0]}")" && pwd)/$(basename "${BINS[0]}")"
BIN_B=""
if [[ ${#BINS[@]} -eq 2 ]]; then BIN_B="$(cd "$(dirname "${BINS[1]}")" && pwd)/$(basename "${BINS[1]}")"; fi
[[ -f "$SCENARIO" ]] || { echo "e2e.sh: no scenario $SCENARIO" >&2; exit 1; }
if ! /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    echo "e2e.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 1
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/pensiun-e2e.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

CONFIGS=(A1 A2)
[[ -z "$BIN_B" ]] || CONFIGS+=(B2)

# One run of configuration $1 (A1, A2, B2) in round $2; prints "wall_s cpu_s peak_MiB".
run_once() {
    local config="$1" round="$2" bin threads out log start end
    if [[ ${config:0:1} == A ]]; then bin="$BIN_A"; else bin="$BIN_B"; fi
    threads="${config:1}"
    out="$TMP/out-$config-$round"
    log="$TMP/run-$config-$round.log"
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$TMP/time" \
        "$bin" run "$SCENARIO" --paths "$PATHS" --threads "$threads" --quiet --out "$out" >"$log" 2>&1 \
        || { tail -30 "$log" >&2; echo "e2e.sh: run $config in round $round failed" >&2; exit 1; }
    end=$(date +%s%N)
    rm -rf "$out"
    # GNU time writes "Command exited with non-zero status" first on failure; the last line is ours.
    tail -1 "$TMP/time" | awk -v a="$start" -v b="$end" \
        '{ printf "%.3f %.3f %.0f\n", (b - a) / 1e9, $1 + $2, $3 / 1024 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Column $2 (1 wall, 2 CPU, 3 peak) of configuration $1's runs.
column() { awk -v c="$2" '{ print $c }' "$TMP/results-$1"; }
# Median over rounds of column $3 of configuration $1 divided by that of $2 in the same round.
ratio() { paste -d' ' "$TMP/results-$1" "$TMP/results-$2" | awk -v c="$3" '{ print $c / $(c + 3) }' | median; }

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
{
    echo "machine:  nproc $(nproc), ${cpu_model:-unknown CPU}, $(uname -sr)"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at start)"
    echo "A:        $BIN_A"
    [[ -z "$BIN_B" ]] || echo "B:        $BIN_B"
    echo "scenario: $SCENARIO"
    echo "rounds:   $N of ${CONFIGS[*]}, order rotating"
    printf '%-6s %-3s %9s %9s %9s\n' round run wall_s cpu_s peak_MiB
} >&2
for ((r = 1; r <= N; r++)); do
    k=${#CONFIGS[@]}
    for ((j = 0; j < k; j++)); do
        config="${CONFIGS[$(((j + r - 1) % k))]}"
        result="$(run_once "$config" "$r")"
        echo "$result" >>"$TMP/results-$config"
        # shellcheck disable=SC2086
        printf '%-6s %-3s %9s %9s %9s\n' "$r" "$config" $result >&2
    done
done
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (at end)" >&2

describe() {
    case "$1" in
        A1) echo "A, 1 thread" ;;
        A2) echo "A, 2 threads" ;;
        B2) echo "B, 2 threads" ;;
    esac
}
echo
echo "\`pensiun run $(basename "$SCENARIO") --paths $PATHS --threads T --quiet --out DIR\`, $N rounds, $(date -u +%Y-%m-%d), nproc $(nproc), load at end $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| configuration | wall (s), median | CPU (s), median | peak resident (MiB), median |"
echo "|---|---:|---:|---:|"
for config in "${CONFIGS[@]}"; do
    printf '| %s | %s | %s | %.0f |\n' "$(describe "$config")" "$(column "$config" 1 | median)" \
        "$(column "$config" 2 | median)" "$(column "$config" 3 | median)"
done
echo
echo "| ratio (median of the $N per-round ratios) | wall | CPU | peak |"
echo "|---|---:|---:|---:|"
printf '| A: 1 thread / 2 threads (speed-up of 2 threads) | %.2f | %.2f | %.2f |\n' \
    "$(ratio A1 A2 1)" "$(ratio A1 A2 2)" "$(ratio A1 A2 3)"
if [[ -n "$BIN_B" ]]; then
    printf '| 2 threads: B / A (< 1: B faster or smaller) | %.2f | %.2f | %.2f |\n' \
        "$(ratio B2 A2 1)" "$(ratio B2 A2 2)" "$(ratio B2 A2 3)"
fi
