import Foundation
import Testing
import PensiunEconomy
@testable import PensiunScenario

/// The economy section's dated values, interpolation, pinned history and productivity link as a
/// scenario file gives them (docs/scenario-format.md), and their located errors.
@Suite struct DatedEconomyScenarioTests {
    static let gdpLine = "  real_gdp_growth:  {mean: 0.03,  persistence: 0.5, volatility: 0.01,  start: 0.03}   # assumption"
    static let wageLine = "  real_wage_growth: {mean: 0.01,  persistence: 0.5, volatility: 0.01,  start: 0.01}   # assumption"

    /// The synthetic scenario (start year 2025) with one line replaced: its economy, or the problems.
    func economy(replacing old: String, with new: String) throws -> Result<EconomyParameters, ScenarioError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-dated-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BrokenScenarioTests.source, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "the fixture no longer contains \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        do {
            return .success(try ScenarioLoader.load(path: file.path).economy)
        } catch {
            return .failure(error)
        }
    }

    func messages(_ result: Result<EconomyParameters, ScenarioError>) -> [String] {
        guard case let .failure(error) = result else { return [] }
        return error.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.keyPath): \($0.message)" }
    }

    @Test func datedValuesWithLinearInterpolationAndHistory() throws {
        let result = try economy(replacing: Self.gdpLine, with: """
              real_gdp_growth:
                mean: {2025: 0.05, 2055: 0.03}
                persistence: 0.5
                volatility: {2025: 0.02, 2030: 0.01}
                interpolation: linear
                start: 0.05
                history: {2025: 0.048, 2026: 0.051}
            """)
        let p = try result.get().realGDPGrowth
        #expect(p.mean(2025) == 0.05 && p.mean(2055) == 0.03 && abs(p.mean(2040) - 0.04) < 1e-16 && p.mean(2070) == 0.03)
        #expect(p.volatility.interpolation == .linear && abs(p.volatility(2027) - 0.016) < 1e-16)
        #expect(p.persistence.isConstant && p.persistence(2030) == 0.5)
        #expect(p.history == [.init(year: 2025, value: 0.048), .init(year: 2026, value: 0.051)])
        #expect(p.pinned(startYear: 2025, t: 1) == 0.051 && p.pinned(startYear: 2025, t: 2) == nil)
    }

    @Test func payTiedToProductivity() throws {
        let result = try economy(replacing: Self.wageLine, with: """
              real_wage_growth:
                productivity: {labour_force_growth: {2025: 0.01, 2045: 0.0}, gap: -0.002}
                persistence: 0.5
                volatility: 0.01
                start: 0.01
            """)
        let p = try result.get()
        let link = try #require(p.productivity)
        #expect(link.labourForceGrowth(2030) == 0.01 && link.labourForceGrowth(2050) == 0 && link.gap(2030) == -0.002)
        let resolved = p.resolved(startYear: 2025, horizon: 40)
        #expect(resolved.productivity == nil)
        #expect(abs(resolved.realWageGrowth.mean(2030) - (1.03 / 1.01 - 1 - 0.002)) < 1e-16)
    }

    @Test func locatedErrors() throws {
        func check(_ old: String, _ new: String, _ expected: [String]) throws {
            let found = messages(try economy(replacing: old, with: new))
            #expect(found == expected, "\(found)")
        }
        try check(Self.gdpLine, "  real_gdp_growth: {mean: 0.03, persistence: 0.5, volatility: 0.01, start: 0.03, history: {2026: 0.04}}",
                  ["16:91: economy.real_gdp_growth.history: expected consecutive years from simulation.start_year 2025, got 2026"])
        try check(Self.gdpLine, "  real_gdp_growth: {mean: 0.03, persistence: 0.5, volatility: 0.01, start: 0.03, interpolation: cubic}",
                  ["16:97: economy.real_gdp_growth.interpolation: expected one of step, linear, got 'cubic'"])
        try check(Self.wageLine,
                  "  real_wage_growth: {mean: 0.01, productivity: {labour_force_growth: 0.01}, persistence: 0.5, volatility: 0.01, start: 0.01}",
                  ["15:28: economy.real_wage_growth.mean: give either mean or productivity for real_wage_growth, not both (expected no mean, got '0.01')"])
        try check(Self.gdpLine, "  real_gdp_growth: {mean: {2025: 0.03, 2040: 1.5}, persistence: 0.5, volatility: 0.01, start: 0.03}",
                  ["16:46: economy.real_gdp_growth.mean.2040: out of range (expected an annual rate in (−1, 1], got 1.5)"])
    }
}

/// The reporting keys of issue 19: calibration growth targets, references and notes, the
/// start-year threshold; each bad value one located error.
@Suite struct CalibrationKeyTests {
    static let thresholdLine = "  burden_threshold: 0.005           # assumption"

    /// The synthetic scenario with its threshold line replaced (and lines added after it).
    func problems(_ new: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-calib-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BrokenScenarioTests.source, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(Self.thresholdLine))
        try text.replacingOccurrences(of: Self.thresholdLine, with: new).write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: file.path)
            return []
        } catch {
            return error.diagnostics.map { "\($0.line ?? 0): \($0.keyPath): \($0.message)" }
        }
    }

    func target(_ fields: String) throws -> [String] {
        try problems("  burden_threshold: start_year\n  calibration:\n    - {name: T, \(fields), source: s}")
    }

    @Test func wellFormedTargetsAndNotesRead() throws {
        #expect(try problems("  burden_threshold: start_year\n  notes: [\"one\", \"two\"]") == [])
        #expect(try target("measure: db_benefits_growth, base_year: 2025, year: 2030, target: 0.1, tolerance: 0.05") == [])
        #expect(try target("measure: implicit_debt, year: 2025, target: 1, reference: true, note: why") == [])
    }

    @Test func badTargetsAreLocated() throws {
        func check(_ fields: String, _ expected: [String]) throws {
            let found = try target(fields)
            #expect(found == expected, "\(found)")
        }
        try check("measure: implicit_debt, year: 2025, target: 1, reference: true, tolerance: 0.1", ["95: reporting.calibration[0].tolerance: a reference is not checked (expected no tolerance, got '0.1')"])
        try check("measure: db_benefits_growth, year: 2030, target: 0.1, tolerance: 0.05", ["95: reporting.calibration[0].base_year: missing key (expected a calendar year between 1900 and 2200)"])
        try check("measure: db_benefits_growth, base_year: 2030, year: 2030, target: 0.1, tolerance: 0.05", ["95: reporting.calibration[0].base_year: expected a year before 2030, got 2030"])
        try check("measure: actives, base_year: 2025, year: 2030, target: 1, tolerance: 0.05", ["95: reporting.calibration[0].base_year: only a growth measure has a base year (expected no value, got '2025')"])
        // A misspelt measure is one error, not also a complaint about the base year.
        #expect(try target("measure: db_benefit_growth, base_year: 2025, year: 2030, target: 1, tolerance: 0.05").count == 1)
        #expect(try problems("  burden_threshold: start_year\n  notes: one").count == 1)
        #expect(try problems("  burden_threshold: start-year").count == 1)
    }
}
