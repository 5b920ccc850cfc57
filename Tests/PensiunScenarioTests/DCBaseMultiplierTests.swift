import Foundation
import Testing
@testable import PensiunScenario

/// The one rule across sections: the tracks' `dc_base_multiplier` applies only to a DC reform
/// contributing on take-home pay (`ProjectionSections.dcBaseMultipliers`).
@Suite struct DCBaseMultiplierTests {
    static let synthetic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
    static let note = "tracks[].dc_base_multiplier has no effect: "

    func load(_ overrides: [String]) throws -> (multipliers: [Double], warnings: [String]) {
        let scenario = try ScenarioLoader.load(path: Self.synthetic, overrides: overrides)
        let projection = try #require(scenario.projection)
        return (projection.tracks.map(\.dcBaseMultiplier), scenario.warnings.filter { $0.hasPrefix(Self.note) })
    }

    @Test func onTakeHomePayTheMultipliersApply() throws {
        let result = try load([])
        #expect(result.multipliers == [1.5, 2.0])
        #expect(result.warnings == [])
    }

    @Test func onBasicSalaryTheyAreOneWithANote() throws {
        let result = try load(["reform.dc.contribution_base=basic_salary"])
        #expect(result.multipliers == [1, 1])
        #expect(result.warnings == [Self.note + "the DC contributes on basic salary (reform.dc.contribution_base)"])
    }

    @Test func withoutADCReformTheyAreKeptWithANote() throws {
        let result = try load(["reform={}"])
        #expect(result.multipliers == [1.5, 2.0])
        #expect(result.warnings == [Self.note + "the scenario has no DC reform"])
    }
}
