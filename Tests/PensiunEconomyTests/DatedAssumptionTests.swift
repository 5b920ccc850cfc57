import Foundation
import Testing
import PensiunRandom
@testable import PensiunEconomy

/// Dated means, persistences and volatilities, pinned history and pay tied to productivity
/// (docs/model.md §3, "Dated assumptions").
@Suite struct DatedAssumptionTests {
    @Test func stepAndLinearValuesBetweenAndBeyondTheirPoints() {
        let points = [Dated.Point(year: 2030, value: 0.03), Dated.Point(year: 2020, value: 0.05)]
        let step = Dated(points: points, interpolation: .step), linear = Dated(points: points, interpolation: .linear)
        #expect(step(2010) == 0.05 && step(2020) == 0.05 && step(2029) == 0.05 && step(2030) == 0.03 && step(2090) == 0.03)
        #expect(linear(2010) == 0.05 && linear(2020) == 0.05 && linear(2030) == 0.03 && linear(2090) == 0.03)
        #expect(abs(linear(2025) - 0.04) < 1e-17 && abs(linear(2021) - 0.048) < 1e-17)
        #expect(Dated(0.02)(Int.min + 1) == 0.02 && Dated(0.02).isConstant && !step.isConstant && linear.last == 0.03)
    }

    /// The moving-mean recurrence on the deterministic path: x_y = μ_y + φ_y (x_{y−1} − μ_{y−1}),
    /// computed here from its definition, year by year.
    @Test func theDeterministicPathFollowsTheMovingMean() throws {
        var p = testEconomy()
        p.realGDPGrowth.mean = Dated(points: [.init(year: 2019, value: 0.05), .init(year: 2049, value: 0.02)], interpolation: .linear)
        p.realGDPGrowth.persistence = Dated(points: [.init(year: 2019, value: 0.5), .init(year: 2030, value: 0.2)], interpolation: .step)
        p.inflation.mean = Dated(points: [.init(year: 2025, value: 0.04)], interpolation: .step)
        let path = try EconomicScenarioGenerator(parameters: p.withoutShocks, startYear: 2019, horizon: 40).deterministicPath()
        var gamma = p.realGDPGrowth.start, pi = p.inflation.start
        for t in 0..<40 {
            let y = 2019 + t
            let mu = 0.05 + (0.02 - 0.05) * Double(min(max(y - 2019, 0), 30)) / 30
            let muBefore = 0.05 + (0.02 - 0.05) * Double(min(max(y - 1 - 2019, 0), 30)) / 30
            gamma = mu + (y < 2030 ? 0.5 : 0.2) * (gamma - muBefore)
            pi = 0.04 + 0.6 * (pi - 0.04)
            #expect(abs(path.gdpGrowth[t] - gamma) < 1e-15, "\(y)")
            #expect(abs(path.inflation[t] - pi) < 1e-15, "\(y)")
        }
        #expect(path.gdpGrowth == p.realGDPGrowth.expectedValues(startYear: 2019, horizon: 40))
    }

