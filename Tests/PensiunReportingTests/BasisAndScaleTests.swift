import Foundation
import PensiunEconomy
import PensiunEngine
import PensiunInputs
import PensiunMonteCarlo
import PensiunScenario
import Testing
@testable import PensiunReporting

/// What the summary prints beside its present values and about the scheme's scale (issue 19):
/// the discount basis with r − g, P(burden above its y0 level), payroll / GDP.
@Suite struct BasisAndScaleTests {
    /// A steady economy (every start at its mean, σ = 0): r is the yield and g = (1 + π)(1 + γ) − 1.
    @Test func rMinusGOnASteadyEconomy() throws {
        var inputs = try #require(try Fixture.scenario().projection)
        inputs.economy.inflation = AR1Process(mean: 0.03, persistence: 0.5, volatility: 0.01, start: 0.03)
        inputs.economy.realGDPGrowth = AR1Process(mean: 0.04, persistence: 0.5, volatility: 0.01, start: 0.04)
        inputs.economy.bondYield = AR1Process(mean: 0.065, persistence: 0.8, volatility: 0.005, start: 0.065)
        let yields = try #require(DiscountBasis(inputs: inputs, fixedRate: nil))
        #expect(abs(yields.r - 0.065) < 1e-14 && abs(yields.g - (1.03 * 1.04 - 1)) < 1e-14)
        #expect(yields.line == "path yields, r = 6.5%/yr (deterministic); nominal GDP g = 7.1%/yr; r − g = −0.6 pp")
        #expect(yields.warning != nil)
        let fixed = try #require(DiscountBasis(inputs: inputs, fixedRate: 0.08))
        #expect(fixed.r == 0.08 && fixed.warning == nil && fixed.line.hasPrefix("fixed rate r = 8.0%/yr;"))
        // A moving yield: r is the geometric mean of 1 + i_{y−1}, y = y0 … y0+H−1.
        inputs.economy.bondYield = AR1Process(mean: 0.05, persistence: 0.5, volatility: 0.005, start: 0.09)
        let h = inputs.calendar.horizon
        let path = try EconomicScenarioGenerator(parameters: inputs.economy, startYear: inputs.calendar.startYear, horizon: h).deterministicPath()
        let product = ([0.09] + path.bondYield.prefix(h - 1)).reduce(1.0) { $0 * (1 + $1) }
        let moving = try #require(DiscountBasis(inputs: inputs, fixedRate: nil))
        #expect(abs(moving.r - (pow(product, 1 / Double(h)) - 1)) < 1e-15)
    }

    /// `burden_threshold: start_year`: a path counts when a later year's burden / GDP exceeds
    /// the current scheme's own y0 level on that path (both schemes against that level).
    @Test func theStartYearLevelThreshold() throws {
        var scenario = try Fixture.scenario()
        scenario.projection?.valuation.burdenThreshold = .startYearLevel
        let inputs = try #require(scenario.projection)
        let results = try MonteCarloProjection(inputs: inputs).run(paths: 0..<8, seed: 3, threads: 1)
        for (j, s) in results.summaries.enumerated() {
            let current = Array(results.values(.current, .burdenPctGDP, 0))[j]
            let h = results.horizon
            func over(_ scheme: Scheme) -> Bool { (0..<h).contains { Array(results.values(scheme, .burdenPctGDP, $0))[j] > current } }
            #expect(s.exceedsThresholdCurrent == over(.current) && s.exceedsThresholdReform == over(.reform))
        }
        let report = RunReport(scenario: scenario, inputs: inputs, results: results, debt: nil,
                               metadata: RunMetadata(version: "test", gitCommit: nil, seed: 3, paths: 0..<8, totalPaths: 8, threads: 1, wallTime: 0))
        let level = results.values(.current, .burdenPctGDP, 0).reduce(0, +) / 8
        #expect(report.figures.thresholdIsStartLevel && abs(report.figures.threshold - level) < 1e-15)
        #expect(SummaryText.render(report).contains("P(burden above its 2025 level, "))
    }

    /// Payroll / GDP of the first and last year, per path, from the results.
    @Test func payrollShareOfGDP() throws {
        let report = try Fixture.shared.get()
        let r = try #require(report.results)
        let last = r.horizon - 1
        let payroll = Array(r.values(.current, .payroll, last)), gdp = Array(r.gdp(last))
        let expected = (0..<r.paths.count).map { payroll[$0] / gdp[$0] }
        #expect(report.statistics.payrollPctGDPEnd == expected)
        #expect(report.figures.payrollPctGDPEnd?.median == Quantiles.of(expected, levels: [0.5])[0])
        #expect(report.figures.activesStart == r.values(.current, .actives, 0).reduce(0, +) / Double(r.paths.count))
    }
}
