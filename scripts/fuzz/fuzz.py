#!/usr/bin/env python3
"""Seeded mutation fuzz of the shipped scenarios: each case copies a scenario family into a
throw-away folder, applies 1-4 mutations, and judges `pensiun validate` and `pensiun run`.
A case is reproducible from (seed, case number): `fuzz.py --seed S --only N`.

    fuzz.py [--cases N] [--seed S] [--budget SECONDS] [--jobs J] [--findings FILE] [--only N]
"""
import argparse
import os
import random
import sys
import time

import mutate
import oracle
import stage


def case_plan(seed, number):
    """The case's id, family, entry file, number of mutations and random generator."""
    rng = random.Random(f"pensiun-fuzz:{seed}:{number}")
    family = rng.choices(list(mutate.FAMILIES), weights=[3, 2])[0]
    entry = rng.choice(mutate.FAMILIES[family])
    count = rng.choices([1, 2, 3, 4], weights=[4, 3, 2, 1])[0]  # mostly few: one bad value hides another
    return f"s{seed}-t{number:05d}", family, entry, count, rng


def run_case(pensiun, seed, number, limit):
    case_id, family, entry, count, rng = case_plan(seed, number)
    lines = []

    def mutate_tree(cwd):
        tree, options = mutate.Tree(cwd, family), {}
        for i in range(count):
            line = mutate.generate(rng, tree, entry)
            lines.append(line)
            options.update(mutate.apply(line, tree, random.Random(f"{case_id}/{i}")) or {})
        return options

    outcome, failures, message = oracle.trial(pensiun, family, entry, mutate_tree, limit)
    return number, f"{case_id} · {family}/{entry} · {' ; '.join(lines)}", outcome, failures, message


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=90, help="hard wall-clock budget of the stage, seconds")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--findings", default=str(oracle.REPO / ".build" / "fuzz" / "findings.md"))
    ap.add_argument("--only", type=int, help="run one case and print its verdict")
    ap.add_argument("--pensiun", default=os.environ.get("PENSIUN", str(oracle.REPO / ".build/release/pensiun")))
    a = ap.parse_args()
    pensiun = os.path.abspath(a.pensiun)
    if not os.access(pensiun, os.X_OK):
        sys.exit(f"fuzz: no pensiun executable at {pensiun} (build it, or set PENSIUN)")
    numbers = [a.only] if a.only is not None else range(a.cases)
    before, start = stage.repo_outputs(), time.monotonic()
    soft = max(a.budget - 10, a.budget * 0.85)  # stop starting cases ~10 s before the budget ends
    results, unfinished = stage.run_cases(numbers, lambda n, limit: run_case(pensiun, a.seed, n, limit),
                                          a.jobs, soft, a.budget)
    if a.only is not None:
        for r in results:
            print(r[1], "\n  outcome:", r[2], "\n  stderr:", r[4], "\n  failures:", r[3] or "none")
    header = f"Mutation fuzz of pensiun: seed {a.seed}, {a.cases} cases requested"
    sys.exit(stage.finish("fuzz", results, unfinished, time.monotonic() - start, a.budget, a.findings, header, before))


if __name__ == "__main__":
    main()
