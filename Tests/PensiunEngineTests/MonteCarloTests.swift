import Foundation
import Testing
import PensiunMonteCarlo
@testable import PensiunEngine

@Suite struct MonteCarloTests {
    @Test func zeroVolatilityEveryPathEqualsTheDeterministicProjection() throws {
        let inputs = Fixture.inputs(horizon: 25, volatility: 0, kappaVolatility: 0)
        let mc = try MonteCarloProjection(inputs: inputs)
        let results = try mc.run(paths: 0..<40, seed: 5, threads: 2)
        let det = try mc.deterministic()
        for scheme in Scheme.allCases {
            let reference = scheme == .current ? det.current : det.reform
            for m in Metric.allCases {
                for t in 0..<m.length(horizon: 25) {
                    let values = results.values(scheme, m, t)
                    let expected = reference[m, t]
                    for v in values { #expect(v == expected || (v.isNaN && expected.isNaN), "\(scheme.name) \(m.name) \(t)") }
                    let finite = values.filter { !$0.isNaN }
                    if !finite.isEmpty {
                        let summary = SampleSummary(Array(finite))
                        #expect(summary.p5 == summary.mean && summary.p95 == summary.mean)
                    }
                }
            }
        }
    }

    /// docs/model.md §7: the same seed gives the same bits for any thread count (which changes
    /// the blocks, so the lanes a path shares its block with) and for a run split into path
    /// ranges, on the lane engine (process risk off) and on the general engine (with process
    /// risk, which only the general engine projects).
    @Test(arguments: [(MonteCarloProjection.Engine.lanes, false), (.general, true)])
    func resultsDoNotDependOnThreadsOrOnTheSplitOfThePathRange(engine: MonteCarloProjection.Engine, processRisk: Bool) throws {
        let inputs = Fixture.inputs(horizon: 20, volatility: 0.02, kappaVolatility: 0.03,
                                    dc: Fixture.dc(transition: .switchUnderAge(45), rights: .recognitionBond(rate: 0.05)),
                                    processRisk: processRisk)
        let mc = try MonteCarloProjection(inputs: inputs, engine: engine)
        #expect((mc.plans != nil) == (engine == .lanes))
        let one = try mc.run(paths: 0..<70, seed: 3, threads: 1)
        let two = try mc.run(paths: 0..<70, seed: 3, threads: 2)
        let eight = try mc.run(paths: 0..<70, seed: 3, threads: 8)
        for other in [two, eight] {
            #expect(sameBits(one.values, other.values))
            #expect(sameBits(one.byTrack, other.byTrack))
            #expect(sameBits(one.gdp, other.gdp))
            #expect(one.summaries == other.summaries)
        }
        // Split at a path that is not a multiple of the four-lane vector.
        let first = try mc.run(paths: 0..<33, seed: 3, threads: 2)
        let second = try mc.run(paths: 33..<70, seed: 3, threads: 1)
        let joined = ProjectionResults.concatenating([first, second])
        #expect(sameBits(one.values, joined.values))
        #expect(sameBits(one.byTrack, joined.byTrack))
        #expect(sameBits(one.gdp, joined.gdp))
        #expect(one.summaries == joined.summaries)
    }

    @Test func scalingEveryMonetaryInputScalesEveryMonetaryOutput() throws {
        let k = 3.0
        let base = try MonteCarloProjection(inputs: Fixture.inputs(horizon: 20, volatility: 0.02, kappaVolatility: 0.02,
            dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)))).run(paths: 0..<8, seed: 1, threads: 2)
        let scaled = try MonteCarloProjection(inputs: Fixture.inputs(horizon: 20, volatility: 0.02, kappaVolatility: 0.02,
            dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)), scale: k)).run(paths: 0..<8, seed: 1, threads: 2)
        for scheme in Scheme.allCases {
            for m in Metric.allCases {
                for t in 0..<m.length(horizon: 20) {
                    for (a, b) in zip(base.values(scheme, m, t), scaled.values(scheme, m, t)) {
                        let expected = m.isMoney ? a * k : a
                        #expect(abs(b - expected) <= 1e-9 * max(1e-300, abs(expected)) || (a.isNaN && b.isNaN),
                                "\(scheme.name) \(m.name) \(t): \(b) vs \(expected)")
                    }
                }
            }
        }
        for (a, b) in zip(base.summaries, scaled.summaries) {
            #expect(abs(b.pvBurdenReform - k * a.pvBurdenReform) <= 1e-9 * abs(k * a.pvBurdenReform))
            #expect(abs(b.peakTransitionCostPctGDP - a.peakTransitionCostPctGDP) <= 1e-12)
            #expect(a.breakevenYear == b.breakevenYear)
        }
    }
}
