# Pensiun: the two set-up commands.
#   make run   installs what is missing, builds in release and runs the flagship scenario
#   make test  installs what is missing and runs the whole test suite
SHELL := /bin/bash
FLAGSHIP := Scenarios/indonesia-asn-2019/baseline.yaml
PENSIUN := .build/release/pensiun

.PHONY: run test deps build

deps:
	@scripts/ensure-deps.sh

build: deps
	swift build -c release --product pensiun

run: build
	$(PENSIUN) esg $(FLAGSHIP)

test: deps
	scripts/test.sh
