import Foundation
import PensiunEngine
import PensiunScenario

/// A deterministic alternative of a run (`reporting.alternatives`, docs/model.md §8): the
/// scenario with the alternative's overrides on its one deterministic path (every σ zero, no
/// process risk), both schemes. The base case (``ScenarioAlternative/base``) comes first.
public struct RunAlternative: Sendable {
    public let alternative: ScenarioAlternative
    /// The one path's results (path 0 of the run's seed).
    public let results: ProjectionResults

    public init(alternative: ScenarioAlternative, results: ProjectionResults) {
        self.alternative = alternative
        self.results = results
    }

    public var name: String { alternative.name }
    /// The per-path summary of the one path: the alternative's headline figures.
    public var summary: PathSummary { results.summaries[0] }

    /// The yearly quantities `alternatives.csv` gives for each scheme, in order (the transition
    /// cost for the reform only, as in `yearly.csv`).
    public static func yearlyMetrics(_ scheme: Scheme) -> [Metric] {
        scheme == .current ? [.budgetBurden, .burdenPctGDP] : [.budgetBurden, .burdenPctGDP, .transitionCostPctGDP]
    }
}

/// `alternatives.csv` and the `alternatives` of `summary.json`.
public enum AlternativesTable {
    public static let header = "alternative,scheme,year,metric,value"

    /// `alternative,scheme,year,metric,value`: per alternative (base first), its headline figures
    /// (the per-path fields of `paths.csv`: scheme and year empty) and then, per scheme, the
    /// yearly quantities of ``RunAlternative/yearlyMetrics(_:)`` year by year. Numbers as
    /// `yearly.csv` writes them; a value that is not applicable (no breakeven year, a ratio of
    /// nothing) is an empty cell.
    public static func csv(_ report: RunReport) throws(NonFiniteOutput) -> String {
        var out = header + "\n"
        for a in report.alternatives {
            let s = a.summary
            for f in PathSummaryField.allCases {
                out += "\(a.name),,,\(f.name),\(try RunFiles.cell(s, f, "alternatives.csv \(a.name) \(f.name)"))\n"
            }
            let r = a.results
            for scheme in Scheme.allCases {
                for metric in RunAlternative.yearlyMetrics(scheme) {
                    for t in 0..<metric.length(horizon: r.horizon) {
                        let v = r.values(scheme, metric, t).first ?? .nan
                        out += "\(a.name),\(scheme.name),\(r.startYear + t),\(metric.name),"
                            + "\(try RunFiles.statistic(v, "alternatives.csv \(a.name) \(metric.name)"))\n"
                    }
                }
            }
        }
        return out
    }

    /// The `alternatives` of `summary.json`: per alternative (base first) its name, description,
    /// `set` (key path → value as written) and headline figures by ``PathSummaryField`` name
    /// (money in currency units, shares as fractions, years, flags as true/false; `null` when not
    /// applicable).
    static func json(_ report: RunReport) throws(NonFiniteOutput) -> [[String: Any]] {
        try report.alternatives.map { a throws(NonFiniteOutput) -> [String: Any] in
            var object: [String: Any] = [
                "name": a.name, "description": a.alternative.description,
                "set": Dictionary(a.alternative.overrides.map { ($0.key, RunJSON.tree($0.value)) }, uniquingKeysWith: { _, b in b }),
            ]
            let s = a.summary
            for f in PathSummaryField.allCases {
                switch f.access {
                case let .currency(k), let .ratio(k): object[f.name] = try RunJSON.number(s[keyPath: k], "alternatives \(a.name) \(f.name)")
                case let .year(k): object[f.name] = s[keyPath: k]
                case let .optionalYear(k): object[f.name] = s[keyPath: k].map { $0 as Any } ?? NSNull()
                case let .flag(k): object[f.name] = s[keyPath: k]
                }
            }
            return object
        }
    }
}
