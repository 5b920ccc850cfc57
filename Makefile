# Pensiun: the two set-up commands.
#   make run   installs what is missing, builds in release and runs the flagship (baseline and reforms)
#   make test  installs what is missing and runs the whole test suite (CI runs it)
# and the fast tier while working:
#   make check the Swift tests alone
SHELL := /bin/bash

.PHONY: run test check deps build

deps:
	@scripts/ensure-deps.sh

build: deps
	swift build -c release --product pensiun

run: build
	scripts/run-flagship.sh

test: deps
	scripts/test.sh

# The fast tier while working: the Swift tests alone (debug build; about 4 minutes here). CI and a
# change's last check run the whole `make test`.
check: deps
	swift build --build-tests
	swift test --skip-build

# Coverage-guided fuzzing of the scenario loader (libFuzzer; a separate package in Fuzz/):
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGET=ScenarioLoaderFuzz|MortalityCSVFuzz]
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?= ScenarioLoaderFuzz
.PHONY: fuzz
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGET=$(FUZZ_TARGET) scripts/fuzz/libfuzzer.sh

# Benchmark thresholds (Benchmarks/Thresholds/, checked by package-benchmark): builds the benchmark
# package in release, runs the guarded benchmarks (flagship engine, annuity pricing, ESG) and fails
# on a regression beyond the tolerances. Not part of `make test`. See Benchmarks/README.md.
#   make bench-check            (BENCH_STRICT=1: also fail when a metric is better than its threshold)
.PHONY: bench-check
bench-check: deps
	scripts/bench/check.sh
