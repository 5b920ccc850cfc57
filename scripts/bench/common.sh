# Shared by check.sh and update-thresholds.sh (sourced, not run).
# The benchmarks guarded by static thresholds (Benchmarks/Thresholds/): the flagship engine runs,
# the engine's annuity pricing, the batch annuity pricing and the ESG. A regular expression that
# must match a benchmark's whole name (package-benchmark's --filter).
GUARDED='engine\.flagship\..*|engine\.annuity\..*|actuarial\..*|esg\.paths.*'
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../Benchmarks" && pwd)"
# The metrics that are checked (see Suite.thresholds in PensiunBenchmarks.swift for why these):
# measuring only these also keeps the peak-memory sampler, which allocates, from running.
METRICS=(--metric mallocCountTotal --metric mallocBytesCount --metric wallClock)
