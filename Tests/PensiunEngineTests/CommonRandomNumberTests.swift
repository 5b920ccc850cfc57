import Testing
import PensiunMonteCarlo
@testable import PensiunEngine

@Suite struct CommonRandomNumberTests {
    @Test func commonPathsShrinkTheSpreadOfTheDifference() throws {
        let inputs = Fixture.inputs(horizon: 30, volatility: 0.02, kappaVolatility: 0.02,
                                    dc: Fixture.dc(transition: .switchUnderAge(45)))
        let mc = try MonteCarloProjection(inputs: inputs)
        let a = try mc.run(paths: 0..<200, seed: 1, threads: 2)
        let b = try mc.run(paths: 0..<200, seed: 2, threads: 2)
        let common = SampleSummary(a.summaries.map(\.pvDifference)).standardDeviation
        let independent = SampleSummary(zip(a.summaries, b.summaries).map { $1.pvBurdenReform - $0.pvBurdenCurrent }).standardDeviation
        #expect(common < independent / 2, "sd with common paths \(common) vs independent \(independent)")
    }
}
