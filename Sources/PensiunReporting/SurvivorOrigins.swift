import PensiunEngine
import PensiunInputs

/// Survivor pensions by origin under each scheme over the reform's years (issue 20, docs/model.md
/// §8): the new survivor pensions from deaths in service and from deaths after an award, and the
/// survivors' DB-type pensions in % of GDP, with the reform's differences and their share of the
/// burden the reform saves. From the yearly means across paths: a mean is additive over years,
/// so the expected new survivor pensions of the years are the sum of the yearly means.
public struct SurvivorOrigins: Sendable {
    /// One scheme's figures over ``years``.
    public struct Figures: Sendable {
        /// Expected new survivor pensions: Σ over the years of the mean survivor entries.
        public let inService: Double, afterAward: Double
        /// The average over the years of the mean `survivor_benefits_pct_gdp` and `burden_pct_gdp`.
        public let benefitsPctGDP: Double, burdenPctGDP: Double
    }

    /// The reform's years: from its DC year (y0 without a DC, or with a DC year before y0) to the
    /// last year of the horizon.
    public let years: ClosedRange<Int>
    /// Current scheme, reform.
    public let schemes: [Figures]

    /// The figures of a run with a reform over the years from its start y_s (nil without one, or
    /// when it starts after the horizon).
    public init?(_ statistics: RunStatistics, inputs: ProjectionInputs, hasReform: Bool) {
        guard hasReform else { return nil }
        let first = max(statistics.startYear, inputs.reformStartYear ?? statistics.startYear)
        let last = statistics.startYear + statistics.horizon - 1
        guard first <= last else { return nil }
        years = first...last
        let metrics: [Metric] = [.survivorEntriesInService, .survivorEntriesAfterAward, .survivorBenefitsPctGDP, .burdenPctGDP]
        // One pass over the yearly rows: Σ of the yearly means by (scheme, metric), NaN when a
        // year has no value.
        var sums = Array(repeating: 0.0, count: 2 * metrics.count)
        var counts = Array(repeating: 0, count: 2 * metrics.count)
        let names = metrics.map(\.name)
        for row in statistics.yearly where years.contains(row.year) {
            guard let m = names.firstIndex(of: row.metric) else { continue }
            let i = row.scheme.rawValue * metrics.count + m
            sums[i] += row.summary?.mean ?? .nan
            counts[i] += 1
        }
        let n = years.count
        func value(_ scheme: Scheme, _ m: Int, average: Bool) -> Double {
            let i = scheme.rawValue * metrics.count + m
            guard counts[i] == n else { return .nan }
            return average ? sums[i] / Double(n) : sums[i]
        }
        schemes = Scheme.allCases.map { s in
            Figures(inService: value(s, 0, average: false), afterAward: value(s, 1, average: false),
                    benefitsPctGDP: value(s, 2, average: true), burdenPctGDP: value(s, 3, average: true))
        }
    }

    /// Reform − current of each figure.
    public var difference: Figures {
        let c = schemes[0], r = schemes[1]
        return Figures(inService: r.inService - c.inService, afterAward: r.afterAward - c.afterAward,
                       benefitsPctGDP: r.benefitsPctGDP - c.benefitsPctGDP, burdenPctGDP: r.burdenPctGDP - c.burdenPctGDP)
    }

    /// The survivor pensions the reform removes, in % of GDP a year on average (current − reform).
    public var removedPctGDP: Double { -difference.benefitsPctGDP }
    /// The burden the reform saves, in % of GDP a year on average (current − reform; negative when
    /// the reform costs more).
    public var savedPctGDP: Double { -difference.burdenPctGDP }

    /// The sentence relating the two: "Survivor pensions removed account for 0.05% of the 0.10% of
    /// GDP a year saved, 2027–2093 (average of yearly means)."; nil when a figure is missing.
    public var sentence: String? {
        let removed = removedPctGDP, saved = savedPctGDP
        guard removed.isFinite, saved.isFinite else { return nil }
        let span = "\(years.lowerBound)–\(years.upperBound)"
        let removedText = Format.percent(removed, decimals: 3), savedText = Format.percent(abs(saved), decimals: 3)
        if saved > 0 {
            return "Survivor pensions removed account for \(removedText) of the \(savedText) of GDP a year saved, \(span) "
                + "(\(Format.percent(removed / saved, decimals: 0)) of the saving; averages of yearly means)."
        }
        return "The reform saves no burden on average, \(span) (it costs \(savedText) of GDP a year more); "
            + "the survivor pensions it removes amount to \(removedText) of GDP a year (averages of yearly means)."
    }
}
