import Foundation
import Testing
import PensiunRandom
@testable import PensiunEconomy

@Suite struct ESGPathTests {
    func zeroVolatility(_ p: EconomyParameters) -> EconomyParameters {
        var q = p
        q.inflation.volatility = 0
        q.realWageGrowth.volatility = 0
        q.realGDPGrowth.volatility = 0
        q.bondYield.volatility = 0
        q.equityLogVolatility = 0
        return q
    }

    @Test func zeroVolatilityEveryPathIsTheDeterministicPath() throws {
        let p = zeroVolatility(testEconomy())
        let generator = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 30)
        let blocks = try EconomicSimulation.run(generator, paths: 0..<300, seed: 5, threads: 2)
        let reference = try generator.deterministicPath()
        // The deterministic path in closed form: x_t = μ + φ^{t+1}(x_{−1} − μ).
        var price = 1.0, wage = 1.0, gdp = p.gdpStart
        for t in 0..<30 {
            let pi = p.inflation.expectedValue(afterYears: t), g = p.realWageGrowth.expectedValue(afterYears: t)
            let gamma = p.realGDPGrowth.expectedValue(afterYears: t)
            #expect(abs(reference.inflation[t] - pi) < 1e-15)
            #expect(abs(reference.bondYield[t] - p.bondYield.expectedValue(afterYears: t)) < 1e-15)
            #expect(abs(reference.equityReturn[t] - (exp(p.equityLogMean) - 1)) < 1e-15)
            #expect(abs(reference.priceIndex[t] / price - 1) < 1e-13)
            #expect(abs(reference.wageIndex[t] / wage - 1) < 1e-13)
            #expect(abs(reference.gdp[t] / gdp - 1) < 1e-13)
            price *= 1 + pi
            wage *= (1 + pi) * (1 + g)
            gdp *= (1 + pi) * (1 + gamma)
        }
        for b in blocks {
            for j in 0..<b.pathCount {
                let a = b.yearOffset(path: j, year: 0), x = b.indexOffset(path: j, year: 0)
                #expect(Array(b.inflation[a..<(a + 30)]) == reference.inflation)
                #expect(Array(b.equityReturn[a..<(a + 30)]) == reference.equityReturn)
                #expect(Array(b.wageIndex[x..<(x + 31)]) == reference.wageIndex)
                #expect(Array(b.gdp[x..<(x + 31)]) == reference.gdp)
            }
        }
    }

    @Test func lumpyWageIndexMovesEveryKYears() throws {
        let smooth = try EconomicScenarioGenerator(parameters: testEconomy(), startYear: 2019, horizon: 10)
            .generate(paths: 0..<3, seeds: PathSeeds(master: 1))
        let lumpy = try EconomicScenarioGenerator(parameters: testEconomy(lump: 3), startYear: 2019, horizon: 10)
            .generate(paths: 0..<3, seeds: PathSeeds(master: 1))
        for j in 0..<3 {
            for t in 0...10 {
                let o = lumpy.indexOffset(path: j, year: t)
                // W_y = W̃_{y0 + k⌊(y − y0)/k⌋}: first jump in y0 + k.
                let anchor = smooth.indexOffset(path: j, year: 3 * (t / 3))
                #expect(lumpy.wageIndex[o] == smooth.wageIndex[anchor])
            }
            #expect(lumpy.wageIndex[lumpy.indexOffset(path: j, year: 2)] == 1)
            #expect(lumpy.wageIndex[lumpy.indexOffset(path: j, year: 3)] != 1)
            // The other series are unaffected by the lumpy mode.
            #expect(lumpy.inflation == smooth.inflation)
        }
    }

    @Test func resultsDoNotDependOnThreadsOrOnHowThePathRangeIsSplit() throws {
        let generator = try EconomicScenarioGenerator(parameters: testEconomy(shocks: .studentT(degreesOfFreedom: 5)), startYear: 2019, horizon: 12)
        func flat(_ blocks: [EconomicPaths]) -> [Double] {
            blocks.flatMap { $0.inflation + $0.equityReturn + $0.wageIndex + $0.gdp + $0.bondReturn }
        }
        let one = flat(try EconomicSimulation.run(generator, paths: 0..<1000, seed: 11, threads: 1))
        let two = flat(try EconomicSimulation.run(generator, paths: 0..<1000, seed: 11, threads: 2))
        let eight = flat(try EconomicSimulation.run(generator, paths: 0..<1000, seed: 11, threads: 8))
        #expect(one == two)
        #expect(one == eight)
        // Paths [0, P) equal the union of [0, P/2) and [P/2, P), path by path.
        let whole = try generator.generate(paths: 0..<1000, seeds: PathSeeds(master: 11))
        let first = try generator.generate(paths: 0..<500, seeds: PathSeeds(master: 11))
        let second = try generator.generate(paths: 500..<1000, seeds: PathSeeds(master: 11))
        #expect(whole.inflation == first.inflation + second.inflation)
        #expect(whole.equityReturn == first.equityReturn + second.equityReturn)
        #expect(whole.gdp == first.gdp + second.gdp)
        let seeded = try EconomicSimulation.run(generator, paths: 500..<1000, seed: 11, threads: 2)
        #expect(seeded.flatMap(\.inflation) == second.inflation)
    }

    @Test func aRateAtOrBelowMinusOneHundredPercentStopsWithPathAndYear() throws {
        var p = testEconomy()
        p.inflation = AR1Process(mean: 0.0, persistence: 0.0, volatility: 0.9, start: 0)
        let generator = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 50)
        #expect(throws: EconomyPathError.self) { _ = try EconomicSimulation.run(generator, paths: 0..<200, seed: 1, threads: 2) }
        do {
            _ = try generator.generate(paths: 0..<200, seeds: PathSeeds(master: 1))
        } catch let error as EconomyPathError {
            #expect(error.description.contains("is at or below −100%"))
            #expect(error.description.hasPrefix("path \(error.path), year \(error.year): "))
        }
    }
}
