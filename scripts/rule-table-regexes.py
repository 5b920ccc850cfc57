#!/usr/bin/env python3
"""Check the rule table's formula expressions (Sources/README.md, "## The rule layer").

For each row: the expression must match in its home file and in no other Sources/**/*.swift file
of the working tree (the check Tests/PensiunEngineTests/RuleLayerSourceTests.swift makes); and, for
each commit given, how many places it finds in that commit's Sources outside the row's home file
and Sources/PensiunEngine/Rules/ (in a commit from before the engines called the rule layer, such
as c8b1b54, those are the engines' own copies of the rule, which the expression should catch).
Comments are stripped as the Swift test does (from the first // of each line). Python's `re` stands
in for Swift's Regex: keep to the syntax both read alike (no lookbehind, no possessive forms).

    scripts/rule-table-regexes.py [-v] [COMMIT ...]      -v lists what each expression found
    RULE_ROOT=/other/checkout scripts/rule-table-regexes.py   reads Sources/ there instead
"""
import os, re, subprocess, sys, pathlib

root = pathlib.Path(os.environ.get("RULE_ROOT") or subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip())

def strip(text):
    return "\n".join(line.split("//", 1)[0] for line in text.split("\n"))

def rows():
    text = (root / "Sources/README.md").read_text()
    text = text[text.index("## The rule layer") + 1:]
    out = []
    for line in text.split("\n"):
        if line.startswith("## "): break
        if not line.startswith("| ") or line.startswith("| rule") or line.startswith("|---"): continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) != 6: continue
        out.append([c.replace("`", "") for c in cells])
    return out

def sources_at(commit):
    if commit is None:
        return {str(p.relative_to(root)): strip(p.read_text()) for p in root.glob("Sources/**/*.swift")}
    names = subprocess.check_output(["git", "ls-tree", "-r", "--name-only", commit, "Sources"], text=True, cwd=root).split()
    return {n: strip(subprocess.check_output(["git", "show", f"{commit}:{n}"], text=True, cwd=root))
            for n in names if n.endswith(".swift")}

def main():
    table = rows()
    head = sources_at(None)
    failures = 0
    verbose = "-v" in sys.argv
    if verbose: sys.argv.remove("-v")
    olds = {c: sources_at(c) for c in sys.argv[1:]}
    for rule, function, home, _, _, expression in table:
        regex = re.compile(expression)
        status = []
        if not regex.search(head.get(home, "")): status.append("NOT IN HOME"); failures += 1
        others = [f for f, code in head.items() if f != home and regex.search(code)]
        if others: status.append("ALSO IN " + ", ".join(others)); failures += 1
        line = f"{'ok ' if not status else 'BAD'} {function.split('(')[0]:45}"
        for c, files in olds.items():
            sites = [(f, m.group(0)) for f, code in files.items()
                     if f != home and "/Rules/" not in f for m in regex.finditer(code)]
            line += f" {c}: {len(sites):2} sites in {len({f for f, _ in sites})} files"
            if verbose:
                for f, s in sites: line += f"\n      {f}: {s!r}"
        print(line, *status)
    print(f"{len(table)} rows, {failures} failures")
    return 1 if failures else 0

sys.exit(main())
