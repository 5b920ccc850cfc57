import Foundation
import PensiunEngine

/// "Where the change in spending comes from" (issue 21, docs/model.md Part II): the LMDI-I split of
/// the change in burden / GDP since y0 (``SpendingDecomposition``, the `spending_change_*` metrics)
/// at the horizon's mid-point and last year, per scheme, as means over paths. A mean is additive,
/// so the four mean effects add up to the mean change, mean burden_pct_gdp(y) − mean
/// burden_pct_gdp(y0), to rounding, whenever the split applies on every path (otherwise the year's
/// figures are not applicable).
public struct SpendingChange: Sendable {
    /// The factors, in the order of ``Metric/spendingChange``, as the summaries name them.
    public static let factorLabels = [
        "dependency (beneficiaries/actives)", "benefit ratio (DB benefit/pay)", "payroll share (payroll/GDP)",
        "other flows (burden/DB benefits)",
    ]
    /// The keys of the factors in `summary.json`.
    public static let factorKeys = ["dependency", "benefit_ratio", "payroll_share", "other"]

    /// One scheme's figures in one year.
    public struct Figures: Sendable, Equatable {
        /// Mean burden / GDP in y0 and in the year.
        public let start: Double, end: Double
        /// The mean effect of each factor (``factorLabels`` order), in shares of GDP.
        public let effects: [Double]
        /// end − start, which the effects add up to.
        public var change: Double { end - start }
    }

    public struct Year: Sendable {
        public let year: Int
        /// Per scheme (current, reform): nil when the split does not apply on every path.
        public let schemes: [Figures?]
    }

    public let startYear: Int
    public let years: [Year]

    /// The figures at the mid-point y0 + ⌊(H−1)/2⌋ and the last year y0+H−1 (one year when they
    /// coincide); nil for a horizon of one year (no change to split).
    public init?(_ r: RunStatistics) {
        guard r.horizon > 1 else { return nil }
        let y0 = r.startYear, last = y0 + r.horizon - 1, mid = y0 + (r.horizon - 1) / 2
        startYear = y0
        let n = r.paths.count
        years = Array(Set([mid, last])).sorted().map { year in
            Year(year: year, schemes: Scheme.allCases.map { scheme -> Figures? in
                guard let start = r.summary(scheme, .burdenPctGDP, year: y0), let end = r.summary(scheme, .burdenPctGDP, year: year),
                      start.count == n, end.count == n else { return nil }
                let effects = Metric.spendingChange.map { r.summary(scheme, $0, year: year) }
                guard effects.allSatisfy({ $0?.count == n }) else { return nil }
                return Figures(start: start.mean, end: end.mean, effects: effects.map { $0!.mean })
            })
        }
    }

    /// The block's lines for the printed summary and `summary.md`, in the summary's columns
    /// (`row(label, current, reform, difference)`).
    func lines(hasReform: Bool, row: (String, String, String, String) -> String) -> [String] {
        func pp(_ v: Double) -> String { v.isFinite ? Format.signed(Format.grouped(v * 100, decimals: 3)) + " pp" : "n/a" }
        var out = ["", "Where the change in spending comes from: burden / GDP since \(startYear), mean over paths"]
        for y in years {
            let c = y.schemes[0], r = hasReform ? y.schemes[1] : nil
            func cells(_ value: (Figures) -> Double) -> (String, String, String) {
                let a = c.map(value), b = r.map(value)
                return (a.map(pp) ?? "n/a", hasReform ? (b.map(pp) ?? "n/a") : "",
                        hasReform ? (a.flatMap { a in b.map { pp($0 - a) } } ?? "n/a") : "")
            }
            func level(_ f: Figures?) -> String { f.map { "\(Format.percent($0.start)) → \(Format.percent($0.end))" } ?? "n/a" }
            out.append(row("  \(startYear) → \(y.year): burden / GDP", level(c), hasReform ? level(r) : "", ""))
            let change = cells(\.change)
            out.append(row("    change", change.0, change.1, change.2))
            for (i, label) in Self.factorLabels.enumerated() {
                let e = cells { $0.effects[i] }
                out.append(row("    " + label, e.0, e.1, e.2))
            }
        }
        out += SummaryText.wrap(Self.method, first: "  ", indent: "  ")
        return out
    }

    /// The sentence under the block (and the report's caption).
    static let method = "log-mean Divisia (LMDI-I) split of burden/GDP = beneficiaries/actives × average DB benefit/average "
        + "pay × payroll/GDP × burden/DB benefits; beneficiaries: pensioners, disabled and survivors at the start "
        + "of the year. The four effects add up to the change exactly; so do their means over paths."

    /// The block as a `report.html` table: per year, the change and each effect, per scheme and
    /// reform − current.
    func html(hasReform: Bool) -> String {
        func pp(_ v: Double) -> String { v.isFinite ? Format.signed(Format.grouped(v * 100, decimals: 3)) + " pp of GDP" : "n/a" }
        var rows: [HTMLReport.Row] = []
        for y in years {
            let c = y.schemes[0], r = hasReform ? y.schemes[1] : nil
            func cells(_ value: (Figures) -> Double) -> [String] {
                let a = c.map(value), b = r.map(value)
                guard hasReform else { return [a.map(pp) ?? "n/a"] }
                return [a.map(pp) ?? "n/a", b.map(pp) ?? "n/a", a.flatMap { a in b.map { pp($0 - a) } } ?? "n/a"]
            }
            rows.append(HTMLReport.Row(label: "Change in burden / GDP, \(startYear) → \(y.year)", cells: cells(\.change)))
            for (i, label) in Self.factorLabels.enumerated() {
                rows.append(HTMLReport.Row(label: label, cells: cells { $0.effects[i] }, sub: true))
            }
        }
        let header = hasReform ? ["", "Current scheme", "Reform", "Reform − current"] : ["", "Current scheme"]
        return HTMLReport.table(header: header, rows: rows, caption: "Where the change in spending comes from, mean over paths: "
                                + Self.method + " yearly.csv has every year (spending_change_*).")
    }

    /// The block as data for `summary.json` (`spending_change`): per year, per scheme, the mean
    /// burden / GDP in y0 and in the year, the change and each factor's effect (null when not
    /// applicable).
    func json(hasReform: Bool) throws(NonFiniteOutput) -> [String: Any] {
        func value(_ v: Double) throws(NonFiniteOutput) -> Any { try RunJSON.number(v, "spending_change") }
        var rows: [[String: Any]] = []
        for y in years {
            var entry: [String: Any] = ["year": y.year]
            for scheme in Scheme.allCases {
                guard hasReform || scheme == .current, let f = y.schemes[scheme.rawValue] else { entry[scheme.name] = NSNull(); continue }
                var effects: [String: Any] = [:]
                for (key, e) in zip(Self.factorKeys, f.effects) { effects[key] = try value(e) }
                entry[scheme.name] = ["burden_pct_gdp_start": try value(f.start), "burden_pct_gdp": try value(f.end),
                                      "change": try value(f.change), "effects": effects]
            }
            rows.append(entry)
        }
        return ["start_year": startYear, "method": "LMDI-I", "years": rows,
                "beneficiaries": "pensioners, disabled and survivors at the start of the year"]
    }
}
