import Foundation
import Testing
@testable import PensiunScenario

/// docs/scenario-format.md's key tables are generated from ``ScenarioKey/all``; after a change to
/// the table, regenerate them with `PENSIUN_UPDATE_DOCS=1 swift test --filter ScenarioKeyDocsTests`
/// and review `git diff`.
@Suite struct ScenarioKeyDocsTests {
    static let file = ScenarioLoaderTests.root.appendingPathComponent("docs/scenario-format.md").path

    @Test func theDocumentedKeyTablesAreTheCodeTable() throws {
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        let (updated, missing) = ScenarioKeyDocs.updating(text)
        #expect(missing.isEmpty, "docs/scenario-format.md has no generated block for \(missing)")
        if ProcessInfo.processInfo.environment["PENSIUN_UPDATE_DOCS"] == "1" {
            if updated != text { try updated.write(toFile: Self.file, atomically: true, encoding: .utf8) }
            return
        }
        #expect(updated == text, "docs/scenario-format.md differs from ScenarioKey.all: run PENSIUN_UPDATE_DOCS=1 swift test --filter ScenarioKeyDocsTests")
    }

    @Test func aTableShowsUnitRangeDefaultAndMeaning() {
        let table = ScenarioKeyDocs.table("simulation")
        #expect(table.contains("| `horizon` | years | 1–200 |  | H; years y0 … y0+H−1 are projected |"))
        #expect(table.contains("| `seed` | integer | ≥ 0 |"))
        #expect(table.contains("| `generator` | word | `mt19937`, `taus2`, `ranlxd2` | `mt19937` |"))
        #expect(ScenarioKeyDocs.table("population").contains("| `actives` column `count` | members | [0, 1e9] |"))
    }
}

/// `pensiun explain` prints each value's unit, allowed values and meaning from the table.
@Suite struct ScenarioKeyExplanationTests {
    @Test func anExplanationGivesUnitRangeAndMeaning() {
        #expect(ScenarioKeyDocs.explanation(.processStart) == "rate (−1, 1]; x_{y0−1}, the value in the year before y0")
        #expect(ScenarioKeyDocs.explanation(.generator) == "word `mt19937`, `taus2`, `ranlxd2`; GSL's random number generator")
        #expect(ScenarioKeyDocs.explanation(.extends) == "path; base scenario, relative to this file (see Composition)")
    }

    @Test func defaultsComeFromTheTable() throws {
        let scenario = try ScenarioLoader.load(path: ScenarioLoaderTests.root.appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path)
        for (path, value) in scenario.defaults {
            guard let key = ScenarioKey.named(path) else { continue }
            #expect(key.defaultValue == value, "\(path)")
        }
        #expect(scenario.defaults.contains { $0.key == "mortality.kappa_sensitivity" && $0.value == "1" })
    }
}
