#!/usr/bin/env bash
# The whole test suite:
#   1. the Swift tests (unit, statistical, golden and end-to-end CLI tests);
#   2. the flagship's committed outputs reproduced by a fresh release run;
#   3. the HTML report rendered in headless Chromium (no console error, charts with data).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build
swift build -c release --product pensiun
scripts/check-flagship.sh
scripts/test-report.sh
