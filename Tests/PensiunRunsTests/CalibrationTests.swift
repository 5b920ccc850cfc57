import Foundation
import PensiunReporting
import PensiunRuns
import PensiunScenario
import Testing

/// `Calibration`, `pensiun calibrate`'s entry point: the report's rows against the scenario's
/// targets, and the verdict under them, which passes or fails at the edge of each tolerance.
@Suite struct CalibrationTests {
    static let overrides = ["simulation.horizon=8"]

    /// A scenario extending the synthetic one with calibration targets; returns its file.
    func scenario(in folder: URL, targets: [String]) throws -> String {
        let file = folder.appendingPathComponent("calibrated.yaml")
        let text = (["extends: \(Fixtures.synthetic)", "reporting:", "  calibration:"] + targets.map { "    - \($0)" })
            .joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func aScenarioWithoutTargetsIsRefused() {
        #expect(throws: InputError("\(Fixtures.synthetic): reporting.calibration: the scenario has no calibration targets")) {
            try Calibration.run(scenario: Fixtures.synthetic, overrides: Self.overrides, paths: 2, seed: nil, threads: 1,
                                version: "test")
        }
    }

    @Test func theReportComparesModelAndTargets() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try scenario(in: base, targets: [
            #"{name: "Actives", measure: actives, year: 2025, target: 4500, tolerance: 0.5, source: "test"}"#,
            #"{name: "Debt", measure: implicit_debt, year: 2025, target: 1, tolerance: 0.1, source: "test"}"#,
            #"{name: "Late", measure: retirements, year: 2040, target: 10, tolerance: 0.1, source: "test"}"#,
        ])
        let report = try Calibration.run(scenario: file, overrides: Self.overrides, paths: 4, seed: 5, threads: 2, version: "test")
        #expect(report.metadata.paths == 0..<4 && report.metadata.seed == 5 && report.metadata.threads == 2)
        #expect(report.calibration.map(\.target.name) == ["Actives", "Debt", "Late"])
        let actives = report.calibration[0].model
        let mean = try #require(report.results).values(.current, .actives, 0).reduce(0, +) / 4
        #expect(actives == mean, "the mean of the current scheme's actives in the start year")
        #expect(actives > 1000)
        // An implicit-debt target makes the run compute the debt.
        #expect(report.calibration[1].model.isFinite && report.calibration[1].model > 1)
        #expect(!report.calibration[1].passes)
        // A year past the horizon has no model value, and fails.
        #expect(report.calibration[2].model.isNaN && !report.calibration[2].passes)
        let verdict = Calibration.verdict(report)
        #expect(verdict.line == "2 of 3 targets missed (4 paths, seed 5); years with every target met: none.")
        #expect(!verdict.allMet)
        // No seed given: the scenario's.
        let defaulted = try Calibration.run(scenario: file, overrides: Self.overrides, paths: 2, seed: nil, threads: 1, version: "test")
        #expect(defaulted.metadata.seed == 42)
    }

    /// Targets placed just inside and just outside a tolerance of ±10% (and of a range) around the
    /// model's value: the verdict follows them.
    @Test func theVerdictPassesInsideTheToleranceAndFailsOutside() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try scenario(in: base, targets: [
            #"{name: "Actives", measure: actives, year: 2026, target: 1, tolerance: 0.1, source: "test"}"#,
        ])
        let report = try Calibration.run(scenario: file, overrides: Self.overrides, paths: 3, seed: 8, threads: 1, version: "test")
        let row = try #require(report.calibration.first)
        let model = row.model
        #expect(model > 0 && model.isFinite)
        func target(_ value: Double, upper: Double? = nil, tolerance: Double = 0.1) -> CalibrationTarget {
            var t = row.target
            (t.target, t.upper, t.tolerance) = (value, upper, tolerance)
            return t
        }
        let results = try #require(report.results)
        func verdict(_ targets: [CalibrationTarget]) -> (line: String, allMet: Bool) {
            var scenario = report.scenario
            scenario.calibration = targets
            return Calibration.verdict(RunReport(scenario: scenario, inputs: report.inputs, results: results, debt: nil,
                                                 metadata: report.metadata))
        }
        let edge = 1e-9
        // The model sits at target × (1 − 0.1) and at target × (1 + 0.1), just inside or just outside.
        let insideBelow = target(model / 0.9 * (1 - edge)), outsideBelow = target(model / 0.9 * (1 + edge))
        let insideAbove = target(model / 1.1 * (1 + edge)), outsideAbove = target(model / 1.1 * (1 - edge))
        let exact = target(model, tolerance: 0)
        let range = target(model * 0.5, upper: model * 2, tolerance: 0), outsideRange = target(model * 1.5, upper: model * 2, tolerance: 0)
        #expect(verdict([insideBelow, insideAbove, exact, range]) == ("All 4 targets met (3 paths, seed 8); years with every target met: 2026.", true))
        #expect(verdict([insideBelow, outsideBelow]) == ("1 of 2 targets missed (3 paths, seed 8); years with every target met: none.", false))
        #expect(verdict([outsideAbove, insideAbove]) == ("1 of 2 targets missed (3 paths, seed 8); years with every target met: none.", false))
        #expect(verdict([outsideRange, outsideBelow, outsideAbove]) == ("3 of 3 targets missed (3 paths, seed 8); years with every target met: none.", false))
        #expect(verdict([insideBelow]).allMet && !verdict([outsideBelow]).allMet)
    }

    /// A growth target compares mean(year) / mean(base year) − 1 within points; a reference is
    /// shown and never checked; the verdict names the years whose targets were all met.
    @Test func growthTargetsAndReferences() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try scenario(in: base, targets: [
            #"{name: "Spending growth", measure: db_benefits_growth, base_year: 2025, year: 2028, target: 0, tolerance: 0.05, source: "test"}"#,
            #"{name: "Debt", measure: implicit_debt, year: 2025, target: 1, reference: true, source: "a ministry"}"#,
            #"{name: "Actives", measure: actives, year: 2026, target: 4480, tolerance: 0.5, source: "test"}"#,
        ])
        let report = try Calibration.run(scenario: file, overrides: Self.overrides, paths: 3, seed: 8, threads: 1, version: "test")
        let results = try #require(report.results)
        func mean(_ t: Int) -> Double { results.values(.current, .dbBenefits, t).reduce(0, +) / 3 }
        let growth = report.calibration[0]
        #expect(abs(growth.model - (mean(3) / mean(0) - 1)) < 1e-12)
        #expect(growth.passes == (abs(growth.model) <= 0.05) && growth.toleranceText == "±5 pp")
        let debt = report.calibration[1]
        #expect(debt.target.reference && debt.passes && debt.status == "ref" && debt.toleranceText == "—")
        #expect(debt.model > 1 && debt.model.isFinite)
        var shifted = report.scenario
        shifted.calibration[0].target = growth.model + 0.049
        let met = Calibration.verdict(RunReport(scenario: shifted, inputs: report.inputs, results: results, debt: nil, metadata: report.metadata))
        #expect(met.line == "All 2 targets met (3 paths, seed 8); years with every target met: 2026, 2028; 1 reference shown, not checked.")
        shifted.calibration[0].target = growth.model + 0.051
        let missed = Calibration.verdict(RunReport(scenario: shifted, inputs: report.inputs, results: results, debt: nil, metadata: report.metadata))
        #expect(missed.line == "1 of 2 targets missed (3 paths, seed 8); years with every target met: 2026; 1 reference shown, not checked.")
        #expect(!missed.allMet)
    }
}
