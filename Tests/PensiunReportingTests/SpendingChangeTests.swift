import Foundation
import PensiunEngine
import PensiunScenario
import Testing
@testable import PensiunReporting

/// Where the change in spending comes from (issue 21, item 8): the flagship's deterministic path
/// splits exactly, and the summary's block adds up; the scope line and the not-applicable rows
/// (item 3).
@Suite struct SpendingChangeTests {
    static func flagship(_ file: String) throws -> Scenario {
        try ScenarioLoader.load(path: Fixture.packageRoot.appendingPathComponent("Scenarios/indonesia-asn-2019/\(file)").path)
    }

    @Test("The flagship's deterministic path: the effects add up to burden_pct_gdp(t) − burden_pct_gdp(y0) within 1e-15",
          arguments: ["baseline.yaml", "reform-dc-new-entrants-2027.yaml"])
    func flagshipDeterministicPathAddsUp(file: String) throws {
        let inputs = try #require(try Self.flagship(file).projection)
        let det = try MonteCarloProjection(inputs: inputs).deterministic()
        for result in [det.current, det.reform] {
            let v0 = result[.burdenPctGDP, 0]
            for t in 0..<inputs.calendar.horizon {
                let v = result[.burdenPctGDP, t]
                let effects = Metric.spendingChange.map { result[$0, t] }
                #expect(effects.allSatisfy { $0.isFinite })
                #expect(abs(effects.reduce(0, +) - (v - v0)) <= 1e-15 * max(abs(v), abs(v0)), "\(file) \(t)")
            }
        }
        // The current scheme's burden is its DB benefits (employee contributions go to Taspen):
        // the other flows do not move. The DC reform's employer contributions and top-ups do.
        let last = inputs.calendar.horizon - 1
        #expect(abs(det.current[.spendingChangeOther, last]) <= 1e-15 * det.current[.burdenPctGDP, last])
        if file != "baseline.yaml" { #expect(det.reform[.spendingChangeOther, last] > 1e-5) }
    }

    @Test("The summary's block: mid-point and last year, means over paths that add up to the mean change")
    func blockAddsUp() throws {
        let report = try Fixture.shared.get()
        let change = try #require(SpendingChange(report.statistics))
        let y0 = report.statistics.startYear, h = report.statistics.horizon
        #expect(change.years.map(\.year) == [y0 + (h - 1) / 2, y0 + h - 1])
        for y in change.years {
            for scheme in Scheme.allCases {
                let f = try #require(y.schemes[scheme.rawValue])
                let mean = { (m: Metric) in report.statistics.summary(scheme, m, year: y.year)!.mean }
                #expect(f.end == mean(.burdenPctGDP) && f.effects[0] == mean(.spendingChangeDependency))
                #expect(abs(f.effects.reduce(0, +) - f.change) <= 1e-14 * max(abs(f.start), abs(f.end)))
            }
        }
        let text = SummaryText.render(report)
        #expect(text.contains("Where the change in spending comes from: burden / GDP since \(y0), mean over paths"))
        #expect(text.contains("    dependency (beneficiaries/actives)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        let block = try #require(json["spending_change"] as? [String: Any])
        #expect(block["method"] as? String == "LMDI-I")
        #expect((block["years"] as? [[String: Any]])?.count == 2)
    }

    @Test("The scope line: printed under the title, in the report and summary.json; null without one")
    func scopeLine() throws {
        let shared = try Fixture.shared.get()
        var report = shared
        var json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        #expect(json["scope"] is NSNull)
        #expect(!SummaryText.render(report).contains("Scope:"))
        var scenario = shared.scenario
        scenario.presentation.scope = "PNS only; TNI/Polri are out of scope"
        report = RunReport(scenario: scenario, inputs: shared.inputs, statistics: shared.statistics, results: shared.results,
                           debt: nil, metadata: shared.metadata)
        let lines = SummaryText.render(report).split(separator: "\n")
        #expect(lines[2] == "Scope: PNS only; TNI/Polri are out of scope")
        #expect(HTMLReport.render(report).contains("Scope: PNS only; TNI/Polri are out of scope"))
        json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        #expect(json["scope"] as? String == "PNS only; TNI/Polri are out of scope")
    }

    @Test("The flagship's scope key is read")
    func flagshipScope() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.packageRoot.appendingPathComponent("Scenarios/indonesia-asn-2019/reform-parametric-db.yaml").path)
        #expect(scenario.presentation.scope == "PNS (civil servants) only; TNI/Polri (military and police) are out of scope")
    }

    @Test("No reform: the transition, bond, guarantee and DC headlines are null in summary.json")
    func noReformNulls() throws {
        let report = try Fixture.report(withoutReform: true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        for key in SummaryScope.transitionKeys + ["pv_difference", "probability_reform_cheaper", "dc_assets_pct_gdp_at_horizon",
                                                  "pv_guarantee_topups", "pv_bond_redemptions", "peak_bonds_outstanding", "peak_bonds_year"] {
            #expect(json[key] is NSNull, "\(key)")
        }
        #expect(json["pv_burden_current"] is [String: Any])
        // The block has the current scheme only.
        let years = try #require((json["spending_change"] as? [String: Any])?["years"] as? [[String: Any]])
        #expect(years.allSatisfy { $0["reform"] is NSNull && $0["current"] is [String: Any] })
    }

    @Test("A DC reform with a guarantee and no bonds: guarantee and DC figures kept, bond figures null")
    func dcReformKeepsItsRows() throws {
        let report = try Fixture.shared.get()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        #expect(json["pv_guarantee_topups"] is [String: Any])
        #expect(json["dc_assets_pct_gdp_at_horizon"] is [String: Any])
        #expect(json["breakeven_year"] != nil)
        for key in ["pv_bond_redemptions", "peak_bonds_outstanding", "peak_bonds_year"] { #expect(json[key] is NSNull, "\(key)") }
    }

    @Test("A parametric reform (no DC, no bonds, no guarantee): those rows out of the text, null in JSON")
    func parametricReform() throws {
        var scenario = try ScenarioLoader.load(path: Fixture.packageRoot.appendingPathComponent("Scenarios/indonesia-asn-2019/reform-parametric-db.yaml").path,
                                               overrides: ["simulation.horizon=30"])
        scenario.file = "reform-parametric-db.yaml"
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<4, seed: 1, threads: 1)
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: nil,
                               metadata: RunMetadata(version: "test", gitCommit: nil, seed: 1, paths: 0..<4, totalPaths: 4, threads: 1, wallTime: 0))
        let keys = SummaryScope.notApplicableKeys(hasReform: true, inputs: inputs, statistics: report.statistics)
        let absent = ["dc_assets_pct_gdp_at_horizon", "pv_guarantee_topups", "pv_bond_redemptions", "peak_bonds_outstanding", "peak_bonds_year"]
        #expect(Set(keys) == Set(absent + (SummaryFigures.neverCostsMore(report.statistics) ? SummaryScope.transitionKeys : [])))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RunJSON.summary(report).utf8)) as? [String: Any])
        for key in absent { #expect(json[key] is NSNull, "\(key)") }
        #expect(json["pv_difference"] is [String: Any])
        let text = SummaryText.render(report).lowercased()
        for word in ["guarantee", "bond redemptions", "bonds outstanding", "dc fund assets"] { #expect(!text.contains(word), "\(word)") }
        #expect(text.contains("scope: pns (civil servants) only; tni/polri (military and police) are out of scope"))
        #expect(!HTMLReport.render(report).contains("guarantee"))
    }
}
