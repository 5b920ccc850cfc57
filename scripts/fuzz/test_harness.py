#!/usr/bin/env python3
"""Checks of the fuzz harness itself (no pensiun needed): the oracle's exit rules, the output
rule, determinism of case generation, and that every mutation line parses.

    python3 scripts/fuzz/test_harness.py
"""
import random
import unittest

import fuzz
import mutate
import oracle
import replay


class ExitRules(unittest.TestCase):
    def kinds(self, code, err):
        return [c for c, _ in oracle.check_exit("run", code, err.encode())]

    def test_located_refusals_pass(self):
        self.assertEqual(self.kinds(2, "a/b.yaml:3:7: x: bad\nc.csv:2:1: y: bad\n"), [])
        self.assertEqual(self.kinds(2, "--out: names a file\n"), [])
        self.assertEqual(self.kinds(2, "warning: w\na.yaml:1:1: x\n"), [])

    def test_unlocated_refusals_fail(self):
        self.assertEqual(self.kinds(2, "a.yaml: not valid YAML: 3:4: error\n"), ["unlocated"])
        self.assertEqual(self.kinds(2, "a.csv:3: ragged row\n"), ["unlocated"])
        self.assertEqual(self.kinds(2, "a.yaml:1:1: x\n   ^\n"), ["unlocated"])
        self.assertEqual(self.kinds(2, ""), ["unlocated"])

    def test_signals_hangs_and_codes(self):
        self.assertEqual(self.kinds(-4, "Fatal error"), ["signal"])
        self.assertEqual(self.kinds(132, ""), ["signal"])
        self.assertEqual(self.kinds("timeout", ""), ["hang"])
        self.assertEqual(self.kinds(1, "internal error: x\n"), [])
        self.assertEqual(self.kinds(1, "Error: x\nUsage: y\n"), ["exit-code"])
        self.assertEqual(self.kinds(3, ""), ["exit-code"])


class OutputRule(unittest.TestCase):
    def test_values_not_words(self):
        for good in ("12.5", "about nan people", "info", "inflation"):
            self.assertIsNone(oracle.NONFINITE.match(good), good)
        for bad in ("nan", "NaN", "-inf", "Infinity", "inf%"):
            self.assertIsNotNone(oracle.NONFINITE.match(bad), bad)


class Mutations(unittest.TestCase):
    def test_every_corpus_mutation_parses_but_the_cut_ones(self):
        cases = replay.read_cases(oracle.REPO / "Tests" / "fuzz-corpus" / "fuzz-findings.md")
        self.assertEqual(len(cases), 79)
        unparsed = []
        for case_id, family, _, lines in cases:
            root, cwd = oracle.make_trial(family)
            try:
                tree = mutate.Tree(cwd, family)
                unparsed += [l for i, l in enumerate(lines)
                             if mutate.apply(l, tree, random.Random(f"{case_id}/{i}")) is None]
            finally:
                oracle.remove_trial(root)
        self.assertEqual(len(unparsed), 3, unparsed)

    def test_cases_are_deterministic(self):
        def lines(seed, number):
            case_id, family, entry, count, rng = fuzz.case_plan(seed, number)
            root, cwd = oracle.make_trial(family)
            try:
                tree = mutate.Tree(cwd, family)
                out = []
                for i in range(count):
                    out.append(mutate.generate(rng, tree, entry))
                    self.assertIsNotNone(mutate.apply(out[-1], tree, random.Random(f"{case_id}/{i}")), out[-1])
                return out
            finally:
                oracle.remove_trial(root)
        for n in range(25):
            self.assertEqual(lines(7, n), lines(7, n))


if __name__ == "__main__":
    unittest.main()
