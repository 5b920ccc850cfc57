import Foundation
import PensiunRandom
import PensiunTestSupport
import Testing
@testable import PensiunEconomy

/// Two-regime normal mixture equity shocks (docs/model.md §3, "Fat tails with finite means"): the
/// regimes in closed form, the simulated moments against their closed forms, and the draw order.
@Suite struct ESGMixtureTests {
    /// A pronounced mixture: a stress year one year in ten, 25pp lower in log terms and 2.5 times as
    /// volatile, on the fixture's μ_e = 0.08 and σ_e = 0.2.
    static let crash = EquityMixture(crashProbability: 0.1, meanShift: -0.25, volatilityRatio: 2.5)

    @Test func theRegimesKeepTheOverallMeanAndVolatility() throws {
        let (mu, sigma) = (0.08, 0.2)
        let (calm, stress) = try #require(Self.crash.regimes(mean: mu, volatility: sigma))
        let p = 0.1
        #expect(abs((1 - p) * calm.mean + p * stress.mean - mu) < 1e-15)
        #expect(abs(stress.mean - calm.mean - -0.25) < 1e-15)
        #expect(abs(stress.volatility / calm.volatility - 2.5) < 1e-14)
        let variance = (1 - p) * calm.volatility * calm.volatility + p * stress.volatility * stress.volatility
            + p * (1 - p) * 0.25 * 0.25
        #expect(abs(variance - sigma * sigma) < 1e-15)
        // s_c² = (0.04 − 0.09 · 0.0625) / (0.9 + 0.1 · 6.25) = 0.034375 / 1.525.
        #expect(abs(calm.volatility * calm.volatility - 0.034375 / 1.525) < 1e-15)
    }

    @Test func momentsByHand() throws {
        // p = 1/2, δ = 0.2, r = 1, σ_e = 0.2: s² = 0.04 − 0.25 · 0.04 = 0.03, d = ±0.1, so
        // E(X − μ)⁴ = 0.1⁴ + 6 · 0.01 · 0.03 + 3 · 0.03² = 0.0046 and the kurtosis is 0.0046/0.04² = 2.875.
        var p = testEconomy(shocks: .mixture(EquityMixture(crashProbability: 0.5, meanShift: 0.2, volatilityRatio: 1)))
        let m = try #require(p.equityLogReturnMoments)
        #expect(m.mean == 0.08)
        #expect(abs(m.variance - 0.04) < 1e-15)
        #expect(abs(m.skewness) < 1e-14)
        #expect(abs(m.kurtosis - 2.875) < 1e-13)
        #expect(abs(m.expectedGrossReturn - 0.5 * (exp(-0.02 + 0.015) + exp(0.18 + 0.015))) < 1e-14)
        // Normal shocks: one regime; Student t: E[1 + e] = ∞, kurtosis 3 + 6/(ν − 4).
        p.equityShocks = .normal
        let normal = try #require(p.equityLogReturnMoments)
        #expect(normal.skewness == 0 && normal.kurtosis == 3)
        #expect(abs(normal.expectedGrossReturn - exp(0.08 + 0.04 / 2)) < 1e-15)
        p.equityShocks = .studentT(degreesOfFreedom: 10)
        let t = try #require(p.equityLogReturnMoments)
        #expect(t.kurtosis == 4 && t.expectedGrossReturn == .infinity)
    }

