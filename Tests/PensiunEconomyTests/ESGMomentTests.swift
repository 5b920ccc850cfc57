import Foundation
import PensiunTestSupport
import Testing
@testable import PensiunEconomy

/// The ESG's simulated moments against their analytic values (docs/model.md §3), within 4 standard
/// errors, at a fixed year across independent paths.
@Suite struct ESGMomentTests {
    static let paths = 8000
    static let year = 9
    static let blocks: [EconomicPaths] = {
        let generator = try! EconomicScenarioGenerator(parameters: testEconomy(), startYear: 2019, horizon: 20)
        return try! EconomicSimulation.run(generator, paths: 0..<paths, seed: 42, threads: 2)
    }()

    nonisolated(unsafe) static let processes: [(String, KeyPath<EconomicPaths, [Double]>, KeyPath<EconomyParameters, AR1Process>)] = [
        ("inflation", \.inflation, \.inflation),
        ("real wage growth", \.realWageGrowth, \.realWageGrowth),
        ("GDP growth", \.gdpGrowth, \.realGDPGrowth),
        ("bond yield", \.bondYield, \.bondYield),
    ]

    @Test(arguments: 0..<4)
    func meanAndStandardDeviation(of index: Int) {
        let (name, series, parameter) = Self.processes[index]
        let process = testEconomy()[keyPath: parameter]
        let sample = SampleMoments(values: column(Self.blocks, series, year: Self.year))
        let variance = process.variance(afterYears: Self.year)
        #expect(within4SE(sample.mean, process.expectedValue(afterYears: Self.year), (variance / sample.n).squareRoot()), "\(name) mean")
        #expect(within4SE(sample.variance, variance, sample.varianceStandardError), "\(name) variance")
    }

    @Test(arguments: 0..<4)
    func lagOneAutocovariance(of index: Int) {
        let (name, series, parameter) = Self.processes[index]
        let process = testEconomy()[keyPath: parameter]
        let now = column(Self.blocks, series, year: Self.year)
        let before = column(Self.blocks, series, year: Self.year - 1)
        let varBefore = process.variance(afterYears: Self.year - 1)
        let varNow = process.variance(afterYears: Self.year)
        let expected = process.persistence.last * varBefore
        // Sample covariance of a bivariate normal: Var = (σ_a² σ_b² + c²)/n.
        let se = ((varBefore * varNow + expected * expected) / Double(now.count)).squareRoot()
        #expect(within4SE(covariance(now, before), expected, se), "\(name) lag-1 autocovariance")
    }

    @Test func crossCovariances() {
        let p = testEconomy()
        let t = Self.year
        for a in 0..<4 {
            for b in (a + 1)..<4 {
                let pa = p[keyPath: Self.processes[a].2], pb = p[keyPath: Self.processes[b].2]
                var geometric = 0.0, power = 1.0
                for _ in 0...t { geometric += power; power *= pa.persistence.last * pb.persistence.last }
                let expected = p.correlation[a][b] * pa.volatility.last * pb.volatility.last * geometric
                let x = column(Self.blocks, Self.processes[a].1, year: t)
                let y = column(Self.blocks, Self.processes[b].1, year: t)
                let se = ((pa.variance(afterYears: t) * pb.variance(afterYears: t) + expected * expected) / Double(x.count)).squareRoot()
                #expect(within4SE(covariance(x, y), expected, se), "cov(\(Self.processes[a].0), \(Self.processes[b].0))")
            }
        }
    }

    @Test func equityLogReturnMomentsAndCorrelation() {
        let p = testEconomy()
        let logReturn = column(Self.blocks, \.equityReturn, year: Self.year).map { log1p($0) }
        let sample = SampleMoments(values: logReturn)
        let variance = p.equityLogVolatility * p.equityLogVolatility
        #expect(within4SE(sample.mean, p.equityLogMean, (variance / sample.n).squareRoot()))
        #expect(within4SE(sample.variance, variance, sample.varianceStandardError))
        // The equity shock enters the same year's inflation with coefficient σ_π: cov = ρ σ_e σ_π.
        let inflation = column(Self.blocks, \.inflation, year: Self.year)
        let expected = p.correlation[0][4] * p.equityLogVolatility * p.inflation.volatility.last
        let se = ((variance * p.inflation.variance(afterYears: Self.year) + expected * expected) / sample.n).squareRoot()
        #expect(within4SE(covariance(logReturn, inflation), expected, se))
    }

    @Test func bondAndCashReturnsFollowTheYield() {
        let p = testEconomy()
        for b in Self.blocks.prefix(2) {
            for j in 0..<b.pathCount {
                var previous = p.bondYield.start
                for t in 0..<b.horizon {
                    let o = b.yearOffset(path: j, year: t)
                    #expect(b.bondReturn[o] == previous - p.bondDuration * (b.bondYield[o] - previous))
                    #expect(b.cashReturn[o] == previous - p.cashSpread)
                    previous = b.bondYield[o]
                }
            }
        }
    }

    @Test func lognormalAccumulationMatchesItsClosedForm() throws {
        // E[Π_{t<H} (1 + e_t)] = exp(H (μ_e + σ_e²/2)) for independent normal log returns.
        let p = testEconomy()
        let horizon = 20
        let growth = Self.blocks.flatMap { b in
            (0..<b.pathCount).map { j in
                (0..<horizon).reduce(1.0) { $0 * (1 + b.equityReturn[b.yearOffset(path: j, year: $1)]) }
            }
        }
        let sample = SampleMoments(values: growth)
        let expected = exp(Double(horizon) * (p.equityLogMean + p.equityLogVolatility * p.equityLogVolatility / 2))
        #expect(within4SE(sample.mean, expected, sample.standardError), "\(sample.mean) vs \(expected)")
    }

    @Test func studentTShocksKeepUnitVarianceAndShrinkCorrelations() throws {
        let nu = 9.0
        let generator = try EconomicScenarioGenerator(
            parameters: testEconomy(shocks: .studentT(degreesOfFreedom: nu)), startYear: 2019, horizon: 3)
        let blocks = try EconomicSimulation.run(generator, paths: 0..<40_000, seed: 7, threads: 2)
        let p = testEconomy()
        let logReturn = column(blocks, \.equityReturn, year: 2).map { log1p($0) }
        let sample = SampleMoments(values: logReturn)
        let variance = p.equityLogVolatility * p.equityLogVolatility
        #expect(within4SE(sample.variance, variance, sample.varianceStandardError))
        // cov(ε_e, ε_π) shrinks by E√((ν−2)/W) = √((ν−2)/2) Γ((ν−1)/2) / Γ(ν/2).
        let shrink = ((nu - 2) / 2).squareRoot() * exp(lgamma((nu - 1) / 2) - lgamma(nu / 2))
        let inflation = column(blocks, \.inflation, year: 2)
        let expected = p.correlation[0][4] * shrink * p.equityLogVolatility * p.inflation.volatility.last
        let se = ((variance * p.inflation.variance(afterYears: 2) + expected * expected) / sample.n).squareRoot()
        #expect(within4SE(covariance(logReturn, inflation), expected, se))
        #expect(shrink < 1)
    }
}
