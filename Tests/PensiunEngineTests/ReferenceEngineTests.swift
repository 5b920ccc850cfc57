import Foundation
import Testing
import PensiunRandom
@testable import PensiunEngine

/// Both engines (the lane engine and the general per-path engine) against the readable
/// per-member reference, to 1e-9 relative.
@Suite struct ReferenceEngineTests {
    static let compared: [Metric] = [
        .actives, .pensioners, .survivors, .deferred, .payroll, .contributionsEmployee, .contributionsEmployer,
        .dbBenefits, .dcAnnuities, .guaranteeTopups, .bondRedemptions, .budgetBurden, .dcFundAssets,
        .bondsOutstanding, .dbReserveAssets, .replacementRateDB, .replacementRateDC, .replacementRateTotal,
    ]

    /// (name, reform DC, κ volatility, years added to the reform's retirement ages).
    static let cases: [(String, DCRules?, Double, Int)] = [
        ("current scheme only", nil, 0, 0),
        ("new entrants, frozen DB, deterministic mortality", Fixture.dc(), 0, 0),
        ("new entrants, frozen DB, stochastic mortality", Fixture.dc(), 0.05, 0),
        ("switch under 40, recognition bonds", Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)), 0.05, 0),
        ("all, frozen on final salary, lump sums", Fixture.dc(transition: .all, rights: .frozenDB(finalSalary: true), payout: .lumpSum), 0.03, 0),
        ("supplementary, cash withdrawals, no guarantee", Fixture.dc(transition: .supplementary, guarantee: nil, withdrawal: .cash), 0.03, 0),
        ("all switch at y0, bonds", Fixture.dc(transition: .all, rights: .recognitionBond(rate: 0.04), year: 2020), 0.02, 0),
        ("switch under 40, retirement two years later", Fixture.dc(transition: .switchUnderAge(40), rights: .recognitionBond(rate: 0.05)), 0.05, 2),
        ("parametric: retirement two years later, no DC", nil, 0.03, 2),
    ]

    @Test(arguments: 0..<9, [MonteCarloProjection.Engine.lanes, .general])
    func fastEngineMatchesTheReference(case index: Int, engine: MonteCarloProjection.Engine) throws {
        let (name, dc, kappa, delay) = Self.cases[index]
        var inputs = Fixture.inputs(horizon: 35, volatility: 0.02, kappaVolatility: kappa, dc: dc, target: .growth(0.01))
        inputs.reform.retirementAges = inputs.reform.retirementAges.map { ByYear($0(2020) + delay) }
        inputs.current.db.destination = .reserve
        inputs.reform.db.destination = .reserve
        inputs.current.db.pensionAllowance = 0.12
        inputs.current.db.survivorAllowance = 0.06
        inputs.reform.db.pensionAllowance = 0.12
        inputs.reform.db.survivorAllowance = 0.06
        let mc = try MonteCarloProjection(inputs: inputs, engine: engine)
        // The lane engine shares the active sums of the two schemes exactly when their demography
        // is the same (here: the same retirement ages).
        #expect(mc.sharedDemography == (engine == .lanes && delay == 0))
        // With no DC and the same retirement ages the reform is the current scheme: projected once.
        #expect(mc.sameSchemes == (dc == nil && delay == 0))
        var mismatches: [String] = []
        for path in [0, 7] {
            var block = EconomicPathsBox(mc: mc)
            var generator = try RandomGenerator(seed: PathSeeds(master: 11).seed(forPath: path))
            let drivers = try mc.drivers(path: path, slot: 0, block: &block.paths, generator: &generator)
            let output = try mc.runBlock(path..<(path + 1), seeds: PathSeeds(master: 11))
            for (scheme, rules) in [(Scheme.current, inputs.current), (.reform, inputs.reform)] {
                let fast = output.results[0][scheme.rawValue]
                let slow = ReferenceEngine(inputs: inputs, rules: rules).project(drivers)
                for m in Self.compared {
                    for t in 0..<m.length(horizon: 35) {
                        let a = fast[m, t], b = slow[m]![t]
                        let ok = (a.isNaN && b.isNaN) || abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-6)
                        if !ok { mismatches.append("\(name), path \(path), \(scheme.name) \(m.name) \(2020 + t): fast \(a) vs reference \(b)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(6).joined(separator: "; "))")
    }
}

/// A one-path ESG buffer for calling `drivers(path:…)` directly.
struct EconomicPathsBox {
    var paths: PensiunEconomy.EconomicPaths
    init(mc: MonteCarloProjection) {
        paths = .init(firstPath: 0, pathCount: 1, horizon: mc.context.horizon)
    }
}

import PensiunEconomy
