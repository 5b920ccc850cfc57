#!/usr/bin/env bash
# A/B timing of two commits on one machine, by alternating runs (A, B, A, B, ...).
#
#   scripts/bench/ab.sh [options] REV_A REV_B
#
# Builds the release `pensiun` of each commit in its own temporary worktree (`git worktree add
# --detach`, its own build folder), then runs the same command N times per side, alternating, and
# prints each run's wall time and peak resident memory, the medians and the ratio B/A, with the
# machine and the commits. Alternating spreads the machine's drift (other work, thermal state)
# over both sides; the median discards the odd disturbed run. A/B of a commit against itself
# gives the noise level (BENCHMARKS.md, "Guarding speed").
#
# Default command: the flagship engine run, the heaviest flagship reform (actives under 40 switch
# with recognition bonds), 10,000 paths on 1 thread, run from the commit's own worktree:
#   pensiun run Scenarios/indonesia-asn-2019/reform-switch-under-40-bonds.yaml \
#       --paths 10000 --threads 1 --quiet --out <fresh temporary folder>
#
# Options:
#   -n N               runs per side (default 5)
#   --paths P          paths of the default command (default 10000)
#   --threads T        threads of the default command (default 1)
#   --scenario FILE    scenario of the default command, relative to the worktree
#                      (default Scenarios/indonesia-asn-2019/reform-switch-under-40-bonds.yaml)
#   --cmd 'CMD'        another command, run by bash in the commit's worktree; {bin} is replaced by
#                      the commit's pensiun binary, {out} by a fresh output folder (not created)
#   --benchmark REGEX  instead of timing a command, run the package-benchmark benchmarks whose
#                      names match REGEX (whole match, e.g. 'engine.flagship.10000paths') from
#                      each commit's Benchmarks/ package and compare their wall-clock p50
#                      (builds the benchmark package of each commit: several minutes each)
#   --cache DIR        keep built binaries in DIR/<commit>/pensiun and reuse them (default: none)
#   --keep             keep the temporary folder (worktrees, builds, outputs) and print its path
#   -h, --help         this text
#
# If REV_A and REV_B are the same commit, the binary is built once and both sides run it.
# Needs Linux (it reads /proc/cpuinfo and /proc/loadavg, times runs with GNU `date +%s%N`, counts
# cores with `nproc`), git and swift; GNU time (/usr/bin/time) for the peak resident memory
# (without it: "n/a").
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

N=5
PATHS=10000
THREADS=1
SCENARIO="Scenarios/indonesia-asn-2019/reform-switch-under-40-bonds.yaml"
CMD=""
BENCH=""
CACHE=""
KEEP=0
REVS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) N="$2"; shift 2 ;;
        --paths) PATHS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --scenario) SCENARIO="$2"; shift 2 ;;
        --cmd) CMD="$2"; shift 2 ;;
        --benchmark) BENCH="$2"; shift 2 ;;
        --cache) CACHE="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "ab.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) REVS+=("$1"); shift ;;
    esac
