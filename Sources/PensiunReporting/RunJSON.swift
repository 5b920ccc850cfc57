import Foundation
import PensiunEngine
import PensiunMonteCarlo
import PensiunScenario

/// `summary.json` and `manifest.json`: keys sorted, so equal runs give equal bytes.
public enum RunJSON {
    /// JSON text with sorted keys and a final line break (equal objects give equal bytes).
    /// Throws ``NonFiniteOutput`` instead of writing a number that is not finite.
    public static func encode(_ object: Any) throws -> String {
        guard JSONSerialization.isValidJSONObject(object) else { throw NonFiniteOutput(field: "a JSON file") }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A number for JSON: nil (not applicable) becomes `null`; a value that is not finite is an
    /// error, never written.
    static func number(_ v: Double?, _ field: String) throws(NonFiniteOutput) -> Any {
        guard let v else { return NSNull() }
        guard v.isFinite else { throw NonFiniteOutput(field: field, value: v) }
        return v
    }

    static func band(_ b: SummaryFigures.Band, _ field: String) throws(NonFiniteOutput) -> [String: Any] {
        ["median": try number(b.median, field), "p5": try number(b.p5, field), "p95": try number(b.p95, field)]
    }

    /// The figures across paths of the per-path summaries of the field list `F`, by key
    /// (``PathSummaryFieldList/headlines``): a band (`null` when no path has a value), the median
    /// year, or a share of paths.
    public static func headlines<F: PathSummaryFieldList>(_ summaries: [F.Summary], _: F.Type) throws(NonFiniteOutput) -> [String: Any] {
        var out: [String: Any] = [:]
        let n = Double(summaries.count)
        for field in F.allCases {
            let values = summaries.map(field.double)
            for headline in field.headlines {
                switch headline {
                case let .band(key):
                    let present = values.filter { !$0.isNaN }
                    out[key] = present.isEmpty ? NSNull() : try band(SummaryFigures.Band(present), key)
                case let .medianYear(key):
                    out[key] = Int(Quantiles.of(values, levels: [0.5])[0].rounded())
                case let .shareBelowZero(key):
                    out[key] = Double(values.filter { $0 < 0 }.count) / n
                case let .shareWithoutValue(key):
                    out[key] = Double(values.filter(\.isNaN).count) / n
                case let .share(key):
                    out[key] = Double(values.filter { $0 == 1 }.count) / n
                }
            }
        }
        return out
    }

    /// A ``DiscountBasis`` as data: the rate (`path_yields` or the fixed rate), r, g and r − g.
    static func basis(_ b: DiscountBasis?) throws(NonFiniteOutput) -> Any {
        guard let b else { return NSNull() }
        return ["rate": b.fixedRate.map { $0 as Any } ?? "path_yields", "r": try number(b.r, "discount_basis"),
                "g_nominal_gdp": try number(b.g, "discount_basis"), "r_minus_g": try number(b.gap, "discount_basis")]
    }

    /// ``SurvivorOrigins`` as data (null without a reform; a figure without a value is null):
    /// expected new survivor pensions by origin and the average survivor pensions and burden in
    /// % of GDP, by scheme and reform − current, over the reform's years.
    static func survivorOriginsJSON(_ o: SurvivorOrigins?) throws(NonFiniteOutput) -> Any {
        guard let o else { return NSNull() }
        let field = "survivors_by_origin"
        func value(_ v: Double) throws(NonFiniteOutput) -> Any { try number(v.isNaN ? nil : v, field) }
        func figures(_ f: SurvivorOrigins.Figures) throws(NonFiniteOutput) -> [String: Any] {
            ["entries_in_service": try value(f.inService), "entries_after_award": try value(f.afterAward),
             "survivor_benefits_pct_gdp": try value(f.benefitsPctGDP), "burden_pct_gdp": try value(f.burdenPctGDP)]
        }
        return ["years": [o.years.lowerBound, o.years.upperBound],
                "current": try figures(o.schemes[0]), "reform": try figures(o.schemes[1]), "difference": try figures(o.difference),
                "survivor_benefits_removed_pct_gdp": try value(o.removedPctGDP), "burden_saved_pct_gdp": try value(o.savedPctGDP),
                "sentence": o.sentence.map { $0 as Any } ?? NSNull()]
    }

    /// Mean survivors in the last year by scheme (null when not applicable).
    static func survivorsJSON(_ end: [Double]) throws(NonFiniteOutput) -> [String: Any] {
        var survivors: [String: Any] = [:]
        for scheme in Scheme.allCases {
            let v = end[scheme.rawValue]
            survivors[scheme.name] = try number(v.isNaN ? nil : v, "survivors_last_year")
        }
        return survivors
    }

    /// ``CohortRates`` as data: per cohort year, per scheme, `at_award` and `after20` (null when
    /// not applicable).
    static func cohortsJSON(_ c: CohortRates) throws(NonFiniteOutput) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for row in c.rows {
            var entry: [String: Any] = ["year": row.year]
            for scheme in Scheme.allCases {
                entry[scheme.name] = ["at_award": try number(row.atAward[scheme.rawValue], "replacement_rates_by_cohort"),
                                      "after20": try number(row.after20[scheme.rawValue], "replacement_rates_by_cohort")]
            }
            rows.append(entry)
        }
        return rows
    }

