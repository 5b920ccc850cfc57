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
    # The one "same run folder apart from the execution record" check (scripts/same-run-folder.py).
    if [ ! -d "$fresh/$name" ]; then echo "check-flagship: $name is not produced any more" >&2; status=1; continue; fi
    if ! scripts/same-run-folder.py "$dir" "$fresh/$name" --ignore git_commit 2> >(sed "s|^|check-flagship: $name/|" >&2); then
        echo "check-flagship: $name differs from a fresh run (regenerate with make run)" >&2; status=1
    fi
done
for dir in "$fresh"/*/; do
    name="$(basename "$dir")"
    [ -d "Outputs/indonesia-asn-2019/$name" ] || { echo "check-flagship: $name is not committed (run make run)" >&2; status=1; }
done
if [ $status -eq 0 ]; then echo "check-flagship: the committed flagship outputs are reproduced"; fi
exit $status
