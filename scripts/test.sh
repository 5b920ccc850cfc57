#!/usr/bin/env bash
# The whole test suite:
#   1. the Swift tests (unit, statistical, golden and end-to-end CLI tests);
#   2. the flagship's committed outputs reproduced by a fresh release run;
#   3. the HTML report rendered in headless Chromium (no console error, charts with data);
#   4. the notebooks of notebooks-md/, executed top to bottom in their own virtual environment;
#   5. a 4-task Slurm job array (and a sharded sweep) on a real single-node Slurm, merged results
#      equal to a single process's;
#   6. the seeded mutation fuzzer (500 cases of validate and run on broken copies of the shipped
#      scenarios, at most 90 s) and the replay of every case of Tests/fuzz-corpus/fuzz-findings.md
#      (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each stage's wall time, printed as it ends (Tests/README.md records them).
stage() {
    local name="$1" start=$SECONDS
    shift
    "$@"
    echo "test.sh: stage '$name' took $((SECONDS - start)) s"
}
stage deps scripts/ensure-deps.sh
stage "debug build" swift build --build-tests
stage "swift tests" swift test --skip-build
stage "release build" swift build -c release --product pensiun
stage "flagship outputs" scripts/check-flagship.sh
stage "report in Chromium" scripts/test-report.sh
stage notebooks env PENSIUN=.build/release/pensiun scripts/notebooks.sh
stage slurm env PENSIUN=.build/release/pensiun scripts/test-slurm.sh
stage "mutation fuzz" env PENSIUN=.build/release/pensiun scripts/fuzz/run.sh
stage "fuzz replay" env PENSIUN=.build/release/pensiun scripts/fuzz/replay.sh
