import Foundation
import PensiunEngine
import PensiunScenario

/// `summary.json` and `manifest.json`: keys sorted, so equal runs give equal bytes.
public enum RunJSON {
    /// JSON text with sorted keys and a final line break (equal objects give equal bytes).
    public static func encode(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func number(_ v: Double) -> Any { v.isFinite ? v : NSNull() }

    static func band(_ b: SummaryFigures.Band) -> [String: Any] {
        ["median": number(b.median), "p5": number(b.p5), "p95": number(b.p95)]
    }

    /// The printed summary as data (money in currency units, shares as fractions).
    public static func summary(_ report: RunReport) -> String {
        let f = report.figures
        var object: [String: Any] = [
            "scenario": report.scenario.name,
            "years": [f.firstYear, f.lastYear],
            "pv_burden_current": band(f.pvCurrent),
            "pv_burden_reform": band(f.pvReform),
            "pv_difference": band(f.pvDifference),
            "probability_reform_cheaper": f.probabilityReformCheaper,
            "peak_burden_pct_gdp_current": band(f.peakBurdenCurrent),
            "peak_burden_year_current": f.peakBurdenYearCurrent,
            "peak_burden_pct_gdp_reform": band(f.peakBurdenReform),
            "peak_burden_year_reform": f.peakBurdenYearReform,
            "peak_transition_cost_pct_gdp": band(f.peakTransitionCost),
            "peak_transition_cost_year": f.peakTransitionYear,
            "breakeven_year": f.breakeven.map(band) ?? NSNull(),
            "share_never_breaking_even": f.shareNeverBreakingEven,
            "burden_threshold_pct_gdp": f.threshold,
            "probability_above_threshold_current": f.probabilityAboveThresholdCurrent,
            "probability_above_threshold_reform": f.probabilityAboveThresholdReform,
            "dc_assets_pct_gdp_at_horizon": band(f.dcAssetsAtHorizon),
            "pv_guarantee_topups": band(f.pvGuaranteeTopups),
            "pv_bond_redemptions": band(f.pvBondRedemptions),
            "peak_bonds_outstanding": number(f.peakBondsOutstanding),
            "peak_bonds_year": f.peakBondsYear,
            "replacement_years": [f.replacementYears.lowerBound, f.replacementYears.upperBound],
            "replacement_rates": f.replacement.map { t -> [String: Any] in
                func pair(_ v: (median: Double, p10: Double)?) -> Any {
                    guard let v else { return NSNull() }
                    return ["median": number(v.median), "p10": number(v.p10)]
                }
                return ["track": t.track, "db_current": pair(t.db), "dc_reform": pair(t.dc), "total_reform": pair(t.total)]
            },
            "seed": NSNumber(value: report.metadata.seed),
            "paths": report.metadata.paths.count,
            "version": report.metadata.version,
        ]
        if let d = f.debt {
            object["implicit_pension_debt"] = ["pensioners": d.pensioners, "survivors": d.survivors, "actives": d.actives, "total": d.total]
        }
        object["calibration"] = report.calibration.map { c -> [String: Any] in
            ["name": c.target.name, "measure": c.target.measure.rawValue, "year": c.target.year, "model": number(c.model),
             "target": c.target.target, "upper": c.target.upper.map { $0 as Any } ?? NSNull(),
             "tolerance": c.target.tolerance, "passes": c.passes, "source": c.target.source]
        }
        return encode(object)
    }

    /// The manifest: version, git commit, file hashes, the resolved scenario and its `--set`
    /// overrides, seed, paths, and the execution record (threads, wall time, merged shards: the
    /// only part that differs between equal runs).
    public static func manifest(_ report: RunReport) -> String {
        let m = report.metadata
        var hashes: [String: String] = [:]
        for file in [report.scenario.file] + report.scenario.files {
            if let hash = SHA256.file(atPath: file) { hashes[displayPath(file)] = hash }
        }
        let object: [String: Any] = [
            "pensiun_version": m.version,
            "git_commit": m.gitCommit ?? NSNull(),
            "scenario": report.scenario.name,
            "scenario_file": report.scenario.file,
            "file_sha256": hashes,
            "resolved_scenario": tree(report.scenario.tree),
            "defaults": Dictionary(report.scenario.defaults.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
            "warnings": report.scenario.warnings,
            "overrides": m.overrides,
            "seed": NSNumber(value: m.seed),
            "paths": ["from": m.paths.lowerBound, "to": m.paths.upperBound, "total": m.totalPaths],
            "generator": report.inputs.calendar.generator.rawValue,
            // How this folder was produced; the only part that differs between equal runs.
            "execution": ["threads": m.threads, "wall_time_seconds": (m.wallTime * 1000).rounded() / 1000,
                          "merged_from": m.mergedFrom],
        ]
        return encode(object)
    }

    /// The composed scenario as JSON: mappings, lists and scalars (as written).
    static func tree(_ node: ScenarioNode) -> Any {
        switch node {
        case let .scalar(text, _): return text
        case let .sequence(items, _): return items.map(tree)
        case let .mapping(entries, _): return Dictionary(entries.map { ($0.key, tree($0.value)) }, uniquingKeysWith: { _, b in b })
        }
    }
}