done
if [[ ${#REVS[@]} -ne 2 ]]; then
    echo "ab.sh: need exactly two revisions, REV_A REV_B (see --help)" >&2
    exit 2
fi
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then echo "ab.sh: -n must be a positive integer" >&2; exit 2; fi
if [[ -n "$CMD" && -n "$BENCH" ]]; then echo "ab.sh: --cmd and --benchmark exclude each other" >&2; exit 2; fi
# run_once cds into each commit's worktree: a relative cache folder must not follow it there.
if [[ -n "$CACHE" ]]; then mkdir -p "$CACHE"; CACHE="$(cd "$CACHE" && pwd)"; fi

REPO="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
SHA_A="$(git -C "$REPO" rev-parse --verify "${REVS[0]}^{commit}")"
SHA_B="$(git -C "$REPO" rev-parse --verify "${REVS[1]}^{commit}")"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/pensiun-ab.XXXXXX")"
WORKTREES=()
cleanup() {
    local status=$?
    # ${arr[@]+"${arr[@]}"}: an empty array under set -u fails on bash < 4.4 otherwise.
    for wt in ${WORKTREES[@]+"${WORKTREES[@]}"}; do
        if [[ $KEEP -eq 1 ]]; then continue; fi
        git -C "$REPO" worktree remove --force "$wt" >/dev/null 2>&1 || true
    done
    if [[ $KEEP -eq 1 ]]; then
        echo "kept: $TMP" >&2
    else
        rm -rf "$TMP"
        git -C "$REPO" worktree prune >/dev/null 2>&1 || true
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A worktree of commit SHA in $TMP/NAME (no branch: --detach).
add_worktree() {
    local sha="$1" name="$2"
    git -C "$REPO" worktree add --detach --quiet "$TMP/$name" "$sha"
    WORKTREES+=("$TMP/$name")
}

# Builds the release pensiun of worktree $1 in its own build folder; prints the binary's path.
build_pensiun() {
    local wt="$1" sha="$2"
    if [[ -n "$CACHE" && -x "$CACHE/$sha/pensiun" ]]; then
        echo "reusing $CACHE/$sha/pensiun" >&2
        echo "$CACHE/$sha/pensiun"
        return
    fi
    echo "building pensiun at ${sha:0:7} in $wt/.build-ab ..." >&2
    local started=$SECONDS
    if ! (cd "$wt" && swift build -c release --product pensiun --scratch-path "$wt/.build-ab") \
        >"$wt.build.log" 2>&1; then
        tail -30 "$wt.build.log" >&2
        echo "ab.sh: build of ${sha:0:7} failed (log above)" >&2
        exit 1
    fi
    echo "  built in $((SECONDS - started)) s" >&2
    local bin="$wt/.build-ab/release/pensiun"
    if [[ -n "$CACHE" ]]; then
        mkdir -p "$CACHE/$sha"
        cp "$bin" "$CACHE/$sha/pensiun"
        bin="$CACHE/$sha/pensiun"
    fi
    echo "$bin"
}

add_worktree "$SHA_A" A
if [[ "$SHA_B" == "$SHA_A" ]]; then
    echo "REV_A and REV_B are the same commit: one build, both sides run it" >&2
    WT_A="$TMP/A"; WT_B="$TMP/A"
else
    add_worktree "$SHA_B" B
    WT_A="$TMP/A"; WT_B="$TMP/B"
fi

HAVE_GNU_TIME=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then HAVE_GNU_TIME=1; fi

if [[ -z "$BENCH" ]]; then
    BIN_A="$(build_pensiun "$WT_A" "$SHA_A")"
    if [[ "$WT_B" == "$WT_A" ]]; then BIN_B="$BIN_A"; else BIN_B="$(build_pensiun "$WT_B" "$SHA_B")"; fi
    if [[ -z "$CMD" ]]; then
        CMD="{bin} run $SCENARIO --paths $PATHS --threads $THREADS --quiet --out {out}"
    fi
else
    # The benchmark package of each commit, built once before the runs (the plugin's first call).
    for side in A B; do
        wt_var="WT_$side"; wt="${!wt_var}"
        if [[ $side == B && "$WT_B" == "$WT_A" ]]; then continue; fi
        echo "building the benchmark package in $wt/Benchmarks ..." >&2
        started=$SECONDS
        if ! (cd "$wt/Benchmarks" && swift package benchmark list) >"$wt.bench-build.log" 2>&1; then
            tail -30 "$wt.bench-build.log" >&2
            echo "ab.sh: build of the benchmark package in $wt failed (log above)" >&2
            exit 1
        fi
        echo "  built in $((SECONDS - started)) s" >&2
    done
fi

# One run of side $1 (A or B), number $2; prints "wall_seconds peak_rss_MB".
run_once() {
    local side="$1" i="$2" wt bin out log start end wall rss
    if [[ $side == A ]]; then wt="$WT_A"; bin="${BIN_A:-}"; else wt="$WT_B"; bin="${BIN_B:-}"; fi
    out="$TMP/out-$side-$i"
    log="$TMP/run-$side-$i.log"
    if [[ -n "$BENCH" ]]; then
        # The plugin's p50 of the benchmark's iterations; RSS: the benchmark's own peak metric.
        (cd "$wt/Benchmarks" && swift package benchmark --target PensiunBenchmarks --filter "$BENCH" \
            --no-progress --time-units milliseconds) >"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
        wall="$(awk -F'│' '/Time \(wall clock\)/ { gsub(/ /, "", $5); print $5; exit }' "$log")"
        rss="$(awk -F'│' '/Memory \(resident peak\)/ { gsub(/ /, "", $5); print $5; exit }' "$log")"
        [[ -n "$wall" ]] || { echo "ab.sh: no wall-clock row for '$BENCH' in $log" >&2; exit 1; }
        echo "$(awk -v ms="$wall" 'BEGIN { printf "%.3f", ms / 1000 }') ${rss:-n/a}"
        return
    fi
    local cmd="${CMD//\{bin\}/$bin}"
    cmd="${cmd//\{out\}/$out}"
    start=$(date +%s%N)
    if [[ $HAVE_GNU_TIME -eq 1 ]]; then
        (cd "$wt" && /usr/bin/time -f '%M' -o "$TMP/rss-$side-$i" bash -c "$cmd") >"$log" 2>&1 \
            || { tail -30 "$log" >&2; echo "ab.sh: run $side$i failed: $cmd" >&2; exit 1; }
        rss="$(awk '{ printf "%.0f", $1 / 1024 }' "$TMP/rss-$side-$i")"
    else
        (cd "$wt" && bash -c "$cmd") >"$log" 2>&1 \
            || { tail -30 "$log" >&2; echo "ab.sh: run $side$i failed: $cmd" >&2; exit 1; }
        rss="n/a"
    fi
    end=$(date +%s%N)
    rm -rf "$out"
    wall="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
    echo "$wall $rss"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo "machine:  $(hostname), nproc $(nproc), ${cpu_model:-unknown CPU}, $(uname -sr)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) (1/5/15 min, at start)"
echo "A:        ${SHA_A:0:12} ($(git -C "$REPO" log -1 --format=%s "$SHA_A" | cut -c1-60))"
echo "B:        ${SHA_B:0:12} ($(git -C "$REPO" log -1 --format=%s "$SHA_B" | cut -c1-60))"
if [[ -n "$BENCH" ]]; then
    echo "measure:  package-benchmark '$BENCH', wall-clock p50 of its iterations (s), peak resident (plugin's unit)"
else
    echo "command:  $CMD"
    echo "measure:  wall time of the whole process (s), peak resident memory (MB, GNU time)"
fi
echo "runs:     $N per side, alternating A B A B ..."
echo
printf '%-5s %10s %10s\n' run wall_s peak_MB
WALL_A=(); WALL_B=(); RSS_A=(); RSS_B=()
for ((i = 1; i <= N; i++)); do
    for side in A B; do
        result="$(run_once "$side" "$i")"
        read -r wall rss <<<"$result"
        printf '%-5s %10s %10s\n' "$side$i" "$wall" "$rss"
        if [[ $side == A ]]; then WALL_A+=("$wall"); RSS_A+=("$rss"); else WALL_B+=("$wall"); RSS_B+=("$rss"); fi
    done
done
med_a="$(printf '%s\n' "${WALL_A[@]}" | median)"
med_b="$(printf '%s\n' "${WALL_B[@]}" | median)"
rss_a="$(printf '%s\n' "${RSS_A[@]}" | grep -v n/a | median || true)"
rss_b="$(printf '%s\n' "${RSS_B[@]}" | grep -v n/a | median || true)"
ratio="$(awk -v a="$med_a" -v b="$med_b" 'BEGIN { printf "%.3f", b / a }')"
echo
echo "median wall  A ${med_a} s   B ${med_b} s   B/A ${ratio}"
echo "median peak  A ${rss_a:-n/a}   B ${rss_b:-n/a}"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) (at end)"
