import Foundation
import Testing
@testable import PensiunScenario

/// `reform.dc.payout.survivor_fraction` (issue 20, docs/model.md §6): the DC's joint-and-survivor
/// fraction f, 0 (single life) by default, with a warning under lump sums (where it does nothing).
@Suite struct SurvivorFractionTests {
    static let synthetic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/synthetic-small/scenario.yaml").path
    static let noEffect = "reform.dc.payout.survivor_fraction has no effect with lump sums"

    @Test func theFractionIsReadAndDefaultsToSingleLife() throws {
        let plain = try ScenarioLoader.load(path: Self.synthetic)
        #expect(plain.projection?.reform.dc?.survivorFraction == 0)
        let joint = try ScenarioLoader.load(path: Self.synthetic, overrides: ["reform.dc.payout.survivor_fraction=0.6"])
        #expect(joint.projection?.reform.dc?.survivorFraction == 0.6)
        #expect(joint.warnings.filter { $0.contains(Self.noEffect) }.isEmpty)
        let lump = try ScenarioLoader.load(path: Self.synthetic, overrides: ["reform.dc.payout.form=lump_sum",
                                                                             "reform.dc.payout.survivor_fraction=0.6"])
        #expect(lump.projection?.reform.dc?.survivorFraction == 0)
        #expect(lump.warnings.filter { $0.contains(Self.noEffect) }.count == 1)
    }
}
