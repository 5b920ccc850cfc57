#!/usr/bin/env bash
# Checks that a fresh run of the flagship reproduces the committed outputs in
# Outputs/indonesia-asn-2019/, byte for byte apart from the manifest's execution record and git
# commit (which differ between runs by nature). Any change in the numbers fails here, so it shows
# up in review: regenerate with `make run` and commit the new outputs with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
scripts/run-flagship.sh "$fresh" --quiet
status=0
for dir in Outputs/indonesia-asn-2019/*/; do
    name="$(basename "$dir")"
    for file in "$dir"*; do
        base="$(basename "$file")"
        other="$fresh/$name/$base"
        if [ ! -f "$other" ]; then echo "check-flagship: $name/$base is not produced any more" >&2; status=1; continue; fi
        if [ "$base" = manifest.json ]; then
            strip='import json,sys; m=json.load(open(sys.argv[1])); m.pop("execution",None); m.pop("git_commit",None); print(json.dumps(m,sort_keys=True))'
            if [ "$(python3 -c "$strip" "$file")" != "$(python3 -c "$strip" "$other")" ]; then
                echo "check-flagship: $name/manifest.json differs beyond its execution record" >&2; status=1
            fi
        elif ! cmp -s "$file" "$other"; then
            echo "check-flagship: $name/$base differs from a fresh run (regenerate with make run)" >&2; status=1
        fi
    done
done
for dir in "$fresh"/*/; do
    name="$(basename "$dir")"
    [ -d "Outputs/indonesia-asn-2019/$name" ] || { echo "check-flagship: $name is not committed (run make run)" >&2; status=1; }
done
if [ $status -eq 0 ]; then echo "check-flagship: the committed flagship outputs are reproduced"; fi
exit $status
