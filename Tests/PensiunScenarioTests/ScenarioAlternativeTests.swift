import Foundation
import Testing
@testable import PensiunScenario

/// `reporting.alternatives`: read in order with their `set` as located overrides, and every
/// problem located at the file, line and key where it was written (an entry's key path and value
/// checked as `--set` would check them, the message naming the alternative).
@Suite struct ScenarioAlternativeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let synthetic = root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path

    /// A scenario extending the synthetic one with `alternatives` (lines 5 on) under
    /// `reporting.alternatives`; returns the scenario and its resolved alternatives, or the
    /// problems (the folder's path replaced by `DIR`).
    func load(_ alternatives: String) throws -> Result<(Scenario, [(alternative: ScenarioAlternative, scenario: Scenario)]), ScenarioError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pensiun-alternatives-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("alt.yaml")
        try "extends: \(Self.synthetic)\nname: alternatives-test\nreporting:\n  alternatives:\n\(alternatives)"
            .write(to: file, atomically: true, encoding: .utf8)
        do {
            let template = try ScenarioTemplate.load(path: file.path)
            let scenario = try template.resolve()
            return .success((scenario, try template.alternatives(of: scenario)))
        } catch {
            return .failure(ScenarioError(error.diagnostics.map {
                ScenarioDiagnostic(file: $0.file.replacingOccurrences(of: folder.path, with: "DIR"), line: $0.line, column: $0.column,
                                   keyPath: $0.keyPath, message: $0.message)
            }))
        }
    }

    func problems(_ alternatives: String) throws -> [String] {
        switch try load(alternatives) {
        case .success: return []
        case let .failure(error): return error.diagnostics.map(\.description)
        }
    }

    @Test func alternativesAreReadInOrderWithTheBaseCaseFirst() throws {
        let loaded = try load("""
                - name: low_cost
                  description: faster growth
                  set:
                    economy.real_gdp_growth.mean: 0.04
                    reform.dc.employer_rate: 0.1
                - {name: high_cost, set: {"economy.real_gdp_growth.mean": 0.02}}
            """).get()
        #expect(loaded.0.alternatives.map(\.name) == ["low_cost", "high_cost"])
        #expect(loaded.0.alternatives.map(\.description) == ["faster growth", ""])
        #expect(loaded.0.alternatives[0].overrides.map(\.key) == ["economy.real_gdp_growth.mean", "reform.dc.employer_rate"])
        #expect(loaded.1.map(\.alternative.name) == ["base", "low_cost", "high_cost"])
        // Each is the scenario with its entries, every volatility zero and process risk off.
        let base = loaded.1[0].scenario.economy, low = loaded.1[1].scenario.economy
        #expect(base.realGDPGrowth.mean.last == loaded.0.economy.realGDPGrowth.mean.last)
        #expect(low.realGDPGrowth.mean.last == 0.04 && loaded.1[2].scenario.economy.realGDPGrowth.mean.last == 0.02)
        #expect(loaded.1[1].scenario.projection?.reform.dc?.employerRate(2030) == 0.1)
        for (_, s) in loaded.1 {
            #expect(s.economy.processes.allSatisfy { $0.volatility.values.allSatisfy { $0 == 0 } })
            #expect(s.economy.equityLogVolatility == 0)
            #expect(s.projection?.mortality.kappaVolatility == 0)
            #expect(s.projection?.decrements.processRisk == false)
        }
        #expect(loaded.0.economy.inflation.volatility.values != [0])
    }

    @Test func aScenarioWithoutAlternativesHasNone() throws {
        let template = try ScenarioTemplate.load(path: Self.synthetic)
        let scenario = try template.resolve()
        #expect(scenario.alternatives.isEmpty)
        #expect(try template.alternatives(of: scenario).isEmpty)
    }

    @Test func aBadKeyPathOrValueIsLocatedAtItsEntry() throws {
        #expect(try problems("""
                - name: low_cost
                  set:
                    economy.real_gdp_growth.meen: 0.04
                    economy.inflation.mean: -3
                    reform.dc.employer_rate: lots
            """) == [
            "DIR/alt.yaml:8:33: economy.inflation.mean: out of range (expected an annual rate in (−1, 1], got -3) (in alternative low_cost of reporting.alternatives)",
            "DIR/alt.yaml:7:9: economy.real_gdp_growth.meen: unknown key 'meen' (did you mean 'mean'?) (in alternative low_cost of reporting.alternatives)",
            "DIR/alt.yaml:9:34: reform.dc.employer_rate: expected a rate in [0, 1], got 'lots' (in alternative low_cost of reporting.alternatives)",
        ])
    }

    @Test func namesAndEntriesAreChecked() throws {
        #expect(try problems("""
                - {name: Low-Cost, set: {}}
                - {name: base, set: {}}
                - {name: same, set: {}}
                - {name: same, set: {}}
                - {name: no_set}
                - name: bad_keys
                  set:
                    economy..mean: 1
                    economy.inflation.volatility: 0.1
                    reporting.alternatives: []
                - {name: extra, set: {}, sett: {}}
            """) == [
            "DIR/alt.yaml:5:14: reporting.alternatives[0].name: expected a lowercase name (letters, digits and _, starting with a letter, at most 32), got 'Low-Cost'",
            "DIR/alt.yaml:6:14: reporting.alternatives[1].name: 'base' names the deterministic base case every run reports; choose another name",
            "DIR/alt.yaml:8:14: reporting.alternatives[3].name: duplicate alternative name 'same' (each alternative needs its own name)",
            "DIR/alt.yaml:9:7: reporting.alternatives[4].set: missing key (expected a mapping of key paths to values)",
            "DIR/alt.yaml:12:9: reporting.alternatives[5].set.economy..mean: expected a key path such as economy.real_gdp_growth.mean, got 'economy..mean'",
            "DIR/alt.yaml:13:9: reporting.alternatives[5].set.economy.inflation.volatility: has no effect: every alternative runs with "
                + ScenarioAlternative.deterministicOverrides.joined(separator: ", "),
            "DIR/alt.yaml:14:9: reporting.alternatives[5].set.reporting.alternatives: an alternative cannot change the alternatives themselves",
            "DIR/alt.yaml:15:30: reporting.alternatives[6].sett: unknown key 'sett' (did you mean 'set'?)",
        ])
        let nine = (1...9).map { "    - {name: a\($0), set: {}}" }.joined(separator: "\n") + "\n"
        #expect(try problems(nine) == ["DIR/alt.yaml:5:5: reporting.alternatives: names 9 alternatives (expected at most 8)"])
    }
}
