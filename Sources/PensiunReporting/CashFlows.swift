import PensiunEngine
import PensiunMonteCarlo

/// The budget burden in money by decade (issue 21, item 4; docs/model.md §8 "Cash flows in
/// money"): for each decade of the horizon (y0 … y0+9, …, the last one partial), each scheme and
/// the difference reform − current, three measures:
///
///     nominal      mean over paths of Σ_decade burden_y
///     real         mean over paths of Σ_decade burden_y / P_y      (constant y0 prices, burden_real)
///     pct_gdp      mean over paths of Σ_decade burden_y / Σ_decade GDP_y
///
/// The difference is mean(reform) − mean(current), so the columns subtract exactly; its 10th and
/// 90th percentiles are those of the per-path differences (reform − current of the same measure
/// on each path), Hyndman–Fan type 7 (``Quantiles``). Per path only O(decades) numbers are kept
/// (``RunStatistics/cashFlowColumns``), so a streamed run gives the same table.
public struct CashFlowDecades: Sendable {
    /// The three measures of a decade, in file order.
    public enum Measure: Int, CaseIterable, Sendable {
        case nominal, real, pctGDP
        /// The name in `cashflows.csv` and `summary.json`.
        public var name: String {
            switch self {
            case .nominal: return "nominal"
            case .real: return "real_start_year_prices"
            case .pctGDP: return "pct_gdp"
            }
        }
    }

    /// One measure of one decade.
    public struct Cell: Sendable {
        public let current: Double, reform: Double
        /// reform − current of the means.
        public var difference: Double { reform - current }
        /// The 10th and 90th percentiles across paths of the per-path difference.
        public let differenceP10: Double, differenceP90: Double
    }

    /// One decade: its calendar years and its cells by ``Measure``.
    public struct Decade: Sendable {
        public let years: ClosedRange<Int>
        public let cells: [Cell]
        public subscript(_ m: Measure) -> Cell { cells[m.rawValue] }
    }

    public let decades: [Decade]

    /// The year indices of each decade of a horizon of `horizon` flow years: 0..<10, 10..<20, …,
    /// the last one ending at H.
    public static func decadeRanges(horizon: Int) -> [Range<Int>] {
        stride(from: 0, to: max(horizon, 0), by: 10).map { $0..<min($0 + 10, horizon) }
    }

    /// The number of per-path columns of a run of `horizon` years: (scheme, decade, measure).
    public static func columnCount(horizon: Int) -> Int { 2 * decadeRanges(horizon: horizon).count * Measure.allCases.count }

    /// The per-path columns of `r`, one per (scheme, decade, measure) in that order.
    static func columns(_ r: ProjectionResults) -> [[Double]] {
        let decades = decadeRanges(horizon: r.horizon), n = r.paths.count
        var out: [[Double]] = []
        for scheme in Scheme.allCases {
            for range in decades {
                var nominal = Array(repeating: 0.0, count: n), real = nominal, gdp = nominal
                for t in range {
                    for (k, v) in r.values(scheme, .budgetBurden, t).enumerated() { nominal[k] += v }
                    for (k, v) in r.values(scheme, .burdenReal, t).enumerated() { real[k] += v }
                    for (k, v) in r.gdp(t).enumerated() { gdp[k] += v }
                }
                out += [nominal, real, zip(nominal, gdp).map { $0 / $1 }]
            }
        }
        return out
    }

    /// The table of a run's statistics.
    public init(_ statistics: RunStatistics) {
        let ranges = Self.decadeRanges(horizon: statistics.horizon)
        let columns = statistics.cashFlowColumns, m = Measure.allCases.count
        decades = ranges.enumerated().map { d, range in
            let cells = Measure.allCases.map { measure -> Cell in
                let current = columns[(0 * ranges.count + d) * m + measure.rawValue]
                let reform = columns[(1 * ranges.count + d) * m + measure.rawValue]
                let differences = zip(reform, current).map { $0 - $1 }
                let q = differences.isEmpty || differences.contains(where: \.isNaN)
                    ? [Double.nan, .nan] : Quantiles.of(differences, levels: [0.1, 0.9])
                return Cell(current: SampleSummary.mean(current), reform: SampleSummary.mean(reform),
                            differenceP10: q[0], differenceP90: q[1])
            }
            return Decade(years: (statistics.startYear + range.lowerBound)...(statistics.startYear + range.upperBound - 1),
                          cells: cells)
        }
    }

    public static let csvHeader = "first_year,last_year,measure,current,reform,difference,difference_p10,difference_p90"

    /// `cashflows.csv`: one row per (decade, measure); numbers as in `yearly.csv` (``RunFiles/number(_:_:)``).
    public func csv() throws(NonFiniteOutput) -> String {
        var out = Self.csvHeader + "\n"
        for d in decades {
            for measure in Measure.allCases {
                let c = d[measure], field = "cashflows.csv \(d.years.lowerBound) \(measure.name)"
                var cells = ["\(d.years.lowerBound)", "\(d.years.upperBound)", measure.name]
                for v in [c.current, c.reform, c.difference, c.differenceP10, c.differenceP90] {
                    cells.append(try RunFiles.statistic(v, field))
                }
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// `cash_flows_by_decade` of `summary.json`: per decade its years and, per measure, the means
    /// of both schemes, the difference and its 10th and 90th percentiles.
    public func json() throws(NonFiniteOutput) -> [[String: Any]] {
        try decades.map { d throws(NonFiniteOutput) -> [String: Any] in
            var entry: [String: Any] = ["first_year": d.years.lowerBound, "last_year": d.years.upperBound]
            for measure in Measure.allCases {
                let c = d[measure], field = "cash_flows_by_decade \(measure.name)"
                func value(_ v: Double) throws(NonFiniteOutput) -> Any { try RunJSON.number(v.isNaN ? nil : v, field) }
                entry[measure.name] = ["current": try value(c.current), "reform": try value(c.reform),
                                       "difference": try value(c.difference),
                                       "difference_p10": try value(c.differenceP10), "difference_p90": try value(c.differenceP90)]
            }
            return entry
        }
    }

    /// The compact block of the printed summary: per decade, the nominal burden (in the scenario's
    /// unit) with its % of GDP, for both schemes and the difference (the reform's columns only
    /// with a reform).
    public static func summaryLines(_ report: RunReport) -> [String] {
        let table = CashFlowDecades(report.statistics)
        guard !table.decades.isEmpty else { return [] }
        let unit = report.scenario.presentation, hasReform = report.scenario.hasReform
        func cell(_ nominal: Double, _ share: Double) -> String {
            "\(Format.grouped(nominal / unit.unit.scale)) (\(Format.percent(share, decimals: 3)))"
        }
        let row = SummaryText.row
        var lines = ["", "Budget burden by decade (\(unit.label), and % of the decade's GDP; means over paths)"]
        for d in table.decades {
            let n = d[.nominal], g = d[.pctGDP]
            lines.append(row("  \(d.years.lowerBound)–\(d.years.upperBound)", cell(n.current, g.current),
                             hasReform ? cell(n.reform, g.reform) : "",
                             hasReform ? cell(n.difference, g.difference) : ""))
        }
        lines.append("  constant \(report.statistics.startYear) prices, percentiles and the reform's composition by year:")
        lines.append("  cashflows.csv, composition.csv")
        return lines
    }
}
