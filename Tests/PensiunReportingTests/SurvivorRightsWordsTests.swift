import Foundation
import PensiunScenario
import Testing
@testable import PensiunReporting

/// What the summary says a reform does to survivor rights (issue 20): single-life, joint and
/// survivor (with its fraction), lump sums; and the note that a joint-and-survivor DC is projected
/// by the general engine.
@Suite struct SurvivorRightsWordsTests {
    func words(_ overrides: [String]) throws -> (words: [String], warnings: [String]) {
        let path = Fixture.packageRoot.appendingPathComponent(Fixture.scenarioPath).path
        let s = try ScenarioLoader.load(path: path, overrides: overrides)
        let inputs = try #require(s.projection)
        return (SummaryFigures.survivorRightsWords(inputs), s.warnings)
    }

    @Test func eachFormIsNamed() throws {
        #expect(try words([]).words.first == "DC annuities are single-life: the spouse of a DC pensioner receives nothing from the annuity")
        let js = try words(["reform.dc.payout.survivor_fraction=0.6"])
        #expect(js.words.first == "DC annuities are joint and survivor: the spouse left at the pensioner's death receives 60% of the annuity for life")
        #expect(js.warnings.contains { $0.contains("joint-and-survivor DC annuities are paid by the general engine only") })
        let lump = try words(["reform.dc.payout.form=lump_sum"])
        #expect(lump.words.first == "DC balances are paid as lump sums: the spouse of a DC pensioner receives no pension from them")
    }
}
