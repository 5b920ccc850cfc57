import PensiunEngine
import PensiunMonteCarlo
import PensiunReporting
import PensiunScenario

/// The rows of `results.csv` for one variant: `variant,scheme,metric,year,stat,value`.
public enum SweepRows {
    public static let header = "variant,scheme,metric,year,stat,value"

    /// Every row of one variant, in this order: the metrics (file order; per scheme; per year),
    /// then the summaries (file order; replacement averages per scheme), each with every bare
    /// statistic in file order; then each named statistic of `outputs.statistics` (per scheme when
    /// it names a metric without one).
    public static func rows(variant: Int, outputs: SweepOutputs, results r: ProjectionResults) throws(NonFiniteOutput) -> String {
        var out = ""
        let stats = outputs.statistics.map(\.statistic)
        func emit(scheme: Scheme?, metric: String, year: Int?, values: [Double]) throws(NonFiniteOutput) {
            let prefix = "\(variant),\(scheme?.name ?? ""),\(metric),\(year.map(String.init) ?? ""),"
            for (statistic, value) in zip(outputs.statistics, evaluate(stats, of: values)) {
                out += prefix + statistic.label + "," + (try RunFiles.statistic(value, "\(metric) \(statistic.label)")) + "\n"
            }
        }
        func schemes(for metric: Metric) -> [Scheme] {
            outputs.schemes.filter { !($0 == .current && metric.isReformOnly) }
        }
        for (metric, years) in outputs.metrics {
            for scheme in schemes(for: metric) {
                for year in years {
                    try emit(scheme: scheme, metric: metric.name, year: year, values: Array(r.values(scheme, metric, year - r.startYear)))
                }
            }
        }
        for q in outputs.summaries {
            switch q.name {
            case .summary:
                try emit(scheme: nil, metric: q.fileName, year: nil, values: PathStatistics.values(q, in: r))
            case let .metric(metric):
                for scheme in schemes(for: metric) {
                    try emit(scheme: scheme, metric: q.fileName, year: nil, values: PathStatistics.values(q.defaulting(to: scheme), in: r))
                }
            }
        }
        for e in outputs.expressions {
            guard let q = e.quantity else { continue }
            var targets: [(Scheme?, StatisticExpression)] = []
            switch q.name {
            case .summary: targets = [(nil, e)]
            case let .metric(metric):
                targets = q.scheme.map { [($0, e)] } ?? schemes(for: metric).map { ($0, e.defaulting(to: $0)) }
            }
            for (scheme, resolved) in targets {
                let value = PathStatistics.evaluate(resolved, in: r).value
                out += "\(variant),\(scheme?.name ?? ""),\(q.fileName),\(q.year.map(String.init) ?? ""),\(e.label),\(try RunFiles.statistic(value, e.label))\n"
            }
        }
        return out
    }

    /// Several statistics of one set of per-path values: means, sd and quantiles over the paths with
    /// a value, probabilities over all paths. The quantiles are found together by selection
    /// (``Quantiles/of(_:levels:)``: the sorted values' type-7 quantiles, bit for bit, without a sort).
    static func evaluate(_ statistics: [Statistic], of values: [Double]) -> [Double] {
        let finite = values.filter { !$0.isNaN }
        let levels = statistics.compactMap { statistic -> Double? in
            if case let .quantile(q) = statistic { q } else { nil }
        }
        let quantiles = levels.isEmpty ? [] : Quantiles.of(finite, levels: levels)
        var nextQuantile = 0
        let n = finite.count
        let mean = n > 0 ? SampleSummary.mean(finite) : .nan
        return statistics.map { statistic in
            switch statistic {
            case .mean: return mean
            case .sd:
                return n > 0 ? SampleSummary.standardDeviation(finite, mean: mean) : .nan
            case .quantile:
                defer { nextQuantile += 1 }
                return quantiles[nextQuantile]
            case let .probability(op, c):
                guard !values.isEmpty else { return .nan }
                return Double(finite.filter { op.holds($0, c) }.count) / Double(values.count)
            }
        }
    }
}
