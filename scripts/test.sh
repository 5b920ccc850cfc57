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
scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build
swift build -c release --product pensiun
scripts/check-flagship.sh
scripts/test-report.sh
PENSIUN=.build/release/pensiun scripts/notebooks.sh
PENSIUN=.build/release/pensiun scripts/test-slurm.sh
PENSIUN=.build/release/pensiun scripts/fuzz/run.sh
PENSIUN=.build/release/pensiun scripts/fuzz/replay.sh
