#!/usr/bin/env python3
"""Inclusive instruction counts (Ir) per function from a callgrind output file.

    scripts/bench/callgrind-inclusive.py CALLGRIND_OUT REGEX [REGEX ...]

callgrind_annotate shows a function in one row per source file of the code inlined into it. This
adds up, per function name over all files, its own cost and the inclusive cost of every call it
makes to another function (calls to itself are not added), and prints, for each function whose
mangled name matches one of the regular expressions (re.search), its inclusive and own Ir and
the inclusive Ir of each call to it, by caller. The first line is the program's total Ir.
Used for BENCHMARKS.md, "Annuity factors' share of the engine".
"""
import collections
import re
import sys


def load(path):
    names = {}
    own = collections.Counter()
    calls = collections.Counter()  # (caller, callee) -> inclusive Ir of those calls
    fn = callee = pending = None

    def name(rest):
        # Name compression: "(id) name" defines an id, "(id)" refers to it.
        m = re.match(r"\((\d+)\)(?: (.*))?$", rest)
        if not m:
            return rest
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names[m.group(1)]

    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("fn="):
            fn = name(line[3:])
        elif line.startswith("cfn="):
            callee = name(line[4:])
        elif line.startswith("calls="):
            pending = callee
        elif line and (line[0].isdigit() or line[0] in "+-*"):
            parts = line.split()
            if len(parts) < 2:
                continue
            cost = int(parts[1])  # the first event (Ir)
            if pending is not None:
                if pending != fn:
                    calls[(fn, pending)] += cost
                pending = None
            else:
                own[fn] += cost
    return own, calls


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    own, calls = load(sys.argv[1])
    inclusive = collections.Counter(own)
    for (caller, _), cost in calls.items():
        inclusive[caller] += cost
    print(f"total Ir {sum(own.values()):,}")
    patterns = [re.compile(p) for p in sys.argv[2:]]
    for function, cost in inclusive.most_common():
        if any(p.search(function) for p in patterns):
            print(f"{cost:>15,} inclusive {own[function]:>15,} own  {function}")
            for (caller, callee), c in sorted(calls.items(), key=lambda kv: -kv[1]):
                if callee == function:
                    print(f"{'':>15} {c:>15,} from {caller}")


if __name__ == "__main__":
    main()
