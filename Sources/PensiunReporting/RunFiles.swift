import Foundation
import PensiunEngine
import PensiunMonteCarlo

/// The tidy files of a run folder: `yearly.csv`, `paths.csv`.
public enum RunFiles {
    /// Numbers in files: Swift's shortest round-trip form (identical text for identical values).
    public static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }

    public static let yearlyHeader = "scheme,year,metric,mean,p5,p25,p50,p75,p95"

    /// `scheme,year,metric,mean,p5,p25,p50,p75,p95`, one row per (scheme, metric, year); empty
    /// statistics when no path has a value.
    public static func yearly(_ report: RunReport) -> String {
        var out = yearlyHeader + "\n"
        for row in report.yearly {
            out += "\(row.scheme.name),\(row.year),\(row.metric),"
            if let s = row.summary {
                out += [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95].map(number).joined(separator: ",")
            } else {
                out += ",,,,,"
            }
            out += "\n"
        }
        return out
    }

    public static let pathsHeader = "path,pv_burden_current,pv_burden_reform,pv_difference,peak_burden_pct_gdp_current,peak_burden_year_current,peak_burden_pct_gdp_reform,peak_burden_year_reform,peak_transition_cost_pct_gdp,peak_transition_cost_year,breakeven_year,exceeds_threshold_current,exceeds_threshold_reform,pv_guarantee_topups,pv_bond_redemptions"

    /// One row per path with the per-path summaries (MODEL.md §8).
    public static func paths(_ report: RunReport) -> String {
        var out = pathsHeader + "\n"
        for s in report.results.summaries {
            let fields: [String] = [
                "\(s.path)", number(s.pvBurdenCurrent), number(s.pvBurdenReform), number(s.pvDifference),
                number(s.peakBurdenPctGDPCurrent), "\(s.peakBurdenYearCurrent)", number(s.peakBurdenPctGDPReform),
                "\(s.peakBurdenYearReform)", number(s.peakTransitionCostPctGDP), "\(s.peakTransitionCostYear)",
                s.breakevenYear.map(String.init) ?? "", s.exceedsThresholdCurrent ? "1" : "0",
                s.exceedsThresholdReform ? "1" : "0", number(s.pvGuaranteeTopups), number(s.pvBondRedemptions),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