    /// 200,000 independent yearly log returns (20,000 paths × 10 years; a year's regime and shock
    /// are independent of every other year's) against the closed forms, each within 4 standard
    /// errors. Central moments are taken about the known mean μ_e, so that each is a plain sample
    /// mean of independent values with the standard error sd/√n.
    @Test func simulatedMomentsMatchTheClosedForms() throws {
        let p = testEconomy(shocks: .mixture(Self.crash))
        let moments = try #require(p.equityLogReturnMoments)
        let horizon = 10
        let generator = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: horizon)
        let blocks = try EconomicSimulation.run(generator, paths: 0..<20_000, seed: 2024, threads: 2)
        let gross = blocks.flatMap { $0.equityReturn.map { 1 + $0 } }
        let x = gross.map { log($0) }
        #expect(x.count == 200_000)
        let mu = p.equityLogMean, sigma = moments.variance.squareRoot()
        func check(_ name: String, _ values: [Double], _ expected: Double) {
            let s = SampleMoments(values: values)
            let z = (s.mean - expected) / s.standardError
            print("mixture \(name): simulated \(s.mean), closed form \(expected), \(String(format: "%.2f", z)) SE")
            #expect(within4SE(s.mean, expected, s.standardError), "\(name): \(s.mean) vs \(expected)")
        }
        check("E[ln(1+e)]", x, mu)
        check("Var[ln(1+e)]", x.map { ($0 - mu) * ($0 - mu) }, moments.variance)
        check("skewness", x.map { pow(($0 - mu) / sigma, 3) }, moments.skewness)
        check("kurtosis", x.map { pow(($0 - mu) / sigma, 4) }, moments.kurtosis)
        check("E[1+e]", gross, moments.expectedGrossReturn)
        // Compounded over the horizon, E[Π (1 + e_t)] = E[1 + e]^H: finite, as the mean of a DC
        // balance needs.
        let growth = blocks.flatMap { b in
            (0..<b.pathCount).map { j in (0..<horizon).reduce(1.0) { $0 * (1 + b.equityReturn[b.yearOffset(path: j, year: $1)]) } }
        }
        check("E[prod(1+e)] over 10 years", growth, pow(moments.expectedGrossReturn, Double(horizon)))
        // The shape is the mixture's, not the normal's: skewness −1.14 and kurtosis 7.46 here.
        #expect(moments.skewness < -1.1 && moments.kurtosis > 7.4)
        // The regime is independent of ε_e, so cov(ln(1+e), π) = ρ σ_π E[s_R] in the first year.
        let (calm, stress) = try #require(Self.crash.regimes(mean: mu, volatility: p.equityLogVolatility))
        let expected = p.correlation[0][4] * p.inflation.volatility.last * (0.9 * calm.volatility + 0.1 * stress.volatility)
        let first = column(blocks, \.equityReturn, year: 0).map { log1p($0) }
        let inflation = column(blocks, \.inflation, year: 0)
        let se = ((moments.variance * p.inflation.volatility.last * p.inflation.volatility.last + expected * expected) / Double(first.count)).squareRoot()
        #expect(within4SE(covariance(first, inflation), expected, se), "\(covariance(first, inflation)) vs \(expected)")
    }

    /// Replays the documented draw order with a generator of our own: per year five ziggurat
    /// normals, ε = L z, then W under Student t or U under a mixture; ln(1 + e) by the formulas of
    /// docs/model.md §3. Every equity return must agree bit for bit, and after the path both
    /// generators must be at the same place (the ESG drew exactly `drawsPerPath` values).
    @Test(arguments: [EquityShocks.normal, .studentT(degreesOfFreedom: 5), .mixture(ESGMixtureTests.crash)])
    func theDrawOrderIsTheDocumentedOne(shocks: EquityShocks) throws {
        let p = testEconomy(shocks: shocks)
        let horizon = 6
        let esg = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: horizon)
        let l = try CholeskyFactor(matrix: p.correlation).lower
        let seeds = PathSeeds(master: 99)
        var perYear = 5
        for path in 0..<20 {
            var out = EconomicPaths(firstPath: path, pathCount: 1, horizon: horizon)
            var used = try RandomGenerator(kind: .mt19937, seed: 1)
            used.reseed(seeds.seed(forPath: path))
            try esg.generate(path: path, slot: 0, generator: &used, into: &out)
            var replay = try RandomGenerator(kind: .mt19937, seed: 1)
            replay.reseed(seeds.seed(forPath: path))
            for t in 0..<horizon {
                let z = (0..<5).map { _ in replay.normal() }
                var e4 = l[20] * z[0] + l[21] * z[1] + l[22] * z[2] + l[23] * z[3] + l[24] * z[4]
                let expected: Double
                switch shocks {
                case .normal:
                    expected = exp(p.equityLogMean + p.equityLogVolatility * e4) - 1
                case let .studentT(nu):
                    let w = try replay.chiSquared(nu: nu)
                    e4 *= ((nu - 2) / w).squareRoot()
                    expected = exp(p.equityLogMean + p.equityLogVolatility * e4) - 1
                    perYear = 6
                case let .mixture(mixture):
                    let (calm, stress) = try #require(mixture.regimes(mean: p.equityLogMean, volatility: p.equityLogVolatility))
                    let regime = replay.uniform() < mixture.crashProbability ? stress : calm
                    expected = exp(regime.mean + regime.volatility * e4) - 1
                    perYear = 6
                }
                #expect(out.equityReturn[t].bitPattern == expected.bitPattern, "path \(path), year \(t)")
            }
            #expect(used.uniform() == replay.uniform(), "path \(path): the ESG drew a different number of values")
        }
        #expect(esg.drawsPerPath == perYear * horizon)
    }

    /// Golden values of normal and Student t runs (path 0 of seed 7, years 0–2), so that a change to
    /// their draws or formulas shows: the mixture must leave them bit for bit unchanged.
    @Test func normalAndStudentTRunsAreUnchanged() throws {
        func equity(_ shocks: EquityShocks) throws -> [UInt64] {
            let esg = try EconomicScenarioGenerator(parameters: testEconomy(shocks: shocks), startYear: 2019, horizon: 3)
            return try esg.generate(paths: 0..<1, seeds: PathSeeds(master: 7)).equityReturn.map(\.bitPattern)
        }
        let normal = try equity(.normal), t = try equity(.studentT(degreesOfFreedom: 5))
        #expect(normal == Self.goldenNormal)
        #expect(t == Self.goldenStudentT)
    }

    static let goldenNormal: [UInt64] = [0x3fca4ac16cbc0078, 0xbfd9ead3a60cee14, 0xbfca11a9c4e6cec4]
    static let goldenStudentT: [UInt64] = [0x3fc61f8a4a4267d0, 0xbfe4c1d6d1797366, 0x3fc5f49283a4c1b8]

    @Test func aMixtureWithoutShiftOrRatioIsTheNormalDistribution() throws {
        // δ = 0, r = 1: both regimes are (μ_e, σ_e). The first year's normals are the same draws
        // as under normal shocks (the U comes after them), so the first year's returns agree.
        let flat = testEconomy(shocks: .mixture(EquityMixture(crashProbability: 0.3, meanShift: 0, volatilityRatio: 1)))
        let moments = try #require(flat.equityLogReturnMoments)
        #expect(abs(moments.expectedGrossReturn - exp(0.08 + 0.02)) < 1e-15)
        #expect(abs(moments.kurtosis - 3) < 1e-13 && moments.skewness == 0)
        let mixed = try EconomicScenarioGenerator(parameters: flat, startYear: 2019, horizon: 4)
            .generate(paths: 0..<300, seeds: PathSeeds(master: 3))
        let normal = try EconomicScenarioGenerator(parameters: testEconomy(), startYear: 2019, horizon: 4)
            .generate(paths: 0..<300, seeds: PathSeeds(master: 3))
        for j in 0..<300 {
            let o = normal.yearOffset(path: j, year: 0)
            #expect(abs(mixed.equityReturn[o] - normal.equityReturn[o]) <= 1e-15 * abs(1 + normal.equityReturn[o]))
            #expect(mixed.inflation[o] == normal.inflation[o])
        }
        // A tiny crash probability: the closed forms tend to the normal's, and (no stress year
        // drawn) the first year's returns agree to within p-sized terms.
        let rare = testEconomy(shocks: .mixture(EquityMixture(crashProbability: 1e-9, meanShift: -0.3, volatilityRatio: 3)))
        let r = try #require(rare.equityLogReturnMoments)
        #expect(abs(r.expectedGrossReturn - exp(0.08 + 0.02)) < 1e-7)
        #expect(abs(r.kurtosis - 3) < 1e-6 && abs(r.skewness) < 1e-6)
        let rareRun = try EconomicScenarioGenerator(parameters: rare, startYear: 2019, horizon: 4)
            .generate(paths: 0..<300, seeds: PathSeeds(master: 3))
        for j in 0..<300 {
            let o = normal.yearOffset(path: j, year: 0)
            #expect(abs(rareRun.equityReturn[o] - normal.equityReturn[o]) <= 1e-7)
        }
    }

    /// The arithmetic of the suggested Indonesian sets in docs/model.md §3 ("Fat tails with finite
    /// means"): σ_e = 0.235 with 1998 and 2008, p = 0.095, and E[1 + e] = 1.105 as today.
    @Test(arguments: [
        (0.0720, 0.0, 2.03, 0.2064, 0.4190, 1.10496, 0.0, 4.49),
        (0.0730, -0.20, 1.82, 0.2061, 0.3750, 1.10499, -0.43, 4.38),
    ])
    func theSuggestedFlagshipSets(_ set: (Double, Double, Double, Double, Double, Double, Double, Double)) throws {
        let (mu, shift, ratio, calmVolatility, stressVolatility, gross, skewness, kurtosis) = set
        var p = testEconomy(shocks: .mixture(EquityMixture(crashProbability: 0.095, meanShift: shift, volatilityRatio: ratio)))
        p.equityLogMean = mu
        p.equityLogVolatility = 0.235
        #expect(p.problems().isEmpty)
        let (calm, stress) = try #require(EquityMixture(crashProbability: 0.095, meanShift: shift, volatilityRatio: ratio)
            .regimes(mean: mu, volatility: 0.235))
        #expect(abs(calm.volatility - calmVolatility) < 5e-5 && abs(stress.volatility - stressVolatility) < 5e-5)
        let m = try #require(p.equityLogReturnMoments)
        #expect(abs(m.expectedGrossReturn - gross) < 5e-6, "\(m.expectedGrossReturn)")
        #expect(abs(m.skewness - skewness) < 5e-3 && abs(m.kurtosis - kurtosis) < 5e-3, "\(m.skewness) \(m.kurtosis)")
    }

    @Test func withoutShocksAMixtureIsItsOverallMean() throws {
        var p = testEconomy(shocks: .mixture(Self.crash))
        let deterministic = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 5).deterministicPath()
        #expect(deterministic.equityReturn.allSatisfy { $0 == exp(0.08) - 1 })
        // σ_e = 0 with the mixture kept: no equity risk, ln(1 + e) = μ_e in either regime.
        p.equityLogVolatility = 0
        #expect(p.problems().isEmpty)
        let riskless = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 5)
            .generate(paths: 0..<50, seeds: PathSeeds(master: 1))
        #expect(riskless.equityReturn.allSatisfy { $0 == exp(0.08) - 1 })
        #expect(abs((p.equityLogReturnMoments?.expectedGrossReturn ?? 0) - exp(0.08)) < 1e-15)
    }

    @Test func invalidMixturesAreNamedByTheirKeys() {
        func problems(_ mixture: EquityMixture) -> [ParameterProblem] {
            testEconomy(shocks: .mixture(mixture)).problems()
        }
        #expect(problems(EquityMixture(crashProbability: 0, meanShift: 0, volatilityRatio: 0)).map(\.key) == [
            "economy.equity.crash_probability", "economy.equity.crash_volatility_ratio",
        ])
        #expect(problems(EquityMixture(crashProbability: 1, meanShift: .nan, volatilityRatio: 1)).map(\.key) == [
            "economy.equity.crash_probability", "economy.equity.crash_mean_shift",
        ])
        // p(1 − p)δ² = 0.25 · 0.25 > σ_e² = 0.04: one message, at the shift, with the largest |δ|.
        let tooFar = problems(EquityMixture(crashProbability: 0.5, meanShift: -0.5, volatilityRatio: 2))
        #expect(tooFar.map(\.key) == ["economy.equity.crash_mean_shift"])
        #expect(tooFar.first?.message.contains("expected |crash_mean_shift| < σ_e/√(p(1 − p)) = 0.4, got -0.5") == true)
        #expect(throws: EconomyParametersError.self) {
            _ = try EconomicScenarioGenerator(
                parameters: testEconomy(shocks: .mixture(EquityMixture(crashProbability: 0.5, meanShift: -0.5, volatilityRatio: 2))),
                startYear: 2019, horizon: 5)
        }
    }
}