    /// ``MemberRates`` as data: per track with pay levels, per scheme, `p10_member`, `median_member`
    /// and `p90_member` on the median path and `median_member_p10_path` (null when nobody retires).
    static func membersJSON(_ m: MemberRates) throws(NonFiniteOutput) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for row in m.rows {
            var entry: [String: Any] = ["track": row.track, "pay_levels": row.levels]
            for scheme in Scheme.allCases {
                guard let r = row.rates[scheme.rawValue] else { entry[scheme.name] = NSNull(); continue }
                entry[scheme.name] = ["p10_member": try number(r.p10, "replacement_rates_by_member"),
                                      "median_member": try number(r.p50, "replacement_rates_by_member"),
                                      "p90_member": try number(r.p90, "replacement_rates_by_member"),
                                      "median_member_p10_path": try number(r.medianOnP10Path, "replacement_rates_by_member")]
            }
            rows.append(entry)
        }
        return rows
    }

    /// The printed summary as data (money in currency units, shares as fractions).
    public static func summary(_ report: RunReport) throws -> String {
        let f = report.figures
        let survivors = try survivorsJSON(SummaryFigures.survivorsAtEnd(report.statistics))
        let cohorts = try cohortsJSON(CohortRates(report.statistics))
        let members = try membersJSON(MemberRates(report.statistics, inputs: report.inputs))
        let sexes = SexRates(report.statistics, years: f.replacementYears)
        func sexPair(_ v: (female: Double?, male: Double?)) throws(NonFiniteOutput) -> [String: Any] {
            ["female": try v.female.map { v throws(NonFiniteOutput) in try number(v, "replacement_rates_by_sex") } ?? NSNull(),
             "male": try v.male.map { v throws(NonFiniteOutput) in try number(v, "replacement_rates_by_sex") } ?? NSNull()]
        }
        var bySex: [String: Any] = [:]
        for scheme in Scheme.allCases {
            bySex[scheme.name] = ["rr_basic_total": try sexPair(sexes.total[scheme.rawValue]), "rr_basic_dc": try sexPair(sexes.dc[scheme.rawValue])]
        }
        let likeForLike: [String: Any] = [
            "basis": f.likeForLikeBasis,
            "tracks": try f.likeForLike.map { t throws(NonFiniteOutput) -> [String: Any] in
                func pair(_ v: (median: Double, p10: Double)?) throws(NonFiniteOutput) -> Any {
                    guard let v else { return NSNull() }
                    return ["median": try number(v.median, "replacement_rates_like_for_like"),
                            "p10": try number(v.p10, "replacement_rates_like_for_like")]
                }
                var entry: [String: Any] = ["track": t.track]
                for scheme in Scheme.allCases {
                    let r = t.rates[scheme.rawValue]
                    entry[scheme.name] = ["rr_basic_total": try pair(r.basic), "rr_takehome_total": try pair(r.takeHome),
                                          "rr_basic_total_after20": try pair(r.after20)]
                }
                return entry
            },
        ]
        var object: [String: Any] = [
            "scenario": report.scenario.name,
            "years": [f.firstYear, f.lastYear],
            "burden_threshold_pct_gdp": try number(f.threshold, "burden_threshold_pct_gdp"),
            "burden_threshold_basis": f.thresholdIsStartLevel ? "start_year_level" : "fixed",
            "discount_basis": try basis(f.discountBasis),
            "actives_start_end": [try number(f.activesStart, "actives_start_end"), try number(f.activesEnd, "actives_start_end")],
            "dc_assets_pct_gdp_at_horizon": try band(f.dcAssetsAtHorizon, "dcAssetsAtHorizon"),
            "peak_bonds_outstanding": try number(f.peakBondsOutstanding, "peak_bonds_outstanding"),
            "peak_bonds_year": f.peakBondsOutstanding > 0 ? f.peakBondsYear as Any : NSNull(),
            "reform_start_year": report.scenario.hasReform ? report.inputs.reformStartYear as Any? ?? NSNull() : NSNull(),
            "replacement_years": [f.replacementYears.lowerBound, f.replacementYears.upperBound],
            "replacement_rates": try f.replacement.map { t throws(NonFiniteOutput) -> [String: Any] in
                func pair(_ v: (median: Double, p10: Double)?) throws(NonFiniteOutput) -> Any {
                    guard let v else { return NSNull() }
                    return ["median": try number(v.median, "replacement_rates"), "p10": try number(v.p10, "replacement_rates")]
                }
                return ["track": t.track, "db_current": try pair(t.db), "dc_reform": try pair(t.dc), "total_reform": try pair(t.total)]
            },
            "replacement_rates_like_for_like": likeForLike,
            "survivors_last_year": survivors,
            "survivors_by_origin": try survivorOriginsJSON(SurvivorOrigins(report.statistics, inputs: report.inputs,
                                                                           hasReform: report.scenario.hasReform)),
            "replacement_rates_by_cohort": cohorts,
            "replacement_rates_by_member": members,
            "replacement_rates_by_sex": bySex,
            "survivor_rights_removed": SummaryFigures.survivorRightsWords(report.inputs),
            "seed": NSNumber(value: report.metadata.seed),
            "paths": report.metadata.paths.count,
            "version": report.metadata.version,
        ]
        // The figures across paths of the per-path summaries, by ``PathSummaryField``.
        object.merge(try headlines(report.statistics.summaries, PathSummaryField.self)) { _, new in new }
        object["financing"] = try financingJSON(report)
        object["burden_by_budget"] = try BudgetShares.json(report)
        if let alpha = report.statistics.quantileAccuracy { object["statistics"] = streamed(alpha) }
        try SummaryScope.amend(&object, report)
        object["cash_flows_by_decade"] = try CashFlowDecades(report.statistics).json()
        if let start = f.payrollPctGDPStart, let end = f.payrollPctGDPEnd {
            object["payroll_pct_gdp_first_last_year"] = [try band(start, "payroll_pct_gdp"), try band(end, "payroll_pct_gdp")]
        }
        if let lf = f.labourForce {
            object["labour_force"] = ["growth_factor": try number(lf.factor, "labour_force"), "growth_first_year": try number(lf.first, "labour_force"),
                                      "growth_last_year": try number(lf.last, "labour_force")]
        }
        if !report.scenario.presentation.notes.isEmpty { object["notes"] = report.scenario.presentation.notes }
        if !report.alternatives.isEmpty { object["alternatives"] = try AlternativesTable.json(report) }
        object["r_minus_g"] = try number(f.discountBasis?.gap, "r_minus_g")
        object.merge(try BeyondHorizonReport.json(report)) { _, new in new }
        if let d = f.debt {
            object["implicit_pension_debt"] = ["pensioners": d.pensioners, "survivors": d.survivors, "actives": d.actives, "total": d.total,
                                               "basis": f.debtBasisWords, "discount_basis": try basis(f.debtBasis)]
        }
        object["calibration"] = try report.calibration.map { c throws(NonFiniteOutput) -> [String: Any] in
            var row: [String: Any] = [
                "name": c.target.name, "measure": c.target.measure.rawValue, "year": c.target.year, "model": c.model.isFinite ? c.model as Any : NSNull(),
                "target": c.target.target, "upper": c.target.upper.map { $0 as Any } ?? NSNull(),
                "tolerance": c.target.reference ? NSNull() : c.target.tolerance as Any,
                "passes": c.target.reference ? NSNull() : c.passes as Any, "source": c.target.source]
            if let base = c.target.baseYear { row["base_year"] = base }
            if c.target.reference { row["reference"] = true }
            if let note = c.target.note { row["note"] = note }
            return row
        }
        return try encode(object)
    }

    /// How a streamed run's statistics were made (written only for such a run).
    static func streamed(_ alpha: Double) -> [String: Any] {
        ["streamed": true, "means": "exact", "yearly_quantiles": "sketch",
         "yearly_quantile_relative_accuracy": alpha]
    }

    /// The manifest: version, git commit, file hashes, the resolved scenario and its `--set`
    /// overrides, seed, paths, and the execution record (threads, wall time, merged shards: the
    /// only part that differs between equal runs).
    public static func manifest(_ report: RunReport, files: [String: String], fingerprint: String,
                                inputHashes: [String: String]) throws -> String {
        let m = report.metadata
        let hashes = inputHashes
        var object: [String: Any] = [
            "pensiun_version": m.version,
            "model_version": ModelVersion.current,
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
            "fingerprint": fingerprint,
            "files": files,
            // How this folder was produced; the only part that differs between equal runs.
            "execution": ["threads": m.threads, "wall_time_seconds": (m.wallTime * 1000).rounded() / 1000,
                          "merged_from": m.mergedFrom],
        ]
        if let alpha = report.statistics.quantileAccuracy { object["statistics"] = streamed(alpha) }
        return try encode(object)
    }

    /// The SHA-256 of every file the scenario read, by the path shown in manifests.
    public static func inputHashes(_ scenario: Scenario) -> [String: String] {
        var hashes: [String: String] = [:]
        for file in [scenario.file] + scenario.files {
            if let hash = SHA256.file(atPath: file) { hashes[displayPath(file)] = hash }
        }
        return hashes
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
