import Foundation
import PensiunInputs
import PensiunRandom
import Testing
@testable import PensiunEngine

/// Financing the transition (issue 21, docs/model.md Part II "Financing the transition"): the
/// extra burden borrowed at the path's yields, surpluses repaying it and building a reserve.
@Suite struct FinancingTests {
    /// A constant yield of 21%, so that (1 + i)^{1/2} = 1.1 and every value below is a short
    /// decimal: a deficit of 100 in each of two years, then surpluses of 150 for three years.
    ///
    ///     t  Δ     N_t        M_t = 1.1·N_t + Δ   interest 0.1·(N⁺ + M⁺)   N_{t+1} = 1.21·N_t + 1.1·Δ
    ///     0  100   0          100                 10                       110
    ///     1  100   110        221                 33.1                     243.1
    ///     2  −150  243.1      117.41              36.051                   129.151
    ///     3  −150  129.151    −7.9339             12.9151                  −8.72729   (debt repaid, reserve)
    ///     4  −150  −8.72729   −159.600019         0                        −175.5600209
    @Test func aConstantDeficitThenSurplusesRepayTheDebtAndBuildAReserve() {
        let path = TransitionDebt(differences: [100, 100, -150, -150, -150], yields: Array(repeating: 0.21, count: 5))
        let debt = [0, 110, 243.1, 129.151, 0, 0]
        let reserve = [0, 0, 0, 0, 8.72729, 175.5600209]
        let interest = [10, 33.1, 36.051, 12.9151, 0]
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
        for t in 0...5 {
            #expect(close(path.debt[t], debt[t]), "debt at the start of year \(t): \(path.debt[t]) vs \(debt[t])")
            #expect(close(path.reserve[t], reserve[t]), "reserve at the start of year \(t): \(path.reserve[t]) vs \(reserve[t])")
            #expect(path.debt[t] == 0 || path.reserve[t] == 0, "a debt and a reserve at once in year \(t)")
        }
        for t in 0..<5 { #expect(close(path.interest[t], interest[t]), "interest of year \(t): \(path.interest[t]) vs \(interest[t])") }
        // Stocks are +0, never −0, when there is neither debt nor reserve.
        #expect(path.debt[4].sign == .plus && path.reserve[0].sign == .plus)
    }

    /// N_H · Π_{u<H} (1 + i_u)^{−1} equals the PV of the differences at the path's yields, with
    /// the PV's own factors (``PathDrivers/discountFactors(fixedRate:)``), on varying yields.
    @Test func theDebtAtTheHorizonDiscountedIsThePVOfTheDifferences() throws {
        let inputs = Fixture.inputs(horizon: 30, volatility: 0.03, dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)))
        let mc = try MonteCarloProjection(inputs: inputs)
        var checked = 0
        for path in 0..<3 {
            let d = try ReferenceComparison.drivers(mc)[path]
            let differences = (0..<30).map { 1_000 * sin(Double($0)) + 300 }  // deficits and surpluses
            let yields = (0..<30).map(d.yieldAtStart)
            #expect(Set(yields).count > 1, "the yields vary along the path")
            let debt = TransitionDebt(differences: differences, yields: yields)
            let v = d.discountFactors(fixedRate: nil)
            let pv = zip(v, differences).reduce(0) { $0 + $1.0 * $1.1 }
            let accumulated = yields.reduce(1) { $0 * (1 + $1) }
            let net = debt.debt[30] - debt.reserve[30]
            #expect(abs(net / accumulated - pv) <= 1e-9 * differences.map(abs).reduce(0, +), "path \(path): \(net / accumulated) vs \(pv)")
            checked += 1
        }
        #expect(checked == 3)
    }

    /// Through the engine: with `borrowing` the reform's metrics follow the difference of its
    /// burdens on each path (whatever `reporting.discount_rate` says), the PV identity holds
    /// against the path's `pv_difference`, and D/GDP is D over that year's GDP; with `none` every
    /// value is not applicable (NaN). The current scheme has none (zeros that no output writes).
    @Test func theEngineFinancesTheReformsExtraBurden() throws {
        var inputs = Fixture.inputs(horizon: 30, volatility: 0.02, dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)))
        inputs.valuation.financing = .borrowing
        let mc = try MonteCarloProjection(inputs: inputs)
        let output = try mc.runBlock(0..<3, seeds: PathSeeds(master: 4))
        var fixed = inputs
        fixed.valuation.discountRate = 0.08
        let fixedOutput = try MonteCarloProjection(inputs: fixed).runBlock(0..<3, seeds: PathSeeds(master: 4))
        let drivers = try mc.blockDrivers(0..<3, seeds: PathSeeds(master: 4))
        var sawDebt = false
        for j in 0..<3 {
            let current = output.results[j][0], reform = output.results[j][1], d = drivers[j]
            let differences = (0..<30).map { reform[.budgetBurden, $0] - current[.budgetBurden, $0] }
            let expected = TransitionDebt(differences: differences, yields: (0..<30).map(d.yieldAtStart))
            for t in 0...30 {
                #expect(reform[.transitionDebt, t] == expected.debt[t])
                #expect(reform[.transitionReserve, t] == expected.reserve[t])
                #expect(reform[.transitionDebtPctGDP, t] == expected.debt[t] / d.gdp[t])
                #expect(fixedOutput.results[j][1][.transitionDebt, t] == expected.debt[t], "a fixed discount rate is no borrowing cost")
                if t < 30 { #expect(reform[.transitionDebtInterest, t] == expected.interest[t]) }
                for m in Metric.financing { #expect(current[m, t] == 0) }
                if reform[.transitionDebt, t] > 0 { sawDebt = true }
            }
            let s = output.summaries[j]
            let accumulated = (0..<30).reduce(1.0) { $0 * (1 + d.yieldAtStart($1)) }
            let net = reform[.transitionDebt, 30] - reform[.transitionReserve, 30]
            #expect(abs(net / accumulated - s.pvDifference) <= 1e-9 * s.pvBurdenReform, "path \(j)")
        }
        #expect(sawDebt, "the switch costs more first: a debt builds")
        inputs.valuation.financing = .none
        let none = try MonteCarloProjection(inputs: inputs).runBlock(0..<3, seeds: PathSeeds(master: 4))
        for j in 0..<3 {
            for m in Metric.financing {
                for t in 0..<m.length(horizon: 30) { #expect(none.results[j][1][m, t].isNaN, "\(m.name) \(t)") }
            }
            #expect(none.results[j][1][.budgetBurden, 10] == output.results[j][1][.budgetBurden, 10], "financing changes no burden")
        }
        // The deterministic path (alternatives, the base case) carries the same metrics.
        let det = try MonteCarloProjection(inputs: fixed).deterministic()
        let detDebt = TransitionDebt(differences: (0..<30).map { det.reform[.budgetBurden, $0] - det.current[.budgetBurden, $0] },
                                     yields: (0..<30).map(det.drivers.yieldAtStart))
        #expect((0...30).map { det.reform[.transitionDebt, $0] } == detDebt.debt)
    }

    /// `dc_fund_government_bonds` = Σ balance × bond weight at the member's age: between the
    /// glide path's smallest and largest bond weights times the fund (here 0.3 below 50 and 0.6
    /// from 50), zero without a DC; the reference engine checks it member by member.
    @Test func theFundsGovernmentBondsFollowTheGlidePath() throws {
        let inputs = Fixture.inputs(horizon: 30, volatility: 0.02, dc: Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)))
        for engine in [MonteCarloProjection.Engine.lanes, .general] {
            let output = try MonteCarloProjection(inputs: inputs, engine: engine).runBlock(0..<2, seeds: PathSeeds(master: 4))
            for j in 0..<2 {
                let reform = output.results[j][1], current = output.results[j][0]
                var sawBoth = false
                for t in 0...30 {
                    let fund = reform[.dcFundAssets, t], bonds = reform[.dcFundGovernmentBonds, t]
                    #expect(bonds >= 0.3 * fund * (1 - 1e-12) && bonds <= 0.6 * fund * (1 + 1e-12), "\(engine) \(t)")
                    if bonds > 0.3 * fund * (1 + 1e-9) && bonds < 0.6 * fund * (1 - 1e-9) { sawBoth = true }
                    #expect(current[.dcFundGovernmentBonds, t] == 0)
                }
                #expect(sawBoth, "members on both sides of 50 hold balances")
            }
        }
    }
}
