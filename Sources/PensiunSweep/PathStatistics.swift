import Foundation
import PensiunEngine
import PensiunMonteCarlo
import PensiunScenario

/// A statistic across paths with its Monte Carlo standard error.
public struct EstimatedStatistic: Sendable, Equatable {
    public let value: Double
    public let standardError: Double
    /// The paths with a value (replacement rates have none in a year nobody retires).
    public let count: Int
}

/// The per-path values of sweep outputs, and statistics across paths (docs/model.md §7, §8).
public enum PathStatistics {
    /// The last-decade window of a replacement average: years max(0, H − 10) … H − 1, as in the
    /// run summary's replacement rates.
    static func decade(horizon h: Int) -> Range<Int> { max(0, h - 10)..<h }

    /// One value per path, in path order; NaN where the path has none (a replacement rate in a year
    /// nobody retires, the breakeven year of a path that never breaks even). A metric must carry
    /// its scheme.
    public static func values(_ q: Quantity, in r: ProjectionResults) -> [Double] {
        switch q.name {
        case let .summary(field):
            return r.summaries.map { summaryValue(field, $0) }
        case let .metric(metric):
            let scheme = q.scheme ?? .reform
            if let year = q.year { return Array(r.values(scheme, metric, year - r.startYear)) }
            // A replacement rate without a year: each path's mean over the last decade's values.
            let window = decade(horizon: r.horizon)
            var sums = [Double](repeating: 0, count: r.paths.count), counts = sums
            for t in window {
                for (j, x) in r.values(scheme, metric, t).enumerated() where !x.isNaN {
                    sums[j] += x
                    counts[j] += 1
                }
            }
            return zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan }
        }
    }

    static func summaryValue(_ field: SummaryField, _ s: PathSummary) -> Double {
        switch field {
        case let .value(f): return summaryValue(f, indicator: false, s)
        case let .indicator(f): return summaryValue(f, indicator: true, s)
        }
    }

    /// The per-path value of a field of the list `F` (``PathSummaryFieldList/double(_:)``: years as
    /// numbers, NaN for no value, flags 1 or 0), or of its indicator (1 when the field has a value).
    public static func summaryValue<F: PathSummaryFieldList>(_ field: F, indicator: Bool, _ s: F.Summary) -> Double {
        let x = field.double(s)
        return indicator ? (x.isNaN ? 0 : 1) : x
    }

    /// 1 on each path where `metric OP c` holds in some year (`any year`) or in every year with a
    /// value (`every year`) of the metric's years, 0 otherwise.
    public static func event(_ scheme: Scheme, _ metric: Metric, _ op: Comparison, _ c: Double, _ scope: YearScope,
                             in r: ProjectionResults) -> [Double] {
        var any = [Bool](repeating: false, count: r.paths.count)
        var all = [Bool](repeating: true, count: r.paths.count)
        for t in 0..<metric.length(horizon: r.horizon) {
            for (j, x) in r.values(scheme, metric, t).enumerated() where !x.isNaN {
                if op.holds(x, c) { any[j] = true } else { all[j] = false }
            }
        }
        return (scope == .anyYear ? any : all).map { $0 ? 1 : 0 }
    }

    /// The statistic of `e` (whose metric, if any, carries its scheme) for the run `r`.
    public static func evaluate(_ e: StatisticExpression, in r: ProjectionResults) -> EstimatedStatistic {
        guard let q = e.quantity else { preconditionFailure("a bare statistic has no quantity") }
        if let scope = e.scope, case let .metric(metric) = q.name, case let .probability(op, c) = e.statistic {
            let indicator = event(q.scheme ?? .reform, metric, op, c, scope, in: r)
            return estimate(.probability(.greater, 0.5), of: indicator)
        }
        return estimate(e.statistic, of: values(q, in: r))
    }

    /// A statistic of per-path values with its Monte Carlo standard error:
    /// - mean of the n values with one: x̄ (shifted sum, ``SampleSummary/mean(_:)``), SE s/√n;
    /// - sd: s (divisor n − 1), SE s/√(2(n − 1));
    /// - quantile q: type 7 (docs/model.md §7); SE from order statistics, (x₍ᵤ₎ − x₍ₗ₎)/2 with ranks
    ///   nq ∓ √(nq(1 − q)) (distribution-free: the interval holds the quantile with probability ≈ 68%);
    /// - P(x OP c): the share p of all paths (a path without a value does not count as meeting it),
    ///   SE √(p(1 − p)/N).
    public static func estimate(_ statistic: Statistic, of values: [Double]) -> EstimatedStatistic {
        if case let .probability(op, c) = statistic {
            let n = Double(values.count)
            guard n > 0 else { return EstimatedStatistic(value: .nan, standardError: .nan, count: 0) }
            let p = Double(values.filter { !$0.isNaN && op.holds($0, c) }.count) / n
            return EstimatedStatistic(value: p, standardError: (p * (1 - p) / n).squareRoot(), count: values.count)
        }
        let finite = values.filter { !$0.isNaN }
        let n = finite.count
        guard n > 0 else { return EstimatedStatistic(value: .nan, standardError: .nan, count: 0) }
        let mean = SampleSummary.mean(finite)
        let sd = SampleSummary.standardDeviation(finite, mean: mean)
        switch statistic {
        case .mean:
            return EstimatedStatistic(value: mean, standardError: sd / Double(n).squareRoot(), count: n)
        case .sd:
            return EstimatedStatistic(value: sd, standardError: n > 1 ? sd / (2 * Double(n - 1)).squareRoot() : .nan, count: n)
        case let .quantile(q):
            // The three order-statistic levels at once, by selection (the sorted values' quantiles, bit for bit).
            let spread = (Double(n) * q * (1 - q)).squareRoot()
            let x = Quantiles.of(finite, levels: [q, max(0, min(1, (Double(n) * q - spread) / Double(n))),
                                                  max(0, min(1, (Double(n) * q + spread) / Double(n)))])
            return EstimatedStatistic(value: x[0], standardError: (x[2] - x[1]) / 2, count: n)
        case .probability:
            preconditionFailure("handled above")
        }
    }
}
