#!/usr/bin/env python3
"""Whether two run (or sweep) folders hold the same results, apart from how they were produced.

    scripts/same-run-folder.py A B [--ignore KEY ...]

The same files (by relative path), every file byte for byte except each manifest.json, and each
manifest.json equal as JSON once its top-level keys that record how the folder was produced are
dropped: "execution" (threads, wall time, merged shards) and "wall_time_seconds" always, plus any
`--ignore KEY` (check-flagship ignores "git_commit": a committed output was produced at an
earlier commit). Nested folders (a sweep's variants) are compared the same way.

Exit status 0 when the folders agree, 1 when they differ (each difference on standard error, one
line each), 2 on bad usage or a folder that does not exist. The one implementation of this check:
scripts/check-flagship.sh, scripts/test-slurm.sh and the Swift tests (PensiunTestSupport's
`RunFolders.differences`) call it.
"""
import json
import os
import sys

ALWAYS_IGNORED = ("execution", "wall_time_seconds")


def files(root):
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def manifest(path, ignored):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    for key in ignored:
        data.pop(key, None)
    return data


def differences(a, b, ignored):
    found = []
    left, right = files(a), files(b)
    for name in sorted(set(left) - set(right)):
        found.append(f"{name}: in {a} only")
    for name in sorted(set(right) - set(left)):
        found.append(f"{name}: in {b} only")
    for name in sorted(set(left) & set(right)):
        pa, pb = os.path.join(a, name), os.path.join(b, name)
        if os.path.basename(name) == "manifest.json":
            ma, mb = manifest(pa, ignored), manifest(pb, ignored)
            if ma != mb:
                keys = sorted(k for k in set(ma) | set(mb) if ma.get(k) != mb.get(k))
                found.append(f"{name}: differs beyond its execution record (keys: {', '.join(keys)})")
        else:
            with open(pa, "rb") as fa, open(pb, "rb") as fb:
                if fa.read() != fb.read():
                    found.append(f"{name}: differs")
    return found


def main(argv):
    args, ignored = [], list(ALWAYS_IGNORED)
    i = 0
    while i < len(argv):
        if argv[i] == "--ignore" and i + 1 < len(argv):
            ignored.append(argv[i + 1])
            i += 2
        elif argv[i] in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print("usage: same-run-folder.py A B [--ignore KEY ...]", file=sys.stderr)
        return 2
    for folder in args:
        if not os.path.isdir(folder):
            print(f"same-run-folder: {folder} is not a folder", file=sys.stderr)
            return 2
    found = differences(args[0], args[1], ignored)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
