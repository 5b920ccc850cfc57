#!/usr/bin/env python3
"""Tabulates the flagship's one-at-a-time assumption study (docs/assumptions.md).

    scripts/assumption-table.py DIR

DIR holds one sweep folder per assumption (scripts/assumption-study.sh writes them): each a grid
over one parameter whose values include the flagship's own (the base). Writes DIR/effects.csv,
one row per value of every assumption,

    assumption,parameter,value,base,statistic,pv_current,pv_reform,pv_difference,
    d_pv_difference,peak_current,peak_reform,d_peak_current,d_peak_reform

(present values in Rp trillion at the start of 2019, discounted at each path's own SBN yields;
peak burdens in % of GDP; `d_` columns the change against the base value of the same sweep, on
common random numbers; statistic p50: the median across paths of each per-path summary), and
DIR/effects.md, the same as a markdown table (docs/assumptions.md holds a copy, checked by
AssumptionStudyTests). The flagship's own value is the middle one of three, the second of two (the
convention of the sweep files).
"""
import csv
import json
import os
import sys

STAT = "p50"
SUMMARIES = {
    "pv_burden_current": ("pv_current", 1e-12),
    "pv_burden_reform": ("pv_reform", 1e-12),
    "pv_difference": ("pv_difference", 1e-12),
    "peak_burden_pct_gdp_current": ("peak_current", 100.0),
    "peak_burden_pct_gdp_reform": ("peak_reform", 100.0),
}


def base_index(count):
    """The flagship's value is the middle of three values, the second of two (the sweep files'
    convention, stated in each file)."""
    return 1 if count in (2, 3) else None


def study(folder):
    with open(os.path.join(folder, "variants.csv")) as f:
        rows = list(csv.reader(f))
    parameter = rows[0][1]
    values = {int(r[0]): r[1] for r in rows[1:]}
    results = {}
    with open(os.path.join(folder, "results.csv")) as f:
        for r in csv.DictReader(f):
            if r["stat"] == STAT and r["metric"] in SUMMARIES and r["value"] != "":
                column, scale = SUMMARIES[r["metric"]]
                results.setdefault(int(r["variant"]), {})[column] = float(r["value"]) * scale
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    return parameter, values, results, manifest


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    root = sys.argv[1]
    out = []
    # The study's own folders: one per sweep file of Scenarios/sweeps/assumptions/.
    files = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Scenarios", "sweeps", "assumptions")
    for name in sorted(f[:-5] for f in os.listdir(files) if f.endswith(".yaml")):
        folder = os.path.join(root, name)
        if not os.path.isfile(os.path.join(folder, "results.csv")):
            print(f"assumption-table: {folder}/results.csv is missing (run scripts/assumption-study.sh)", file=sys.stderr)
            sys.exit(2)
        parameter, values, results, manifest = study(folder)
        ids = sorted(values)
        if base_index(len(ids)) is None:
            print(f"assumption-table: {folder}: expected 2 or 3 variants (down, base, up), got {len(ids)}", file=sys.stderr)
            sys.exit(2)
        b = ids[base_index(len(ids))]
        for v in ids:
            r, base = results[v], results[b]
            out.append({
                "assumption": name.removeprefix("assumption-"), "parameter": parameter, "value": values[v],
                "base": values[b], "statistic": STAT, "paths": manifest.get("paths"),
                **{k: r[k] for k in ("pv_current", "pv_reform", "pv_difference", "peak_current", "peak_reform")},
                "d_pv_difference": r["pv_difference"] - base["pv_difference"],
                "d_peak_current": r["peak_current"] - base["peak_current"],
                "d_peak_reform": r["peak_reform"] - base["peak_reform"],
            })
    columns = ["assumption", "parameter", "value", "base", "statistic", "paths", "pv_current", "pv_reform",
               "pv_difference", "d_pv_difference", "peak_current", "peak_reform", "d_peak_current", "d_peak_reform"]
    with open(os.path.join(root, "effects.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for row in out:
            w.writerow({k: (f"{row[k]:.6g}" if isinstance(row[k], float) else row[k]) for k in columns})
    def shown(value):
        try:
            x = float(value)
        except ValueError:
            return value
        return f"{x:,.0f}" if abs(x) >= 1 else f"{x * 100:g}%"

    def signed(x, digits):
        text = f"{x:+,.{digits}f}"
        return text[1:] if float(text.replace(",", "")) == 0 else text

    lines = ["| assumption | value | PV current | PV reform | PV difference | Δ PV difference | peak current | peak reform | Δ peak current (pp) | Δ peak reform (pp) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in out:
        base = row["value"] == row["base"]
        value = f"**{shown(row['value'])}** (base)" if base else shown(row["value"])
        delta = (lambda x, d: "" if base else signed(x, d))
        lines.append(f"| {row['assumption']} | {value} | {row['pv_current']:,.0f} | {row['pv_reform']:,.0f} | "
                     f"{signed(row['pv_difference'], 0)} | {delta(row['d_pv_difference'], 0)} | "
                     f"{row['peak_current']:.3f}% | {row['peak_reform']:.3f}% | "
                     f"{delta(row['d_peak_current'], 3)} | {delta(row['d_peak_reform'], 3)} |")
    with open(os.path.join(root, "effects.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