    /// Mean and variance of a process with dated mean, persistence and volatility across 40,000
    /// paths, against E_y = μ_y + φ_y (E_{y−1} − μ_{y−1}) and V_y = φ_y² V_{y−1} + σ_y².
    @Test func datedMomentsMatchTheirRecursions() throws {
        var p = testEconomy()
        p.bondYield.mean = Dated(points: [.init(year: 2019, value: 0.08), .init(year: 2029, value: 0.05)], interpolation: .linear)
        p.bondYield.persistence = Dated(points: [.init(year: 2019, value: 0.9), .init(year: 2024, value: 0.3)], interpolation: .step)
        p.bondYield.volatility = Dated(points: [.init(year: 2019, value: 0.02), .init(year: 2026, value: 0.005)], interpolation: .step)
        let generator = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 12)
        let blocks = try EconomicSimulation.run(generator, paths: 0..<40_000, seed: 11, threads: 2)
        let means = p.bondYield.expectedValues(startYear: 2019, horizon: 12), variances = p.bondYield.variances(startYear: 2019, horizon: 12)
        for t in [2, 6, 11] {
            let x = column(blocks, \.bondYield, year: t)
            let n = Double(x.count), m = x.reduce(0, +) / n
            let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
            #expect(abs(m - means[t]) < 4 * (variances[t] / n).squareRoot(), "mean, year \(t): \(m) vs \(means[t])")
            // Var of the sample variance of a normal: 2σ⁴/(n − 1).
            #expect(abs(v - variances[t]) < 4 * variances[t] * (2 / (n - 1)).squareRoot(), "variance, year \(t): \(v) vs \(variances[t])")
        }
        // Constant parameters: the recursions equal the closed forms.
        let q = testEconomy().inflation
        for (t, (e, v)) in zip(q.expectedValues(startYear: 2019, horizon: 20), q.variances(startYear: 2019, horizon: 20)).enumerated() {
            #expect(abs(e - q.expectedValue(afterYears: t)) < 1e-15 && abs(v - q.variance(afterYears: t)) < 1e-18)
        }
    }

    /// Pinned years: every path takes the observed values; their shocks are still drawn, so the
    /// draws of later years, and of every unpinned variable, are those of the run without pins.
    @Test func pinnedHistoryIsOnEveryPathAndKeepsTheDrawOrder() throws {
        var free = testEconomy()
        free.realGDPGrowth.persistence = 0  // γ_y = μ + σ ε_y: later years show the same draws
        var pinned = free
        pinned.realGDPGrowth.history = [.init(year: 2019, value: 0.0502), .init(year: 2020, value: -0.0207), .init(year: 2021, value: 0.037)]
        pinned.inflation.history = [.init(year: 2019, value: 0.0272)]
        let a = try EconomicScenarioGenerator(parameters: free, startYear: 2019, horizon: 10).generate(paths: 0..<50, seeds: PathSeeds(master: 3))
        let b = try EconomicScenarioGenerator(parameters: pinned, startYear: 2019, horizon: 10).generate(paths: 0..<50, seeds: PathSeeds(master: 3))
        for j in 0..<50 {
            let o = b.yearOffset(path: j, year: 0)
            #expect(Array(b.gdpGrowth[o..<(o + 3)]) == [0.0502, -0.0207, 0.037])
            #expect(b.inflation[o] == 0.0272 && b.inflation[o + 1] != a.inflation[o + 1])
            #expect(Array(b.gdpGrowth[(o + 3)..<(o + 10)]) == Array(a.gdpGrowth[(o + 3)..<(o + 10)]))
            #expect(Array(b.equityReturn[o..<(o + 10)]) == Array(a.equityReturn[o..<(o + 10)]))
            #expect(Array(b.realWageGrowth[o..<(o + 10)]) == Array(a.realWageGrowth[o..<(o + 10)]))
            // Inflation continues from the observed value: π_2020 = μ + φ (0.0272 − μ) + σ ε.
            let shock = (a.inflation[o + 1] - 0.03 - 0.6 * (a.inflation[o] - 0.03)) / 0.01
            #expect(abs(b.inflation[o + 1] - (0.03 + 0.6 * (0.0272 - 0.03) + 0.01 * shock)) < 1e-15)
        }
        #expect(pinned.inflation.expectedValues(startYear: 2019, horizon: 2)[0] == 0.0272)
        #expect(pinned.inflation.variances(startYear: 2019, horizon: 2) == [0, 0.01 * 0.01])
    }

    @Test func historyMustStartInTheFirstYearWithConsecutiveYears() {
        var p = testEconomy()
        p.inflation.history = [.init(year: 2020, value: 0.03)]
        let late = #expect(throws: EconomyParametersError.self) {
            try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 5)
        }
        #expect(late?.description == "economy.inflation.history: expected consecutive years from simulation.start_year 2019, got 2020")
        p.inflation.history = [.init(year: 2019, value: 0.03), .init(year: 2021, value: 0.03)]
        #expect(p.problems().map(\.description) == ["economy.inflation.history: expected consecutive years, got 2019, 2021"])
    }

    /// μ_g,y = (1 + μ_γ,y)/(1 + n_y) − 1 + gap_y on the deterministic path (φ_g = 0 there, so the
    /// wage growth is its mean), with a converging GDP growth and a shrinking labour force.
    @Test func payTracksProductivity() throws {
        var p = testEconomy()
        p.realWageGrowth.persistence = 0
        p.realGDPGrowth.persistence = 0
        p.realGDPGrowth.mean = Dated(points: [.init(year: 2019, value: 0.05), .init(year: 2059, value: 0.03)], interpolation: .linear)
        p.productivity = ProductivityLink(
            labourForceGrowth: Dated(points: [.init(year: 2019, value: 0.012), .init(year: 2040, value: -0.002)], interpolation: .step),
            gap: -0.005)
        let path = try EconomicScenarioGenerator(parameters: p.withoutShocks, startYear: 2019, horizon: 60).deterministicPath()
        for t in 0..<60 {
            let y = 2019 + t
            let gamma = 0.05 + (0.03 - 0.05) * Double(min(t, 40)) / 40
            #expect(abs(path.gdpGrowth[t] - gamma) < 1e-15)
            let expected = (1 + gamma) / (1 + (y < 2040 ? 0.012 : -0.002)) - 1 - 0.005
            #expect(abs(path.realWageGrowth[t] - expected) < 1e-15, "\(y)")
        }
        #expect(abs(p.longRunRealWageGrowth - (1.03 / 0.998 - 1 - 0.005)) < 1e-16)
        // The wage shock stays a deviation around that mean: the same draws as without the link.
        var unlinked = p
        unlinked.productivity = nil
        unlinked.realWageGrowth.mean = 0
        let a = try EconomicScenarioGenerator(parameters: p, startYear: 2019, horizon: 5).generate(paths: 0..<5, seeds: PathSeeds(master: 9))
        let b = try EconomicScenarioGenerator(parameters: unlinked, startYear: 2019, horizon: 5).generate(paths: 0..<5, seeds: PathSeeds(master: 9))
        for i in 0..<25 {
            let t = i % 5, y = 2019 + t
            let gamma = 0.05 + (0.03 - 0.05) * Double(t) / 40
            #expect(abs(a.realWageGrowth[i] - b.realWageGrowth[i] - ((1 + gamma) / 1.012 - 1 - 0.005)) < 1e-15, "\(y)")
        }
    }
}
