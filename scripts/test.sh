#!/usr/bin/env bash
# The whole test suite: the Swift tests (unit, statistical and end-to-end CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build
