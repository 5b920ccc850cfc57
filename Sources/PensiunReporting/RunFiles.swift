import Foundation
import PensiunEngine
import PensiunMonteCarlo

/// The tidy files of a run folder: `yearly.csv`, `paths.csv`.
public enum RunFiles {
    /// Numbers in files: Swift's shortest round-trip form (identical text for identical values);
    /// nil (not applicable) is an empty cell; a value that is not finite is an error, never written.
    public static func number(_ v: Double?, _ field: String) throws(NonFiniteOutput) -> String {
        guard let v else { return "" }
        guard v.isFinite else { throw NonFiniteOutput(field: field, value: v) }
        return "\(v)"
    }

    /// A statistic across paths in files: NaN is a statistic over no values (not applicable, an
    /// empty cell); an infinity is an error, never written.
    public static func statistic(_ v: Double, _ field: String) throws(NonFiniteOutput) -> String {
        try number(v.isNaN ? nil : v, field)
    }

    public static let yearlyHeader = "scheme,year,metric,mean,p5,p25,p50,p75,p95"

    /// `scheme,year,metric,mean,p5,p25,p50,p75,p95`, one row per (scheme, metric, year); empty
    /// statistics when no path has a value.
    public static func yearly(_ report: RunReport) throws(NonFiniteOutput) -> String {
        var out = yearlyHeader + "\n"
        for row in report.yearly {
            out += "\(row.scheme.name),\(row.year),\(row.metric),"
            if let s = row.summary {
                var cells: [String] = []
                for v in [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] { cells.append(try number(v, "yearly.csv \(row.metric)")) }
                out += cells.joined(separator: ",")
            } else {
                out += ",,,,,"
            }
            out += "\n"
        }
        return out
    }

    public static let pathsHeader = "path,pv_burden_current,pv_burden_reform,pv_difference,peak_burden_pct_gdp_current,peak_burden_year_current,peak_burden_pct_gdp_reform,peak_burden_year_reform,peak_transition_cost_pct_gdp,peak_transition_cost_year,breakeven_year,exceeds_threshold_current,exceeds_threshold_reform,pv_guarantee_topups,pv_bond_redemptions"

    /// One row per path with the per-path summaries (docs/model.md §8).
    public static func paths(_ report: RunReport) throws(NonFiniteOutput) -> String {
        var out = pathsHeader + "\n"
        for s in report.results.summaries {
            func n(_ v: Double) throws(NonFiniteOutput) -> String { try number(v, "paths.csv path \(s.path)") }
            let fields: [String] = [
                "\(s.path)", try n(s.pvBurdenCurrent), try n(s.pvBurdenReform), try n(s.pvDifference),
                try n(s.peakBurdenPctGDPCurrent), "\(s.peakBurdenYearCurrent)", try n(s.peakBurdenPctGDPReform),
                "\(s.peakBurdenYearReform)", try n(s.peakTransitionCostPctGDP), "\(s.peakTransitionCostYear)",
                s.breakevenYear.map(String.init) ?? "", s.exceedsThresholdCurrent ? "1" : "0",
                s.exceedsThresholdReform ? "1" : "0", try n(s.pvGuaranteeTopups), try n(s.pvBondRedemptions),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
