#!/usr/bin/env python3
"""Replays every case of a findings file (Tests/fuzz-corpus/fuzz-findings.md) as a regression test:
re-applies each case's mutations to a fresh copy of its scenario family and judges validate and
run with the fuzzer's oracle (a located refusal, or a clean run where the input is valid).

    replay.py [--findings FILE] [--budget SECONDS] [--jobs J] [--line 'CASE LINE']

Case lines look like `s1-t01013 · synthetic-small/scenario.yaml · MUTATION ; MUTATION`. A case
listed under several headings runs once. A mutation cut short in the file (the report cuts long
lines) cannot be parsed and is dropped; the rest of the case still runs. `garbage-*` mutations
use a generator seeded by the case id and the mutation's position, so they are reproducible
but not byte-identical to the original fuzz.
"""
import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

import mutate
import oracle
import stage

CASE = re.compile(r"^- (s\d+-t\d+) · ([\w.-]+)/([\w.-]+\.yaml) · (.*)$")


def read_cases(path):
    """(id, family, entry, [mutation lines]) for every distinct case line of the file."""
    cases, seen = [], set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = CASE.match(line)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            cases.append((m.group(1), m.group(2), m.group(3), m.group(4).split(" ; ")))
    return cases


def run_case(pensiun, case, limit):
    case_id, family, entry, mutations = case
    dropped = []

    def mutate_tree(cwd):
        tree, options = mutate.Tree(cwd, family), {}
        for i, line in enumerate(mutations):
            result = mutate.apply(line, tree, random.Random(f"{case_id}/{i}"))
            if result is None:
                dropped.append(line)
            options.update(result or {})
        return options

    outcome, failures, message = oracle.trial(pensiun, family, entry, mutate_tree, limit)
    note = f" [dropped, cut short in the file: {' ; '.join(dropped)}]" if dropped else ""
    return case_id, f"{case_id} · {family}/{entry} · {' ; '.join(mutations)}{note}", outcome, failures, message


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--findings", default=str(oracle.REPO / "Tests" / "fuzz-corpus" / "fuzz-findings.md"))
    ap.add_argument("--budget", type=float, default=90)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=str(oracle.REPO / ".build" / "fuzz" / "replay-findings.md"))
    ap.add_argument("--line", help="replay one case line (as in the findings file, with or without '- ')")
    ap.add_argument("--pensiun", default=os.environ.get("PENSIUN", str(oracle.REPO / ".build/release/pensiun")))
    a = ap.parse_args()
    pensiun = os.path.abspath(a.pensiun)
    if not os.access(pensiun, os.X_OK):
        sys.exit(f"replay: no pensiun executable at {pensiun} (build it, or set PENSIUN)")
    if a.line:
        m = CASE.match("- " + a.line.strip().removeprefix("- "))
        if not m:
            sys.exit("replay: the line is not `ID · FAMILY/ENTRY.yaml · MUTATION ; …`")
        cases = [(m.group(1), m.group(2), m.group(3), m.group(4).split(" ; "))]
    else:
        cases = read_cases(a.findings)
    before, start = stage.repo_outputs(), time.monotonic()
    soft = max(a.budget - 10, a.budget * 0.85)
    results, unfinished = stage.run_cases(cases, lambda c, limit: run_case(pensiun, c, limit), a.jobs, soft, a.budget)
    if a.line:
        for r in results:
            print(r[1], "\n  outcome:", r[2], "\n  stderr:", r[4], "\n  failures:", r[3] or "none")
    header = f"Replay of {os.path.relpath(a.findings, oracle.REPO)} against pensiun"
    sys.exit(stage.finish("replay", results, unfinished, time.monotonic() - start, a.budget, a.out, header, before))


if __name__ == "__main__":
    main()
